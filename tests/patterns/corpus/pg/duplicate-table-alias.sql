-- duplicate-table-alias: one name declared twice in a FROM clause.

-- expect: duplicate-table-alias
SELECT a.id
FROM employees a
JOIN employees a ON a.manager_id = a.id
WHERE a.id > 0;

-- the same table twice without aliases
-- expect: duplicate-table-alias
SELECT orders.id
FROM orders
JOIN orders ON orders.id = orders.parent_id
WHERE orders.total > 0;

-- an alias equal to another table's name
-- expect: duplicate-table-alias
SELECT customers.id
FROM customers
JOIN orders AS customers ON customers.id = customers.customer_id
WHERE customers.total > 0;

-- UPDATE ... FROM naming the target table again
-- expect: duplicate-table-alias
UPDATE orders SET total = 0
FROM orders
WHERE orders.status = 'void';

-- near-miss: duplicate-table-alias
SELECT e.id, m.id AS manager
FROM employees e
JOIN employees m ON e.manager_id = m.id
WHERE e.id > 0;

-- the same alias in separate FROM clauses (a subquery)
-- near-miss: duplicate-table-alias
SELECT o.id
FROM orders o
WHERE o.customer_id IN (SELECT o.customer_id FROM orders o WHERE o.total > 1000);

-- same table name in two schemas
-- near-miss: duplicate-table-alias
SELECT sales.orders.id
FROM sales.orders
JOIN archive.orders ON archive.orders.id = sales.orders.id
WHERE sales.orders.total > 0;

-- UPDATE ... FROM with a second alias
-- near-miss: duplicate-table-alias
UPDATE orders SET total = prev.total
FROM orders AS prev
WHERE prev.id = orders.parent_id AND orders.total = 0;
