-- null-comparison-equals (MySQL)

-- expect: null-comparison-equals
SELECT id FROM orders WHERE shipped_at = NULL;

-- expect: null-comparison-equals
UPDATE orders SET status = 'lost' WHERE `note` != NULL AND id = 3;

-- the NULL-safe operator is the right tool
-- near-miss: null-comparison-equals
SELECT id FROM orders WHERE shipped_at <=> NULL;

-- # comments are comments in MySQL
-- near-miss: null-comparison-equals
SELECT id FROM orders WHERE shipped_at IS NULL # AND note = NULL
;
