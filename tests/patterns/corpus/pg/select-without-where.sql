-- select-without-where (extended): the outermost SELECT reads a base table
-- without WHERE or LIMIT.

-- expect: select-without-where
SELECT id, email FROM users;

-- expect: select-without-where
SELECT count(*) FROM orders;

-- a join without a filter
-- expect: select-without-where
SELECT o.id, c.name
FROM orders o
JOIN customers c ON c.id = o.customer_id;

-- one branch of a UNION
-- expect: select-without-where
SELECT id FROM customers WHERE vip
UNION ALL
SELECT id FROM partners;

-- near-miss: select-without-where
SELECT id, email FROM users WHERE id = $1;

-- near-miss: select-without-where
SELECT id, email FROM users ORDER BY id LIMIT 50;

-- near-miss: select-without-where
SELECT id, email FROM users ORDER BY id FETCH FIRST 10 ROWS ONLY;

-- no table
-- near-miss: select-without-where
SELECT now();

-- reads only a CTE (filtered itself)
-- near-miss: select-without-where
WITH recent AS (
	SELECT id, total FROM orders WHERE created_at > now() - interval '1 day'
)
SELECT count(*), sum(total) FROM recent;

-- a derived table that is filtered
-- near-miss: select-without-where
SELECT d.n FROM (SELECT count(*) AS n FROM orders WHERE total > 100) AS d;

-- not the outermost SELECT
-- near-miss: select-without-where
INSERT INTO orders_archive (id, total) SELECT id, total FROM orders_2019;
