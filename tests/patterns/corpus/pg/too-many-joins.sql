-- too-many-joins: more than 8 tables joined in one SELECT.

-- nine tables
-- expect: too-many-joins
SELECT o.id, c.name, a.city, co.name AS country, p.name AS product,
       cat.name AS category, s.name AS supplier, w.name AS warehouse
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

-- ten comma-joined tables, in a derived table
-- expect: too-many-joins
SELECT x.n
FROM (SELECT count(*) AS n
      FROM t1, t2, t3, t4, t5, t6, t7, t8, t9, t10
      WHERE t1.id = t2.t1_id AND t2.id = t3.t2_id AND t3.id = t4.t3_id
	AND t4.id = t5.t4_id AND t5.id = t6.t5_id AND t6.id = t7.t6_id
	AND t7.id = t8.t7_id AND t8.id = t9.t8_id AND t9.id = t10.t9_id) AS x
WHERE x.n > 0;

-- exactly eight tables
-- near-miss: too-many-joins
SELECT o.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN addresses a ON a.id = o.address_id
JOIN countries co ON co.code = a.country_code
JOIN order_lines l ON l.order_id = o.id
JOIN products p ON p.id = l.product_id
JOIN categories cat ON cat.id = p.category_id
JOIN suppliers s ON s.id = p.supplier_id
WHERE o.id = 1;

-- nine tables, but split over two query levels
-- near-miss: too-many-joins
SELECT o.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN addresses a ON a.id = o.address_id
JOIN countries co ON co.code = a.country_code
WHERE o.id IN (SELECT l.order_id
	       FROM order_lines l
	       JOIN products p ON p.id = l.product_id
	       JOIN categories cat ON cat.id = p.category_id
	       JOIN suppliers s ON s.id = p.supplier_id
	       JOIN warehouses w ON w.id = l.warehouse_id
	       WHERE w.name = 'north')
  AND co.code = 'FR';
