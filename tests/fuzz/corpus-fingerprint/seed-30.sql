select SQL_CALC_FOUND_ROWS * from t limit 10;
select if(a > 0, 'pos', 'neg') from t;
select case when a = 1 then 'one' else 'other' end from t;
select * from t where json_extract(doc, '$.a') = 1;
select `select`, `from` from `where`;
select "double" from t where x = "a""b";
