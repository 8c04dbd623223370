#include "unit.h"

#include "report.h"

#define TS "2026-11-21T10:00:00.000000Z"

/* A report writing NDJSON to memory. */
struct fixture {
	struct unit_capture cap;
	struct adv_output *out;
	struct adv_report report;
	struct adv_fail_on fail_on;
	struct adv_source src;
};

static void fixture_open(struct fixture *fx, const char *fail_on)
{
	struct adv_error err;

	memset(fx, 0, sizeof(*fx));
	fx->out = adv_output_new(unit_capture_open(&fx->cap), "mem",
				 ADV_FORMAT_NDJSON, 0);
	adv_error_init(&err);
	if (fail_on != NULL)
		assert_int_equal(adv_fail_on_parse(&fx->fail_on, fail_on, &err),
				 ADV_OK);
	adv_report_init(&fx->report, fx->out,
			fail_on != NULL ? &fx->fail_on : NULL);
	adv_source_init(&fx->src);
	fx->src.engine = (char *)"postgresql";
	fx->src.host = (char *)"db1";
	fx->src.database = (char *)"shop";
}

static void fixture_close(struct fixture *fx)
{
	adv_report_release(&fx->report);
	adv_output_free(fx->out);
	adv_fail_on_release(&fx->fail_on);
	unit_capture_close(&fx->cap);
}

/* Reports a finding for (rule, index) and returns its fingerprint. */
static char *report(struct fixture *fx, const char *rule, const char *index,
		    enum adv_severity sev)
{
	struct adv_finding f;
	struct adv_error err;
	char *fp;

	adv_finding_init(&f, "ip-test", rule, sev);
	adv_finding_set_object(&f, "public", "orders", index);
	adv_finding_set_message(&f, "about '%s'", index);
	adv_finding_compute_fingerprint(&f, "postgresql", "shop");
	adv_error_init(&err);
	if (adv_report_finding(&fx->report, &f, TS, &fx->src, &err) != ADV_OK)
		fail_msg("report: %s", err.message);
	fp = strdup(f.fingerprint);
	adv_finding_release(&f);
	return fp;
}

/* The number of output lines that contain needle. */
static size_t lines_with(struct fixture *fx, const char *needle)
{
	const char *p = unit_capture_text(&fx->cap);
	size_t n = 0;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, len);

		if (strstr(line, needle) != NULL)
			n++;
		free(line);
		p += len;
		if (*p == '\n')
			p++;
	}
	return n;
}

/* The last output line parsed. */
static cJSON *last_record(struct fixture *fx)
{
	const char *text = unit_capture_text(&fx->cap);
	size_t len = strlen(text);
	const char *start;
	char *line;
	cJSON *rec;

	assert_true(len > 1);
	start = text + len - 1;
	while (start > text && start[-1] != '\n')
		start--;
	line = strndup(start, (size_t)(text + len - start));
	rec = unit_json(line);
	free(line);
	return rec;
}

static void adv_report_finding__no_baseline__written_and_counted(void **state)
{
	struct fixture fx;
	char *fp;

	(void)state;
	fixture_open(&fx, NULL);
	fp = report(&fx, "unused-index", "a_idx", ADV_SEV_MEDIUM);
	assert_int_equal(lines_with(&fx, "\"type\":\"finding\""), 1);
	assert_int_equal(lines_with(&fx, fp), 1);
	assert_int_equal(lines_with(&fx, "\"host\":\"db1\""), 1);
	assert_int_equal(fx.report.emitted, 1);
	assert_int_equal(fx.report.suppressed, 0);
	assert_int_equal(fx.report.matched, 0);
	free(fp);
	fixture_close(&fx);
}

