-- foreign-key-without-index: foreign keys whose columns lead no index of the
-- referencing table (judged at the end of the input).

CREATE TABLE IF NOT EXISTS customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);

-- expect: foreign-key-without-index
CREATE TABLE IF NOT EXISTS orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    placed_at timestamptz NOT NULL
);

-- the primary key leads with the foreign key column
-- near-miss: foreign-key-without-index
CREATE TABLE IF NOT EXISTS order_lines (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no integer NOT NULL,
    sku text NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- an index created later in the input serves the key
-- near-miss: foreign-key-without-index
CREATE TABLE IF NOT EXISTS payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL,
    amount numeric(12, 2) NOT NULL,
    CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
);

CREATE INDEX IF NOT EXISTS payments_order_id_paid_idx ON payments (order_id, amount);

-- one-to-one: the UNIQUE constraint's index serves the key
-- near-miss: foreign-key-without-index
CREATE TABLE IF NOT EXISTS customer_profiles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL UNIQUE REFERENCES customers (id),
    bio text
);

CREATE TABLE IF NOT EXISTS tenants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS "Billing"."Accounts" (
    tenant_id bigint NOT NULL,
    id bigint NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- a composite key: an index on only one of its columns is not enough
-- expect: foreign-key-without-index
CREATE TABLE IF NOT EXISTS "Billing"."Charges" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL,
    account_id bigint NOT NULL,
    FOREIGN KEY (tenant_id, account_id) REFERENCES "Billing"."Accounts" (tenant_id, id)
);

CREATE INDEX IF NOT EXISTS charges_account_idx ON "Billing"."Charges" (account_id);

-- the same columns in another order serve the lookup
-- near-miss: foreign-key-without-index
CREATE TABLE IF NOT EXISTS "Billing"."Refunds" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id bigint NOT NULL,
    account_id bigint NOT NULL,
    FOREIGN KEY (tenant_id, account_id) REFERENCES "Billing"."Accounts" (tenant_id, id)
);

CREATE INDEX IF NOT EXISTS refunds_account_tenant_idx ON "Billing"."Refunds" (account_id, tenant_id);

-- pg_dump adds foreign keys with ALTER TABLE
CREATE TABLE IF NOT EXISTS public.shipments (
    id bigint NOT NULL PRIMARY KEY,
    order_id bigint NOT NULL,
    carrier text NOT NULL
);

-- expect: foreign-key-without-index
ALTER TABLE ONLY public.shipments
    ADD CONSTRAINT shipments_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders (id);

-- a partial index does not serve every lookup
CREATE TABLE IF NOT EXISTS tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    closed boolean NOT NULL DEFAULT false
);

-- expect: foreign-key-without-index
CREATE TABLE IF NOT EXISTS ticket_comments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id bigint NOT NULL REFERENCES tickets (id),
    body text NOT NULL,
    deleted boolean NOT NULL DEFAULT false
);

CREATE INDEX IF NOT EXISTS ticket_comments_live_idx ON ticket_comments (ticket_id) WHERE NOT deleted;
