#include "unit.h"

#include <math.h>

#include "record.h"

static void fill_source(struct adv_source *src)
{
	adv_source_init(src);
	src->engine = (char *)"postgresql";
	src->host = (char *)"db1";
	src->port = 5432;
	src->database = (char *)"shop";
	src->cluster = (char *)"7301234567890123456";
	src->role = (char *)"primary";
}

static void adv_record_new__source__envelope_keys_in_order(void **state)
{
	struct adv_source src;
	cJSON *rec;
	char *keys, *text;

	(void)state;
	fill_source(&src);
	rec = adv_record_new("index", 1, "2026-11-21T10:00:00.000000Z", &src);
	cJSON_AddStringToObject(rec, "schema", "public");
	keys = unit_json_keys(rec);
	assert_string_equal(keys, "type,v,ts,src,schema");
	text = unit_json_text(rec);
	assert_string_equal(
		text,
		"{\"type\":\"index\",\"v\":1,\"ts\":\"2026-11-21T10:00:00.000000Z\","
		"\"src\":{\"engine\":\"postgresql\",\"host\":\"db1\",\"port\":5432,"
		"\"database\":\"shop\",\"cluster\":\"7301234567890123456\","
		"\"role\":\"primary\"},\"schema\":\"public\"}");
	free(keys);
	free(text);
	cJSON_Delete(rec);
}

static void adv_record_new__no_source_no_ts__null_src_and_current_time(
	void **state)
{
	cJSON *rec;
	const cJSON *ts;
	char *keys;
	double epoch;

	(void)state;
	rec = adv_record_new("warning", 1, NULL, NULL);
	keys = unit_json_keys(rec);
	assert_string_equal(keys, "type,v,ts,src");
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(rec, "src")));
	ts = cJSON_GetObjectItemCaseSensitive(rec, "ts");
	assert_true(cJSON_IsString(ts));
	assert_int_equal(strlen(ts->valuestring),
			 strlen("2026-11-21T10:00:00.000000Z"));
	assert_int_equal(adv_ts_parse(ts->valuestring, &epoch), 0);
	assert_true(epoch > 1.7e9);
	free(keys);
	cJSON_Delete(rec);
}

static void adv_source_to_json__unknowns__nulls_never_password(void **state)
{
	struct adv_source src;
	cJSON *obj;
	char *text;

	(void)state;
	adv_source_init(&src);
	src.engine = (char *)"postgresql";
	obj = adv_source_to_json(&src);
	text = unit_json_text(obj);
	assert_string_equal(text, "{\"engine\":\"postgresql\",\"host\":null,"
				  "\"port\":null,\"database\":null,"
				  "\"cluster\":null,\"role\":null}");
	free(text);
	cJSON_Delete(obj);
}

static void adv_source_from_json__round_trip__same_fields(void **state)
{
	struct adv_source src, back, copy;
	struct adv_error err;
	cJSON *obj;

	(void)state;
	fill_source(&src);
	obj = adv_source_to_json(&src);
	adv_error_init(&err);
	assert_int_equal(adv_source_from_json(obj, &back, &err), ADV_OK);
	assert_string_equal(back.engine, "postgresql");
	assert_string_equal(back.host, "db1");
	assert_int_equal(back.port, 5432);
	assert_string_equal(back.database, "shop");
	assert_string_equal(back.cluster, "7301234567890123456");
	assert_string_equal(back.role, "primary");
	adv_source_copy(&copy, &back);
	adv_source_release(&back);
	assert_string_equal(copy.host, "db1");
	assert_null(back.host);
	adv_source_release(&copy);
	cJSON_Delete(obj);
}

