-- migration-missing-timeouts: lock-taking DDL with no lock_timeout set.

-- work on tables created in the script takes no lock anyone waits for
CREATE TABLE IF NOT EXISTS feature_flags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);

-- near-miss: migration-missing-timeouts
ALTER TABLE feature_flags ADD COLUMN IF NOT EXISTS enabled boolean NOT NULL DEFAULT false;

-- near-miss: migration-missing-timeouts
CREATE INDEX IF NOT EXISTS feature_flags_name_idx ON feature_flags (name);

-- near-miss: migration-missing-timeouts
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);

-- near-miss: migration-missing-timeouts
SELECT o.id FROM orders o WHERE o.id = 1;

-- the first statement that queues for a strong lock
-- expect: migration-missing-timeouts
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;

-- reported once for the script
-- near-miss: migration-missing-timeouts
ALTER TABLE orders ADD COLUMN IF NOT EXISTS memo text;

SET lock_timeout = '3s';

-- near-miss: migration-missing-timeouts
ALTER TABLE customers ADD COLUMN IF NOT EXISTS tier text;

SET lock_timeout = 0;

-- expect: migration-missing-timeouts
TRUNCATE orders_staging;

SET statement_timeout = '15min';

SET lock_timeout TO '2s';

-- near-miss: migration-missing-timeouts
ALTER TABLE customers ADD COLUMN IF NOT EXISTS segment text;

RESET lock_timeout;

-- expect: migration-missing-timeouts, pg-create-index-not-concurrently
CREATE INDEX IF NOT EXISTS customers_tier_idx ON customers (tier);
