-- rename-table: renamed tables break their readers and writers.

-- expect: rename-table
RENAME TABLE customer TO customers;

-- expect: rename-table
ALTER TABLE `shop`.`order_archive` RENAME TO `shop`.`orders_archive`;

-- expect: rename-column
-- near-miss: rename-table
ALTER TABLE customers RENAME COLUMN nm TO name;
