-- rename-column: sp_rename on a column.
BEGIN TRANSACTION;

-- expect: rename-column
EXEC sp_rename 'dbo.Users.Mail', 'Email', 'COLUMN';

-- near-miss: rename-column
EXEC sp_rename 'dbo.Users.IX_Users_Mail', 'IX_Users_Email', 'INDEX';

COMMIT TRANSACTION;
