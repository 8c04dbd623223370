-- delete-without-where: a DELETE that removes every row.

-- expect: delete-without-where
DELETE FROM sessions;

-- expect: delete-without-where
DELETE FROM `app`.`sessions` -- WHERE user_id = 7
;

-- a multi-table DELETE without WHERE
-- expect: delete-without-where
DELETE s FROM sessions s JOIN users u ON u.id = s.user_id;

-- expect: delete-without-where
DELETE FROM sessions ORDER BY id LIMIT 1000;

-- near-miss: delete-without-where
DELETE FROM sessions WHERE expires_at < NOW();

-- near-miss: delete-without-where
DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.active = 0;
