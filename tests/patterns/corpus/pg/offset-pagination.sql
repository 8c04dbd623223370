-- offset-pagination: deep OFFSET (>= 1000, threshold min_offset) or a
-- bind-parameter offset.

-- expect: offset-pagination
SELECT id, title FROM posts WHERE published ORDER BY id LIMIT 20 OFFSET 5000;

-- exactly the threshold
-- expect: offset-pagination
SELECT id, title FROM posts WHERE published ORDER BY id LIMIT 20 OFFSET 1000;

-- a parameter: any page can be asked for
-- expect: offset-pagination
SELECT id, title FROM posts WHERE author_id = $1 ORDER BY id LIMIT $2 OFFSET $3;

-- the offset computed from a page number
-- expect: offset-pagination
SELECT id, title FROM posts WHERE published ORDER BY id LIMIT 20 OFFSET ($1 - 1) * 20;

-- the SQL standard spelling
-- expect: offset-pagination
SELECT id, title FROM posts
WHERE published
ORDER BY id
OFFSET 10000 ROWS FETCH NEXT 20 ROWS ONLY;

-- a small literal offset
-- near-miss: offset-pagination
SELECT id, title FROM posts WHERE published ORDER BY id LIMIT 20 OFFSET 40;

-- near-miss: offset-pagination
SELECT id, title FROM posts WHERE published ORDER BY id LIMIT 20 OFFSET 999;

-- keyset pagination
-- near-miss: offset-pagination
SELECT id, title FROM posts WHERE published AND id > $1 ORDER BY id LIMIT 20;
