#!/usr/bin/env bash
# shellcheck disable=SC1091,SC2016,SC2034
# What-if costing (lib/whatif.c) against a real PostgreSQL 15 with HypoPG,
# through tests/integration/whatif_driver.c, which this script compiles
# against build/libadvisor.a (run `make` first). Honours CC, CFLAGS,
# LDFLAGS and SANITIZE as the Makefile does, so that a sanitizer build of
# the library links.
set -u
TEST_NAME=t-whatif
. "$(dirname "$0")/../lib/test-lib.sh"
. "$TEST_ROOT/tests/lib/pg.sh"

HERE=$TEST_ROOT/tests/integration
DRIVER=$TRASH/whatif_driver
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/ip-pg.XXXXXX")
trap 'ip_pg_stop; test_cleanup_trash' EXIT

if [[ ! -f $TEST_ROOT/build/libadvisor.a ]]; then
	echo "t-whatif: error: cannot find '$TEST_ROOT/build/libadvisor.a': run make first" >&2
	exit 1
fi
if ! ip_pg_start "$PGDIR"; then
	echo "t-whatif: error: cannot start PostgreSQL" >&2
	exit 1
fi

# whatif: t (100000 rows, a with 10 rows per value) and a table whose
# schema, name and column need quoting; nohypo: no extension; oddext: hypopg
# in a schema whose name needs quoting.
load_fixture() {
	ip_psql -c "CREATE DATABASE whatif" -c "CREATE DATABASE nohypo" \
		-c "CREATE DATABASE oddext" &&
	ip_psql -d whatif <<'EOF' &&
CREATE EXTENSION hypopg;
CREATE EXTENSION pg_stat_statements;
CREATE TABLE public.t (id int PRIMARY KEY, a int, b text, c int);
INSERT INTO public.t
	SELECT g, g % 10000, md5(g::text), g % 2 FROM generate_series(1, 100000) g;
CREATE DOMAIN public.posint AS int NOT NULL;
CREATE TABLE public.d (x public.posint);
CREATE SCHEMA "Odd ""Sch""; ü";
CREATE TABLE "Odd ""Sch""; ü"."t a;b""c" ("c ""x""; y" int, pad text);
INSERT INTO "Odd ""Sch""; ü"."t a;b""c"
	SELECT g % 5000, repeat('x', 50) FROM generate_series(1, 50000) g;
ANALYZE;
EOF
	ip_psql -d nohypo -c "CREATE TABLE public.t (a int)" &&
	ip_psql -d oddext <<'EOF'
CREATE SCHEMA "hypo ""ext""; x";
CREATE EXTENSION hypopg SCHEMA "hypo ""ext""; x";
CREATE TABLE public.t (a int, b int);
INSERT INTO public.t SELECT g, g FROM generate_series(1, 20000) g;
ANALYZE public.t;
EOF
}
if ! load_fixture; then
	echo "t-whatif: error: cannot load the fixture" >&2
	exit 1
fi

PG_MAJOR=$(ip_psql -At -c "SELECT current_setting('server_version_num')::int / 10000")
Q_EQ='SELECT * FROM public.t WHERE a = 42'
Q_PARAM='SELECT * FROM public.t WHERE a = $1'
Q_ODD='SELECT * FROM "Odd ""Sch""; ü"."t a;b""c" WHERE "c ""x""; y" = 42'
LIST='SELECT count(*) FROM public.hypopg_list_indexes'
PREPARED='SELECT count(*) FROM pg_catalog.pg_prepared_statements'

# line FIELD...: one driver command, fields joined by tabs.
line() {
	local IFS=$'\t'
	printf '%s\n' "$*"
}

# drive DB <script: runs the driver on one session of DB; ./log receives
# every statement it sent.
drive() {
	"$DRIVER" -l log "$(ip_pg_dsn "$1")"
}

# val N [FIELD]: field FIELD (default 2) of output line N of ./out.
val() {
	awk -v n="$1" -v f="${2:-2}" 'NR == n { print $f }' out
}

# lt A B: A < B as numbers.
lt() {
	awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'
}

