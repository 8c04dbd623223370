#include "unit.h"

#include "buf.h"
#include "finding.h"
#include "fingerprint.h"

/*
 * Query fingerprints: the percona convention against pt-fingerprint's
 * output for the committed corpus (tests/cli/data/fingerprint, goldens
 * made by percona-toolkit 3.2.1), one table row per rule, and the postgres
 * convention through libpg_query. The test runs from the repository root.
 */

#define CORPUS	 "tests/cli/data/fingerprint/corpus.sql"
#define EXPECTED "tests/cli/data/fingerprint/expected.txt"

static char *percona(const char *sql)
{
	struct adv_buf b;

	adv_buf_init(&b);
	adv_fp_percona(sql, strlen(sql), &b);
	return adv_buf_detach(&b);
}

static char *slurp(const char *path, size_t *len)
{
	struct adv_buf b;
	char chunk[4096];
	size_t n;
	FILE *fp = fopen(path, "rb");

	if (fp == NULL)
		fail_msg("cannot open '%s' (run from the repository root)",
			 path);
	adv_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		adv_buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	return adv_buf_detach(&b);
}

/* --- the corpus ------------------------------------------------------------
 */

static void adv_fp_percona__corpus__matches_pt_fingerprint(void **state)
{
	size_t clen;
	size_t elen;
	char *corpus = slurp(CORPUS, &clen);
	char *expected = slurp(EXPECTED, &elen);
	struct adv_buf out;
	size_t pos = 0;
	size_t epos = 0;
	size_t start;
	size_t rlen;
	size_t printed = 0;

	(void)state;
	adv_buf_init(&out);
	while (adv_fp_next_record(corpus, clen, &pos, &start, &rlen) != 0) {
		char hex[17];
		const char *eol;
		size_t want;

		adv_buf_reset(&out);
		assert_int_equal(adv_fingerprint(corpus + start, rlen,
						 ADV_FP_PERCONA, &out, hex,
						 NULL),
				 ADV_OK);
		if (adv_fp_record_skipped(corpus, start, rlen, &out) != 0)
			continue;
		/* pt-fingerprint prints the fingerprint and a newline */
		assert_true(epos < elen);
		eol = memchr(expected + epos, '\n', elen - epos);
		assert_non_null(eol);
		want = (size_t)(eol - (expected + epos));
		if (want != out.len ||
		    memcmp(expected + epos, out.data, want) != 0)
			fail_msg("statement '%.*s': got '%s', pt-fingerprint "
				 "printed '%.*s'",
				 (int)rlen, corpus + start, out.data, (int)want,
				 expected + epos);
		epos += want + 1;
		printed++;
	}
	assert_int_equal(epos, elen);
	assert_true(printed >= 150);
	adv_buf_release(&out);
	free(corpus);
	free(expected);
}

/* --- one row per rule ------------------------------------------------------
 */

struct fp_case {
	const char *sql;
	const char *want;
};

