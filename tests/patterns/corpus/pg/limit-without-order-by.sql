-- limit-without-order-by: LIMIT / FETCH FIRST without ORDER BY.

CREATE TABLE IF NOT EXISTS jobs (
	id bigint PRIMARY KEY,
	state text NOT NULL,
	payload jsonb,
	queued_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS settings (
	name text PRIMARY KEY,
	value text
);

-- expect: limit-without-order-by
SELECT id, payload FROM jobs WHERE state = 'ready' LIMIT 10;

-- expect: limit-without-order-by
SELECT id FROM jobs WHERE state = 'failed' FETCH FIRST 5 ROWS ONLY;

-- the outer ORDER BY does not order what the inner LIMIT picks
-- expect: limit-without-order-by
SELECT x.id
FROM (SELECT id FROM jobs WHERE state = 'ready' LIMIT 100) AS x
WHERE x.id > 0
ORDER BY x.id;

-- a scalar subquery picking an arbitrary row
-- expect: limit-without-order-by
SELECT j.id,
       (SELECT s.value FROM settings s WHERE s.value IS NOT NULL LIMIT 1) AS v
FROM jobs j
WHERE j.state = 'ready'
ORDER BY j.id;

-- LIMIT on a UNION without ORDER BY
-- expect: limit-without-order-by
SELECT id FROM jobs WHERE state = 'a'
UNION ALL
SELECT id FROM jobs WHERE state = 'b'
LIMIT 20;

-- a parameter as the limit, in a CTE
-- expect: limit-without-order-by
WITH batch AS (
	SELECT id FROM jobs WHERE queued_at < now() LIMIT $1
)
UPDATE jobs SET state = 'running' FROM batch WHERE jobs.id = batch.id;

-- near-miss: limit-without-order-by
SELECT id FROM jobs WHERE state = 'ready' ORDER BY queued_at, id LIMIT 10;

-- no FROM clause
-- near-miss: limit-without-order-by
SELECT version() LIMIT 1;

-- an aggregate-only select returns one row anyway
-- near-miss: limit-without-order-by
SELECT count(*) FROM jobs WHERE state = 'ready' LIMIT 1;

-- inside EXISTS the row does not matter
-- near-miss: limit-without-order-by
SELECT s.name FROM settings s
WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.state = s.value LIMIT 1);

-- WHERE pins the primary key: at most one row
-- near-miss: limit-without-order-by
SELECT value FROM settings WHERE name = 'mode' LIMIT 1;

-- LIMIT 0 returns no row (column metadata only)
-- near-miss: limit-without-order-by
SELECT id, state FROM jobs LIMIT 0;

-- LIMIT ALL is no limit
-- near-miss: limit-without-order-by
SELECT id FROM jobs WHERE state = 'ready' LIMIT ALL;

-- the keyword only inside a string literal
-- near-miss: limit-without-order-by
SELECT id, 'LIMIT 1' AS note FROM jobs WHERE state = 'x' ORDER BY id;
