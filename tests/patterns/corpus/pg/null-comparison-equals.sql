-- null-comparison-equals: = NULL, <> NULL and != NULL are never true.

CREATE TABLE IF NOT EXISTS orders (
	id bigint PRIMARY KEY,
	customer_id bigint,
	status text NOT NULL,
	shipped_at timestamptz,
	note text
);

-- expect: null-comparison-equals
SELECT id, status FROM orders WHERE shipped_at = NULL;

-- expect: null-comparison-equals
SELECT id FROM orders WHERE note <> NULL AND status = 'open';

-- expect: null-comparison-equals
UPDATE orders SET status = 'lost'
WHERE shipped_at != NULL AND id = 12;

-- NULL written on the left
-- expect: null-comparison-equals
DELETE FROM orders WHERE NULL = customer_id;

-- quoted alias, inside a correlated EXISTS
-- expect: null-comparison-equals
SELECT o.id FROM orders o
WHERE EXISTS (SELECT 1 FROM orders AS "Prev"
	      WHERE "Prev".customer_id = o.customer_id
		AND "Prev".note = NULL);

-- inside a CTE
-- expect: null-comparison-equals
WITH pending AS (
	SELECT id, customer_id FROM orders WHERE shipped_at = NULL
)
SELECT id FROM pending WHERE customer_id = 7;

-- a simple CASE compares with =, so WHEN NULL never matches
-- expect: null-comparison-equals
SELECT id, CASE note WHEN NULL THEN 'none' ELSE note END AS note_text
FROM orders
WHERE id = 3;

-- assignments of NULL are fine
-- near-miss: null-comparison-equals
UPDATE orders SET shipped_at = NULL, note = NULL WHERE id = 5;

-- near-miss: null-comparison-equals
SELECT id FROM orders WHERE shipped_at IS NULL AND note IS NOT NULL;

-- near-miss: null-comparison-equals
SELECT id FROM orders WHERE note IS DISTINCT FROM NULL AND id > 10;

-- the pattern only in a string literal and in a comment
-- near-miss: null-comparison-equals
SELECT id, 'shipped_at = NULL' AS hint
FROM orders
WHERE status = 'open' /* AND shipped_at = NULL */;

-- near-miss: null-comparison-equals
INSERT INTO orders (id, customer_id, status, shipped_at, note)
VALUES (99, NULL, 'new', NULL, NULL);

-- a searched CASE with IS NULL
-- near-miss: null-comparison-equals
SELECT id, CASE WHEN note IS NULL THEN 'none' ELSE note END AS note_text
FROM orders
WHERE id = 4;

-- a cast NULL is still NULL
-- expect: null-comparison-equals
SELECT id FROM orders WHERE customer_id <> NULL::bigint;
