-- update-primary-key (extended): an UPDATE that changes primary-key columns
-- of a table created earlier in the input.

CREATE TABLE IF NOT EXISTS users (
	id bigint PRIMARY KEY,
	email text NOT NULL
);

CREATE TABLE IF NOT EXISTS order_lines (
	order_id bigint NOT NULL,
	line_no integer NOT NULL,
	qty integer NOT NULL,
	CONSTRAINT order_lines_pkey PRIMARY KEY (order_id, line_no)
);

-- expect: update-primary-key
UPDATE users SET id = id + 1000 WHERE email = 'a@example.com';

-- a column of a composite key
-- expect: update-primary-key
UPDATE order_lines SET line_no = line_no + 1 WHERE order_id = 7 AND line_no >= 3;

-- an alias and a qualified target column
-- expect: update-primary-key
UPDATE users AS u SET id = $1 WHERE u.email = $2;

-- near-miss: update-primary-key
UPDATE users SET email = 'b@example.com' WHERE id = 7;

-- assigning the column to itself changes nothing
-- near-miss: update-primary-key
UPDATE users SET id = id, email = lower(email) WHERE id = 7;

-- near-miss: update-primary-key
UPDATE order_lines SET qty = 2 WHERE order_id = 7 AND line_no = 1;

-- a table not created in this input: its key is not known
-- near-miss: update-primary-key
UPDATE legacy_users SET id = 5 WHERE login = 'ann';
