-- drop-column: data lost and readers broken.

-- expect: drop-column
ALTER TABLE users DROP COLUMN legacy_flags;

-- expect: drop-column
ALTER TABLE `orders` DROP `fax`;

-- near-miss: drop-column
ALTER TABLE users ALTER COLUMN legacy_flags DROP DEFAULT;

-- near-miss: drop-column
ALTER TABLE users DROP INDEX idx_legacy_flags;
