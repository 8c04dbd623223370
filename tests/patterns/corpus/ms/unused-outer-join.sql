-- unused-outer-join (SQL Server)

-- expect: unused-outer-join
SELECT o.id, o.total
FROM dbo.orders o
LEFT JOIN dbo.customers c ON c.id = o.customer_id
WHERE o.status = 'paid';

-- near-miss: unused-outer-join
SELECT o.id, c.name
FROM dbo.orders o
LEFT JOIN dbo.customers c ON c.id = o.customer_id
WHERE o.status = 'paid';