static void adv_source_from_json__wrong_types__einput_naming_key(void **state)
{
	static const struct {
		const char *json;
		const char *message;
	} cases[] = {
		{"{\"host\":5}", "key 'host' must be a string at 'src'"},
		{"{\"port\":\"5432\"}", "key 'port' must be a number at 'src'"},
		{"{\"cluster\":7301234567890123456}",
		 "key 'cluster' must be a string at 'src'"},
		{"{\"role\":[\"primary\"]}",
		 "key 'role' must be a string at 'src'"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_source src;
		struct adv_error err;
		cJSON *obj = unit_json(cases[i].json);

		adv_error_init(&err);
		assert_int_equal(adv_source_from_json(obj, &src, &err),
				 ADV_EINPUT);
		assert_string_equal(err.message, cases[i].message);
		adv_source_release(&src);
		cJSON_Delete(obj);
	}
}

static void adv_source_from_json__port_out_of_range__einput(void **state)
{
	static const char *const cases[] = {
		"{\"port\":1e10}",
		"{\"port\":-1}",
		"{\"port\":65536}",
		"{\"port\":5432.5}",
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_source src;
		struct adv_error err;
		cJSON *obj = unit_json(cases[i]);

		adv_error_init(&err);
		if (adv_source_from_json(obj, &src, &err) != ADV_EINPUT)
			fail_msg("%s accepted as port %d", cases[i], src.port);
		unit_assert_contains(err.message, "port");
		adv_source_release(&src);
		cJSON_Delete(obj);
	}
}

struct ts_case {
	const char *in;
	const char *utc; /* adv_ts_format of the parsed time */
};

static void adv_ts_parse__valid_forms__same_instant_formatted_utc(void **state)
{
	static const struct ts_case cases[] = {
		{"2026-11-21T10:00:00.000000Z", "2026-11-21T10:00:00.000000Z"},
		{"2026-11-21T10:00:00Z", "2026-11-21T10:00:00.000000Z"},
		{"2026-11-21t10:00:00z", "2026-11-21T10:00:00.000000Z"},
		{"2026-11-21T10:00:00.123456Z", "2026-11-21T10:00:00.123456Z"},
		{"2026-11-21T10:00:00.5Z", "2026-11-21T10:00:00.500000Z"},
		{"2026-11-21T12:00:00+02:00", "2026-11-21T10:00:00.000000Z"},
		{"2026-11-21T04:30:00-05:30", "2026-11-21T10:00:00.000000Z"},
		{"2026-11-21T15:30:00+0530", "2026-11-21T10:00:00.000000Z"},
		{"2026-11-21T01:00:00-09", "2026-11-21T10:00:00.000000Z"},
		/* PostgreSQL's text form of timestamptz */
		{"2026-11-21 10:00:00.123456+00",
		 "2026-11-21T10:00:00.123456Z"},
		{"2026-11-21 11:00:00+01", "2026-11-21T10:00:00.000000Z"},
		{"2026-11-21 23:30:00-01", "2026-11-22T00:30:00.000000Z"},
		{"2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000000Z"},
		{"1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000Z"},
		{"2000-01-01T00:00:00.000001Z", "2000-01-01T00:00:00.000001Z"},
		{"1999-12-31T23:59:59.999999Z", "1999-12-31T23:59:59.999999Z"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		double epoch = -1;
		char out[ADV_TS_LEN];

		if (adv_ts_parse(cases[i].in, &epoch) != 0)
			fail_msg("'%s' rejected", cases[i].in);
		adv_ts_format(epoch, out);
		if (strcmp(out, cases[i].utc) != 0)
			fail_msg("'%s' became '%s', want '%s'", cases[i].in,
				 out, cases[i].utc);
	}
}

static void adv_ts_parse__known_instants__epoch_seconds(void **state)
{
	double epoch = -1;

	(void)state;
	assert_int_equal(adv_ts_parse("1970-01-01T00:00:00Z", &epoch), 0);
	assert_true(epoch == 0);
	assert_int_equal(adv_ts_parse("2001-09-09T01:46:40Z", &epoch), 0);
	assert_true(epoch == 1e9);
	assert_int_equal(adv_ts_parse("2001-09-09T03:46:40.25+02:00", &epoch),
			 0);
	assert_true(fabs(epoch - (1e9 + 0.25)) < 1e-6);
}

static void adv_ts_parse__malformed__minus_one_output_untouched(void **state)
{
	static const char *const cases[] = {
		"",
		"2026-11-21",
		"2026-11-21T10:00:00",
		"2026-11-21T10:00Z",
		"2026-13-01T00:00:00Z",
		"2026-00-01T00:00:00Z",
		"2026-11-00T00:00:00Z",
		"2026-11-32T00:00:00Z",
		"2026-11-21T24:00:00Z",
		"2026-11-21T10:60:00Z",
		"2026-11-21T10:00:00.Z",
		"2026-11-21T10:00:00Zjunk",
		"2026-11-21T10:00:00+2",
		"2026-11-21T10:00:00 UTC",
		"2026/11/21T10:00:00Z",
		"2026-11-21X10:00:00Z",
		"26-11-21T10:00:00Z",
		"now",
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		double epoch = -7;

		if (adv_ts_parse(cases[i], &epoch) != -1)
			fail_msg("'%s' accepted", cases[i]);
		assert_true(epoch == -7);
	}
	assert_int_equal(adv_ts_parse(NULL, NULL), -1);
}

static void adv_ts_format__fractions__microseconds_rounded(void **state)
{
	char out[ADV_TS_LEN];

	(void)state;
	adv_ts_format(1.5, out);
	assert_string_equal(out, "1970-01-01T00:00:01.500000Z");
	adv_ts_format(1e9 + 0.9999996, out);
	assert_string_equal(out, "2001-09-09T01:46:41.000000Z");
	adv_ts_now(out);
	assert_int_equal(strlen(out), 27);
	assert_int_equal(out[26], 'Z');
}

struct check_case {
	const char *json;
	enum adv_status want;
	const char *message;
};

static void adv_record_check__table__envelope_verdicts(void **state)
{
	static const struct check_case cases[] = {
		{"{\"type\":\"index\",\"v\":1,\"ts\":\"2026-11-21T10:00:00Z\","
		 "\"src\":{}}",
		 ADV_OK, NULL},
		{"{\"type\":\"index\",\"v\":1}", ADV_OK, NULL},
		{"{\"type\":\"index\",\"v\":1,\"ts\":null,\"src\":null}",
		 ADV_OK, NULL},
		/* unknown types are for someone else: any version goes */
		{"{\"type\":\"future-thing\",\"v\":99}", ADV_OK, NULL},
		{"{\"type\":\"index\",\"v\":2}", ADV_EINPUT,
		 "'index' record version 2 is newer than this build "
		 "understands (1) at 'snap.ndjson:7'"},
		{"{\"type\":\"finding\",\"v\":3}", ADV_EINPUT,
		 "'finding' record version 3 is newer"},
		{"{\"type\":\"index\",\"v\":1.5}", ADV_EINPUT,
		 "record without a positive integer 'v' at 'snap.ndjson:7'"},
		{"{\"type\":\"index\",\"v\":\"1\"}", ADV_EINPUT,
		 "record without a positive integer 'v'"},
		{"{\"type\":\"index\",\"v\":0}", ADV_EINPUT,
		 "record without a positive integer 'v'"},
		{"{\"type\":\"index\",\"v\":-1}", ADV_EINPUT,
		 "record without a positive integer 'v'"},
		{"{\"type\":\"index\"}", ADV_EINPUT,
		 "record without a positive integer 'v'"},
		{"{\"v\":1}", ADV_EINPUT,
		 "record without a string 'type' at 'snap.ndjson:7'"},
		{"{\"type\":5,\"v\":1}", ADV_EINPUT,
		 "record without a string 'type'"},
		{"{\"type\":\"\",\"v\":1}", ADV_EINPUT,
		 "record without a string 'type'"},
		{"{\"type\":\"index\",\"v\":1,\"ts\":5}", ADV_EINPUT,
		 "key 'ts' must be a string at 'snap.ndjson:7'"},
		{"{\"type\":\"index\",\"v\":1,\"src\":\"db1\"}", ADV_EINPUT,
		 "key 'src' must be an object at 'snap.ndjson:7'"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_error err;
		cJSON *rec = unit_json(cases[i].json);
		enum adv_status st;

		adv_error_init(&err);
		st = adv_record_check(rec, "snap.ndjson:7", &err);
		if (st != cases[i].want)
			fail_msg("%s: status %d, want %d (%s)", cases[i].json,
				 st, cases[i].want, err.message);
		if (cases[i].message != NULL)
			unit_assert_contains(err.message, cases[i].message);
		cJSON_Delete(rec);
	}
}

static void adv_record_known_version__types__version_or_zero(void **state)
{
	static const char *const known[] = {
		"snapshot",  "table",	"column",  "index",   "constraint",
		"statement", "setting", "warning", "finding", "summary"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(known); i++)
		assert_int_equal(adv_record_known_version(known[i]), 1);
	assert_int_equal(adv_record_known_version("Index"), 0);
	assert_int_equal(adv_record_known_version("plan-of-the-future"), 0);
}

static void adv_record_version_ok__table__only_newer_known_versions_fail(
	void **state)
{
	static const struct {
		const char *json;
		int ok;
	} cases[] = {
		{"{\"type\":\"index\",\"v\":1}", 1},
		{"{\"type\":\"index\",\"v\":2}", 0},
		{"{\"type\":\"finding\",\"v\":7}", 0},
		{"{\"type\":\"plan-of-the-future\",\"v\":7}", 1},
		/* malformed envelopes are adv_record_check's to report */
		{"{\"type\":\"index\"}", 1},
		{"{\"type\":\"index\",\"v\":\"9\"}", 1},
		{"{\"v\":9}", 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		cJSON *rec = unit_json(cases[i].json);

		if (adv_record_version_ok(rec) != cases[i].ok)
			fail_msg("%s: want %d", cases[i].json, cases[i].ok);
		cJSON_Delete(rec);
	}
}

static const char getter_obj[] =
	"{\"s\":\"text\",\"n\":42.5,\"i\":7,\"big\":\"7301234567890123456\","
	"\"neg\":\"-12\",\"t\":true,\"f\":false,\"a\":[1],\"o\":{},"
	"\"nul\":null,\"e\":\"\",\"minus\":\"-\",\"x\":\"12a\"}";

static void adv_json_getters__right_types__values(void **state)
{
	cJSON *obj = unit_json(getter_obj);
	struct adv_error err;
	const char *s = "unset";
	const cJSON *j = NULL;
	double d = -1;
	int64_t i64 = -1;
	int present = -1, b = -2;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_json_string(obj, "s", "w", &s, &err), ADV_OK);
	assert_string_equal(s, "text");
	assert_int_equal(adv_json_number(obj, "n", "w", &d, &present, &err),
			 ADV_OK);
	assert_true(d == 42.5);
	assert_int_equal(present, 1);
	assert_int_equal(adv_json_int64(obj, "i", "w", &i64, &present, &err),
			 ADV_OK);
	assert_true(i64 == 7);
	assert_int_equal(adv_json_int64(obj, "big", "w", &i64, &present, &err),
			 ADV_OK);
	assert_true(i64 == 7301234567890123456LL);
	assert_int_equal(present, 1);
	assert_int_equal(adv_json_int64(obj, "neg", "w", &i64, &present, &err),
			 ADV_OK);
	assert_true(i64 == -12);
	assert_int_equal(adv_json_bool(obj, "t", "w", &b, &err), ADV_OK);
	assert_int_equal(b, 1);
	assert_int_equal(adv_json_bool(obj, "f", "w", &b, &err), ADV_OK);
	assert_int_equal(b, 0);
	assert_int_equal(adv_json_array(obj, "a", "w", &j, &err), ADV_OK);
	assert_true(cJSON_IsArray(j));
	assert_int_equal(adv_json_object(obj, "o", "w", &j, &err), ADV_OK);
	assert_true(cJSON_IsObject(j));
	cJSON_Delete(obj);
}

static void adv_json_getters__missing_or_null__absent_values(void **state)
{
	static const char *const keys[] = {"missing", "nul"};
	cJSON *obj = unit_json(getter_obj);
	size_t k;

	(void)state;
	for (k = 0; k < UNIT_ARRAY_SIZE(keys); k++) {
		struct adv_error err;
		const char *s = "unset";
		const cJSON *j = (const cJSON *)obj;
		double d = -1;
		int64_t i64 = -1;
		int present = -1, b = -2;

		adv_error_init(&err);
		assert_int_equal(adv_json_string(obj, keys[k], "w", &s, &err),
				 ADV_OK);
		assert_null(s);
		assert_int_equal(
			adv_json_number(obj, keys[k], "w", &d, &present, &err),
			ADV_OK);
		assert_int_equal(present, 0);
		present = -1;
		assert_int_equal(
			adv_json_int64(obj, keys[k], "w", &i64, &present, &err),
			ADV_OK);
		assert_int_equal(present, 0);
		assert_int_equal(adv_json_bool(obj, keys[k], "w", &b, &err),
				 ADV_OK);
		assert_int_equal(b, -1);
		assert_int_equal(adv_json_array(obj, keys[k], "w", &j, &err),
				 ADV_OK);
		assert_null(j);
		j = obj;
		assert_int_equal(adv_json_object(obj, keys[k], "w", &j, &err),
				 ADV_OK);
		assert_null(j);
		assert_int_equal(err.status, ADV_OK);
	}
	cJSON_Delete(obj);
}

enum getter { G_STRING, G_NUMBER, G_INT64, G_BOOL, G_ARRAY, G_OBJECT };

static enum adv_status call_getter(enum getter g, const cJSON *obj,
				   const char *key, struct adv_error *err)
{
	const char *s;
	const cJSON *j;
	double d;
	int64_t i64;
	int present, b;

	switch (g) {
	case G_STRING:
		return adv_json_string(obj, key, "f.ndjson:4", &s, err);
	case G_NUMBER:
		return adv_json_number(obj, key, "f.ndjson:4", &d, &present,
				       err);
	case G_INT64:
		return adv_json_int64(obj, key, "f.ndjson:4", &i64, &present,
				      err);
	case G_BOOL:
		return adv_json_bool(obj, key, "f.ndjson:4", &b, err);
	case G_ARRAY:
		return adv_json_array(obj, key, "f.ndjson:4", &j, err);
	case G_OBJECT:
		return adv_json_object(obj, key, "f.ndjson:4", &j, err);
	}
	return ADV_EINTERNAL;
}

static void adv_json_getters__wrong_types__einput_naming_key_and_where(
	void **state)
{
	static const struct {
		enum getter g;
		const char *key;
		const char *message;
	} cases[] = {
		{G_STRING, "n", "key 'n' must be a string at 'f.ndjson:4'"},
		{G_STRING, "t", "key 't' must be a string at 'f.ndjson:4'"},
		{G_STRING, "o", "key 'o' must be a string at 'f.ndjson:4'"},
		{G_NUMBER, "s", "key 's' must be a number at 'f.ndjson:4'"},
		{G_NUMBER, "big", "key 'big' must be a number"},
		{G_NUMBER, "t", "key 't' must be a number"},
		{G_INT64, "s", "key 's' must be an integer at 'f.ndjson:4'"},
		{G_INT64, "x", "key 'x' must be an integer"},
		{G_INT64, "e", "key 'e' must be an integer"},
		{G_INT64, "minus", "key 'minus' must be an integer"},
		{G_INT64, "t", "key 't' must be an integer"},
		{G_INT64, "a", "key 'a' must be an integer"},
		{G_BOOL, "s", "key 's' must be true or false at 'f.ndjson:4'"},
		{G_BOOL, "i", "key 'i' must be true or false"},
		{G_ARRAY, "o", "key 'o' must be an array at 'f.ndjson:4'"},
		{G_ARRAY, "s", "key 's' must be an array"},
		{G_OBJECT, "a", "key 'a' must be an object at 'f.ndjson:4'"},
		{G_OBJECT, "i", "key 'i' must be an object"},
	};
	cJSON *obj = unit_json(getter_obj);
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_error err;
		enum adv_status st;

		adv_error_init(&err);
		st = call_getter(cases[i].g, obj, cases[i].key, &err);
		if (st != ADV_EINPUT)
			fail_msg("case %zu (key '%s'): status %d", i,
				 cases[i].key, st);
		unit_assert_contains(err.message, cases[i].message);
	}
	cJSON_Delete(obj);
}

static void adv_json_int64__out_of_range__einput(void **state)
{
	static const char *const cases[] = {
		"{\"k\":1e300}",
		"{\"k\":-1e300}",
		"{\"k\":\"99999999999999999999\"}",
		"{\"k\":\"-99999999999999999999\"}",
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_error err;
		cJSON *obj = unit_json(cases[i]);
		int64_t v = 0;
		int present = 0;

		adv_error_init(&err);
		if (adv_json_int64(obj, "k", "w", &v, &present, &err) !=
		    ADV_EINPUT)
			fail_msg("%s accepted as %lld", cases[i], (long long)v);
		cJSON_Delete(obj);
	}
}

static void adv_json_add__absent_values__json_null(void **state)
{
	cJSON *obj = cJSON_CreateObject();
	char *text;

	(void)state;
	adv_json_add_string(obj, "s", NULL);
	adv_json_add_string(obj, "t", "x");
	adv_json_add_number(obj, "n", 5, 0);
	adv_json_add_number(obj, "m", 5, 1);
	text = unit_json_text(obj);
	assert_string_equal(text,
			    "{\"s\":null,\"t\":\"x\",\"n\":null,\"m\":5}");
	free(text);
	cJSON_Delete(obj);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_record_new__source__envelope_keys_in_order),
		cmocka_unit_test(
			adv_record_new__no_source_no_ts__null_src_and_current_time),
		cmocka_unit_test(
			adv_source_to_json__unknowns__nulls_never_password),
		cmocka_unit_test(adv_source_from_json__round_trip__same_fields),
		cmocka_unit_test(
			adv_source_from_json__wrong_types__einput_naming_key),
		cmocka_unit_test(
			adv_source_from_json__port_out_of_range__einput),
		cmocka_unit_test(
			adv_ts_parse__valid_forms__same_instant_formatted_utc),
		cmocka_unit_test(adv_ts_parse__known_instants__epoch_seconds),
		cmocka_unit_test(
			adv_ts_parse__malformed__minus_one_output_untouched),
		cmocka_unit_test(
			adv_ts_format__fractions__microseconds_rounded),
		cmocka_unit_test(adv_record_check__table__envelope_verdicts),
		cmocka_unit_test(
			adv_record_known_version__types__version_or_zero),
		cmocka_unit_test(
			adv_record_version_ok__table__only_newer_known_versions_fail),
		cmocka_unit_test(adv_json_getters__right_types__values),
		cmocka_unit_test(
			adv_json_getters__missing_or_null__absent_values),
		cmocka_unit_test(
			adv_json_getters__wrong_types__einput_naming_key_and_where),
		cmocka_unit_test(adv_json_int64__out_of_range__einput),
		cmocka_unit_test(adv_json_add__absent_values__json_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
