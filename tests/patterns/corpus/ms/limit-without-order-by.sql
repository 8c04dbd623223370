-- limit-without-order-by (SQL Server)

-- expect: limit-without-order-by
SELECT TOP 10 id, payload FROM dbo.jobs WHERE state = 'ready';

-- expect: limit-without-order-by
SELECT TOP (1) @job_id = id FROM dbo.jobs WHERE state = 'ready';

-- near-miss: limit-without-order-by
SELECT TOP (10) id FROM dbo.jobs WHERE state = 'ready' ORDER BY queued_at;

-- near-miss: limit-without-order-by
SELECT TOP 1 COUNT(*) FROM dbo.jobs WHERE state = 'ready';

-- expect: limit-without-order-by
SELECT TOP 5 PERCENT id FROM dbo.jobs WHERE state = 'failed';

-- TOP 100 PERCENT returns every row
-- near-miss: limit-without-order-by
SELECT TOP 100 PERCENT id FROM dbo.jobs WHERE state = 'failed';
