-- duplicate-column-assignment (SQL Server)

-- expect: duplicate-column-assignment
UPDATE dbo.orders SET status = 'shipped', Status = 'paid' WHERE id = 7;

-- near-miss: duplicate-column-assignment
UPDATE dbo.orders SET status = 'shipped', shipped_at = SYSDATETIME() WHERE id = 7;
