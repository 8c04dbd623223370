#!/bin/sh
# Runs cmocka unit test binaries, shows their output and sums their verdicts.
#
#   sh tests/unit/run.sh build/tests/test_*
#
# The last line is always "unit: N passed, N failed", N counting test cases
# from cmocka's "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)" lines.
# A binary that exits non-zero without a FAILED line (a crash, a sanitizer
# report, an abort) counts as one failed case. Exits 1 when anything failed.

passed=0
failed=0
status=0

out=$(mktemp "${TMPDIR:-/tmp}/ip-unit-run.XXXXXX") || exit 1
trap 'rm -f "$out"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$#" -eq 0 ]; then
	echo "run.sh: no test binaries given" >&2
	echo "unit: 0 passed, 0 failed"
	exit 1
fi

for t in "$@"; do
	echo "== $t"
	"$t" >"$out" 2>&1
	rc=$?
	cat "$out"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$out" |
		tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$out" |
		tail -n 1)
	passed=$((passed + ${p:-0}))
	if [ "$rc" -ne 0 ]; then
		status=1
		if [ "${f:-0}" -eq 0 ]; then
			echo "run.sh: '$t' exited with status $rc without a verdict"
			f=1
		fi
	fi
	failed=$((failed + ${f:-0}))
done

if [ "$failed" -gt 0 ]; then
	status=1
fi
echo "unit: $passed passed, $failed failed"
exit "$status"
