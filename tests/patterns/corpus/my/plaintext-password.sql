-- plaintext-password (MySQL)

-- expect: plaintext-password
CREATE TABLE IF NOT EXISTS users (
	id BIGINT NOT NULL PRIMARY KEY,
	login VARCHAR(64) NOT NULL,
	`password` VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- expect: plaintext-password
SELECT id FROM users WHERE login = 'bob' AND `password` = 'hunter2';

-- near-miss: plaintext-password
CREATE TABLE IF NOT EXISTS credentials (
	id BIGINT NOT NULL PRIMARY KEY,
	password_hash VARBINARY(60) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: plaintext-password
SELECT id FROM users WHERE login = ? AND password_hash = ?;
