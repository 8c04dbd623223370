-- too-many-indexes: more than 10 indexes on one table, inline keys included.

-- the primary key and ten keys
-- expect: too-many-indexes
CREATE TABLE IF NOT EXISTS wide_facts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  c1 INT NOT NULL,
  c2 INT NOT NULL,
  c3 INT NOT NULL,
  c4 INT NOT NULL,
  c5 INT NOT NULL,
  c6 INT NOT NULL,
  c7 INT NOT NULL,
  c8 INT NOT NULL,
  c9 INT NOT NULL,
  c10 INT NOT NULL,
  KEY idx_c1 (c1),
  KEY idx_c2 (c2),
  KEY idx_c3 (c3),
  KEY idx_c4 (c4),
  KEY idx_c5 (c5),
  KEY idx_c6 (c6),
  KEY idx_c7 (c7),
  KEY idx_c8 (c8),
  KEY idx_c9 (c9),
  KEY idx_c10 (c10)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- the primary key and nine keys
-- near-miss: too-many-indexes
CREATE TABLE IF NOT EXISTS narrow_facts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  c1 INT NOT NULL,
  c2 INT NOT NULL,
  c3 INT NOT NULL,
  c4 INT NOT NULL,
  c5 INT NOT NULL,
  c6 INT NOT NULL,
  c7 INT NOT NULL,
  c8 INT NOT NULL,
  c9 INT NOT NULL,
  KEY idx_c1 (c1),
  KEY idx_c2 (c2),
  KEY idx_c3 (c3),
  KEY idx_c4 (c4),
  KEY idx_c5 (c5),
  KEY idx_c6 (c6),
  KEY idx_c7 (c7),
  KEY idx_c8 (c8),
  KEY idx_c9 (c9)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
