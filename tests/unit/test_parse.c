#include "unit.h"

#include <math.h>

#include "parse.h"

#define SENTINEL_I ((int64_t)-12345)
#define SENTINEL_D (-12345.0)

struct int_case {
	const char *in;
	int64_t min, max;
	enum adv_status want;
	int64_t value;
	const char *message; /* substring of the error, or NULL */
};

static void adv_parse_int64__table__value_or_usage_error(void **state)
{
	static const struct int_case cases[] = {
		{"5432", 1, 65535, ADV_OK, 5432, NULL},
		{"1", 1, 65535, ADV_OK, 1, NULL},
		{"65535", 1, 65535, ADV_OK, 65535, NULL},
		{"-5", -10, 10, ADV_OK, -5, NULL},
		{"0", 1, 65535, ADV_EUSAGE, 0,
		 "--port must be between 1 and 65535, not '0'"},
		{"65536", 1, 65535, ADV_EUSAGE, 0,
		 "--port must be between 1 and 65535, not '65536'"},
		{"-1", 1, 65535, ADV_EUSAGE, 0, "not '-1'"},
		{"abc", 1, 65535, ADV_EUSAGE, 0,
		 "invalid number 'abc' for --port"},
		{"12abc", 1, 65535, ADV_EUSAGE, 0, "invalid number '12abc'"},
		{"", 1, 65535, ADV_EUSAGE, 0, "invalid number '' for --port"},
		{" 5", 1, 65535, ADV_EUSAGE, 0, "invalid number ' 5'"},
		{"5 ", 1, 65535, ADV_EUSAGE, 0, "invalid number '5 '"},
		{"0x10", 0, 65535, ADV_EUSAGE, 0, "invalid number '0x10'"},
		{"1.5", 0, 65535, ADV_EUSAGE, 0, "invalid number '1.5'"},
		{"99999999999999999999", INT64_MIN, INT64_MAX, ADV_EUSAGE, 0,
		 "invalid number '99999999999999999999'"},
		{"-99999999999999999999", INT64_MIN, INT64_MAX, ADV_EUSAGE, 0,
		 "invalid number"},
		{"9223372036854775807", INT64_MIN, INT64_MAX, ADV_OK, INT64_MAX,
		 NULL},
		{"-9223372036854775808", INT64_MIN, INT64_MAX, ADV_OK,
		 INT64_MIN, NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		const struct int_case *c = &cases[i];
		struct adv_error err;
		int64_t out = SENTINEL_I;
		enum adv_status st;

		adv_error_init(&err);
		st = adv_parse_int64(c->in, c->min, c->max, "--port", &out,
				     &err);
		if (st != c->want)
			fail_msg("case %zu '%s': status %d, want %d (%s)", i,
				 c->in, st, c->want, err.message);
		if (st == ADV_OK) {
			assert_true(out == c->value);
		} else {
			assert_true(out == SENTINEL_I);
			unit_assert_contains(err.message, c->message);
		}
	}
}

static void adv_parse_int64__null_string__usage_error(void **state)
{
	struct adv_error err;
	int64_t out = SENTINEL_I;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_parse_int64(NULL, 0, 10, "--jobs", &out, &err),
			 ADV_EUSAGE);
	unit_assert_contains(err.message, "--jobs");
	assert_true(out == SENTINEL_I);
}

struct size_case {
	const char *in;
	int64_t max;
	enum adv_status want;
	int64_t value;
	const char *message;
};

