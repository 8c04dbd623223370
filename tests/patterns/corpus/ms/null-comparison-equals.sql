-- null-comparison-equals (SQL Server)

-- expect: null-comparison-equals
SELECT id FROM dbo.orders WHERE shipped_at = NULL;

-- expect: null-comparison-equals
UPDATE [dbo].[orders] SET [status] = 'lost' WHERE [note] <> NULL AND [id] = 3;

-- SELECT @variable = NULL is an assignment
-- near-miss: null-comparison-equals
SELECT @last_id = NULL;

-- near-miss: null-comparison-equals
SELECT id FROM dbo.orders WHERE shipped_at IS NULL;

-- an IF condition
-- expect: null-comparison-equals
IF @last_id = NULL PRINT 'no order yet';

-- SET @variable = NULL assigns
-- near-miss: null-comparison-equals
SET @last_id = NULL;
