-- duplicate-table-alias (SQL Server)

-- expect: duplicate-table-alias
SELECT a.id FROM dbo.employees a JOIN dbo.employees A ON a.manager_id = A.id WHERE a.id > 0;

-- UPDATE alias ... FROM table alias names the target once
-- near-miss: duplicate-table-alias
UPDATE o SET o.status = 'void'
FROM dbo.orders AS o
JOIN dbo.customers AS c ON c.id = o.customer_id
WHERE c.banned = 1;
