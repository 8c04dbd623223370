/* adv_model_load and adv_indexes_run: inputs to findings, end to end. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "indexes.h"
#include "log.h"
#include "model.h"
#include "output.h"

#define SRC                                                                  \
	"\"src\":{\"engine\":\"postgresql\",\"host\":\"db1\",\"port\":5432," \
	"\"database\":\"shop\",\"cluster\":\"1\",\"role\":\"primary\"}"
#define TS "\"ts\":\"2026-11-20T00:00:00.000000Z\""

static const char snapshot[] =
	"{\"type\":\"snapshot\",\"v\":1," TS "," SRC
	",\"stats_reset\":\"2026-10-01T00:00:00Z\",\"postmaster_start\":null}\n"
	"{\"type\":\"table\",\"v\":1," TS "," SRC
	",\"schema\":\"public\",\"table\":\"t\",\"kind\":\"table\"}\n"
	"{\"type\":\"index\",\"v\":1," TS "," SRC
	",\"schema\":\"public\",\"table\":\"t\",\"index\":\"t_a\",\"oid\":10,"
	"\"method\":\"btree\",\"is_valid\":true,\"is_unique\":false,"
	"\"keys\":[{\"column\":\"a\",\"opclass\":\"int4_ops\",\"direction\":\"asc\",\"nulls\":\"last\"}],"
	"\"include\":[],\"size_bytes\":8192,\"scans\":0,"
	"\"definition\":\"CREATE INDEX t_a ON public.t USING btree (a)\"}\n";

static int warnings;

static void count_warning(enum adv_log_level level, const char *message,
			  void *ctx)
{
	(void)message;
	(void)ctx;
	if (level == ADV_LOG_WARNING)
		warnings++;
}

static void adv_model_load__two_files__one_snapshot_each(void **state)
{
	char *a = unit_tmpfile_str(snapshot);
	char *b = unit_tmpfile_str(
		"{\"type\":\"snapshot\",\"v\":1,\"ts\":\"2026-11-21T00:00:00Z\"," SRC
		"}\n");
	const char *inputs[2];
	struct adv_model m;
	struct adv_error err;

	(void)state;
	inputs[0] = a;
	inputs[1] = b;
	adv_model_init(&m);
	adv_error_init(&err);
	assert_int_equal(adv_model_load(&m, inputs, 2, 0, &err), ADV_OK);
	assert_int_equal(m.nsnapshots, 2);
	assert_int_equal(m.snapshots[0]->nindexes, 1);
	adv_model_release(&m);
	unit_tmpfile_remove(a);
	unit_tmpfile_remove(b);
}

static void adv_model_load__bad_line_keep_going__warns_and_continues(
	void **state)
{
	struct adv_model m;
	struct adv_error err;
	char *text = NULL;
	char *path;
	const char *inputs[1];

	(void)state;
	text = malloc(strlen(snapshot) + 32);
	memcpy(text, "not json\n", 9);
	memcpy(text + 9, snapshot, strlen(snapshot) + 1);
	path = unit_tmpfile_str(text);
	inputs[0] = path;
	warnings = 0;
	adv_log_set_handler(count_warning, NULL);
	adv_model_init(&m);
	adv_error_init(&err);
	assert_int_equal(adv_model_load(&m, inputs, 1, 1, &err), ADV_OK);
	assert_int_equal(warnings, 1);
	assert_int_equal(m.nsnapshots, 1);
	adv_model_release(&m);
	adv_model_init(&m);
	assert_int_equal(adv_model_load(&m, inputs, 1, 0, &err), ADV_EINPUT);
	unit_assert_contains(err.message, ":1'");
	adv_model_release(&m);
	adv_log_set_handler(NULL, NULL);
	unit_tmpfile_remove(path);
	free(text);
}

static void adv_model_load__missing_file__eio(void **state)
{
	const char *inputs[1] = {"/nonexistent/snap.ndjson"};
	struct adv_model m;
	struct adv_error err;

	(void)state;
	adv_model_init(&m);
	adv_error_init(&err);
	assert_int_equal(adv_model_load(&m, inputs, 1, 0, &err), ADV_EIO);
	unit_assert_contains(err.message,
			     "cannot open '/nonexistent/snap.ndjson'");
	adv_model_release(&m);
}

static void adv_indexes_run__unused_and_fail_on__findings_status(void **state)
{
	char *path = unit_tmpfile_str(snapshot);
	const char *inputs[1];
	struct adv_indexes_opts io;
	struct adv_fail_on fail_on;
	struct unit_capture cap;
	struct adv_output *out;
	struct adv_error err;

	(void)state;
	inputs[0] = path;
	memset(&io, 0, sizeof(io));
	memset(&fail_on, 0, sizeof(fail_on));
	adv_error_init(&err);
	assert_int_equal(adv_fail_on_parse(&fail_on, "unused-index", &err),
			 ADV_OK);
	io.inputs = inputs;
	io.ninputs = 1;
	io.fail_on = &fail_on;
	io.hygiene.min_observed_seconds = 7 * 86400.0;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_NDJSON,
			     0);
	assert_int_equal(adv_indexes_run(&io, out, &err), ADV_FINDINGS);
	assert_int_equal(adv_output_finish(out, &err), ADV_OK);
	unit_assert_contains(
		unit_capture_text(&cap),
		"\"rule\":\"unused-index\",\"severity\":\"medium\"");
	unit_assert_contains(unit_capture_text(&cap), "\"type\":\"summary\"");
	adv_output_free(out);
	unit_capture_close(&cap);
	adv_fail_on_release(&fail_on);
	unit_tmpfile_remove(path);
}

static void adv_indexes_run__short_window__info_does_not_fail(void **state)
{
	char *path = unit_tmpfile_str(snapshot);
	const char *inputs[1];
	struct adv_indexes_opts io;
	struct adv_fail_on fail_on;
	struct unit_capture cap;
	struct adv_output *out;
	struct adv_error err;

	(void)state;
	inputs[0] = path;
	memset(&io, 0, sizeof(io));
	memset(&fail_on, 0, sizeof(fail_on));
	adv_error_init(&err);
	assert_int_equal(adv_fail_on_parse(&fail_on, "unused-index", &err),
			 ADV_OK);
	io.inputs = inputs;
	io.ninputs = 1;
	io.fail_on = &fail_on;
	/* the window is 50 days: a 90-day requirement gives no verdict */
	io.hygiene.min_observed_seconds = 90 * 86400.0;
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_NDJSON,
			     0);
	assert_int_equal(adv_indexes_run(&io, out, &err), ADV_OK);
	unit_assert_contains(unit_capture_text(&cap), "\"severity\":\"info\"");
	adv_output_free(out);
	unit_capture_close(&cap);
	adv_fail_on_release(&fail_on);
	unit_tmpfile_remove(path);
}

static void adv_indexes_rules__lists_every_rule(void **state)
{
	size_t n = 0;

	(void)state;
	while (adv_indexes_rules[n] != NULL)
		n++;
	assert_int_equal(n, 6);
	assert_string_equal(adv_indexes_rules[0], "unused-index");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_model_load__two_files__one_snapshot_each),
		cmocka_unit_test(
			adv_model_load__bad_line_keep_going__warns_and_continues),
		cmocka_unit_test(adv_model_load__missing_file__eio),
		cmocka_unit_test(
			adv_indexes_run__unused_and_fail_on__findings_status),
		cmocka_unit_test(
			adv_indexes_run__short_window__info_does_not_fail),
		cmocka_unit_test(adv_indexes_rules__lists_every_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
