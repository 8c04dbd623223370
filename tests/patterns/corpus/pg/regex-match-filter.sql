-- regex-match-filter (extended): regular-expression filters scan every row.

-- expect: regex-match-filter
SELECT id FROM logs WHERE message ~ 'timeout [0-9]+';

-- expect: regex-match-filter
SELECT id FROM users WHERE email ~* '@(gmail|yahoo)\.com$';

-- expect: regex-match-filter
SELECT id FROM logs WHERE level !~ '^(DEBUG|TRACE)$' AND id > 1000;

-- expect: regex-match-filter
SELECT id FROM products WHERE name SIMILAR TO '(red|blue) %';

-- in a JOIN condition
-- expect: regex-match-filter
SELECT l.id
FROM logs l
JOIN hosts h ON h.id = l.host_id AND h.name ~ '^db[0-9]+'
WHERE l.id > 1000;

-- a regular expression in the select list is not a filter
-- near-miss: regex-match-filter
SELECT id, message ~ 'timeout' AS is_timeout FROM logs WHERE id > 1000;

-- a prefix LIKE is indexable
-- near-miss: regex-match-filter
SELECT id FROM hosts WHERE name LIKE 'db%';

-- the operator inside a string literal
-- near-miss: regex-match-filter
SELECT id FROM audit_log WHERE query_text = 'WHERE name ~ ''x''';
