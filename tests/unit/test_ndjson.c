#include "unit.h"

#include "ndjson.h"

/* A reader over bytes in memory, named "mem" in messages. */
struct mem_reader {
	FILE *fp;
	struct adv_ndjson_reader r;
};

static void mem_open(struct mem_reader *m, const char *data, size_t len,
		     size_t max_line)
{
	m->fp = unit_input(data, len);
	adv_ndjson_init_stream(&m->r, m->fp, "mem", max_line);
}

static void mem_close(struct mem_reader *m)
{
	adv_ndjson_close(&m->r);
	fclose(m->fp);
}

/* Reads the next record and asserts it is the given JSON at line lineno. */
static void expect_record(struct adv_ndjson_reader *r, const char *want,
			  long lineno)
{
	struct adv_error err;
	cJSON *rec = NULL;
	char *text;
	enum adv_status st;

	adv_error_init(&err);
	st = adv_ndjson_next(r, &rec, &err);
	if (st != ADV_OK)
		fail_msg("want %s at line %ld, got status %d: %s", want, lineno,
			 st, err.message);
	if (rec == NULL)
		fail_msg("want %s at line %ld, got end of input", want, lineno);
	text = unit_json_text(rec);
	assert_string_equal(text, want);
	assert_int_equal(r->lineno, lineno);
	free(text);
	cJSON_Delete(rec);
}

static void expect_error(struct adv_ndjson_reader *r, enum adv_status want,
			 const char *message)
{
	struct adv_error err;
	cJSON *rec = (cJSON *)1;
	enum adv_status st;

	adv_error_init(&err);
	st = adv_ndjson_next(r, &rec, &err);
	if (st != want)
		fail_msg("want status %d ('%s'), got %d ('%s')", want, message,
			 st, err.message);
	assert_null(rec);
	unit_assert_contains(err.message, message);
}

static void expect_eof(struct adv_ndjson_reader *r)
{
	struct adv_error err;
	cJSON *rec = (cJSON *)1;

	adv_error_init(&err);
	assert_int_equal(adv_ndjson_next(r, &rec, &err), ADV_OK);
	assert_null(rec);
}

static void adv_ndjson_next__objects__returned_in_order_then_eof(void **state)
{
	static const char in[] = "{\"a\":1}\n{\"b\":[2,3]}\n";
	struct mem_reader m;

	(void)state;
	mem_open(&m, in, sizeof(in) - 1, 0);
	expect_record(&m.r, "{\"a\":1}", 1);
	expect_record(&m.r, "{\"b\":[2,3]}", 2);
	expect_eof(&m.r);
	expect_eof(&m.r);
	mem_close(&m);
}

static void adv_ndjson_next__empty_input__eof(void **state)
{
	struct mem_reader m;

	(void)state;
	mem_open(&m, "", 0, 0);
	expect_eof(&m.r);
	mem_close(&m);
}

static void adv_ndjson_next__blank_lines__skipped_and_counted(void **state)
{
	static const char in[] = "\n  \n{\"a\":1}\n\t\r\n\n{\"b\":2}\n\n";
	struct mem_reader m;

	(void)state;
	mem_open(&m, in, sizeof(in) - 1, 0);
	expect_record(&m.r, "{\"a\":1}", 3);
	expect_record(&m.r, "{\"b\":2}", 6);
	expect_eof(&m.r);
	mem_close(&m);
}

static void adv_ndjson_next__crlf_line_ends__records_read(void **state)
{
	static const char in[] = "{\"a\":1}\r\n{\"b\":\"x\"}\r\n";
	struct mem_reader m;

	(void)state;
	mem_open(&m, in, sizeof(in) - 1, 0);
	expect_record(&m.r, "{\"a\":1}", 1);
	expect_record(&m.r, "{\"b\":\"x\"}", 2);
	expect_eof(&m.r);
	mem_close(&m);
}

static void adv_ndjson_next__truncated_last_line__einput_truncated(void **state)
{
	static const char in[] = "{\"a\":1}\n{\"b\":\"unfinis";
	struct mem_reader m;

	(void)state;
	mem_open(&m, in, sizeof(in) - 1, 0);
	expect_record(&m.r, "{\"a\":1}", 1);
	expect_error(&m.r, ADV_EINPUT, "truncated record at 'mem:2'");
	expect_eof(&m.r);
	mem_close(&m);
}

static void adv_ndjson_next__complete_last_line_without_newline__read(
	void **state)
{
	static const char in[] = "{\"a\":1}\n{\"b\":2}";
	struct mem_reader m;

	(void)state;
	mem_open(&m, in, sizeof(in) - 1, 0);
	expect_record(&m.r, "{\"a\":1}", 1);
	expect_record(&m.r, "{\"b\":2}", 2);
	expect_eof(&m.r);
	mem_close(&m);
}

