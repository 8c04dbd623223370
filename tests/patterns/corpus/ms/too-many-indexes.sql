-- too-many-indexes: more than 10 indexes on one table.
BEGIN TRANSACTION;

CREATE TABLE dbo.Facts (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY,
	C1 int NOT NULL,
	C2 int NOT NULL,
	C3 int NOT NULL,
	C4 int NOT NULL,
	C5 int NOT NULL,
	C6 int NOT NULL,
	C7 int NOT NULL,
	C8 int NOT NULL,
	C9 int NOT NULL,
	C10 int NOT NULL
);

CREATE INDEX IX_Facts_C1 ON dbo.Facts (C1);

CREATE INDEX IX_Facts_C2 ON dbo.Facts (C2);

CREATE INDEX IX_Facts_C3 ON dbo.Facts (C3);

CREATE INDEX IX_Facts_C4 ON dbo.Facts (C4);

CREATE INDEX IX_Facts_C5 ON dbo.Facts (C5);

CREATE INDEX IX_Facts_C6 ON dbo.Facts (C6);

CREATE INDEX IX_Facts_C7 ON dbo.Facts (C7);

CREATE INDEX IX_Facts_C8 ON dbo.Facts (C8);

-- near-miss: too-many-indexes
CREATE INDEX IX_Facts_C9 ON dbo.Facts (C9);

-- expect: too-many-indexes
CREATE INDEX IX_Facts_C10 ON dbo.Facts (C10);

COMMIT TRANSACTION;
