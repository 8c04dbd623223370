-- add-column-not-null-without-default: MySQL fills existing rows with the
-- type's implicit default, so the rule does not apply.

-- near-miss: add-column-not-null-without-default
ALTER TABLE users ADD COLUMN tenant_id BIGINT UNSIGNED NOT NULL;
