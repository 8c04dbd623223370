#!/usr/bin/env bash
# shellcheck disable=SC1091,SC2016,SC2034
# ip-patterns: inputs, statement splitting and positions, controls, exit
# codes, fingerprints, the rule list and its man page.
. "$(dirname "$0")/../lib/test-lib.sh"
DATA=$TEST_ROOT/tests/cli/data

# rules FILE: "rule line" of each finding, sorted
rules() {
	jq -r 'select(.type == "finding") | "\(.rule) \(.evidence.line)"' "$1" | sort
}

test_expect_success 'a migration: findings name the rule, file:line, place, why and fix' '
	cat >m.sql <<-\SQL &&
	CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
	CREATE INDEX orders_customer ON orders (customer_id);

	-- an existing table: this one locks writes
	CREATE INDEX accounts_email ON accounts (email);
	SELECT id FROM orders WHERE customer_id = NULL;
	SQL
	ip-patterns m.sql >out &&
	rules out >actual &&
	printf "%s\n" "null-comparison-equals 6" "pg-create-index-not-concurrently 5" >expect &&
	test_cmp expect actual &&
	jqe "select(.rule == \"null-comparison-equals\") | .evidence.file == \"m.sql\" and .evidence.at.line == 6 and .evidence.at.column == 29 and (.evidence.why | length) > 0 and (.evidence.fix | length) > 0 and .severity == \"high\" and .tool == \"ip-patterns\"" out &&
	jqe "select(.type == \"summary\") | .statement_count == 4 and .finding_count == 2" out
'

test_expect_success 'standard input, several files, and state across files' '
	echo "CREATE TABLE t (id bigint PRIMARY KEY, a int);" >a.sql &&
	echo "CREATE INDEX t_a ON t (a);" >b.sql &&
	ip-patterns a.sql b.sql >out &&
	jqe "select(.type == \"summary\") | .finding_count == 0" out &&
	echo "DELETE FROM t;" | ip-patterns >out &&
	jqe "select(.type == \"finding\") | .rule == \"delete-without-where\" and .evidence.file == \"-\"" out
'

test_expect_success 'a statement that does not parse is an info finding and the run goes on' '
	printf "SELEC 1;\nUPDATE t SET a = 1;\n" >bad.sql &&
	ip-patterns bad.sql >out &&
	rules out >actual &&
	printf "%s\n" "parse-error 1" "update-without-where 2" >expect &&
	test_cmp expect actual &&
	jqe "select(.rule == \"parse-error\") | .severity == \"info\"" out
'

test_expect_success 'semicolons in strings, comments and dollar quotes do not split' '
	ip-patterns "$DATA/patterns/quoting.sql" >out &&
	rules out >actual &&
	echo "delete-without-where 3" >expect &&
	test_cmp expect actual
'

test_expect_success 'MySQL DELIMITER and T-SQL GO batches, with lines' '
	cat >my.sql <<-\SQL &&
	DELIMITER $$
	CREATE PROCEDURE p() BEGIN SELECT 1; END$$
	DELIMITER ;
	DELETE FROM t;
	SQL
	ip-patterns --dialect=mysql my.sql >out &&
	rules out >actual &&
	echo "delete-without-where 4" >expect &&
	test_cmp expect actual &&
	printf "SELECT 1\nGO\nDELETE FROM t\nGO\n" >ms.sql &&
	ip-patterns --dialect=mssql ms.sql >out &&
	rules out >actual &&
	echo "delete-without-where 3" >expect &&
	test_cmp expect actual
'

test_expect_success 'lines stay right across the read buffer (large input)' '
	awk "BEGIN { for (i = 1; i <= 40000; i++) printf \"SELECT %d AS padding_padding_padding;\\n\", i }" >big.sql &&
	echo "DELETE FROM t;" >>big.sql &&
	printf "SELECT 1 FROM t WHERE a = NULL\n  AND b = 2;\n" >>big.sql &&
	ip-patterns big.sql >out &&
	rules out >actual &&
	printf "%s\n" "delete-without-where 40001" "null-comparison-equals 40002" >expect &&
	test_cmp expect actual &&
	jqe "select(.type == \"summary\") | .statement_count == 40002" out
