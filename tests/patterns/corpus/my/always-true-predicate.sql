-- always-true-predicate (MySQL)

-- expect: always-true-predicate
DELETE FROM carts WHERE user_id = 42 OR 1 = 1;

-- WHERE 1 is true in MySQL
-- expect: always-true-predicate
UPDATE carts SET status = 'expired' WHERE 1;

-- near-miss: always-true-predicate
SELECT id FROM carts WHERE 1 = 1 AND user_id = 42;
