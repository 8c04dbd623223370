select * from t limit ?;
select * from t where limited = 1 limit 3;
select a from t order by a asc, b ASC, c desc;
select a from t order by a, b asc limit 1;
select (select x from y order by z asc) as q, w asc from t;
select * from t order by a asc union select * from u where b asc;
