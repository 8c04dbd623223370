-- like-without-wildcard (MySQL)

-- expect: like-without-wildcard
SELECT id FROM customers WHERE name LIKE 'Smith';

-- expect: like-without-wildcard
SELECT id FROM products WHERE code LIKE 'A|_100' ESCAPE '|';

-- near-miss: like-without-wildcard
SELECT id FROM customers WHERE name LIKE 'Smith%';

-- near-miss: like-without-wildcard
SELECT id FROM customers WHERE name LIKE ?;

-- '\_' stays an escaped underscore in a MySQL string
-- expect: like-without-wildcard
SELECT id FROM products WHERE code LIKE 'A\_100';

-- a string that only mentions LIKE
-- near-miss: like-without-wildcard
SELECT id FROM notes WHERE body = 'x LIKE y';
