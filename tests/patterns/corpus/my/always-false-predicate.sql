-- always-false-predicate (MySQL)

-- expect: always-false-predicate
SELECT id FROM payments WHERE amount > 100 AND amount < 50;

-- WHERE 0 is false in MySQL
-- expect: always-false-predicate
DELETE FROM payments WHERE 0;

-- CREATE TABLE ... SELECT ... WHERE 1 = 0 copies the structure
-- near-miss: always-false-predicate
CREATE TABLE IF NOT EXISTS payments_shape SELECT id, amount FROM payments WHERE 1 = 0;

-- MySQL compares strings without case by default
-- near-miss: always-false-predicate
SELECT id FROM payments WHERE status = 'paid' AND status = 'PAID';
