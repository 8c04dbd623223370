-- alter-column-type: ALTER COLUMN with a new type.
BEGIN TRANSACTION;

-- expect: alter-column-type
ALTER TABLE dbo.Orders ALTER COLUMN Quantity bigint NOT NULL;

CREATE TABLE dbo.Products (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	Name nvarchar(100) NOT NULL,
	Stock int NOT NULL
);

-- widening a variable-length column changes metadata only
-- near-miss: alter-column-type
ALTER TABLE dbo.Products ALTER COLUMN Name nvarchar(200) NOT NULL;

-- expect: alter-column-type
ALTER TABLE dbo.Products ALTER COLUMN Stock decimal(10, 3) NOT NULL;

COMMIT TRANSACTION;
