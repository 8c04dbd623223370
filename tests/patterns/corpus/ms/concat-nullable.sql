-- concat-nullable (SQL Server, extended): '+' on strings is NULL when an
-- operand is NULL; CONCAT() is not.

CREATE TABLE dbo.people (
	id bigint NOT NULL PRIMARY KEY,
	first_name nvarchar(100) NOT NULL,
	middle_name nvarchar(100) NULL,
	last_name nvarchar(100) NOT NULL
);

-- expect: concat-nullable
SELECT first_name + ' ' + middle_name + ' ' + last_name AS full_name
FROM dbo.people
WHERE id = 1;

-- near-miss: concat-nullable
SELECT first_name + ' ' + ISNULL(middle_name + ' ', '') + last_name AS full_name
FROM dbo.people
WHERE id = 1;

-- near-miss: concat-nullable
SELECT CONCAT(first_name, ' ', middle_name) AS full_name FROM dbo.people WHERE id = 1;

-- arithmetic, not concatenation
-- near-miss: concat-nullable
SELECT qty + reserved AS total_qty FROM dbo.stock WHERE sku = 'A-1';
