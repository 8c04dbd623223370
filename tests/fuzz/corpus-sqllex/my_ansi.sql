SELECT "ident", 'no\' FROM t;
DELIMITER $$
SELECT 1$$
