#include "unit.h"

#include <errno.h>
#include <fcntl.h>

#include <csv.h>

#include "output.h"

#define ENVELOPE "\"v\":1,\"ts\":\"2026-11-21T10:00:00.000000Z\",\"src\":null"

static const char finding_unused[] =
	"{\"type\":\"finding\"," ENVELOPE ",\"tool\":\"ip-indexes\","
	"\"rule\":\"unused-index\",\"severity\":\"medium\",\"schema\":\"public\","
	"\"table\":\"orders\",\"index\":\"orders_status_idx\",\"constraint\":null,"
	"\"message\":\"index 'public.orders_status_idx' has not been scanned in "
	"30 days on 1 node (16 kB)\",\"evidence\":{\"scans\":0},"
	"\"action\":{\"kind\":\"drop_index\",\"sql\":\"DROP INDEX CONCURRENTLY "
	"\\\"public\\\".\\\"orders_status_idx\\\"\",\"rollback_sql\":\"CREATE "
	"INDEX CONCURRENTLY orders_status_idx ON public.orders USING btree "
	"(status)\",\"online\":true},\"impact\":{},\"confidence\":0.8,"
	"\"fingerprint\":\"0123456789abcdef\"}";

static const char finding_fk[] =
	"{\"type\":\"finding\"," ENVELOPE ",\"tool\":\"ip-indexes\","
	"\"rule\":\"foreign-key-without-index\",\"severity\":\"low\","
	"\"schema\":\"public\",\"table\":\"line_items\",\"index\":null,"
	"\"constraint\":\"line_items_order_id_fkey\",\"message\":\"foreign key "
	"'line_items_order_id_fkey' on 'public.line_items' (order_id) has no "
	"index\",\"evidence\":{},\"action\":{\"kind\":\"create_index\","
	"\"sql\":\"CREATE INDEX CONCURRENTLY x ON y (z)\",\"rollback_sql\":"
	"\"DROP INDEX CONCURRENTLY x\",\"online\":true},\"impact\":{},"
	"\"confidence\":0.7,\"fingerprint\":\"1111111111111111\"}";

static const char finding_info[] =
	"{\"type\":\"finding\"," ENVELOPE ",\"tool\":\"ip-indexes\","
	"\"rule\":\"unused-index\",\"severity\":\"info\",\"schema\":\"public\","
	"\"table\":\"t\",\"index\":\"t_idx\",\"constraint\":null,"
	"\"message\":\"index 'public.t_idx' has no scans: no verdict\","
	"\"evidence\":{},\"action\":null,\"impact\":{},\"confidence\":0.2,"
	"\"fingerprint\":\"2222222222222222\"}";

static const char summary_rec[] =
	"{\"type\":\"summary\"," ENVELOPE ",\"tool\":\"ip-indexes\","
	"\"table_count\":2,\"index_count\":3,\"index_bytes\":24576,"
	"\"reclaimable_bytes\":16384,\"node_count\":1,\"finding_count\":3}";

static const char table_rec[] =
	"{\"type\":\"table\"," ENVELOPE ",\"schema\":\"public\","
	"\"table\":\"orders\",\"kind\":\"table\",\"size_bytes\":8192,"
	"\"estimated_rows\":null,\"n_tup_ins\":5}";

static const char warning_rec[] =
	"{\"type\":\"warning\"," ENVELOPE ",\"code\":\"permission\","
	"\"message\":\"cannot read 'pg_stat_statements': permission denied\"}";

/* Writes each JSON text as a record; asserts every write succeeds. */
static void write_records(struct adv_output *out, const char *const *recs,
			  size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct adv_error err;
		cJSON *rec = unit_json(recs[i]);

		adv_error_init(&err);
		if (adv_output_record(out, rec, &err) != ADV_OK)
			fail_msg("record %zu: %s", i, err.message);
		cJSON_Delete(rec);
	}
}

static void finish_ok(struct adv_output *out)
{
	struct adv_error err;

	adv_error_init(&err);
	if (adv_output_finish(out, &err) != ADV_OK)
		fail_msg("finish: %s", err.message);
}

