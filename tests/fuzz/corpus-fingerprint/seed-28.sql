select count(*) from t where a between 1 and 10;
select * from t where d >= '2021-03-01 00:00:00' and d < now() - interval 7 day;
select * from t where name like '%foo%' escape '!';
select sum(amount) as total from orders group by customer_id having total > 100;
select a, b from t1 inner join t2 on t1.id = t2.t1_id where t2.v in (1,2) order by a desc limit 5;
select * from t where (a, b) in ((1, 2), (3, 4));
