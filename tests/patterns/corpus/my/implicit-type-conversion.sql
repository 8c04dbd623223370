-- implicit-type-conversion: MySQL compares a string column with a number
-- by converting every row's value to a number (no index use, surprising
-- matches such as '123abc' = 123).

CREATE TABLE IF NOT EXISTS users (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	phone VARCHAR(20) NOT NULL,
	zip CHAR(5) NOT NULL,
	age INT NOT NULL,
	bio TEXT
);

-- expect: implicit-type-conversion
SELECT id FROM users WHERE phone = 5551234;

-- expect: implicit-type-conversion
SELECT id FROM users WHERE zip IN (10115, 10117);

-- expect: implicit-type-conversion
SELECT u.id FROM users AS u WHERE 49301234567 = u.phone;

-- expect: implicit-type-conversion
UPDATE users SET bio = NULL WHERE zip BETWEEN 10000 AND 10999;

-- near-miss: implicit-type-conversion
SELECT id FROM users WHERE phone = '5551234';

-- a numeric column against a quoted number: the constant is converted
-- near-miss: implicit-type-conversion
SELECT id FROM users WHERE age = '42';

-- near-miss: implicit-type-conversion
SELECT id FROM users WHERE age = 42 AND phone = ?;

-- a table not created in this input
-- near-miss: implicit-type-conversion
SELECT id FROM contacts WHERE phone = 5551234;
