select * from t limit 10;
select * from t limit 10, 20;
select * from t limit 10 offset 20;
select * from t LIMIT 5,5;
select * from t limit 1,2 for update;
select * from (select * from t limit 5) x limit 10;
