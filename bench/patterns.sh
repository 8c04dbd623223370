#!/usr/bin/env bash
#
# bench/patterns.sh - how fast ip-patterns lints and fingerprints a large
# PostgreSQL statement log, against sqlfluff and pt-fingerprint measured in
# the same run on the same statements.
#
# bench/patterns/gen.sh writes a 100,000-statement file (a web shop's
# SELECTs with joins, IN lists and LIKE, INSERT ... VALUES, UPDATE,
# DELETE, DDL and transaction control; deterministic for a seed). Then:
#
#   (a) lint:        $BINDIR/ip-patterns --dialect=pg FILE > /dev/null on
#                    all statements, against sqlfluff lint --dialect
#                    postgres on the first 1,000 statements (sqlfluff is
#                    about a thousand times slower: the whole file would
#                    take a day). Statements per second each and their
#                    ratio (goal >= 1000).
#   (b) fingerprint: $BINDIR/ip-patterns --fingerprint --convention=percona
#                    FILE against pt-fingerprint FILE, both on all
#                    statements. Fingerprints per second each (pt-fingerprint
#                    skips statements that begin with a comment, so each
#                    rate counts the fingerprints the tool printed) and
#                    their ratio (goal >= 10).
#   (c) memory:      peak RSS (GNU time %M) of the lint run on the first
#                    10,000 statements and on all of them, and their ratio
#                    (goal: about 1, memory does not grow with the input).
#
# ip-patterns and pt-fingerprint run RUNS times each, alternately, after
# one untimed warm-up (which also checks their output), and the medians
# count; sqlfluff runs SQLFLUFF_RUNS times (default once: 1,000 statements
# take it 5 to 15 minutes). Every rate and ratio is given by wall clock
# and by CPU time (user + system, from GNU time), which other load on a
# shared machine disturbs less. Like every benchmark here it reports and
# never asserts: the exit status is 0 whatever the ratios, also when a
# baseline is not installed (that comparison is skipped, with the command
# that installs it) or ip-patterns is not built yet (only the baselines
# are measured), and non-zero only when it could not measure at all.
#
# Usage: bench/patterns.sh
# Environment:
#   BINDIR                     where ip-patterns is (default: bin)
#   IP_BENCH_STATEMENTS        statements in the file (default 100000)
#   IP_BENCH_SMALL             statements of the small memory run (default
#                              10000)
#   IP_BENCH_SQLFLUFF_STATEMENTS  statements sqlfluff lints (default 1000;
#                              0 skips sqlfluff)
#   IP_BENCH_SEED              generator seed (default 20261121)
#   IP_BENCH_RUNS              timed runs of ip-patterns and pt-fingerprint
#                              (default 3; the median counts)
#   IP_BENCH_SQLFLUFF_RUNS     timed runs of sqlfluff (default 1)
#   IP_KEEP_TMP=1              keep the work directory (statements and
#                              outputs)
#
# The baselines are Debian packages: sqlfluff (apt-get install -y
# sqlfluff) and percona-toolkit (pt-fingerprint); peak RSS needs time.

set -euo pipefail

