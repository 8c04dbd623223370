-- exclusion-join-wrong-column: LEFT JOIN anti-join testing a column that
-- is not a join column.

CREATE TABLE IF NOT EXISTS customers (
	id bigint PRIMARY KEY,
	name text NOT NULL,
	region text
);

CREATE TABLE IF NOT EXISTS orders (
	id bigint PRIMARY KEY,
	customer_id bigint,
	status text NOT NULL,
	total numeric(12, 2),
	shipped_at timestamptz
);

-- expect: exclusion-join-wrong-column
SELECT c.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.shipped_at IS NULL;

-- qualified by the table name
-- expect: exclusion-join-wrong-column
SELECT customers.id
FROM customers
LEFT JOIN orders ON orders.customer_id = customers.id
WHERE orders.total IS NULL;

-- unqualified, known from the DDL above
-- expect: exclusion-join-wrong-column
SELECT c.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE shipped_at IS NULL AND c.region = 'EU';

-- RIGHT JOIN
-- expect: exclusion-join-wrong-column
SELECT o.id
FROM customers c
RIGHT JOIN orders o ON o.customer_id = c.id
WHERE c.region IS NULL;

-- tables the input does not define: body is not a join column
-- expect: exclusion-join-wrong-column
SELECT a.id
FROM accounts a
LEFT JOIN notes n ON n.account_id = a.id
WHERE n.body IS NULL;

-- the join column: a correct anti-join
-- near-miss: exclusion-join-wrong-column
SELECT c.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.customer_id IS NULL;

-- the primary key cannot be NULL in a joined row
-- near-miss: exclusion-join-wrong-column
SELECT c.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.id IS NULL;

-- a NOT NULL column works as well
-- near-miss: exclusion-join-wrong-column
SELECT c.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.status IS NULL;

-- USING columns are join columns
-- near-miss: exclusion-join-wrong-column
SELECT a.account_id
FROM accounts a
LEFT JOIN account_flags f USING (account_id)
WHERE f.account_id IS NULL;

-- a column the ON clause tests against a constant
-- near-miss: exclusion-join-wrong-column
SELECT c.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id AND o.shipped_at > '2024-01-01'
WHERE o.shipped_at IS NULL;

-- IS NULL inside an OR is a filter, not an anti-join
-- near-miss: exclusion-join-wrong-column
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.shipped_at IS NULL OR o.total = 0;

-- another condition made the join an inner one already
-- expect: outer-join-nullified-by-where
-- near-miss: exclusion-join-wrong-column
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.total > 10 AND o.shipped_at IS NULL;

-- NOT EXISTS
-- near-miss: exclusion-join-wrong-column
SELECT c.id
FROM customers c
WHERE NOT EXISTS (SELECT 1 FROM orders o
		  WHERE o.customer_id = c.id AND o.shipped_at IS NULL);

-- the id column of a table the input does not define is taken as its key
-- near-miss: exclusion-join-wrong-column
SELECT a.id
FROM accounts a
LEFT JOIN notes n ON n.account_id = a.id
WHERE n.id IS NULL;