'

test_expect_success 'inline suppression on the statement only' '
	printf -- "-- ip-patterns: ignore delete-without-where\nDELETE FROM t;\nDELETE FROM u;\n" >s.sql &&
	ip-patterns s.sql >out &&
	rules out >actual &&
	echo "delete-without-where 3" >expect &&
	test_cmp expect actual
'

test_expect_success 'a comment after the semicolon on its line counts for that statement' '
	printf -- "DELETE FROM t; -- ip-patterns: ignore delete-without-where\nDELETE FROM u;\nDELETE FROM v;\t/* ip-patterns: ignore all */\n" >s2.sql &&
	ip-patterns s2.sql >out &&
	rules out >actual &&
	echo "delete-without-where 2" >expect &&
	test_cmp expect actual &&
	ip-patterns --dialect=mysql s2.sql >out &&
	rules out >actual &&
	test_cmp expect actual
'

test_expect_success '--profile, --enable, --disable and --set' '
	echo "SELECT a FROM t;" >p.sql &&
	ip-patterns p.sql >out &&
	test "$(jq -r "select(.rule == \"select-without-where\") | .rule" out)" = "" &&
	ip-patterns --profile=extended p.sql >out &&
	test "$(jq -r "select(.rule == \"select-without-where\") | .rule" out)" = select-without-where &&
	ip-patterns --enable=select-without-where p.sql >out &&
	test "$(jq -r "select(.rule == \"select-without-where\") | .rule" out)" = select-without-where &&
	echo "DELETE FROM t;" >d.sql &&
	ip-patterns --disable=delete-without-where d.sql >out &&
	jqe "select(.type == \"summary\") | .finding_count == 0" out &&
	echo "SELECT 1 FROM t WHERE id IN (1, 2, 3);" >in.sql &&
	ip-patterns in.sql >out &&
	jqe "select(.type == \"summary\") | .finding_count == 0" out &&
	ip-patterns --set=large-in-list.max_in_list=2 in.sql >out &&
	jqe "select(.type == \"finding\") | .rule == \"large-in-list\"" out
'

test_expect_success 'usage errors: dialect, profile, rule, threshold, convention' '
	test_expect_code 2 ip-patterns --dialect=oracle p.sql 2>err &&
	grep -q "unknown dialect .oracle." err &&
	test_expect_code 2 ip-patterns --profile=most p.sql 2>err &&
	test_expect_code 2 ip-patterns --enable=no-such-rule p.sql 2>err &&
	grep -q "unknown rule .no-such-rule." err &&
	test_expect_code 2 ip-patterns --set=large-in-list.nope=3 p.sql 2>err &&
	test_expect_code 2 ip-patterns --set=large-in-list.max_in_list=many p.sql 2>err &&
	test_expect_code 2 ip-patterns --convention=percona p.sql 2>err &&
	grep -q "needs --fingerprint" err &&
	test_expect_code 2 ip-patterns --fail-on=no-such-rule p.sql 2>err
'

test_expect_success '--fail-on, --baseline and --max-risk decide the exit code' '
	echo "DELETE FROM t;" >d.sql &&
	test_expect_code 1 ip-patterns --fail-on=high d.sql >out &&
	ip-patterns --fail-on=high d.sql >base.ndjson || test $? = 1 &&
	ip-patterns --fail-on=high --baseline=base.ndjson d.sql >out &&
	jqe "select(.type == \"summary\") | .finding_count == 0 and .suppressed_count == 1" out &&
	test_expect_code 1 ip-patterns --max-risk=50 d.sql >out &&
	ip-patterns --max-risk=60 d.sql >out &&
	jqe "select(.type == \"finding\") | .evidence.risk == 60" out
'

test_expect_success 'the baseline survives lines added above the statement' '
	echo "DELETE FROM t;" >d.sql &&
	ip-patterns d.sql >base.ndjson &&
	printf "SELECT 1;\n\n\nDELETE FROM t;\n" >d2.sql &&
	ip-patterns --baseline=base.ndjson --fail-on=low d2.sql >out
