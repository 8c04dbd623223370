-- rename-column: renames that break running application versions.
SET lock_timeout = '5s';

-- expect: rename-column
ALTER TABLE users RENAME COLUMN mail TO email;

-- expect: rename-column
ALTER TABLE IF EXISTS "Shop"."Orders" RENAME "CustomerNo" TO customer_id;

-- near-miss: rename-column
ALTER TABLE users RENAME CONSTRAINT users_mail_key TO users_email_key;

-- near-miss: rename-column
ALTER TABLE users ADD COLUMN IF NOT EXISTS email_verified boolean NOT NULL DEFAULT false;

-- near-miss: rename-column
ALTER INDEX users_mail_idx RENAME TO users_email_idx;
