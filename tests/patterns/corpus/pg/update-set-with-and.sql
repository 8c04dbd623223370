-- update-set-with-and: assignments joined with AND instead of commas.

CREATE TABLE IF NOT EXISTS users (
	id bigint PRIMARY KEY,
	plan text NOT NULL,
	seats integer NOT NULL,
	max_seats integer NOT NULL,
	verified boolean NOT NULL,
	active boolean NOT NULL,
	eligible boolean
);

-- expect: update-set-with-and
UPDATE users SET plan = 'pro' AND seats = 5 WHERE id = 9;

-- three assignments, two of them swallowed
-- expect: update-set-with-and
UPDATE users SET active = true AND plan = 'free' AND seats = 1 WHERE id = 10;

-- a column on the left of the first AND
-- expect: update-set-with-and
UPDATE users SET seats = max_seats AND plan = 'team' WHERE id = 11;

-- inside a data-modifying CTE
-- expect: update-set-with-and
WITH upd AS (
	UPDATE users SET plan = 'pro' AND seats = 5 WHERE id = 12 RETURNING id
)
SELECT id FROM upd WHERE id > 0;

-- near-miss: update-set-with-and
UPDATE users SET plan = 'pro', seats = 5 WHERE id = 9;

-- a real boolean expression
-- near-miss: update-set-with-and
UPDATE users SET eligible = seats > 2 AND plan = 'team' WHERE id = 13;

-- boolean columns combined on purpose
-- near-miss: update-set-with-and
UPDATE users SET eligible = verified AND active WHERE id = 14;

-- AND in the WHERE clause
-- near-miss: update-set-with-and
UPDATE users SET plan = 'pro' WHERE id = 15 AND seats = 5;

-- parenthesised on purpose
-- near-miss: update-set-with-and
UPDATE users SET eligible = (verified AND plan = 'team') WHERE id = 16;

-- the SET list of ON CONFLICT DO UPDATE
-- expect: update-set-with-and
INSERT INTO users (id, plan, seats, max_seats, verified, active)
VALUES (1, 'pro', 5, 10, true, true)
ON CONFLICT (id) DO UPDATE SET plan = excluded.plan AND seats = excluded.seats;
