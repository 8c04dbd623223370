-- non-innodb-engine: tables without transactions or crash safety.

-- expect: non-innodb-engine
CREATE TABLE IF NOT EXISTS page_views (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  url VARCHAR(500) NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

-- expect: non-innodb-engine
CREATE TABLE IF NOT EXISTS `session_cache` (
  `id` VARBINARY(32) NOT NULL PRIMARY KEY,
  `payload` VARBINARY(4096) NOT NULL
) ENGINE = MEMORY;

-- expect: non-innodb-engine
ALTER TABLE audit_log ENGINE=ARCHIVE;

-- near-miss: non-innodb-engine
CREATE TABLE IF NOT EXISTS orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: non-innodb-engine
ALTER TABLE page_views ENGINE=InnoDB;

-- a temporary table of the session may well live in memory
-- near-miss: non-innodb-engine
CREATE TEMPORARY TABLE IF NOT EXISTS tmp_totals (
  customer_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  total DECIMAL(14, 2) NOT NULL
) ENGINE=MEMORY;

-- near-miss: non-innodb-engine
SELECT t.table_name FROM information_schema.tables t WHERE t.engine = 'MyISAM';
