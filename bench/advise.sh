#!/usr/bin/env bash
#
# bench/advise.sh - index selection under a storage budget: ip-indexes
# --advise against three baselines, on the marketplace database of
# bench/advise/schema.sql and the 23 statements of bench/advise/workload.sql.
#
# Starts a throwaway PostgreSQL server, creates database advbench, loads
# bench/advise/schema.sql (prints the load time: goal < 60 s) and, with
# IP_BENCH_RUN_WORKLOAD=1, executes the workload so that pg_stat_statements
# holds it. Then for budgets of 1, 2, 5, 10, 20, 50 and 100 % of the size of
# the largest table (pg_table_size) it runs, for each strategy S,
#
#   $BINDIR/ip-indexes --advise --strategy=S --budget=BYTES \
#       --workload=bench/advise/workload.sql -d advbench --format=ndjson
#
# and reads the last "selection" record it prints (budget_bytes, used_bytes,
# cost_before, cost_after, what_if_calls, solver, gap, seconds). Strategies:
#
#   ip               ours: the integer program over all candidates
#   lp-greedy        ours: the cheaper solver
#   dexter           baseline: one index of width <= 2 per query, kept when
#                    it cuts that query's cost by 50 %
#   every-predicate  baseline: an index on every predicate column
#   extend           baseline: Extend-style greedy, adds or widens one index
#                    at a time by benefit per byte
#
# It prints one table: for each budget the relative workload cost
# (cost_after / cost_before, lower is better) of every strategy, and for ip
# its used bytes, what-if calls, seconds and optimality gap. A '!' marks a
# strategy that went over budget (used_bytes > budget), 'n/a' one that gave
# no result: it failed (its first error is shown), printed no selection
# record, or costed no statement (cost_before 0). Below the table it says whether ip met each
# goal: never over budget, at every budget at most the best baseline that
# kept to the budget, gap <= 0.5 %, < 5 s and < 2,000 what-if calls per
# budget.
#
# Like every benchmark here it reports and never asserts: the exit status is
# 0 whatever the results, also when ip-indexes has no --advise yet (then it
# stops after the load, which can be measured alone), and non-zero only
# when it could not measure at all (no server, the load failed).
#
# Usage: bench/advise.sh
# Environment:
#   BINDIR                  where ip-indexes is (default: bin)
#   IP_BENCH_BUDGETS        budgets in % of the largest table
#                           (default "1 2 5 10 20 50 100")
#   IP_BENCH_STRATEGIES     default "ip lp-greedy dexter every-predicate extend"
#   IP_BENCH_TIMEOUT        seconds allowed to one advisor run (default 300)
#   IP_BENCH_WORKLOAD       another workload file for the same schema, in
#                           the same format (default bench/advise/workload.sql)
#   IP_BENCH_RUN_WORKLOAD=1 execute the workload after the load, each
#                           statement round(calls / IP_BENCH_CALLS_DIVISOR)
#                           times, at least once (divisor default 1000:
#                           135 statements, about 10 s without indexes),
#                           and save ip-collect's facts in the work directory
#   IP_BENCH_INPUT=facts    give the advisor those facts as its input instead
#                           of --workload (implies IP_BENCH_RUN_WORKLOAD=1)
#   IP_PG_BIN, IP_PG_USER, IP_KEEP_TMP, IP_PG_CONF_EXTRA   see tests/lib/pg.sh
#                           (IP_KEEP_TMP=1 also keeps every advisor output)

set -euo pipefail

