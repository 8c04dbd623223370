-- udf-in-predicate: a stored function in WHERE / JOIN ON.

-- expect: udf-in-predicate, where-function-on-column
SELECT id FROM products WHERE fn_discount(price) > 10;

-- expect: udf-in-predicate
SELECT id FROM orders WHERE created_at > shop.fiscal_year_start(?);

-- near-miss: udf-in-predicate
SELECT id FROM orders WHERE created_at > NOW() - INTERVAL 1 DAY AND status = UPPER(?);

-- near-miss: udf-in-predicate
SELECT id, fn_discount(price) AS discount FROM products WHERE category_id = 4;
