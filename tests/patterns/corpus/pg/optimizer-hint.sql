-- optimizer-hint: pg_hint_plan comments pin the plan.

-- expect: optimizer-hint
/*+ SeqScan(o) */ SELECT id FROM orders o WHERE status = 'new';

-- expect: optimizer-hint
/*+ HashJoin(o c) Leading((o c)) */ SELECT o.id
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE c.country = 'DE';

-- the hint after the SELECT keyword
-- expect: optimizer-hint
SELECT /*+ IndexScan(orders orders_pkey) */ id FROM orders WHERE id = $1;

-- expect: optimizer-hint
/*+ Set(enable_nestloop off) NestLoop(a b) */ UPDATE accounts a SET flagged = true
FROM blocked b
WHERE b.account_id = a.id;

-- an ordinary block comment
-- near-miss: optimizer-hint
/* IndexScan(orders) */ SELECT id FROM orders WHERE id = $1;

-- hint text inside a string literal
-- near-miss: optimizer-hint
SELECT id FROM notes WHERE body = '/*+ SeqScan(t) */';

-- a planner setting is not a hint comment
-- near-miss: optimizer-hint
SET enable_seqscan = off;
