-- table-without-primary-key: InnoDB tables without a key.

-- expect: table-without-primary-key
CREATE TABLE IF NOT EXISTS page_hits (
  url VARCHAR(500) NOT NULL,
  hit_at DATETIME NOT NULL,
  KEY idx_hit_at (hit_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS customers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS `order_items` (
  `order_id` BIGINT UNSIGNED NOT NULL,
  `line_no` INT NOT NULL,
  `sku` VARCHAR(40) NOT NULL,
  PRIMARY KEY (`order_id`, `line_no`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- a UNIQUE KEY on NOT NULL columns is a key
-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS api_tokens (
  token VARBINARY(32) NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  UNIQUE KEY uk_token (token)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: table-without-primary-key
CREATE TEMPORARY TABLE IF NOT EXISTS tmp_ids (id BIGINT);

-- near-miss: table-without-primary-key
CREATE TABLE IF NOT EXISTS customers_copy LIKE customers;
