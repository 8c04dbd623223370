-- missing-join-condition (MySQL)

-- MySQL accepts JOIN without ON
-- expect: missing-join-condition
SELECT o.id, c.name FROM orders o JOIN customers c WHERE o.total > 100;

-- expect: missing-join-condition
SELECT o.id, c.name FROM orders o, customers c WHERE o.total > 100;

-- multi-table UPDATE without a link
-- expect: missing-join-condition
UPDATE orders o, customers c SET o.status = 'vip' WHERE c.region = 'EU';

-- JOIN without ON, but WHERE links the tables
-- near-miss: missing-join-condition
SELECT o.id, c.name FROM orders o JOIN customers c WHERE c.id = o.customer_id;

-- near-miss: missing-join-condition
SELECT o.id, c.name FROM orders o INNER JOIN customers c USING (customer_id)
WHERE o.total > 100;
