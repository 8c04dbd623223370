-- drop-not-null: NULLs allowed where code assumed none.
SET lock_timeout = '5s';

-- expect: drop-not-null
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;

-- expect: drop-not-null
ALTER TABLE ONLY public.orders
    ALTER COLUMN shipped_at DROP NOT NULL,
    ALTER COLUMN shipped_at DROP DEFAULT;

-- near-miss: drop-not-null
ALTER TABLE users ALTER COLUMN email DROP DEFAULT;

-- near-miss: drop-not-null
ALTER TABLE users ALTER COLUMN nickname SET DEFAULT 'anonymous';
