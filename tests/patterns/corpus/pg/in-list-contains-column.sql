-- in-list-contains-column: the tested column inside its own IN list.

CREATE TABLE IF NOT EXISTS sessions (
	id bigint PRIMARY KEY,
	user_id bigint NOT NULL,
	token text NOT NULL,
	active boolean NOT NULL
);

-- expect: in-list-contains-column
DELETE FROM sessions WHERE id IN (101, 102, id);

-- expect: in-list-contains-column
SELECT s.id FROM sessions s WHERE s.user_id IN (7, 8, s.user_id) AND s.active;

-- NOT IN with the column itself is never true
-- expect: in-list-contains-column
UPDATE sessions SET active = false WHERE user_id NOT IN (3, user_id);

-- qualified and unqualified spellings of one column
-- expect: in-list-contains-column
SELECT sessions.id FROM sessions WHERE sessions.user_id IN (1, user_id);

-- quoted identifier
-- expect: in-list-contains-column
SELECT "s".id FROM sessions AS "s" WHERE "s".token IN ('a', 'b', "s".token);

-- one value tested against two columns is a normal idiom
-- near-miss: in-list-contains-column
SELECT id FROM documents WHERE 42 IN (owner_id, editor_id);

-- other columns in the list
-- near-miss: in-list-contains-column
SELECT d.id FROM documents d WHERE d.owner_id IN (d.editor_id, d.reviewer_id);

-- the same column name of another table
-- near-miss: in-list-contains-column
SELECT d.id FROM documents d
JOIN sessions s ON s.id = d.session_id
WHERE d.user_id IN (1, 2, s.user_id);

-- column names inside string literals
-- near-miss: in-list-contains-column
SELECT id FROM sessions WHERE token IN ('token', 'user_id');
