-- having-without-aggregate: a HAVING condition without an aggregate
-- belongs in WHERE.

-- expect: having-without-aggregate
SELECT status, count(*) FROM orders
WHERE created_at > now() - interval '7 days'
GROUP BY status
HAVING status <> 'cancelled';

-- one conjunct of several
-- expect: having-without-aggregate
SELECT customer_id, sum(total) AS revenue
FROM orders
WHERE total > 0
GROUP BY customer_id
HAVING sum(total) > 1000 AND customer_id > 100;

-- in a subquery
-- expect: having-without-aggregate
SELECT c.name
FROM customers c
WHERE c.id IN (
	SELECT customer_id FROM orders
	WHERE total > 0
	GROUP BY customer_id
	HAVING customer_id <> 42
);

-- an aggregate condition
-- near-miss: having-without-aggregate
SELECT status, count(*) FROM orders
WHERE created_at > now() - interval '7 days'
GROUP BY status
HAVING count(*) > 10;

-- an aggregate in one branch of OR
-- near-miss: having-without-aggregate
SELECT customer_id FROM orders
WHERE total > 0
GROUP BY customer_id
HAVING sum(total) > 1000 OR max(total) > 500;

-- the condition already in WHERE
-- near-miss: having-without-aggregate
SELECT status, count(*) FROM orders
WHERE status <> 'cancelled'
GROUP BY status;
