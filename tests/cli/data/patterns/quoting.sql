SELECT 'a;b' AS x, $$ ; DELETE FROM t; $$ AS y -- ; DELETE FROM t;
FROM t WHERE id = 1;
/* ; DELETE FROM u; */ DELETE FROM u;
