-- distinct-over-join (extended): DISTINCT undoing the fan-out of a join
-- whose other tables only filter.

CREATE TABLE IF NOT EXISTS customers (
	id bigint PRIMARY KEY,
	name text NOT NULL
);

CREATE TABLE IF NOT EXISTS orders (
	id bigint PRIMARY KEY,
	customer_id bigint NOT NULL,
	total numeric(12, 2) NOT NULL
);

-- expect: distinct-over-join
SELECT DISTINCT c.id, c.name
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.total > 100;

-- comma join
-- expect: distinct-over-join
SELECT DISTINCT c.name
FROM customers c, orders o
WHERE o.customer_id = c.id AND o.total > 1000;

-- unqualified columns, resolved through the tables created above
-- expect: distinct-over-join
SELECT DISTINCT name
FROM customers
JOIN orders ON orders.customer_id = customers.id
WHERE total > 100;

-- columns of both tables: DISTINCT is about the combination
-- near-miss: distinct-over-join
SELECT DISTINCT c.name, o.total
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.total > 100;

-- the semi-join rewrite
-- near-miss: distinct-over-join
SELECT c.id, c.name
FROM customers c
WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.total > 100);

-- one table
-- near-miss: distinct-over-join
SELECT DISTINCT customer_id FROM orders WHERE total > 100;

-- columns that cannot be attributed to a table
-- near-miss: distinct-over-join
SELECT DISTINCT code
FROM products
JOIN stock ON stock.product_id = products.id
WHERE stock.qty > 0;
