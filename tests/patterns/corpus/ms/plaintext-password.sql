-- plaintext-password (SQL Server)

-- expect: plaintext-password
CREATE TABLE dbo.users (
	id bigint NOT NULL PRIMARY KEY,
	login nvarchar(64) NOT NULL,
	password nvarchar(128) NOT NULL
);

-- expect: plaintext-password
SELECT id FROM dbo.users WHERE login = N'bob' AND [password] = N'hunter2';

-- T-SQL "alias = expression" is not a comparison
-- near-miss: plaintext-password
SELECT password = N'********', login FROM dbo.users WHERE id = 1;

-- near-miss: plaintext-password
ALTER TABLE dbo.users ADD password_hash varbinary(64) NULL;