'

test_expect_success 'exit 7 for a file that cannot be read, 3 for bad or cut records' '
	test_expect_code 7 ip-patterns no-such-file.sql 2>err &&
	grep -q "cannot open .no-such-file.sql." err &&
	printf "{\"type\":\"statement\",\"v\":1,\"ts\":\"2026-01-01T00:00:00Z\",\"calls\":\"x\"}\n" >bad.ndjson &&
	test_expect_code 3 ip-patterns bad.ndjson 2>err &&
	grep -q "bad.ndjson:1" err &&
	printf "{\"type\":\"statement\",\"v\":1,\"ts\":\"2026-01-01T00:00:00Z\",\"queryid\":\"1\",\"query\":\"DELETE FROM t\",\"calls\":2}\n{\"type\":\"statement\",\"v\":1,\"ts\":\"2026-01-" >cut.ndjson &&
	test_expect_code 3 ip-patterns <cut.ndjson >out 2>err &&
	grep -q "truncated record at .-:2." err &&
	test_must_be_empty out
'

test_expect_success 'statement records: SQL rules by queryid, workload rules' '
	cat >facts.ndjson <<-\EOF2 &&
	{"type":"snapshot","v":1,"ts":"2026-11-01T10:00:00Z","src":{"engine":"postgresql","database":"shop"}}
	{"type":"statement","v":1,"ts":"2026-11-01T10:00:00Z","src":{"engine":"postgresql","database":"shop"},"queryid":"11","query":"SELECT id, customer_id FROM orders WHERE status = $1","calls":20,"rows":2000,"total_ms":400,"mean_ms":20}
	{"type":"statement","v":1,"ts":"2026-11-01T10:00:00Z","src":{"engine":"postgresql","database":"shop"},"queryid":"12","query":"SELECT name FROM customers WHERE id = $1","calls":2000,"rows":2000,"total_ms":200,"mean_ms":0.1}
	{"type":"statement","v":1,"ts":"2026-11-01T10:00:00Z","src":{"engine":"postgresql","database":"shop"},"queryid":"13","query":"UPDATE customers SET name = $1","calls":1,"rows":10,"total_ms":1,"mean_ms":1}
	EOF2
	ip-patterns facts.ndjson >out &&
	jqe "select(.rule == \"update-without-where\") | .evidence.queryid == \"13\" and .src.database == \"shop\"" out &&
	jqe "select(.rule == \"n-plus-one-query\") | .evidence.child.queryid == \"12\" and .evidence.parent.queryid == \"11\"" out
'

test_expect_success 'two snapshots: the workload rules see the difference' '
	cat >two.ndjson <<-\EOF2 &&
	{"type":"snapshot","v":1,"ts":"2026-11-01T10:00:00Z","src":{"engine":"postgresql","database":"shop"}}
	{"type":"statement","v":1,"ts":"2026-11-01T10:00:00Z","src":{"engine":"postgresql","database":"shop"},"queryid":"11","query":"SELECT id FROM orders WHERE status = $1","calls":1000,"rows":100000,"total_ms":400,"mean_ms":0.4}
	{"type":"statement","v":1,"ts":"2026-11-01T10:00:00Z","src":{"engine":"postgresql","database":"shop"},"queryid":"12","query":"SELECT name FROM customers WHERE id = $1","calls":100000,"rows":100000,"total_ms":200,"mean_ms":0.002}
	{"type":"snapshot","v":1,"ts":"2026-11-01T11:00:00Z","src":{"engine":"postgresql","database":"shop"}}
	{"type":"statement","v":1,"ts":"2026-11-01T11:00:00Z","src":{"engine":"postgresql","database":"shop"},"queryid":"11","query":"SELECT id FROM orders WHERE status = $1","calls":1010,"rows":101000,"total_ms":404,"mean_ms":0.4}
	{"type":"statement","v":1,"ts":"2026-11-01T11:00:00Z","src":{"engine":"postgresql","database":"shop"},"queryid":"12","query":"SELECT name FROM customers WHERE id = $1","calls":100050,"rows":100050,"total_ms":200.1,"mean_ms":0.002}
	EOF2
	ip-patterns two.ndjson >out &&
	test "$(jq -r "select(.rule == \"n-plus-one-query\") | .rule" out)" = "" &&
	head -3 two.ndjson >one.ndjson &&
	ip-patterns one.ndjson >out &&
	test "$(jq -r "select(.rule == \"n-plus-one-query\") | .rule" out)" = n-plus-one-query
