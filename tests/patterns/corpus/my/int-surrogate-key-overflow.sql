-- int-surrogate-key-overflow: AUTO_INCREMENT keys narrower than BIGINT.

-- expect: int-surrogate-key-overflow
CREATE TABLE IF NOT EXISTS orders (
  id INT NOT NULL AUTO_INCREMENT,
  total DECIMAL(12, 2) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- expect: int-surrogate-key-overflow
CREATE TABLE IF NOT EXISTS `events` (
  `id` MEDIUMINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `name` VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: int-surrogate-key-overflow
CREATE TABLE IF NOT EXISTS payments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: int-surrogate-key-overflow
CREATE TABLE IF NOT EXISTS order_statuses (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  label VARCHAR(40) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