static void adv_report_load_baseline__fingerprints__matching_suppressed(
	void **state)
{
	struct fixture fx;
	struct adv_error err;
	char *fp_a, *fp_b, *path, *baseline;

	(void)state;
	/* learn the fingerprints from a first run */
	fixture_open(&fx, NULL);
	fp_a = report(&fx, "unused-index", "a_idx", ADV_SEV_MEDIUM);
	fp_b = report(&fx, "unused-index", "b_idx", ADV_SEV_MEDIUM);
	fixture_close(&fx);

	baseline = malloc(1024);
	assert_non_null(baseline);
	snprintf(baseline, 1024,
		 "{\"type\":\"summary\",\"v\":1,\"fingerprint\":\"%s\"}\n"
		 "\n"
		 "{\"type\":\"finding\",\"v\":1,\"rule\":\"unused-index\","
		 "\"fingerprint\":\"%s\"}\n"
		 "{\"type\":\"index\",\"v\":1}\n",
		 fp_b, fp_a);
	path = unit_tmpfile_str(baseline);

	fixture_open(&fx, "unused-index");
	adv_error_init(&err);
	assert_int_equal(adv_report_load_baseline(&fx.report, path, &err),
			 ADV_OK);
	assert_int_equal(fx.report.nbaseline, 1);
	assert_true(adv_report_in_baseline(&fx.report, fp_a));
	assert_false(adv_report_in_baseline(&fx.report, fp_b));
	assert_false(adv_report_in_baseline(&fx.report, NULL));
	free(report(&fx, "unused-index", "a_idx", ADV_SEV_MEDIUM));
	free(report(&fx, "unused-index", "b_idx", ADV_SEV_MEDIUM));
	assert_int_equal(lines_with(&fx, fp_a), 0);
	assert_int_equal(lines_with(&fx, fp_b), 1);
	assert_int_equal(fx.report.emitted, 1);
	assert_int_equal(fx.report.suppressed, 1);
	/* b_idx, not in the baseline, matches --fail-on */
	assert_int_equal(fx.report.matched, 1);
	fixture_close(&fx);

	unit_tmpfile_remove(path);
	free(baseline);
	free(fp_a);
	free(fp_b);
}

static void adv_report_finding__suppressed_only__fail_on_not_matched(
	void **state)
{
	struct fixture fx;
	struct adv_error err;
	char *fp, *path, line[256];

	(void)state;
	fixture_open(&fx, NULL);
	fp = report(&fx, "invalid-index", "bad_idx", ADV_SEV_HIGH);
	fixture_close(&fx);
	snprintf(line, sizeof(line),
		 "{\"type\":\"finding\",\"v\":1,\"fingerprint\":\"%s\"}\n", fp);
	path = unit_tmpfile_str(line);

	fixture_open(&fx, "low");
	adv_error_init(&err);
	assert_int_equal(adv_report_load_baseline(&fx.report, path, &err),
			 ADV_OK);
	free(report(&fx, "invalid-index", "bad_idx", ADV_SEV_HIGH));
	assert_int_equal(fx.report.matched, 0);
	assert_int_equal(fx.report.emitted, 0);
	assert_string_equal(unit_capture_text(&fx.cap), "");
	fixture_close(&fx);
	unit_tmpfile_remove(path);
	free(fp);
}

static void adv_report_load_baseline__bad_files__error_with_position(
	void **state)
{
	static const struct {
		const char *content;
		enum adv_status st;
		const char *message;
	} cases[] = {
		{"{\"type\":\"finding\",\"v\":1}\n", ADV_EINPUT,
		 "finding without a string 'fingerprint' at '"},
		{"{\"type\":\"finding\",\"fingerprint\":\"ab\"}\n"
		 "{\"type\":\"finding\",\"fingerprint\":12}\n",
		 ADV_EINPUT, "finding without a string 'fingerprint' at '"},
		{"{\"type\":\"finding\"\n", ADV_EINPUT, "malformed JSON at '"},
		{"[1]\n", ADV_EINPUT, "not a JSON object at '"},
	};
	static const char *const line_suffix[] = {":1'", ":2'", ":1'", ":1'"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct fixture fx;
		struct adv_error err;
		char *path = unit_tmpfile_str(cases[i].content);
		char where[600];

		fixture_open(&fx, NULL);
		adv_error_init(&err);
		assert_int_equal(
			adv_report_load_baseline(&fx.report, path, &err),
			cases[i].st);
		unit_assert_contains(err.message, cases[i].message);
		snprintf(where, sizeof(where), "%s%s", path, line_suffix[i]);
		unit_assert_contains(err.message, where);
		fixture_close(&fx);
		unit_tmpfile_remove(path);
	}
}

static void adv_report_load_baseline__missing_file__eio(void **state)
{
	struct fixture fx;
	struct adv_error err;

	(void)state;
	fixture_open(&fx, NULL);
	adv_error_init(&err);
	assert_int_equal(adv_report_load_baseline(
				 &fx.report, "/nonexistent/base.ndjson", &err),
			 ADV_EIO);
	unit_assert_contains(err.message,
			     "cannot open '/nonexistent/base.ndjson'");
	fixture_close(&fx);
}

