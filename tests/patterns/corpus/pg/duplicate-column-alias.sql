-- duplicate-column-alias: one output name used twice in a select list.

-- expect: duplicate-column-alias
SELECT o.id, o.created_at AS day, o.shipped_at AS day
FROM orders o
WHERE o.id = 1;

-- an alias that repeats a plain column name
-- expect: duplicate-column-alias
SELECT id, customer_id AS id FROM orders WHERE total > 0;

-- inside a derived table
-- expect: duplicate-column-alias
SELECT t.total
FROM (SELECT o.total AS amount, o.tax AS amount, o.total
      FROM orders o
      WHERE o.id > 0) AS t
WHERE t.total > 1;

-- three times is one problem
-- expect: duplicate-column-alias
SELECT a AS x, b AS x, c AS x FROM triples WHERE a > 0;

-- near-miss: duplicate-column-alias
SELECT o.id AS order_id, c.id AS customer_id
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.total > 0;

-- two unaliased columns of the same name are not aliases
-- near-miss: duplicate-column-alias
SELECT o.id, c.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.total > 0;

-- quoted names differ by case in PostgreSQL
-- near-miss: duplicate-column-alias
SELECT total AS "Total", tax AS total FROM orders WHERE id = 2;

-- the same alias in the two branches of a UNION
-- near-miss: duplicate-column-alias
SELECT id AS k FROM orders WHERE total > 0
UNION
SELECT id AS k FROM refunds WHERE amount > 0;

-- the same alias in the outer query and in a subquery
-- near-miss: duplicate-column-alias
SELECT s.n AS n
FROM (SELECT count(*) AS n FROM orders WHERE total > 0) AS s
WHERE s.n > 0;