static void adv_ndjson_next__bad_lines__einput_with_position(void **state)
{
	static const struct {
		const char *line;
		const char *message;
	} cases[] = {
		{"[1,2]\n", "record is not a JSON object at 'mem:1'"},
		{"42\n", "record is not a JSON object at 'mem:1'"},
		{"\"text\"\n", "record is not a JSON object at 'mem:1'"},
		{"null\n", "record is not a JSON object at 'mem:1'"},
		{"{\"a\":1} x\n", "trailing data after the record at 'mem:1'"},
		{"{\"a\":1}{\"b\":2}\n",
		 "trailing data after the record at 'mem:1'"},
		{"{\"a\":1},\n", "trailing data after the record at 'mem:1'"},
		{"{\"a\":}\n", "malformed JSON at 'mem:1' near column"},
		{"{a:1}\n", "malformed JSON at 'mem:1' near column"},
		{"{\"a\":1\n", "malformed JSON at 'mem:1'"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct mem_reader m;

		mem_open(&m, cases[i].line, strlen(cases[i].line), 0);
		expect_error(&m.r, ADV_EINPUT, cases[i].message);
		expect_eof(&m.r);
		mem_close(&m);
	}
}

static void adv_ndjson_next__trailing_blanks_after_object__accepted(
	void **state)
{
	static const char in[] = "{\"a\":1}  \t \n";
	struct mem_reader m;

	(void)state;
	mem_open(&m, in, sizeof(in) - 1, 0);
	expect_record(&m.r, "{\"a\":1}", 1);
	expect_eof(&m.r);
	mem_close(&m);
}

static void adv_ndjson_next__after_malformed_line__next_line_read(void **state)
{
	static const char in[] = "{\"a\":1}\nnot json\n{\"c\":3}\n";
	struct mem_reader m;

	(void)state;
	mem_open(&m, in, sizeof(in) - 1, 0);
	expect_record(&m.r, "{\"a\":1}", 1);
	expect_error(&m.r, ADV_EINPUT, "malformed JSON at 'mem:2'");
	expect_record(&m.r, "{\"c\":3}", 3);
	expect_eof(&m.r);
	mem_close(&m);
}

/* A line of n bytes, '{"pad":"xxx...x"}\n', then '{"next":1}\n'. */
static char *long_line_then_record(size_t n, size_t *len)
{
	const char *tail = "\"}\n{\"next\":1}\n";
	char *s = malloc(n + strlen(tail) + 1);

	assert_non_null(s);
	memcpy(s, "{\"pad\":\"", 8);
	memset(s + 8, 'x', n - 10);
	memcpy(s + n - 2, tail, strlen(tail) + 1);
	*len = strlen(s);
	return s;
}

static void adv_ndjson_next__line_over_small_cap__einput_then_next_line(
	void **state)
{
	struct mem_reader m;
	size_t len;
	char *in = long_line_then_record(200, &len);

	(void)state;
	mem_open(&m, in, len, 64);
	expect_error(&m.r, ADV_EINPUT, "line longer than 64 bytes at 'mem:1'");
	expect_record(&m.r, "{\"next\":1}", 2);
	expect_eof(&m.r);
	mem_close(&m);
	free(in);
}

static void
adv_ndjson_next__huge_line_over_cap__rejected_unbuffered_then_next_line(
	void **state)
{
	struct mem_reader m;
	size_t len;
	char *in = long_line_then_record(300000, &len);
	struct adv_error err;
	cJSON *rec = NULL;

	(void)state;
	mem_open(&m, in, len, 64);
	adv_error_init(&err);
	assert_int_equal(adv_ndjson_next(&m.r, &rec, &err), ADV_EINPUT);
	assert_null(rec);
	assert_string_equal(err.message,
			    "line longer than 64 bytes at 'mem:1'");
	/* the line was skipped, not stored */
	assert_true(m.r.line.cap <= 64 * 1024);
	expect_record(&m.r, "{\"next\":1}", 2);
	expect_eof(&m.r);
	mem_close(&m);
	free(in);
}

static void adv_ndjson_next__fifty_megabyte_line_default_cap__einput(
	void **state)
{
	static const char next[] = "{\"next\":1}\n";
	struct adv_ndjson_reader r;
	struct adv_error err;
	cJSON *rec = NULL;
	char chunk[65536];
	FILE *fp = tmpfile();
	size_t i;

	(void)state;
	assert_non_null(fp);
	memset(chunk, 'x', sizeof(chunk));
	fputs("{\"pad\":\"", fp);
	for (i = 0; i < 50u * 1024 * 1024 / sizeof(chunk); i++)
		assert_int_equal(fwrite(chunk, 1, sizeof(chunk), fp),
				 sizeof(chunk));
	fputs("\"}\n", fp);
	fputs(next, fp);
	rewind(fp);

	adv_ndjson_init_stream(&r, fp, "big.ndjson", 0);
	assert_int_equal(r.max_line, ADV_NDJSON_MAX_LINE);
	adv_error_init(&err);
	assert_int_equal(adv_ndjson_next(&r, &rec, &err), ADV_EINPUT);
	assert_null(rec);
	assert_string_equal(
		err.message,
		"line longer than 16777216 bytes at 'big.ndjson:1'");
	assert_true(r.line.cap <= ADV_NDJSON_MAX_LINE + 65536);
	expect_record(&r, "{\"next\":1}", 2);
	expect_eof(&r);
	adv_ndjson_close(&r);
	fclose(fp);
}

static void adv_ndjson_next__nul_byte__einput_then_next_line(void **state)
{
	static const char in[] = "{\"a\":1}\0x\n{\"b\":2}\n";
	struct mem_reader m;

	(void)state;
	mem_open(&m, in, sizeof(in) - 1, 0);
	expect_error(&m.r, ADV_EINPUT, "NUL byte in record at 'mem:1'");
	expect_record(&m.r, "{\"b\":2}", 2);
	expect_eof(&m.r);
	mem_close(&m);
}

static void adv_ndjson_open__file__errors_name_path_and_line(void **state)
{
	char *path = unit_tmpfile_str("{\"a\":1}\n\n{\"a\":2,}\n");
	struct adv_ndjson_reader r;
	struct adv_error err;
	char want[600];

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_ndjson_open(&r, path, 0, &err), ADV_OK);
	assert_string_equal(r.name, path);
	expect_record(&r, "{\"a\":1}", 1);
	snprintf(want, sizeof(want), "malformed JSON at '%s:3'", path);
	expect_error(&r, ADV_EINPUT, want);
	expect_eof(&r);
	adv_ndjson_close(&r);
	unit_tmpfile_remove(path);
}

