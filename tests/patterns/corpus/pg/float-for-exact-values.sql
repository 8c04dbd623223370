-- float-for-exact-values: binary floating point columns.
SET lock_timeout = '5s';

-- expect: float-for-exact-values
CREATE TABLE IF NOT EXISTS invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    total double precision NOT NULL,
    currency text NOT NULL
);

-- expect: float-for-exact-values
CREATE TABLE IF NOT EXISTS stock_levels (
    sku text PRIMARY KEY,
    quantity real NOT NULL DEFAULT 0
);

-- expect: float-for-exact-values
ALTER TABLE public.orders ADD COLUMN IF NOT EXISTS discount float8;

-- expect: float-for-exact-values, alter-column-type
ALTER TABLE public.orders ALTER COLUMN shipping_fee TYPE float4;

-- near-miss: float-for-exact-values
CREATE TABLE IF NOT EXISTS payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    amount numeric(12, 2) NOT NULL,
    fee money
);

-- a float in a query is not a column type
-- near-miss: float-for-exact-values
SELECT o.id, o.total::float8 / 100 AS ratio FROM orders o WHERE o.id = $1;

-- near-miss: float-for-exact-values
CREATE TABLE IF NOT EXISTS float_settings (
    name text PRIMARY KEY,
    value text NOT NULL
);
