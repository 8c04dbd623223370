-- fixed-char-type: long CHAR / NCHAR columns for variable-length data.
BEGIN TRANSACTION;

-- expect: fixed-char-type
CREATE TABLE dbo.Customers (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	FullName nchar(100) NOT NULL,
	CountryCode char(2) NOT NULL
);

-- near-miss: fixed-char-type
CREATE TABLE dbo.Currencies (
	Code char(3) NOT NULL PRIMARY KEY,
	Name nvarchar(100) NOT NULL,
	RowGuid char(36) NOT NULL
);

COMMIT TRANSACTION;
