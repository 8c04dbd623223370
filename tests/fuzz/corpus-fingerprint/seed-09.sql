select * from t order by 1 asc;
select a from t group by a asc;
select a from t1 union select a from t2;
select a from t1 union all select a from t1 union all select a from t1;
select 1 union select 2 union select 3;
select a from b union select a from b union select c from d;
