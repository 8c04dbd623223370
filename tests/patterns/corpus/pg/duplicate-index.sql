-- duplicate-index: an index with the same key as another, or a left prefix
-- of another B-tree index (judged at the end of the input).

CREATE TABLE IF NOT EXISTS orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL,
    email text
);

-- a left prefix of orders_customer_created_idx below
-- expect: duplicate-index
CREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id);

-- near-miss: duplicate-index
CREATE INDEX IF NOT EXISTS orders_customer_created_idx ON orders (customer_id, created_at DESC);

-- near-miss: duplicate-index
CREATE INDEX IF NOT EXISTS orders_status_idx ON orders (status);

-- the same key again, under another name
-- expect: duplicate-index
CREATE INDEX IF NOT EXISTS orders_status_idx2 ON orders USING btree (status);

-- the primary key already indexes id
-- expect: duplicate-index
CREATE UNIQUE INDEX IF NOT EXISTS orders_id_key ON orders (id);

-- a unique index that is a prefix still enforces uniqueness
-- near-miss: duplicate-index
CREATE UNIQUE INDEX IF NOT EXISTS orders_email_key ON orders (email);

-- near-miss: duplicate-index
CREATE INDEX IF NOT EXISTS orders_email_created_idx ON orders (email, created_at);

CREATE TABLE IF NOT EXISTS tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject text NOT NULL,
    state text NOT NULL,
    opened_at timestamptz NOT NULL,
    requester_id bigint NOT NULL,
    email text
);

CREATE INDEX IF NOT EXISTS tickets_subject_idx ON tickets (subject);

-- another access method
-- near-miss: duplicate-index
CREATE INDEX IF NOT EXISTS tickets_subject_trgm_idx ON tickets USING gin (subject gin_trgm_ops);

CREATE INDEX IF NOT EXISTS tickets_state_idx ON tickets (state);

-- a partial index is not a duplicate of the full one
-- near-miss: duplicate-index
CREATE INDEX IF NOT EXISTS tickets_state_unassigned_idx ON tickets (state) WHERE email IS NULL;

CREATE INDEX IF NOT EXISTS tickets_requester_opened_idx ON tickets (requester_id, opened_at);

-- the same columns in another order
-- near-miss: duplicate-index
CREATE INDEX IF NOT EXISTS tickets_opened_requester_idx ON tickets (opened_at, requester_id);

-- an expression is not its column
-- near-miss: duplicate-index
CREATE INDEX IF NOT EXISTS tickets_lower_email_idx ON tickets (lower(email));

-- a unique constraint, and an index that repeats it
CREATE TABLE IF NOT EXISTS "Sales"."Invoices" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number text NOT NULL,
    CONSTRAINT invoices_number_key UNIQUE (number)
);

-- expect: duplicate-index
CREATE INDEX IF NOT EXISTS invoices_number_idx ON "Sales"."Invoices" (number);
