-- like-without-wildcard (SQL Server: [...] classes are wildcards)

-- expect: like-without-wildcard
SELECT id FROM dbo.customers WHERE name LIKE 'Smith';

-- [_] is an escaped underscore
-- expect: like-without-wildcard
SELECT id FROM dbo.products WHERE code LIKE N'A[_]100';

-- near-miss: like-without-wildcard
SELECT id FROM dbo.customers WHERE name LIKE 'Sm[iy]th';

-- backslash is not an escape in SQL Server
-- near-miss: like-without-wildcard
SELECT id FROM dbo.products WHERE code LIKE 'A\_100';
