-- order-by-constant (SQL Server)

-- expect: order-by-constant
SELECT id, name FROM dbo.products WHERE category_id = 4 ORDER BY category_id;

-- ORDER BY (SELECT NULL) is the idiom for "no particular order"
-- near-miss: order-by-constant
SELECT id FROM dbo.products WHERE active = 1
ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT 10 ROWS ONLY;
