-- correlated-subquery-in-select: a select-list subquery per outer row.

-- expect: correlated-subquery-in-select
SELECT c.id,
       (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS n
FROM customers c
WHERE c.country = 'DE';

-- expect: correlated-subquery-in-select
SELECT p.id,
       (SELECT MAX(r.rating) FROM reviews r WHERE r.product_id = p.id) AS best
FROM products p
WHERE p.active = 1;

-- near-miss: correlated-subquery-in-select
SELECT c.id, (SELECT COUNT(*) FROM orders) AS all_orders
FROM customers c
WHERE c.country = 'DE';

-- near-miss: correlated-subquery-in-select
SELECT c.id, t.n
FROM customers c
LEFT JOIN (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id) AS t
	ON t.customer_id = c.id
WHERE c.country = 'DE';