prog=${0##*/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

BINDIR=${BINDIR:-bin}
statements=${IP_BENCH_STATEMENTS:-100000}
small=${IP_BENCH_SMALL:-10000}
sf_statements=${IP_BENCH_SQLFLUFF_STATEMENTS:-1000}
seed=${IP_BENCH_SEED:-20261121}
runs=${IP_BENCH_RUNS:-3}
sf_runs=${IP_BENCH_SQLFLUFF_RUNS:-1}

err() {
	printf '%s: error: %s\n' "$prog" "$*" >&2
}

note() {
	printf '%s: %s\n' "$prog" "$*" >&2
}

for v in statements:"$statements" small:"$small" seed:"$seed" runs:"$runs" \
	sqlfluff_runs:"$sf_runs"; do
	if ! [[ ${v#*:} =~ ^[1-9][0-9]*$ ]]; then
		err "invalid ${v%%:*} '${v#*:}' (a positive integer)"
		exit 2
	fi
done
if ! [[ $sf_statements =~ ^(0|[1-9][0-9]*)$ ]]; then
	err "invalid IP_BENCH_SQLFLUFF_STATEMENTS '$sf_statements'"
	exit 2
fi
if ((small > statements)); then
	small=$statements
fi
if ((sf_statements > statements)); then
	sf_statements=$statements
fi

# What can run: every missing tool only skips its comparison.
patterns=
if [[ -x $BINDIR/ip-patterns ]]; then
	patterns=$(cd "$BINDIR" && pwd)/ip-patterns
else
	note "cannot find '$BINDIR/ip-patterns'; only the baselines will be measured (build first: make, or set BINDIR)"
fi
sqlfluff=
if ((sf_statements > 0)); then
	if command -v sqlfluff >/dev/null 2>&1; then
		sqlfluff=$(command -v sqlfluff)
	else
		note "sqlfluff not found: the lint comparison is skipped; install it with 'apt-get install -y sqlfluff' (as root; Debian package sqlfluff)"
	fi
fi
ptfp=
if command -v pt-fingerprint >/dev/null 2>&1; then
	ptfp=$(command -v pt-fingerprint)
else
	note "pt-fingerprint not found: the fingerprint comparison is skipped; install it with 'apt-get install -y percona-toolkit' (as root)"
fi
timer=
if [[ -x /usr/bin/time ]]; then
	timer=/usr/bin/time
else
	note "/usr/bin/time not found: peak RSS is not measured; install it with 'apt-get install -y time' (as root)"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ip-bench.XXXXXX")
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
	if [[ ${IP_KEEP_TMP:-0} == 1 ]]; then
		note "work directory kept: '$tmp'"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Seconds since the epoch with microseconds, from bash itself.
now() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		printf '%s\n' "${EPOCHREALTIME/,/.}"
	else
		date +%s.%N
	fi
}

# seconds_between START END -> "1.234567"
seconds_between() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f\n", b - a }'
}

median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# rate COUNT SECONDS -> per second, "n/a" when it cannot be computed
rate() {
	awk -v n="$1" -v s="$2" 'BEGIN {
		if (s == "n/a" || !(s > 0 && n > 0)) print "n/a"
		else if (n / s < 100) printf "%.2f\n", n / s
		else printf "%.0f\n", n / s }'
}

# ratio A B -> A / B with two decimals, "n/a" when unknown
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a != "n/a" && b != "n/a" && b > 0) printf "%.2f\n", a / b; else print "n/a" }'
}

# first_statements K FILE: the lines up to the K-th line that ends with ';'
# (gen.sh ends every statement, and only the last line of each, so).
first_statements() {
	awk -v k="$1" '{ print } /;[ \t]*$/ { if (++n == k) exit }' "$2"
}

# run_timed NAME CMD...: runs CMD with stdout to NAME.out (or /dev/null
# unless KEEP_OUT is set), prints "WALL_S CPU_S RSS_KB EXIT" (CPU = user +
# system; CPU and RSS "-" without /usr/bin/time).
run_timed() {
	local name=$1 start end rc rss=- cpu=- out=/dev/null
	shift
	[[ -z ${KEEP_OUT:-} ]] || out=$tmp/$name.out
	start=$(now)
	rc=0
	if [[ -n $timer ]]; then
		"$timer" -f '%M %U %S' -o "$tmp/$name.time" "$@" >"$out" 2>"$tmp/$name.err" || rc=$?
	else
		"$@" >"$out" 2>"$tmp/$name.err" || rc=$?
	fi
	end=$(now)
	if [[ -n $timer && -s $tmp/$name.time ]]; then
		read -r rss user sys < <(tail -n 1 "$tmp/$name.time")
		if [[ $rss =~ ^[0-9]+$ && $user =~ ^[0-9.]+$ && $sys =~ ^[0-9.]+$ ]]; then
			cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f\n", u + s }')
		else
			rss=- cpu=-
		fi
	fi
	printf '%s %s %s %s\n' "$(seconds_between "$start" "$end")" "$cpu" "$rss" "$rc"
}

