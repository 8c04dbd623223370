-- pg-concurrent-index-in-transaction: CONCURRENTLY inside BEGIN ... COMMIT.
SET lock_timeout = '5s';

BEGIN;

-- expect: pg-concurrent-index-in-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);

-- expect: pg-concurrent-index-in-transaction
DROP INDEX CONCURRENTLY IF EXISTS orders_legacy_idx;

-- expect: pg-concurrent-index-in-transaction
REINDEX INDEX CONCURRENTLY orders_customer_idx;

-- expect: pg-concurrent-index-in-transaction
ALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY;

COMMIT;

-- near-miss: pg-concurrent-index-in-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);

START TRANSACTION;

-- a plain index build may run in a transaction
-- expect: pg-create-index-not-concurrently
-- near-miss: pg-concurrent-index-in-transaction
CREATE INDEX IF NOT EXISTS orders_status_idx ON orders (status);

ROLLBACK;

-- near-miss: pg-concurrent-index-in-transaction
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