static void adv_parse_size__table__bytes_or_usage_error(void **state)
{
	static const struct size_case cases[] = {
		{"10MB", INT64_MAX, ADV_OK, 10485760, NULL},
		{"1.5GB", INT64_MAX, ADV_OK, 1610612736, NULL},
		{"512", INT64_MAX, ADV_OK, 512, NULL},
		{"512B", INT64_MAX, ADV_OK, 512, NULL},
		{"0", INT64_MAX, ADV_OK, 0, NULL},
		{"16kB", INT64_MAX, ADV_OK, 16384, NULL},
		{"16KB", INT64_MAX, ADV_OK, 16384, NULL},
		{".5kB", INT64_MAX, ADV_OK, 512, NULL},
		{"10 MB", INT64_MAX, ADV_OK, 10485760, NULL},
		{"2TB", INT64_MAX, ADV_OK, 2199023255552LL, NULL},
		{"1GB", 1073741824, ADV_OK, 1073741824, NULL},
		{"1.5GB", 1073741824, ADV_EUSAGE, 0,
		 "--max-size is too large: '1.5GB'"},
		{"10XB", INT64_MAX, ADV_EUSAGE, 0,
		 "unknown size unit 'XB' in '10XB' for --max-size"},
		{"10mb", INT64_MAX, ADV_EUSAGE, 0, "unknown size unit 'mb'"},
		{"10 parsecs", INT64_MAX, ADV_EUSAGE, 0,
		 "unknown size unit 'parsecs'"},
		{"MB", INT64_MAX, ADV_EUSAGE, 0,
		 "invalid size 'MB' for --max-size"},
		{"-1MB", INT64_MAX, ADV_EUSAGE, 0, "invalid size '-1MB'"},
		{"+1MB", INT64_MAX, ADV_EUSAGE, 0, "invalid size '+1MB'"},
		{"", INT64_MAX, ADV_EUSAGE, 0, "invalid size ''"},
		{" 1MB", INT64_MAX, ADV_EUSAGE, 0, "invalid size ' 1MB'"},
		{"1e400", INT64_MAX, ADV_EUSAGE, 0, "invalid size '1e400'"},
		{"99999999999TB", INT64_MAX, ADV_EUSAGE, 0,
		 "--max-size is too large"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		const struct size_case *c = &cases[i];
		struct adv_error err;
		int64_t out = SENTINEL_I;
		enum adv_status st;

		adv_error_init(&err);
		st = adv_parse_size(c->in, c->max, "--max-size", &out, &err);
		if (st != c->want)
			fail_msg("case %zu '%s': status %d, want %d (%s)", i,
				 c->in, st, c->want, err.message);
		if (st == ADV_OK) {
			if (out != c->value)
				fail_msg("case %zu '%s': %lld, want %lld", i,
					 c->in, (long long)out,
					 (long long)c->value);
		} else {
			assert_true(out == SENTINEL_I);
			unit_assert_contains(err.message, c->message);
		}
	}
}

static void adv_parse_size__exactly_two_to_the_63__too_large(void **state)
{
	struct adv_error err;
	int64_t out = SENTINEL_I;
	enum adv_status st;

	(void)state;
	adv_error_init(&err);
	/* 8388608 TB = 2^23 * 2^40 = 2^63 bytes */
	st = adv_parse_size("8388608TB", INT64_MAX, "--max-size", &out, &err);
	assert_int_equal(st, ADV_EUSAGE);
	unit_assert_contains(err.message, "too large");
	assert_true(out == SENTINEL_I);
}

struct duration_case {
	const char *in;
	double max;
	enum adv_status want;
	double seconds;
	const char *message;
};

static void adv_parse_duration__table__seconds_or_usage_error(void **state)
{
	static const struct duration_case cases[] = {
		{"7d", 1e9, ADV_OK, 604800, NULL},
		{"90min", 1e9, ADV_OK, 5400, NULL},
		{"90m", 1e9, ADV_OK, 5400, NULL},
		{"500ms", 1e9, ADV_OK, 0.5, NULL},
		{"250us", 1e9, ADV_OK, 0.00025, NULL},
		{"1.5h", 1e9, ADV_OK, 5400, NULL},
		{"30", 1e9, ADV_OK, 30, NULL},
		{"30s", 1e9, ADV_OK, 30, NULL},
		{"2w", 1e9, ADV_OK, 1209600, NULL},
		{"3days", 1e9, ADV_OK, 259200, NULL},
		{"0", 1e9, ADV_OK, 0, NULL},
		{"8d", 604800, ADV_EUSAGE, 0,
		 "--min-observed is too large: '8d'"},
		{"7x", 1e9, ADV_EUSAGE, 0,
		 "unknown duration unit 'x' in '7x' for --min-observed"},
		{"7D", 1e9, ADV_EUSAGE, 0, "unknown duration unit 'D'"},
		{"d", 1e9, ADV_EUSAGE, 0,
		 "invalid duration 'd' for --min-observed"},
		{"-5s", 1e9, ADV_EUSAGE, 0, "invalid duration '-5s'"},
		{"", 1e9, ADV_EUSAGE, 0, "invalid duration ''"},
		{"1e999s", 1e9, ADV_EUSAGE, 0, "invalid duration '1e999s'"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		const struct duration_case *c = &cases[i];
		struct adv_error err;
		double out = SENTINEL_D;
		enum adv_status st;

		adv_error_init(&err);
		st = adv_parse_duration(c->in, c->max, "--min-observed", &out,
					&err);
		if (st != c->want)
			fail_msg("case %zu '%s': status %d, want %d (%s)", i,
				 c->in, st, c->want, err.message);
		if (st == ADV_OK) {
			if (fabs(out - c->seconds) > 1e-9)
				fail_msg("case %zu '%s': %g s, want %g s", i,
					 c->in, out, c->seconds);
		} else {
			assert_true(out == SENTINEL_D);
			unit_assert_contains(err.message, c->message);
		}
	}
}

static void adv_format_size__table__human_units(void **state)
{
	static const struct {
		int64_t bytes;
		const char *want;
	} cases[] = {
		{0, "0 bytes"},
		{512, "512 bytes"},
		{1023, "1023 bytes"},
		{1024, "1.0 kB"},
		{1536, "1.5 kB"},
		{16384, "16 kB"},
		{1572864, "1.5 MB"},
		{10485760, "10 MB"},
		{1610612736, "1.5 GB"},
		{10995116277760LL, "10 TB"},
		{1125899906842624LL, "1.0 PB"},
		{2305843009213693952LL, "2048 PB"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		char out[32];

		adv_format_size(cases[i].bytes, out, sizeof(out));
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("%lld bytes: '%s', want '%s'",
				 (long long)cases[i].bytes, out, cases[i].want);
	}
}

static void adv_format_size__small_buffer__truncated_terminated(void **state)
{
	char out[4];

	(void)state;
	memset(out, 'x', sizeof(out));
	adv_format_size(1572864, out, sizeof(out));
	assert_string_equal(out, "1.5");
}

static void adv_format_duration__table__human_units(void **state)
{
	static const struct {
		double seconds;
		const char *want;
	} cases[] = {
		{0, "0 s"},
		{45, "45 s"},
		{119, "119 s"},
		{120, "2 min"},
		{720, "12 min"},
		{7199, "120 min"},
		{7200, "2.0 h"},
		{10800, "3.0 h"},
		{172799, "48.0 h"},
		{172800, "2 days"},
		{41 * 86400.0, "41 days"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		char out[32];

		adv_format_duration(cases[i].seconds, out, sizeof(out));
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("%g s: '%s', want '%s'", cases[i].seconds, out,
				 cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_parse_int64__table__value_or_usage_error),
		cmocka_unit_test(adv_parse_int64__null_string__usage_error),
		cmocka_unit_test(adv_parse_size__table__bytes_or_usage_error),
		cmocka_unit_test(
			adv_parse_size__exactly_two_to_the_63__too_large),
		cmocka_unit_test(
			adv_parse_duration__table__seconds_or_usage_error),
		cmocka_unit_test(adv_format_size__table__human_units),
		cmocka_unit_test(
			adv_format_size__small_buffer__truncated_terminated),
		cmocka_unit_test(adv_format_duration__table__human_units),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
