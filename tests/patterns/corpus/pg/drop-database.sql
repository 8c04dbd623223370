-- drop-database: whole databases or schemas destroyed at once.
SET lock_timeout = '5s';

-- expect: drop-database
DROP DATABASE IF EXISTS shop_staging;

-- expect: drop-database
DROP SCHEMA IF EXISTS reporting CASCADE;

-- expect: drop-database
DROP SCHEMA IF EXISTS tmp_a, tmp_b CASCADE;

-- without CASCADE the schema must already be empty
-- near-miss: drop-database
DROP SCHEMA IF EXISTS reporting_old;

-- near-miss: drop-database
DROP OWNED BY legacy_app;

-- near-miss: drop-database
SELECT d.datname FROM pg_database d WHERE d.datname = 'DROP DATABASE shop';
