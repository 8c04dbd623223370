-- correlated-subquery-in-select: a select-list subquery that refers to the
-- outer row runs once per row.

CREATE TABLE IF NOT EXISTS customers (
	id bigint PRIMARY KEY,
	name text NOT NULL,
	region text NOT NULL
);

CREATE TABLE IF NOT EXISTS invoices (
	invoice_no bigint PRIMARY KEY,
	customer_ref bigint NOT NULL,
	amount numeric(12, 2) NOT NULL
);

-- expect: correlated-subquery-in-select
SELECT c.id,
       (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS n
FROM customers c
WHERE c.region = 'EU';

-- expect: correlated-subquery-in-select
SELECT c.name,
       (SELECT max(o.created_at) FROM orders o WHERE o.customer_id = c.id) AS last_order,
       c.region
FROM customers c
WHERE c.id > 1000;

-- EXISTS and ARRAY subqueries in the select list run per row too
-- expect: correlated-subquery-in-select
SELECT c.id,
       EXISTS (SELECT 1 FROM invoices i WHERE i.customer_ref = c.id) AS billed
FROM customers c
WHERE c.region = 'US';

-- expect: correlated-subquery-in-select
SELECT c.id, ARRAY(SELECT i.invoice_no FROM invoices i WHERE i.customer_ref = c.id) AS nos
FROM customers c
WHERE c.region = 'APAC';

-- an unqualified outer column, known from the tables created above
-- expect: correlated-subquery-in-select
SELECT c.name,
       (SELECT sum(amount) FROM invoices WHERE customer_ref = id) AS billed
FROM customers c
WHERE c.region = 'EU';

-- an uncorrelated subquery runs once
-- near-miss: correlated-subquery-in-select
SELECT c.id, (SELECT count(*) FROM invoices) AS all_invoices
FROM customers c
WHERE c.region = 'EU';

-- a correlated subquery in WHERE is another matter
-- near-miss: correlated-subquery-in-select
SELECT c.id
FROM customers c
WHERE EXISTS (SELECT 1 FROM invoices i WHERE i.customer_ref = c.id);

-- the rewrite: join a grouped derived table
-- near-miss: correlated-subquery-in-select
SELECT c.id, coalesce(t.n, 0) AS n
FROM customers c
LEFT JOIN (SELECT customer_ref, count(*) AS n FROM invoices GROUP BY customer_ref) t
	ON t.customer_ref = c.id
WHERE c.region = 'EU';

-- the subquery's own table shadows the outer name
-- near-miss: correlated-subquery-in-select
SELECT c.id, (SELECT max(c.id) FROM customers c) AS top_id
FROM customers c
WHERE c.region = 'EU';
