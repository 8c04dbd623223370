-- always-false-predicate (SQL Server)

-- expect: always-false-predicate
SELECT id FROM dbo.payments WHERE amount BETWEEN 500 AND 100;

-- SELECT ... INTO #t ... WHERE 1 = 0 copies the structure
-- near-miss: always-false-predicate
SELECT id, amount INTO #payments_shape FROM dbo.payments WHERE 1 = 0;
