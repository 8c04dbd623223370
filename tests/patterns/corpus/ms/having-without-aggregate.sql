-- having-without-aggregate: HAVING without an aggregate belongs in WHERE.

-- expect: having-without-aggregate
SELECT status, COUNT(*) AS n FROM dbo.orders
WHERE created_at > DATEADD(day, -7, GETDATE())
GROUP BY status
HAVING status <> 'cancelled';

-- near-miss: having-without-aggregate
SELECT status, COUNT(*) AS n FROM dbo.orders
WHERE created_at > DATEADD(day, -7, GETDATE())
GROUP BY status
HAVING COUNT(*) > 10;
