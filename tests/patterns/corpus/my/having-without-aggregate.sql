-- having-without-aggregate: HAVING conditions without an aggregate.

-- expect: having-without-aggregate
SELECT status, COUNT(*) FROM orders
WHERE created_at > NOW() - INTERVAL 7 DAY
GROUP BY status
HAVING status <> 'cancelled';

-- MySQL allows HAVING without GROUP BY, as a late WHERE
-- expect: having-without-aggregate
SELECT id, total FROM orders WHERE customer_id = 7 HAVING total > 100;

-- the alias of an aggregate
-- near-miss: having-without-aggregate
SELECT status, COUNT(*) AS cnt FROM orders
WHERE created_at > NOW() - INTERVAL 7 DAY
GROUP BY status
HAVING cnt > 5;

-- near-miss: having-without-aggregate
SELECT status, COUNT(*) FROM orders
WHERE created_at > NOW() - INTERVAL 7 DAY
GROUP BY status
HAVING COUNT(*) > 10;
