-- always-false-predicate: WHERE / ON conditions that can never hold.

CREATE TABLE IF NOT EXISTS payments (
	id bigint PRIMARY KEY,
	order_id bigint NOT NULL,
	amount numeric(12, 2) NOT NULL,
	status text NOT NULL,
	created_at timestamptz NOT NULL
);

-- expect: always-false-predicate
SELECT id FROM payments WHERE amount > 100 AND amount < 50;

-- two different values for one column
-- expect: always-false-predicate
SELECT id FROM payments WHERE status = 'paid' AND status = 'refunded';

-- expect: always-false-predicate
UPDATE payments SET status = 'void' WHERE 1 = 0;

-- reversed BETWEEN bounds
-- expect: always-false-predicate
SELECT id FROM payments WHERE amount BETWEEN 500 AND 100;

-- expect: always-false-predicate
DELETE FROM payments WHERE FALSE;

-- a contradiction in the ON clause of an inner join
-- expect: always-false-predicate
SELECT p.id, q.id AS other_id
FROM payments p
JOIN payments q ON q.order_id = p.order_id AND q.amount >= 10 AND q.amount <= 5
WHERE p.status = 'paid';

-- inside a correlated EXISTS
-- expect: always-false-predicate
SELECT p.id FROM payments p
WHERE EXISTS (SELECT 1 FROM payments r
	      WHERE r.order_id = p.order_id AND r.amount = 5 AND r.amount = 6);

-- literals of different value
-- expect: always-false-predicate
SELECT id FROM payments WHERE 'a' = 'b' AND status = 'paid';

-- an equality outside a range
-- expect: always-false-predicate
SELECT id FROM payments WHERE amount = 20 AND amount > 100;

-- a column compared with itself by <>
-- expect: always-false-predicate
SELECT id FROM payments WHERE status <> status;

-- copying the structure only
-- near-miss: always-false-predicate
CREATE TABLE IF NOT EXISTS payments_empty AS
SELECT id, amount FROM payments WHERE 1 = 0;

-- near-miss: always-false-predicate
SELECT id, amount INTO TEMP payments_shape FROM payments WHERE 1 = 0;

-- near-miss: always-false-predicate
SELECT id FROM payments WHERE amount > 50 AND amount < 100;

-- either bound may hold
-- near-miss: always-false-predicate
SELECT id FROM payments WHERE amount > 100 OR amount < 50;

-- bounds on two different tables
-- near-miss: always-false-predicate
SELECT p.id, q.id AS other_id
FROM payments p
JOIN payments q ON q.order_id = p.order_id
WHERE p.amount > 100 AND q.amount < 50;

-- a one-value range
-- near-miss: always-false-predicate
SELECT id FROM payments WHERE amount >= 10 AND amount <= 10;

-- = NULL belongs to null-comparison-equals
-- expect: null-comparison-equals
-- near-miss: always-false-predicate
SELECT id FROM payments WHERE status = NULL;

-- the pattern only in a string literal
-- near-miss: always-false-predicate
SELECT id, '1 = 0' AS note FROM payments WHERE status = 'paid';

-- one of the OR branches is dead, the statement is not
-- near-miss: always-false-predicate
SELECT id FROM payments WHERE (amount > 5 AND amount < 3) OR status = 'paid';

-- two spellings of one timestamp are not a contradiction
-- near-miss: always-false-predicate
SELECT id FROM payments
WHERE created_at = '2024-01-01' AND created_at = '2024-01-01 00:00:00';
