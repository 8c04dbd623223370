-- udf-in-predicate: a user-defined function in WHERE / JOIN ON.

-- with a column argument it also wraps the column
-- expect: udf-in-predicate, where-function-on-column
SELECT id FROM orders WHERE order_risk(id) > 0.8;

-- a boolean function as the predicate, schema-qualified
-- expect: udf-in-predicate
SELECT id FROM invoices WHERE billing.is_overdue(due_date, $1);

-- on the constant side
-- expect: udf-in-predicate
SELECT id FROM orders WHERE created_at > fiscal_year_start($1);

-- in a JOIN condition
-- expect: udf-in-predicate
SELECT o.id
FROM orders o
JOIN shops s ON s.id = o.shop_id AND tenant_visible(s.tenant_id)
WHERE o.total > 100;

-- built-in functions are fine
-- near-miss: udf-in-predicate
SELECT id FROM orders WHERE created_at > now() - interval '1 day' AND status = upper($1);

-- a UDF in the select list or ORDER BY is not a predicate
-- near-miss: udf-in-predicate
SELECT id, order_risk(id) AS risk FROM orders WHERE total > 1000 ORDER BY order_risk(id) DESC;

-- a set-returning UDF in FROM is not a predicate either
-- near-miss: udf-in-predicate
SELECT r.id FROM open_orders_for($1) AS r WHERE r.total > 100;