static void adv_format_parse__names__format_or_usage_error(void **state)
{
	static const struct {
		const char *in;
		enum adv_status st;
		enum adv_format format;
	} cases[] = {
		{"auto", ADV_OK, ADV_FORMAT_AUTO},
		{"ndjson", ADV_OK, ADV_FORMAT_NDJSON},
		{"json", ADV_OK, ADV_FORMAT_NDJSON},
		{"text", ADV_OK, ADV_FORMAT_TEXT},
		{"csv", ADV_OK, ADV_FORMAT_CSV},
		{"xml", ADV_EUSAGE, ADV_FORMAT_AUTO},
		{"CSV", ADV_EUSAGE, ADV_FORMAT_AUTO},
		{"", ADV_EUSAGE, ADV_FORMAT_AUTO},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_error err;
		enum adv_format f = ADV_FORMAT_AUTO;

		adv_error_init(&err);
		assert_int_equal(adv_format_parse(cases[i].in, &f, &err),
				 cases[i].st);
		if (cases[i].st == ADV_OK) {
			assert_int_equal(f, cases[i].format);
		} else {
			char want[128];

			snprintf(want, sizeof(want), "unknown format '%s'",
				 cases[i].in);
			unit_assert_contains(err.message, want);
		}
	}
}

static void adv_output_new__auto_on_non_terminal__ndjson(void **state)
{
	struct unit_capture cap;
	struct adv_output *out;

	(void)state;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_AUTO,
			     -1);
	assert_int_equal(adv_output_format(out), ADV_FORMAT_NDJSON);
	adv_output_free(out);
	unit_capture_close(&cap);
	adv_output_free(NULL);
}

static void adv_output_record__ndjson__exact_compact_lines(void **state)
{
	static const char *const recs[] = {table_rec, warning_rec};
	struct unit_capture cap;
	struct adv_output *out;
	char want[2048];

	(void)state;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_NDJSON,
			     0);
	write_records(out, recs, UNIT_ARRAY_SIZE(recs));
	finish_ok(out);
	snprintf(want, sizeof(want), "%s\n%s\n", table_rec, warning_rec);
	assert_string_equal(unit_capture_text(&cap), want);
	adv_output_free(out);
	unit_capture_close(&cap);
}

static void adv_output_record__ndjson_to_pipe__flushed_per_record(void **state)
{
	struct adv_output *out;
	char got[512];
	int fds[2];
	FILE *wp;
	ssize_t n;
	cJSON *rec = unit_json(table_rec);
	struct adv_error err;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(fcntl(fds[0], F_SETFL, O_NONBLOCK), 0);
	wp = fdopen(fds[1], "w");
	assert_non_null(wp);
	out = adv_output_new(wp, "pipe", ADV_FORMAT_NDJSON, 0);
	adv_error_init(&err);
	assert_int_equal(adv_output_record(out, rec, &err), ADV_OK);
	/* readable before finish: the record was flushed on its own */
	n = read(fds[0], got, sizeof(got) - 1);
	assert_true(n > 0);
	got[n] = '\0';
	assert_int_equal((size_t)n, strlen(table_rec) + 1);
	assert_memory_equal(got, table_rec, strlen(table_rec));
	adv_output_free(out);
	fclose(wp);
	close(fds[0]);
	cJSON_Delete(rec);
}

static void adv_output_finish__text_findings__table_sql_and_summary(
	void **state)
{
	static const char *const recs[] = {finding_unused, finding_fk,
					   finding_info, summary_rec};
	static const char want[] =
		"SEVERITY  RULE                       OBJECT                  "
		"         MESSAGE\n"
		"medium    unused-index               public.orders_status_idx"
		"         index 'public.orders_status_idx' has not been scanned "
		"in 30 days on 1 node (16 kB)\n"
		"low       foreign-key-without-index  public.line_items_order_i"
		"d_fkey  foreign key 'line_items_order_id_fkey' on "
		"'public.line_items' (order_id) has no index\n"
		"info      unused-index               public.t_idx            "
		"         index 'public.t_idx' has no scans: no verdict\n"
		"\n"
		"Suggested SQL (review it before running it):\n"
		"  -- unused-index public.orders_status_idx\n"
		"  DROP INDEX CONCURRENTLY \"public\".\"orders_status_idx\";\n"
		"  -- foreign-key-without-index public.line_items_order_id_fkey\n"
		"  CREATE INDEX CONCURRENTLY x ON y (z);\n"
		"\n"
		"3 indexes (24 kB), 3 findings, 16 kB reclaimable by the "
		"suggested drops\n";
	struct unit_capture cap;
	struct adv_output *out;

	(void)state;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_TEXT,
			     0);
	write_records(out, recs, UNIT_ARRAY_SIZE(recs));
	/* findings and the summary wait for the table */
	assert_string_equal(unit_capture_text(&cap), "");
	finish_ok(out);
	assert_string_equal(unit_capture_text(&cap), want);
	adv_output_free(out);
	unit_capture_close(&cap);
}

