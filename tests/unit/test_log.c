#include "unit.h"

#include "log.h"

struct seen {
	int calls;
	enum adv_log_level level;
	char message[2100];
	void *ctx;
};

static void remember(enum adv_log_level level, const char *message, void *ctx)
{
	struct seen *s = ctx;

	s->calls++;
	s->level = level;
	s->ctx = ctx;
	snprintf(s->message, sizeof(s->message), "%s", message);
}

/* The logger is global: every test starts and ends without a handler. */
static int reset(void **state)
{
	(void)state;
	adv_log_set_handler(NULL, NULL);
	adv_log_set_level(ADV_LOG_WARNING);
	return 0;
}

static void adv_log__no_handler__dropped_and_disabled(void **state)
{
	(void)state;
	assert_false(adv_log_enabled(ADV_LOG_WARNING));
	adv_warn("nobody listens %d", 1);
}

static void adv_log__handler__formatted_message_and_context(void **state)
{
	struct seen s;

	(void)state;
	memset(&s, 0, sizeof(s));
	adv_log_set_handler(remember, &s);
	adv_warn("skipped: %s at '%s:%d'", "bad line", "f.ndjson", 3);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.level, ADV_LOG_WARNING);
	assert_ptr_equal(s.ctx, &s);
	assert_string_equal(s.message, "skipped: bad line at 'f.ndjson:3'");
}

static void adv_log__levels__above_maximum_dropped(void **state)
{
	static const struct {
		enum adv_log_level max;
		int warning, info, debug;
	} cases[] = {
		{ADV_LOG_WARNING, 1, 0, 0},
		{ADV_LOG_INFO, 1, 1, 0},
		{ADV_LOG_DEBUG, 1, 1, 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct seen s;

		memset(&s, 0, sizeof(s));
		adv_log_set_handler(remember, &s);
		adv_log_set_level(cases[i].max);
		assert_int_equal(adv_log_enabled(ADV_LOG_INFO), cases[i].info);
		adv_warn("w");
		assert_int_equal(s.calls, cases[i].warning);
		adv_info("i");
		assert_int_equal(s.calls, cases[i].warning + cases[i].info);
		adv_debug("d");
		assert_int_equal(s.calls, cases[i].warning + cases[i].info +
						  cases[i].debug);
	}
}

static void adv_log__overlong_message__truncated_not_overflowed(void **state)
{
	struct seen s;
	char big[4000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memset(&s, 0, sizeof(s));
	adv_log_set_handler(remember, &s);
	adv_warn("%s", big);
	assert_int_equal(s.calls, 1);
	assert_int_equal(strlen(s.message), 2047);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			adv_log__no_handler__dropped_and_disabled, reset,
			reset),
		cmocka_unit_test_setup_teardown(
			adv_log__handler__formatted_message_and_context, reset,
			reset),
		cmocka_unit_test_setup_teardown(
			adv_log__levels__above_maximum_dropped, reset, reset),
		cmocka_unit_test_setup_teardown(
			adv_log__overlong_message__truncated_not_overflowed,
			reset, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
