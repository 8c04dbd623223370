-- implicit-type-conversion: the varchar column side is converted
-- (CONVERT_IMPLICIT) when compared with N'' literals, nvarchar variables or
-- numbers.

CREATE TABLE dbo.customers (
	id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	email varchar(200) NOT NULL,
	name nvarchar(100) NOT NULL,
	account_no varchar(20) NOT NULL
);

-- expect: implicit-type-conversion
SELECT id FROM dbo.customers WHERE email = N'ann@example.com';

-- expect: implicit-type-conversion
SELECT id FROM dbo.customers WHERE account_no = 12345;

-- an nvarchar variable declared in the same batch
-- expect: implicit-type-conversion
DECLARE @mail nvarchar(200) = N'ann@example.com'
SELECT id FROM dbo.customers WHERE email = @mail;

-- an nvarchar procedure parameter
-- expect: implicit-type-conversion
CREATE OR ALTER PROCEDURE dbo.find_customer @email nvarchar(200) AS
SELECT c.id FROM dbo.customers AS c WHERE c.email = @email;
GO

-- near-miss: implicit-type-conversion
SELECT id FROM dbo.customers WHERE email = 'ann@example.com';

-- an nvarchar column with a varchar literal: the literal is converted
-- near-miss: implicit-type-conversion
SELECT id FROM dbo.customers WHERE name = 'Ann';

-- a number column with a quoted number
-- near-miss: implicit-type-conversion
SELECT email FROM dbo.customers WHERE id = '42';

-- a varchar variable
-- near-miss: implicit-type-conversion
DECLARE @m varchar(200) = 'ann@example.com'
SELECT id FROM dbo.customers WHERE email = @m;
