-- distinct-with-group-by: DISTINCT on top of a GROUP BY whose keys are all
-- selected (the groups are already unique).

-- expect: distinct-with-group-by
SELECT DISTINCT customer_id, count(*) AS orders
FROM orders
WHERE created_at >= now() - interval '30 days'
GROUP BY customer_id;

-- keys in another order, qualified
-- expect: distinct-with-group-by
SELECT DISTINCT o.customer_id, o.shop_id, sum(o.total) AS revenue
FROM orders o
WHERE o.total > 0
GROUP BY o.shop_id, o.customer_id;

-- GROUP BY an ordinal and an output name
-- expect: distinct-with-group-by
SELECT DISTINCT date_trunc('day', created_at) AS day, status AS state, count(*)
FROM orders
WHERE total > 100
GROUP BY 1, state;

-- inside a subquery
-- expect: distinct-with-group-by
SELECT c.name
FROM customers c
WHERE c.id IN (
	SELECT DISTINCT customer_id
	FROM orders
	WHERE total > 500
	GROUP BY customer_id
);

-- a GROUP BY key is not selected: DISTINCT can still merge rows
-- near-miss: distinct-with-group-by
SELECT DISTINCT customer_id
FROM orders
WHERE total > 100
GROUP BY customer_id, shop_id;

-- DISTINCT without GROUP BY
-- near-miss: distinct-with-group-by
SELECT DISTINCT customer_id FROM orders WHERE total > 100;

-- GROUP BY without DISTINCT
-- near-miss: distinct-with-group-by
SELECT customer_id, count(*) FROM orders WHERE total > 0 GROUP BY customer_id;

-- DISTINCT ON keeps one row per key: a different operation
-- near-miss: distinct-with-group-by
SELECT DISTINCT ON (customer_id) customer_id, shop_id, sum(total) AS revenue
FROM orders
WHERE total > 0
GROUP BY customer_id, shop_id
ORDER BY customer_id, sum(total) DESC;

-- the words inside a string literal
-- near-miss: distinct-with-group-by
SELECT id FROM audit_log WHERE query_text = 'SELECT DISTINCT a FROM t GROUP BY a';
