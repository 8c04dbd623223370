-- pg-add-column-volatile-default: ADD COLUMN whose default must be computed
-- per row, rewriting the table.
SET lock_timeout = '5s';

-- expect: pg-add-column-volatile-default
ALTER TABLE users ADD COLUMN IF NOT EXISTS api_key uuid DEFAULT gen_random_uuid();

-- expect: pg-add-column-volatile-default
ALTER TABLE public.sessions
    ADD COLUMN IF NOT EXISTS issued_at timestamptz NOT NULL DEFAULT clock_timestamp();

-- expect: pg-add-column-volatile-default
ALTER TABLE experiments ADD COLUMN IF NOT EXISTS bucket integer DEFAULT (random() * 100)::integer;

-- expect: pg-add-column-volatile-default
ALTER TABLE "Shop"."Orders" ADD COLUMN IF NOT EXISTS ext_id uuid DEFAULT public.uuid_generate_v4();

-- expect: pg-add-column-volatile-default
ALTER TABLE users ADD COLUMN IF NOT EXISTS row_no bigint GENERATED ALWAYS AS IDENTITY;

-- expect: pg-add-column-volatile-default
ALTER TABLE order_lines ADD COLUMN IF NOT EXISTS line_total numeric(12, 2)
    GENERATED ALWAYS AS (quantity * unit_price) STORED;

-- near-miss: pg-add-column-volatile-default
ALTER TABLE users ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now();

-- near-miss: pg-add-column-volatile-default
ALTER TABLE users ADD COLUMN IF NOT EXISTS plan text NOT NULL DEFAULT 'free';

-- near-miss: pg-add-column-volatile-default
ALTER TABLE users ADD COLUMN IF NOT EXISTS signup_day date DEFAULT CURRENT_DATE;

-- near-miss: pg-add-column-volatile-default
ALTER TABLE users ADD COLUMN IF NOT EXISTS seen_at timestamptz DEFAULT CURRENT_TIMESTAMP;

-- a function named like a volatile one, inside a string
-- near-miss: pg-add-column-volatile-default
ALTER TABLE users ADD COLUMN IF NOT EXISTS note text DEFAULT 'random()';

-- a volatile default set afterwards applies to new rows only
-- near-miss: pg-add-column-volatile-default
ALTER TABLE users ALTER COLUMN api_key SET DEFAULT gen_random_uuid();

-- a table created in this script has no rows to rewrite
CREATE TABLE IF NOT EXISTS tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id bigint NOT NULL
);

-- near-miss: pg-add-column-volatile-default
ALTER TABLE tokens ADD COLUMN IF NOT EXISTS secret uuid NOT NULL DEFAULT gen_random_uuid();
