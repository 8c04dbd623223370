-- rename-table: sp_rename on a table.
BEGIN TRANSACTION;

-- expect: rename-table
EXEC sp_rename 'dbo.Customer', 'Customers';

-- expect: rename-column
-- near-miss: rename-table
EXEC sp_rename 'dbo.Customers.Nm', 'Name', 'COLUMN';

COMMIT TRANSACTION;
