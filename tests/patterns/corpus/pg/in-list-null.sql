-- in-list-null: a NULL literal inside an IN / NOT IN list.

CREATE TABLE IF NOT EXISTS tickets (
	id bigint PRIMARY KEY,
	parent_id bigint,
	status text,
	priority integer NOT NULL,
	assignee_id bigint
);

-- expect: in-list-null
SELECT id FROM tickets WHERE status IN ('open', NULL);

-- NOT IN with a NULL is never true
-- expect: in-list-null
SELECT id FROM tickets WHERE priority NOT IN (1, 2, NULL) AND status = 'open';

-- expect: in-list-null
UPDATE tickets SET status = 'closed' WHERE assignee_id IN (NULL);

-- inside a correlated subquery
-- expect: in-list-null
SELECT t.id FROM tickets t
WHERE EXISTS (SELECT 1 FROM tickets p
	      WHERE p.id = t.parent_id AND p.status IN ('done', NULL));

-- NULL rows tested the right way
-- near-miss: in-list-null
SELECT id FROM tickets WHERE status IN ('open', 'held') OR status IS NULL;

-- the string 'NULL' is a value
-- near-miss: in-list-null
SELECT id FROM tickets WHERE status IN ('NULL', 'none');

-- a NULL in VALUES, not in an IN list
-- near-miss: in-list-null
INSERT INTO tickets (id, parent_id, status, priority, assignee_id)
VALUES (5, NULL, 'open', 1, NULL);

-- the pattern only in a comment
-- near-miss: in-list-null
SELECT id FROM tickets WHERE priority IN (1, 2) /* IN (NULL) */;

-- a subquery list is another rule's business
-- near-miss: in-list-null
SELECT id FROM tickets
WHERE assignee_id IN (SELECT t.assignee_id FROM tickets t WHERE t.priority = 1);
