#!/usr/bin/env bash
# shellcheck disable=SC1091,SC2016,SC2034
# ip-indexes --advise against a real PostgreSQL 15 with HypoPG: workloads
# whose right answer is known, the DDL run for real, and the offline mode.
set -u
TEST_NAME=advise
. "$(dirname "$0")/../lib/test-lib.sh"
. "$TEST_ROOT/tests/lib/pg.sh"

HERE=$TEST_ROOT/tests/integration
WL=$HERE/advise-workload.sql
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/ip-pg.XXXXXX")
trap 'ip_pg_stop; test_cleanup_trash' EXIT
if ! ip_pg_start "$PGDIR"; then
	echo "advise: cannot start PostgreSQL" >&2
	exit 1
fi
if ! { ip_psql -c "CREATE DATABASE advise" &&
	ip_psql -d advise -f "$HERE/advise-fixture.sql"; } >/dev/null; then
	echo "advise: cannot load the fixture" >&2
	exit 1
fi

# "table (keys) INCLUDE (...)" per finding, sorted: the answer in short
answer() {
	jq -r 'select(.type=="finding") | [.table, (.evidence.keys | map(.column // .expression) | join(",")), (.evidence.include | join(","))] | @tsv' | LC_ALL=C sort
}

test_expect_success 'two narrow indexes, the cheaper of two under a budget, nothing for writes or what is served' '
	ip-indexes --advise -d advise --workload="$WL" --budget=16MB >out &&
	printf "docs\tk\t\npairs\ta\t\npairs\tb\t\nreadings\tsensor\t\n" >expect &&
	cp expect "$TRASH/expected-answer" &&
	answer <out >actual &&
	test_cmp expect actual &&
	jqe "select(.type==\"selection\") | .used_bytes <= .budget_bytes and .solver == \"glpk\" and .gap == 0 and .costing == \"hypopg\"" out
'

test_expect_success 'without a budget the covering index for docs wins' '
	ip-indexes --advise -d advise --workload="$WL" >out &&
	jqe "select(.type==\"finding\" and .table==\"docs\") | .evidence.include == [\"payload\"]" out &&
	! jqe "select(.type==\"finding\" and (.table==\"events\" or .table==\"prices\"))" out
'

test_expect_success 'the evidence names the queries, their calls and costs' '
	ip-indexes --advise -d advise --workload="$WL" --budget=16MB >out &&
	jqe "select(.type==\"finding\" and .table==\"pairs\") | .evidence.queries | length == 1 and .[0].calls == 1000 and .[0].cost_after < .[0].cost_before" out &&
	jqe "select(.type==\"finding\") | .confidence == 0.8 and .action.kind == \"create_index\"" out
'

test_expect_success 'what-if calls stay few and the output is deterministic' '
	ip-collect -d advise >snap.ndjson &&
	ip-indexes --advise -d advise --workload="$WL" --budget=16MB snap.ndjson >one &&
	ip-indexes --advise -d advise --workload="$WL" --budget=16MB snap.ndjson >two &&
	jq -c "del(.seconds)" one >one.c && jq -c "del(.seconds)" two >two.c &&
	cmp one.c two.c &&
	jqe "select(.type==\"selection\") | .what_if_calls > 0 and .what_if_calls < 2000" one
'

test_expect_success 'max-indexes and max-per-table bind' '
	ip-indexes --advise -d advise --workload="$WL" --max-per-table=1 >out &&
	test "$(jq -r "select(.type==\"finding\" and .table==\"pairs\") | .index" out | wc -l)" = 1 &&
	ip-indexes --advise -d advise --workload="$WL" --max-indexes=2 >out &&
	test "$(jq -r "select(.type==\"finding\") | .index" out | wc -l)" = 2
'

