-- always-true-predicate: tautologies that disable a WHERE / ON filter.

CREATE TABLE IF NOT EXISTS carts (
	id bigint PRIMARY KEY,
	user_id bigint NOT NULL,
	status text NOT NULL,
	updated_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS cart_items (
	id bigint PRIMARY KEY,
	cart_id bigint NOT NULL,
	sku text NOT NULL,
	added_at timestamptz NOT NULL
);

-- expect: always-true-predicate
DELETE FROM carts WHERE user_id = 42 OR 1 = 1;

-- the whole condition
-- expect: always-true-predicate
SELECT id FROM carts WHERE 1 = 1;

-- OR TRUE inside a parenthesised group
-- expect: always-true-predicate
UPDATE carts SET status = 'expired'
WHERE (updated_at < now() - interval '30 days' OR TRUE) AND status = 'open';

-- a column compared with itself
-- expect: always-true-predicate
SELECT c.id, i.sku FROM carts c
JOIN cart_items i ON i.cart_id = c.id
WHERE c.status = c.status;

-- ON 1 = 1 on an ordinary join
-- expect: always-true-predicate
SELECT c.id, i.sku FROM carts c
JOIN cart_items i ON 1 = 1
WHERE c.status = 'open';

-- OR with equal string literals
-- expect: always-true-predicate
SELECT id FROM carts WHERE status = 'open' OR 'a' = 'a';

-- in a subquery
-- expect: always-true-predicate
SELECT c.id FROM carts c
WHERE c.id IN (SELECT i.cart_id FROM cart_items i WHERE i.sku = 'X1' OR TRUE);

-- the query-builder idiom
-- near-miss: always-true-predicate
SELECT id FROM carts WHERE 1 = 1 AND user_id = 42;

-- ON TRUE of a LATERAL join
-- near-miss: always-true-predicate
SELECT c.id, last_item.sku
FROM carts c
LEFT JOIN LATERAL (SELECT i.sku FROM cart_items i
		   WHERE i.cart_id = c.id
		   ORDER BY i.added_at DESC
		   LIMIT 1) AS last_item ON TRUE
WHERE c.status = 'open';

-- two different columns
-- near-miss: always-true-predicate
SELECT c.id, i.sku FROM carts c, cart_items i WHERE c.id = i.cart_id AND c.user_id = 3;

-- an optional filter on a parameter
-- near-miss: always-true-predicate
SELECT id FROM carts WHERE user_id = $1 OR $1 IS NULL;

-- the pattern only in a string literal
-- near-miss: always-true-predicate
SELECT id, 'OR 1 = 1' AS probe FROM carts WHERE user_id = 7;
