-- enum-type: the domain's values hard-coded in the schema.
SET lock_timeout = '5s';

-- expect: enum-type
CREATE TYPE ticket_status AS ENUM ('open', 'pending', 'closed');

-- expect: enum-type
CREATE TABLE IF NOT EXISTS tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status text NOT NULL CHECK (status IN ('open', 'pending', 'closed'))
);

-- expect: enum-type
ALTER TABLE tickets_legacy ADD CONSTRAINT tickets_legacy_priority_check
    CHECK (priority IN (1, 2, 3)) NOT VALID;

-- pg_dump spells IN lists as = ANY (ARRAY[...])
-- expect: enum-type
CREATE TABLE IF NOT EXISTS public.orders_dump (
    id bigint NOT NULL PRIMARY KEY,
    status character varying(20) NOT NULL,
    CONSTRAINT orders_dump_status_check CHECK (((status)::text = ANY ((ARRAY['new'::character varying, 'paid'::character varying, 'shipped'::character varying])::text[])))
);

-- near-miss: enum-type
CREATE TYPE postal_address AS (street text, city text, zip text);

-- near-miss: enum-type
CREATE TABLE IF NOT EXISTS line_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quantity integer NOT NULL CHECK (quantity > 0),
    sku text NOT NULL CHECK (sku <> '')
);

-- an IN list in a query is a filter, not a domain
-- near-miss: enum-type
SELECT t.id FROM tickets t WHERE t.status IN ('open', 'pending');

-- near-miss: enum-type
ALTER TABLE tickets_legacy ADD CONSTRAINT tickets_legacy_title_check
    CHECK (title NOT IN ('')) NOT VALID;
