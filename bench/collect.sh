#!/usr/bin/env bash
#
# bench/collect.sh - how long ip-collect takes on a large catalog, against
# psql fetching the same catalog views in the same run.
#
# Starts a throwaway PostgreSQL server, generates database benchcat with
# 5,000 tables and 15,000 indexes (a primary key and two secondary indexes
# per table, 20 rows each, a foreign key on every tenth table) in ten
# schemas, ANALYZEs it, then times RUNS runs of
#
#   (a) $BINDIR/ip-collect -d benchcat > /dev/null
#   (b) psql -X -q -A -t -o /dev/null, one session, SELECT * from pg_class,
#       pg_index, pg_attribute, pg_constraint, pg_stat_user_tables,
#       pg_stat_user_indexes, pg_stats, pg_settings, pg_namespace, pg_am,
#       pg_opclass, pg_collation, and pg_get_indexdef() of every index
#
# alternately (after one untimed warm-up of each) and prints the medians,
# their ratio (goal: ip-collect <= 2 x psql) and ip-collect's peak RSS.
# Like every benchmark here it reports and never asserts: the exit status
# is 0 whatever the ratio, and non-zero only when it could not measure.
#
# Usage: bench/collect.sh
# Environment:
#   BINDIR            where ip-collect is (default: bin)
#   IP_BENCH_TABLES   tables to generate (default 5000; 3 indexes each)
#   IP_BENCH_RUNS     timed runs of each side (default 3; the median counts)
#   IP_PG_BIN, IP_PG_USER, IP_KEEP_TMP   see tests/lib/pg.sh

set -euo pipefail

prog=${0##*/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

BINDIR=${BINDIR:-bin}
tables=${IP_BENCH_TABLES:-5000}
runs=${IP_BENCH_RUNS:-3}

err() {
	printf '%s: error: %s\n' "$prog" "$*" >&2
}

note() {
	printf '%s: %s\n' "$prog" "$*" >&2
}

if ! [[ $tables =~ ^[1-9][0-9]*$ ]]; then
	err "invalid IP_BENCH_TABLES '$tables'"
	exit 2
fi
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
	err "invalid IP_BENCH_RUNS '$runs'"
	exit 2
fi
if [[ ! -x $BINDIR/ip-collect ]]; then
	err "cannot find '$BINDIR/ip-collect'; build first (make) or set BINDIR"
	exit 2
fi
collect=$(cd "$BINDIR" && pwd)/ip-collect

timer=
if [[ -x /usr/bin/time ]]; then
	timer=/usr/bin/time
else
	note "warning: /usr/bin/time not found; peak RSS will not be measured"
fi

# shellcheck source-path=SCRIPTDIR source=../tests/lib/pg.sh disable=SC1091
. "$here/../tests/lib/pg.sh"

trap ip_pg_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# No autovacuum: it would visit 5,000 fresh tables while we time. More
# locks per transaction: each generation batch creates hundreds of
# relations in one transaction.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ip-bench.XXXXXX")
IP_PG_CONF_EXTRA=$'autovacuum = off\nmax_locks_per_transaction = 256' ip_pg_start "$tmp"
work=$tmp/bench
mkdir -p "$work"

# Seconds since the epoch with microseconds, from bash itself.
now() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		printf '%s\n' "${EPOCHREALTIME/,/.}"
	else
		date +%s.%N
	fi
}

# seconds_between START END -> "1.234"
seconds_between() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", b - a }'
}

median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# ----------------------------------------------------------- the catalog

note "generating benchcat: $tables tables, $((tables * 3)) indexes"
t0=$(now)
ip_psql -c 'CREATE DATABASE benchcat'
ip_psql -d benchcat -v tables="$tables" <<'SQL'
SET client_min_messages = warning;
SET ip_bench.tables = :'tables';

DO $gen$
DECLARE
	n      integer := current_setting('ip_bench.tables')::integer;
	i      integer;
	sch    text;
	tbl    text;
	fk     text;
BEGIN
	FOR i IN 0..9 LOOP
		EXECUTE format('CREATE SCHEMA %I', 'app' || i);
	END LOOP;
	COMMIT;

	FOR i IN 1..n LOOP
		sch := 'app' || (i - 1) * 10 / n;
		tbl := format('t%s', lpad(i::text, 5, '0'));
		fk := '';
		IF i % 10 = 0 THEN
			fk := format('REFERENCES %I.%I (id)',
			             'app' || (i - 2) * 10 / n,
			             format('t%s', lpad((i - 1)::text, 5, '0')));
		END IF;
		EXECUTE format(
			'CREATE TABLE %I.%I ('
			' id bigint PRIMARY KEY,'
			' account_id bigint NOT NULL,'
			' parent_id bigint %s,'
			' status text NOT NULL,'
			' amount numeric(12,2),'
			' created_at timestamptz NOT NULL)', sch, tbl, fk);
		EXECUTE format('CREATE INDEX %I ON %I.%I (account_id, created_at)',
		               tbl || '_account_id_created_at_idx', sch, tbl);
		EXECUTE format('CREATE INDEX %I ON %I.%I (status)',
		               tbl || '_status_idx', sch, tbl);
		EXECUTE format(
			'INSERT INTO %I.%I (id, account_id, status, amount, created_at)'
			' SELECT g, g %% 7, (ARRAY[''new'', ''paid'', ''done''])[1 + g %% 3],'
			' g * 1.5, timestamptz ''2025-01-01 00:00:00+00'' + g * interval ''1 hour'''
			' FROM generate_series(1, 20) AS g', sch, tbl);
		-- Bounded transactions: every CREATE holds its locks until commit.
		IF i % 250 = 0 THEN
			COMMIT;
		END IF;
	END LOOP;
