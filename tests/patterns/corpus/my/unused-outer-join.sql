-- unused-outer-join (MySQL)

-- expect: unused-outer-join
SELECT o.id, o.total
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid';

-- backquoted names
-- expect: unused-outer-join
SELECT `o`.`id` FROM `orders` AS `o`
LEFT JOIN `coupons` AS `cp` ON `cp`.`order_id` = `o`.`id`
WHERE `o`.`total` > 0;

-- near-miss: unused-outer-join
SELECT o.id, c.name
FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'paid';

-- near-miss: unused-outer-join
SELECT c.id
FROM customers c
LEFT JOIN orders o USING (id)
WHERE o.id IS NULL;
