-- distinct-with-group-by: DISTINCT over a GROUP BY whose keys are all
-- selected.

-- expect: distinct-with-group-by
SELECT DISTINCT customer_id, COUNT(*) AS orders
FROM orders
WHERE created_at >= NOW() - INTERVAL 30 DAY
GROUP BY customer_id;

-- quoted identifiers
-- expect: distinct-with-group-by
SELECT DISTINCT `o`.`shop_id`, SUM(`o`.`total`) AS revenue
FROM `orders` AS `o`
WHERE `o`.`total` > 0
GROUP BY `o`.`shop_id`;

-- near-miss: distinct-with-group-by
SELECT DISTINCT customer_id
FROM orders
WHERE total > 100
GROUP BY customer_id, shop_id;

-- near-miss: distinct-with-group-by
SELECT customer_id, COUNT(*) FROM orders WHERE total > 0 GROUP BY customer_id;
