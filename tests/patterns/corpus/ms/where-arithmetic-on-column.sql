-- where-arithmetic-on-column: arithmetic or + concatenation on the column.

-- expect: where-arithmetic-on-column
SELECT id FROM dbo.order_lines WHERE quantity * unit_price > 1000;

-- (the columns' nullability is unknown here: concat-nullable too)
-- expect: where-arithmetic-on-column, concat-nullable
SELECT id FROM dbo.people WHERE first_name + ' ' + last_name = 'Ann Lee';

-- near-miss: where-arithmetic-on-column
SELECT id FROM dbo.order_lines WHERE unit_price > @limit / 2;

-- near-miss: where-arithmetic-on-column
SELECT quantity * unit_price AS amount FROM dbo.order_lines WHERE order_id = @id;
