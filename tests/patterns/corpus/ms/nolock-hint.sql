-- nolock-hint: dirty reads through NOLOCK / READUNCOMMITTED.

-- expect: nolock-hint
SELECT o.id, o.total
FROM dbo.orders AS o WITH (NOLOCK)
WHERE o.customer_id = 42;

-- expect: nolock-hint
SELECT o.id, c.name
FROM dbo.orders o WITH (READUNCOMMITTED)
JOIN dbo.customers c WITH (NOLOCK) ON c.id = o.customer_id
WHERE o.id = 7;

-- the old form without WITH
-- expect: nolock-hint
SELECT id FROM dbo.orders (NOLOCK) WHERE id = 1;

-- expect: nolock-hint
SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED;

-- several hints: NOLOCK and an index hint
-- expect: nolock-hint, optimizer-hint
SELECT id FROM [dbo].[orders] WITH (NOLOCK, INDEX(ix_orders_status)) WHERE status = 'open';

-- near-miss: nolock-hint
SELECT id FROM dbo.orders WITH (ROWLOCK) WHERE id = 1;

-- near-miss: nolock-hint
UPDATE dbo.orders WITH (UPDLOCK) SET status = 'paid' WHERE id = 1;

-- near-miss: nolock-hint
SET TRANSACTION ISOLATION LEVEL READ COMMITTED;

-- near-miss: nolock-hint
SET TRANSACTION ISOLATION LEVEL SNAPSHOT;

-- the word in a comment and a string
-- near-miss: nolock-hint
SELECT id /* WITH (NOLOCK) */ FROM dbo.notes WHERE body = 'WITH (NOLOCK)';
