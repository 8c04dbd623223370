insert into t (a) values (1);
insert into log (msg, ts) values ('started', now());
INSERT INTO t (a, b, c) VALUES (1, 'x', NULL), (2, 'y', NULL), (3, 'z', NULL), (4, 'w', NULL);
replace into t set a = 1;
load data infile '/tmp/x.csv' into table t fields terminated by ',';
select * from t where a = 1 /* trailing */;
