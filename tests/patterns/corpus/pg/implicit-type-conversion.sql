-- implicit-type-conversion: the column side must be converted. In
-- PostgreSQL an integer column compared with a numeric literal is cast to
-- numeric for every row, and its B-tree index is not used.

CREATE TABLE IF NOT EXISTS orders (
	id bigint PRIMARY KEY,
	customer_id integer NOT NULL,
	qty smallint NOT NULL,
	code varchar(20) NOT NULL,
	total numeric(12, 2) NOT NULL
);

-- expect: implicit-type-conversion
SELECT total FROM orders WHERE id = 42.0;

-- expect: implicit-type-conversion
SELECT id FROM orders WHERE customer_id IN (10.0, 11.5);

-- qualified, literal on the left
-- expect: implicit-type-conversion
SELECT o.id FROM orders o WHERE 2.5 < o.qty;

-- a cast to numeric
-- expect: implicit-type-conversion
SELECT id FROM orders WHERE customer_id = '7'::numeric;

-- expect: implicit-type-conversion
UPDATE orders SET total = 0 WHERE customer_id BETWEEN 1.5 AND 9.5;

-- integer literal for an integer column
-- near-miss: implicit-type-conversion
SELECT total FROM orders WHERE id = 42;

-- a quoted number: the constant is converted, not the column
-- near-miss: implicit-type-conversion
SELECT total FROM orders WHERE id = '42';

-- numeric column, numeric literal
-- near-miss: implicit-type-conversion
SELECT id FROM orders WHERE total = 10.0;

-- near-miss: implicit-type-conversion
SELECT id FROM orders WHERE code = 'A-100' AND customer_id = $1;

-- a table not created in this input: no type information
-- near-miss: implicit-type-conversion
SELECT id FROM shipments WHERE parcel_no = 1.5;
