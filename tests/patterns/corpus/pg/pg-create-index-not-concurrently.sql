-- pg-create-index-not-concurrently: index builds that block writes.
SET lock_timeout = '5s';

-- expect: pg-create-index-not-concurrently
CREATE INDEX IF NOT EXISTS orders_created_at_idx ON orders (created_at);

-- expect: pg-create-index-not-concurrently
CREATE UNIQUE INDEX IF NOT EXISTS users_lower_email_key ON public.users (lower(email));

-- expect: pg-create-index-not-concurrently
CREATE INDEX IF NOT EXISTS "Events_payload_idx" ON "Analytics"."Events"
    USING gin (payload jsonb_path_ops)
    WHERE archived_at IS NULL;

-- near-miss: pg-create-index-not-concurrently
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);

-- near-miss: pg-create-index-not-concurrently
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_username_key ON public.users (username);

-- a table created earlier in the script is empty: no CONCURRENTLY needed
CREATE TABLE IF NOT EXISTS invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    issued_at timestamptz NOT NULL
);

-- near-miss: pg-create-index-not-concurrently
CREATE INDEX IF NOT EXISTS invoices_customer_idx ON invoices (customer_id);

CREATE TABLE IF NOT EXISTS billing.ledger (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booked_at timestamptz NOT NULL
);

-- near-miss: pg-create-index-not-concurrently
CREATE INDEX IF NOT EXISTS ledger_booked_idx ON billing.ledger (booked_at);

-- the same name in another schema is another table
-- expect: pg-create-index-not-concurrently
CREATE INDEX IF NOT EXISTS archive_ledger_booked_idx ON archive.ledger (booked_at);

-- ON ONLY a partitioned table builds nothing (and cannot be concurrent)
-- near-miss: pg-create-index-not-concurrently
CREATE INDEX IF NOT EXISTS measurements_ts_idx ON ONLY measurements (ts);

-- near-miss: pg-create-index-not-concurrently
COMMENT ON INDEX orders_customer_idx IS 'was: CREATE INDEX orders_customer_idx ON orders (customer_id)';
