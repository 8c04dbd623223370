#include "unit.h"

#include "conn.h"

/* The environment must not leak into display strings or connections. */
static int clean_env(void **state)
{
	static const char *const vars[] = {
		"PGHOST",     "PGPORT",	   "PGUSER",	 "PGDATABASE",
		"PGHOSTADDR", "PGSERVICE", "PGPASSWORD", "PGCONNECT_TIMEOUT"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(vars); i++)
		unsetenv(vars[i]);
	return 0;
}

static void adv_engine_from_target__table__engine_or_unknown(void **state)
{
	static const struct {
		const char *target;
		int rc;
		enum adv_engine engine;
	} cases[] = {
		{NULL, 0, ADV_ENGINE_POSTGRESQL},
		{"shop", 0, ADV_ENGINE_POSTGRESQL},
		{"host=db1 dbname=shop", 0, ADV_ENGINE_POSTGRESQL},
		{"postgresql://u@db1:5432/shop", 0, ADV_ENGINE_POSTGRESQL},
		{"postgres://db1/shop", 0, ADV_ENGINE_POSTGRESQL},
		{"mysql://u@db1:3306/shop", 0, ADV_ENGINE_MYSQL},
		{"mariadb://db1/shop", 0, ADV_ENGINE_MYSQL},
		{"mssql://sa@db1:1433/shop", 0, ADV_ENGINE_MSSQL},
		{"sqlserver://db1/shop", 0, ADV_ENGINE_MSSQL},
		{"oracle://db1/shop", -1, ADV_ENGINE_POSTGRESQL},
		{"http://db1/shop", -1, ADV_ENGINE_POSTGRESQL},
		{"://db1", -1, ADV_ENGINE_POSTGRESQL},
		/* a conninfo string may contain "://" inside a value */
		{"host=db1 options='-c x=a://b'", 0, ADV_ENGINE_POSTGRESQL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		enum adv_engine engine = ADV_ENGINE_MSSQL;
		int rc = adv_engine_from_target(cases[i].target, &engine);

		if (rc != cases[i].rc)
			fail_msg("'%s': rc %d, want %d",
				 cases[i].target ? cases[i].target : "(null)",
				 rc, cases[i].rc);
		if (rc == 0)
			assert_int_equal(engine, cases[i].engine);
	}
}

static void adv_engine_name__every_engine__record_name(void **state)
{
	(void)state;
	assert_string_equal(adv_engine_name(ADV_ENGINE_POSTGRESQL),
			    "postgresql");
	assert_string_equal(adv_engine_name(ADV_ENGINE_MYSQL), "mysql");
	assert_string_equal(adv_engine_name(ADV_ENGINE_MSSQL), "mssql");
}

static void adv_conn_params_display__targets__no_password_ever(void **state)
{
	static const struct {
		const char *target, *host, *port, *user;
		const char *want;
	} cases[] = {
		{"postgresql://u:secret@h:5/db", NULL, NULL, NULL, "u@h:5/db"},
		{"postgres://u:secret@h/db?sslmode=require", NULL, NULL, NULL,
		 "u@h:5432/db"},
		{"postgresql://h:5/db?password=secret&user=u", NULL, NULL, NULL,
		 "u@h:5/db"},
		{"password=secret host=h", NULL, NULL, NULL, "h:5432"},
		{"user=u password=secret host=h port=5 dbname=db", NULL, NULL,
		 NULL, "u@h:5/db"},
		{"hostaddr=10.0.0.1 password='sec ret' dbname=db", NULL, NULL,
		 NULL, "10.0.0.1:5432/db"},
		/* flags win over what the target leaves unsaid */
		{"shop", "db1", "5433", "alice", "alice@db1:5433/shop"},
		{NULL, "db1", NULL, NULL, "db1:5432"},
		{NULL, NULL, NULL, NULL, "localhost:5432"},
		/* an unparsable string is never echoed back */
		{"postgresql://u:secret@[::1/db", NULL, NULL, NULL, NULL},
		{"password=secret host", NULL, NULL, NULL, NULL},
		{"oracle://u:secret@h/db", NULL, NULL, NULL,
		 "(unknown URI scheme)"},
		{"mysql://u:secret@h/db", NULL, NULL, NULL, NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_conn_params params;
		char *shown;

		memset(&params, 0, sizeof(params));
		params.target = cases[i].target;
		params.host = cases[i].host;
		params.port = cases[i].port;
		params.user = cases[i].user;
		shown = adv_conn_params_display(&params);
		assert_non_null(shown);
		unit_assert_not_contains(shown, "secret");
		unit_assert_not_contains(shown, "sec ret");
		if (cases[i].want != NULL && strcmp(shown, cases[i].want) != 0)
			fail_msg("'%s': '%s', want '%s'",
				 cases[i].target ? cases[i].target : "(null)",
				 shown, cases[i].want);
		free(shown);
	}
}

static void adv_conn_open__unknown_scheme__usage_error_without_rest(
	void **state)
{
	struct adv_conn_params params;
	struct adv_conn *conn = (struct adv_conn *)&params;
	struct adv_error err;

	(void)state;
	memset(&params, 0, sizeof(params));
	params.target = "oracle://u:secret@db1/shop";
	adv_error_init(&err);
	assert_int_equal(adv_conn_open(&params, &conn, &err), ADV_EUSAGE);
	assert_null(conn);
	assert_string_equal(err.message, "unknown URI scheme in 'oracle://'");
}

static void adv_conn_open__malformed_conninfo__usage_error_without_password(
	void **state)
{
	struct adv_conn_params params;
	struct adv_conn *conn = NULL;
	struct adv_error err;

	(void)state;
	memset(&params, 0, sizeof(params));
	params.target = "password=secret host";
	params.password_mode = ADV_PASSWORD_NEVER;
	adv_error_init(&err);
	assert_int_equal(adv_conn_open(&params, &conn, &err), ADV_EUSAGE);
	assert_null(conn);
	unit_assert_contains(err.message, "invalid connection string");
	unit_assert_not_contains(err.message, "secret");
	unit_assert_not_contains(err.message, "\n");
}

static void adv_conn_open__closed_port__econnect_naming_host_port(void **state)
{
	static const struct {
		const char *target, *host, *port;
	} cases[] = {
		{"postgresql://u:secret@127.0.0.1:1/db", NULL, NULL},
		{"host=127.0.0.1 port=1 user=u password=secret dbname=db", NULL,
		 NULL},
		{"db", "127.0.0.1", "1"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_conn_params params;
		struct adv_conn *conn = NULL;
		struct adv_error err;

		memset(&params, 0, sizeof(params));
		params.target = cases[i].target;
		params.host = cases[i].host;
		params.port = cases[i].port;
		params.user = "u";
		params.password_mode = ADV_PASSWORD_NEVER;
		params.application_name = "ip-unit";
		adv_error_init(&err);
		assert_int_equal(adv_conn_open(&params, &conn, &err),
				 ADV_ECONNECT);
		assert_null(conn);
		assert_int_equal(err.status, ADV_ECONNECT);
		unit_assert_contains(err.message,
				     "cannot connect to '127.0.0.1:1'");
		unit_assert_not_contains(err.message, "secret");
		unit_assert_not_contains(err.message, "\n");
	}
}

static void adv_result__null_result__empty_and_safe(void **state)
{
	(void)state;
	assert_int_equal(adv_result_rows(NULL), 0);
	assert_int_equal(adv_result_cols(NULL), 0);
	assert_null(adv_result_name(NULL, 0));
	assert_int_equal(adv_result_col(NULL, "x"), -1);
	assert_null(adv_result_get(NULL, 0, 0));
	adv_result_free(NULL);
	adv_conn_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_engine_from_target__table__engine_or_unknown),
		cmocka_unit_test(adv_engine_name__every_engine__record_name),
		cmocka_unit_test(
			adv_conn_params_display__targets__no_password_ever),
		cmocka_unit_test(
			adv_conn_open__unknown_scheme__usage_error_without_rest),
		cmocka_unit_test(
			adv_conn_open__malformed_conninfo__usage_error_without_password),
		cmocka_unit_test(
			adv_conn_open__closed_port__econnect_naming_host_port),
		cmocka_unit_test(adv_result__null_result__empty_and_safe),
	};

	return cmocka_run_group_tests(tests, clean_env, NULL);
}
