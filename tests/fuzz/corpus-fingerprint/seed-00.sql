SELECT name, password FROM user WHERE id='12823';
select name,	password from user
    where id=5;
select * from t where id in (1, 2, 3);
select * from t where id IN(1);
select * from t where id in ( 1 , 2 );
select * from t where id in ('a','b') and x in (select y from z);
