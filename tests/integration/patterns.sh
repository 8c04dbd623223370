#!/usr/bin/env bash
# shellcheck disable=SC1091,SC2016,SC2034
# ip-collect | ip-patterns against a real PostgreSQL 15: statement records
# and generic plans (ip-collect --plans) of a workload that has an N+1, an
# unparameterized query, a cross join and a DELETE without WHERE, and the
# assurance that collecting plans executes nothing.
set -u
TEST_NAME=patterns
. "$(dirname "$0")/../lib/test-lib.sh"
. "$TEST_ROOT/tests/lib/pg.sh"

PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/ip-pg.XXXXXX")
trap 'ip_pg_stop; test_cleanup_trash' EXIT
if ! ip_pg_start "$PGDIR"; then
	echo "patterns: error: cannot start PostgreSQL" >&2
	exit 1
fi

load() {
	ip_psql -c "CREATE DATABASE shop" &&
	ip_psql -d shop <<'SQL'
CREATE EXTENSION pg_stat_statements;
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL,
	status text NOT NULL, total numeric NOT NULL);
CREATE TABLE audit (id bigserial PRIMARY KEY, note text);
INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 2000) g;
INSERT INTO orders SELECT g, 1 + g % 2000, CASE WHEN g % 10 = 0 THEN 'open' ELSE 'done' END, g
	FROM generate_series(1, 20000) g;
ANALYZE;
SELECT pg_stat_statements_reset();
SQL
}
if ! load; then
	echo "patterns: error: cannot load the fixture" >&2
	exit 1
fi

# The application: a page that lists open orders, then looks up each
# order's customer one by one (bind parameters, like a driver), a report
# with a forgotten join condition, ids pasted into the text, and a purge.
workload() {
	{
		echo "PREPARE parent(text) AS SELECT id, customer_id FROM orders WHERE status = \$1;"
		echo "PREPARE child(bigint) AS SELECT name FROM customers WHERE id = \$1;"
		echo "EXECUTE parent('open');"
		# one child call per parent row (2,000 open orders)
		for i in $(seq 1 2000); do
			echo "EXECUTE child($((1 + i % 2000)));"
		done
		# IN lists of 1 to 60 pasted ids: 60 queryids, one shape
		for i in $(seq 1 60); do
			echo "SELECT total FROM orders WHERE id IN ($(seq -s, 1 "$i"));"
		done
		echo "SELECT c.name, o.total FROM customers c, orders o WHERE o.total > 19990;"
		echo "DELETE FROM audit;"
	} | ip_psql -q -d shop >/dev/null
}
if ! workload; then
	echo "patterns: error: cannot run the workload" >&2
	exit 1
fi

test_expect_success 'ip-collect --plans writes generic plans of the top SELECTs' '
	ip-collect --plans=20 -d shop >facts.ndjson &&
	jqe "select(.type == \"plan\") | .generic == true and (.plan | type) == \"array\" and (.queryid | length) > 0" facts.ndjson &&
	test "$(jq -r "select(.type == \"plan\") | .queryid" facts.ndjson | wc -l)" -ge 3 &&
	test "$(jq -r "select(.type == \"plan\") | .query" facts.ndjson | grep -ci "delete")" = 0
'

test_expect_success 'collecting plans executes nothing and leaves no prepared statement' '
	before=$(ip_psql -d shop -Atc "SELECT count(*) FROM audit") &&
	ip-collect --plans=20 -d shop >/dev/null &&
	ip_psql -d shop -Atc "SELECT count(*) FROM pg_prepared_statements" >prepared &&
	echo 0 >expect && test_cmp expect prepared &&
	test "$(ip_psql -d shop -Atc "SELECT count(*) FROM audit")" = "$before"
'

test_expect_success 'ip-collect | ip-patterns: SQL rules by queryid, N+1, literals, plans' '
	ip-patterns facts.ndjson >out &&
	jqe "select(.rule == \"delete-without-where\") | (.evidence.queryid | length) > 0 and .src.database == \"shop\"" out &&
	jqe "select(.rule == \"n-plus-one-query\") | (.evidence.child.query | test(\"customers\")) and (.evidence.parent.query | test(\"status\"))" out &&
	jqe "select(.rule == \"unparameterized-query\") | .evidence.count >= 50" out &&
	jqe "select(.rule == \"missing-join-condition\") | (.evidence.queryid | length) > 0" out &&
	jqe "select(.rule == \"plan-no-join-predicate\") | (.evidence.queryid | length) > 0" out
'

test_expect_success 'a role that may not prepare still collects: no plans, no failure' '
	ip_psql -d shop -c "CREATE ROLE reader LOGIN; GRANT pg_monitor TO reader" >/dev/null &&
	PGUSER=reader ip-collect --plans=5 -d shop >r.ndjson &&
	test "$(jq -r "select(.type == \"statement\") | .queryid" r.ndjson | wc -l)" -ge 3
'

test_done
