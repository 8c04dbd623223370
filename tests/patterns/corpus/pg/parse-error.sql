-- A statement PostgreSQL's own parser refuses is reported once, as info,
-- and the statements around it are still checked.

-- expect: parse-error
SELEC id FROM orders WHERE id = 1;

-- near-miss: parse-error
SELECT id FROM orders WHERE id = 1;

-- A MySQL-only construct in a PostgreSQL script (backticks are not quotes
-- in PostgreSQL).
-- expect: parse-error
SELECT `id` FROM orders WHERE id = 2;

-- near-miss: parse-error
SELECT "id" FROM orders WHERE id = 3;

-- A trailing comma before FROM.
-- expect: parse-error
SELECT id, total, FROM orders WHERE id = 4;

-- Dollar quotes are PostgreSQL strings, not errors.
-- near-miss: parse-error
SELECT $body$it's; fine$body$ AS note FROM orders WHERE id = 5;

-- An unterminated string runs to the end of the script; it swallows
-- nothing after it because it is the last statement.
-- expect: parse-error
SELECT 'unterminated FROM orders WHERE id = 6;
