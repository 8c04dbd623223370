-- duplicate-index: redundant MySQL keys.

CREATE TABLE IF NOT EXISTS orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  customer_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  status VARCHAR(20) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_customer_created (customer_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- a left prefix of idx_customer_created
-- expect: duplicate-index
ALTER TABLE orders ADD INDEX idx_customer (customer_id);

-- near-miss: duplicate-index
ALTER TABLE orders ADD INDEX idx_status_created (status, created_at);

-- near-miss: duplicate-index
ALTER TABLE orders ADD INDEX idx_created_customer (created_at, customer_id);

-- the primary key again
-- expect: duplicate-index
ALTER TABLE orders ADD UNIQUE KEY uk_id (id);
