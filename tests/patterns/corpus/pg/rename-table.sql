-- rename-table: renamed tables break their readers and writers.
SET lock_timeout = '5s';

-- expect: rename-table
ALTER TABLE customer RENAME TO customers;

-- expect: rename-table
ALTER TABLE IF EXISTS billing."Invoice" RENAME TO invoices;

-- expect: rename-column
-- near-miss: rename-table
ALTER TABLE customers RENAME COLUMN nm TO name;

-- near-miss: rename-table
ALTER TABLE customers SET SCHEMA archive;

-- near-miss: rename-table
SELECT c.id FROM customers c WHERE c.name = 'RENAME TO customers';
