select "abc;
select 1 /*;
select * from t where name = 'O\'Reilly' and city = "Bob's";
select * from t where s = '' and d = "";
select x'1F', X'ab', 0x1F, b'101', 0b11, B'1' from t;
select * from t where a = 0xFFFF and b = 0XAB and c=1.2.3;
