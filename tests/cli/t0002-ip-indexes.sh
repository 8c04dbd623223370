#!/usr/bin/env bash
# shellcheck disable=SC1091,SC2016,SC2034
# ip-indexes on recorded snapshots: goldens, malformed input, exit codes.
. "$(dirname "$0")/../lib/test-lib.sh"
DATA=$TEST_ROOT/tests/cli/data

test_expect_success 'NDJSON findings are byte-identical to the golden file' '
	ip-indexes --min-observed=0 "$DATA/shop.ndjson" >actual &&
	test_cmp "$DATA/shop.findings.ndjson" actual
'

test_expect_success 'text output for a terminal reader matches the golden file' '
	ip-indexes --min-observed=0 --format=text "$DATA/shop.ndjson" >actual &&
	test_cmp "$DATA/shop.findings.txt" actual
'

test_expect_success 'CSV output matches the golden file' '
	ip-indexes --min-observed=0 --format=csv "$DATA/shop.ndjson" >actual &&
	test_cmp "$DATA/shop.findings.csv" actual
'

test_expect_success 'stdin works with "-" and with no operand' '
	ip-indexes --min-observed=0 - <"$DATA/shop.ndjson" >a &&
	ip-indexes --min-observed=0 <"$DATA/shop.ndjson" >b &&
	test_cmp "$DATA/shop.findings.ndjson" a &&
	test_cmp "$DATA/shop.findings.ndjson" b
'

test_expect_success 'colour only when asked for or on a terminal' '
	ip-indexes --min-observed=0 --format=text "$DATA/shop.ndjson" >plain &&
	! grep -q "$(printf "\033")" plain &&
	ip-indexes --min-observed=0 --format=text --color=always "$DATA/shop.ndjson" >colour &&
	grep -q "$(printf "\033")" colour
'

test_expect_success 'blank lines and unknown record types are skipped' '
	{ echo; echo "{\"type\":\"future-thing\",\"v\":9,\"ts\":null,\"src\":null}"; cat "$DATA/shop.ndjson"; printf "  \n"; } >in &&
	ip-indexes --min-observed=0 in >actual &&
	test_cmp "$DATA/shop.findings.ndjson" actual
'

test_expect_success 'a truncated last line is exit 3 naming file and line' '
	head -c 2000 "$DATA/shop.ndjson" >in &&
	n=$(wc -l <in) &&
	test_expect_code 3 ip-indexes in >out 2>err &&
	echo "ip-indexes: error: truncated record at '"'"'in:$((n + 1))'"'"'" >expect &&
	test_cmp expect err
'

test_expect_success 'a line that is not an object is exit 3' '
	{ head -n 2 "$DATA/shop.ndjson"; echo "[1,2,3]"; } >in &&
	test_expect_code 3 ip-indexes in 2>err &&
	grep -q "record is not a JSON object at .in:3." err
'

test_expect_success 'malformed JSON is exit 3 with the column' '
	{ head -n 1 "$DATA/shop.ndjson"; echo "{\"type\":\"index\",}"; } >in &&
	test_expect_code 3 ip-indexes in 2>err &&
	grep -q "malformed JSON at .in:2. near column" err
'

test_expect_success 'a key of the wrong type is exit 3 naming the key' '
	n=$(grep -n "\"type\":\"index\"" "$DATA/shop.ndjson" | head -n 1 | cut -d: -f1) &&
	sed "${n}s/\"scans\":[0-9]*/\"scans\":\"many\"/" "$DATA/shop.ndjson" >in &&
	sed -n "${n}p" in | grep -q "\"scans\":\"many\"" &&
	test_expect_code 3 ip-indexes in 2>err &&
	grep -q "key .scans. must be a number at .in:$n." err
'

test_expect_success 'a record version from the future is exit 3' '
	sed "2s/\"v\":1/\"v\":2/" "$DATA/shop.ndjson" >in &&
	test_expect_code 3 ip-indexes in 2>err &&
	grep -q "record version 2 is newer than this build understands (1) at .in:2." err
'

test_expect_success 'a 50 MB line is exit 3 without reading it into memory' '
	{ head -n 1 "$DATA/shop.ndjson"; printf "{\"type\":\"index\",\"pad\":\""; head -c 52428800 /dev/zero | tr "\0" a; echo "\"}"; } >in &&
	test_expect_code 3 ip-indexes in 2>err &&
	grep -q "line longer than 16777216 bytes at .in:2." err
'

test_expect_success '--keep-going skips bad lines with a warning and goes on' '
	{ echo "not json"; cat "$DATA/shop.ndjson"; echo "[]"; } >in &&
	ip-indexes --min-observed=0 --keep-going in >actual 2>err &&
	test_cmp "$DATA/shop.findings.ndjson" actual &&
	test "$(grep -c "^ip-indexes: warning: skipped: " err)" = 2
'

test_expect_success 'a missing input file is exit 7' '
	test_expect_code 7 ip-indexes no-such-file.ndjson 2>err &&
	echo "ip-indexes: error: cannot open '"'"'no-such-file.ndjson'"'"': No such file or directory" >expect &&
	test_cmp expect err
'

test_expect_success 'a directory as input is exit 7' '
	mkdir adir &&
	test_expect_code 7 ip-indexes adir 2>err &&
	grep -q "cannot read .adir." err
'

