-- in-list-null (SQL Server)

-- expect: in-list-null
SELECT id FROM dbo.tickets WHERE status IN (N'open', NULL);

-- near-miss: in-list-null
SELECT id FROM dbo.tickets WHERE status IN (N'open', N'held');
