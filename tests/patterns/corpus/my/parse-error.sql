-- expect: parse-error
SELEC id FROM orders WHERE id = 1;

-- near-miss: parse-error
SELECT `id` FROM orders WHERE id = 1;

-- expect: parse-error
SELECT id FROM orders WHERE id = = 2;

-- near-miss: parse-error
SELECT id FROM orders WHERE id <=> 2;
