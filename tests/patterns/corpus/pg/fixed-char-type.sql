-- fixed-char-type: char(n) columns in PostgreSQL.
SET lock_timeout = '5s';

-- expect: fixed-char-type
CREATE TABLE IF NOT EXISTS countries (
    code char(2) PRIMARY KEY,
    name text NOT NULL
);

-- expect: fixed-char-type
CREATE TABLE IF NOT EXISTS branches (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch_code character(10) NOT NULL
);

-- char without a length is char(1)
-- expect: fixed-char-type
ALTER TABLE public.users ADD COLUMN IF NOT EXISTS gender char;

-- near-miss: fixed-char-type
CREATE TABLE IF NOT EXISTS currencies (
    code varchar(3) PRIMARY KEY,
    name text NOT NULL
);

-- a cast in a query is not a column
-- near-miss: fixed-char-type
SELECT u.id, u.name::char(20) AS padded FROM users u WHERE u.id = $1;

-- near-miss: fixed-char-type
CREATE TABLE IF NOT EXISTS character_sets (
    name text PRIMARY KEY,
    char_count integer NOT NULL
);