END
$gen$;

ANALYZE;
SQL
t1=$(now)
build_s=$(seconds_between "$t0" "$t1")

read -r n_tables n_indexes n_fks < <(ip_psql -d benchcat -A -t -F ' ' -c "
	SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
	        WHERE c.relkind = 'r' AND s.nspname LIKE 'app%'),
	       (SELECT count(*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
	        WHERE c.relkind = 'i' AND s.nspname LIKE 'app%'),
	       (SELECT count(*) FROM pg_constraint WHERE contype = 'f')")
note "catalog built in ${build_s} s: $n_tables tables, $n_indexes indexes, $n_fks foreign keys"

# ----------------------------------------------------------- the baseline

cat >"$work/baseline.sql" <<'SQL'
SELECT * FROM pg_class;
SELECT * FROM pg_index;
SELECT * FROM pg_attribute;
SELECT * FROM pg_constraint;
SELECT * FROM pg_stat_user_tables;
SELECT * FROM pg_stat_user_indexes;
SELECT * FROM pg_stats;
SELECT * FROM pg_settings;
SELECT * FROM pg_namespace;
SELECT * FROM pg_am;
SELECT * FROM pg_opclass;
SELECT * FROM pg_collation;
SELECT pg_get_indexdef(indexrelid) FROM pg_index;
SQL

# run_timed NAME CMD... : run CMD with stdout to /dev/null, print
# "SECONDS RSS_KB EXIT" (RSS "-" without /usr/bin/time).
run_timed() {
	local name=$1 start end rc rss
	shift
	start=$(now)
	rc=0
	if [[ -n $timer ]]; then
		"$timer" -f '%M' -o "$work/$name.rss" "$@" >/dev/null 2>"$work/$name.err" || rc=$?
	else
		"$@" >/dev/null 2>"$work/$name.err" || rc=$?
	fi
	end=$(now)
	rss=-
	if [[ -n $timer && -s $work/$name.rss ]]; then
		rss=$(tail -n 1 "$work/$name.rss")
	fi
	printf '%s %s %s\n' "$(seconds_between "$start" "$end")" "$rss" "$rc"
}

psql_cmd=("$PSQL" -X -q -A -t -o /dev/null -d benchcat -f "$work/baseline.sql")
collect_cmd=("$collect" -d benchcat)

# Warm-up: caches, catalog caches of a first backend, and a sanity check
# of ip-collect's output (counted, not timed).
note "warm-up"
rc=0
"${collect_cmd[@]}" >"$work/collect.ndjson" 2>"$work/collect-warmup.err" || rc=$?
if ((rc != 0 && rc != 6)); then
	err "ip-collect failed (exit $rc)"
	sed 's/^/    /' "$work/collect-warmup.err" >&2
	exit 1
fi
records=$(wc -l <"$work/collect.ndjson")
note "ip-collect emitted $records records ($(wc -c <"$work/collect.ndjson") bytes), exit $rc"
rm -f "$work/collect.ndjson"
if ! "${psql_cmd[@]}" 2>"$work/psql-warmup.err"; then
	err "the psql baseline failed"
	sed 's/^/    /' "$work/psql-warmup.err" >&2
	exit 1
fi

collect_times=()
psql_times=()
collect_rss=0
psql_rss=0
for ((r = 1; r <= runs; r++)); do
	read -r secs rss rc < <(run_timed collect "${collect_cmd[@]}")
	if ((rc != 0 && rc != 6)); then
		err "ip-collect failed in run $r (exit $rc)"
		sed 's/^/    /' "$work/collect.err" >&2
		exit 1
	fi
	collect_times+=("$secs")
	[[ $rss != - ]] && ((rss > collect_rss)) && collect_rss=$rss

	read -r psecs prss rc < <(run_timed psql "${psql_cmd[@]}")
	if ((rc != 0)); then
		err "the psql baseline failed in run $r (exit $rc)"
		sed 's/^/    /' "$work/psql.err" >&2
		exit 1
	fi
	psql_times+=("$psecs")
	[[ $prss != - ]] && ((prss > psql_rss)) && psql_rss=$prss
	note "run $r/$runs: ip-collect ${secs} s, psql ${psecs} s"
done

collect_med=$(median "${collect_times[@]}")
psql_med=$(median "${psql_times[@]}")
ratio=$(awk -v a="$collect_med" -v b="$psql_med" \
	'BEGIN { if (b > 0) printf "%.2f\n", a / b; else print "n/a" }')
rss_text="${collect_rss} kB"
[[ -n $timer ]] || rss_text="n/a"

printf 'collect: catalog %s tables, %s indexes, %s foreign keys; median of %s runs\n' \
	"$n_tables" "$n_indexes" "$n_fks" "$runs"
printf 'collect: ip-collect %.2f s, psql baseline %.2f s, ratio %s (goal <= 2), peak RSS %s\n' \
	"$collect_med" "$psql_med" "$ratio" "$rss_text"
if [[ -n $timer ]]; then
	printf 'collect: psql baseline peak RSS %s kB\n' "$psql_rss"
fi
exit 0
