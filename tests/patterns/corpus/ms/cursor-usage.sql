-- cursor-usage: T-SQL cursors process rows one at a time.

-- expect: cursor-usage
DECLARE order_cursor CURSOR FOR
SELECT id FROM dbo.orders WHERE status = 'new';

-- expect: cursor-usage
DECLARE c CURSOR LOCAL FAST_FORWARD FOR
SELECT id, total FROM dbo.invoices WHERE paid = 0;

-- in a procedure body
-- expect: cursor-usage
CREATE OR ALTER PROCEDURE dbo.usp_close_invoices AS
BEGIN
	DECLARE @id bigint;
	DECLARE inv CURSOR LOCAL FOR SELECT id FROM dbo.invoices WHERE paid = 0;
	OPEN inv;
	FETCH NEXT FROM inv INTO @id;
	CLOSE inv;
	DEALLOCATE inv;
END
GO

-- working with a cursor declared earlier is not a new cursor
-- near-miss: cursor-usage
OPEN order_cursor;

-- near-miss: cursor-usage
DECLARE @n int = 0;

-- the set-based form
-- near-miss: cursor-usage
UPDATE dbo.invoices SET status = 'closed' WHERE paid = 0 AND due_date < @cutoff;

-- near-miss: cursor-usage
SELECT id FROM dbo.audit_log WHERE query_text = 'DECLARE c CURSOR FOR SELECT 1';
