insert delayed into t values (1),(2) x;
INSERT  IGNORE  INTO t VALUES (1),(2);
insert into t(a) values (1),(2);
insert t values (1),(2);
insert into t values ('a),(b', 1), (2);
insert into t (a) select * from u where x in (1),(2) x;
