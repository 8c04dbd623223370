-- plaintext-password: passwords compared or stored as clear text.

SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- expect: plaintext-password
CREATE TABLE IF NOT EXISTS users (
	id bigint PRIMARY KEY,
	login text NOT NULL,
	password varchar(64) NOT NULL
);

-- expect: plaintext-password
SELECT id FROM users WHERE login = 'bob' AND password = 'hunter2';

-- qualified, literal on the left
-- expect: plaintext-password
SELECT u.id FROM users u WHERE 'secret' = u.passwd;

-- expect: plaintext-password
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS pwd text;

-- expect: plaintext-password
DELETE FROM users WHERE login = 'guest' AND "password" <> 'changeme';

-- near-miss: plaintext-password
CREATE TABLE IF NOT EXISTS credentials (
	id bigint PRIMARY KEY,
	password_hash text NOT NULL,
	password_digest bytea
);

-- a bind parameter is not a literal
-- near-miss: plaintext-password
SELECT id FROM users WHERE login = $1 AND password_hash = $2;

-- near-miss: plaintext-password
SELECT id FROM users WHERE password = $1;

-- a binary column holds a hash
-- near-miss: plaintext-password
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS password bytea;

-- 'password' is the value, not the column
-- near-miss: plaintext-password
SELECT id FROM users WHERE login = 'password';

-- near-miss: plaintext-password
SELECT id FROM settings WHERE name = 'password_min_length' AND value = '12';