static void adv_output_record__text_other_types__one_line_each(void **state)
{
	static const char *const recs[] = {table_rec, warning_rec};
	struct unit_capture cap;
	struct adv_output *out;

	(void)state;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_TEXT,
			     0);
	write_records(out, recs, UNIT_ARRAY_SIZE(recs));
	finish_ok(out);
	assert_string_equal(
		unit_capture_text(&cap),
		"table      public.orders kind=table size_bytes=8192 n_tup_ins=5\n"
		"warning: cannot read 'pg_stat_statements': permission denied\n");
	adv_output_free(out);
	unit_capture_close(&cap);
}

static void adv_output_finish__text_nothing_written__empty(void **state)
{
	struct unit_capture cap;
	struct adv_output *out;

	(void)state;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_TEXT,
			     0);
	finish_ok(out);
	assert_string_equal(unit_capture_text(&cap), "");
	adv_output_free(out);
	unit_capture_close(&cap);
}

static void adv_output_finish__text_color__escapes_only_when_asked(void **state)
{
	static const char *const recs[] = {finding_unused};
	struct unit_capture cap;
	struct adv_output *out;

	(void)state;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_TEXT,
			     1);
	write_records(out, recs, 1);
	finish_ok(out);
	unit_assert_contains(unit_capture_text(&cap), "\033[1mSEVERITY");
	unit_assert_contains(unit_capture_text(&cap), "\033[33mmedium");
	adv_output_free(out);
	unit_capture_close(&cap);

	/* auto colour on something that is not a terminal: none */
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_TEXT,
			     -1);
	write_records(out, recs, 1);
	finish_ok(out);
	unit_assert_not_contains(unit_capture_text(&cap), "\033[");
	adv_output_free(out);
	unit_capture_close(&cap);
}

/* libcsv callbacks collecting rows of fields. */
struct csv_rows {
	char *cells[8][16];
	size_t ncols[8];
	size_t nrows;
};

static void csv_cell(void *data, size_t len, void *ctx)
{
	struct csv_rows *rows = ctx;
	size_t r = rows->nrows, c;
	char *s;

	assert_true(r < 8);
	c = rows->ncols[r];
	assert_true(c < 16);
	s = malloc(len + 1);
	assert_non_null(s);
	if (len > 0)
		memcpy(s, data, len);
	s[len] = '\0';
	rows->cells[r][c] = s;
	rows->ncols[r]++;
}

static void csv_row_end(int c, void *ctx)
{
	struct csv_rows *rows = ctx;

	(void)c;
	rows->nrows++;
}

static void csv_read(const char *text, struct csv_rows *rows)
{
	struct csv_parser p;
	size_t len = strlen(text);

	memset(rows, 0, sizeof(*rows));
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	assert_int_equal(csv_parse(&p, text, len, csv_cell, csv_row_end, rows),
			 len);
	assert_int_equal(csv_fini(&p, csv_cell, csv_row_end, rows), 0);
	csv_free(&p);
}

static void csv_rows_free(struct csv_rows *rows)
{
	size_t r, c;

	for (r = 0; r < rows->nrows; r++) {
		for (c = 0; c < rows->ncols[r]; c++)
			free(rows->cells[r][c]);
	}
}

