-- distinct-star: SELECT DISTINCT * compares whole rows.

-- expect: distinct-star, select-star
SELECT DISTINCT * FROM order_lines WHERE order_id = 7;

-- a qualified star; only one joined table feeds the select list
-- expect: distinct-star, select-star, distinct-over-join
SELECT DISTINCT o.*
FROM orders o
JOIN order_lines l ON l.order_id = o.id
WHERE l.product_id = $1;

-- in a derived table
-- expect: distinct-star, select-star
SELECT d.customer_id
FROM (SELECT DISTINCT * FROM orders WHERE total > 100) AS d
WHERE d.shop_id = 3;

-- DISTINCT over named columns
-- near-miss: distinct-star
SELECT DISTINCT product_id FROM order_lines WHERE order_id = 7;

-- a star without DISTINCT
-- expect: select-star
-- near-miss: distinct-star
SELECT * FROM order_lines WHERE order_id = 7;

-- inside EXISTS the select list is never read
-- near-miss: distinct-star
SELECT id FROM orders o
WHERE EXISTS (SELECT DISTINCT * FROM order_lines l WHERE l.order_id = o.id);

-- near-miss: distinct-star
SELECT count(DISTINCT product_id) FROM order_lines WHERE order_id = 7;
