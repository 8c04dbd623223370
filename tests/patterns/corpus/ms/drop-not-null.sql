-- drop-not-null: ALTER COLUMN restates nullability; without NOT NULL the
-- column becomes nullable.
BEGIN TRANSACTION;

CREATE TABLE dbo.Users (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	Email nvarchar(200) NOT NULL,
	Nickname nvarchar(50) NOT NULL
);

-- expect: drop-not-null
ALTER TABLE dbo.Users ALTER COLUMN Email nvarchar(320) NULL;

-- near-miss: drop-not-null
ALTER TABLE dbo.Users ALTER COLUMN Nickname nvarchar(100) NOT NULL;

COMMIT TRANSACTION;
