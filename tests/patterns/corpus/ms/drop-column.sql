-- drop-column: data lost and readers broken.
BEGIN TRANSACTION;

-- expect: drop-column
ALTER TABLE dbo.Users DROP COLUMN LegacyFlags;

-- near-miss: drop-column
ALTER TABLE dbo.Users DROP CONSTRAINT DF_Users_LegacyFlags;

COMMIT TRANSACTION;
