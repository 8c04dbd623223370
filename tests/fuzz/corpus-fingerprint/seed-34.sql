select a from t where b = 1 -- trailing;
select * from orders where status in ('new', 'paid', 'shipped') and id > 100 order by id asc limit 50 offset 100;
