-- mixed-comma-ansi-join: comma joins mixed with explicit JOIN.

CREATE TABLE IF NOT EXISTS customers (
	id bigint PRIMARY KEY,
	name text NOT NULL,
	region text
);

CREATE TABLE IF NOT EXISTS orders (
	id bigint PRIMARY KEY,
	customer_id bigint NOT NULL,
	total numeric(12, 2) NOT NULL,
	items jsonb
);

CREATE TABLE IF NOT EXISTS regions (
	code text PRIMARY KEY,
	label text NOT NULL
);

-- expect: mixed-comma-ansi-join
SELECT o.id, r.label
FROM orders o, customers c
JOIN regions r ON r.code = c.region
WHERE c.id = o.customer_id;

-- the explicit join first, the comma after it
-- expect: mixed-comma-ansi-join
SELECT o.id, r.label
FROM orders o
JOIN customers c ON c.id = o.customer_id, regions r
WHERE r.code = c.region;

-- in a derived table
-- expect: mixed-comma-ansi-join
SELECT t.id
FROM (SELECT o.id FROM orders o, customers c
      JOIN regions r ON r.code = c.region
      WHERE c.id = o.customer_id AND r.label = 'x') AS t
WHERE t.id > 0;

-- every join explicit
-- near-miss: mixed-comma-ansi-join
SELECT o.id, r.label
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN regions r ON r.code = c.region
WHERE o.total > 0;

-- only commas
-- near-miss: mixed-comma-ansi-join
SELECT o.id, r.label
FROM orders o, customers c, regions r
WHERE c.id = o.customer_id AND r.code = c.region;

-- a set-returning function after the comma (implicitly LATERAL)
-- near-miss: mixed-comma-ansi-join
SELECT o.id, item.value
FROM orders o
JOIN customers c ON c.id = o.customer_id, jsonb_array_elements(o.items) AS item
WHERE c.region = 'EU';

-- the pattern only in a comment
-- near-miss: mixed-comma-ansi-join
SELECT o.id FROM orders o -- , customers c JOIN regions r
WHERE o.total > 0;
