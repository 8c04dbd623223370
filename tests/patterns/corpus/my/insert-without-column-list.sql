-- insert-without-column-list (MySQL)

-- expect: insert-without-column-list
INSERT INTO orders VALUES (7, 42, 19.99, 'new');

-- expect: insert-without-column-list, replace-into
REPLACE INTO orders VALUES (7, 42, 19.99, 'new');

-- expect: insert-without-column-list
INSERT INTO orders_archive SELECT o.id, o.customer_id, o.total, o.status FROM orders o WHERE o.status = 'closed';

-- near-miss: insert-without-column-list
INSERT INTO orders (id, customer_id, total, status) VALUES (7, 42, 19.99, 'new');

-- INSERT ... SET names every column
-- near-miss: insert-without-column-list
INSERT INTO orders SET id = 7, customer_id = 42, total = 19.99, status = 'new';
