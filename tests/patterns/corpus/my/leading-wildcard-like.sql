-- leading-wildcard-like: LIKE pattern starting with % or _.

-- expect: leading-wildcard-like
SELECT id FROM customers WHERE name LIKE '%smith';

-- expect: leading-wildcard-like
SELECT id FROM products WHERE name LIKE CONCAT('%', ?, '%');

-- expect: leading-wildcard-like
SELECT id FROM products WHERE `sku` LIKE '_X100%';

-- near-miss: leading-wildcard-like
SELECT id FROM products WHERE name LIKE CONCAT(?, '%');

-- near-miss: leading-wildcard-like
SELECT id FROM customers WHERE name LIKE 'smith%';

-- an escaped leading % is a literal percent sign
-- near-miss: leading-wildcard-like
SELECT id FROM discounts WHERE label LIKE '\%off%';

-- near-miss: leading-wildcard-like
SELECT id FROM audit_log # WHERE name LIKE '%x'
WHERE query_text = "name LIKE '%x'";
