select * from t where a in (?, ?);
select * from t where a in ();
select * from t where a in ((1,2),(3,4));
select a from t where b in (1) in (2);
select min(1), max (2), join (3) from t;
select * from tin (1);
