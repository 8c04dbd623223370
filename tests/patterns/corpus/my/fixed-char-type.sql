-- fixed-char-type: long CHAR(n) columns for variable-length data.

-- expect: fixed-char-type
CREATE TABLE IF NOT EXISTS customers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  full_name CHAR(100) NOT NULL,
  country CHAR(2) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- expect: fixed-char-type
ALTER TABLE customers ADD COLUMN city CHAR(60) NULL;

-- fixed-length by nature
-- near-miss: fixed-char-type
CREATE TABLE IF NOT EXISTS uploads (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  public_uuid CHAR(36) NOT NULL,
  content_sha256 CHAR(64) NOT NULL,
  currency CHAR(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
