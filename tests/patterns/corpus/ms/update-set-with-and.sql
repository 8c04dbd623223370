-- update-set-with-and (SQL Server)

-- expect: update-set-with-and
UPDATE dbo.users SET plan_name = 'pro' AND seats = 5 WHERE id = 9;

-- near-miss: update-set-with-and
UPDATE dbo.users SET plan_name = 'pro', seats = 5 WHERE id = 9;
