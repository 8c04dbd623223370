-- foreign-key-without-index: SQL Server does not index foreign keys.
BEGIN TRANSACTION;

CREATE TABLE dbo.Customers (
	Id bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Customers PRIMARY KEY,
	Name nvarchar(100) NOT NULL
);

-- expect: foreign-key-without-index
CREATE TABLE dbo.Orders (
	Id bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Orders PRIMARY KEY,
	CustomerId bigint NOT NULL CONSTRAINT FK_Orders_Customers REFERENCES dbo.Customers (Id),
	PlacedAt datetime2 NOT NULL
);

-- near-miss: foreign-key-without-index
CREATE TABLE dbo.Invoices (
	Id bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Invoices PRIMARY KEY,
	CustomerId bigint NOT NULL,
	CONSTRAINT FK_Invoices_Customers FOREIGN KEY (CustomerId) REFERENCES dbo.Customers (Id)
);

CREATE NONCLUSTERED INDEX IX_Invoices_CustomerId ON dbo.Invoices (CustomerId) INCLUDE (Id);

COMMIT TRANSACTION;
