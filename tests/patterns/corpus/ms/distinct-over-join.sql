-- distinct-over-join (extended): DISTINCT undoing a join's fan-out.

-- expect: distinct-over-join
SELECT DISTINCT c.id, c.name
FROM dbo.customers AS c
JOIN dbo.orders AS o ON o.customer_id = c.id
WHERE o.total > 100;

-- near-miss: distinct-over-join
SELECT DISTINCT c.name, o.status
FROM dbo.customers AS c
JOIN dbo.orders AS o ON o.customer_id = c.id
WHERE o.total > 100;
