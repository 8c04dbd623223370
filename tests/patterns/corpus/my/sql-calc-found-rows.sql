-- sql-calc-found-rows: SELECT SQL_CALC_FOUND_ROWS.

-- expect: sql-calc-found-rows
SELECT SQL_CALC_FOUND_ROWS id, title FROM posts WHERE author_id = 7 ORDER BY id LIMIT 10;

-- expect: sql-calc-found-rows
SELECT SQL_CALC_FOUND_ROWS p.id, p.title
FROM posts p
JOIN authors a ON a.id = p.author_id
WHERE a.country = 'DE'
ORDER BY p.id
LIMIT 20, 10;

-- the replacement: a separate count
-- near-miss: sql-calc-found-rows
SELECT COUNT(*) FROM posts WHERE author_id = 7;

-- near-miss: sql-calc-found-rows
SELECT id FROM audit_log WHERE query_text = 'SELECT SQL_CALC_FOUND_ROWS id FROM posts';
