-- identity-global-function: @@IDENTITY is not scoped to the statement.

-- expect: identity-global-function
SELECT @@IDENTITY AS new_id;

-- expect: identity-global-function
INSERT INTO dbo.order_lines (order_id, sku) VALUES (@@identity, 'A-1');

-- expect: identity-global-function
SELECT id FROM dbo.orders WHERE id = @@IDENTITY;

-- near-miss: identity-global-function
SELECT SCOPE_IDENTITY() AS new_id;

-- near-miss: identity-global-function
SELECT '@@IDENTITY' AS txt, @identity AS local_var;

-- near-miss: identity-global-function
SELECT @@ROWCOUNT AS n;

-- expect: identity-global-function
SET @new_id = @@identity;

-- near-miss: identity-global-function
SET @new_id = SCOPE_IDENTITY();