prog=${0##*/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

BINDIR=${BINDIR:-bin}
read -r -a budgets <<<"${IP_BENCH_BUDGETS:-1 2 5 10 20 50 100}"
read -r -a strategies <<<"${IP_BENCH_STRATEGIES:-ip lp-greedy dexter every-predicate extend}"
timeout_s=${IP_BENCH_TIMEOUT:-300}
run_workload=${IP_BENCH_RUN_WORKLOAD:-0}
divisor=${IP_BENCH_CALLS_DIVISOR:-1000}
input=${IP_BENCH_INPUT:-workload}

schema=$here/advise/schema.sql
workload=${IP_BENCH_WORKLOAD:-$here/advise/workload.sql}
baselines=(dexter every-predicate extend)

err() {
	printf '%s: error: %s\n' "$prog" "$*" >&2
}

note() {
	printf '%s: %s\n' "$prog" "$*" >&2
}

for b in "${budgets[@]}"; do
	if ! [[ $b =~ ^[0-9]+([.][0-9]+)?$ ]] || [[ $b =~ ^0+([.]0+)?$ ]]; then
		err "invalid budget '$b' in IP_BENCH_BUDGETS (a percentage > 0)"
		exit 2
	fi
done
if ((${#budgets[@]} == 0 || ${#strategies[@]} == 0)); then
	err "IP_BENCH_BUDGETS and IP_BENCH_STRATEGIES must not be empty"
	exit 2
fi
for s in "${strategies[@]}"; do
	if ! [[ $s =~ ^[a-z][a-z0-9-]*$ ]]; then
		err "invalid strategy '$s' in IP_BENCH_STRATEGIES"
		exit 2
	fi
done
if ! [[ $timeout_s =~ ^[1-9][0-9]*$ ]]; then
	err "invalid IP_BENCH_TIMEOUT '$timeout_s'"
	exit 2
fi
if ! [[ $divisor =~ ^[1-9][0-9]*$ ]]; then
	err "invalid IP_BENCH_CALLS_DIVISOR '$divisor'"
	exit 2
fi
case $input in
workload) ;;
facts) run_workload=1 ;;
*)
	err "invalid IP_BENCH_INPUT '$input' (workload or facts)"
	exit 2
	;;
esac
if [[ $run_workload != 0 && $run_workload != 1 ]]; then
	err "invalid IP_BENCH_RUN_WORKLOAD '$run_workload' (0 or 1)"
	exit 2
fi
for f in "$schema" "$workload"; do
	if [[ ! -r $f ]]; then
		err "cannot read '$f'"
		exit 2
	fi
done
if ! command -v jq >/dev/null 2>&1; then
	err "jq is needed to read the advisor's records; install it (make deps)"
	exit 2
fi

# Can the advisor run at all? If not, the load is still measured.
advise=1
indexes=
if [[ ! -x $BINDIR/ip-indexes ]]; then
	note "cannot find '$BINDIR/ip-indexes'; only the load will be measured (build first, or set BINDIR)"
	advise=0
else
	indexes=$(cd "$BINDIR" && pwd)/ip-indexes
	if ! "$indexes" --help 2>/dev/null | grep -q -- '--advise'; then
		note "'$BINDIR/ip-indexes' has no --advise option yet; only the load will be measured"
		advise=0
	fi
fi
collect=
if [[ -x $BINDIR/ip-collect ]]; then
	collect=$(cd "$BINDIR" && pwd)/ip-collect
elif [[ $input == facts ]]; then
	err "IP_BENCH_INPUT=facts needs '$BINDIR/ip-collect'"
	exit 2
fi

timeout_cmd=()
if command -v timeout >/dev/null 2>&1; then
	timeout_cmd=(timeout "$timeout_s")
else
	note "warning: timeout(1) not found; an advisor run that hangs will hang the benchmark"
fi

# shellcheck source-path=SCRIPTDIR source=../tests/lib/pg.sh disable=SC1091
. "$here/../tests/lib/pg.sh"

trap ip_pg_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# No autovacuum: the statistics must not change between advisor runs.
# wal_level = minimal lets the load skip the WAL for the tables it creates
# in its transaction. The caller's IP_PG_CONF_EXTRA comes last and wins.
conf=$'autovacuum = off\nwal_level = minimal\nmax_wal_senders = 0'
conf+=$'\nshared_buffers = 256MB\nmax_wal_size = 4GB'
[[ -z ${IP_PG_CONF_EXTRA:-} ]] || conf+=$'\n'$IP_PG_CONF_EXTRA
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ip-bench.XXXXXX")
if ! IP_PG_CONF_EXTRA=$conf ip_pg_start "$tmp"; then
	err "cannot start a PostgreSQL server"
	exit 1
fi
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

# ------------------------------------------------------------- the load

note "loading advbench from ${schema#"$PWD"/}"
ip_psql -c 'CREATE DATABASE advbench'
t0=$(now)
if ! ip_psql -d advbench -f "$schema" >"$work/load.out" 2>"$work/load.err"; then
	err "loading '$schema' failed"
	sed 's/^/    /' "$work/load.err" >&2
	exit 1
fi
t1=$(now)
load_s=$(seconds_between "$t0" "$t1")

printf 'advise: loaded advbench in %s s (goal < 60 s)\n' "$load_s"
ip_psql -d advbench -A -t -F ' ' -c "
	SELECT c.relname, c.reltuples::bigint, pg_table_size(c.oid),
	       pg_indexes_size(c.oid)
	FROM pg_class AS c
	WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
	ORDER BY pg_table_size(c.oid) DESC, c.relname" >"$work/tables"
awk '
	BEGIN { printf "advise: %-12s %10s %14s %14s\n", "table", "rows", "table bytes", "index bytes" }
	{ printf "advise: %-12s %10s %14s %14s\n", $1, $2, $3, $4 }' "$work/tables"
read -r largest largest_bytes < <(awk 'NR == 1 { print $1, $3 }' "$work/tables")
if ! [[ ${largest_bytes:-} =~ ^[1-9][0-9]*$ ]]; then
	err "cannot find the size of the largest table"
	exit 1
fi

# ------------------------------------------------------------- the workload

# Each statement of workload.sql round(calls / divisor) times, at least once.
# Statements end with ';' at the end of a line, and each follows its
# '-- calls: N' line (see the header of workload.sql).
make_run_script() {
	awk -v div="$divisor" '
		function flush(   n, i) {
			n = int(calls / div + 0.5)
			if (n < 1) n = 1
			for (i = 0; i < n; i++) printf "%s\n", stmt
			total += n
			stmt = ""; calls = 0
		}
		/^[ \t]*--[ \t]*calls:[ \t]*[0-9]+[ \t]*$/ {
			sub(/^[^:]*:[ \t]*/, ""); calls = $0 + 0; next
		}
		stmt == "" && (/^[ \t]*--/ || /^[ \t]*$/) { next }
		{
			stmt = stmt == "" ? $0 : stmt "\n" $0
			if ($0 ~ /;[ \t]*$/) flush()
		}
		END { if (stmt != "") flush(); printf "-- %d statements\n", total }
	' "$workload"
}

facts=
if ((run_workload)); then
	make_run_script >"$work/run-workload.sql"
	n_run=$(tail -n 1 "$work/run-workload.sql" | awk '{ print $2 }')
	# the statistics window starts here: the bulk load is not the
	# workload's write rate (the advisor reads the tables' counters)
	ip_psql -d advbench -c "SELECT pg_stat_statements_reset()" \
		-c "SELECT pg_stat_reset()" >/dev/null
	if ip_psql -d advbench -A -t -c \
		"SELECT 1 FROM pg_available_extensions WHERE name = 'pg_qualstats'" | grep -q 1; then
		ip_psql -d advbench -c 'CREATE EXTENSION IF NOT EXISTS pg_qualstats' \
			-c 'SELECT pg_qualstats_reset()' >/dev/null
	fi
	note "executing the workload: $n_run statements (calls / $divisor)"
	t0=$(now)
	if ! ip_psql -d advbench -o /dev/null -f "$work/run-workload.sql" 2>"$work/run.err"; then
		err "executing the workload failed"
		sed 's/^/    /' "$work/run.err" >&2
		exit 1
	fi
	t1=$(now)
	n_pgss=$(ip_psql -d advbench -A -t -c "
		SELECT count(*) FROM pg_stat_statements AS s
		JOIN pg_database AS d ON d.oid = s.dbid
		WHERE d.datname = 'advbench' AND s.query ~* '^(SELECT|INSERT|UPDATE)'
		  AND s.query ~ '(customers|orders|payments|shipments|reviews|events|products)'")
	printf 'advise: executed %s statements in %s s; pg_stat_statements has %s entries for them\n' \
		"$n_run" "$(seconds_between "$t0" "$t1")" "$n_pgss"
	if [[ -n $collect ]]; then
		facts=$work/facts.ndjson
		rc=0
		"$collect" -d advbench >"$facts" 2>"$work/collect.err" || rc=$?
		if ((rc != 0 && rc != 6)); then
			note "warning: ip-collect failed (exit $rc); the facts are incomplete"
			sed 's/^/    /' "$work/collect.err" >&2
		fi
		printf 'advise: ip-collect wrote %s records, %s of them statements\n' \
			"$(wc -l <"$facts" | tr -d ' ')" \
			"$(grep -c '^{"type":"statement"' "$facts" || true)"
	fi
fi

if ((!advise)); then
	note "stopping after the load: nothing to compare"
	exit 0
fi

# ------------------------------------------------------------- the runs

if [[ $input == facts ]]; then
	input_args=("$facts")
	note "advisor input: ip-collect facts"
else
	input_args=("--workload=$workload")
fi

# run_one STRATEGY BYTES TAG: run the advisor, print one line:
# "rc wall used budget before after whatif gap seconds skipped solver"
# with '-' for what is unknown.
run_one() {
	local s=$1 bytes=$2 tag=$3 out rc start end
	out=$work/$tag
	rc=0
	start=$(now)
	"${timeout_cmd[@]}" "$indexes" --advise --strategy="$s" --budget="$bytes" \
		"${input_args[@]}" -d advbench --format=ndjson \
		>"$out.ndjson" 2>"$out.err" || rc=$?
	end=$(now)
	jq -r --arg rc "$rc" --arg wall "$(seconds_between "$start" "$end")" -s '
		def v(k): if . == null or .[k] == null then "-" else .[k] | tostring end;
		([.[] | select(type == "object" and .type == "selection")] | last) as $r
		| [$rc, $wall, ($r | v("used_bytes")), ($r | v("budget_bytes")),
		   ($r | v("cost_before")), ($r | v("cost_after")),
		   ($r | v("what_if_calls")), ($r | v("gap")), ($r | v("seconds")),
		   ($r | v("skipped_statements")), ($r | v("solver"))]
		| join(" ")' "$out.ndjson" 2>"$out.jq" ||
		printf '%s %s - - - - - - - - -\n' "$rc" "$(seconds_between "$start" "$end")"
}

printf 'advise: largest table %s, %s bytes; budgets in %% of it\n' "$largest" "$largest_bytes"
note "running ${#strategies[@]} strategies at ${#budgets[@]} budgets"

declare -A rel over fail told
ip_rows=()
for pct in "${budgets[@]}"; do
	bytes=$(awk -v t="$largest_bytes" -v p="$pct" 'BEGIN { printf "%.0f\n", t * p / 100 }')
	for s in "${strategies[@]}"; do
		read -r rc wall used rbudget before after whatif gap secs skipped solver \
			< <(run_one "$s" "$bytes" "$s-$pct")
		key=$pct/$s
		rel[$key]=-
		over[$key]=0
		fail[$key]=0
		if [[ $skipped != - && $skipped != 0 ]]; then
			note "$s at $pct %: $skipped statements could not be costed"
		fi
		# A cost_before of 0 means that no statement was costed.
		if ((rc != 0)) || [[ $before == - || $after == - ]] ||
			awk -v b="$before" 'BEGIN { exit !(b <= 0) }'; then
			fail[$key]=1
			if ((rc == 124)); then
				note "$s at $pct %: timed out after $timeout_s s"
			elif ((rc != 0)); then
				note "$s at $pct %: exit $rc, no usable selection record"
			elif [[ $before == - || $after == - ]]; then
				note "$s at $pct %: no selection record with costs"
			else
				note "$s at $pct %: cost_before is $before: no statement was costed"
			fi
			# The reason once per strategy: it is usually the same.
			if [[ -z ${told[$s]+x} ]]; then
				told[$s]=1
				sed -n '1,5s/^/    /p' "$work/$s-$pct.err" >&2
			fi
			continue
		fi
		rel[$key]=$(awk -v a="$after" -v b="$before" \
			'BEGIN { if (b > 0) printf "%.4f\n", a / b; else print "-" }')
		if [[ $used != - ]] && awk -v u="$used" -v b="$bytes" 'BEGIN { exit !(u > b) }'; then
			over[$key]=1
		fi
		if [[ $rbudget != - ]] && awk -v r="$rbudget" -v b="$bytes" 'BEGIN { exit !(r != b) }'; then
			note "$s at $pct %: the record says budget_bytes $rbudget, not $bytes"
		fi
		if [[ $s == ip ]]; then
			[[ $secs != - ]] || secs=$wall
			ip_rows+=("$pct $used $whatif $secs $gap $solver")
		fi
	done
done

# ------------------------------------------------------------- the table

ip_field() { # PCT FIELD(2..6)
	local row
	for row in "${ip_rows[@]}"; do
		if [[ ${row%% *} == "$1" ]]; then
			awk -v f="$2" '{ print $f }' <<<"$row"
			return
		fi
	done
	printf '%s\n' -
}

short() {
	case $1 in
	every-predicate) printf 'every-pred' ;;
	*) printf '%s' "$1" ;;
	esac
}

