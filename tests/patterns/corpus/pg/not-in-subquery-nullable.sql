-- not-in-subquery-nullable: x NOT IN (SELECT c ...) where c may be NULL.

CREATE TABLE IF NOT EXISTS customers (
	id bigint PRIMARY KEY,
	email text NOT NULL,
	referrer_id bigint
);

CREATE TABLE IF NOT EXISTS orders (
	id bigint PRIMARY KEY,
	customer_id bigint,
	coupon_code text,
	status text NOT NULL
);

CREATE TABLE IF NOT EXISTS coupons (
	code text PRIMARY KEY,
	retired boolean NOT NULL
);

-- orders.customer_id is nullable
-- expect: not-in-subquery-nullable
SELECT id, email FROM customers
WHERE id NOT IN (SELECT customer_id FROM orders);

-- a table the input does not define: nullable until proven otherwise
-- expect: not-in-subquery-nullable
SELECT id FROM customers
WHERE id NOT IN (SELECT b.customer_id
		 FROM billing.blocked_accounts AS b
		 WHERE b.reason = 'fraud');

-- qualified, in a DELETE
-- expect: not-in-subquery-nullable
DELETE FROM coupons
WHERE coupons.code NOT IN (SELECT o.coupon_code FROM orders o
			   WHERE o.status = 'paid');

-- <> ALL is NOT IN spelled differently
-- expect: not-in-subquery-nullable
SELECT c.id FROM customers c
WHERE c.id <> ALL (SELECT r.referrer_id FROM customers r
		   WHERE r.email <> 'bot@example.com');

-- one branch of a UNION may yield NULL
-- expect: not-in-subquery-nullable
SELECT id FROM customers
WHERE id NOT IN (SELECT id FROM customers WHERE email = 'x@example.com'
		 UNION
		 SELECT customer_id FROM orders WHERE status = 'void');

-- inside a CTE
-- expect: not-in-subquery-nullable
WITH quiet AS (
	SELECT id FROM customers
	WHERE id NOT IN (SELECT customer_id FROM orders WHERE status = 'open')
)
SELECT id FROM quiet WHERE id > 100;

-- the column of the nullable side of a LEFT JOIN
-- expect: not-in-subquery-nullable
SELECT id FROM customers
WHERE id NOT IN (SELECT o.id FROM coupons k
		 LEFT JOIN orders o ON o.coupon_code = k.code
		 WHERE k.retired);

-- filtered with IS NOT NULL in the subquery
-- near-miss: not-in-subquery-nullable
SELECT id FROM customers
WHERE id NOT IN (SELECT customer_id FROM orders
		 WHERE customer_id IS NOT NULL);

-- the primary key of a table created above
-- near-miss: not-in-subquery-nullable
SELECT o.id FROM orders o
WHERE o.customer_id NOT IN (SELECT c.id FROM customers c
			    WHERE c.email = 'x@example.com');

-- a NOT NULL column of a table created above
-- near-miss: not-in-subquery-nullable
SELECT id FROM customers
WHERE email NOT IN (SELECT email FROM customers WHERE referrer_id = 3);

-- a strict comparison in the subquery filters NULL out as well
-- near-miss: not-in-subquery-nullable
SELECT id FROM customers
WHERE id NOT IN (SELECT customer_id FROM orders WHERE customer_id > 0);

-- a literal list is not flagged
-- near-miss: not-in-subquery-nullable
SELECT id FROM orders WHERE status NOT IN ('void', 'test');

-- IN (SELECT ...) is not affected by NULLs the same way
-- near-miss: not-in-subquery-nullable
SELECT id FROM customers
WHERE id IN (SELECT customer_id FROM orders WHERE status = 'paid');

-- the NOT EXISTS rewrite
-- near-miss: not-in-subquery-nullable
SELECT c.id FROM customers c
WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id);

-- COALESCE with a constant fallback cannot be NULL
-- near-miss: not-in-subquery-nullable
SELECT id FROM customers
WHERE id NOT IN (SELECT COALESCE(customer_id, 0) FROM orders);

-- the pattern in a string literal
-- near-miss: not-in-subquery-nullable
SELECT id, 'id NOT IN (SELECT customer_id FROM orders)' AS doc
FROM customers
WHERE id = 1;

-- the id column of a table the input does not define is taken as its key
-- near-miss: not-in-subquery-nullable
SELECT id FROM customers
WHERE referrer_id NOT IN (SELECT b.id FROM billing.blocked_accounts AS b
			  WHERE b.reason = 'fraud');
