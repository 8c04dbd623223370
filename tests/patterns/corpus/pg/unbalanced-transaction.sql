-- unbalanced-transaction: a nested BEGIN, and a transaction left open at
-- the end of the script (reported at its BEGIN).

-- near-miss: unbalanced-transaction
BEGIN;
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
UPDATE accounts SET balance = balance + 10 WHERE id = 2;
COMMIT;

-- near-miss: unbalanced-transaction
START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
DELETE FROM sessions WHERE expires_at < now();
ROLLBACK;

-- END is COMMIT
-- near-miss: unbalanced-transaction
BEGIN WORK;
UPDATE accounts SET flagged = false WHERE id = 3;
END;

-- COMMIT without BEGIN only draws a warning from the server
-- near-miss: unbalanced-transaction
COMMIT;

-- the first BEGIN is closed by the COMMIT below; the second one nests
-- near-miss: unbalanced-transaction
BEGIN;
-- expect: unbalanced-transaction
BEGIN;
UPDATE accounts SET balance = 0 WHERE id = 4;
COMMIT;

-- savepoints are the way to nest
-- near-miss: unbalanced-transaction
BEGIN;
SAVEPOINT before_cleanup;
DELETE FROM sessions WHERE user_id = 4;
ROLLBACK TO SAVEPOINT before_cleanup;
COMMIT;

-- never committed: reported here at the end of the input
-- expect: unbalanced-transaction
BEGIN;
UPDATE accounts SET balance = 0 WHERE id = 5;
