-- delete-without-where: a DELETE that removes every row.

-- expect: delete-without-where
DELETE FROM sessions;

-- the WHERE was commented out
-- expect: delete-without-where
DELETE FROM sessions
-- WHERE expires_at < now()
;

-- USING joins but does not filter (a Cartesian product, too)
-- expect: delete-without-where, missing-join-condition
DELETE FROM order_lines l USING orders o;

-- inside a data-modifying CTE
-- expect: delete-without-where
WITH gone AS (
	DELETE FROM queue RETURNING id
)
SELECT count(*) FROM gone;

-- near-miss: delete-without-where
DELETE FROM sessions WHERE expires_at < now();

-- near-miss: delete-without-where
DELETE FROM order_lines l USING orders o
WHERE o.id = l.order_id AND o.status = 'cancelled';

-- near-miss: delete-without-where
DELETE FROM jobs WHERE CURRENT OF job_cursor;

SET lock_timeout = '5s';

-- TRUNCATE says what it does
-- near-miss: delete-without-where
TRUNCATE sessions;
