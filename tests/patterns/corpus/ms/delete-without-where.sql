-- delete-without-where: a DELETE that removes every row.

-- expect: delete-without-where
DELETE FROM dbo.sessions;

-- TOP limits the count, not which rows
-- expect: delete-without-where
DELETE TOP (1000) FROM dbo.sessions;

-- expect: delete-without-where
DELETE s FROM dbo.sessions AS s JOIN dbo.users AS u ON u.id = s.user_id;

-- near-miss: delete-without-where
DELETE FROM dbo.sessions WHERE expires_at < SYSUTCDATETIME();

-- near-miss: delete-without-where
DELETE s FROM dbo.sessions AS s JOIN dbo.users AS u ON u.id = s.user_id WHERE u.active = 0;
