-- where-function-on-column: a function wraps the column side of a predicate.

-- expect: where-function-on-column
SELECT id FROM orders WHERE YEAR(created_at) = 2024;

-- expect: where-function-on-column
SELECT id FROM orders WHERE DATE(created_at) = CURDATE();

-- expect: where-function-on-column
SELECT id FROM users WHERE LOWER(`email`) = 'ann@example.com';

-- expect: where-function-on-column
SELECT o.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE DATE_FORMAT(o.created_at, '%Y-%m') = '2024-03' AND c.country = 'DE';

-- the function is on the constant side
-- near-miss: where-function-on-column
SELECT id FROM orders WHERE created_at >= DATE_SUB(NOW(), INTERVAL 7 DAY);

-- near-miss: where-function-on-column
SELECT id FROM users WHERE email = LOWER(?);

-- near-miss: where-function-on-column
SELECT UPPER(name) AS name FROM customers WHERE id = ?;
