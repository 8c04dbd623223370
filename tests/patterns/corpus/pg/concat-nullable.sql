-- concat-nullable (extended): '||' over a column that may be NULL.

CREATE TABLE IF NOT EXISTS people (
	id bigint PRIMARY KEY,
	first_name text NOT NULL,
	middle_name text,
	last_name text NOT NULL
);

-- expect: concat-nullable
SELECT first_name || ' ' || middle_name || ' ' || last_name AS full_name
FROM people
WHERE id = 1;

-- qualified reference
-- expect: concat-nullable
SELECT p.id, p.last_name || ', ' || p.middle_name AS sort_name
FROM people p
WHERE p.id > 100;

-- a table not created in this input: nullability unknown
-- expect: concat-nullable
SELECT code || '-' || suffix AS sku FROM products WHERE id = 7;

-- a cast keeps the NULL
-- expect: concat-nullable
SELECT 'order ' || o.ref_no::text AS label FROM orders o WHERE o.id = 3;

-- near-miss: concat-nullable
SELECT first_name || ' ' || last_name AS full_name FROM people WHERE id = 1;

-- near-miss: concat-nullable
SELECT first_name || ' ' || COALESCE(middle_name || ' ', '') || last_name
FROM people
WHERE id = 2;

-- the primary key is never NULL
-- near-miss: concat-nullable
SELECT 'person #' || id::text AS label FROM people WHERE id = 3;

-- PostgreSQL's concat() skips NULL arguments
-- near-miss: concat-nullable
SELECT concat(first_name, ' ', middle_name, ' ', last_name) FROM people WHERE id = 4;

-- the whole result is guarded
-- near-miss: concat-nullable
SELECT COALESCE(code || '-' || suffix, code) AS sku FROM products WHERE id = 8;
