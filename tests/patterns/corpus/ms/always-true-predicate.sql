-- always-true-predicate (SQL Server)

-- expect: always-true-predicate
DELETE FROM dbo.carts WHERE user_id = 42 OR 1 = 1;

-- CROSS APPLY has no ON clause at all
-- near-miss: always-true-predicate
SELECT c.id, x.sku
FROM dbo.carts c
CROSS APPLY (SELECT TOP (1) i.sku FROM dbo.cart_items i
	     WHERE i.cart_id = c.id ORDER BY i.added_at DESC) AS x
WHERE 1 = 1 AND c.status = 'open';