test_expect_success 'a full disk is exit 7' '
	test_expect_code 7 ip-indexes --min-observed=0 "$DATA/shop.ndjson" >/dev/full 2>err &&
	grep -q "cannot write to .<stdout>.: No space left on device" err
'

test_expect_success 'an internal error is exit 70' '
	IP_ADVISOR_TEST_INTERNAL_ERROR=1 test_expect_code 70 ip-indexes "$DATA/shop.ndjson" 2>err &&
	grep -q "internal error" err
'

test_expect_success '--fail-on by severity and by rule' '
	test_expect_code 1 ip-indexes --min-observed=0 --fail-on=medium "$DATA/shop.ndjson" >/dev/null &&
	test_expect_code 1 ip-indexes --fail-on=invalid-index,duplicate-index "$DATA/shop.ndjson" >/dev/null &&
	test_expect_code 0 ip-indexes --fail-on=high "$DATA/shop.ndjson" >/dev/null &&
	test_expect_code 2 ip-indexes --fail-on=no-such-rule "$DATA/shop.ndjson" 2>err &&
	grep -q "unknown rule .no-such-rule. in --fail-on" err
'

test_expect_success 'the default window is 7 days: a younger snapshot gives info, not verdicts' '
	ip-indexes "$DATA/shop.ndjson" >out &&
	test "$(jq -r "select(.rule==\"unused-index\") | .severity" out | sort -u)" = info &&
	test_expect_code 0 ip-indexes --fail-on=unused-index "$DATA/shop.ndjson" >/dev/null &&
	test_expect_code 1 ip-indexes --fail-on=info "$DATA/shop.ndjson" >/dev/null
'

test_expect_success 'a baseline of "no verdict yet" does not hide the verdict' '
	ip-indexes "$DATA/shop.ndjson" >early &&
	test_expect_code 1 ip-indexes --min-observed=0 --baseline=early --fail-on=unused-index "$DATA/shop.ndjson" >out &&
	jqe "select(.rule==\"unused-index\") | .severity != \"info\"" out
'

test_expect_success 'the same snapshot given twice is read once' '
	ip-indexes --min-observed=0 "$DATA/shop.ndjson" "$DATA/shop.ndjson" >actual &&
	test_cmp "$DATA/shop.findings.ndjson" actual
'

test_expect_success 'a record from a newer schema stops even --keep-going' '
	sed "2s/\"v\":1/\"v\":7/" "$DATA/shop.ndjson" >in &&
	test_expect_code 3 ip-indexes --keep-going in 2>err &&
	grep -q "record version 7 is newer" err
'

test_expect_success 'an index whose redundant prefix is used is not unused' '
	n=$(grep -n "\"index\":\"customers_region\"" "$DATA/shop.ndjson" | cut -d: -f1) &&
	sed "${n}s/\"scans\":0/\"scans\":9/" "$DATA/shop.ndjson" >in &&
	m=$(grep -n "\"index\":\"customers_region_created\"" "$DATA/shop.ndjson" | cut -d: -f1) &&
	sed -i "${m}s/\"scans\":[0-9]*/\"scans\":0/" in &&
	ip-indexes --min-observed=0 in >out &&
	jqe "select(.rule==\"redundant-index\" and .index==\"customers_region\")" out &&
	! jqe "select(.rule==\"unused-index\" and .index==\"customers_region_created\")" out
'

test_expect_success '--baseline suppresses what it lists and fails only on new findings' '
	ip-indexes --min-observed=0 "$DATA/shop.ndjson" | grep -v products_sku_pattern >baseline &&
	ip-indexes --min-observed=0 --baseline=baseline --fail-on=low "$DATA/shop.ndjson" >out;
	test $? = 1 &&
	test "$(jq -r "select(.type==\"finding\") | .index" out)" = products_sku_pattern &&
	jqe "select(.type==\"summary\") | .suppressed_count == 16" out
'

test_expect_success 'a malformed baseline is exit 3' '
	echo "{oops" >baseline &&
	test_expect_code 3 ip-indexes --baseline=baseline "$DATA/shop.ndjson" 2>err &&
	grep -q "at .baseline:1." err
'

test_expect_success 'a closed pipe ends ip-indexes quietly' '
	for i in $(seq 1 40); do cat "$DATA/shop.ndjson"; done >big &&
	ip-indexes --min-observed=0 big 2>err | head -n 1 >/dev/null &&
	test_must_be_empty err
'

test_expect_success 'usage summed across nodes that share a cluster' '
	jq -c "(.src.host) = \"replica-1\" | (.src.role) = \"replica\" |
		if .type == \"index\" and .index == \"products_sku\" then .scans = 3 else . end" \
		"$DATA/shop.ndjson" >replica &&
	ip-indexes --min-observed=0 "$DATA/shop.ndjson" replica >out &&
	! jqe "select(.index == \"products_sku\")" out &&
	jqe "select(.index == \"products_sku_pattern\") | .evidence.nodes | length == 2" out
'

test_expect_success 'a replica of another cluster is another database' '
	jq -c "(.src.host) = \"other\" | (.src.cluster) = \"42\"" "$DATA/shop.ndjson" >other &&
	ip-indexes --min-observed=0 "$DATA/shop.ndjson" other >out &&
	test "$(jq -r "select(.type==\"summary\") | .src.host" out | sort | tr "\n" " ")" = "/var/run/postgresql other "
'

test_done
