-- select-without-where (extended): a full read of a base table.

-- expect: select-without-where
SELECT id, email FROM dbo.users;

-- near-miss: select-without-where
SELECT TOP (10) id, email FROM dbo.users ORDER BY id DESC;

-- near-miss: select-without-where
SELECT id, email FROM dbo.users WHERE id = @id;

-- near-miss: select-without-where
SELECT @@SERVERNAME AS server_name;
