-- float-for-exact-values: FLOAT and REAL for money.
BEGIN TRANSACTION;

-- expect: float-for-exact-values
CREATE TABLE dbo.Invoices (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	Total float NOT NULL,
	Tax real NULL
);

-- near-miss: float-for-exact-values
CREATE TABLE dbo.Payments (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	Amount decimal(12, 2) NOT NULL,
	Fee money NULL
);

COMMIT TRANSACTION;
