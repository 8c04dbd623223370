-- in-list-contains-column (MySQL)

-- expect: in-list-contains-column
DELETE FROM sessions WHERE `id` IN (5, 6, `id`);

-- near-miss: in-list-contains-column
DELETE FROM sessions WHERE id IN (5, 6, 7);
