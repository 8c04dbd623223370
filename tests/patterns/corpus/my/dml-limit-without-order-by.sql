-- dml-limit-without-order-by: UPDATE/DELETE ... LIMIT with no ORDER BY.

-- expect: dml-limit-without-order-by
DELETE FROM events WHERE created_at < '2024-01-01' LIMIT 1000;

-- expect: dml-limit-without-order-by
UPDATE jobs SET state = 'claimed', worker = 'w1' WHERE state = 'ready' LIMIT 10;

-- near-miss: dml-limit-without-order-by
DELETE FROM events WHERE created_at < '2024-01-01' ORDER BY id LIMIT 1000;

-- near-miss: dml-limit-without-order-by
UPDATE jobs SET state = 'claimed' WHERE state = 'ready' ORDER BY id LIMIT 10;

-- near-miss: dml-limit-without-order-by
DELETE FROM events WHERE created_at < '2024-01-01';

-- LIMIT in the text of a string only
-- near-miss: dml-limit-without-order-by
UPDATE notes SET body = 'DELETE FROM t LIMIT 5' WHERE id = 3;
