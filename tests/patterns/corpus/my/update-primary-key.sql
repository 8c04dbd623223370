-- update-primary-key (extended): UPDATE assigning a primary-key column.

CREATE TABLE IF NOT EXISTS users (
	id BIGINT NOT NULL,
	email VARCHAR(200) NOT NULL,
	PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS id_map (
	old_id BIGINT NOT NULL PRIMARY KEY,
	new_id BIGINT NOT NULL
);

-- expect: update-primary-key
UPDATE users SET id = 5 WHERE email = 'ann@example.com';

-- a multi-table UPDATE writing the key of one table
-- expect: update-primary-key
UPDATE users u JOIN id_map m ON m.old_id = u.id SET u.id = m.new_id WHERE m.new_id > 0;

-- near-miss: update-primary-key
UPDATE users SET email = 'b@example.com' WHERE id = 7;

-- the key of the other table is only read
-- near-miss: update-primary-key
UPDATE users u JOIN id_map m ON m.old_id = u.id SET m.new_id = u.id WHERE u.email LIKE 'a%';
