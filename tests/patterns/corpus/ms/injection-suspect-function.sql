-- injection-suspect-function (SQL Server)

-- expect: injection-suspect-function
WAITFOR DELAY '00:00:05';

-- expect: injection-suspect-function
EXEC xp_cmdshell 'whoami';

-- expect: injection-suspect-function
EXEC master..xp_cmdshell 'dir C:\';

-- near-miss: injection-suspect-function
SELECT id, waitfor_seconds FROM dbo.jobs WHERE id = 1;

-- near-miss: injection-suspect-function
SELECT id FROM dbo.audit_log WHERE payload = 'EXEC xp_cmdshell ''dir''';
