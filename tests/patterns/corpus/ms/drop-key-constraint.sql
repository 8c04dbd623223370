-- drop-key-constraint: primary and foreign keys dropped.
BEGIN TRANSACTION;

-- expect: drop-key-constraint
ALTER TABLE dbo.Orders DROP CONSTRAINT FK_Orders_Customers;

-- expect: drop-key-constraint
ALTER TABLE dbo.Orders DROP CONSTRAINT PK__Orders__3214EC07A1B2C3D4;

-- near-miss: drop-key-constraint
ALTER TABLE dbo.Orders DROP CONSTRAINT DF_Orders_CreatedAt;

-- near-miss: drop-key-constraint
ALTER TABLE dbo.Orders DROP CONSTRAINT CK_Orders_Total;

COMMIT TRANSACTION;
