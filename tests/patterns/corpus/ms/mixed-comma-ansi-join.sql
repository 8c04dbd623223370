-- mixed-comma-ansi-join (SQL Server)

-- expect: mixed-comma-ansi-join
SELECT o.id, r.label
FROM dbo.orders o, dbo.customers c
JOIN dbo.regions r ON r.code = c.region
WHERE c.id = o.customer_id;

-- near-miss: mixed-comma-ansi-join
SELECT o.id, r.label
FROM dbo.orders o
JOIN dbo.customers c ON c.id = o.customer_id
JOIN dbo.regions r ON r.code = c.region
WHERE o.total > 0;
