-- order-by-constant: ORDER BY / GROUP BY a constant or a pinned column.

CREATE TABLE IF NOT EXISTS products (
	id bigint PRIMARY KEY,
	name text NOT NULL,
	category_id bigint NOT NULL,
	price numeric(12, 2) NOT NULL,
	active boolean NOT NULL,
	featured boolean NOT NULL
);

-- a string, not the column
-- expect: order-by-constant
SELECT id, name FROM products WHERE active ORDER BY 'name';

-- expect: order-by-constant
SELECT id FROM products WHERE active ORDER BY NULL;

-- an expression is not a position
-- expect: order-by-constant
SELECT id, name FROM products WHERE active ORDER BY 1 + 1;

-- the only category left is 4
-- expect: order-by-constant
SELECT id, name FROM products WHERE category_id = 4 ORDER BY category_id;

-- pinned by a parameter, with a useful second key
-- expect: order-by-constant
SELECT p.id FROM products p
WHERE p.category_id = $1 AND p.active
ORDER BY p.category_id, p.price DESC;

-- grouping by a constant
-- expect: order-by-constant
SELECT count(*) FROM products WHERE active GROUP BY 'all';

-- in a subquery
-- expect: order-by-constant
SELECT t.id FROM (SELECT id FROM products WHERE featured ORDER BY 'price' LIMIT 5) t
WHERE t.id > 0;

-- a positional reference is not a constant
-- near-miss: order-by-constant
SELECT id, name FROM products WHERE active ORDER BY 2;

-- a grouped column that WHERE pins is still needed in the select list
-- near-miss: order-by-constant
SELECT category_id, count(*) FROM products
WHERE category_id = 4
GROUP BY category_id;

-- an equality inside an OR does not pin the column
-- near-miss: order-by-constant
SELECT id FROM products WHERE category_id = 4 OR featured ORDER BY category_id;

-- near-miss: order-by-constant
SELECT id, name FROM products WHERE price > 10 ORDER BY name;

-- a double-quoted identifier is a column
-- near-miss: order-by-constant
SELECT id, "name" FROM products WHERE active ORDER BY "name";

-- a range does not pin the column
-- near-miss: order-by-constant
SELECT id FROM products WHERE price >= 10 ORDER BY price;

-- the pattern only in a comment
-- near-miss: order-by-constant
SELECT id FROM products WHERE active ORDER BY id; -- ORDER BY 'name'

-- DISTINCT ON needs its key first in ORDER BY, even when pinned
-- near-miss: order-by-constant
SELECT DISTINCT ON (category_id) category_id, id, price
FROM products
WHERE category_id = 4
ORDER BY category_id, price DESC;