test_expect_success 'the driver builds against libadvisor.a' '
	cflags=$(pkg-config --cflags libpq libcjson 2>/dev/null) &&
	libs=$(pkg-config --libs libpq libcjson 2>/dev/null || echo -lpq -lcjson) &&
	san= &&
	if [ -n "${SANITIZE:-}" ]; then
		san="-fsanitize=$SANITIZE -fno-omit-frame-pointer"
	fi &&
	# shellcheck disable=SC2086
	${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L \
		-I"$TEST_ROOT/lib" -I"$TEST_ROOT/cmd" $cflags ${CFLAGS:-} $san \
		${LDFLAGS:-} -o "$DRIVER" "$HERE/whatif_driver.c" \
		"$TEST_ROOT/build/libadvisor.a" $libs -lpg_query -lglpk -lcsv -lm &&
	test -x "$DRIVER"
'

test_expect_success 'an index on the filtered column lowers the cost and the plan uses it' '
	{
		line open &&
		line cand a public t a &&
		line cost "$Q_EQ" &&
		line cost "$Q_EQ" a &&
		line sql "SELECT string_agg(table_name, '"'"','"'"') FROM public.hypopg_list_indexes"
	} | drive whatif >out &&
	test "$(val 1 0)" = "open ok" &&
	base=$(val 2) && with=$(val 3) &&
	lt "$with" "$base" &&
	test "$(val 3 4)" = 1 &&
	test "$(val 4)" = t &&
	test "$(grep -c "hypopg_create_index" log)" = 1 &&
	! grep -qi "analyze" log
'

test_expect_success 'an irrelevant index leaves the cost unchanged and unused' '
	{
		line open &&
		line cand a public t a &&
		line cand b public t b &&
		line cost "$Q_EQ" &&
		line cost "$Q_EQ" b &&
		line cost "$Q_EQ" b,a
	} | drive whatif >out &&
	test "$(val 3)" = "$(val 2)" &&
	test "$(val 3 4)" = 0 &&
	lt "$(val 4)" "$(val 2)" &&
	test "$(val 4 4)" = 0,1
'

# A custom plan for NULL would be a one-time-false Result costing ~0; the
# generic plan estimates a = $1 like an average value. The same statement
# (another text, so not from the cache) after the hypothetical index is gone
# must plan without it: a cached generic plan would still use it, or fail
# with "cache lookup failed for index".
test_expect_success 'a parameterised statement is costed with its generic plan' '
	{
		line open &&
		line cand a public t a &&
		line cost "$Q_PARAM" &&
		line cost "$Q_PARAM" a &&
		line sql "SHOW plan_cache_mode" &&
		line sql "$PREPARED" &&
		line cost "$Q_PARAM" a,a &&
		line cost "$Q_PARAM /* again */" &&
		line cost "$Q_PARAM /* again */" a
	} | drive whatif >out &&
	base=$(val 2) && with=$(val 3) &&
	lt 1000 "$base" &&
	lt 1 "$with" && lt "$with" "$base" &&
	test "$(val 3 4)" = 1 &&
	test "$(val 4)" = force_generic_plan &&
	test "$(val 5)" = 0 &&
	test "$(val 6)" = "$with" && test "$(val 6 4)" = 1,1 &&
	test "$(val 7)" = "$base" &&
	test "$(val 8)" = "$with" && test "$(val 8 4)" = 1 &&
	grep -q "^EXPLAIN (FORMAT JSON) EXECUTE ip_whatif_[0-9]*(NULL)$" log &&
	test "$(grep -c "^PREPARE ip_whatif_" log)" = 4 &&
	test "$(grep -c "^DEALLOCATE ip_whatif_" log)" = 4
'

test_expect_success 'the cache answers a repeated configuration without the server' '
	{
		line open &&
		line cand a public t a &&
		line cand b public t b &&
		line sql "SELECT public.pg_stat_statements_reset()" &&
		line cost "$Q_EQ" a &&
		line cost "$Q_EQ" a &&
		line cost "$Q_EQ" a,b &&
		line cost "$Q_EQ" b,a &&
		line cost "$Q_EQ" b,a,a &&
		line cost "$Q_PARAM" a &&
		line cost "$Q_PARAM" a &&
		line sql "SELECT sum(calls) FROM public.pg_stat_statements WHERE toplevel AND query LIKE '"'"'EXPLAIN%'"'"'"
	} | drive whatif >out &&
	test "$(awk "\$1 == \"cost\" { print \$NF }" out | tr "\n" " ")" = "1 1 2 2 2 3 3 " &&
	test "$(grep -c "^EXPLAIN" log)" = 3 &&
	test "$(val 10)" = 3
'

test_expect_success 'a statement that fails to plan is a server error and the session goes on' '
	{
		line open &&
		line cand a public t a &&
		line cost "SELECT * FROM public.nosuch" a &&
		line cost "SELECT * FROM public.t WHERE a = \$2" a &&
		line cost "INSERT INTO public.d VALUES (\$1)" &&
		line cost "SELECT 1; DROP TABLE public.t" &&
		line cost "SELECT FROM WHERE" &&
		line sql "$PREPARED" &&
		line cost "$Q_EQ" a
	} | drive whatif >out &&
	test "$(val 2 0)" = "error server 42P01 cannot plan '"'"'SELECT * FROM public.nosuch'"'"': relation \"public.nosuch\" does not exist" &&
	test "$(val 3 3)" = 42P18 &&
	test "$(val 4 3)" = 23502 &&
	test "$(val 5 3)" = 42601 &&
	test "$(val 6 3)" = 42601 &&
	test "$(val 7)" = 0 &&
	test "$(val 8 1)" = cost && test "$(val 8 4)" = 1 &&
	test "$(ip_psql -d whatif -At -c "SELECT count(*) FROM public.t")" = 100000
