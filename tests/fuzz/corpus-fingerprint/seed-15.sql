select 'a\'b', 'c''d', "e\"f" from t;
select 'a' 'b';
select 'a\\' from t where b='c';
select 'a\\'b' from t;
select 'abc\\' from t where b='c' and d=1;
select 'a"b', "c'd" from t;
