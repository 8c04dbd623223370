select a /**/ b /* c */ d;
select /*!40001 SQL_NO_CACHE */ * from t;
select /*+ hint */ 1;
SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM t WHERE a = 1;
select /*!50000 STRAIGHT_JOIN */ a from t, u;
select 1 /* multi
line
comment */ from t;
