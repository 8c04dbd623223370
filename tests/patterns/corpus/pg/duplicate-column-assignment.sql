-- duplicate-column-assignment: a column set twice in UPDATE or listed
-- twice in INSERT.

-- expect: duplicate-column-assignment
UPDATE orders SET status = 'shipped', total = 10, status = 'paid' WHERE id = 7;

-- expect: duplicate-column-assignment
INSERT INTO orders (id, status, id) VALUES (1, 'new', 2);

-- expect: duplicate-column-assignment
INSERT INTO order_lines (order_id, sku, qty, sku)
SELECT o.id, 'A-1', 1, 'A-2' FROM orders o WHERE o.status = 'new';

-- a multi-column assignment repeating a column set before
-- expect: duplicate-column-assignment
UPDATE accounts SET balance = 0, (balance, updated_by) = (100, 'job') WHERE id = 5;

-- near-miss: duplicate-column-assignment
UPDATE orders SET status = 'shipped', total = total + 1 WHERE id = 7;

-- near-miss: duplicate-column-assignment
UPDATE accounts SET (balance, updated_by) = (100, 'job') WHERE id = 5;

-- near-miss: duplicate-column-assignment
INSERT INTO orders (id, status) VALUES (1, 'a')
ON CONFLICT (id) DO UPDATE SET status = excluded.status;

-- the column name repeated in the expression, not the target
-- near-miss: duplicate-column-assignment
UPDATE stock SET qty = qty - 1 WHERE sku = 'A-1' AND qty > 0;

-- twice in the ON CONFLICT update
-- expect: duplicate-column-assignment
INSERT INTO orders (id, status) VALUES (1, 'a')
ON CONFLICT (id) DO UPDATE SET status = excluded.status, total = 0, status = 'b';
