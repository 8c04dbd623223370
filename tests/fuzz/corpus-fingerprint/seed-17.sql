select * from t where a=0x and b=1x;
select * from t where h = 0xdeadbeef;
select -1, +2, 1.5, .5, 1e10, 1.5E-3, -0.1 from t;
select * from t where a=-5 and b=+.5e+3;
select a-b, a+b, a - 1 from t;
select * from t where a > -10 and b < 3.14159;
