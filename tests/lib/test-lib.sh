# shellcheck shell=bash
#
# tests/lib/test-lib.sh - a tiny test harness in git's manner.
#
#   test_expect_success 'description' 'shell commands'
#   test_expect_code CODE command args...   (inside a test body)
#   test_cmp expected actual                (diff -u, fails on difference)
#   test_must_be_empty FILE
#   test_done                               prints "<name>: N passed, N failed"
#
# Each test body runs in a subshell with `set -e`-like chaining left to the
# author ('&&' between steps, as in git's suite). The trash directory
# $TRASH is fresh for each test script and removed at the end.

TEST_NAME=${TEST_NAME:-$(basename "$0" .sh)}
TEST_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${BIN:-$TEST_ROOT/bin}
PATH=$BIN:$PATH
export PATH BIN TEST_ROOT
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/ip-test.XXXXXX")
export TRASH
test_passed=0
test_failed=0
test_count=0

test_cleanup_trash() {
	rm -rf "$TRASH"
}
trap test_cleanup_trash EXIT

test_expect_success() {
	local desc=$1 body=$2 out
	test_count=$((test_count + 1))
	out=$TRASH/.test-output
	if (cd "$TRASH" && if [ -n "${TEST_VERBOSE:-}" ]; then set -x; fi &&
		eval "$body") >"$out" 2>&1; then
		test_passed=$((test_passed + 1))
		printf 'ok %d - %s\n' "$test_count" "$desc"
	else
		test_failed=$((test_failed + 1))
		printf 'not ok %d - %s\n' "$test_count" "$desc"
		sed 's/^/#	/' "$out"
	fi
}

test_expect_code() {
	local want=$1 got
	shift
	"$@"
	got=$?
	if [ "$got" != "$want" ]; then
		printf 'test_expect_code: expected exit %s, got %s from: %s\n' \
			"$want" "$got" "$*" >&2
		return 1
	fi
	return 0
}

test_cmp() {
	diff -u "$1" "$2"
}

test_must_be_empty() {
	if [ -s "$1" ]; then
		printf "'%s' is not empty:\n" "$1" >&2
		cat "$1" >&2
		return 1
	fi
}

test_done() {
	printf '%s: %d passed, %d failed\n' "$TEST_NAME" "$test_passed" \
		"$test_failed"
	[ "$test_failed" -eq 0 ]
}

# jqe FILTER FILE...: true when FILTER yields at least one value and every
# value it yields is truthy (jq 1.6's -e looks only at the last input).
jqe() {
	local filter=$1
	shift
	jq -e -s "[.[] | $filter] | length > 0 and all" "$@" >/dev/null
}
