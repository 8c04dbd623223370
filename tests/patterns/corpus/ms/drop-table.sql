-- drop-table: dropping tables that are not temporary.
BEGIN TRANSACTION;

-- expect: drop-table
DROP TABLE dbo.OrderArchive;

-- expect: drop-table
DROP TABLE IF EXISTS [dbo].[Sessions];

-- near-miss: drop-table
DROP TABLE #staging;

-- near-miss: drop-table
DROP TABLE IF EXISTS ##shared_staging;

COMMIT TRANSACTION;
