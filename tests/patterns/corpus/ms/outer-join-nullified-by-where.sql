-- outer-join-nullified-by-where (SQL Server)

-- expect: outer-join-nullified-by-where
SELECT c.id, o.total
FROM dbo.customers AS c
LEFT OUTER JOIN dbo.orders AS o ON o.customer_id = c.id
WHERE o.status = 'paid';

-- the anti-join test
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.total
FROM dbo.customers AS c
LEFT OUTER JOIN dbo.orders AS o ON o.customer_id = c.id
WHERE o.customer_id IS NULL;
