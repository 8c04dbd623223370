-- add-column-not-null-without-default: NOT NULL columns with no value for
-- the existing rows.
BEGIN TRANSACTION;

-- expect: add-column-not-null-without-default
ALTER TABLE dbo.Users ADD TenantId bigint NOT NULL;

-- near-miss: add-column-not-null-without-default
ALTER TABLE dbo.Users ADD IsActive bit NOT NULL CONSTRAINT DF_Users_IsActive DEFAULT (1);

-- near-miss: add-column-not-null-without-default
ALTER TABLE dbo.Users ADD Nickname nvarchar(50) NULL;

-- near-miss: add-column-not-null-without-default
ALTER TABLE dbo.OrderLines ADD LineTotal AS (Quantity * UnitPrice) PERSISTED;

COMMIT TRANSACTION;