'

test_expect_success 'plans in JSON and text, from a file and standard input' '
	ip-patterns --input=plan "$TEST_ROOT/tests/unit/data/plans/full_scan_fire.json" >out &&
	jqe "select(.type == \"finding\") | .rule == \"plan-full-scan-selective\" and .evidence.line == 1" out &&
	ip-patterns <"$TEST_ROOT/tests/unit/data/plans/full_scan_fire.txt" >out &&
	jqe "select(.type == \"finding\") | .rule == \"plan-full-scan-selective\"" out &&
	ip-patterns --input=plan "$TEST_ROOT/tests/unit/data/plans/full_scan_near_ratio.json" >out &&
	jqe "select(.type == \"summary\") | .finding_count == 0" out
'

test_expect_success 'fingerprints: percona matches pt-fingerprint on the corpus' '
	ip-patterns --fingerprint --convention=percona "$DATA/fingerprint/corpus.sql" >out &&
	jq -r .normalized out >actual &&
	test_cmp "$DATA/fingerprint/expected.txt" actual &&
	jqe "(.fingerprint | test(\"^[0-9a-f]{16}$\")) and .convention == \"percona\"" out
'

test_expect_success 'fingerprints: postgres normalizes constants and groups shapes' '
	printf "SELECT * FROM t WHERE a = 1 AND b IN (1, 2);\nselect * from t as x where a = 42 and b in (7);\nSELECT 1 FROM u;\n" >f.sql &&
	ip-patterns --fingerprint f.sql >out &&
	jq -r .normalized out >actual &&
	printf "%s\n" "SELECT * FROM t WHERE a = \$1 AND b IN (\$2, \$3)" "select * from t as x where a = \$1 and b in (\$2)" "SELECT \$1 FROM u" >expect &&
	test_cmp expect actual &&
	test "$(jq -r .fingerprint out | sort -u | wc -l)" = 2 &&
	jqe ".line" out
'

test_expect_success '--list: one record per rule, text and ndjson' '
	ip-patterns --list --format=ndjson >list &&
	test "$(jq -r .id list | sort -u | wc -l)" -ge 120 &&
	jqe "select(.id == \"null-comparison-equals\") | .category == \"correctness\" and .severity == \"high\" and .profile == \"default\" and .input == \"sql\" and (.dialects | index(\"my\")) != null and (.example_fire | length) > 0" list &&
	jqe "select(.id == \"temp-spill-workload\") | .enabled == false" list &&
	ip-patterns --list --profile=all --format=ndjson >all &&
	jqe "select(.id == \"temp-spill-workload\") | .enabled == true" all &&
	ip-patterns --list --format=text >text &&
	grep -q "null-comparison-equals" text
'

test_expect_success 'the man page documents every rule, generated from the table' '
	sh "$TEST_ROOT/man/gen-rules.sh" --print "$(command -v ip-patterns)" >section &&
	sed -n "/^\.\\\\\" BEGIN RULES/,/^\.\\\\\" END RULES/p" "$TEST_ROOT/man/ip-patterns.1" | sed "1d;\$d" >committed &&
	test_cmp section committed &&
	ip-patterns --list --format=ndjson | jq -r .id >ids &&
	while read -r id; do grep -q "^\.It Li $id\$" committed || { echo "undocumented $id"; exit 1; }; done <ids
'

test_expect_success 'text output reads like compiler diagnostics' '
	echo "DELETE FROM t;" >d.sql &&
	ip-patterns --format=text d.sql >out &&
	grep -q "^d.sql:1:1: critical delete-without-where: " out &&
	grep -q "^    fix: " out
'

test_done
