-- unbalanced-transaction: a transaction left open at the end of the
-- script. T-SQL nests BEGIN TRANSACTION on purpose, so nesting alone is
-- not flagged.

-- near-miss: unbalanced-transaction
BEGIN TRANSACTION;
UPDATE dbo.accounts SET balance = balance - 10 WHERE id = 1;
UPDATE dbo.accounts SET balance = balance + 10 WHERE id = 2;
COMMIT TRANSACTION;

-- near-miss: unbalanced-transaction
BEGIN TRAN;
DELETE FROM dbo.sessions WHERE expires_at < SYSUTCDATETIME();
ROLLBACK TRAN;

-- nested levels, each committed
-- near-miss: unbalanced-transaction
BEGIN TRANSACTION;
-- near-miss: unbalanced-transaction
BEGIN TRANSACTION;
UPDATE dbo.accounts SET balance = 0 WHERE id = 3;
COMMIT TRANSACTION;
COMMIT TRANSACTION;

-- two levels opened, one COMMIT: @@TRANCOUNT is still 1, so the outer
-- transaction stays open to the end of the script
-- expect: unbalanced-transaction
BEGIN TRANSACTION;
-- near-miss: unbalanced-transaction
BEGIN TRANSACTION;
UPDATE dbo.accounts SET balance = 0 WHERE id = 4;
COMMIT TRANSACTION;

-- never committed (still inside the transaction above)
-- near-miss: unbalanced-transaction
BEGIN TRANSACTION;
UPDATE dbo.accounts SET balance = 0 WHERE id = 5;
