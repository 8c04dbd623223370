-- like-without-wildcard: a LIKE pattern with no unescaped % or _.

-- expect: like-without-wildcard
SELECT id FROM customers WHERE name LIKE 'Smith';

-- expect: like-without-wildcard
SELECT id, email FROM customers WHERE email NOT LIKE 'test@example.com';

-- the only underscore is escaped (backslash is the default escape)
-- expect: like-without-wildcard
SELECT id FROM products WHERE code LIKE 'A\_100';

-- an explicit ESCAPE character
-- expect: like-without-wildcard
SELECT id FROM products WHERE code LIKE 'A!%B' ESCAPE '!';

-- among other predicates, qualified
-- expect: like-without-wildcard
SELECT p.id, p.name
FROM products p
WHERE p.supplier_id = 3 AND p.name NOT LIKE 'Sample';

-- near-miss: like-without-wildcard
SELECT id FROM customers WHERE name LIKE 'Smith%';

-- near-miss: like-without-wildcard
SELECT id FROM customers WHERE name LIKE 'Sm_th';

-- an escaped % followed by a real one
-- near-miss: like-without-wildcard
SELECT id FROM products WHERE code LIKE 'A\%%';

-- a parameter: the pattern is not known
-- near-miss: like-without-wildcard
SELECT id FROM customers WHERE name LIKE $1;

-- a computed pattern
-- near-miss: like-without-wildcard
SELECT id FROM customers WHERE name LIKE 'Smi' || 'th%';

-- ILIKE without a wildcard is a case-insensitive comparison, not '='
-- near-miss: like-without-wildcard
SELECT id FROM customers WHERE email ILIKE 'Bob@Example.com';

-- the word LIKE inside a string literal and a comment
-- near-miss: like-without-wildcard
SELECT id FROM notes WHERE body = 'name LIKE ''Smith''' /* x LIKE 'y' */;
