select NULL,null,nullx,xnull,(null) from t;
select * from t where a is not null;
update t set a=1 where b=2;
UPDATE `users` SET `name`='bob', `age`=42 WHERE `id` = 7;
update t set a = a + 1, b = null where c in (1,2,3) limit 10;
update t1, t2 set t1.a = t2.b where t1.id = t2.id and t2.x > 5;
