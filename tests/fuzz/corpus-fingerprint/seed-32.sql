select * from information_schema.tables where table_schema = 'db' and table_name = 'tbl_1';
select conv(x, 16, 10) from t;
select * from t where id = 123456789012345678901234567890;
select * from t where f = 1.0e-10 and g = 2E5;
select - 1, + 2, 3 - -4 from t;
select * from t2 where c = 'a' union all select * from t2 where c = 'a';
