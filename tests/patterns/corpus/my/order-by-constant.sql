-- order-by-constant (MySQL)

-- expect: order-by-constant
SELECT id, name FROM products WHERE active = 1 ORDER BY 'name';

-- GROUP BY ... ORDER BY NULL: the MySQL way to skip the sort
-- near-miss: order-by-constant
SELECT category_id, COUNT(*) FROM products WHERE active = 1
GROUP BY category_id ORDER BY NULL;

-- a backquoted name is a column
-- near-miss: order-by-constant
SELECT id, name FROM products WHERE active = 1 ORDER BY `name`;
