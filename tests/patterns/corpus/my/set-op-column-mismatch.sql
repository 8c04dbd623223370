-- set-op-column-mismatch (MySQL)

-- expect: set-op-column-mismatch
SELECT id, name FROM customers WHERE region = 'EU'
UNION ALL
SELECT id FROM suppliers WHERE region = 'EU';

-- near-miss: set-op-column-mismatch
SELECT id, name FROM customers WHERE region = 'EU'
UNION ALL
SELECT id, name FROM suppliers WHERE region = 'EU';
