#include "unit.h"

#include "collect.h"
#include "record.h"

static void adv_collect_failure_record__cause__warning_record_shape(
	void **state)
{
	struct adv_error cause;
	cJSON *rec;
	char *keys, *src;
	double epoch;

	(void)state;
	adv_error_init(&cause);
	adv_error_set(&cause, ADV_ECONNECT,
		      "cannot connect to 'db1:5432': password authentication "
		      "failed for user \"u\"");
	memcpy(cause.sqlstate, "28P01", 6);
	rec = adv_collect_failure_record("postgresql", "u@db1:5432/shop",
					 &cause);
	keys = unit_json_keys(rec);
	assert_string_equal(keys, "type,v,ts,src,code,section,target,message,"
				  "sqlstate");
	src = unit_json_text(cJSON_GetObjectItemCaseSensitive(rec, "src"));
	assert_string_equal(src, "{\"engine\":\"postgresql\",\"host\":null,"
				 "\"port\":null,\"database\":null,"
				 "\"cluster\":null,\"role\":null}");
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(rec, "type")->valuestring,
		"warning");
	assert_true(cJSON_GetObjectItemCaseSensitive(rec, "v")->valuedouble ==
		    1);
	assert_int_equal(
		adv_ts_parse(cJSON_GetObjectItemCaseSensitive(rec, "ts")
				     ->valuestring,
			     &epoch),
		0);
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(rec, "code")->valuestring,
		"collect-failed");
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(rec, "section")->valuestring,
		"connection");
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(rec, "target")->valuestring,
		"u@db1:5432/shop");
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(rec, "message")->valuestring,
		cause.message);
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(rec, "sqlstate")->valuestring,
		"28P01");
	free(keys);
	free(src);
	cJSON_Delete(rec);
}

static void adv_collect_failure_record__no_sqlstate_no_target__nulls(
	void **state)
{
	struct adv_error cause;
	cJSON *rec;

	(void)state;
	adv_error_init(&cause);
	adv_error_set(&cause, ADV_ECONNECT, "connection refused");
	rec = adv_collect_failure_record("postgresql", NULL, &cause);
	assert_true(cJSON_IsNull(
		cJSON_GetObjectItemCaseSensitive(rec, "sqlstate")));
	assert_true(
		cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(rec, "target")));
	cJSON_Delete(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_collect_failure_record__cause__warning_record_shape),
		cmocka_unit_test(
			adv_collect_failure_record__no_sqlstate_no_target__nulls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