header=$(printf '%6s %12s' 'budget' 'bytes')
for s in "${strategies[@]}"; do
	header+=$(printf ' %10s' "$(short "$s")")
done
header+=$(printf ' %12s %7s %7s %8s %6s' 'ip used' 'whatif' 'ip s' 'ip gap' 'ip<=bl')
printf 'advise: relative workload cost = cost with / without the new indexes (lower is better)\n'
printf 'advise: ! = over budget, n/a = no result, ip<=bl = ip at most the best baseline within budget\n'
printf 'advise: %s\n' "$header"

has_ip=0
for s in "${strategies[@]}"; do [[ $s == ip ]] && has_ip=1; done
ip_over=() ip_worse=() ip_gap=() ip_slow=() ip_calls=() over_list=()
for pct in "${budgets[@]}"; do
	bytes=$(awk -v t="$largest_bytes" -v p="$pct" 'BEGIN { printf "%.0f\n", t * p / 100 }')
	line=$(printf '%5s%% %12s' "$pct" "$bytes")
	best=
	for s in "${strategies[@]}"; do
		key=$pct/$s
		cell=${rel[$key]}
		if ((fail[$key])); then
			cell=n/a
		elif ((over[$key])); then
			cell+='!'
			over_list+=("$s at $pct %")
		fi
		line+=$(printf ' %10s' "$cell")
	done
	for s in "${baselines[@]}"; do
		key=$pct/$s
		[[ -n ${rel[$key]+x} && ${rel[$key]} != - ]] || continue
		((over[$key] == 0)) || continue
		if [[ -z $best ]] || awk -v a="${rel[$key]}" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=${rel[$key]}
		fi
	done
	verdict=-
	if ((has_ip)) && ((fail[$pct/ip])); then
		ip_worse+=("$pct % (no selection)")
	elif ((has_ip)) && [[ ${rel[$pct/ip]} != - && -n $best ]]; then
		# Compare the unrounded costs' ratios within 1e-9 of each other.
		if awk -v a="${rel[$pct/ip]}" -v b="$best" 'BEGIN { exit !(a <= b + 1e-9) }'; then
			verdict=yes
		else
			verdict=no
			ip_worse+=("$pct %")
		fi
	fi
	if ((has_ip)); then
		used=$(ip_field "$pct" 2)
		whatif=$(ip_field "$pct" 3)
		secs=$(ip_field "$pct" 4)
		gap=$(ip_field "$pct" 5)
		[[ $gap == - ]] || gap=$(awk -v g="$gap" 'BEGIN { printf "%.2f%%", g * 100 }')
		[[ $secs == - ]] || secs=$(awk -v x="$secs" 'BEGIN { printf "%.2f", x }')
		line+=$(printf ' %12s %7s %7s %8s %6s' "$used" "$whatif" "$secs" "$gap" "$verdict")
		((over[$pct/ip] == 0)) || ip_over+=("$pct %")
		if [[ $gap != - ]] && awk -v g="$(ip_field "$pct" 5)" 'BEGIN { exit !(g > 0.005) }'; then
			ip_gap+=("$pct %")
		fi
		if [[ $secs != - ]] && awk -v x="$secs" 'BEGIN { exit !(x >= 5) }'; then
			ip_slow+=("$pct %")
		fi
		if [[ $whatif != - ]] && awk -v n="$whatif" 'BEGIN { exit !(n >= 2000) }'; then
			ip_calls+=("$pct %")
		fi
	fi
	printf 'advise: %s\n' "$line"
