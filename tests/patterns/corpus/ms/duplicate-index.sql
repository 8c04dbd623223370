-- duplicate-index: redundant nonclustered indexes.
BEGIN TRANSACTION;

CREATE TABLE dbo.Orders (
	Id bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Orders PRIMARY KEY CLUSTERED,
	CustomerId bigint NOT NULL,
	CreatedAt datetime2 NOT NULL
);

-- expect: duplicate-index
CREATE NONCLUSTERED INDEX IX_Orders_CustomerId ON dbo.Orders (CustomerId);

-- near-miss: duplicate-index
CREATE NONCLUSTERED INDEX IX_Orders_CustomerId_CreatedAt ON dbo.Orders (CustomerId, CreatedAt);

-- near-miss: duplicate-index
CREATE NONCLUSTERED INDEX IX_Orders_CreatedAt ON dbo.Orders (CreatedAt) WHERE CustomerId > 0;

COMMIT TRANSACTION;