'

test_expect_success 'write statements are explained, never executed' '
	{
		line open &&
		line cand a public t a &&
		line cost "UPDATE public.t SET b = '"'"'x'"'"' WHERE a = 42" &&
		line cost "UPDATE public.t SET b = '"'"'x'"'"' WHERE a = 42" a &&
		line cost "DELETE FROM public.t WHERE a = \$1" a &&
		line cost "INSERT INTO public.t SELECT id + 1000000, a, b, c FROM public.t WHERE a = 7" a
	} | drive whatif >out &&
	lt "$(val 3)" "$(val 2)" && test "$(val 3 4)" = 1 &&
	test "$(val 4 4)" = 1 && test "$(val 5 4)" = 1 &&
	test "$(ip_psql -d whatif -At -c "SELECT count(*), count(*) FILTER (WHERE b = '"'"'x'"'"') FROM public.t")" = "100000|0"
'

test_expect_success 'sizes come from hypopg, are cached and leave the cost cache alone' '
	{
		line open &&
		line cand a public t a &&
		line cand ab public t a b &&
		line cost "$Q_EQ" a &&
		line size a &&
		line size ab &&
		line size a &&
		line cost "$Q_EQ" a &&
		line sql "$LIST" &&
		line cost "$Q_EQ" &&
		line sql "$LIST"
	} | drive whatif >out &&
	lt 100000 "$(val 3)" && lt "$(val 3)" "$(val 4)" &&
	test "$(val 5)" = "$(val 3)" &&
	test "$(val 6 0)" = "$(val 2 0)" &&
	test "$(val 7)" = 2 &&
	test "$(val 9)" = 0 &&
	test "$(grep -c "hypopg_relation_size" log)" = 2
'

test_expect_success 'adv_whatif_free leaves no hypothetical index, statement or setting' '
	{
		line sql "SET plan_cache_mode = force_custom_plan" &&
		line open &&
		line cand a public t a &&
		line cand b public t b &&
		line cost "$Q_EQ" a,b &&
		line cost "$Q_PARAM" a &&
		line size b &&
		line sql "$LIST" &&
		line free &&
		line sql "$LIST" &&
		line sql "$PREPARED" &&
		line sql "SHOW plan_cache_mode"
	} | drive whatif >out &&
	test "$(val 6)" = 2 &&
	test "$(val 7 0)" = "free ok" &&
	test "$(val 8)" = 0 &&
	test "$(val 9)" = 0 &&
	test "$(val 10)" = force_custom_plan
'

test_expect_success 'a database without hypopg is a server error that says how to install it' '
	line open | drive nohypo >out &&
	echo "error server - hypopg is not installed in database '"'"'nohypo'"'"': CREATE EXTENSION hypopg (Debian package postgresql-$PG_MAJOR-hypopg)" >expect &&
	test_cmp expect out
'

test_expect_success 'schema, table and column names that need quoting' '
	{
		line open &&
		line cand odd "Odd \"Sch\"; ü" "t a;b\"c" "c \"x\"; y" &&
		line cost "$Q_ODD" &&
		line cost "$Q_ODD" odd &&
		line size odd &&
		line sql "SELECT schema_name || '"'"'|'"'"' || table_name FROM public.hypopg_list_indexes"
	} | drive whatif >out &&
	lt "$(val 3)" "$(val 2)" && test "$(val 3 4)" = 1 &&
	lt 0 "$(val 4)" &&
	test "$(sed -n 5p out)" = "sql Odd \"Sch\"; ü|t a;b\"c"
'

test_expect_success 'hypopg installed in a schema whose name needs quoting' '
	{
		line open &&
		line cand a public t a &&
		line cost "SELECT * FROM public.t WHERE a = 5" a &&
		line free &&
		line sql "SELECT count(*) FROM \"hypo \"\"ext\"\"; x\".hypopg_list_indexes"
	} | drive oddext >out &&
	test "$(val 2 4)" = 1 &&
	test "$(val 4)" = 0 &&
	grep -qF "SELECT \"hypo \"\"ext\"\"; x\".hypopg_reset()" log
'

test_done
