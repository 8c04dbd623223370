-- chained-comparison: a = b = 'x' is (a = b) = 'x' in MySQL.

CREATE TABLE IF NOT EXISTS accounts (
	id BIGINT NOT NULL PRIMARY KEY,
	status VARCHAR(20) NOT NULL,
	billing_status VARCHAR(20) NOT NULL,
	plan_id INT NOT NULL,
	legacy_plan_id INT NOT NULL,
	balance DECIMAL(12, 2) NOT NULL,
	credit DECIMAL(12, 2) NOT NULL,
	same_plan TINYINT
);

-- expect: chained-comparison
SELECT id FROM accounts WHERE status = billing_status = 'active';

-- a range written the mathematical way
-- expect: chained-comparison
SELECT id FROM accounts WHERE 0 < balance < 100;

-- expect: chained-comparison
UPDATE accounts SET same_plan = 1 WHERE plan_id = legacy_plan_id = 7;

-- inside a subquery, qualified
-- expect: chained-comparison
SELECT a.id FROM accounts a
WHERE EXISTS (SELECT 1 FROM accounts b
	      WHERE b.id = a.id AND b.plan_id = b.legacy_plan_id = 0);

-- parenthesised comparison of two booleans, on purpose
-- near-miss: chained-comparison
SELECT id FROM accounts WHERE (balance > 0) = (credit > 0);

-- near-miss: chained-comparison
SELECT id FROM accounts WHERE status = 'active' AND billing_status = 'active';

-- assigning the result of one comparison
-- near-miss: chained-comparison
UPDATE accounts SET same_plan = plan_id = legacy_plan_id WHERE id = 4;

-- the pattern only in a string literal
-- near-miss: chained-comparison
SELECT id, 'a = b = c' AS expr FROM accounts WHERE id = 1;