static void adv_output_record__csv_finding__rfc4180_quoting(void **state)
{
	static const char tricky[] =
		"{\"type\":\"finding\"," ENVELOPE
		",\"rule\":\"duplicate-index\","
		"\"severity\":\"high\",\"schema\":\"my schema\","
		"\"table\":\"a,b\",\"index\":\"say \\\"hi\\\"\","
		"\"message\":\"first, \\\"second\\\"\\nthird\\r\\nfourth\","
		"\"action\":{\"sql\":\"DROP INDEX \\\"my schema\\\".\\\"say "
		"\\\"\\\"hi\\\"\\\"\\\"\",\"rollback_sql\":null},"
		"\"confidence\":0.95,\"fingerprint\":\"abcdef0123456789\"}";
	static const char *const recs[] = {tricky};
	static const char *const want[2][11] = {
		{"severity", "rule", "schema", "table", "index", "constraint",
		 "message", "sql", "rollback_sql", "confidence", "fingerprint"},
		{"high", "duplicate-index", "my schema", "a,b", "say \"hi\"",
		 "", "first, \"second\"\nthird\r\nfourth",
		 "DROP INDEX \"my schema\".\"say \"\"hi\"\"\"", "", "0.95",
		 "abcdef0123456789"},
	};
	struct unit_capture cap;
	struct adv_output *out;
	struct csv_rows rows;
	size_t r, c;

	(void)state;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_CSV, 0);
	write_records(out, recs, 1);
	finish_ok(out);
	assert_string_equal(
		unit_capture_text(&cap),
		"\"severity\",\"rule\",\"schema\",\"table\",\"index\","
		"\"constraint\",\"message\",\"sql\",\"rollback_sql\","
		"\"confidence\",\"fingerprint\"\r\n"
		"\"high\",\"duplicate-index\",\"my schema\",\"a,b\","
		"\"say \"\"hi\"\"\",\"\",\"first, \"\"second\"\"\nthird\r\nfourth\","
		"\"DROP INDEX \"\"my schema\"\".\"\"say \"\"\"\"hi\"\"\"\"\"\"\","
		"\"\",\"0.95\",\"abcdef0123456789\"\r\n");
	/* and a CSV reader gets the values back */
	csv_read(unit_capture_text(&cap), &rows);
	assert_int_equal(rows.nrows, 2);
	for (r = 0; r < 2; r++) {
		assert_int_equal(rows.ncols[r], 11);
		for (c = 0; c < 11; c++)
			assert_string_equal(rows.cells[r][c], want[r][c]);
	}
	csv_rows_free(&rows);
	adv_output_free(out);
	unit_capture_close(&cap);
}

static void adv_output_record__csv_type_changes__header_per_type_run(
	void **state)
{
	static const char table2[] =
		"{\"type\":\"table\"," ENVELOPE ",\"schema\":\"public\","
		"\"table\":\"lines\",\"kind\":\"table\",\"size_bytes\":16384,"
		"\"estimated_rows\":12.5,\"n_tup_ins\":null}";
	static const char *const recs[] = {table_rec, table2, finding_info,
					   table_rec};
	struct unit_capture cap;
	struct adv_output *out;

	(void)state;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_CSV, 0);
	write_records(out, recs, UNIT_ARRAY_SIZE(recs));
	finish_ok(out);
	assert_string_equal(
		unit_capture_text(&cap),
		"\"type\",\"schema\",\"table\",\"kind\",\"size_bytes\","
		"\"estimated_rows\",\"n_tup_ins\"\r\n"
		"\"table\",\"public\",\"orders\",\"table\",\"8192\",\"\",\"5\"\r\n"
		"\"table\",\"public\",\"lines\",\"table\",\"16384\",\"12.5\",\"\"\r\n"
		"\"severity\",\"rule\",\"schema\",\"table\",\"index\","
		"\"constraint\",\"message\",\"sql\",\"rollback_sql\","
		"\"confidence\",\"fingerprint\"\r\n"
		"\"info\",\"unused-index\",\"public\",\"t\",\"t_idx\",\"\","
		"\"index 'public.t_idx' has no scans: no verdict\",\"\",\"\","
		"\"0.2\",\"2222222222222222\"\r\n"
		"\"type\",\"schema\",\"table\",\"kind\",\"size_bytes\","
		"\"estimated_rows\",\"n_tup_ins\"\r\n"
		"\"table\",\"public\",\"orders\",\"table\",\"8192\",\"\",\"5\"\r\n");
	adv_output_free(out);
	unit_capture_close(&cap);
}

