-- set-op-column-mismatch: UNION/INTERSECT/EXCEPT branches of different
-- widths.

CREATE TABLE IF NOT EXISTS customers (
	id bigint PRIMARY KEY,
	name text NOT NULL,
	region text
);

-- expect: set-op-column-mismatch
SELECT id, name FROM customers WHERE region = 'EU'
UNION
SELECT id FROM customers WHERE region = 'US';

-- the third branch lost a column
-- expect: set-op-column-mismatch
SELECT id, name, region FROM customers WHERE region = 'EU'
UNION ALL
SELECT id, name, region FROM customers WHERE region = 'US'
UNION ALL
SELECT id, name FROM customers WHERE region IS NULL;

-- inside an IN subquery
-- expect: set-op-column-mismatch
SELECT c.id FROM customers c
WHERE c.id IN (SELECT customer_id FROM orders WHERE total > 0
	       EXCEPT
	       SELECT customer_id, id FROM orders WHERE status = 'void');

-- a VALUES branch
-- expect: set-op-column-mismatch
SELECT id, name FROM customers WHERE id = 1
UNION
VALUES (2, 'walk-in', 'EU');

-- '*' over a table created above expands to three columns
-- expect: set-op-column-mismatch, select-star
SELECT * FROM customers WHERE region = 'EU'
INTERSECT
SELECT id, name FROM customers WHERE name <> '';

-- near-miss: set-op-column-mismatch
SELECT id, name FROM customers WHERE region = 'EU'
UNION
SELECT 0, 'nobody';

-- commas inside calls and strings are not columns
-- near-miss: set-op-column-mismatch
SELECT id, coalesce(region, 'a, b') FROM customers WHERE id > 0
UNION
SELECT id, concat(name, ', ', region) FROM customers WHERE id < 0;

-- near-miss: set-op-column-mismatch
SELECT id, name FROM customers WHERE region = 'EU'
INTERSECT
SELECT customer_id, status FROM orders WHERE total > 0;

-- the width of '*' over an unknown table is not known
-- near-miss: set-op-column-mismatch
-- expect: select-star
SELECT * FROM archived_orders WHERE total > 0
UNION ALL
SELECT id, customer_id, total, status FROM orders WHERE total > 0;

-- equal widths, nested in a CTE
-- near-miss: set-op-column-mismatch
WITH ids AS (
	SELECT id FROM customers WHERE region = 'EU'
	UNION
	SELECT customer_id FROM orders WHERE total > 1000
)
SELECT ids.id FROM ids WHERE ids.id > 0;
