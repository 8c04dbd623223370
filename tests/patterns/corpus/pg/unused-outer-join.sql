-- unused-outer-join: a LEFT/RIGHT/FULL joined table that nothing outside
-- its ON clause refers to.

CREATE TABLE IF NOT EXISTS customers (
	id bigint PRIMARY KEY,
	name text NOT NULL,
	region text
);

CREATE TABLE IF NOT EXISTS orders (
	id bigint PRIMARY KEY,
	customer_id bigint NOT NULL,
	total numeric(12, 2) NOT NULL,
	status text NOT NULL
);

CREATE TABLE IF NOT EXISTS regions (
	code text PRIMARY KEY,
	label text NOT NULL
);

-- expect: unused-outer-join
SELECT o.id, o.total
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid';

-- unqualified columns that customers (created above) does not have
-- expect: unused-outer-join
SELECT total, status
FROM orders
LEFT OUTER JOIN customers ON customers.id = orders.customer_id
WHERE status = 'open';

-- RIGHT JOIN: the left table is the optional one
-- expect: unused-outer-join
SELECT c.name
FROM orders o
RIGHT JOIN customers c ON c.id = o.customer_id
WHERE c.region = 'EU';

-- a derived table joined and never read
-- expect: unused-outer-join
SELECT o.id
FROM orders o
LEFT JOIN (SELECT customer_id, count(*) AS n
	   FROM orders
	   GROUP BY customer_id) AS per_customer
	ON per_customer.customer_id = o.customer_id
WHERE o.total > 100;

-- the last of three joins is dead weight (its alias only appears in a
-- string literal)
-- expect: unused-outer-join
WITH recent AS (
	SELECT o.id, o.customer_id FROM orders o WHERE o.status = 'new'
)
SELECT r.id, c.name, 'prev.id' AS note
FROM recent r
JOIN customers c ON c.id = r.customer_id
LEFT JOIN orders prev ON prev.customer_id = r.customer_id AND prev.id < r.id
WHERE c.region = 'EU';

-- FULL JOIN whose right side is never read
-- expect: unused-outer-join
SELECT "o"."id"
FROM public.orders AS "o"
FULL JOIN public.customers AS "c" ON "c"."id" = "o"."customer_id"
ORDER BY "o"."id"
LIMIT 10;

-- near-miss: unused-outer-join
SELECT o.id, c.name
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid';

-- the anti-join tests the joined table in WHERE
-- near-miss: unused-outer-join
SELECT c.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.customer_id IS NULL;

-- used only in ORDER BY
-- near-miss: unused-outer-join
SELECT o.id
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.total > 10
ORDER BY c.name;

-- used in the ON clause of a later join, which is itself read
-- near-miss: unused-outer-join
SELECT o.id, r.label
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
LEFT JOIN regions r ON r.code = c.region
WHERE o.total > 10;

-- an unqualified column of the joined table
-- near-miss: unused-outer-join
SELECT o.id, name
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.total > 10;

-- read inside an aggregate
-- near-miss: unused-outer-join
SELECT o.customer_id, count(c.id) AS matched
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.total > 0
GROUP BY o.customer_id;

-- an inner join is not an outer join
-- near-miss: unused-outer-join
SELECT o.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.total > 10;

-- read by a correlated subquery
-- near-miss: unused-outer-join
SELECT o.id
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.total > 10
  AND o.status IN (SELECT r.code FROM regions r WHERE r.label = c.region);

-- a LATERAL join reads it
-- near-miss: unused-outer-join
SELECT o.id, l.n
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
CROSS JOIN LATERAL (SELECT count(*) AS n FROM orders o2
		    WHERE o2.customer_id = c.id) AS l
WHERE o.total > 10;
