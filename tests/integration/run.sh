#!/usr/bin/env bash
# shellcheck disable=SC1091,SC2016,SC2034
# Integration tests against a real PostgreSQL 15 that this script starts
# (as an unprivileged user when run as root) and always stops.
set -u
TEST_NAME=integration
. "$(dirname "$0")/../lib/test-lib.sh"
. "$TEST_ROOT/tests/lib/pg.sh"

HERE=$TEST_ROOT/tests/integration
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/ip-pg.XXXXXX")
trap 'ip_pg_stop; test_cleanup_trash' EXIT
if ! ip_pg_start "$PGDIR"; then
	echo "integration: cannot start PostgreSQL" >&2
	exit 1
fi

# The fixture database: every case and near-miss of the hygiene rules.
load_fixture() {
	ip_psql -c "CREATE DATABASE fixture" &&
	ip_psql -d fixture -f "$HERE/fixture.sql" &&
	# expected to fail: it leaves the invalid index behind
	! ip_psql -d fixture -f "$HERE/invalid-index.sql" 2>/dev/null &&
	ip_psql -d fixture -f "$HERE/workload.sql" >/dev/null
}
if ! load_fixture; then
	echo "integration: cannot load the fixture" >&2
	exit 1
fi
# statistics reach the shared counters when a backend ends; give the last
# workload backend a moment
sleep 1

findings_tsv() {
	jq -r 'select(.type=="finding") | [.rule, .severity, .schema, .table, (.index // .constraint // "")] | @tsv' |
		LC_ALL=C sort
}

test_expect_success 'ip-collect reads the fixture' '
	ip-collect -d fixture >snap.ndjson 2>err &&
	test_must_be_empty err &&
	test "$(jq -r "select(.type==\"snapshot\") | .role" snap.ndjson)" = primary &&
	test "$(jq -r "select(.type==\"snapshot\") | .capabilities.pg_stat_statements" snap.ndjson)" != null &&
	jqe "select(.type==\"statement\")" snap.ndjson &&
	jqe "select(.type==\"setting\" and .name==\"work_mem\")" snap.ndjson &&
	jqe "select(.type==\"column\" and .table==\"customers\" and .column==\"email\") | .n_distinct" snap.ndjson
'

test_expect_success 'the index records carry what the checks need' '
	ip-collect -d fixture --no-statements --no-settings >snap.ndjson &&
	jqe "select(.type==\"index\" and .index==\"customers_region_created\")
		| .keys[1].direction == \"desc\" and .keys[0].opclass == \"text_ops\" and .scans > 0" snap.ndjson &&
	jqe "select(.type==\"index\" and .index==\"customers_email_lower\") | .keys[0].expression == \"lower(email)\"" snap.ndjson &&
	jqe "select(.type==\"index\" and .index==\"shipments_order_carrier\") | .include == [\"carrier\"]" snap.ndjson &&
	jqe "select(.type==\"index\" and .index==\"customers_status_active\") | .predicate == \"status = '"'"'active'"'"'::text\"" snap.ndjson &&
	jqe "select(.type==\"index\" and .index==\"coupons_code_key\") | .is_valid == false" snap.ndjson &&
	jqe "select(.type==\"index\" and .index==\"audit_id\") | .is_replica_identity" snap.ndjson &&
	jqe "select(.type==\"index\" and .index==\"events_created_on\") | .is_partitioned and .scans > 0" snap.ndjson &&
	jqe "select(.type==\"index\" and .table==\"events_2026_11\" and .parent_index==\"events_created_on\")" snap.ndjson &&
	jqe "select(.type==\"index\" and .table==\"reservations\" and .is_exclusion)" snap.ndjson
'

test_expect_success 'the fixture gives exactly the expected findings' '
	ip-collect -d fixture | ip-indexes --min-observed=0 >out.ndjson &&
	findings_tsv <out.ndjson >actual &&
	test_cmp "$HERE/expected-findings.tsv" actual
'

test_expect_success 'output is byte-identical for the same snapshot' '
	ip-collect -d fixture >snap.ndjson &&
	ip-indexes --min-observed=0 snap.ndjson >one &&
	ip-indexes --min-observed=0 snap.ndjson >two &&
	cmp one two
'

test_expect_success 'a fresh server gives no unused-index verdict under the default window' '
	ip-collect -d fixture | ip-indexes >out.ndjson &&
	test "$(jq -r "select(.rule==\"unused-index\") | .severity" out.ndjson | sort -u)" = info &&
	jqe "select(.rule==\"unused-index\") | .action == null" out.ndjson
'

test_expect_success 'the summary counts indexes, bytes and findings' '
	ip-collect -d fixture | ip-indexes --min-observed=0 >out.ndjson &&
	jqe "select(.type==\"summary\") | .index_count > 30 and .reclaimable_bytes > 0 and .findings_by_rule[\"duplicate-index\"] == 3" out.ndjson
'

