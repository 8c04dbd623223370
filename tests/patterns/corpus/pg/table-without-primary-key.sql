-- table-without-primary-key: CREATE TABLE with neither a primary key nor a
-- unique key on NOT NULL columns (judged at the end of the input).

-- expect: table-without-primary-key
CREATE TABLE IF NOT EXISTS audit_log (
    happened_at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    message text
);

-- a junction table that forgot its key
-- expect: table-without-primary-key
CREATE TABLE IF NOT EXISTS user_roles (
    user_id bigint NOT NULL,
    role_id bigint NOT NULL
);

-- UNIQUE on a nullable column does not identify rows
-- expect: table-without-primary-key
CREATE TABLE IF NOT EXISTS "Legacy"."Contacts" (
    email text UNIQUE,
    full_name text
);

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS order_items (
    order_id bigint NOT NULL,
    line_no integer NOT NULL,
    sku text NOT NULL,
    CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no)
);

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS country_codes (
    iso2 text NOT NULL UNIQUE,
    name text NOT NULL
);

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS exchange_rates (
    currency text NOT NULL,
    day date NOT NULL,
    rate numeric(18, 8) NOT NULL,
    UNIQUE (currency, day)
);

-- near-miss: table-without-primary-key
CREATE TEMPORARY TABLE IF NOT EXISTS import_rows (line text);

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS orders_2023 AS
SELECT o.id, o.total FROM orders o WHERE o.created_at < '2024-01-01';

-- pg_dump adds the primary key after the data
-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS public.invoices (
    id bigint NOT NULL,
    number text NOT NULL
);

ALTER TABLE ONLY public.invoices ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);

-- a unique index on a NOT NULL column, created later
-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS sessions (
    token text NOT NULL,
    user_id bigint NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS sessions_token_key ON sessions (token);

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS measurements_2024 PARTITION OF measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS accounts_archive (LIKE accounts INCLUDING ALL);
