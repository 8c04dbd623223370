--
-- examples/shop/invalid_index.sql - a migration that failed half-way.
--
-- Someone tried to make tracking numbers unique without downtime. The build
-- fails because carriers recycle numbers (schema.sql plants duplicates),
-- and CREATE INDEX CONCURRENTLY leaves the failed index behind, marked
-- invalid: never used by queries, yet maintained on every write.
--
-- FLAW (invalid-index): shipments_tracking_number_key.
--
-- Run this file without ON_ERROR_STOP and outside a transaction block
-- (CONCURRENTLY refuses to run inside one); the ERROR below is expected:
--     psql -X -d shop -f invalid_index.sql
--   ERROR:  could not create unique index "shipments_tracking_number_key"
--   DETAIL:  Key (tracking_number)=(...) is duplicated.

CREATE UNIQUE INDEX CONCURRENTLY shipments_tracking_number_key
	ON shipments (tracking_number);