static const struct fp_case rules[] = {
	/* lower-case, whitespace collapsed, leading space dropped */
	{"  SELECT  a\n\tFROM T", "select a from t"},
	/* a trailing space stays, as pt-fingerprint prints it */
	{"select a ", "select a "},
	/* comments, except the executable kind with a bang */
	{"select /* c */ a -- x\nfrom t # y", "select a from t "},
	{"select /*!40001 SQL_NO_CACHE */ a", "select /*!? sql_no_cache */ a"},
	/* a "--" comment with a quote in it is not one */
	{"select 1 -- it's", "select ? ? it's"},
	/* strings, escaped quotes, doubled quotes */
	{"select 'a\\'b', \"c\\\"d\", 'e''f'", "select ?, ?, ??"},
	/* numbers, signs, hex, bit, exponent */
	{"select -1, 2.5, 0x1f, x'1f', b'01', 1e9", "select ?, ?, ?, ?, ?, ?"},
	{"select 0xFF, 1.5E-3", "select ?ff, ?e?"},
	{"select a-b", "select a?"},
	/* a prefix goes into the '?' after it, only as written lower-case */
	{"select b?, .?, x?, X?, xx?, x??, b ?",
	 "select ?, ?, ?, x?, x?, ??, b ?"},
	{"select X'1F', x.5, ab1, a.b1", "select x?, x?, a?, a.?"},
	/* NULL but not TRUE/FALSE (pt-fingerprint 3.2.1 keeps them) */
	{"select NULL, nullable, TRUE", "select ?, nullable, true"},
	/* digits inside identifiers */
	{"select foo_1 from t_2009", "select foo_? from t_?"},
	/* IN and VALUES lists */
	{"select * from t where a in (1, 2, 3)",
	 "select * from t where a in(?+)"},
	{"select * from t where a in (select b from u)",
	 "select * from t where a in (select b from u)"},
	{"insert into t values (1,'a'),(2,'b')", "insert into t values(?+)"},
	/* everything after the first row of a multi-row insert goes */
	{"insert into t values (1),(2) on duplicate key update a=1",
	 "insert into t values(?+)"},
	{"insert into t values (1) on duplicate key update a=1",
	 "insert into t values(?+) on duplicate key update a=?"},
	/* LIMIT forms */
	{"select a from t limit 5", "select a from t limit ?"},
	{"select a from t limit 5, 10", "select a from t limit ?"},
	{"select a from t limit 5 offset 10", "select a from t limit ?"},
	/* UNION repeats */
	{"select a from t1 union select a from t2",
	 "select a from t? /*repeat union*/"},
	{"select a from t union all select a from t",
	 "select a from t /*repeat union all*/"},
	{"select a from t union select b from t",
	 "select a from t union select b from t"},
	/* ASC only after ORDER BY */
	{"select a asc from t order by a asc, b desc",
	 "select a asc from t order by a, b desc"},
	{"select a from t group by a asc", "select a from t group by a asc"},
	/* the special statements */
	{"SELECT /*!40001 SQL_NO_CACHE */ * FROM `shop`.`t`", "mysqldump"},
	{"SELECT /*shop.t:1/5*/ 0 AS chunk_num", "percona-toolkit"},
	{"CALL shop.proc_1(1, 'x')", "call shop.proc_1"},
	{"USE `shop`", "use ?"},
	{"use shop x", "use shop x"},
	{"administrator command: Ping", "administrator command: Ping"},
	/* NULL goes after numbers and lower-casing, next to any '?' */
	{"select 5null, .null, -NULL, NULL5, (null), nullx",
	 "select ??, .?, ??, ??, (?), nullx"},
	/* \v is whitespace for \s but is not collapsed */
	{"SELECT\va \f FROM\v\vt", "select\va from\v\vt"},
	/* only the first LIMIT */
	{"select a from t limit 1 union select b from u LIMIT 2, 3",
	 "select a from t limit ? union select b from u limit ?, ?"},
	/* ORDER BY ... ASC: a chain from "order by ", stopped by "asc asc" */
	{"select a from t order by a asc asc",
	 "select a from t order by a asc"},
	{"select a from t ORDER BY a ASC, b asc asc, c\vasc",
	 "select a from t order by a, b asc, c"},
	{"select a from t order by\ta asc", "select a from t order by a"},
	/* USE once comments are gone; not after leading whitespace */
	{"/* c */USE db", "use ?"},
	{"-- c\nuse db", "use db"},
	/* UNION separators are any whitespace, kept as written */
	{"select 1\vunion select 1", "select ? /*repeat\vunion*/"},
	{"select 1 union\vselect 1", "select ? /*repeat union*/"},
	/* ";\n" left at the end by a comment goes, as chomp does */
	{"select 1;-- c\n", "select ?"},
	/* "administrator command: " needs its space */
	{"administrator command:1 Quit", "administrator command:? quit"},
	/* a line starting with '#' goes, quotes and all */
	{"select a\n#\tb's\nfrom t", "select a from t"},
	/* bytes above 127 are not word characters */
	{"select \xc3"
	 "\x89"
	 "null, \xe9"
	 "null",
	 "select \xc3"
	 "\x89"
	 "?, \xe9"
	 "?"},
	/* empty and comment-only input */
	{"", ""},
	{"/* only */ -- comment", ""},
};

static void adv_fp_percona__rule_table__pt_fingerprint_output(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(rules); i++) {
		char *got = percona(rules[i].sql);

		if (strcmp(got, rules[i].want) != 0)
			fail_msg("'%s': got '%s', want '%s'", rules[i].sql, got,
				 rules[i].want);
		free(got);
	}
}

/*
 * The scratch buffers live between calls: a statement bigger than what is
 * kept, then a short one, must each come out as if alone.
 */
