-- rename-column: renamed columns break running application versions.

-- expect: rename-column
ALTER TABLE users RENAME COLUMN mail TO email;

-- CHANGE renames when the two names differ
-- expect: rename-column, alter-column-type
ALTER TABLE users CHANGE COLUMN fullname full_name VARCHAR(200) NOT NULL;

-- near-miss: rename-column
ALTER TABLE users RENAME INDEX idx_mail TO idx_email;

-- near-miss: rename-column
ALTER TABLE users ADD COLUMN nickname VARCHAR(50) NULL;
