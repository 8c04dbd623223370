#include "unit.h"

#include "buf.h"
#include "sqltext.h"

/*
 * SQL text through libpg_query: parse trees, normalized text,
 * fingerprints, the parameter count the what-if costing prepares with, and
 * the splitting of a workload script into weighted statements.
 */

/* "SELECT " then n times open, "1", n times close. */
static char *nested(size_t n, const char *open, const char *close)
{
	struct adv_buf b;
	size_t i;

	adv_buf_init(&b);
	adv_buf_addstr(&b, "SELECT ");
	for (i = 0; i < n; i++)
		adv_buf_addstr(&b, open);
	adv_buf_addstr(&b, "1");
	for (i = 0; i < n; i++)
		adv_buf_addstr(&b, close);
	return adv_buf_detach(&b);
}

/* --- adv_sql_parse -------------------------------------------------------- */

static void adv_sql_parse__valid_statements__tree_with_stmts(void **state)
{
	static const struct {
		const char *sql;
		int nstmts;
		const char *node;
	} cases[] = {
		{"SELECT 1", 1, "SelectStmt"},
		{"SELECT * FROM orders WHERE id = $1", 1, "SelectStmt"},
		{"UPDATE orders SET status = 'x' WHERE id = 1", 1,
		 "UpdateStmt"},
		{"INSERT INTO t (a) VALUES (1); DELETE FROM t", 2,
		 "InsertStmt"},
		{"WITH c AS (SELECT 1) SELECT * FROM c", 1, "SelectStmt"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_error err;
		cJSON *tree = NULL;
		const cJSON *stmts, *first;

		adv_error_init(&err);
		if (adv_sql_parse(cases[i].sql, &tree, &err) != ADV_OK)
			fail_msg("'%s': %s", cases[i].sql, err.message);
		assert_non_null(tree);
		stmts = cJSON_GetObjectItemCaseSensitive(tree, "stmts");
		assert_true(cJSON_IsArray(stmts));
		assert_int_equal(cJSON_GetArraySize(stmts), cases[i].nstmts);
		first = cJSON_GetObjectItemCaseSensitive(
			cJSON_GetArrayItem(stmts, 0), "stmt");
		if (cJSON_GetObjectItemCaseSensitive(first, cases[i].node) ==
		    NULL)
			fail_msg("'%s': no %s in the first statement",
				 cases[i].sql, cases[i].node);
		cJSON_Delete(tree);
	}
}

static void adv_sql_parse__syntax_error__einput_naming_position(void **state)
{
	static const struct {
		const char *sql;
		const char *position;
	} cases[] = {
		{"SELECT FROM WHERE x", "at character 13"},
		{"SELEC 1", "at character 1"},
		{"SELECT * FROM t WHERE a = = 1", "at character 27"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_error err;
		cJSON *tree = (cJSON *)&err; /* must be reset to NULL */

		adv_error_init(&err);
		assert_int_equal(adv_sql_parse(cases[i].sql, &tree, &err),
				 ADV_EINPUT);
		assert_null(tree);
		unit_assert_contains(err.message, "syntax error");
		unit_assert_contains(err.message, cases[i].position);
	}
}

static void adv_sql_parse__nested_past_cjson_limit__einput_not_crash(
	void **state)
{
	static const struct {
		size_t depth;
		const char *open, *close;
	} cases[] = {
		/* a left-deep expression: each level is two JSON objects */
		{1500, "1+", ""},
		{1000, "abs(", ")"},
		/* deep enough for the parser's own stack to give up */
		{20000, "abs(", ")"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		char *sql =
			nested(cases[i].depth, cases[i].open, cases[i].close);
		struct adv_error err;
		cJSON *tree = NULL;

		adv_error_init(&err);
		assert_int_equal(adv_sql_parse(sql, &tree, &err), ADV_EINPUT);
		assert_null(tree);
		assert_true(err.message[0] != '\0');
		free(sql);
	}
}

static void adv_sql_parse__nested_within_limit__ok(void **state)
{
	char *sql = nested(100, "abs(", ")");
	struct adv_error err;
	cJSON *tree = NULL;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_sql_parse(sql, &tree, &err), ADV_OK);
	assert_non_null(tree);
	cJSON_Delete(tree);
	free(sql);
}

/* --- adv_sql_normalize ---------------------------------------------------- */

static void adv_sql_normalize__constants__numbered_parameters(void **state)
{
	static const struct {
		const char *sql, *expected;
	} cases[] = {
		{"SELECT * FROM t WHERE a = 1 AND b = 'x'",
		 "SELECT * FROM t WHERE a = $1 AND b = $2"},
		/* existing parameters keep their numbers, constants follow */
		{"SELECT * FROM t WHERE a = 1 AND b = 'x' AND c = $1",
		 "SELECT * FROM t WHERE a = $2 AND b = $3 AND c = $1"},
		{"SELECT id FROM t WHERE a = $1",
		 "SELECT id FROM t WHERE a = $1"},
		{"SELECT 1", "SELECT $1"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_error err;
		char *out = NULL;

		adv_error_init(&err);
		if (adv_sql_normalize(cases[i].sql, &out, &err) != ADV_OK)
			fail_msg("'%s': %s", cases[i].sql, err.message);
		assert_string_equal(out, cases[i].expected);
		free(out);
	}
}

static void adv_sql_normalize__syntax_error__einput_null_out(void **state)
{
	struct adv_error err;
	char *out = (char *)"not reset";

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_sql_normalize("SELEC 1", &out, &err), ADV_EINPUT);
	assert_null(out);
	unit_assert_contains(err.message, "at character 1");
}

/* --- adv_sql_fingerprint -------------------------------------------------- */

static int is_hex16(const char *s)
{
	size_t i;

	for (i = 0; i < 16; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	}
	return s[16] == '\0';
}

static void fingerprint_ok(const char *sql, char out[17])
{
	struct adv_error err;

	adv_error_init(&err);
	if (adv_sql_fingerprint(sql, out, &err) != ADV_OK)
		fail_msg("'%s': %s", sql, err.message);
	if (!is_hex16(out))
		fail_msg("'%s': fingerprint '%s' is not 16 hex digits", sql,
			 out);
}

static void adv_sql_fingerprint__constants_differ__equal(void **state)
{
	static const struct {
		const char *a, *b;
	} cases[] = {
		{"SELECT * FROM t WHERE a = 1", "SELECT * FROM t WHERE a = 42"},
		{"SELECT * FROM t WHERE b = 'x'",
		 "select *  from t\n where b = 'yz'"},
		{"SELECT * FROM t WHERE a = 1", "SELECT * FROM t WHERE a = $1"},
		{"SELECT * FROM t WHERE a IN (1, 2, 3)",
		 "SELECT * FROM t WHERE a IN (4, 5, 6)"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		char fa[17], fb[17];

		fingerprint_ok(cases[i].a, fa);
		fingerprint_ok(cases[i].b, fb);
		if (strcmp(fa, fb) != 0)
			fail_msg("'%s' and '%s': %s != %s", cases[i].a,
				 cases[i].b, fa, fb);
	}
}

static void adv_sql_fingerprint__different_tables_or_columns__different(
	void **state)
{
	static const struct {
		const char *a, *b;
	} cases[] = {
		{"SELECT * FROM t WHERE a = 1", "SELECT * FROM u WHERE a = 1"},
		{"SELECT * FROM t WHERE a = 1", "SELECT * FROM t WHERE b = 1"},
		{"SELECT * FROM s1.t WHERE a = 1",
		 "SELECT * FROM s2.t WHERE a = 1"},
		{"SELECT * FROM t WHERE a = 1", "DELETE FROM t WHERE a = 1"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		char fa[17], fb[17];

		fingerprint_ok(cases[i].a, fa);
		fingerprint_ok(cases[i].b, fb);
		if (strcmp(fa, fb) == 0)
			fail_msg("'%s' and '%s': both %s", cases[i].a,
				 cases[i].b, fa);
	}
}

static void adv_sql_fingerprint__syntax_error__einput_empty(void **state)
{
	struct adv_error err;
	char out[17];

	(void)state;
	memset(out, 'x', sizeof(out));
	adv_error_init(&err);
	assert_int_equal(adv_sql_fingerprint("SELEC 1", out, &err), ADV_EINPUT);
	assert_string_equal(out, "");
	unit_assert_contains(err.message, "at character 1");
}

/* --- adv_sql_max_param ---------------------------------------------------- */

static void adv_sql_max_param__code_strings_names_comments__highest_in_code(
	void **state)
{
	static const struct {
		const char *sql;
		int expected;
	} cases[] = {
		{"", 0},
		{"SELECT 1", 0},
		{"SELECT $1", 1},
		{"SELECT $2, $1", 2},
		{"SELECT * FROM t WHERE a = $1 AND b = $12 AND c = $3", 12},
		{"SELECT $1+$2", 2},
		{"SELECT ($7)", 7},
		{"SELECT $", 0},
		{"SELECT $a", 0},
		/* strings, with doubled quotes */
		{"SELECT '$9'", 0},
		{"SELECT 'it''s $9', $2", 2},
		{"SELECT '''$9'''", 0},
		{"SELECT '', $3", 3},
		/* quoted names */
		{"SELECT \"$9\" FROM t WHERE a = $1", 1},
		{"SELECT \"a\"\"$9\" FROM t", 0},
		/* comments */
		{"-- $9\nSELECT $3", 3},
		{"SELECT $2 -- and $9", 2},
		{"/* $9 */ SELECT $3", 3},
		{"SELECT $1 /* $9\n $8 */ + $4", 4},
		/* inside names: PostgreSQL identifiers may hold $ */
		{"SELECT a$1 FROM t", 0},
		{"SELECT x_$5, b2$6, c$$7 FROM t", 0},
		{"SELECT a$1, $2 FROM t", 2},
		/* unterminated: what follows is not code */
		{"SELECT $2, 'abc $9", 2},
		{"SELECT $2, \"abc $9", 2},
		{"SELECT $2 /* $9", 2},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		int got = adv_sql_max_param(cases[i].sql);

		if (got != cases[i].expected)
			fail_msg("'%s': expected %d, got %d", cases[i].sql,
				 cases[i].expected, got);
	}
}

static void adv_sql_max_param__dollar_quotes_escapes_nested_comments__ignored(
	void **state)
{
	static const struct {
		const char *sql;
		int expected;
	} cases[] = {
		{"SELECT $$ $5 $$, $1", 1},
		{"SELECT $tag$ $5 $tag$", 0},
		{"SELECT E'it\\'s $5', $1", 1},
		{"/* a /* b */ $3 */ SELECT $1", 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		int got = adv_sql_max_param(cases[i].sql);

		if (got != cases[i].expected)
			fail_msg("'%s': expected %d, got %d", cases[i].sql,
				 cases[i].expected, got);
	}
}

/* --- adv_sql_split -------------------------------------------------------- */

struct split_case {
	const char *script;
	size_t n;
	struct {
		const char *text;
		long line;
		double calls;
	} stmts[4];
};

static void adv_sql_split__scripts__statements_lines_and_calls(void **state)
{
	static const struct split_case cases[] = {
		{"", 0, {{NULL, 0, 0}}},
		{"  \n\n\t", 0, {{NULL, 0, 0}}},
		{"-- only a comment\n/* and another; */\n", 0, {{NULL, 0, 0}}},
		/* empty statements skipped; no ';' at the end */
		{";;SELECT 1;;\n;SELECT 2",
		 2,
		 {{"SELECT 1", 1, 1}, {"SELECT 2", 2, 1}}},
		/* semicolons that do not end statements */
		{"SELECT 'a;b';\nSELECT \"c;d\" FROM t;\n"
		 "SELECT $$;$$, $x$ ; $x$;\nSELECT 1 /* ; */ + 2 -- ;\n;",
		 4,
		 {{"SELECT 'a;b'", 1, 1},
		  {"SELECT \"c;d\" FROM t", 2, 1},
		  {"SELECT $$;$$, $x$ ; $x$", 3, 1},
		  {"SELECT 1 /* ; */ + 2 -- ;", 4, 1}}},
		/* the first line of code, after blank lines and comments */
		{"\n\n-- the next one\n/* more\n   lines */\n  SELECT 1\n"
		 "  FROM t;\n\n\nSELECT\n2;",
		 2,
		 {{"SELECT 1\n  FROM t", 6, 1}, {"SELECT\n2", 10, 1}}},
		/* two statements on one line */
		{"SELECT 1; SELECT 2;",
		 2,
		 {{"SELECT 1", 1, 1}, {"SELECT 2", 1, 1}}},
		/* calls before, inside, with decimals and exponent */
		{"-- calls: 5\nSELECT 1;\nSELECT 2\n -- calls: 7\n , 3;\n"
		 "-- calls:2.5\nSELECT 4;\n-- calls: 1e6\nSELECT 5;",
		 4,
		 {{"SELECT 1", 2, 5},
		  {"SELECT 2\n -- calls: 7\n , 3", 3, 7},
		  {"SELECT 4", 7, 2.5},
		  {"SELECT 5", 9, 1000000}}},
		/* not a number: the default; a calls comment applies to its
		 * own statement only */
		{"-- calls: many\nSELECT 1;\n-- calls: 3\nSELECT 2;\nSELECT 3;",
		 3,
		 {{"SELECT 1", 2, 1}, {"SELECT 2", 4, 3}, {"SELECT 3", 5, 1}}},
		/* a comment after the semicolon on its line is the
		 * statement's own, not the next one's */
		{"SELECT 1; -- calls: 5\nSELECT 2;;\t-- calls: 6\n"
		 "SELECT 3; SELECT 4 -- calls: 7\n;\n",
		 4,
		 {{"SELECT 1", 1, 5},
		  {"SELECT 2", 2, 6},
		  {"SELECT 3", 3, 1},
		  {"SELECT 4 -- calls: 7", 3, 7}}},
		/* the comments above count first, then the note */
		{"-- calls: 8\nSELECT 5; -- calls: 9\nSELECT 6; /* x */ -- "
		 "calls: 10",
		 2,
		 {{"SELECT 5", 2, 8}, {"SELECT 6", 3, 10}}},
		/* CRLF line ends */
		{"SELECT 1;\r\n\r\n-- calls: 4\r\nSELECT 2;\r\n",
		 2,
		 {{"SELECT 1", 1, 1}, {"SELECT 2", 4, 4}}},
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_sql_stmt *stmts = NULL;
		struct adv_error err;
		size_t n = 99;

		adv_error_init(&err);
		if (adv_sql_split(cases[i].script, "w.sql", &stmts, &n, &err) !=
		    ADV_OK)
			fail_msg("case %zu: %s", i, err.message);
		if (n != cases[i].n)
			fail_msg("case %zu: %zu statements, expected %zu", i, n,
				 cases[i].n);
		for (k = 0; k < n; k++) {
			if (strcmp(stmts[k].text, cases[i].stmts[k].text) != 0)
				fail_msg("case %zu statement %zu: '%s', "
					 "expected '%s'",
					 i, k, stmts[k].text,
					 cases[i].stmts[k].text);
			if (stmts[k].line != cases[i].stmts[k].line)
				fail_msg("case %zu statement %zu: line %ld, "
					 "expected %ld",
					 i, k, stmts[k].line,
					 cases[i].stmts[k].line);
			if (stmts[k].calls != cases[i].stmts[k].calls)
				fail_msg("case %zu statement %zu: calls %g, "
					 "expected %g",
					 i, k, stmts[k].calls,
					 cases[i].stmts[k].calls);
		}
		adv_sql_stmts_free(stmts, n);
	}
}

static void adv_sql_split__calls_marker_in_string__not_a_weight(void **state)
{
	struct adv_sql_stmt *stmts = NULL;
	struct adv_error err;
	size_t n = 0;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_sql_split("SELECT * FROM t WHERE note = "
				       "'-- calls: 9';",
				       "w.sql", &stmts, &n, &err),
			 ADV_OK);
	assert_int_equal(n, 1);
	assert_true(stmts[0].calls == 1);
	adv_sql_stmts_free(stmts, n);
}

static void adv_sql_split__does_not_scan__einput_naming_file_and_line(
	void **state)
{
	static const struct {
		const char *script;
		const char *where;
		const char *what;
	} cases[] = {
		{"SELECT 1;\nSELECT 'abc", "'w.sql:2'", "quoted string"},
		{"SELECT 1;\nSELECT $$abc;\nSELECT 2;", "'w.sql:2'",
		 "dollar-quoted string"},
		{"SELECT 1;\n\nSELECT $x$ abc $y$;", "'w.sql:3'",
		 "dollar-quoted string"},
		{"SELECT 1;\n\nSELECT \"abc", "'w.sql:3'", "quoted identifier"},
		{"SELECT 'abc", "'w.sql:1'", "quoted string"},
		{"SELECT 1;\n/* open\n\n", "'w.sql:2'", "comment"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_sql_stmt *stmts = (struct adv_sql_stmt *)&i;
		struct adv_error err;
		size_t n = 99;

		adv_error_init(&err);
		assert_int_equal(adv_sql_split(cases[i].script, "w.sql", &stmts,
					       &n, &err),
				 ADV_EINPUT);
		assert_null(stmts);
		assert_int_equal(n, 0);
		unit_assert_contains(err.message, cases[i].where);
		unit_assert_contains(err.message, cases[i].what);
	}
}

static void adv_sql_split__many_statements__all_in_order(void **state)
{
	struct adv_sql_stmt *stmts = NULL;
	struct adv_error err;
	struct adv_buf script;
	size_t n = 0, i;

	(void)state;
	adv_buf_init(&script);
	for (i = 0; i < 300; i++)
		adv_buf_addf(&script, "-- calls: %zu\nSELECT %zu;\n", i + 1, i);
	adv_error_init(&err);
	assert_int_equal(adv_sql_split(script.data, "w.sql", &stmts, &n, &err),
			 ADV_OK);
	assert_int_equal(n, 300);
	for (i = 0; i < n; i++) {
		char text[32];

		snprintf(text, sizeof(text), "SELECT %zu", i);
		assert_string_equal(stmts[i].text, text);
		assert_int_equal(stmts[i].line, (long)(2 * i + 2));
		assert_true(stmts[i].calls == (double)(i + 1));
	}
	adv_sql_stmts_free(stmts, n);
	adv_buf_release(&script);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_sql_parse__valid_statements__tree_with_stmts),
		cmocka_unit_test(
			adv_sql_parse__syntax_error__einput_naming_position),
		cmocka_unit_test(
			adv_sql_parse__nested_past_cjson_limit__einput_not_crash),
		cmocka_unit_test(adv_sql_parse__nested_within_limit__ok),
		cmocka_unit_test(
			adv_sql_normalize__constants__numbered_parameters),
		cmocka_unit_test(
			adv_sql_normalize__syntax_error__einput_null_out),
		cmocka_unit_test(adv_sql_fingerprint__constants_differ__equal),
		cmocka_unit_test(
			adv_sql_fingerprint__different_tables_or_columns__different),
		cmocka_unit_test(
			adv_sql_fingerprint__syntax_error__einput_empty),
		cmocka_unit_test(
			adv_sql_max_param__code_strings_names_comments__highest_in_code),
		cmocka_unit_test(
			adv_sql_split__scripts__statements_lines_and_calls),
		cmocka_unit_test(
			adv_sql_split__does_not_scan__einput_naming_file_and_line),
		cmocka_unit_test(adv_sql_split__many_statements__all_in_order),
		cmocka_unit_test(
			adv_sql_max_param__dollar_quotes_escapes_nested_comments__ignored),
		cmocka_unit_test(
			adv_sql_split__calls_marker_in_string__not_a_weight),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
