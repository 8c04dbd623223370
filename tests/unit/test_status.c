#include "unit.h"

#include "status.h"

static void adv_error_init__any__cleared(void **state)
{
	struct adv_error err;

	(void)state;
	memset(&err, 'x', sizeof(err));
	adv_error_init(&err);
	assert_int_equal(err.status, ADV_OK);
	assert_string_equal(err.message, "");
	assert_string_equal(err.sqlstate, "");
	assert_int_equal(err.driver_code, 0);
}

static void adv_error_set__message__formatted_and_status_returned(void **state)
{
	struct adv_error err;
	enum adv_status st;

	(void)state;
	adv_error_init(&err);
	st = adv_error_set(&err, ADV_EINPUT, "cannot parse '%s' at line %d",
			   "x.ndjson", 3);
	assert_int_equal(st, ADV_EINPUT);
	assert_int_equal(err.status, ADV_EINPUT);
	assert_string_equal(err.message, "cannot parse 'x.ndjson' at line 3");
}

static void adv_error_set__null_err__returns_status(void **state)
{
	(void)state;
	assert_int_equal(adv_error_set(NULL, ADV_EIO, "ignored %d", 1),
			 ADV_EIO);
}

static void adv_error_set__untidy_messages__one_line_no_trailing_period(
	void **state)
{
	static const struct {
		const char *in;
		const char *want;
	} cases[] = {
		{"plain", "plain"},
		{"ends with a period.", "ends with a period"},
		{"ends with dots...", "ends with dots"},
		{"trailing spaces  ", "trailing spaces"},
		{"period then space. ", "period then space"},
		{"two\nlines", "two lines"},
		{"crlf\r\nline", "crlf  line"},
		{"a\ttab", "a tab"},
		{"libpq style\nDETAIL: more.\n", "libpq style DETAIL: more"},
		{"keeps 'file.ndjson' inside", "keeps 'file.ndjson' inside"},
		{"version 1.5", "version 1.5"},
		{"", ""},
		{".", ""},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_error err;

		adv_error_init(&err);
		adv_error_set(&err, ADV_EUSAGE, "%s", cases[i].in);
		if (strcmp(err.message, cases[i].want) != 0)
			fail_msg("case %zu: '%s' became '%s', want '%s'", i,
				 cases[i].in, err.message, cases[i].want);
	}
}

static void adv_error_set__overlong_message__truncated_and_terminated(
	void **state)
{
	struct adv_error err;
	char big[3000];

	(void)state;
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	adv_error_init(&err);
	adv_error_set(&err, ADV_EINPUT, "%s", big);
	assert_int_equal(strlen(err.message), sizeof(err.message) - 1);
}

static void adv_error_prefix__existing_message__context_colon_message(
	void **state)
{
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	adv_error_set(&err, ADV_EINPUT, "key 'port' must be a number at 'src'");
	adv_error_prefix(&err, "%s:%d", "snap.ndjson", 7);
	assert_string_equal(
		err.message,
		"snap.ndjson:7: key 'port' must be a number at 'src'");
	assert_int_equal(err.status, ADV_EINPUT);
}

static void adv_error_prefix__newline_in_context__one_line(void **state)
{
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	adv_error_set(&err, ADV_ECONNECT, "refused");
	adv_error_prefix(&err, "cannot set up\nthe session");
	assert_string_equal(err.message, "cannot set up the session: refused");
}

