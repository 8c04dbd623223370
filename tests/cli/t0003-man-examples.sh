#!/usr/bin/env bash
# shellcheck disable=SC1091,SC2016,SC2034,SC2043
# The EXAMPLES of the man pages run, with a recorded snapshot standing in
# for a live database (ip-collect -d shop) and for the cron history.
. "$(dirname "$0")/../lib/test-lib.sh"
DATA=$TEST_ROOT/tests/cli/data

# examples PAGE: each literal block of the EXAMPLES section as one script,
# separated by lines holding only "--".
examples() {
	mandoc -Tascii "$1" | col -b |
		sed -n '/^EXAMPLES/,/^SEE ALSO/p' |
		awk '/^\t/ { sub(/^\t   /, ""); print; inblock = 1; next }
		     inblock { print "--"; inblock = 0 }'
}

for page in ip-indexes.1; do
	test_expect_success "the EXAMPLES of $page run" "
		examples \"\$TEST_ROOT/man/$page\" >blocks &&
		test \"\$(grep -c '^--\$' blocks)\" -ge 4 &&
		cp \"\$DATA/shop.ndjson\" snap.ndjson &&
		n=0 &&
		while IFS= read -r line || [ -n \"\$line\" ]; do
			if [ \"\$line\" = -- ]; then
				n=\$((n + 1))
				sed -e 's|ip-collect -d shop|cat snap.ndjson|' \
				    -e 's|/var/lib/indexpilot/history/\\*.ndjson\\*|snap.ndjson|' \
					script >example\$n.sh
				bash example\$n.sh >out\$n 2>err\$n
				code=\$?
				if [ \$code -gt 1 ] || [ -s err\$n ]; then
					echo \"example \$n failed (exit \$code):\"; cat example\$n.sh err\$n
					exit 1
				fi
				: >script
			else
				printf '%s\n' \"\$line\" >>script
			fi
		done <blocks &&
		test \$n -ge 4
	"
done

test_done
