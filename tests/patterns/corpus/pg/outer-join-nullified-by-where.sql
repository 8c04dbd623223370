-- outer-join-nullified-by-where: a WHERE condition that rejects the
-- NULL-extended rows of an outer join.

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

-- expect: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.status = 'paid';

-- an unqualified column that only orders (created above) has
-- expect: outer-join-nullified-by-where
SELECT c.name, o.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE total > 100;

-- qualified by the table name
-- expect: outer-join-nullified-by-where
SELECT customers.name, orders.total
FROM customers
LEFT OUTER JOIN orders ON orders.customer_id = customers.id
WHERE orders.total >= 10 AND customers.region = 'EU';

-- RIGHT JOIN: the left side is the optional one
-- expect: outer-join-nullified-by-where
SELECT c.name, o.id
FROM customers c
RIGHT JOIN orders o ON o.customer_id = c.id
WHERE c.region = 'EU';

-- IS NOT NULL keeps only the matched rows
-- expect: outer-join-nullified-by-where
SELECT c.name, o.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.shipped_at IS NOT NULL;

-- an IN list in a CTE
-- expect: outer-join-nullified-by-where
WITH recent AS (
	SELECT c.id, o.status
	FROM customers c
	LEFT JOIN orders o ON o.customer_id = c.id
	WHERE o.status IN ('paid', 'shipped')
)
SELECT id FROM recent WHERE id > 10;

-- the anti-join test
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.status
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.id IS NULL;

-- the condition where it belongs, in ON
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id AND o.status = 'paid'
WHERE c.region = 'EU';

-- OR with an IS NULL branch keeps the unmatched rows
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.status = 'paid' OR o.id IS NULL;

-- IS DISTINCT FROM is true for the NULL rows
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.status IS DISTINCT FROM 'void';

-- an unqualified column of the preserved side
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE name = 'Ann';

-- the preserved side, qualified
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE c.region = 'EU';

-- an inner join has no NULL-extended rows
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.status = 'paid';

-- an unqualified column of tables the input does not define
-- near-miss: outer-join-nullified-by-where
SELECT a.id, n.body
FROM accounts a
LEFT JOIN notes n ON n.account_id = a.id
WHERE flagged;

-- COALESCE turns the NULL-extended rows into a value the test accepts
-- expect: where-function-on-column
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE COALESCE(o.status, 'none') <> 'void';