test_expect_success '--fail-on exits 1 when a finding matches' '
	ip-collect -d fixture >snap.ndjson &&
	test_expect_code 1 ip-indexes --min-observed=0 --fail-on=medium snap.ndjson >/dev/null &&
	test_expect_code 1 ip-indexes --fail-on=duplicate-index snap.ndjson >/dev/null &&
	test_expect_code 0 ip-indexes --fail-on=critical snap.ndjson >/dev/null
'

test_expect_success '--baseline suppresses known findings' '
	ip-collect -d fixture >snap.ndjson &&
	ip-indexes --min-observed=0 snap.ndjson >baseline.ndjson &&
	ip-indexes --min-observed=0 --baseline=baseline.ndjson --fail-on=info snap.ndjson >out.ndjson &&
	test "$(jq -r "select(.type==\"finding\")" out.ndjson | wc -l)" = 0
'

# Each action and its rollback run on the server: the SQL must be valid,
# correctly quoted (hostile names) and the rollback must restore the exact
# definition.
test_expect_success 'every action and its rollback execute and restore the schema' '
	defs() {
		ip_psql -d fixture -At -c "SELECT n.nspname, c.relname, pg_get_indexdef(c.oid), i.indisvalid
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname IN ('"'"'app'"'"', '"'"'Odd \"Sch\"; ü'"'"') ORDER BY 1, 2"
	}
	defs >before &&
	ip-collect -d fixture | ip-indexes --min-observed=0 |
		jq -c "select(.type==\"finding\" and .action != null) | [.rule, .action.sql, .action.rollback_sql]" >actions &&
	test -s actions &&
	while read -r line; do
		rule=$(printf "%s" "$line" | jq -r ".[0]") &&
		sql=$(printf "%s" "$line" | jq -r ".[1]") &&
		rollback=$(printf "%s" "$line" | jq -r ".[2]") &&
		ip_psql -d fixture -c "$sql" || { echo "action failed: $sql"; exit 1; }
		if [ "$rule" = invalid-index ]; then
			# rebuilding the failed unique index fails again the same
			# way and leaves the same invalid index: that is the
			# original state
			! "$PSQL" -X -q -d fixture -c "$rollback" 2>/dev/null || exit 1
		else
			ip_psql -d fixture -c "$rollback" || { echo "rollback failed: $rollback"; exit 1; }
		fi
	done <actions &&
	defs >after &&
	test_cmp before after
'

test_expect_success 'a hostile name round-trips through the emitted DDL' '
	ip-collect -d fixture | ip-indexes --min-observed=0 |
		jq -r "select(.rule==\"foreign-key-without-index\" and .schema==\"Odd \\\"Sch\\\"; ü\") | .action.sql" >sql &&
	grep -F "CREATE INDEX CONCURRENTLY \"chi;ld \"\"é\"\"_pid_idx\" ON \"Odd \"\"Sch\"\"; ü\".\"chi;ld \"\"é\"\"\" (\"pid\")" sql
'

test_expect_success 'usage on a replica counts: an index used only there is not unused' '
	ip-collect -d fixture >primary.ndjson &&
	jq -c "(.src.host) = \"replica-1\" | (.src.role) = \"replica\" |
		if .type == \"snapshot\" then .role = \"replica\" else . end |
		if .type == \"index\" and .index == \"products_sku\" then .scans = 12 else . end" primary.ndjson >replica.ndjson &&
	ip-indexes --min-observed=0 primary.ndjson replica.ndjson >out.ndjson &&
	! jqe "select(.rule==\"unused-index\" and .index==\"products_sku\")" out.ndjson &&
	jqe "select(.rule==\"unused-index\" and .index==\"products_sku_pattern\") | .evidence.nodes | length == 2" out.ndjson
'

test_expect_success 'a role with only pg_monitor collects the catalog' '
	ip_psql -c "DROP ROLE IF EXISTS monitor" -c "CREATE ROLE monitor LOGIN IN ROLE pg_monitor" &&
	ip-collect -U monitor -d fixture >mon.ndjson 2>err;
	code=$?
	{ test $code = 0 || test $code = 6; } &&
	ip-collect -d fixture >admin.ndjson &&
	test "$(jq -r "select(.type==\"index\") | .index" mon.ndjson | wc -l)" = \
		"$(jq -r "select(.type==\"index\") | .index" admin.ndjson | wc -l)" &&
	jqe "select(.type==\"statement\" and .query != null)" mon.ndjson &&
	ip-indexes --min-observed=0 mon.ndjson | findings_tsv >actual &&
	test_cmp "$HERE/expected-findings.tsv" actual
'

test_expect_success 'a database without pg_stat_statements gives a warning record' '
	ip_psql -c "DROP DATABASE IF EXISTS bare" -c "CREATE DATABASE bare" &&
	ip-collect -d bare >bare.ndjson &&
	jqe "select(.type==\"warning\" and .code==\"extension-missing\" and .section==\"statement\")" bare.ndjson
'

