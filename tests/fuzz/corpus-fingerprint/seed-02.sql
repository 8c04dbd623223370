insert into t values (1,2),(3,4),(5,6);
INSERT INTO t (a,b) VALUES(1,2), (3, 4);
insert into t value (1);
replace into t values (1);
REPLACE INTO t (id, name) VALUES (1, 'x'), (2, 'y');
insert ignore into t values (1,"a"),(2,"b") on duplicate key update x=values(x);