static void adv_fp_percona__huge_then_short__scratch_reused(void **state)
{
	struct adv_buf sql;
	struct adv_buf want;
	char *got;
	size_t i;

	(void)state;
	adv_buf_init(&sql);
	adv_buf_init(&want);
	adv_buf_addstr(&sql, "SELECT  'a'");
	adv_buf_addstr(&want, "select ?");
	for (i = 0; i < 300000; i++) {
		adv_buf_addstr(&sql, ",\tC_1");
		adv_buf_addstr(&want, ", c_?");
	}
	got = percona(sql.data);
	assert_string_equal(got, want.data);
	free(got);
	got = percona("select 1 from t");
	assert_string_equal(got, "select ? from t");
	free(got);
	adv_buf_release(&sql);
	adv_buf_release(&want);
}

static void adv_fingerprint__percona__fnv1a_of_normalized(void **state)
{
	struct adv_buf b;
	char hex[17];
	char want[17];
	const char *norm = "select a from t where b=?";

	(void)state;
	adv_buf_init(&b);
	adv_buf_addstr(&b, "prefix:");
	assert_int_equal(adv_fingerprint("SELECT a FROM t WHERE b=42", 26,
					 ADV_FP_PERCONA, &b, hex, NULL),
			 ADV_OK);
	/* appended, not overwritten */
	assert_string_equal(b.data, "prefix:select a from t where b=?");
	snprintf(want, sizeof(want), "%016llx",
		 (unsigned long long)adv_fnv1a(ADV_FNV_OFFSET, norm,
					       strlen(norm)));
	assert_string_equal(hex, want);
	assert_int_equal(strlen(hex), 16);
	adv_buf_release(&b);
}

static void adv_fingerprint__not_nul_terminated__uses_len(void **state)
{
	struct adv_buf b;
	char hex[17];
	const char sql[] = {'s', 'e', 'l', 'e', 'c', 't', ' ', '1', 'X'};

	(void)state;
	adv_buf_init(&b);
	assert_int_equal(adv_fingerprint(sql, 8, ADV_FP_PERCONA, &b, hex, NULL),
			 ADV_OK);
	assert_string_equal(b.data, "select ?");
	adv_buf_reset(&b);
	assert_int_equal(
		adv_fingerprint(sql, 8, ADV_FP_POSTGRES, &b, hex, NULL),
		ADV_OK);
	assert_string_equal(b.data, "select $1");
	adv_buf_release(&b);
}

/* --- postgres ------------------------------------------------------------- */

static void adv_fingerprint__postgres__normalize_and_pg_fingerprint(
	void **state)
{
	struct adv_buf a;
	struct adv_buf b;
	char ha[17];
	char hb[17];
	const char *q1 = "SELECT * FROM t WHERE id = 1 AND name = 'x'";
	const char *q2 = "SELECT * FROM t AS u WHERE id = 2 AND name = 'y'";

	(void)state;
	adv_buf_init(&a);
	adv_buf_init(&b);
	assert_int_equal(
		adv_fingerprint(q1, strlen(q1), ADV_FP_POSTGRES, &a, ha, NULL),
		ADV_OK);
	assert_string_equal(a.data,
			    "SELECT * FROM t WHERE id = $1 AND name = $2");
	assert_int_equal(
		adv_fingerprint(q2, strlen(q2), ADV_FP_POSTGRES, &b, hb, NULL),
		ADV_OK);
	/* constants and aliases do not count */
	assert_string_equal(ha, hb);
	assert_int_equal(strlen(ha), 16);
	adv_buf_release(&a);
	adv_buf_release(&b);
}

static void adv_fingerprint__postgres_syntax_error__einput(void **state)
{
	struct adv_buf b;
	struct adv_error err;
	char hex[17];
	const char *bad = "SELEC 1 FROM";

	(void)state;
	adv_buf_init(&b);
	adv_error_init(&err);
	assert_int_equal(adv_fingerprint(bad, strlen(bad), ADV_FP_POSTGRES, &b,
					 hex, &err),
			 ADV_EINPUT);
	assert_string_equal(hex, "");
	assert_int_equal(b.len, 0);
	unit_assert_contains(err.message, "syntax error");
	/* percona never fails */
	assert_int_equal(adv_fingerprint(bad, strlen(bad), ADV_FP_PERCONA, &b,
					 hex, &err),
			 ADV_OK);
	assert_string_equal(b.data, "selec ? from");
	adv_buf_release(&b);
}