test_expect_success 'extensions created but not preloaded are warnings, not failures' '
	(
		IP_PG_CONF_EXTRA="shared_preload_libraries = '"''"'" &&
		export IP_PG_CONF_EXTRA &&
		ip_pg_start "$(mktemp -d "${TMPDIR:-/tmp}/ip-pg.XXXXXX")" >/dev/null &&
		trap ip_pg_stop EXIT &&
		ip_psql -c "CREATE EXTENSION pg_stat_statements" -c "CREATE EXTENSION pg_qualstats" &&
		ip-collect -d postgres >np.ndjson &&
		jqe "select(.type==\"warning\" and .code==\"extension-missing\" and .section==\"statement\")" np.ndjson &&
		jqe "select(.type==\"warning\" and .code==\"extension-missing\" and .section==\"qual\")" np.ndjson
	)
'

test_expect_success 'several databases in one run' '
	ip-collect -d fixture bare >both.ndjson &&
	test "$(jq -r "select(.type==\"snapshot\") | .database" both.ndjson | tr "\n" " ")" = "fixture bare "
'

test_expect_success 'one unreachable database among several: exit 6 and a warning record' '
	test_expect_code 6 ip-collect -d fixture -d nosuchdb >out.ndjson 2>err &&
	jqe "select(.type==\"warning\" and .code==\"collect-failed\")" out.ndjson &&
	grep -q "nosuchdb" err
'

test_expect_success 'no server: exit 4 naming host and port' '
	test_expect_code 4 ip-collect -h 127.0.0.1 -p 1 -d fixture >out 2>err &&
	grep -q "ip-collect: error: cannot connect to .127.0.0.1:1." err &&
	test_must_be_empty out
'

test_expect_success 'a refused snapshot query exits 5' '
	ip_psql -c "DROP DATABASE IF EXISTS refuse" -c "CREATE DATABASE refuse" &&
	ip_psql -c "DROP ROLE IF EXISTS plain" -c "CREATE ROLE plain LOGIN" &&
	ip_psql -d refuse -c "REVOKE EXECUTE ON FUNCTION pg_catalog.pg_postmaster_start_time() FROM PUBLIC" &&
	test_expect_code 5 ip-collect -U plain -d refuse >out 2>err &&
	grep -q "permission denied" err
'

test_expect_success 'no password in records, messages or --echo output' '
	ip_psql -c "DROP ROLE IF EXISTS pwuser" -c "CREATE ROLE pwuser LOGIN PASSWORD '"'"'S3cr3t-pw!'"'"' IN ROLE pg_monitor" &&
	uri="postgresql://pwuser:S3cr3t-pw%21@127.0.0.1:$PGPORT/fixture" &&
	ip-collect --echo -v "$uri" >out 2>err &&
	jqe "select(.type==\"snapshot\") | .current_user == \"pwuser\"" out &&
	grep -q "statement: " err &&
	! grep -q "S3cr3t" out err &&
	test_expect_code 4 ip-collect -w "postgresql://pwuser:wrong-S3cr3t@127.0.0.1:$PGPORT/fixture" >out2 2>err2 &&
	grep -q "password authentication failed" err2 &&
	! grep -q "S3cr3t" out2 err2 &&
	test_expect_code 6 ip-collect -d fixture "postgresql://pwuser:wrong-S3cr3t@127.0.0.1:$PGPORT/fixture" >out3 2>err3 &&
	jqe "select(.type==\"warning\" and .code==\"collect-failed\")" out3 &&
	! grep -q "S3cr3t" out3 err3
'

test_expect_success 'a statement timeout yields the rest of the facts and exit 6' '
	( ip_psql -d fixture -c "BEGIN; LOCK TABLE app.products IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(4); COMMIT;" >/dev/null 2>&1 & ) &&
	sleep 1 &&
	test_expect_code 6 ip-collect --statement-timeout=500ms -d fixture >out 2>err &&
	jqe "select(.type==\"warning\" and .code==\"query-failed\")" out &&
	jqe "select(.type==\"snapshot\")" out &&
	sleep 3
'

test_expect_success 'SIGINT cancels the running statement on the server' '
	( ip_psql -d fixture -c "BEGIN; LOCK TABLE app.products IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(6); COMMIT;" >/dev/null 2>&1 & ) &&
	sleep 1 &&
	{ ip-collect --statement-timeout=0 -d fixture >out 2>err & } &&
	pid=$! &&
	sleep 1 &&
	test "$(ip_psql -At -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"'"'ip-collect'"'"' AND wait_event_type = '"'"'Lock'"'"'")" = 1 &&
	kill -INT $pid &&
	{ wait $pid; code=$?; } ;
	test "$code" = 130 &&
	sleep 0.5 &&
	test "$(ip_psql -At -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"'"'ip-collect'"'"'")" = 0 &&
	sleep 5
'

test_expect_success 'a closed pipe ends ip-collect quietly' '
	ip-collect -d fixture 2>err | head -n 1 >/dev/null &&
	test_must_be_empty err
'

test_done
