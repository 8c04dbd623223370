-- leading-wildcard-like: LIKE/ILIKE pattern that starts with % or _.

-- expect: leading-wildcard-like
SELECT id FROM customers WHERE name LIKE '%smith';

-- expect: leading-wildcard-like
SELECT id FROM customers WHERE email ILIKE '%@example.com';

-- expect: leading-wildcard-like
SELECT id FROM products WHERE sku LIKE '_X100%';

-- computed patterns that start with '%'
-- expect: leading-wildcard-like
SELECT id FROM products WHERE name LIKE '%' || $1 || '%';

-- expect: leading-wildcard-like
SELECT id FROM products WHERE name ILIKE concat('%', $1, '%');

-- NOT LIKE cannot use the index either
-- expect: leading-wildcard-like
SELECT id FROM customers WHERE name NOT LIKE '%test%';

-- in a JOIN condition
-- expect: leading-wildcard-like
SELECT c.id
FROM customers c
JOIN notes n ON n.customer_id = c.id AND n.body LIKE '%refund%'
WHERE c.active;

-- a prefix pattern
-- near-miss: leading-wildcard-like
SELECT id FROM customers WHERE name LIKE 'smith%';

-- near-miss: leading-wildcard-like
SELECT id FROM customers WHERE name LIKE 'a%c';

-- a parameter: the pattern is not known
-- near-miss: leading-wildcard-like
SELECT id FROM customers WHERE name LIKE $1;

-- a computed prefix pattern
-- near-miss: leading-wildcard-like
SELECT id FROM customers WHERE name LIKE $1 || '%';

-- '%' in an equality is not a wildcard
-- near-miss: leading-wildcard-like
SELECT id FROM discounts WHERE label = '%off';

-- an escaped leading % is a literal character
-- near-miss: leading-wildcard-like
SELECT id FROM discounts WHERE label LIKE '\%off%';

-- near-miss: leading-wildcard-like
SELECT id FROM products WHERE code LIKE '!_%' ESCAPE '!';

-- in the select list, not a filter
-- near-miss: leading-wildcard-like
SELECT name LIKE '%inc' AS is_company FROM customers WHERE id = $1;

-- inside a comment and a string literal
-- near-miss: leading-wildcard-like
SELECT id FROM audit_log -- WHERE name LIKE '%x'
WHERE query_text = 'name LIKE ''%x''';
