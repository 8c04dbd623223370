-- group-order-different-tables (extended): GROUP BY / ORDER BY columns from
-- different tables force a temporary table and a filesort.

CREATE TABLE IF NOT EXISTS customers (
	id BIGINT NOT NULL PRIMARY KEY,
	name VARCHAR(100) NOT NULL,
	country VARCHAR(2) NOT NULL
);

CREATE TABLE IF NOT EXISTS orders (
	id BIGINT NOT NULL PRIMARY KEY,
	customer_id BIGINT NOT NULL,
	status VARCHAR(10) NOT NULL,
	created_at DATETIME NOT NULL,
	KEY idx_orders_customer (customer_id)
);

-- expect: group-order-different-tables
SELECT c.country, o.status, COUNT(*) AS n
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.created_at > '2024-01-01'
GROUP BY c.country, o.status;

-- ORDER BY across two tables
-- expect: group-order-different-tables
SELECT o.id, c.name
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'new'
ORDER BY c.name, o.created_at;

-- unqualified names, resolved through the tables created above
-- expect: group-order-different-tables
SELECT country, status, COUNT(*) AS n
FROM customers
JOIN orders ON orders.customer_id = customers.id
WHERE created_at > '2024-01-01'
GROUP BY country, status;

-- one table's columns only
-- near-miss: group-order-different-tables
SELECT c.country, COUNT(*) AS n
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.created_at > '2024-01-01'
GROUP BY c.country
ORDER BY c.country;

-- ordering by an output alias
-- near-miss: group-order-different-tables
SELECT c.country, COUNT(*) AS n
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.created_at > '2024-01-01'
GROUP BY c.country
ORDER BY n DESC;

-- one table
-- near-miss: group-order-different-tables
SELECT status, COUNT(*) AS n FROM orders WHERE customer_id = 7 GROUP BY status ORDER BY status;
