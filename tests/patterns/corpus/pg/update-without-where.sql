-- update-without-where: an UPDATE that changes every row.

-- expect: update-without-where
UPDATE accounts SET balance = 0;

-- the WHERE was commented out
-- expect: update-without-where
UPDATE accounts SET balance = 0
-- WHERE id = 42
;

-- with RETURNING, schema-qualified
-- expect: update-without-where
UPDATE billing.invoices SET reminded_at = now() RETURNING id;

-- inside a data-modifying CTE
-- expect: update-without-where
WITH moved AS (
	UPDATE jobs SET state = 'queued' RETURNING id
)
SELECT count(*) FROM moved;

-- near-miss: update-without-where
UPDATE accounts SET balance = 0 WHERE id = 42;

-- a positioned update names its row
-- near-miss: update-without-where
UPDATE jobs SET state = 'done' WHERE CURRENT OF job_cursor;

-- ON CONFLICT DO UPDATE touches only the conflicting row
-- near-miss: update-without-where
INSERT INTO counters (name, hits) VALUES ('home', 1)
ON CONFLICT (name) DO UPDATE SET hits = counters.hits + 1;

-- the statement inside a string literal
-- near-miss: update-without-where
SELECT id FROM audit_log WHERE query_text = 'UPDATE accounts SET balance = 0';
