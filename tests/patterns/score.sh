#!/bin/sh
#
# tests/patterns/score.sh - precision and recall of every ip-patterns rule
# on the rule corpus, and a check that every rule has a firing case and a
# near miss.
#
# The corpus (tests/patterns/corpus, see its README):
#
#   sql/ cases   <dialect>/*.sql with <dialect> pg, my or ms; run as
#                ip-patterns --dialect=pg|mysql|mssql --profile=all
#                --format=ndjson FILE. Annotation lines apply to the next
#                statement:
#                    -- expect: rule-id[, rule-id ...]     must fire
#                    -- near-miss: rule-id[, rule-id ...]  must not fire
#                The statement's line is the first line after the
#                annotations that is neither blank nor a '--' comment line;
#                a finding belongs to the statement whose line is its
#                evidence.line. Statements without annotations expect
#                nothing.
#   plan/        *.json and *.txt EXPLAIN outputs, each run as
#                --input=plan --dialect=pg; the whole file is one case.
#   workload/    *.ndjson statement records, each run as --input=records
#                (no --dialect: each record's src.engine says which); the
#                whole file is one case.
#                A plan or workload file NAME.EXT has the sidecar
#                NAME.expect with lines 'expect: rule-id' and
#                'near-miss: rule-id' (a comma list is allowed too; '#'
#                starts a comment line); its findings are all the
#                findings of the file.
#
# Per rule: TP = expected and fired on that case, FN = expected and not
# fired, FP = fired on a case that does not expect it (annotated or not; a
# rule firing twice on one case counts once). It prints a table (rule,
# input, expect and near-miss cases, TP FP FN, precision, recall, F1; a
# rule with no positives and no findings scores 1 when it has cases and
# n/a otherwise), the micro-averaged P/R/F1, every miss and false alarm
# with its place, and the coverage check: every rule of
# `ip-patterns --list --format=ndjson` whose input is sql, plan or
# workload and whose dialects meet the corpus (sql and workload: pg, my,
# ms; plan: pg) needs at least one expect and one near-miss case.
#
# Exit status: 0 when every rule scores F1 = 1 and coverage is complete;
# 1 when a rule scores below 1, a rule lacks a case, an annotation names a
# rule that --list does not print, an annotation or sidecar is malformed,
# or ip-patterns failed on a file; 2 when it cannot run (no ip-patterns,
# no jq). With IP_SCORE_ALLOW_MISSING=1 missing cases and unknown rule ids
# only warn (while the rules are being written). The last line counts
# rules: 'score: N passed, N failed, N skipped' (skipped: no case and no
# finding; corpus and run problems count as one more failure).
#
# Usage: sh tests/patterns/score.sh [-v]
#   -v   also list every true positive
# Environment:
#   IP_PATTERNS              the program (default: $BINDIR/ip-patterns,
#                            BINDIR defaulting to bin/ of this repository)
#   IP_SCORE_CORPUS          the corpus directory (default:
#                            tests/patterns/corpus of this repository)
#   IP_SCORE_ALLOW_MISSING=1 coverage gaps and unknown ids only warn

prog=score.sh
root=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
patterns=${IP_PATTERNS:-${BINDIR:-$root/bin}/ip-patterns}
corpus=${IP_SCORE_CORPUS:-$root/tests/patterns/corpus}
allow_missing=${IP_SCORE_ALLOW_MISSING:-0}
verbose=0

err() {
	printf '%s: error: %s\n' "$prog" "$*" >&2
}

note() {
	printf '%s: %s\n' "$prog" "$*" >&2
}

for arg in "$@"; do
	case $arg in
	-v) verbose=1 ;;
	-h | --help)
		sed -n '3,/^$/s/^# \{0,1\}//p' "$0"
		exit 0
		;;
	*)
		err "unknown argument '$arg'"
		printf '%s: hint: try '\''sh tests/patterns/score.sh --help'\''\n' "$prog" >&2
		exit 2
		;;
	esac
done
case $allow_missing in
0 | 1) ;;
*)
	err "invalid IP_SCORE_ALLOW_MISSING '$allow_missing' (0 or 1)"
	exit 2
	;;
esac
if ! command -v jq >/dev/null 2>&1; then
	err "jq is needed to read the findings; install it (make deps)"
	exit 2
fi
if [ ! -x "$patterns" ]; then
	err "cannot run '$patterns'; build first (make) or set IP_PATTERNS"
	exit 2
fi
if [ ! -d "$corpus" ]; then
	err "cannot find the corpus directory '$corpus'"
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ip-score.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------- the rules

