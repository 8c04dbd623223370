-- order-by-random: ORDER BY RAND().

-- expect: order-by-random
SELECT id, body FROM quotes WHERE active = 1 ORDER BY RAND() LIMIT 1;

-- expect: order-by-random
SELECT id FROM banners WHERE campaign_id = ? ORDER BY RAND(42) LIMIT 3;

-- near-miss: order-by-random
SELECT id, body FROM quotes WHERE active = 1 ORDER BY id LIMIT 1;

-- near-miss: order-by-random
SELECT id, FLOOR(RAND() * 100) AS bucket FROM quotes WHERE active = 1 ORDER BY id;
