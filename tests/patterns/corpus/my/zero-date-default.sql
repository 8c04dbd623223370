-- zero-date-default: '0000-00-00' defaults.

-- expect: zero-date-default
CREATE TABLE IF NOT EXISTS logins (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  logged_in_at DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- expect: zero-date-default
CREATE TABLE IF NOT EXISTS contracts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  signed_on DATE NOT NULL DEFAULT '0000-00-00'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- expect: zero-date-default
ALTER TABLE contracts ALTER COLUMN signed_on SET DEFAULT '0000-00-00';

-- expect: zero-date-default
ALTER TABLE logins ADD COLUMN logged_out_at TIMESTAMP NOT NULL DEFAULT 0;

-- near-miss: zero-date-default
CREATE TABLE IF NOT EXISTS sessions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ended_at DATETIME NULL DEFAULT NULL,
  attempts INT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: zero-date-default
SELECT s.id FROM sessions s WHERE s.ended_at = '0000-00-00 00:00:00';