static void adv_fp_convention_parse__names__round_trip(void **state)
{
	(void)state;
	assert_int_equal(adv_fp_convention_parse("percona"), ADV_FP_PERCONA);
	assert_int_equal(adv_fp_convention_parse("postgres"), ADV_FP_POSTGRES);
	assert_int_equal(adv_fp_convention_parse("mysql"), -1);
	assert_string_equal(adv_fp_convention_name(ADV_FP_POSTGRES),
			    "postgres");
	assert_string_equal(adv_fp_convention_name(ADV_FP_PERCONA), "percona");
}

/* --- records ---------------------------------------------------------------
 */

static void adv_fp_next_record__semicolon_newline__splits(void **state)
{
	const char *text = "select 1; select 2;\n  select 3;\r\nselect 4";
	size_t len = strlen(text);
	size_t pos = 0;
	size_t start;
	size_t rlen;

	(void)state;
	assert_int_equal(adv_fp_next_record(text, len, &pos, &start, &rlen), 1);
	assert_int_equal(rlen, strlen("select 1; select 2"));
	assert_int_equal(adv_fp_next_record(text, len, &pos, &start, &rlen), 1);
	/* leading whitespace stripped; ";\r\n" does not separate */
	assert_int_equal(strncmp(text + start, "select 3;\r\nselect 4", rlen),
			 0);
	assert_int_equal(adv_fp_next_record(text, len, &pos, &start, &rlen), 0);
}

/*
 * pt-fingerprint drops the lines that start with '#' and more (a tab, a
 * quote), then leading whitespace, and prints only what then starts with
 * a word character: "#" alone or after spaces is not such a line.
 */
static void adv_fp_record_skipped__hash_lines__as_pt_fingerprint(void **state)
{
	static const struct {
		const char *text;
		const char *record; /* NULL: skipped */
	} cases[] = {
		{"# Time: 1\nselect 1", "select 1"},
		{"#\tx\n\n  select 1", "select 1"},
		{"#it's\n#\"\nselect 1", "select 1"},
		{"#\nselect 1", NULL},
		{"  #x\nselect 1", NULL},
		{"/* c */ select 1", NULL},
		{"-- c", NULL},
		{"\v\f\n", NULL},
	};
	struct adv_buf b;
	size_t i;

	(void)state;
	adv_buf_init(&b);
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		const char *text = cases[i].text;
		size_t len = strlen(text);
		size_t pos = 0;
		size_t start;
		size_t rlen;
		int skipped;

		assert_int_equal(
			adv_fp_next_record(text, len, &pos, &start, &rlen), 1);
		adv_buf_reset(&b);
		adv_fp_percona(text + start, rlen, &b);
		skipped = adv_fp_record_skipped(text, start, rlen, &b);
		if (cases[i].record == NULL) {
			assert_int_equal(skipped, 1);
			continue;
		}
		assert_int_equal(skipped, 0);
		assert_int_equal(rlen, strlen(cases[i].record));
		assert_memory_equal(text + start, cases[i].record, rlen);
	}
	/* the '#' line ends at the record separator */
	{
		const char *text = "#a;\nselect 1";
		size_t pos = 0;
		size_t start;
		size_t rlen;

		assert_int_equal(adv_fp_next_record(text, strlen(text), &pos,
						    &start, &rlen),
				 1);
		assert_int_equal(adv_fp_record_skipped(text, start, rlen, &b),
				 1);
		assert_int_equal(adv_fp_next_record(text, strlen(text), &pos,
						    &start, &rlen),
				 1);
		assert_int_equal(rlen, 8);
	}
	/* inside a record, such a line goes before anything else */
	adv_buf_reset(&b);
	adv_fp_percona("select 'a\n#b'\nfrom t", 20, &b);
	assert_string_equal(b.data, "select 'a from t");
	adv_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_fp_percona__corpus__matches_pt_fingerprint),
		cmocka_unit_test(
			adv_fp_percona__rule_table__pt_fingerprint_output),
		cmocka_unit_test(
			adv_fp_percona__huge_then_short__scratch_reused),
		cmocka_unit_test(adv_fingerprint__percona__fnv1a_of_normalized),
		cmocka_unit_test(adv_fingerprint__not_nul_terminated__uses_len),
		cmocka_unit_test(
			adv_fingerprint__postgres__normalize_and_pg_fingerprint),
		cmocka_unit_test(
			adv_fingerprint__postgres_syntax_error__einput),
		cmocka_unit_test(adv_fp_convention_parse__names__round_trip),
		cmocka_unit_test(adv_fp_next_record__semicolon_newline__splits),
		cmocka_unit_test(
			adv_fp_record_skipped__hash_lines__as_pt_fingerprint),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
