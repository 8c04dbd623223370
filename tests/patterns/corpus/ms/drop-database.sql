-- drop-database: whole databases destroyed at once.
BEGIN TRANSACTION;

-- expect: drop-database
DROP DATABASE ShopStaging;

-- near-miss: drop-database
DROP SCHEMA Reporting;

COMMIT TRANSACTION;
