select 1 union select 1 union all select 1;
select a from t union select a from t2;
SELECT id FROM a UNION SELECT id FROM b UNION ALL SELECT id FROM c;
select x from a union select y from b;
select 1 /* x */ from t;
SELECT /* x */ 1;
