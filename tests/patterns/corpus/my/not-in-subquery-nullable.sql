-- not-in-subquery-nullable (MySQL)

CREATE TABLE IF NOT EXISTS customers (
	id BIGINT NOT NULL PRIMARY KEY,
	email VARCHAR(200) NOT NULL
);

-- expect: not-in-subquery-nullable
SELECT id FROM customers
WHERE id NOT IN (SELECT customer_id FROM orders WHERE status = 'void');

-- near-miss: not-in-subquery-nullable
SELECT id FROM customers
WHERE id NOT IN (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL);

-- near-miss: not-in-subquery-nullable
SELECT id FROM customers
WHERE email NOT IN (SELECT c.email FROM customers c WHERE c.id < 10);
