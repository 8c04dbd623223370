-- update-set-with-and (MySQL)

-- expect: update-set-with-and
UPDATE users SET plan = 'pro' AND seats = 5 WHERE id = 9;

-- in ON DUPLICATE KEY UPDATE
-- expect: update-set-with-and
INSERT INTO users (id, plan, seats) VALUES (1, 'pro', 5)
ON DUPLICATE KEY UPDATE plan = VALUES(plan) AND seats = VALUES(seats);

-- near-miss: update-set-with-and
UPDATE users SET plan = 'pro', seats = 5 WHERE id = 9;

-- multi-table UPDATE with a proper list
-- near-miss: update-set-with-and
UPDATE users u JOIN teams t ON t.id = u.team_id
SET u.plan = t.plan, u.seats = t.seats
WHERE t.id = 3;
