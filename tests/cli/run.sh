#!/bin/sh
# Runs every CLI test script and prints one closing line with the totals.
cd "$(dirname "$0")" || exit 1
passed=0
failed=0
status=0
for t in t[0-9]*.sh; do
	out=$(bash "./$t" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	line=$(printf '%s\n' "$out" | tail -n 1)
	p=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-1}))
	[ "$rc" -eq 0 ] || status=1
done
printf 'cli: %d passed, %d failed\n' "$passed" "$failed"
exit $status
