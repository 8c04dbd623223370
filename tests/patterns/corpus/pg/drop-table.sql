-- drop-table: dropping tables that are not temporary.
SET lock_timeout = '5s';

-- expect: drop-table
DROP TABLE IF EXISTS order_archive;

-- expect: drop-table
DROP TABLE IF EXISTS public.sessions, public.session_tokens CASCADE;

-- even a table created in the same script may hold data by now
CREATE TABLE IF NOT EXISTS report_cache (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body jsonb NOT NULL
);

-- expect: drop-table
DROP TABLE IF EXISTS report_cache;

CREATE TEMPORARY TABLE IF NOT EXISTS scratch (
    id bigint PRIMARY KEY
);

-- near-miss: drop-table
DROP TABLE IF EXISTS scratch;

-- near-miss: drop-table
DROP VIEW IF EXISTS order_summary;

-- near-miss: drop-table
DROP INDEX CONCURRENTLY IF EXISTS order_archive_created_idx;

-- near-miss: drop-table
TRUNCATE TABLE audit_staging;
