-- update-without-where: an UPDATE that changes every row.

-- expect: update-without-where
UPDATE users SET active = 0;

-- the WHERE was commented out
-- expect: update-without-where
UPDATE users SET active = 0 # WHERE id = 42
;

-- a multi-table UPDATE: the join limits nothing here
-- expect: update-without-where
UPDATE users u JOIN orgs o ON o.id = u.org_id SET u.plan = o.plan;

-- ORDER BY ... LIMIT without WHERE still picks rows from the whole table
-- expect: update-without-where
UPDATE jobs SET state = 'queued' ORDER BY id LIMIT 100;

-- near-miss: update-without-where
UPDATE users SET active = 0 WHERE last_login < NOW() - INTERVAL 1 YEAR;

-- ON DUPLICATE KEY UPDATE touches only the conflicting row
-- near-miss: update-without-where
INSERT INTO counters (name, hits) VALUES ('home', 1)
ON DUPLICATE KEY UPDATE hits = hits + 1;
