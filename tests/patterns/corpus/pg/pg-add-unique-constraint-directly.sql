-- pg-add-unique-constraint-directly: unique constraints that build their
-- index under an ACCESS EXCLUSIVE lock.
SET lock_timeout = '5s';

-- expect: pg-add-unique-constraint-directly
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);

-- expect: pg-add-unique-constraint-directly
ALTER TABLE ONLY public.accounts ADD UNIQUE (tenant_id, slug);

-- expect: pg-add-unique-constraint-directly
ALTER TABLE devices ADD COLUMN IF NOT EXISTS serial_no text UNIQUE;

-- the safe form: build the index concurrently, then attach it
-- near-miss: pg-add-unique-constraint-directly
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_username_idx ON users (username);

-- near-miss: pg-add-unique-constraint-directly
ALTER TABLE users ADD CONSTRAINT users_username_key UNIQUE USING INDEX users_username_idx;

CREATE TABLE IF NOT EXISTS api_clients (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_key text NOT NULL
);

-- near-miss: pg-add-unique-constraint-directly
ALTER TABLE api_clients ADD CONSTRAINT api_clients_key_key UNIQUE (client_key);
