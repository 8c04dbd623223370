-- table-without-primary-key: heaps without a key.
BEGIN TRANSACTION;

-- expect: table-without-primary-key
CREATE TABLE dbo.AuditLog (
	HappenedAt datetime2 NOT NULL,
	Message nvarchar(4000) NULL
);

-- near-miss: table-without-primary-key
CREATE TABLE dbo.Customers (
	Id bigint IDENTITY(1, 1) NOT NULL,
	Name nvarchar(100) NOT NULL,
	CONSTRAINT PK_Customers PRIMARY KEY CLUSTERED (Id)
);

-- near-miss: table-without-primary-key
CREATE TABLE [dbo].[Countries] (
	[Code] varchar(2) NOT NULL PRIMARY KEY,
	[Name] nvarchar(100) NOT NULL
);

-- a #temp table lives in tempdb for the session
-- near-miss: table-without-primary-key
CREATE TABLE #staging (Line nvarchar(max) NULL);

COMMIT TRANSACTION;
