-- non-idempotent-ddl: DDL that fails when a half-done migration is re-run.
SET lock_timeout = '5s';

-- expect: non-idempotent-ddl
CREATE TABLE audit_entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload jsonb NOT NULL
);

-- expect: non-idempotent-ddl
CREATE INDEX audit_entries_payload_idx ON audit_entries USING gin (payload);

-- expect: non-idempotent-ddl
CREATE SCHEMA reporting;

-- expect: non-idempotent-ddl
CREATE SEQUENCE invoice_no_seq AS bigint;

-- expect: non-idempotent-ddl
CREATE EXTENSION pg_trgm;

-- expect: non-idempotent-ddl
CREATE VIEW active_users AS SELECT u.id, u.email FROM users u WHERE u.active;

-- expect: non-idempotent-ddl
CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';

-- expect: non-idempotent-ddl
DROP VIEW legacy_report;

-- expect: non-idempotent-ddl
ALTER TABLE audit_entries ADD COLUMN source text;

-- expect: non-idempotent-ddl
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_source_check;

-- near-miss: non-idempotent-ddl
CREATE TABLE IF NOT EXISTS audit_entries_v2 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload jsonb NOT NULL
);

-- near-miss: non-idempotent-ddl
CREATE INDEX IF NOT EXISTS audit_entries_v2_payload_idx ON audit_entries_v2 USING gin (payload);

-- near-miss: non-idempotent-ddl
CREATE SCHEMA IF NOT EXISTS reporting;

-- near-miss: non-idempotent-ddl
CREATE OR REPLACE VIEW active_users AS SELECT u.id, u.email FROM users u WHERE u.active;

-- near-miss: non-idempotent-ddl
CREATE OR REPLACE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';

-- near-miss: non-idempotent-ddl
DROP VIEW IF EXISTS legacy_report;

-- near-miss: non-idempotent-ddl
ALTER TABLE audit_entries_v2 ADD COLUMN IF NOT EXISTS source text;

-- a temporary table lives only as long as the session
-- near-miss: non-idempotent-ddl
CREATE TEMPORARY TABLE import_buffer (line text);

-- in a transaction, a failed migration leaves nothing behind
BEGIN;

-- near-miss: non-idempotent-ddl
CREATE TABLE audit_archive (
    id bigint PRIMARY KEY,
    payload jsonb NOT NULL
);

-- expect: drop-table
-- near-miss: non-idempotent-ddl
DROP TABLE legacy_audit;

COMMIT;
