-- non-idempotent-ddl: MySQL DDL is not transactional, so a re-run meets
-- what the first run left.

-- expect: non-idempotent-ddl
CREATE TABLE audit_entries (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(20) NOT NULL,
  payload JSON NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- MySQL has no CREATE INDEX IF NOT EXISTS: nothing to ask for
-- near-miss: non-idempotent-ddl
CREATE INDEX idx_audit_kind ON audit_entries (kind);

-- expect: non-idempotent-ddl
CREATE DATABASE reporting;

-- expect: non-idempotent-ddl
DROP VIEW legacy_report;

-- even inside a transaction: DDL commits implicitly in MySQL
START TRANSACTION;

-- expect: non-idempotent-ddl
CREATE TABLE audit_archive (
  id BIGINT UNSIGNED NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

COMMIT;

-- near-miss: non-idempotent-ddl
CREATE TABLE IF NOT EXISTS audit_entries_v2 (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  payload JSON NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: non-idempotent-ddl
CREATE DATABASE IF NOT EXISTS reporting;

-- near-miss: non-idempotent-ddl
CREATE OR REPLACE VIEW active_users AS SELECT u.id, u.email FROM users u WHERE u.active = 1;

-- near-miss: non-idempotent-ddl
DROP VIEW IF EXISTS legacy_report;

-- near-miss: non-idempotent-ddl
DROP TEMPORARY TABLE tmp_totals;
