-- nondeterministic-function-replication: functions that replicas evaluate
-- again under statement-based replication.

-- expect: nondeterministic-function-replication
INSERT INTO sessions (id, user_id, created_at) VALUES (UUID(), 42, NOW());

-- expect: nondeterministic-function-replication
UPDATE accounts SET token = RAND() WHERE id = 7;

-- SYSDATE() anywhere
-- expect: nondeterministic-function-replication
SELECT id FROM events WHERE created_at > SYSDATE() - INTERVAL 1 DAY;

-- expect: nondeterministic-function-replication
INSERT INTO audit_log (actor, action) VALUES (USER(), 'login');

-- expect: nondeterministic-function-replication
DELETE FROM queue WHERE id = UUID_SHORT();

-- in the SELECT of an INSERT ... SELECT
-- expect: nondeterministic-function-replication
INSERT INTO samples (order_id, weight)
SELECT o.id, RAND() FROM orders o WHERE o.status = 'paid';

-- near-miss: nondeterministic-function-replication
INSERT INTO sessions (id, user_id, created_at) VALUES (?, 42, NOW());

-- a plain SELECT is not replicated
-- near-miss: nondeterministic-function-replication
SELECT UUID() AS id;

-- a variable set first is logged with its value
-- near-miss: nondeterministic-function-replication
SET @token = UUID();

-- near-miss: nondeterministic-function-replication
INSERT INTO sessions (id, user_id, created_at) VALUES (@token, 42, NOW());

-- columns named like the functions
-- near-miss: nondeterministic-function-replication
INSERT INTO logins (`user`, uuid, rand) VALUES ('bob', 'a-b', 3);