# failed NAME RC: whether a run failed (ip-patterns exits 1 when findings
# reach --fail-on), after saying so with its first lines of stderr.
failed() {
	local name=$1 rc=$2
	case $name:$rc in
	ip-*:0 | ip-*:1 | pt-*:0) return 1 ;;
	esac
	note "$name failed (exit $rc)"
	sed -n '1,5s/^/    /p' "$tmp/$name.err" >&2
	return 0
}

# ----------------------------------------------------------- the input

all=$tmp/statements.sql
note "generating $statements statements (seed $seed)"
t0=$(now)
if ! sh "$here/patterns/gen.sh" -n "$statements" -s "$seed" >"$all"; then
	err "bench/patterns/gen.sh failed"
	exit 1
fi
t1=$(now)
n_all=$(grep -c ';[[:space:]]*$' "$all" || true)
if [[ $n_all != "$statements" ]]; then
	err "the generator wrote $n_all statements, not $statements"
	exit 1
fi
first_statements "$small" "$all" >"$tmp/small.sql"
printf 'patterns: %d statements, %d lines, %d bytes, generated in %.2f s\n' \
	"$n_all" "$(wc -l <"$all")" "$(wc -c <"$all")" "$(seconds_between "$t0" "$t1")"

lint_cmd=("$patterns" --dialect=pg "$all")
small_cmd=("$patterns" --dialect=pg "$tmp/small.sql")
fp_cmd=("$patterns" --fingerprint --convention=percona "$all")
pt_cmd=("$ptfp" "$all")

# ----------------------------------------------------------- warm-up

# Untimed: fills the page cache and checks that each tool did the work.
fp_count=
pt_count=
if [[ -n $patterns ]]; then
	note "warm-up: ip-patterns"
	rc=0
	"$patterns" --dialect=pg --format=ndjson "$all" >"$tmp/lint.ndjson" 2>"$tmp/ip-warmup.err" || rc=$?
	if failed ip-warmup "$rc"; then
		patterns=
	else
		printf 'patterns: ip-patterns --dialect=pg: %s findings on %d statements (exit %d)\n' \
			"$(grep -c '^{"type":"finding"' "$tmp/lint.ndjson" || true)" "$n_all" "$rc"
		rm -f "$tmp/lint.ndjson"
	fi
fi
if [[ -n $patterns ]]; then
	rc=0
	"${fp_cmd[@]}" >"$tmp/fp.ndjson" 2>"$tmp/ip-fp-warmup.err" || rc=$?
	if failed ip-fp-warmup "$rc"; then
		fp_count=0
	else
		fp_count=$(grep -c '"type":"fingerprint"' "$tmp/fp.ndjson" || true)
		printf 'patterns: ip-patterns --fingerprint --convention=percona: %s fingerprints for %d statements\n' \
			"$fp_count" "$n_all"
	fi
	rm -f "$tmp/fp.ndjson"
fi
if [[ -n $ptfp ]]; then
	note "warm-up: pt-fingerprint"
	rc=0
	"${pt_cmd[@]}" >"$tmp/pt.out" 2>"$tmp/pt-warmup.err" || rc=$?
	if failed pt-warmup "$rc"; then
		ptfp=
	else
		pt_count=$(wc -l <"$tmp/pt.out")
	fi
	rm -f "$tmp/pt.out"
fi

# ----------------------------------------------------------- timed runs

