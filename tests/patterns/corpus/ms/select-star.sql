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
