-- too-many-joins (MySQL)

-- expect: too-many-joins
SELECT o.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN addresses a ON a.id = o.address_id
JOIN countries co ON co.code = a.country_code
JOIN order_lines l ON l.order_id = o.id
JOIN products p ON p.id = l.product_id
JOIN categories cat ON cat.id = p.category_id
JOIN suppliers s ON s.id = p.supplier_id
JOIN warehouses w ON w.id = l.warehouse_id
WHERE o.id = 1;

-- near-miss: too-many-joins
SELECT o.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN addresses a ON a.id = o.address_id
WHERE o.id = 1;
