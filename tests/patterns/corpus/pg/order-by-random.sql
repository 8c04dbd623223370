-- order-by-random: sorting by a random key to pick a few rows.

-- expect: order-by-random
SELECT id, body FROM quotes WHERE active ORDER BY random() LIMIT 1;

-- by an alias of random()
-- expect: order-by-random
SELECT id, random() AS r FROM quotes WHERE active ORDER BY r LIMIT 5;

-- inside an expression
-- expect: order-by-random
SELECT id FROM banners WHERE campaign_id = $1 ORDER BY md5(random()::text) LIMIT 3;

-- in a subquery
-- expect: order-by-random
SELECT q.body
FROM (SELECT body FROM quotes WHERE active ORDER BY random() LIMIT 10) AS q
WHERE q.body <> '';

-- near-miss: order-by-random
SELECT id, body FROM quotes WHERE active ORDER BY id LIMIT 1;

-- random() in the select list, not in ORDER BY
-- near-miss: order-by-random
SELECT id, random() AS jitter FROM quotes WHERE active ORDER BY id;

-- sampling instead of sorting
-- near-miss: order-by-random
SELECT id FROM quotes TABLESAMPLE SYSTEM (1) WHERE active;

-- near-miss: order-by-random
SELECT id FROM audit_log WHERE query_text = 'ORDER BY random()';
