-- update-primary-key (extended): UPDATE assigning a primary-key column.

CREATE TABLE dbo.products (
	code varchar(20) NOT NULL PRIMARY KEY,
	name nvarchar(100) NOT NULL
);

-- expect: update-primary-key
UPDATE dbo.products SET code = 'X-100' WHERE code = 'X100';

-- UPDATE alias ... FROM
-- expect: update-primary-key
UPDATE p SET p.code = m.new_code
FROM dbo.products AS p
JOIN dbo.code_map AS m ON m.old_code = p.code
WHERE m.new_code IS NOT NULL;

-- near-miss: update-primary-key
UPDATE dbo.products SET name = N'Widget' WHERE code = 'X100';
