--
-- examples/shop/wishlist.sql - the wishlist page, as the application sends
-- it: the ids of the products on the list are pasted into the text of an
-- IN list, so every length of list is a statement of its own for the
-- server (and for pg_stat_statements) instead of one parameterized
-- statement (WHERE id = ANY($1)).
--
-- Run after schema.sql, outside a transaction block:
--     psql -X -v ON_ERROR_STOP=1 -d shop -o /dev/null -f wishlist.sql
-- 60 customers look at their lists of 1 to 60 products; each list length
-- runs once.

SELECT format('SELECT id, name, price_cents FROM products WHERE id IN (%s)',
              string_agg((1 + (n * 37 + k * 13) % 480)::text, ', ' ORDER BY k))
FROM generate_series(1, 60) AS n
CROSS JOIN LATERAL generate_series(1, n) AS k
GROUP BY n
ORDER BY n
\gexec