static void adv_ndjson_open__missing_file__eio_naming_it(void **state)
{
	struct adv_ndjson_reader r;
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(
		adv_ndjson_open(&r, "/nonexistent/dir/snap.ndjson", 0, &err),
		ADV_EIO);
	assert_string_equal(err.message,
			    "cannot open '/nonexistent/dir/snap.ndjson': No "
			    "such file or directory");
	adv_ndjson_close(&r);
}

static void adv_ndjson_next__directory__eio_cannot_read(void **state)
{
	struct adv_ndjson_reader r;
	struct adv_error err;
	cJSON *rec = NULL;

	(void)state;
	adv_error_init(&err);
	if (adv_ndjson_open(&r, "/", 0, &err) != ADV_OK)
		skip(); /* a libc that refuses to fopen a directory */
	assert_int_equal(adv_ndjson_next(&r, &rec, &err), ADV_EIO);
	assert_null(rec);
	unit_assert_contains(err.message, "cannot read '/'");
	adv_ndjson_close(&r);
}

static void adv_ndjson_open__dash__stdin_not_owned(void **state)
{
	struct adv_ndjson_reader r;
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_ndjson_open(&r, "-", 0, &err), ADV_OK);
	assert_ptr_equal(r.fp, stdin);
	assert_string_equal(r.name, "<stdin>");
	assert_int_equal(r.owns_fp, 0);
	adv_ndjson_close(&r);
	assert_int_not_equal(fileno(stdin), -1);
}

static void adv_ndjson_format__record__compact_line_appended(void **state)
{
	struct adv_buf b;
	cJSON *rec = unit_json("{ \"type\" : \"x\",\n \"a\": [1, 2],"
			       " \"s\": \"q\\\"t\" }");

	(void)state;
	adv_buf_init(&b);
	adv_buf_addstr(&b, "before\n");
	adv_ndjson_format(&b, rec);
	assert_string_equal(b.data, "before\n{\"type\":\"x\",\"a\":[1,2],"
				    "\"s\":\"q\\\"t\"}\n");
	adv_buf_release(&b);
	cJSON_Delete(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_ndjson_next__objects__returned_in_order_then_eof),
		cmocka_unit_test(adv_ndjson_next__empty_input__eof),
		cmocka_unit_test(
			adv_ndjson_next__blank_lines__skipped_and_counted),
		cmocka_unit_test(adv_ndjson_next__crlf_line_ends__records_read),
		cmocka_unit_test(
			adv_ndjson_next__truncated_last_line__einput_truncated),
		cmocka_unit_test(
			adv_ndjson_next__complete_last_line_without_newline__read),
		cmocka_unit_test(
			adv_ndjson_next__bad_lines__einput_with_position),
		cmocka_unit_test(
			adv_ndjson_next__trailing_blanks_after_object__accepted),
		cmocka_unit_test(
			adv_ndjson_next__after_malformed_line__next_line_read),
		cmocka_unit_test(
			adv_ndjson_next__line_over_small_cap__einput_then_next_line),
		cmocka_unit_test(
			adv_ndjson_next__huge_line_over_cap__rejected_unbuffered_then_next_line),
		cmocka_unit_test(
			adv_ndjson_next__fifty_megabyte_line_default_cap__einput),
		cmocka_unit_test(
			adv_ndjson_next__nul_byte__einput_then_next_line),
		cmocka_unit_test(
			adv_ndjson_open__file__errors_name_path_and_line),
		cmocka_unit_test(adv_ndjson_open__missing_file__eio_naming_it),
		cmocka_unit_test(adv_ndjson_next__directory__eio_cannot_read),
		cmocka_unit_test(adv_ndjson_open__dash__stdin_not_owned),
		cmocka_unit_test(
			adv_ndjson_format__record__compact_line_appended),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
