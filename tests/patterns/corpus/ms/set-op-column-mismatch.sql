-- set-op-column-mismatch (SQL Server)

-- expect: set-op-column-mismatch
SELECT id, name FROM dbo.customers WHERE region = 'EU'
EXCEPT
SELECT id FROM dbo.blocked WHERE region = 'EU';

-- near-miss: set-op-column-mismatch
SELECT id, name FROM dbo.customers WHERE region = 'EU'
EXCEPT
SELECT id, name FROM dbo.blocked WHERE region = 'EU';
