-- update-without-where: an UPDATE that changes every row.

-- expect: update-without-where
UPDATE dbo.accounts SET balance = 0;

-- the WHERE was commented out
-- expect: update-without-where
UPDATE dbo.accounts SET balance = 0 /* WHERE id = 42 */;

-- joined through FROM, but nothing filters
-- expect: update-without-where
UPDATE a SET a.balance = 0
FROM dbo.accounts AS a
JOIN dbo.closures AS c ON c.account_id = a.id;

-- near-miss: update-without-where
UPDATE dbo.accounts SET balance = 0 WHERE id = @id;

-- near-miss: update-without-where
UPDATE TOP (100) dbo.jobs SET state = 'queued' WHERE state = 'new';
