-- insert-without-column-list: INSERT with no target column list.

-- expect: insert-without-column-list
INSERT INTO orders VALUES (7, 42, 19.99, 'new');

-- expect: insert-without-column-list
INSERT INTO orders_archive
SELECT o.id, o.customer_id, o.total, o.status
FROM orders o
WHERE o.status = 'closed';

-- multi-row, schema-qualified
-- expect: insert-without-column-list
INSERT INTO sales.orders VALUES (1, 2, 3.00, 'a'), (2, 2, 4.00, 'b');

-- inside a data-modifying CTE
-- expect: insert-without-column-list
WITH moved AS (
	DELETE FROM orders WHERE status = 'void'
	RETURNING id, customer_id, total, status
)
INSERT INTO orders_archive
SELECT m.id, m.customer_id, m.total, m.status FROM moved m WHERE m.total >= 0;

-- with ON CONFLICT
-- expect: insert-without-column-list
INSERT INTO counters VALUES ('hits', 1)
ON CONFLICT (name) DO UPDATE SET n = counters.n + 1;

-- near-miss: insert-without-column-list
INSERT INTO orders (id, customer_id, total, status) VALUES (7, 42, 19.99, 'new');

-- near-miss: insert-without-column-list
INSERT INTO orders DEFAULT VALUES;

-- near-miss: insert-without-column-list
INSERT INTO orders_archive (id, status)
SELECT o.id, o.status FROM orders o WHERE o.status = 'closed';

-- the pattern inside a string literal
-- near-miss: insert-without-column-list
INSERT INTO audit_log (query) VALUES ('INSERT INTO orders VALUES (1)');
