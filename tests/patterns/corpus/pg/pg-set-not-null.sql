-- pg-set-not-null: SET NOT NULL that scans the table under an exclusive lock.
SET lock_timeout = '5s';

-- expect: pg-set-not-null
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

-- expect: pg-set-not-null
ALTER TABLE public.orders
    ALTER COLUMN customer_id SET NOT NULL,
    ALTER COLUMN placed_at SET DEFAULT now();

-- the safe sequence: a validated CHECK first
ALTER TABLE accounts ADD CONSTRAINT accounts_owner_nn CHECK (owner_id IS NOT NULL) NOT VALID;

ALTER TABLE accounts VALIDATE CONSTRAINT accounts_owner_nn;

-- near-miss: pg-set-not-null
ALTER TABLE accounts ALTER COLUMN owner_id SET NOT NULL;

-- a CHECK that was never validated does not help
ALTER TABLE invoices ADD CONSTRAINT invoices_number_nn CHECK (number IS NOT NULL) NOT VALID;

-- expect: pg-set-not-null
ALTER TABLE invoices ALTER COLUMN number SET NOT NULL;

-- the check covers another column
ALTER TABLE accounts ADD CONSTRAINT accounts_region_nn CHECK (region IS NOT NULL) NOT VALID;

ALTER TABLE accounts VALIDATE CONSTRAINT accounts_region_nn;

-- expect: pg-set-not-null
ALTER TABLE accounts ALTER COLUMN country SET NOT NULL;

-- one CHECK can cover several columns
ALTER TABLE shipments ADD CONSTRAINT shipments_nn
    CHECK (order_id IS NOT NULL AND carrier IS NOT NULL) NOT VALID;

ALTER TABLE shipments VALIDATE CONSTRAINT shipments_nn;

-- near-miss: pg-set-not-null
ALTER TABLE shipments
    ALTER COLUMN order_id SET NOT NULL,
    ALTER COLUMN carrier SET NOT NULL;

-- a table created in this script is empty
CREATE TABLE IF NOT EXISTS devices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label text
);

-- near-miss: pg-set-not-null
ALTER TABLE devices ALTER COLUMN label SET NOT NULL;

-- near-miss: pg-set-not-null
ALTER TABLE users ALTER COLUMN email DROP DEFAULT;
