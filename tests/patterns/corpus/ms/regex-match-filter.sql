-- regex-match-filter (extended): REGEXP_LIKE (SQL Server 2025) in a filter.

-- expect: regex-match-filter
SELECT id FROM dbo.users WHERE REGEXP_LIKE(email, '^admin@');

-- near-miss: regex-match-filter
SELECT id FROM dbo.users WHERE email LIKE 'admin@%';