static void adv_output_finish__dev_full__eio_naming_output(void **state)
{
	struct adv_output *out;
	struct adv_error err;
	FILE *fp = fopen("/dev/full", "w");
	cJSON *rec = unit_json(table_rec);

	(void)state;
	if (fp == NULL)
		skip();
	out = adv_output_new(fp, "/dev/full", ADV_FORMAT_NDJSON, 0);
	adv_error_init(&err);
	/* buffered: the record fits in stdio's buffer, the flush fails */
	assert_int_equal(adv_output_record(out, rec, &err), ADV_OK);
	assert_int_equal(adv_output_finish(out, &err), ADV_EIO);
	assert_string_equal(err.message, "cannot write to '/dev/full': No "
					 "space left on device");
	adv_output_free(out);
	fclose(fp);
	cJSON_Delete(rec);
}

static void adv_output_record__dev_full_unbuffered__eio(void **state)
{
	static const enum adv_format formats[] = {
		ADV_FORMAT_NDJSON, ADV_FORMAT_CSV, ADV_FORMAT_TEXT};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(formats); i++) {
		struct adv_output *out;
		struct adv_error err;
		FILE *fp = fopen("/dev/full", "w");
		cJSON *rec = unit_json(table_rec);

		if (fp == NULL)
			skip();
		setvbuf(fp, NULL, _IONBF, 0);
		out = adv_output_new(fp, NULL, formats[i], 0);
		adv_error_init(&err);
		assert_int_equal(adv_output_record(out, rec, &err), ADV_EIO);
		assert_string_equal(err.message,
				    "cannot write to '<stdout>': No space left "
				    "on device");
		adv_output_free(out);
		fclose(fp);
		cJSON_Delete(rec);
	}
}

static void adv_output_finish__text_table_to_dev_full__eio(void **state)
{
	static const char *const recs[] = {finding_unused};
	struct adv_output *out;
	struct adv_error err;
	FILE *fp = fopen("/dev/full", "w");

	(void)state;
	if (fp == NULL)
		skip();
	out = adv_output_new(fp, "/dev/full", ADV_FORMAT_TEXT, 0);
	write_records(out, recs, 1);
	adv_error_init(&err);
	assert_int_equal(adv_output_finish(out, &err), ADV_EIO);
	unit_assert_contains(err.message, "cannot write to '/dev/full'");
	adv_output_free(out);
	fclose(fp);
}

static void adv_output_record__without_type__internal_error(void **state)
{
	struct unit_capture cap;
	struct adv_output *out;
	struct adv_error err;
	cJSON *rec = unit_json("{\"v\":1}");

	(void)state;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_NDJSON,
			     0);
	adv_error_init(&err);
	assert_int_equal(adv_output_record(out, rec, &err), ADV_EINTERNAL);
	assert_string_equal(unit_capture_text(&cap), "");
	adv_output_free(out);
	unit_capture_close(&cap);
	cJSON_Delete(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_format_parse__names__format_or_usage_error),
		cmocka_unit_test(adv_output_new__auto_on_non_terminal__ndjson),
		cmocka_unit_test(
			adv_output_record__ndjson__exact_compact_lines),
		cmocka_unit_test(
			adv_output_record__ndjson_to_pipe__flushed_per_record),
		cmocka_unit_test(
			adv_output_finish__text_findings__table_sql_and_summary),
		cmocka_unit_test(
			adv_output_record__text_other_types__one_line_each),
		cmocka_unit_test(
			adv_output_finish__text_nothing_written__empty),
		cmocka_unit_test(
			adv_output_finish__text_color__escapes_only_when_asked),
		cmocka_unit_test(
			adv_output_record__csv_finding__rfc4180_quoting),
		cmocka_unit_test(
			adv_output_record__csv_type_changes__header_per_type_run),
		cmocka_unit_test(
			adv_output_finish__dev_full__eio_naming_output),
		cmocka_unit_test(adv_output_record__dev_full_unbuffered__eio),
		cmocka_unit_test(
			adv_output_finish__text_table_to_dev_full__eio),
		cmocka_unit_test(
			adv_output_record__without_type__internal_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
