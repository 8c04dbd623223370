-- duplicate-column-assignment (MySQL applies both, left to right)

-- expect: duplicate-column-assignment
UPDATE orders SET status = 'shipped', status = 'paid' WHERE id = 7;

-- expect: duplicate-column-assignment
INSERT INTO orders SET id = 1, status = 'new', status = 'paid';

-- two tables of a multi-table UPDATE
-- near-miss: duplicate-column-assignment
UPDATE orders o JOIN customers c ON c.id = o.customer_id
SET o.updated_at = NOW(), c.updated_at = NOW()
WHERE o.id = 7;

-- near-miss: duplicate-column-assignment
INSERT INTO counters (name, n) VALUES ('hits', 1)
ON DUPLICATE KEY UPDATE n = n + 1;

-- expect: duplicate-column-assignment
INSERT INTO counters (name, n) VALUES ('hits', 1)
ON DUPLICATE KEY UPDATE n = n + 1, N = 0;

-- INSERT ... SET and ON DUPLICATE KEY UPDATE are two lists
-- near-miss: duplicate-column-assignment
INSERT INTO counters SET name = 'hits', n = 1
ON DUPLICATE KEY UPDATE n = n + 1;
