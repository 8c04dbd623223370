-- duplicate-table-alias (MySQL)

-- expect: duplicate-table-alias
SELECT a.id FROM employees a JOIN employees a ON a.manager_id = a.id WHERE a.id > 0;

-- the multi-table DELETE names its target again in FROM: that is fine
-- near-miss: duplicate-table-alias
DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.banned = 1;

-- near-miss: duplicate-table-alias
SELECT e.id FROM employees e JOIN employees m ON e.manager_id = m.id WHERE e.id > 0;
