-- alter-column-type: MODIFY / CHANGE that change a column's type.

-- expect: alter-column-type
ALTER TABLE orders MODIFY COLUMN quantity BIGINT NOT NULL;

-- expect: alter-column-type
ALTER TABLE `orders` CHANGE `total` `total` DECIMAL(14, 2) NOT NULL;

CREATE TABLE IF NOT EXISTS products (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  stock INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- restating the same type to add a comment is not a type change
-- near-miss: alter-column-type
ALTER TABLE products MODIFY name VARCHAR(100) NOT NULL COMMENT 'display name';

-- expect: alter-column-type
ALTER TABLE products MODIFY stock DECIMAL(10, 3) NOT NULL;

-- near-miss: alter-column-type
ALTER TABLE products ALTER COLUMN stock SET DEFAULT 0;
