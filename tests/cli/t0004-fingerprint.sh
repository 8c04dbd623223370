#!/usr/bin/env bash
# shellcheck disable=SC1091,SC2016,SC2034
# The percona fingerprint goldens against pt-fingerprint itself.
#
# tests/unit/test_fingerprint.c checks our fingerprints against the
# committed expected.txt; this script checks that expected.txt is still
# what pt-fingerprint (Debian percona-toolkit) prints for corpus.sql, so the
# goldens cannot drift from the reference. Without pt-fingerprint it says
# so and passes: the goldens were made with percona-toolkit 3.2.1.
. "$(dirname "$0")/../lib/test-lib.sh"
DATA=$TEST_ROOT/tests/cli/data/fingerprint

test_expect_success 'the corpus has at least 150 statements' '
	n=$(grep -c ";\$" "$DATA/corpus.sql") &&
	test "$n" -ge 150
'

if command -v pt-fingerprint >/dev/null 2>&1; then
	test_expect_success 'pt-fingerprint prints the committed goldens' '
		pt-fingerprint "$DATA/corpus.sql" >actual &&
		test_cmp "$DATA/expected.txt" actual
	'
else
	echo "# skipped: pt-fingerprint not installed (apt-get install percona-toolkit)"
fi

test_done
