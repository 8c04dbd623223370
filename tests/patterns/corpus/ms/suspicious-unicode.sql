-- suspicious-unicode (SQL Server)

-- expect: suspicious-unicode
SELECT id FROM dbo.customers WHERE id = 42;

-- near-miss: suspicious-unicode
SELECT id FROM dbo.customers WHERE name = N'‘quoted’';
