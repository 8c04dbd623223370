#!/usr/bin/env bash
# shellcheck disable=SC1091,SC2016,SC2034
# Every program: help, version, bad option, bad values, completions.
. "$(dirname "$0")/../lib/test-lib.sh"

for prog in ip-collect ip-indexes ip-patterns; do
	test_expect_success "$prog --help prints usage to stdout and exits 0" "
		$prog --help >out 2>err &&
		test_must_be_empty err &&
		grep -q '^Usage:' out &&
		grep -q -- '--format=FORMAT' out &&
		$prog -? >out2 && cmp out out2
	"
	test_expect_success "$prog --version" "
		$prog --version >out &&
		grep -q '^$prog (IndexPilot) [0-9]' out
	"
	test_expect_success "$prog rejects an unknown option with exit 2 and a hint" "
		test_expect_code 2 $prog --no-such-option >out 2>err &&
		test_must_be_empty out &&
		printf '%s\n' \"$prog: error: unknown option '--no-such-option'\" \"$prog: hint: try '$prog --help'\" >expect &&
		test_cmp expect err
	"
	test_expect_success "$prog: a missing option value is a usage error" "
		test_expect_code 2 $prog --format 2>err &&
		grep -q \"option '--format' needs a value\" err
	"
	test_expect_success "$prog: a bad --format value is a usage error" "
		test_expect_code 2 $prog --format=xml 2>err &&
		grep -q \"unknown format 'xml'\" err
	"
	test_expect_success "$prog: the committed completions match the option table" "
		$prog --completion=bash >bash &&
		test_cmp \"\$TEST_ROOT/completions/$prog.bash\" bash &&
		$prog --completion=zsh >zsh &&
		test_cmp \"\$TEST_ROOT/completions/_$prog\" zsh &&
		bash -n bash
	"
	test_expect_success "$prog: the bash completion offers every long option" "
		$prog --help | sed -n 's/^  \(-., \|    \)\(--[a-z-]*\).*/\2/p' | sort -u >opts && test -s opts &&
		while read -r o; do grep -q -- \"\$o\" \"\$TEST_ROOT/completions/$prog.bash\" || { echo missing \$o; exit 1; }; done <opts
	"
	test_expect_success "$prog: the man page documents every long option" "
		$prog --help | sed -n 's/^  \(-., \|    \)\(--[a-z-]*\).*/\2/p' | sort -u >opts && test -s opts &&
		cat \"\$TEST_ROOT/man/$prog.1\" \"\$TEST_ROOT/man/ip-advisor.7\" >pages &&
		while read -r o; do name=\${o#--}; grep -q -- \"\$name\" pages || { echo undocumented \$o; exit 1; }; done <opts
	"
done

test_expect_success 'ip-collect: a port out of range is a usage error' '
	test_expect_code 2 ip-collect -p 70000 2>err &&
	grep -q "port must be between 1 and 65535" err
'

test_expect_success 'ip-collect: a bad --statement-timeout is a usage error' '
	test_expect_code 2 ip-collect --statement-timeout=soon 2>err &&
	grep -q "invalid duration" err
'

test_expect_success 'ip-collect: an unknown URI scheme is a usage error' '
	test_expect_code 2 ip-collect oracle://db1/x 2>err &&
	grep -q "unknown URI scheme" err
'

test_expect_success 'ip-collect: nothing listening is exit 4 and no output' '
	test_expect_code 4 ip-collect -h 127.0.0.1 -p 1 -d x >out 2>err &&
	test_must_be_empty out &&
	grep -q "^ip-collect: error: cannot connect to .127.0.0.1:1.: " err &&
	test "$(wc -l <err)" = 1
'

test_expect_success 'ip-collect: a password in a URI never reaches the messages' '
	test_expect_code 4 ip-collect -w "postgresql://u:TopSecret@127.0.0.1:1/db" -e -v >out 2>err &&
	! grep -q TopSecret out err
'

test_expect_success 'ip-indexes: a bad --min-observed is a usage error' '
	test_expect_code 2 ip-indexes --min-observed=7x 2>err &&
	grep -q "unknown duration unit" err
'

test_expect_success 'ip-indexes: a bad --fail-on is a usage error' '
	test_expect_code 2 ip-indexes --fail-on="Not A Rule" 2>err &&
	grep -q "invalid --fail-on" err
'

test_done
