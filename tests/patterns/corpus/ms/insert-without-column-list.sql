-- insert-without-column-list (SQL Server)

-- expect: insert-without-column-list
INSERT INTO dbo.orders VALUES (7, 42, 19.99, N'new');

-- INTO is optional in T-SQL
-- expect: insert-without-column-list
INSERT dbo.orders_archive SELECT o.id, o.customer_id, o.total, o.status FROM dbo.orders o WHERE o.status = 'closed';

-- near-miss: insert-without-column-list
INSERT INTO dbo.orders (id, customer_id, total, status) VALUES (7, 42, 19.99, N'new');

-- near-miss: insert-without-column-list
INSERT INTO dbo.orders DEFAULT VALUES;
