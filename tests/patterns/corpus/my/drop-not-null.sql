-- drop-not-null: MODIFY / CHANGE restate the whole column, so leaving out
-- NOT NULL makes it nullable.

CREATE TABLE IF NOT EXISTS users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(200) NOT NULL,
  nickname VARCHAR(50) NOT NULL,
  bio TEXT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- widening the column, NOT NULL forgotten
-- expect: drop-not-null, alter-column-type
ALTER TABLE users MODIFY email VARCHAR(320);

-- expect: drop-not-null
ALTER TABLE users MODIFY COLUMN nickname VARCHAR(50) NULL;

-- near-miss: drop-not-null
ALTER TABLE users MODIFY COLUMN nickname VARCHAR(50) NOT NULL DEFAULT '';

-- TEXT to MEDIUMTEXT copies the table, NULL is kept
-- expect: alter-column-type
-- near-miss: drop-not-null
ALTER TABLE users MODIFY bio MEDIUMTEXT NULL;
