-- optimizer-hint: INDEX()/FORCESEEK table hints, join hints and OPTION
-- query hints that pin the plan.

-- expect: optimizer-hint
SELECT id FROM dbo.orders WITH (INDEX(ix_orders_created)) WHERE created_at > @since;

-- expect: optimizer-hint
SELECT id FROM dbo.orders WITH (FORCESEEK) WHERE customer_id = @customer;

-- expect: optimizer-hint
SELECT o.id
FROM dbo.orders AS o
INNER HASH JOIN dbo.customers AS c ON c.id = o.customer_id
WHERE c.country = 'DE';

-- expect: optimizer-hint
SELECT o.id
FROM dbo.orders AS o
JOIN dbo.customers AS c ON c.id = o.customer_id
WHERE c.country = 'DE'
OPTION (LOOP JOIN);

-- expect: optimizer-hint
SELECT o.id
FROM dbo.orders AS o
JOIN dbo.customers AS c ON c.id = o.customer_id
WHERE c.country = 'DE'
OPTION (FORCE ORDER, MAXDOP 1);

-- locking hints are not plan hints
-- near-miss: optimizer-hint
SELECT id FROM dbo.orders WITH (ROWLOCK, UPDLOCK) WHERE id = @id;

-- near-miss: optimizer-hint
SELECT id FROM dbo.orders WHERE customer_id = @customer OPTION (RECOMPILE);

-- near-miss: optimizer-hint
SELECT id FROM dbo.orders WHERE customer_id = @customer OPTION (MAXDOP 4);

-- NOLOCK is its own rule
-- expect: nolock-hint
-- near-miss: optimizer-hint
SELECT id FROM dbo.orders WITH (NOLOCK) WHERE customer_id = @customer;
