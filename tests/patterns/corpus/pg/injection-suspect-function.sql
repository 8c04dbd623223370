-- injection-suspect-function: calls typical of SQL-injection probes.

-- a time-based blind probe
-- expect: injection-suspect-function
SELECT id FROM users WHERE id = 1 OR pg_sleep(5) IS NULL;

-- expect: injection-suspect-function
SELECT pg_sleep(10);

-- a conditional delay
-- expect: injection-suspect-function
SELECT CASE WHEN (SELECT count(*) FROM users WHERE login = 'admin') > 0
	    THEN pg_sleep(3) END;

-- expect: injection-suspect-function
SELECT id FROM users WHERE id = 2 AND pg_catalog.pg_sleep_for('5 seconds') IS NOT NULL;

-- near-miss: injection-suspect-function
SELECT id, sleep_minutes FROM users WHERE id = 1;

-- the name only in a string literal and a comment
-- near-miss: injection-suspect-function
SELECT id FROM audit_log WHERE payload = 'pg_sleep(5)' /* pg_sleep(5) */;

-- a column named sleep is not a call
-- near-miss: injection-suspect-function
SELECT p.sleep, p.pg_sleep_until FROM patients p WHERE p.id = 3;