static void adv_report_finding__fail_on__matched_only_by_matching_finding(
	void **state)
{
	static const struct {
		const char *fail_on;
		const char *rule;
		enum adv_severity sev;
		int matched;
	} cases[] = {
		{"medium", "unused-index", ADV_SEV_LOW, 0},
		{"medium", "unused-index", ADV_SEV_MEDIUM, 1},
		{"medium", "invalid-index", ADV_SEV_HIGH, 1},
		{"duplicate-index", "unused-index", ADV_SEV_CRITICAL, 0},
		{"duplicate-index,unused-index", "unused-index", ADV_SEV_LOW,
		 1},
		{"duplicate-index,unused-index", "unused-index", ADV_SEV_INFO,
		 0},
		{"info", "unused-index", ADV_SEV_INFO, 1},
		{NULL, "unused-index", ADV_SEV_CRITICAL, 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct fixture fx;

		fixture_open(&fx, cases[i].fail_on);
		free(report(&fx, cases[i].rule, "x_idx", cases[i].sev));
		if (fx.report.matched != cases[i].matched)
			fail_msg("--fail-on=%s, %s/%d: matched %d",
				 cases[i].fail_on ? cases[i].fail_on : "(none)",
				 cases[i].rule, cases[i].sev,
				 fx.report.matched);
		/* written either way: --fail-on changes the exit, not output */
		assert_int_equal(lines_with(&fx, "\"type\":\"finding\""), 1);
		fixture_close(&fx);
	}
}

static void adv_report_summary__per_group__counters_then_reset(void **state)
{
	struct fixture fx;
	struct adv_error err;
	cJSON *rec;
	char *text;

	(void)state;
	fixture_open(&fx, NULL);
	adv_report_begin_group(&fx.report);
	free(report(&fx, "unused-index", "a_idx", ADV_SEV_MEDIUM));
	free(report(&fx, "duplicate-index", "b_idx", ADV_SEV_MEDIUM));
	free(report(&fx, "unused-index", "c_idx", ADV_SEV_INFO));
	adv_error_init(&err);
	assert_int_equal(
		adv_report_summary(&fx.report,
				   adv_record_new("summary", 1, TS, &fx.src),
				   &err),
		ADV_OK);
	rec = last_record(&fx);
	cJSON_DeleteItemFromObjectCaseSensitive(rec, "src");
	text = unit_json_text(rec);
	assert_string_equal(
		text,
		"{\"type\":\"summary\",\"v\":1,\"ts\":\"" TS "\","
		"\"finding_count\":3,\"suppressed_count\":0,"
		"\"findings_by_rule\":{\"unused-index\":2,\"duplicate-index\":1},"
		"\"findings_by_severity\":{\"info\":1,\"low\":0,\"medium\":2,"
		"\"high\":0,\"critical\":0}}");
	free(text);
	cJSON_Delete(rec);

	/* the next database starts from zero */
	adv_report_begin_group(&fx.report);
	free(report(&fx, "invalid-index", "d_idx", ADV_SEV_HIGH));
	assert_int_equal(
		adv_report_summary(&fx.report,
				   adv_record_new("summary", 1, TS, &fx.src),
				   &err),
		ADV_OK);
	rec = last_record(&fx);
	cJSON_DeleteItemFromObjectCaseSensitive(rec, "src");
	text = unit_json_text(rec);
	assert_string_equal(
		text,
		"{\"type\":\"summary\",\"v\":1,\"ts\":\"" TS "\","
		"\"finding_count\":1,\"suppressed_count\":0,"
		"\"findings_by_rule\":{\"invalid-index\":1},"
		"\"findings_by_severity\":{\"info\":0,\"low\":0,\"medium\":0,"
		"\"high\":1,\"critical\":0}}");
	free(text);
	cJSON_Delete(rec);
	fixture_close(&fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_report_finding__no_baseline__written_and_counted),
		cmocka_unit_test(
			adv_report_load_baseline__fingerprints__matching_suppressed),
		cmocka_unit_test(
			adv_report_finding__suppressed_only__fail_on_not_matched),
		cmocka_unit_test(
			adv_report_load_baseline__bad_files__error_with_position),
		cmocka_unit_test(adv_report_load_baseline__missing_file__eio),
		cmocka_unit_test(
			adv_report_finding__fail_on__matched_only_by_matching_finding),
		cmocka_unit_test(
			adv_report_summary__per_group__counters_then_reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
