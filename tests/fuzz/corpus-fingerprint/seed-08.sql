select * from t order by f(a asc);
select * from t order by a ascending;
select a asc from t order by b asc;
select a from t ORDER BY b ASC;
select * from t where x = "asc" order by name asc;
select casc, a asc from t;
