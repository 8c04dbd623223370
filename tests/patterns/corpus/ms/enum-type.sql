-- enum-type: CHECK constraints listing the allowed values.
BEGIN TRANSACTION;

-- expect: enum-type
CREATE TABLE dbo.Tickets (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	Status varchar(10) NOT NULL CONSTRAINT CK_Tickets_Status CHECK (Status IN ('open', 'pending', 'closed'))
);

-- near-miss: enum-type
CREATE TABLE dbo.LineItems (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	Quantity int NOT NULL CHECK (Quantity > 0)
);

COMMIT TRANSACTION;
