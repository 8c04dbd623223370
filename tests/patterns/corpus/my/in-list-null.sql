-- in-list-null (MySQL)

-- expect: in-list-null
SELECT id FROM tickets WHERE status NOT IN ('closed', NULL);

-- near-miss: in-list-null
SELECT id FROM tickets WHERE status NOT IN ('closed', 'NULL');
