select a--b from t;
select 1 -- a
-- b
 from t;
select a #b
 from t;
select 1 /* it's */ from t where a='x';
select '-- x' from t where a='/* y */' and b=1;
select 'it''s # not' from t;
