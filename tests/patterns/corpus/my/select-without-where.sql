-- select-without-where (extended): a full read of a base table.

-- expect: select-without-where
SELECT id, email FROM users;

-- expect: select-without-where
SELECT COUNT(*) FROM `shop`.`orders`;

-- near-miss: select-without-where
SELECT id, email FROM users WHERE id = ?;

-- near-miss: select-without-where
SELECT id, email FROM users ORDER BY id LIMIT 50;

-- near-miss: select-without-where
SELECT 1 FROM DUAL;

-- near-miss: select-without-where
SELECT @@version_comment LIMIT 1;
