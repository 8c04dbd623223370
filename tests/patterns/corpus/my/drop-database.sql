-- drop-database: whole databases destroyed at once.

-- expect: drop-database
DROP DATABASE IF EXISTS shop_staging;

-- MySQL's SCHEMA is a database
-- expect: drop-database
DROP SCHEMA IF EXISTS `reporting`;

-- near-miss: drop-database
DROP VIEW IF EXISTS reporting_summary;
