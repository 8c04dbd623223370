-- pg-drop-index-not-concurrently: DROP INDEX that locks the table.
SET lock_timeout = '5s';

-- expect: pg-drop-index-not-concurrently
DROP INDEX IF EXISTS orders_created_at_idx;

-- expect: pg-drop-index-not-concurrently
DROP INDEX IF EXISTS public.users_lower_email_key, public.users_legacy_idx;

-- near-miss: pg-drop-index-not-concurrently
DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;

-- an index of a table created in this script
CREATE TABLE IF NOT EXISTS staging_rows (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id bigint NOT NULL
);

CREATE INDEX IF NOT EXISTS staging_rows_batch_idx ON staging_rows (batch_id);

-- near-miss: pg-drop-index-not-concurrently
DROP INDEX IF EXISTS staging_rows_batch_idx;

-- near-miss: pg-drop-index-not-concurrently
DROP VIEW IF EXISTS index_usage_report;
