-- missing-join-condition (SQL Server)

-- expect: missing-join-condition
SELECT o.id, c.name FROM dbo.orders o, dbo.customers c WHERE o.total > 100;

-- UPDATE ... FROM naming the target again, linked
-- near-miss: missing-join-condition
UPDATE o SET o.status = 'vip'
FROM dbo.orders o
JOIN dbo.customers c ON c.id = o.customer_id
WHERE c.region = 'EU';

-- CROSS APPLY is a correlated join
-- near-miss: missing-join-condition
SELECT c.id, x.total
FROM dbo.customers c
CROSS APPLY (SELECT SUM(o.total) AS total FROM dbo.orders o WHERE o.customer_id = c.id) AS x
WHERE c.region = 'EU';
