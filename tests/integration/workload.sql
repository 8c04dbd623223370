-- Queries that scan exactly the indexes meant to be used; the planner is
-- forced onto index paths so that the usage counters are deterministic.
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SET enable_sort = off;
SELECT id FROM app.customers WHERE id = 42;
SELECT id FROM app.customers ORDER BY region, created_at DESC LIMIT 5;
SELECT id FROM app.orders WHERE id = 7;
SELECT count(*) FROM app.events WHERE created_on = date '2026-11-05';
SELECT * FROM app.products WHERE id = 3;
