-- exclusion-join-wrong-column (MySQL)

-- expect: exclusion-join-wrong-column
SELECT c.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.shipped_at IS NULL;

-- near-miss: exclusion-join-wrong-column
SELECT c.id
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.customer_id IS NULL;