lint_wall=() lint_cpu=() fp_wall=() fp_cpu=() pt_wall=() pt_cpu=()
small_rss=() all_rss=()
# add_cpu ARRAY VALUE: appends a CPU time unless it is unknown ("-")
add_cpu() {
	[[ $2 == - ]] || eval "$1+=(\"\$2\")"
}
for ((r = 1; r <= runs; r++)); do
	msg="run $r/$runs:"
	if [[ -n $patterns ]]; then
		read -r secs cpu rss rc < <(run_timed ip-lint "${lint_cmd[@]}")
		if failed ip-lint "$rc"; then
			exit 1
		fi
		lint_wall+=("$secs")
		add_cpu lint_cpu "$cpu"
		[[ $rss == - ]] || all_rss+=("$rss")
		msg+=" lint ${secs} s (cpu ${cpu} s)"
		read -r secs cpu rss rc < <(run_timed ip-small "${small_cmd[@]}")
		if failed ip-small "$rc"; then
			exit 1
		fi
		[[ $rss == - ]] || small_rss+=("$rss")
		if [[ -n $fp_count && $fp_count != 0 ]]; then
			read -r secs cpu rss rc < <(run_timed ip-fp "${fp_cmd[@]}")
			if failed ip-fp "$rc"; then
				exit 1
			fi
			fp_wall+=("$secs")
			add_cpu fp_cpu "$cpu"
			msg+=", fingerprint ${secs} s (cpu ${cpu} s)"
		fi
	fi
	if [[ -n $ptfp ]]; then
		read -r secs cpu rss rc < <(run_timed pt-fp "${pt_cmd[@]}")
		if failed pt-fp "$rc"; then
			exit 1
		fi
		pt_wall+=("$secs")
		add_cpu pt_cpu "$cpu"
		msg+=", pt-fingerprint ${secs} s (cpu ${cpu} s)"
	fi
	note "$msg"
done