if ! "$patterns" --list --format=ndjson >"$tmp/list.ndjson" 2>"$tmp/list.err"; then
	err "'$patterns --list --format=ndjson' failed"
	sed 's/^/    /' "$tmp/list.err" >&2
	exit 2
fi
# id, input, dialects ("pg,my,ms")
if ! jq -r 'select(type == "object" and .type == "rule")
	| [.id, .input, ((.dialects // []) | join(","))] | @tsv' \
	"$tmp/list.ndjson" >"$tmp/rules.tsv" 2>"$tmp/list.err"; then
	err "cannot read the rule list of '$patterns --list --format=ndjson'"
	sed 's/^/    /' "$tmp/list.err" >&2
	exit 2
fi
if [ ! -s "$tmp/rules.tsv" ]; then
	err "'$patterns --list --format=ndjson' printed no rule records"
	exit 2
fi

# ------------------------------------------------------------- the cases

# Every case goes to cases.tsv as "KIND<TAB>CASE<TAB>RULE<TAB>INPUT<TAB>
# DIALECT" (KIND E or N; CASE file:line for SQL, the file otherwise), every
# finding to found.tsv as "CASE<TAB>RULE", and every problem with the
# corpus or a run to problems.txt (one line each).
: >"$tmp/cases.tsv"
: >"$tmp/found.tsv"
: >"$tmp/problems.txt"
nfiles=0

# annotations FILE REL DIALECT: the cases of one SQL file.
annotations() {
	awk -v rel="$2" -v dialect="$3" -v problems="$tmp/problems.txt" '
		function problem(msg) {
			printf "%s:%d: %s\n", rel, FNR, msg >> problems
		}
		# adds the ids after "expect:" / "near-miss:" to the pending set
		function pend(kind, text,   n, i, ids, id) {
			sub(/^[ \t]*--[ \t]*(expect|near-miss)[ \t]*:/, "", text)
			n = split(text, ids, ",")
			if (n == 0)
				problem("annotation without a rule id")
			for (i = 1; i <= n; i++) {
				id = ids[i]
				gsub(/^[ \t]+|[ \t]+$/, "", id)
				if (id !~ /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/) {
					problem("malformed rule id '\''" id "'\'' in annotation")
					continue
				}
				npend++
				pkind[npend] = kind
				pid[npend] = id
				pline[npend] = FNR
			}
		}
		{ sub(/\r$/, "") }
		/^[ \t]*--[ \t]*expect[ \t]*:/ { pend("E", $0); next }
		/^[ \t]*--[ \t]*near-miss[ \t]*:/ { pend("N", $0); next }
		/^[ \t]*--/ || /^[ \t]*$/ { next }
		npend > 0 {
			for (i = 1; i <= npend; i++)
				printf "%s\t%s:%d\t%s\tsql\t%s\n", pkind[i], rel, FNR, pid[i], dialect
			npend = 0
		}
		END {
			if (npend > 0)
				printf "%s:%d: annotation not followed by a statement\n", rel, pline[npend] >> problems
		}
	' "$1" >>"$tmp/cases.tsv"
}

# sidecar FILE REL: the expectations of one plan or workload file.
sidecar() {
	side=${1%.*}.expect
	if [ ! -f "$side" ]; then
		printf '%s: no sidecar %s\n' "$2" "${side##*/}" >>"$tmp/problems.txt"
		return
	fi
	awk -v rel="$2" -v input="$3" -v side="${side#"$corpus"/}" \
		-v problems="$tmp/problems.txt" '
		function problem(msg) {
			printf "%s:%d: %s\n", side, FNR, msg >> problems
		}
		{ sub(/\r$/, "") }
		/^[ \t]*#/ || /^[ \t]*$/ { next }
		{
			line = $0
			if (line ~ /^[ \t]*expect[ \t]*:/)
				kind = "E"
			else if (line ~ /^[ \t]*near-miss[ \t]*:/)
				kind = "N"
			else {
				problem("not an expect: or near-miss: line")
				next
			}
			sub(/^[^:]*:/, "", line)
			n = split(line, ids, ",")
			if (n == 0)
				problem("no rule id")
			for (i = 1; i <= n; i++) {
				id = ids[i]
				gsub(/^[ \t]+|[ \t]+$/, "", id)
				if (id !~ /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/) {
					problem("malformed rule id '\''" id "'\''")
					continue
				}
				printf "%s\t%s\t%s\t%s\t-\n", kind, rel, id, input
			}
		}
	' "$side" >>"$tmp/cases.tsv"
}

# run FILE REL KEY-MODE ARGS...: runs ip-patterns once on FILE and adds its
# findings to found.tsv (KEY-MODE line: the case is REL:evidence.line; file:
# the case is REL).
run() {
	file=$1 rel=$2 mode=$3
	shift 3
	nfiles=$((nfiles + 1))
	rc=0
	"$patterns" "$@" --profile=all --format=ndjson "$file" \
		>"$tmp/out.ndjson" 2>"$tmp/out.err" || rc=$?
	if [ -s "$tmp/out.err" ]; then
		sed -n "1,5s|^|$prog: $rel: |p" "$tmp/out.err" >&2
	fi
	# 0: no finding at or above --fail-on; 1: some (not asked for here)
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
		printf '%s: ip-patterns exited %d\n' "$rel" "$rc" >>"$tmp/problems.txt"
	fi
	if ! jq -r --arg rel "$rel" --arg mode "$mode" '
		select(type == "object" and .type == "finding")
		| [if $mode == "line" then "\($rel):\(.evidence.line // 0)" else $rel end,
		   .rule] | @tsv' "$tmp/out.ndjson" >>"$tmp/found.tsv" 2>"$tmp/jq.err"; then
		printf '%s: ip-patterns printed a line that is not JSON: %s\n' "$rel" \
			"$(head -n 1 "$tmp/jq.err")" >>"$tmp/problems.txt"
	fi
}

for dir in "$corpus"/*/; do
	[ -d "$dir" ] || continue
	name=${dir%/}
	name=${name##*/}
	case $name in
	pg) dialect=pg ;;
	my) dialect=mysql ;;
	ms) dialect=mssql ;;
	plan | workload) continue ;;
	*)
		note "warning: ignoring '$name/' (not pg, my, ms, plan or workload)"
		continue
		;;
	esac
	for f in "$dir"*.sql; do
		[ -f "$f" ] || continue
		rel=${f#"$corpus"/}
		annotations "$f" "$rel" "$name"
		run "$f" "$rel" line --dialect="$dialect"
	done
done
for f in "$corpus"/plan/*.json "$corpus"/plan/*.txt; do
	[ -f "$f" ] || continue
	rel=${f#"$corpus"/}
	sidecar "$f" "$rel" plan
	run "$f" "$rel" file --input=plan --dialect=pg
done
for f in "$corpus"/workload/*.ndjson; do
	[ -f "$f" ] || continue
	rel=${f#"$corpus"/}
	sidecar "$f" "$rel" workload
	run "$f" "$rel" file --input=records
done
if [ "$nfiles" -eq 0 ]; then
	err "no corpus files under '$corpus'"
	exit 2
fi

# ------------------------------------------------------------- the score

awk -F '\t' -v verbose="$verbose" -v allow="$allow_missing" \
	-v nfiles="$nfiles" -v problems="$tmp/problems.txt" '
	function fmt(x) { return x < 0 ? "n/a" : sprintf("%.3f", x) }
	# P, R and F1 of tp/fp/fn; -1 for n/a; has_cases says whether a rule
	# without positives or findings scores 1 or n/a
	function score(tp, fp, fn, has_cases) {
		if (tp + fp + fn == 0) {
			P = R = F = has_cases ? 1 : -1
			return
		}
		P = tp + fp > 0 ? tp / (tp + fp) : 0
		R = tp + fn > 0 ? tp / (tp + fn) : 0
		F = P + R > 0 ? 2 * P * R / (P + R) : 0
	}
	function add_rule(id) {
		if (!(id in known)) {
			known[id] = 1
			order[++nrules] = id
		}
	}
	FILENAME ~ /rules\.tsv$/ {
		listed[$1] = 1
		input[$1] = $2
		dialects[$1] = $3
		add_rule($1)
		next
	}
	FILENAME ~ /cases\.tsv$/ {
		kind = $1; c = $2; id = $3
		add_rule(id)
		if ((kind, c, id) in seen_case)
			next
		seen_case[kind, c, id] = 1
		if (kind == "E") {
			expect[c, id] = 1
			nexpect[id]++
			ecase[nexpect_all++] = c SUBSEP id
			if (id in listed && $4 == "sql" &&
			    index("," dialects[id] ",", "," $5 ",") == 0)
				printf "%s: expects %s, which does not cover dialect %s\n",
					c, id, $5 >> problems
		} else {
			near[c, id] = 1
			nnear[id]++
		}
		if ((c, id) in expect && (c, id) in near)
			printf "%s: %s is both expected and a near miss\n", c, id >> problems
		next
	}
	{
		c = $1; id = $2
		add_rule(id)
		if ((c, id) in fired)
			next
		fired[c, id] = 1
		if ((c, id) in expect) {
			tp[id]++
			if (verbose)
				hits[++nhits] = sprintf("  TP %-36s %s", id, c)
		} else {
			fp[id]++
			misses[++nmisses] = sprintf("  FP %-36s %s%s", id, c,
				(c, id) in near ? " (near miss)" : "")
		}
	}
	END {
		for (i = 0; i < nexpect_all; i++) {
			split(ecase[i], kv, SUBSEP)
			if (!((kv[1], kv[2]) in fired)) {
				fn[kv[2]]++
				misses[++nmisses] = sprintf("  FN %-36s %s", kv[2], kv[1])
			}
		}
		printf "%-38s %-8s %6s %6s %5s %5s %5s %6s %6s %6s\n", "rule", "input",
			"expect", "near", "TP", "FP", "FN", "P", "R", "F1"
		bad = 0; passed = 0; skipped = 0
		for (i = 1; i <= nrules; i++) {
			id = order[i]
			has_cases = nexpect[id] + nnear[id] > 0
			score(tp[id], fp[id], fn[id], has_cases)
			mark = ""
			if (F >= 0 && F < 1) {
				mark = " <"
				failed_rule[id] = 1
			}
			printf "%-38s %-8s %6d %6d %5d %5d %5d %6s %6s %6s%s\n", id,
				id in listed ? input[id] : "?", nexpect[id], nnear[id],
				tp[id], fp[id], fn[id], fmt(P), fmt(R), fmt(F), mark
			TP += tp[id]; FP += fp[id]; FN += fn[id]
		}
		score(TP, FP, FN, 1)
		printf "micro: TP %d FP %d FN %d, P %s R %s F1 %s over %d files\n",
			TP, FP, FN, fmt(P), fmt(R), fmt(F), nfiles
		if (nmisses > 0) {
			printf "misses and false alarms:\n"
			for (i = 1; i <= nmisses; i++)
				print misses[i]
		}
		if (verbose && nhits > 0) {
			printf "true positives:\n"
			for (i = 1; i <= nhits; i++)
				print hits[i]
		}

		# coverage: the rules the corpus can exercise
		ngap = 0
		for (i = 1; i <= nrules; i++) {
			id = order[i]
			if (!(id in listed)) {
				gap[++ngap] = id " (not printed by --list)"
				gaprule[id] = 1
				continue
			}
			if (input[id] == "sql" || input[id] == "workload")
				scope = ",pg,my,ms,"
			else if (input[id] == "plan")
				scope = ",pg,"
			else
				continue
			n = split(dialects[id], d, ",")
			inscope = 0
			for (k = 1; k <= n; k++)
				if (index(scope, "," d[k] ",") > 0)
					inscope = 1
			if (!inscope)
				continue
			what = ""
			if (nexpect[id] == 0)
				what = "no expect case"
			if (nnear[id] == 0)
				what = what == "" ? "no near-miss case" : what ", no near-miss case"
			if (what != "") {
				gap[++ngap] = id " (" what ")"
				gaprule[id] = 1
			}
		}
		if (ngap > 0) {
			printf "coverage: %d rules lack cases%s:\n", ngap,
				allow ? " (IP_SCORE_ALLOW_MISSING=1: warning only)" : ""
			for (i = 1; i <= ngap; i++)
				print "  " gap[i]
		} else {
			printf "coverage: every rule has an expect and a near-miss case\n"
		}

		nproblems = 0
		close(problems) # flush what this program appended
		while ((getline line < problems) > 0) {
			if (nproblems++ == 0)
				printf "corpus and run problems:\n"
			print "  " line
		}
		close(problems)

		# per rule: failed (F1 < 1, or a gap unless allowed), skipped (no
		# case and no finding), passed; corpus problems are one failure
		failed = 0
		for (i = 1; i <= nrules; i++) {
			id = order[i]
			if (id in failed_rule || (!allow && id in gaprule))
				failed++
			else if (nexpect[id] + nnear[id] + fp[id] == 0)
				skipped++
			else
				passed++
		}
		if (nproblems > 0)
			failed++
		printf "score: %d passed, %d failed, %d skipped\n", passed, failed, skipped
		exit failed > 0 ? 1 : 0
	}
' "$tmp/rules.tsv" "$tmp/cases.tsv" "$tmp/found.tsv"
