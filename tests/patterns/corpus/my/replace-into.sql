-- replace-into: REPLACE deletes and re-inserts.

-- expect: replace-into
REPLACE INTO settings (name, value) VALUES ('theme', 'dark');

-- expect: replace-into
REPLACE LOW_PRIORITY INTO daily_totals (day, total)
SELECT DATE(created_at), SUM(total) FROM orders WHERE created_at >= CURDATE() GROUP BY DATE(created_at);

-- the SET form
-- expect: replace-into
REPLACE settings SET name = 'theme', value = 'light';

-- the safe upsert
-- near-miss: replace-into
INSERT INTO settings (name, value) VALUES ('theme', 'dark')
ON DUPLICATE KEY UPDATE value = VALUES(value);

-- the REPLACE() string function
-- near-miss: replace-into
SELECT REPLACE(name, '_', ' ') AS label FROM settings WHERE name LIKE 'ui%';

-- near-miss: replace-into
INSERT IGNORE INTO settings (name, value) VALUES ('theme', 'dark');
