-- pg-add-primary-key-directly: primary keys that build their index under an
-- ACCESS EXCLUSIVE lock.
SET lock_timeout = '5s';

-- expect: pg-add-primary-key-directly
ALTER TABLE events ADD PRIMARY KEY (id);

-- expect: pg-add-primary-key-directly
ALTER TABLE ONLY "Audit"."Entries" ADD CONSTRAINT entries_pkey PRIMARY KEY (entry_id, ts);

-- expect: pg-add-primary-key-directly, pg-add-column-volatile-default
ALTER TABLE legacy_imports ADD COLUMN IF NOT EXISTS id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;

-- near-miss: pg-add-primary-key-directly
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS events_id_idx ON events (id);

-- near-miss: pg-add-primary-key-directly
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;

-- pg_dump restores keys of tables it just created
CREATE TABLE IF NOT EXISTS public.regions (
    id bigint NOT NULL,
    name text NOT NULL
);

-- near-miss: pg-add-primary-key-directly
ALTER TABLE ONLY public.regions ADD CONSTRAINT regions_pkey PRIMARY KEY (id);
