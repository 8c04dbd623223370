-- drop-column: data lost and readers broken.
SET lock_timeout = '5s';

-- expect: drop-column
ALTER TABLE users DROP COLUMN IF EXISTS legacy_flags;

-- expect: drop-column
ALTER TABLE public.orders DROP COLUMN IF EXISTS fax, DROP COLUMN IF EXISTS telex CASCADE;

-- near-miss: drop-column
ALTER TABLE users ALTER COLUMN legacy_flags DROP DEFAULT;

-- near-miss: drop-column
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_legacy_flags_check;
