-- select-star (SQL Server)

-- expect: select-star
SELECT TOP (10) * FROM dbo.orders WHERE status = 'open' ORDER BY id;

-- expect: select-star
SELECT o.* INTO #recent FROM dbo.orders AS o WHERE o.created_at > '20240101';

-- near-miss: select-star
SELECT COUNT(*) FROM dbo.orders WHERE status = 'open';

-- near-miss: select-star
IF EXISTS (SELECT * FROM dbo.orders WHERE status = 'stuck')
	PRINT 'stuck orders';

-- a CTE that lists its columns
-- near-miss: select-star
WITH recent AS (SELECT id, total FROM dbo.orders WHERE total > 0)
SELECT * FROM recent WHERE recent.id = 1;
