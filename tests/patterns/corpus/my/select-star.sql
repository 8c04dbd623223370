-- select-star (MySQL)

-- expect: select-star
SELECT * FROM orders WHERE id = 7;

-- expect: select-star
SELECT o.*, c.name FROM `shop`.`orders` o JOIN customers c ON c.id = o.customer_id WHERE o.id = 7;

-- near-miss: select-star
SELECT COUNT(*) FROM orders WHERE status = 'open';

-- near-miss: select-star
SELECT c.id FROM customers c WHERE EXISTS (SELECT * FROM orders o WHERE o.customer_id = c.id);

-- near-miss: select-star
SELECT * FROM (SELECT id, status FROM orders WHERE total > 0) AS d WHERE d.status = 'x';

-- '*' in a comment and in a MySQL '#' comment
-- near-miss: select-star
SELECT id /* SELECT * */ FROM orders # SELECT * FROM orders
WHERE id = 1;

-- code inside a version comment is code
-- expect: select-star
SELECT /*!40001 SQL_NO_CACHE */ * FROM orders WHERE id = 1;
