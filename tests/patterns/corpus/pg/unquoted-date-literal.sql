-- unquoted-date-literal: 2010-02-12 without quotes is 2010 - 2 - 12.

-- expect: unquoted-date-literal
SELECT id FROM orders WHERE created_at < 2010-02-12;

-- expect: unquoted-date-literal
SELECT id, total
FROM orders
WHERE created_at BETWEEN 2024-01-01 AND 2024-12-31;

-- expect: unquoted-date-literal
INSERT INTO holidays (day, label) VALUES (2023-12-25, 'Christmas');

-- expect: unquoted-date-literal
UPDATE subscriptions SET ends_on = 2025-6-30 WHERE plan = 'trial';

-- near-miss: unquoted-date-literal
SELECT id FROM orders WHERE created_at < '2010-02-12';

-- near-miss: unquoted-date-literal
SELECT id FROM orders WHERE created_at < DATE '2010-02-12';

-- a hyphenated code inside quotes is not a date
-- near-miss: unquoted-date-literal
SELECT id FROM parts WHERE sku = 'MD6500-26' AND made_on >= '2010-02-12'::date;

-- ordinary subtraction
-- near-miss: unquoted-date-literal
SELECT id, qty - 1 - 2 AS left_over FROM stock WHERE qty > 3;

-- not a valid month
-- near-miss: unquoted-date-literal
SELECT id FROM ledger WHERE amount = 2010-13-45;

-- the date only appears in a comment: before 2010-02-12
-- near-miss: unquoted-date-literal
SELECT id FROM orders WHERE created_at < now() - interval '30 days';
