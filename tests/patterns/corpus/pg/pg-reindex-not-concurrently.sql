-- pg-reindex-not-concurrently: REINDEX that blocks writes.
SET lock_timeout = '5s';

-- expect: pg-reindex-not-concurrently
REINDEX TABLE orders;

-- expect: pg-reindex-not-concurrently
REINDEX INDEX public.orders_customer_idx;

-- expect: pg-reindex-not-concurrently
REINDEX (VERBOSE) SCHEMA billing;

-- near-miss: pg-reindex-not-concurrently
REINDEX TABLE CONCURRENTLY orders;

-- near-miss: pg-reindex-not-concurrently
REINDEX (VERBOSE) INDEX CONCURRENTLY public.orders_customer_idx;

-- system catalogs cannot be reindexed concurrently
-- near-miss: pg-reindex-not-concurrently
REINDEX SYSTEM shop;

-- a table created in this script
CREATE TABLE IF NOT EXISTS import_batches (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source text NOT NULL
);

-- near-miss: pg-reindex-not-concurrently
REINDEX TABLE import_batches;