test_expect_success 'the DDL runs, including a partitioned table, and the rollback undoes it' '
	ip-indexes --advise -d advise --workload="$WL" --budget=16MB >out &&
	jq -r "select(.type==\"finding\") | .action.sql + \";\"" out >create.sql &&
	jq -r "select(.type==\"finding\") | .action.rollback_sql" out >drop.sql &&
	grep -q "ON ONLY \"adv\".\"readings\"" create.sql &&
	cp "$TRASH/expected-answer" expect &&
	ip_psql -d advise -f create.sql &&
	test "$(ip_psql -d advise -At -c "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		WHERE c.relname IN ('"'"'pairs_a_idx'"'"', '"'"'pairs_b_idx'"'"', '"'"'docs_k_idx'"'"', '"'"'readings_sensor_idx'"'"') AND i.indisvalid")" = 4 &&
	ip-collect -d advise | ip-indexes --advise -d advise --workload="$WL" --budget=16MB >after &&
	answer <after >again &&
	! grep -F -x -f expect again &&
	while read -r sql; do ip_psql -d advise -c "$sql" || exit 1; done <drop.sql &&
	test "$(ip_psql -d advise -At -c "SELECT count(*) FROM pg_class WHERE relname LIKE '"'"'%_idx%'"'"' AND relnamespace = '"'"'adv'"'"'::regnamespace")" = 0
'

test_expect_success 'statement records from pg_stat_statements are a workload' '
	# the bulk load of the fixture would count as 200,000 inserts to maintain
	ip_psql -d advise -c "SELECT pg_stat_statements_reset()" -c "SELECT pg_stat_reset()" >/dev/null &&
	for i in $(seq 1 30); do
		echo "SELECT id, pad FROM adv.pairs WHERE a = $i;"
	done | ip_psql -d advise >/dev/null &&
	ip-collect -d advise >snap.ndjson &&
	grep -q "adv.pairs WHERE a = [$]1" snap.ndjson &&
	ip-indexes --advise -d advise snap.ndjson >out &&
	jqe "select(.type==\"finding\" and .table==\"pairs\") | .evidence.keys[0].column == \"a\" and .evidence.queries[0].calls == 30" out
'

test_expect_success 'pg_qualstats predicates make a query on a view advisable' '
	ip_psql -d advise -c "SELECT pg_stat_statements_reset()" -c "SELECT pg_qualstats_reset()" -c "SELECT pg_stat_reset()" >/dev/null &&
	for i in $(seq 1 20); do
		echo "SELECT count(*) FROM adv.pairs_view WHERE b = $i;"
	done | ip_psql -d advise >/dev/null &&
	ip-collect -d advise >snap.ndjson &&
	jqe "select(.type==\"qual\" and .table==\"pairs\" and .column==\"b\" and .operator==\"=\")" snap.ndjson &&
	ip-indexes --advise -d advise snap.ndjson >out &&
	jqe "select(.type==\"finding\" and .table==\"pairs\") | .evidence.keys[0].column == \"b\" and .evidence.queries[0].calls == 20" out
'

test_expect_success 'with statement records, the counters of the table are its write rates' '
	ip_psql -d advise -c "SELECT pg_stat_statements_reset()" >/dev/null &&
	for i in $(seq 1 30); do
		echo "SELECT id, pad FROM adv.pairs WHERE a = $i;"
	done | ip_psql -d advise >/dev/null &&
	ip_psql -d advise -c "INSERT INTO adv.pairs SELECT g, g % 50000, g % 40000, '"'"'x'"'"' FROM generate_series(300001, 600000) g" &&
	sleep 1 &&
	ip-collect -d advise >snap.ndjson &&
	ip-indexes --advise -d advise snap.ndjson >out &&
	! jqe "select(.type==\"finding\" and .table==\"pairs\")" out &&
	ip_psql -d advise -c "DELETE FROM adv.pairs WHERE id > 300000" -c "VACUUM ANALYZE adv.pairs"
'

test_expect_success 'offline, a snapshot alone still gives advice with lower confidence' '
	ip-collect -d advise >snap.ndjson &&
	ip-indexes --advise --workload="$WL" snap.ndjson >out &&
	jqe "select(.type==\"selection\") | .costing == \"offline\" and .what_if_calls == 0" out &&
	jqe "select(.type==\"finding\") | .confidence == 0.4" out &&
	jqe "select(.type==\"finding\" and .table==\"pairs\")" out &&
	! jqe "select(.type==\"finding\" and .table==\"events\")" out
'

test_expect_success 'a database without hypopg is exit 5 saying how to install it' '
	ip_psql -c "CREATE DATABASE nohypo" &&
	test_expect_code 5 ip-indexes --advise -d nohypo --workload="$WL" >out 2>err &&
	grep -q "hypopg is not installed" err
'

test_expect_success 'connection options need --advise' '
	test_expect_code 2 ip-indexes -d advise snap.ndjson 2>err &&
	grep -q "need --advise" err
'

test_done
