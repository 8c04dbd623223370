-- mixed-comma-ansi-join (MySQL)

-- expect: mixed-comma-ansi-join
SELECT o.id, r.label
FROM orders o, customers c
JOIN regions r ON r.code = c.region
WHERE c.id = o.customer_id;

-- near-miss: mixed-comma-ansi-join
SELECT o.id, r.label
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN regions r ON r.code = c.region
WHERE o.total > 0;
