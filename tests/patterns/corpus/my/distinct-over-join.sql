-- distinct-over-join (extended): DISTINCT undoing a join's fan-out.

-- expect: distinct-over-join
SELECT DISTINCT c.id, c.name
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.total > 100;

-- near-miss: distinct-over-join
SELECT DISTINCT c.name, o.status
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE o.total > 100;

-- near-miss: distinct-over-join
SELECT c.id, c.name
FROM customers c
WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.total > 100);
