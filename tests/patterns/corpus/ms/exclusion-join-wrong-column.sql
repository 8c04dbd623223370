-- exclusion-join-wrong-column (SQL Server)

-- expect: exclusion-join-wrong-column
SELECT c.id
FROM dbo.customers c
LEFT JOIN dbo.orders o ON o.customer_id = c.id
WHERE o.shipped_at IS NULL;

-- near-miss: exclusion-join-wrong-column
SELECT c.id
FROM dbo.customers c
LEFT JOIN dbo.orders o ON o.customer_id = c.id
WHERE o.customer_id IS NULL;

-- the id column of a table the input does not define is taken as its key
-- near-miss: exclusion-join-wrong-column
SELECT c.id
FROM dbo.customers c
LEFT JOIN dbo.orders o ON o.customer_id = c.id
WHERE o.id IS NULL;
