-- optimizer-hint: index hints, STRAIGHT_JOIN and /*+ */ optimizer hints.

-- expect: optimizer-hint
SELECT id FROM orders FORCE INDEX (idx_created) WHERE created_at > NOW() - INTERVAL 1 DAY;

-- expect: optimizer-hint
SELECT id FROM orders USE INDEX (idx_status) WHERE status = 'new';

-- expect: optimizer-hint
SELECT o.id FROM orders AS o IGNORE INDEX FOR ORDER BY (idx_created)
WHERE o.status = 'new'
ORDER BY o.created_at;

-- expect: optimizer-hint
SELECT STRAIGHT_JOIN o.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE c.country = 'DE';

-- expect: optimizer-hint
SELECT o.id
FROM orders o STRAIGHT_JOIN customers c ON c.id = o.customer_id
WHERE c.country = 'DE';

-- expect: optimizer-hint
SELECT /*+ NO_INDEX_MERGE(orders) */ id FROM orders WHERE status = 'new' OR customer_id = 7;

-- a plan hint next to a time limit
-- expect: optimizer-hint
SELECT /*+ MAX_EXECUTION_TIME(1000) BKA(o) */ o.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE c.country = 'DE';

-- a time limit alone does not choose a plan
-- near-miss: optimizer-hint
SELECT /*+ MAX_EXECUTION_TIME(1000) */ id FROM orders WHERE status = 'new';

-- locking reads are not plan hints
-- near-miss: optimizer-hint
SELECT id FROM orders WHERE id = 7 FOR UPDATE;

-- near-miss: optimizer-hint
SELECT id FROM orders WHERE id = 7 LOCK IN SHARE MODE;

-- the words inside a string literal and an ordinary comment
-- near-miss: optimizer-hint
SELECT id FROM notes /* FORCE INDEX (x) */ WHERE body = 'USE INDEX (idx)';
