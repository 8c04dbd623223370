-- non-idempotent-ddl: T-SQL DDL that has a re-runnable form (DROP ... IF
-- EXISTS, CREATE OR ALTER) outside a transaction and without a guard.

-- expect: non-idempotent-ddl
DROP VIEW dbo.LegacyReport;
GO

-- expect: non-idempotent-ddl
CREATE VIEW dbo.ActiveUsers
AS
SELECT u.Id, u.Email FROM dbo.Users AS u WHERE u.IsActive = 1;
GO

-- expect: non-idempotent-ddl
CREATE PROCEDURE dbo.ArchiveOrders @Before date
AS
BEGIN
	UPDATE dbo.Orders SET Archived = 1 WHERE PlacedAt < @Before;
END
GO

-- near-miss: non-idempotent-ddl
DROP VIEW IF EXISTS dbo.LegacyReport;
GO

-- near-miss: non-idempotent-ddl
CREATE OR ALTER VIEW dbo.ActiveUsers
AS
SELECT u.Id, u.Email FROM dbo.Users AS u WHERE u.IsActive = 1;
GO

-- T-SQL has no CREATE TABLE IF NOT EXISTS: nothing to ask for
-- near-miss: non-idempotent-ddl
CREATE TABLE dbo.AuditEntries (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	Payload nvarchar(max) NOT NULL
);
GO

-- near-miss: non-idempotent-ddl
IF OBJECT_ID(N'dbo.LegacyArchive', N'V') IS NOT NULL
	DROP VIEW dbo.LegacyArchive;
GO

-- near-miss: non-idempotent-ddl
DROP TABLE #work;
GO

BEGIN TRANSACTION;

-- near-miss: non-idempotent-ddl
DROP VIEW dbo.LegacyReport2;

COMMIT TRANSACTION;
