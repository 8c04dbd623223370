-- unbalanced-transaction: a BEGIN inside an open transaction (MySQL commits
-- the open one silently), and a transaction left open at the end.

-- near-miss: unbalanced-transaction
START TRANSACTION;
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
UPDATE accounts SET balance = balance + 10 WHERE id = 2;
COMMIT;

-- near-miss: unbalanced-transaction
BEGIN;
DELETE FROM sessions WHERE expires_at < NOW();
ROLLBACK;

-- the second START TRANSACTION commits the first one's work
-- near-miss: unbalanced-transaction
START TRANSACTION;
UPDATE accounts SET balance = 0 WHERE id = 3;
-- expect: unbalanced-transaction
START TRANSACTION;
UPDATE accounts SET balance = 0 WHERE id = 4;
COMMIT;

-- COMMIT without a transaction is harmless
-- near-miss: unbalanced-transaction
COMMIT;

-- never committed
-- expect: unbalanced-transaction
START TRANSACTION;
UPDATE accounts SET balance = 0 WHERE id = 5;
