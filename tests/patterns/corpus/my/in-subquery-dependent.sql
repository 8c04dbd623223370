-- in-subquery-dependent (extended): col IN (SELECT ...).

-- expect: in-subquery-dependent
SELECT id FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE total > 1000);

-- expect: in-subquery-dependent
UPDATE customers SET vip = 1
WHERE id IN (SELECT customer_id FROM orders WHERE total > 5000);

-- expect: in-subquery-dependent
SELECT id FROM customers WHERE id = ANY (SELECT customer_id FROM orders WHERE total > 1000);

-- the EXISTS rewrite
-- near-miss: in-subquery-dependent
SELECT c.id FROM customers c
WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.total > 1000);

-- a literal list
-- near-miss: in-subquery-dependent
SELECT id FROM customers WHERE id IN (1, 2, 3);

-- the JOIN rewrite
-- near-miss: in-subquery-dependent
SELECT c.id, c.name
FROM customers c
JOIN (SELECT DISTINCT customer_id FROM orders WHERE total > 1000) AS t
	ON t.customer_id = c.id
WHERE c.active = 1;
