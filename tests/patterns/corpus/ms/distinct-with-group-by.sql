-- distinct-with-group-by: DISTINCT over a GROUP BY whose keys are selected.

-- expect: distinct-with-group-by
SELECT DISTINCT customer_id, COUNT(*) AS orders
FROM dbo.orders
WHERE created_at >= DATEADD(day, -30, SYSUTCDATETIME())
GROUP BY customer_id;

-- expect: distinct-with-group-by
SELECT DISTINCT TOP (10) [o].[shop_id], SUM([o].[total]) AS revenue
FROM [dbo].[orders] AS [o]
WHERE [o].[total] > 0
GROUP BY [o].[shop_id]
ORDER BY revenue DESC;

-- near-miss: distinct-with-group-by
SELECT DISTINCT customer_id
FROM dbo.orders
WHERE total > 100
GROUP BY customer_id, shop_id;
