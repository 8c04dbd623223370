-- wildcard-alias: an alias given to t.* renames one column, not all.

-- expect: wildcard-alias
SELECT d.* AS totals
FROM (SELECT customer_id, SUM(total) AS spent FROM orders WHERE total > 0 GROUP BY customer_id) AS d
WHERE d.spent > 100;

-- expect: wildcard-alias, select-star
SELECT c.* cust FROM customers c WHERE c.id = 7;

-- expect: wildcard-alias, select-star
SELECT `o`.* AS `order_row`, `o`.`id` FROM `shop`.`orders` AS `o` WHERE `o`.`id` = 3;

-- near-miss: wildcard-alias
-- expect: select-star
SELECT c.*, c.name AS cust FROM customers c WHERE c.id = 7;

-- near-miss: wildcard-alias
SELECT c.name cust FROM customers c WHERE c.id = 7;

-- the text only in a string
-- near-miss: wildcard-alias
SELECT 'c.* cust' AS example FROM customers c WHERE c.id = 7;
