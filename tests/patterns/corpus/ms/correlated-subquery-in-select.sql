-- correlated-subquery-in-select: a select-list subquery per outer row.

-- expect: correlated-subquery-in-select
SELECT c.id,
       (SELECT COUNT(*) FROM dbo.orders AS o WHERE o.customer_id = c.id) AS n
FROM dbo.customers AS c
WHERE c.region = 'EU';

-- expect: correlated-subquery-in-select
SELECT c.id,
       (SELECT TOP (1) o.created_at FROM dbo.orders AS o
        WHERE o.customer_id = c.id ORDER BY o.created_at DESC) AS last_order
FROM dbo.customers AS c
WHERE c.region = 'EU';

-- near-miss: correlated-subquery-in-select
SELECT c.id, (SELECT COUNT(*) FROM dbo.orders) AS all_orders
FROM dbo.customers AS c
WHERE c.region = 'EU';

-- the rewrite with OUTER APPLY
-- near-miss: correlated-subquery-in-select
SELECT c.id, l.created_at
FROM dbo.customers AS c
OUTER APPLY (SELECT TOP (1) o.created_at FROM dbo.orders AS o
             WHERE o.customer_id = c.id ORDER BY o.created_at DESC) AS l
WHERE c.region = 'EU';
