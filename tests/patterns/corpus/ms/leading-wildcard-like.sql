-- leading-wildcard-like: LIKE patterns starting with % or _.

-- expect: leading-wildcard-like
SELECT id FROM dbo.customers WHERE name LIKE '%smith';

-- expect: leading-wildcard-like
SELECT id FROM dbo.products WHERE name LIKE '%' + @term + '%';

-- a bracketed % is a literal character
-- near-miss: leading-wildcard-like
SELECT id FROM dbo.discounts WHERE label LIKE '[%]off%';

-- near-miss: leading-wildcard-like
SELECT id FROM dbo.products WHERE name LIKE @term + '%';

-- near-miss: leading-wildcard-like
SELECT id FROM dbo.customers WHERE name LIKE 'smith%';
