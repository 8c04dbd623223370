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

-- OUTER APPLY whose result is never read
-- expect: unused-outer-join
SELECT o.id
FROM dbo.orders o
OUTER APPLY (SELECT TOP (1) l.sku FROM dbo.order_lines l
	     WHERE l.order_id = o.id ORDER BY l.id) AS first_line
WHERE o.id = 1;

-- near-miss: unused-outer-join
SELECT o.id, first_line.sku
FROM dbo.orders o
OUTER APPLY (SELECT TOP (1) l.sku FROM dbo.order_lines l
	     WHERE l.order_id = o.id ORDER BY l.id) AS first_line
WHERE o.id = 1;
