-- drop-key-constraint: primary and foreign keys dropped.

-- expect: drop-key-constraint
ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer;

-- expect: drop-key-constraint
ALTER TABLE `order_items` DROP PRIMARY KEY, ADD PRIMARY KEY (`order_id`, `line_no`, `sku`);

-- near-miss: drop-key-constraint
ALTER TABLE orders DROP INDEX idx_created;

-- near-miss: drop-key-constraint
ALTER TABLE orders DROP CHECK chk_total_positive;
