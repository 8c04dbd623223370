-- where-function-on-column: a function or CONVERT wraps the column side.

-- expect: where-function-on-column
SELECT id FROM dbo.orders WHERE CONVERT(date, created_at) = '2024-03-01';

-- expect: where-function-on-column
SELECT id FROM dbo.orders WHERE DATEDIFF(day, created_at, GETDATE()) > 30;

-- expect: where-function-on-column
SELECT id FROM dbo.customers WHERE ISNULL(region, 'none') = 'none';

-- expect: where-function-on-column
SELECT o.id
FROM dbo.orders AS o
JOIN dbo.customers AS c ON c.id = o.customer_id
WHERE YEAR(o.created_at) = 2024 AND c.region = 'EU';

-- the function is on the constant side
-- near-miss: where-function-on-column
SELECT id FROM dbo.orders WHERE created_at > DATEADD(day, -30, GETDATE());

-- near-miss: where-function-on-column
SELECT UPPER(name) AS name FROM dbo.customers WHERE id = @id;
