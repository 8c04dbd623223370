-- unquoted-date-literal (MySQL)

-- expect: unquoted-date-literal
SELECT id FROM orders WHERE created_at >= 2024-03-01;

-- near-miss: unquoted-date-literal
SELECT id FROM orders WHERE created_at >= '2024-03-01';
