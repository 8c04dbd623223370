-- where-arithmetic-on-column: arithmetic or concatenation on the column
-- side of a predicate.

CREATE TABLE IF NOT EXISTS people (
	id bigint PRIMARY KEY,
	first_name text NOT NULL,
	last_name text NOT NULL
);

-- expect: where-arithmetic-on-column
SELECT id FROM products WHERE price * 1.2 > 100;

-- expect: where-arithmetic-on-column
SELECT id FROM subscriptions WHERE started_at + interval '30 days' < now();

-- concatenation of NOT NULL columns
-- expect: where-arithmetic-on-column
SELECT id FROM people WHERE first_name || ' ' || last_name = 'Ann Lee';

-- two columns against a constant
-- expect: where-arithmetic-on-column
SELECT o.id
FROM orders o
JOIN payments p ON p.order_id = o.id
WHERE p.amount - o.total <> 0;

-- in a JOIN condition
-- expect: where-arithmetic-on-column
SELECT p.id
FROM products p
JOIN discounts d ON d.product_id = p.id AND d.percent / 100.0 > 0.2
WHERE p.active;

-- in an UPDATE
-- expect: where-arithmetic-on-column
UPDATE invoices SET overdue = true WHERE due_date + 30 < current_date;

-- the arithmetic is on the constant side
-- near-miss: where-arithmetic-on-column
SELECT id FROM products WHERE price > 100 / 1.2;

-- near-miss: where-arithmetic-on-column
SELECT id FROM orders WHERE created_at >= CURRENT_DATE - 7;

-- near-miss: where-arithmetic-on-column
SELECT id FROM products WHERE price > $1 * 1.19;

-- a negative literal is not arithmetic on a column
-- near-miss: where-arithmetic-on-column
SELECT id FROM accounts WHERE balance < -100;

-- arithmetic in the select list only
-- near-miss: where-arithmetic-on-column
SELECT price * 1.2 AS gross FROM products WHERE id = $1;

-- the other side is a bare column an index can serve
-- near-miss: where-arithmetic-on-column
SELECT a.id
FROM shifts a
JOIN shifts b ON b.starts_at < a.ends_at + interval '1 hour' AND b.id <> a.id
WHERE a.worker_id = 5;
