-- outer-join-nullified-by-where (MySQL)

-- expect: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.status = 'paid';

-- an OR with IS NULL keeps the unmatched rows
-- near-miss: outer-join-nullified-by-where
SELECT c.id, o.total
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.status <=> 'paid' OR o.id IS NULL;
