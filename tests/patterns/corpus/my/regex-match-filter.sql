-- regex-match-filter (extended): REGEXP/RLIKE filters.

-- expect: regex-match-filter
SELECT id FROM logs WHERE message REGEXP 'timeout [0-9]+';

-- expect: regex-match-filter
SELECT id FROM users WHERE email RLIKE '@(gmail|yahoo)[.]com$';

-- expect: regex-match-filter
SELECT id FROM users WHERE REGEXP_LIKE(email, '^admin@');

-- near-miss: regex-match-filter
SELECT id, message REGEXP 'timeout' AS is_timeout FROM logs WHERE id > 1000;

-- near-miss: regex-match-filter
SELECT id FROM hosts WHERE name LIKE 'db%';
