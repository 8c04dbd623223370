-- injection-suspect-function (MySQL)

-- expect: injection-suspect-function
SELECT id FROM users WHERE id = 1 AND SLEEP(5);

-- expect: injection-suspect-function
SELECT BENCHMARK(5000000, MD5('x'));

-- expect: injection-suspect-function
SELECT GET_LOCK('nightly-job', 10);

-- expect: injection-suspect-function
SELECT RELEASE_LOCK('nightly-job');

-- expect: injection-suspect-function
SELECT id FROM users WHERE id = -1 UNION SELECT LOAD_FILE('/etc/passwd');

-- near-miss: injection-suspect-function
SELECT u.id, u.sleep_hours, u.benchmark_score FROM users u WHERE u.id = 1;

-- near-miss: injection-suspect-function
SELECT id FROM audit_log WHERE payload = 'SLEEP(5)';
