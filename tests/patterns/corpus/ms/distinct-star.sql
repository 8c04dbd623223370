-- distinct-star: SELECT DISTINCT *.

-- expect: distinct-star, select-star
SELECT DISTINCT * FROM dbo.order_lines WHERE order_id = 7;

-- near-miss: distinct-star
SELECT DISTINCT product_id FROM dbo.order_lines WHERE order_id = 7;
