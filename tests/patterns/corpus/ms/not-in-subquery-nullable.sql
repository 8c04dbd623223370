-- not-in-subquery-nullable (SQL Server)

-- expect: not-in-subquery-nullable
SELECT c.id FROM dbo.customers c
WHERE c.id NOT IN (SELECT o.customer_id FROM dbo.orders o WHERE o.status = 'void');

-- near-miss: not-in-subquery-nullable
SELECT c.id FROM dbo.customers c
WHERE c.id NOT IN (SELECT o.customer_id FROM dbo.orders o
		   WHERE o.customer_id IS NOT NULL);
