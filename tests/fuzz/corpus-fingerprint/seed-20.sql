delete from t where id = 5;
DELETE FROM t WHERE created < '2020-01-01' LIMIT 1000;
delete from t where id in (select id from u where flag = 1);
delete low_priority quick ignore from t where a = "b";
SELECT /*!40001 SQL_NO_CACHE */ * FROM `orders`;
SELECT /*!40001 SQL_NO_CACHE */ * FROM `a`.`b` WHERE x=1;
