-- where-function-on-column: a function or cast wraps the column side of a
-- WHERE or JOIN ON predicate.

-- expect: where-function-on-column
SELECT id, email FROM users WHERE lower(email) = 'ann@example.com';

-- expect: where-function-on-column
SELECT id FROM orders WHERE date_trunc('day', created_at) = '2024-03-01';

-- a cast is a function too
-- expect: where-function-on-column
SELECT count(*) FROM orders WHERE created_at::date = current_date;

-- expect: where-function-on-column
SELECT id FROM events WHERE EXTRACT(YEAR FROM occurred_at) = 2024;

-- IN, BETWEEN and LIKE predicates
-- expect: where-function-on-column
SELECT id FROM users WHERE upper(country_code) IN ('DE', 'AT', 'CH');

-- expect: where-function-on-column
DELETE FROM sessions
WHERE CAST(last_seen AS date) BETWEEN '2024-01-01' AND '2024-01-31';

-- expect: where-function-on-column
SELECT id FROM customers WHERE lower(name) LIKE 'smi%';

-- expect: where-function-on-column
UPDATE accounts SET flagged = true WHERE coalesce(balance, 0) < 0;

-- in a JOIN condition, both sides wrapped
-- expect: where-function-on-column
SELECT o.id, c.name
FROM orders o
JOIN customers c ON lower(c.email) = lower(o.contact_email)
WHERE o.total > 100;

-- in the WHERE of a subquery
-- expect: where-function-on-column
SELECT c.id
FROM customers c
WHERE EXISTS (
	SELECT 1
	FROM orders o
	WHERE o.customer_id = c.id
	  AND date_trunc('month', o.created_at) = date_trunc('month', now())
);

-- the function is on the constant side
-- near-miss: where-function-on-column
SELECT id FROM users WHERE email = lower($1);

-- near-miss: where-function-on-column
SELECT id FROM orders
WHERE created_at >= date_trunc('day', now()) - interval '7 days';

-- functions in the select list only
-- near-miss: where-function-on-column
SELECT lower(email), created_at::date AS day FROM users WHERE id = $1;

-- the other side is a bare column that an index can still serve
-- near-miss: where-function-on-column
SELECT o.id
FROM orders o
JOIN daily_totals d ON d.day = o.created_at::date
WHERE d.total > 0;

-- an aggregate in HAVING is not a WHERE predicate
-- near-miss: where-function-on-column
SELECT customer_id FROM orders
WHERE total > 0
GROUP BY customer_id
HAVING max(total) > 1000;

-- the pattern inside a comment and a string literal
-- near-miss: where-function-on-column
SELECT id FROM audit_log /* WHERE lower(email) = 'x' */
WHERE query_text = 'WHERE lower(email) = ''x''';
