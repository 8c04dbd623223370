-- udf-in-predicate: a scalar UDF in WHERE forces row-by-row, serial plans.

-- expect: udf-in-predicate, where-function-on-column
SELECT id FROM dbo.orders WHERE dbo.fn_is_active(status) = 1;

-- expect: udf-in-predicate
SELECT id FROM dbo.orders WHERE created_at > dbo.fn_fiscal_start(@year);

-- near-miss: udf-in-predicate
SELECT id FROM dbo.orders WHERE created_at > DATEADD(day, -1, SYSUTCDATETIME());

-- near-miss: udf-in-predicate
SELECT id, dbo.fn_is_active(status) AS active FROM dbo.orders WHERE customer_id = @c;
