-- sp-prefix-procedure: user procedures named sp_*.

-- expect: sp-prefix-procedure
CREATE OR ALTER PROCEDURE dbo.sp_get_orders @customer bigint AS
SELECT id FROM dbo.orders WHERE customer_id = @customer;
GO

-- expect: sp-prefix-procedure
CREATE OR ALTER PROC [dbo].[SP_Cleanup] AS
DELETE FROM dbo.sessions WHERE expires_at < SYSUTCDATETIME();
GO

-- near-miss: sp-prefix-procedure
CREATE OR ALTER PROCEDURE dbo.usp_get_orders @customer bigint AS
SELECT id FROM dbo.orders WHERE customer_id = @customer;
GO

-- no underscore: not the system prefix
-- near-miss: sp-prefix-procedure
CREATE OR ALTER PROCEDURE dbo.spGetOrders @customer bigint AS
SELECT id FROM dbo.orders WHERE customer_id = @customer;
GO

-- calling a system procedure is fine
-- near-miss: sp-prefix-procedure
EXEC sp_help 'dbo.orders';
GO
