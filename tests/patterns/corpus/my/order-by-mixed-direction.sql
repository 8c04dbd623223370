-- order-by-mixed-direction (extended): ORDER BY mixing ASC and DESC.

-- expect: order-by-mixed-direction
SELECT id FROM posts WHERE author_id = 7 ORDER BY pinned DESC, created_at ASC LIMIT 10;

-- the default direction is ASC
-- expect: order-by-mixed-direction
SELECT id, score FROM players WHERE league_id = 3 ORDER BY score DESC, name LIMIT 20;

-- near-miss: order-by-mixed-direction
SELECT id FROM posts WHERE author_id = 7 ORDER BY pinned DESC, created_at DESC LIMIT 10;

-- near-miss: order-by-mixed-direction
SELECT id FROM posts WHERE author_id = 7 ORDER BY pinned, created_at LIMIT 10;

-- near-miss: order-by-mixed-direction
SELECT id FROM posts WHERE author_id = 7 ORDER BY created_at DESC LIMIT 10;
