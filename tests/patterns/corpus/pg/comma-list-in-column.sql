-- comma-list-in-column: several values kept in one string column.
SET lock_timeout = '5s';

-- expect: comma-list-in-column, leading-wildcard-like
SELECT a.id, a.title
FROM articles AS a
WHERE a.tag_ids LIKE '%,42,%'
ORDER BY a.id;

-- the usual trick to also match the first and the last element
-- expect: comma-list-in-column, leading-wildcard-like, where-arithmetic-on-column, concat-nullable
SELECT p.id
FROM products p
WHERE ',' || p.category_ids || ',' LIKE '%,' || $1 || ',%';

-- expect: comma-list-in-column
SELECT u.id, u.name
FROM users u
WHERE $1 = ANY (string_to_array(u.role_list, ','));

-- inside a CTE
-- expect: comma-list-in-column, leading-wildcard-like
WITH tagged AS (
    SELECT a.id FROM articles a WHERE a.tag_ids LIKE '%,' || $1::text || ',%'
)
SELECT t.id FROM tagged t ORDER BY t.id;

-- expect: comma-list-in-column
CREATE TABLE IF NOT EXISTS posts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    tag_ids varchar(500)
);

-- expect: comma-list-in-column
ALTER TABLE public.users ADD COLUMN IF NOT EXISTS group_ids text;

-- a comma inside an ordinary search
-- near-miss: comma-list-in-column
SELECT c.id FROM companies c WHERE c.legal_name = 'Acme, Inc';

-- near-miss: comma-list-in-column
CREATE TABLE IF NOT EXISTS posts_v2 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tag_ids bigint[] NOT NULL DEFAULT '{}'
);

-- splitting a parameter, not a column, is how lists are passed in
-- near-miss: comma-list-in-column
SELECT t.id, t.name FROM tags t WHERE t.id = ANY (string_to_array($1, ',')::bigint[]);

-- near-miss: comma-list-in-column
SELECT 'WHERE tag_ids LIKE ''%,42,%''' AS example_sql;

-- near-miss: comma-list-in-column
SELECT a.id FROM articles a /* WHERE a.tag_ids LIKE '%,42,%' */ WHERE a.id = $1;

-- a column whose name ends in _ids but holds a number
-- near-miss: comma-list-in-column
ALTER TABLE public.users ADD COLUMN IF NOT EXISTS max_ids integer;
