-- drop-key-constraint: primary and foreign keys dropped.
SET lock_timeout = '5s';

-- expect: drop-key-constraint
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_customer_id_fkey;

-- expect: drop-key-constraint
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_pkey;

-- expect: drop-key-constraint
ALTER TABLE "Sales"."Invoices" DROP CONSTRAINT IF EXISTS fk_invoices_customer;

-- near-miss: drop-key-constraint
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_qty_check;

-- near-miss: drop-key-constraint
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_email_key;

-- names known from the input decide, whatever their spelling
CREATE TABLE IF NOT EXISTS parcels (
    id bigint GENERATED ALWAYS AS IDENTITY,
    order_id bigint NOT NULL,
    CONSTRAINT parcel_identity PRIMARY KEY (id),
    CONSTRAINT parcel_belongs_to_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT parcels_pk_check CHECK (id > 0)
);

CREATE INDEX IF NOT EXISTS parcels_order_idx ON parcels (order_id);

-- expect: drop-key-constraint
ALTER TABLE parcels DROP CONSTRAINT IF EXISTS parcel_belongs_to_order;

-- near-miss: drop-key-constraint
ALTER TABLE parcels DROP CONSTRAINT IF EXISTS parcels_pk_check;
