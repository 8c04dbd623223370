select a1, 1a, a_1, t2.c3, `tbl_2`.`col9`, a1b2 from t1;
select tab2, ix1, lb.3, a.b1 from t;
select * from users_2009 join users_2010 using (id);
select * from `db1`.`table_42` where `col_7` = 7;
select * from t where md5_col = 'd41d8cd98f00b204e9800998ecf8427e';
select null, NULL, nullable, true, TRUE, false, is_true from t;
