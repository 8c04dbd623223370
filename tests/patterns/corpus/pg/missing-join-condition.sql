-- missing-join-condition: Cartesian products by accident.

CREATE TABLE IF NOT EXISTS customers (
	id bigint PRIMARY KEY,
	name text NOT NULL,
	region text
);

CREATE TABLE IF NOT EXISTS orders (
	id bigint PRIMARY KEY,
	customer_id bigint NOT NULL,
	status text NOT NULL,
	total numeric(12, 2) NOT NULL
);

CREATE TABLE IF NOT EXISTS regions (
	code text PRIMARY KEY,
	label text NOT NULL
);

CREATE TABLE IF NOT EXISTS price_bands (
	id bigint PRIMARY KEY,
	low numeric(12, 2) NOT NULL,
	high numeric(12, 2) NOT NULL
);

-- expect: missing-join-condition
SELECT o.id, c.name
FROM orders o, customers c
WHERE o.total > 100;

-- three tables, the third one unlinked
-- expect: missing-join-condition
SELECT o.id, c.name, r.label
FROM orders o, customers c, regions r
WHERE c.id = o.customer_id AND o.total > 100;

-- UPDATE ... FROM without a link to the target
-- expect: missing-join-condition
UPDATE orders SET status = 'vip'
FROM customers c
WHERE c.region = 'EU';

-- DELETE ... USING without a link
-- expect: missing-join-condition
DELETE FROM orders USING customers c WHERE c.region = 'EU';

-- in a subquery
-- expect: missing-join-condition
SELECT c.id FROM customers c
WHERE c.id IN (SELECT o.customer_id FROM orders o, regions r
	       WHERE r.code = 'EU');

-- linked in WHERE
-- near-miss: missing-join-condition
SELECT o.id, c.name
FROM orders o, customers c
WHERE c.id = o.customer_id AND o.total > 100;

-- CROSS JOIN says it is meant
-- near-miss: missing-join-condition
SELECT c.id, r.code FROM customers c CROSS JOIN regions r WHERE c.name = 'x';

-- NATURAL JOIN has an implicit condition
-- near-miss: missing-join-condition
SELECT id, total FROM orders NATURAL JOIN order_totals WHERE id > 3;

-- a single-row derived table
-- near-miss: missing-join-condition
SELECT o.id, o.total / t.s AS share
FROM orders o, (SELECT sum(total) AS s FROM orders) AS t
WHERE o.status = 'paid';

-- a single-row CTE
-- near-miss: missing-join-condition
WITH params AS (SELECT now() - interval '1 day' AS since)
SELECT o.id, p.since FROM orders o, params p WHERE o.status = 'paid';

-- a set-returning function in FROM
-- near-miss: missing-join-condition
SELECT o.id, d FROM orders o, generate_series(1, 3) AS d WHERE o.status = 'x';

-- a range predicate links the two tables
-- near-miss: missing-join-condition
SELECT o.id, b.id AS band
FROM orders o, price_bands b
WHERE o.total BETWEEN b.low AND b.high;

-- the pattern only in a string literal
-- near-miss: missing-join-condition
SELECT id, 'FROM a, b' AS note FROM orders WHERE status = 'paid';

-- a LATERAL subquery after the comma
-- near-miss: missing-join-condition
SELECT c.id, top_order.total
FROM customers c,
     LATERAL (SELECT o.total FROM orders o
	      WHERE o.customer_id = c.id
	      ORDER BY o.total DESC
	      LIMIT 1) AS top_order
WHERE c.region = 'EU';
