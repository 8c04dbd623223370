-- too-many-joins (SQL Server)

-- expect: too-many-joins
SELECT o.id
FROM dbo.orders o
JOIN dbo.customers c ON c.id = o.customer_id
JOIN dbo.addresses a ON a.id = o.address_id
JOIN dbo.countries co ON co.code = a.country_code
JOIN dbo.order_lines l ON l.order_id = o.id
JOIN dbo.products p ON p.id = l.product_id
JOIN dbo.categories cat ON cat.id = p.category_id
JOIN dbo.suppliers s ON s.id = p.supplier_id
CROSS APPLY (SELECT TOP (1) w.name FROM dbo.warehouses w WHERE w.id = l.warehouse_id ORDER BY w.id) AS wh
WHERE o.id = 1;

-- near-miss: too-many-joins
SELECT o.id
FROM dbo.orders o
JOIN dbo.customers c ON c.id = o.customer_id
WHERE o.id = 1;
