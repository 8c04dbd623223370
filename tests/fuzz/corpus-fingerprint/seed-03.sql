insert into t values (1) on duplicate key update x=1;
insert into t values (1,2), (3,4) on duplicate key update x=1;
insert into t value (1),(2) on duplicate key update a=1;
INSERT INTO t VALUES(1) , (2) x;
  insert into t values (1),(2) x;
REPLACE LOW_PRIORITY INTO t VALUES (1),(2) x;
