-- offset-pagination: LIMIT offset, count with a deep or parameter offset.

-- expect: offset-pagination
SELECT id, title FROM posts WHERE published = 1 ORDER BY id LIMIT 5000, 20;

-- expect: offset-pagination
SELECT id, title FROM posts WHERE published = 1 ORDER BY id LIMIT 20 OFFSET 2000;

-- expect: offset-pagination
SELECT id, title FROM posts WHERE author_id = ? ORDER BY id LIMIT ?, ?;

-- near-miss: offset-pagination
SELECT id, title FROM posts WHERE published = 1 ORDER BY id LIMIT 40, 20;

-- near-miss: offset-pagination
SELECT id, title FROM posts WHERE published = 1 ORDER BY id LIMIT 20;

-- keyset pagination
-- near-miss: offset-pagination
SELECT id, title FROM posts WHERE published = 1 AND id > ? ORDER BY id LIMIT 20;