done

# join_or WORD ITEMS...: "ITEM, ITEM" or WORD when there are none.
join_or() {
	local word=$1 out=
	shift
	(($# > 0)) || {
		printf '%s\n' "$word"
		return
	}
	printf -v out '%s, ' "$@"
	printf '%s\n' "${out%, }"
}

# yes_or_list ITEMS...: "yes" when there are none, else "no (ITEM, ITEM)".
yes_or_list() {
	if (($# == 0)); then
		printf 'yes\n'
	else
		printf 'no (%s)\n' "$(join_or - "$@")"
	fi
}

printf 'advise: over budget: %s\n' "$(join_or none "${over_list[@]}")"
if ((has_ip)); then
	no_result=()
	for pct in "${budgets[@]}"; do ((fail[$pct/ip] == 0)) || no_result+=("$pct %"); done
	if ((${#no_result[@]} > 0)); then
		printf 'advise: ip gave no result at %s (the goals below hold only for the others)\n' \
			"$(join_or - "${no_result[@]}")"
	fi
	printf 'advise: goal ip <= best baseline within budget at every budget: %s\n' \
		"$(yes_or_list "${ip_worse[@]}")"
	printf 'advise: goal ip never over budget: %s\n' "$(yes_or_list "${ip_over[@]}")"
	printf 'advise: goal ip gap <= 0.5 %%: %s\n' "$(yes_or_list "${ip_gap[@]}")"
	printf 'advise: goal ip < 5 s per budget: %s\n' "$(yes_or_list "${ip_slow[@]}")"
	printf 'advise: goal ip < 2000 what-if calls per budget: %s\n' "$(yes_or_list "${ip_calls[@]}")"
fi
if [[ ${IP_KEEP_TMP:-0} == 1 ]]; then
	note "advisor outputs kept in '$work'"
fi
exit 0