static void adv_error_prefix__overlong__truncated_and_terminated(void **state)
{
	struct adv_error err;
	char big[900];

	(void)state;
	memset(big, 'b', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	adv_error_init(&err);
	adv_error_set(&err, ADV_EINPUT, "%s", big);
	adv_error_prefix(&err, "%s", big);
	assert_int_equal(strlen(err.message), sizeof(err.message) - 1);
	assert_memory_equal(err.message, big, 500);
}

static void adv_error_prefix__null_err__no_crash(void **state)
{
	(void)state;
	adv_error_prefix(NULL, "ctx %d", 1);
}

static void adv_exit_code__every_status__design_exit_table(void **state)
{
	static const struct {
		enum adv_status status;
		int code;
		const char *name;
	} cases[] = {
		{ADV_OK, 0, "ok"},
		{ADV_FINDINGS, 1, "findings"},
		{ADV_EUSAGE, 2, "usage"},
		{ADV_EINPUT, 3, "input"},
		{ADV_ECONNECT, 4, "connect"},
		{ADV_ESERVER, 5, "server"},
		{ADV_EPARTIAL, 6, "partial"},
		{ADV_EIO, 7, "io"},
		{ADV_EINTERNAL, 70, "internal"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		assert_int_equal(adv_exit_code(cases[i].status), cases[i].code);
		assert_string_equal(adv_status_name(cases[i].status),
				    cases[i].name);
	}
}

static void adv_exit_code__unknown_status__internal(void **state)
{
	(void)state;
	assert_int_equal(adv_exit_code((enum adv_status)42), 70);
	assert_string_equal(adv_status_name((enum adv_status)42), "internal");
}

static void adv_status_worst__pairs__more_serious_one(void **state)
{
	static const struct {
		enum adv_status a, b, want;
	} cases[] = {
		{ADV_OK, ADV_OK, ADV_OK},
		{ADV_OK, ADV_FINDINGS, ADV_FINDINGS},
		{ADV_FINDINGS, ADV_EPARTIAL, ADV_EPARTIAL},
		{ADV_EPARTIAL, ADV_ESERVER, ADV_ESERVER},
		{ADV_ESERVER, ADV_ECONNECT, ADV_ECONNECT},
		{ADV_ECONNECT, ADV_EINPUT, ADV_EINPUT},
		{ADV_EINPUT, ADV_EUSAGE, ADV_EUSAGE},
		{ADV_EUSAGE, ADV_EIO, ADV_EIO},
		{ADV_EIO, ADV_EINTERNAL, ADV_EINTERNAL},
		{ADV_OK, ADV_EINTERNAL, ADV_EINTERNAL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		assert_int_equal(adv_status_worst(cases[i].a, cases[i].b),
				 cases[i].want);
		assert_int_equal(adv_status_worst(cases[i].b, cases[i].a),
				 cases[i].want);
	}
}

static void adv_status_worst__any_status__ok_is_identity_and_idempotent(
	void **state)
{
	static const enum adv_status all[] = {
		ADV_OK,	      ADV_FINDINGS, ADV_EUSAGE,
		ADV_EINPUT,   ADV_ECONNECT, ADV_ESERVER,
		ADV_EPARTIAL, ADV_EIO,	    ADV_EINTERNAL,
	};
	size_t i, j;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(all); i++) {
		assert_int_equal(adv_status_worst(ADV_OK, all[i]), all[i]);
		assert_int_equal(adv_status_worst(all[i], all[i]), all[i]);
		for (j = 0; j < UNIT_ARRAY_SIZE(all); j++)
			assert_int_equal(adv_status_worst(all[i], all[j]),
					 adv_status_worst(all[j], all[i]));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_error_init__any__cleared),
		cmocka_unit_test(
			adv_error_set__message__formatted_and_status_returned),
		cmocka_unit_test(adv_error_set__null_err__returns_status),
		cmocka_unit_test(
			adv_error_set__untidy_messages__one_line_no_trailing_period),
		cmocka_unit_test(
			adv_error_set__overlong_message__truncated_and_terminated),
		cmocka_unit_test(
			adv_error_prefix__existing_message__context_colon_message),
		cmocka_unit_test(
			adv_error_prefix__newline_in_context__one_line),
		cmocka_unit_test(
			adv_error_prefix__overlong__truncated_and_terminated),
		cmocka_unit_test(adv_error_prefix__null_err__no_crash),
		cmocka_unit_test(
			adv_exit_code__every_status__design_exit_table),
		cmocka_unit_test(adv_exit_code__unknown_status__internal),
		cmocka_unit_test(adv_status_worst__pairs__more_serious_one),
		cmocka_unit_test(
			adv_status_worst__any_status__ok_is_identity_and_idempotent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
