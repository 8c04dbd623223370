-- nondeterministic-group-by: select-list columns that are neither grouped,
-- aggregated nor determined by the GROUP BY keys.

CREATE TABLE IF NOT EXISTS customers (
	id BIGINT NOT NULL PRIMARY KEY,
	name VARCHAR(100) NOT NULL,
	region VARCHAR(20)
);

CREATE TABLE IF NOT EXISTS orders (
	id BIGINT NOT NULL PRIMARY KEY,
	customer_id BIGINT NOT NULL,
	status VARCHAR(20) NOT NULL,
	total DECIMAL(12, 2) NOT NULL,
	created_at DATETIME NOT NULL
);

-- expect: nondeterministic-group-by
SELECT customer_id, status, COUNT(*) FROM orders
WHERE total > 0
GROUP BY customer_id;

-- a table the input does not define: no key to depend on
-- expect: nondeterministic-group-by
SELECT category, sku, MAX(price) FROM catalog.products
WHERE price > 0
GROUP BY category;

-- aggregates without GROUP BY: one row, customer_id from any order
-- expect: nondeterministic-group-by
SELECT customer_id, COUNT(*) FROM orders WHERE status = 'paid';

-- an expression over a column that is not grouped
-- expect: nondeterministic-group-by
SELECT status, DATE(created_at) AS day, COUNT(*) FROM orders
WHERE total > 0
GROUP BY status;

-- in a derived table
-- expect: nondeterministic-group-by
SELECT t.region, t.n
FROM (SELECT region, name, COUNT(*) AS n FROM customers GROUP BY region) AS t
WHERE t.n > 1;

-- backquoted names
-- expect: nondeterministic-group-by
SELECT `o`.`customer_id`, `o`.`created_at`, SUM(`o`.`total`) FROM `orders` AS `o`
WHERE `o`.`status` = 'paid'
GROUP BY `o`.`customer_id`;

-- aggregated
-- near-miss: nondeterministic-group-by
SELECT customer_id, MAX(status), COUNT(*) FROM orders
WHERE total > 0
GROUP BY customer_id;

-- grouped by the primary key: every other column depends on it
-- near-miss: nondeterministic-group-by
SELECT c.id, c.name, c.region, COUNT(o.id) AS n
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.status = 'paid'
GROUP BY c.id;

-- grouped by a column equal to the primary key through the join
-- near-miss: nondeterministic-group-by
SELECT o.customer_id, c.name, SUM(o.total) AS spent
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid'
GROUP BY o.customer_id;

-- ANY_VALUE says any row will do
-- near-miss: nondeterministic-group-by
SELECT customer_id, ANY_VALUE(status) FROM orders
WHERE total > 0
GROUP BY customer_id;

-- positional GROUP BY
-- near-miss: nondeterministic-group-by
SELECT customer_id, status, COUNT(*) FROM orders
WHERE total > 0
GROUP BY 1, 2;

-- GROUP BY a select-list alias
-- near-miss: nondeterministic-group-by
SELECT DATE(created_at) AS day, COUNT(*) FROM orders
WHERE total > 0
GROUP BY day;

-- the same expression as the grouping key
-- near-miss: nondeterministic-group-by
SELECT YEAR(created_at), COUNT(*) FROM orders
WHERE total > 0
GROUP BY YEAR(created_at);

-- WHERE pins status to one value
-- near-miss: nondeterministic-group-by
SELECT customer_id, status, COUNT(*) FROM orders
WHERE status = 'paid'
GROUP BY customer_id;

-- a window function is not a grouping
-- near-miss: nondeterministic-group-by
SELECT id, SUM(total) OVER (PARTITION BY customer_id) AS running
FROM orders
WHERE status = 'paid';

-- grouped by the id of a table the input does not define: taken as its key
-- near-miss: nondeterministic-group-by
SELECT u.id, u.email, COUNT(l.id) AS logins
FROM app.users u
JOIN app.logins l ON l.user_id = u.id
WHERE l.ok = 1
GROUP BY u.id;
