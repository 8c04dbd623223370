-- truncate-cascade: TRUNCATE ... CASCADE empties the referencing tables too.

SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- expect: truncate-cascade
TRUNCATE customers CASCADE;

-- expect: truncate-cascade
TRUNCATE TABLE ONLY orders, order_lines RESTART IDENTITY CASCADE;

-- near-miss: truncate-cascade
TRUNCATE customers;

-- near-miss: truncate-cascade
TRUNCATE TABLE staging.import_rows RESTRICT;

-- the words inside a string literal
-- near-miss: truncate-cascade
SELECT id FROM audit_log WHERE query_text = 'TRUNCATE customers CASCADE';
