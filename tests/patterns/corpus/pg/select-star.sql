-- select-star: '*' or 't.*' in a projection over base tables or views.

-- expect: select-star
SELECT * FROM orders WHERE id = 7;

-- expect: select-star
SELECT o.*, c.name
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.id = 7;

-- a view pins today's column list
-- expect: select-star
CREATE OR REPLACE VIEW open_orders AS
SELECT * FROM orders WHERE status = 'open';

-- '*' over a join of an explicit CTE and a base table
-- expect: select-star
WITH big AS (
	SELECT id, customer_id FROM orders WHERE total > 1000
)
SELECT *
FROM big
JOIN customers c ON c.id = big.customer_id
WHERE c.region = 'EU';

-- the CTE itself uses '*', and so does the query over it
-- expect: select-star
WITH paid AS (SELECT * FROM orders WHERE status = 'paid')
SELECT * FROM paid WHERE paid.total > 10;

-- INSERT ... SELECT *
-- expect: select-star
INSERT INTO orders_archive (id, customer_id, total, status)
SELECT * FROM orders WHERE status = 'closed';

-- a derived table that selects '*' is not explicit
-- expect: select-star
SELECT d.*
FROM (SELECT * FROM orders WHERE total > 0) AS d
WHERE d.status = 'x';

-- quoted, schema-qualified
-- expect: select-star
SELECT "o".* FROM "sales"."Orders" AS "o" WHERE "o"."id" = 1;

-- near-miss: select-star
SELECT count(*) FROM orders WHERE status = 'open';

-- near-miss: select-star
SELECT c.id
FROM customers c
WHERE EXISTS (SELECT * FROM orders o WHERE o.customer_id = c.id);

-- near-miss: select-star
SELECT c.id
FROM customers c
WHERE NOT EXISTS (SELECT * FROM orders o WHERE o.customer_id = c.id);

-- a CTE that lists its columns
-- near-miss: select-star
WITH t AS (SELECT id, total FROM orders WHERE total > 0)
SELECT * FROM t WHERE t.total < 10;

-- a derived table that lists its columns
-- near-miss: select-star
SELECT *
FROM (SELECT id, status FROM orders WHERE total > 0) AS d
WHERE d.status = 'x';

-- near-miss: select-star
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, label) WHERE v.id = 1;

-- a table function
-- near-miss: select-star
SELECT * FROM generate_series(1, 10) AS g(n) WHERE g.n > 5;

-- a recursive CTE with explicit columns
-- near-miss: select-star
WITH RECURSIVE r(n) AS (
	SELECT 1
	UNION ALL
	SELECT n + 1 FROM r WHERE n < 10
)
SELECT * FROM r WHERE n > 0;

-- '*' only in a comment, a string and a dollar quote
-- near-miss: select-star
SELECT id /* SELECT * FROM orders */
FROM notes
WHERE body = 'SELECT * FROM x' OR body = $$SELECT * FROM y$$;

-- 'd.*' over an explicit derived table
-- near-miss: select-star
SELECT o.id, d.*
FROM orders o
JOIN (SELECT id AS oid, total AS amount FROM orders WHERE total > 0) AS d
	ON d.oid = o.id
WHERE o.total > 1;
