-- limit-without-order-by (MySQL)

-- expect: limit-without-order-by
SELECT id, payload FROM jobs WHERE state = 'ready' LIMIT 10;

-- the MySQL offset, count form
-- expect: limit-without-order-by
SELECT id FROM jobs WHERE state = 'done' LIMIT 20, 10;

-- no FROM clause
-- near-miss: limit-without-order-by
SELECT @@version_comment LIMIT 1;

-- near-miss: limit-without-order-by
SELECT id FROM jobs WHERE state = 'ready' ORDER BY id LIMIT 10;
