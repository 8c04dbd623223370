-- unquoted-date-literal (SQL Server)

-- expect: unquoted-date-literal
SELECT id FROM dbo.orders WHERE created_at < 2010-02-12;

-- near-miss: unquoted-date-literal
SELECT id FROM dbo.orders WHERE created_at < '20100212';
