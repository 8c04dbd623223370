-- int-surrogate-key-overflow: IDENTITY keys narrower than bigint.
BEGIN TRANSACTION;

-- expect: int-surrogate-key-overflow
CREATE TABLE dbo.Orders (
	Id int IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	Total decimal(12, 2) NOT NULL
);

-- expect: int-surrogate-key-overflow
CREATE TABLE dbo.Events (
	Id smallint IDENTITY NOT NULL,
	Name nvarchar(100) NOT NULL,
	CONSTRAINT PK_Events PRIMARY KEY (Id)
);

-- near-miss: int-surrogate-key-overflow
CREATE TABLE dbo.Payments (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	OrderId int NOT NULL
);

COMMIT TRANSACTION;