# sqlfluff gets one file per statement in one directory, linted by one
# process: its parser slows down with the length of a file (200 statements
# as one file take it ten times as long as the same statements as 200
# files), and its users lint many small files.
sf_wall=() sf_cpu=()
sf_violations=
sf_unparsable=
if [[ -n $sqlfluff ]]; then
	mkdir -p "$tmp/sqlfluff/sql"
	first_statements "$sf_statements" "$all" |
		awk -v dir="$tmp/sqlfluff/sql" '
			{ f = sprintf("%s/%06d.sql", dir, n + 1); print > f }
			/;[ \t]*$/ { close(f); n++ }'
	# sqlfluff skips files over 20,000 bytes by default ("parser lock")
	printf '[sqlfluff]\nlarge_file_skip_byte_limit = 0\n' >"$tmp/sqlfluff/config.cfg"
	sf_cmd=("$sqlfluff" lint --dialect postgres --config "$tmp/sqlfluff/config.cfg"
		--processes 1 --disable-progress-bar --nofail "$tmp/sqlfluff/sql")
	for ((r = 1; r <= sf_runs; r++)); do
		note "sqlfluff run $r/$sf_runs on $sf_statements statements (a third of a second to a second each)"
		read -r secs cpu rss rc < <(KEEP_OUT=1 run_timed sqlfluff "${sf_cmd[@]}")
		if ((rc != 0)); then
			note "sqlfluff failed (exit $rc); the lint comparison is skipped"
			sed -n '1,5s/^/    /p' "$tmp/sqlfluff.err" >&2
			sf_wall=() sf_cpu=()
			break
		fi
		sf_wall+=("$secs")
		add_cpu sf_cpu "$cpu"
		note "sqlfluff run $r/$sf_runs: ${secs} s (cpu ${cpu} s)"
	done
	if ((${#sf_wall[@]} > 0)); then
		sf_violations=$(grep -c '^L: *[0-9]' "$tmp/sqlfluff.out" || true)
		sf_unparsable=$(grep -c '| *PRS *|' "$tmp/sqlfluff.out" || true)
	fi
fi

# ----------------------------------------------------------- the report

# med ARRAY...: the median, "n/a" for none
med() {
	if (($# == 0)); then
		printf 'n/a\n'
	else
		median "$@"
	fi
}

# line LABEL COUNT UNIT WALL CPU: "COUNT UNIT in W s = R UNIT/s (cpu C s = R/s)"
line() {
	local label=$1 count=$2 unit=$3 wall=$4 cpu=$5 text
	text=$(printf '%s %s in %.3f s = %s %s/s' "$count" "$unit" "$wall" "$(rate "$count" "$wall")" "$unit")
	if [[ $cpu != n/a ]]; then
		text+=$(printf ' (cpu %s s = %s/s)' "$cpu" "$(rate "$count" "$cpu")")
	fi
	printf 'patterns: %s: %s\n' "$label" "$text"
}

lint_w=$(med "${lint_wall[@]}") lint_c=$(med "${lint_cpu[@]}")
fp_w=$(med "${fp_wall[@]}") fp_c=$(med "${fp_cpu[@]}")
pt_w=$(med "${pt_wall[@]}") pt_c=$(med "${pt_cpu[@]}")
sf_w=$(med "${sf_wall[@]}") sf_c=$(med "${sf_cpu[@]}")

# rates per statement/fingerprint, by wall clock and by CPU time
lint_rw=n/a lint_rc=n/a sf_rw=n/a sf_rc=n/a
fp_rw=n/a fp_rc=n/a pt_rw=n/a pt_rc=n/a
per_s() {
	awk -v n="$1" -v s="$2" 'BEGIN { if (s != "n/a" && s > 0 && n > 0) printf "%.6f\n", n / s; else print "n/a" }'
}
if ((${#lint_wall[@]} > 0)); then
	lint_rw=$(per_s "$n_all" "$lint_w") lint_rc=$(per_s "$n_all" "$lint_c")
fi
if ((${#sf_wall[@]} > 0)); then
	sf_rw=$(per_s "$sf_statements" "$sf_w") sf_rc=$(per_s "$sf_statements" "$sf_c")
fi
if ((${#fp_wall[@]} > 0)); then
	fp_rw=$(per_s "$fp_count" "$fp_w") fp_rc=$(per_s "$fp_count" "$fp_c")
fi
if ((${#pt_wall[@]} > 0)); then
	pt_rw=$(per_s "$pt_count" "$pt_w") pt_rc=$(per_s "$pt_count" "$pt_c")
fi

printf 'patterns: medians of %d runs (sqlfluff: %d); wall clock, and CPU time (user + system), which a busy machine disturbs less\n' \
	"$runs" "$sf_runs"
if ((${#lint_wall[@]} > 0)); then
	line "(a) ip-patterns --dialect=pg" "$n_all" statements "$lint_w" "$lint_c"
fi
if ((${#sf_wall[@]} > 0)); then
	line "(a) sqlfluff lint --dialect postgres" "$sf_statements" statements "$sf_w" "$sf_c"
	printf 'patterns: (a) sqlfluff found %s violations, %s unparsable\n' \
		"$sf_violations" "$sf_unparsable"
fi
printf 'patterns: (a) lint ratio ip-patterns / sqlfluff: %s by wall clock, %s by CPU (goal >= 1000)\n' \
	"$(ratio "$lint_rw" "$sf_rw")" "$(ratio "$lint_rc" "$sf_rc")"
if ((${#fp_wall[@]} > 0)); then
	line "(b) ip-patterns --fingerprint --convention=percona" "$fp_count" fingerprints "$fp_w" "$fp_c"
fi
if ((${#pt_wall[@]} > 0)); then
	line "(b) pt-fingerprint" "$pt_count" fingerprints "$pt_w" "$pt_c"
fi
if [[ -n $pt_count && $pt_count != "$n_all" ]]; then
	printf 'patterns: (b) of %d statements pt-fingerprint prints %s: it skips those that begin with a comment (so does ip-patterns, to match it)\n' \
		"$n_all" "$pt_count"
fi
printf 'patterns: (b) fingerprint ratio ip-patterns / pt-fingerprint: %s by wall clock, %s by CPU (goal >= 10)\n' \
	"$(ratio "$fp_rw" "$pt_rw")" "$(ratio "$fp_rc" "$pt_rc")"
if ((${#small_rss[@]} > 0 && ${#all_rss[@]} > 0)); then
	small_max=$(printf '%s\n' "${small_rss[@]}" | sort -n | tail -n 1)
	all_max=$(printf '%s\n' "${all_rss[@]}" | sort -n | tail -n 1)
	printf 'patterns: (c) ip-patterns --dialect=pg peak RSS: %d statements %s kB, %d statements %s kB, ratio %s (goal: about 1)\n' \
		"$small" "$small_max" "$n_all" "$all_max" "$(ratio "$all_max" "$small_max")"
else
	printf 'patterns: (c) ip-patterns peak RSS: n/a\n'
fi
exit 0
