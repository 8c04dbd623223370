#include "unit.h"

#include "advise.h"
#include "buf.h"
#include "log.h"
#include "output.h"
#include "report.h"

/*
 * ip-indexes --advise without a connection: a catalog built from records
 * as ip-collect writes them (tables with sizes and row estimates, columns
 * with planner statistics, indexes), a workload file with "-- calls: N"
 * weights, the offline cost model, and the findings and selection record
 * the advisor writes, parsed back from NDJSON.
 */

#define SRC                                                          \
	"{\"engine\":\"postgresql\",\"host\":\"db1\",\"port\":5432," \
	"\"database\":\"shop\",\"cluster\":\"7301234567890123456\"," \
	"\"role\":\"primary\"}"
#define REC(type, rest)                   \
	"{\"type\":\"" type "\",\"v\":1," \
	"\"ts\":\"2026-11-21T10:00:00.000000Z\",\"src\":" SRC rest "}"

#define TABLE(table, rows, bytes)                                          \
	REC("table", ",\"schema\":\"public\",\"table\":\"" table           \
		     "\",\"kind\":\"table\",\"is_partition\":false,"       \
		     "\"size_bytes\":" #bytes ",\"estimated_rows\":" #rows \
		     ",\"n_tup_ins\":0,\"n_tup_upd\":0,\"n_tup_del\":0,"   \
		     "\"n_tup_hot_upd\":0")

#define COLUMN(table, column, pos, type, coll, n_distinct, width)       \
	REC("column", ",\"schema\":\"public\",\"table\":\"" table       \
		      "\",\"column\":\"" column "\",\"position\":" #pos \
		      ",\"data_type\":\"" type "\",\"not_null\":false," \
		      "\"default\":null,\"collation\":" coll            \
		      ",\"null_frac\":0.01,\"n_distinct\":" #n_distinct \
		      ",\"correlation\":0.1,\"avg_width\":" #width)
#define INT(table, column, pos, n_distinct) \
	COLUMN(table, column, pos, "integer", "null", n_distinct, 4)
#define TEXT(table, column, pos, n_distinct) \
	COLUMN(table, column, pos, "text", "\"default\"", n_distinct, 12)

#define KEY(column) "{\"column\":\"" column "\",\"direction\":\"asc\"}"
/* A btree index; valid is true or false. */
#define INDEX(table, name, keys, valid)                                        \
	REC("index",                                                           \
	    ",\"schema\":\"public\",\"table\":\"" table "\",\"index\":\"" name \
	    "\",\"method\":\"btree\","                                         \
	    "\"is_unique\":false,\"is_primary\":false,"                        \
	    "\"is_valid\":" #valid ",\"is_ready\":true,\"keys\":" keys         \
	    ",\"include\":[],\"predicate\":null,\"size_bytes\":8192")

/*
 * A shop: orders is large (a million rows, 128 MB), users middling,
 * tiny small enough that a sequential scan always wins. user_id is
 * selective (80,000 values), status is not (4 values).
 */
static const char *const catalog[] = {
	REC("snapshot", ",\"server_version\":\"15.18\","
			"\"stats_reset\":null,\"postmaster_start\":null"),
	TABLE("orders", 1000000, 134217728),
	INT("orders", "id", 1, -1),
	INT("orders", "user_id", 2, -0.08),
	TEXT("orders", "status", 3, 4),
	COLUMN("orders", "total", 4, "numeric", "null", -0.5, 6),
	COLUMN("orders", "created_at", 5, "timestamp with time zone", "null",
	       -1, 8),
	COLUMN("orders", "code", 6, "character varying(20)", "\"C\"", -1, 10),
	TABLE("users", 100000, 16777216),
	INT("users", "id", 1, -1),
	TEXT("users", "email", 2, -1),
	INT("users", "org_id", 3, 500),
	TEXT("users", "status", 4, 5),
	TABLE("tiny", 10, 8192),
	INT("tiny", "a", 1, -1),
	INT("tiny", "b", 2, -1),
	INDEX("orders", "orders_pkey", "[" KEY("id") "]", true),
	INDEX("users", "users_pkey", "[" KEY("id") "]", true),
};

#define SELECT_BY_USER "SELECT * FROM orders WHERE user_id = $1"
#define CREATE_USER_ID                                     \
	"CREATE INDEX CONCURRENTLY \"orders_user_id_idx\"" \
	" ON \"public\".\"orders\" USING btree (\"user_id\")"
#define DROP_USER_ID "DROP INDEX CONCURRENTLY \"public\".\"orders_user_id_idx\""

/* What one run wrote. */
struct result {
	enum adv_status st;
	struct adv_error err;
	char *path; /* the workload file */
	cJSON *findings[32];
	size_t nfindings;
	cJSON *selection;
	size_t nrecords;
	char *log; /* warnings and info messages, one a line */
};

static void result_release(struct result *res)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		cJSON_Delete(res->findings[i]);
	cJSON_Delete(res->selection);
	unit_tmpfile_remove(res->path);
	free(res->log);
	memset(res, 0, sizeof(*res));
}

static void collect_log(enum adv_log_level level, const char *message,
			void *ctx)
{
	(void)level;
	adv_buf_addf(ctx, "%s\n", message);
}

static const cJSON *get(const cJSON *obj, const char *key)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (item == NULL)
		fail_msg("no key '%s'", key);
	return item;
}

static const char *str(const cJSON *obj, const char *key)
{
	const cJSON *item = get(obj, key);

	if (!cJSON_IsString(item))
		fail_msg("'%s' is not a string", key);
	return item->valuestring;
}

static double num(const cJSON *obj, const char *key)
{
	const cJSON *item = get(obj, key);

	if (!cJSON_IsNumber(item))
		fail_msg("'%s' is not a number", key);
	return item->valuedouble;
}

/*
 * Builds the model from the catalog and extra records, writes the
 * workload to a file (unless opts names one), advises, and parses what
 * was written.
 */
static void run(const char *const *extra, size_t nextra, const char *workload,
		struct adv_advise_opts *opts, struct result *res)
{
	struct adv_model model;
	struct adv_report report;
	struct unit_capture cap;
	struct adv_output *out;
	struct adv_buf log;
	const char *text, *line;
	size_t i;

	memset(res, 0, sizeof(*res));
	adv_error_init(&res->err);
	adv_model_init(&model);
	for (i = 0; i < UNIT_ARRAY_SIZE(catalog) + nextra; i++) {
		const char *json =
			i < UNIT_ARRAY_SIZE(catalog)
				? catalog[i]
				: extra[i - UNIT_ARRAY_SIZE(catalog)];
		cJSON *rec = unit_json(json);
		char where[32];

		snprintf(where, sizeof(where), "fixture:%zu", i + 1);
		if (adv_model_add(&model, rec, where, &res->err) != ADV_OK)
			fail_msg("%s", res->err.message);
		cJSON_Delete(rec);
	}
	adv_model_finish(&model);
	if (workload != NULL) {
		res->path = unit_tmpfile_str(workload);
		opts->workload_file = res->path;
	}

	adv_buf_init(&log);
	adv_log_set_handler(collect_log, &log);
	adv_log_set_level(ADV_LOG_INFO);
	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_NDJSON,
			     0);
	adv_report_init(&report, out, NULL);
	res->st = adv_advise(&model, opts, &report, &res->err);
	if (res->st == ADV_OK)
		res->st = adv_output_finish(out, &res->err);
	adv_report_release(&report);
	adv_output_free(out);
	adv_log_set_handler(NULL, NULL);
	adv_log_set_level(ADV_LOG_WARNING);
	res->log = adv_buf_detach(&log);
	adv_model_release(&model);

	text = unit_capture_text(&cap);
	for (line = text; *line != '\0';) {
		const char *end = strchr(line, '\n');
		char *one;
		cJSON *rec;
		const char *type;

		assert_non_null(end);
		one = adv_xmalloc((size_t)(end - line) + 1);
		memcpy(one, line, (size_t)(end - line));
		one[end - line] = '\0';
		rec = unit_json(one);
		free(one);
		line = end + 1;
		res->nrecords++;
		type = str(rec, "type");
		if (strcmp(type, "finding") == 0 &&
		    res->nfindings < UNIT_ARRAY_SIZE(res->findings)) {
			if (res->selection != NULL)
				fail_msg(
					"a finding after the selection record");
			res->findings[res->nfindings++] = rec;
		} else if (strcmp(type, "selection") == 0 &&
			   res->selection == NULL) {
			res->selection = rec;
		} else {
			fail_msg("unexpected record: %s", text);
		}
	}
	unit_capture_close(&cap);
}

/* A run that must succeed with a selection record. */
static void run_ok(const char *const *extra, size_t nextra,
		   const char *workload, struct adv_advise_opts *opts,
		   struct result *res)
{
	run(extra, nextra, workload, opts, res);
	if (res->st != ADV_OK)
		fail_msg("adv_advise: %s: %s", adv_status_name(res->st),
			 res->err.message);
	assert_non_null(res->selection);
}

static void opts_with_budget(struct adv_advise_opts *opts, double budget)
{
	adv_advise_opts_init(opts);
	opts->budget_bytes = budget;
}

#define GB 1073741824.0

/* --- findings --------------------------------------------------------------
 */

static void adv_advise__selective_equality_on_large_table__missing_index(
	void **state)
{
	struct adv_advise_opts opts;
	struct result res;
	const cJSON *f, *action, *evidence, *queries, *q, *keys;
	char where[256];

	(void)state;
	opts_with_budget(&opts, GB);
	run_ok(NULL, 0,
	       "-- the lookup by customer\n-- calls: 100\n" SELECT_BY_USER
	       ";\n",
	       &opts, &res);
	assert_int_equal(res.nfindings, 1);
	f = res.findings[0];
	assert_string_equal(str(f, "tool"), "ip-indexes");
	assert_string_equal(str(f, "rule"), "missing-index");
	assert_string_equal(str(f, "severity"), "high");
	assert_string_equal(str(f, "schema"), "public");
	assert_string_equal(str(f, "table"), "orders");
	assert_string_equal(str(f, "index"), "orders_user_id_idx");
	unit_assert_contains(str(f, "message"), "'public.orders' (user_id)");
	assert_true(num(f, "confidence") == 0.4);
	action = get(f, "action");
	assert_string_equal(str(action, "kind"), "create_index");
	assert_string_equal(str(action, "sql"), CREATE_USER_ID);
	assert_string_equal(str(action, "rollback_sql"), DROP_USER_ID);
	assert_true(cJSON_IsTrue(get(action, "online")));
	evidence = get(f, "evidence");
	keys = get(evidence, "keys");
	assert_int_equal(cJSON_GetArraySize(keys), 1);
	assert_string_equal(str(cJSON_GetArrayItem(keys, 0), "column"),
			    "user_id");
	assert_string_equal(str(cJSON_GetArrayItem(keys, 0), "direction"),
			    "asc");
	assert_int_equal(cJSON_GetArraySize(get(evidence, "include")), 0);
	assert_true(cJSON_IsNull(get(evidence, "predicate")));
	assert_string_equal(str(evidence, "size_source"), "estimate");
	assert_true(num(evidence, "size_bytes") > 0);
	assert_true(num(evidence, "maintenance_cost") == 0);
	queries = get(evidence, "queries");
	assert_int_equal(cJSON_GetArraySize(queries), 1);
	q = cJSON_GetArrayItem(queries, 0);
	/* the statement's first line of code, after its comments */
	snprintf(where, sizeof(where), "%s:3", res.path);
	assert_string_equal(str(q, "statement"), where);
	assert_int_equal(strlen(str(q, "fingerprint")), 16);
	assert_true(num(q, "calls") == 100);
	assert_true(num(q, "cost_after") < num(q, "cost_before"));
	assert_true(num(get(f, "impact"), "workload_cost_saved") > 0);
	assert_true(num(get(f, "impact"), "size_bytes") ==
		    num(evidence, "size_bytes"));
	assert_int_equal(strlen(str(f, "fingerprint")), 16);
	result_release(&res);
}

static void adv_advise__selection_record__budget_costs_and_solver(void **state)
{
	struct adv_advise_opts opts;
	struct result res;
	const cJSON *s;
	double used;

	(void)state;
	opts_with_budget(&opts, GB);
	run_ok(NULL, 0, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_int_equal(res.nfindings, 1);
	s = res.selection;
	assert_string_equal(str(s, "tool"), "ip-indexes");
	assert_string_equal(str(s, "strategy"), "ip");
	assert_true(num(s, "budget_bytes") == GB);
	used = num(s, "used_bytes");
	assert_true(used > 0 && used <= GB);
	assert_true(used ==
		    num(get(res.findings[0], "evidence"), "size_bytes"));
	assert_true(num(s, "cost_after") < num(s, "cost_before"));
	assert_true(num(s, "cost_after") > 0);
	assert_true(num(s, "what_if_calls") == 0);
	assert_string_equal(str(s, "costing"), "offline");
	assert_string_equal(str(s, "solver"), "glpk");
	assert_true(num(s, "gap") == 0);
	assert_true(num(s, "seconds") >= 0);
	assert_true(num(s, "statement_count") == 1);
	assert_true(num(s, "skipped_statements") == 0);
	assert_true(num(s, "candidate_count") >= 1);
	assert_string_equal(str(get(s, "src"), "database"), "shop");
	assert_int_equal(res.nrecords, 2);
	result_release(&res);

	/* no budget: null, and the index is still chosen */
	opts_with_budget(&opts, -1);
	run_ok(NULL, 0, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_true(cJSON_IsNull(get(res.selection, "budget_bytes")));
	assert_int_equal(res.nfindings, 1);
	result_release(&res);
}

static void adv_advise__no_benefit__no_finding(void **state)
{
	static const struct {
		const char *workload;
		const char *why;
	} cases[] = {
		{"-- calls: 100\nSELECT * FROM orders WHERE status = $1;",
		 "an equality on 4 values reads a quarter of the table"},
		{"-- calls: 100\nSELECT * FROM tiny WHERE a = $1;",
		 "a table of 10 rows"},
		{"-- calls: 100\nSELECT * FROM orders;", "no predicate"},
		{"-- calls: 100\nSELECT * FROM orders WHERE id = $1;",
		 "the primary key serves it"},
		{"-- calls: 100\nSELECT * FROM nowhere WHERE a = $1;",
		 "an unknown table"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_advise_opts opts;
		struct result res;

		opts_with_budget(&opts, GB);
		run_ok(NULL, 0, cases[i].workload, &opts, &res);
		if (res.nfindings != 0)
			fail_msg("%s: %zu findings", cases[i].why,
				 res.nfindings);
		assert_true(num(res.selection, "used_bytes") == 0);
		result_release(&res);
	}
}

static void adv_advise__budget__index_only_when_it_fits(void **state)
{
	struct adv_advise_opts opts;
	struct result res;
	double size;

	(void)state;
	opts_with_budget(&opts, -1);
	run_ok(NULL, 0, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_int_equal(res.nfindings, 1);
	size = num(get(res.findings[0], "evidence"), "size_bytes");
	result_release(&res);

	opts_with_budget(&opts, 0);
	run_ok(NULL, 0, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_int_equal(res.nfindings, 0);
	assert_true(num(res.selection, "budget_bytes") == 0);
	assert_true(num(res.selection, "used_bytes") == 0);
	assert_true(num(res.selection, "cost_after") ==
		    num(res.selection, "cost_before"));
	result_release(&res);

	opts_with_budget(&opts, size - 1);
	run_ok(NULL, 0, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_int_equal(res.nfindings, 0);
	result_release(&res);

	opts_with_budget(&opts, size);
	run_ok(NULL, 0, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_int_equal(res.nfindings, 1);
	assert_true(num(res.selection, "used_bytes") == size);
	result_release(&res);
}

/*
 * Ten lookups by user_id save about 250,000 cost units (a sequential scan
 * of orders against a dozen index fetches); every row written into the
 * index costs two, and an update that breaks HOT writes into every index.
 */
static void adv_advise__writes__maintenance_outweighs_or_not(void **state)
{
	static const struct {
		const char *write;
		size_t nfindings;
		const char *why;
	} cases[] = {
		{"-- calls: 1000000\n"
		 "INSERT INTO orders (user_id, total) VALUES ($1, $2);",
		 0, "a million inserts"},
		{"-- calls: 1\n"
		 "INSERT INTO orders (user_id, total) VALUES ($1, $2);",
		 1, "one insert"},
		{"-- calls: 1000000\n"
		 "UPDATE orders SET user_id = $1 WHERE id = $2;",
		 0, "a million updates of the key column"},
		{"-- calls: 1000000\n"
		 "UPDATE orders SET status = $1 WHERE id = $2;",
		 1, "a million updates of another column stay HOT"},
		{"-- calls: 1000000\n"
		 "INSERT INTO users (email) VALUES ($1);",
		 1, "a million inserts into another table"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_advise_opts opts;
		struct result res;
		struct adv_buf wl;

		adv_buf_init(&wl);
		adv_buf_addf(&wl, "-- calls: 10\n%s;\n%s\n", SELECT_BY_USER,
			     cases[i].write);
		opts_with_budget(&opts, GB);
		run_ok(NULL, 0, wl.data, &opts, &res);
		if (res.nfindings != cases[i].nfindings)
			fail_msg("%s: %zu findings, expected %zu", cases[i].why,
				 res.nfindings, cases[i].nfindings);
		assert_true(num(res.selection, "statement_count") == 2);
		if (res.nfindings == 1)
			assert_string_equal(
				str(get(res.findings[0], "action"), "sql"),
				CREATE_USER_ID);
		result_release(&res);
		adv_buf_release(&wl);
	}
}

static void adv_advise__one_insert__maintenance_in_evidence(void **state)
{
	struct adv_advise_opts opts;
	struct result res;

	(void)state;
	opts_with_budget(&opts, GB);
	run_ok(NULL, 0,
	       "-- calls: 100\n" SELECT_BY_USER ";\n"
	       "-- calls: 3\nINSERT INTO orders (user_id) VALUES ($1);\n",
	       &opts, &res);
	assert_int_equal(res.nfindings, 1);
	/* three rows, two cost units each */
	assert_true(num(get(res.findings[0], "evidence"), "maintenance_cost") ==
		    6);
	result_release(&res);
}

static void adv_advise__existing_index__served_unless_invalid(void **state)
{
	static const char *const valid[] = {
		INDEX("orders", "orders_by_user",
		      "[" KEY("user_id") "," KEY("created_at") "]", true),
	};
	static const char *const invalid[] = {
		INDEX("orders", "orders_by_user",
		      "[" KEY("user_id") "," KEY("created_at") "]", false),
	};
	static const char *const other[] = {
		INDEX("orders", "orders_by_status", "[" KEY("status") "]",
		      true),
	};
	struct adv_advise_opts opts;
	struct result res;

	(void)state;
	opts_with_budget(&opts, GB);
	run_ok(valid, 1, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_int_equal(res.nfindings, 0);
	assert_true(num(res.selection, "used_bytes") == 0);
	result_release(&res);

	opts_with_budget(&opts, GB);
	run_ok(invalid, 1, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_int_equal(res.nfindings, 1);
	assert_string_equal(str(get(res.findings[0], "action"), "sql"),
			    CREATE_USER_ID);
	result_release(&res);

	opts_with_budget(&opts, GB);
	run_ok(other, 1, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_int_equal(res.nfindings, 1);
	result_release(&res);
}

static void adv_advise__suggested_name_taken__numbered(void **state)
{
	static const char *const taken[] = {
		INDEX("orders", "orders_user_id_idx", "[" KEY("status") "]",
		      true),
	};
	struct adv_advise_opts opts;
	struct result res;

	(void)state;
	opts_with_budget(&opts, GB);
	run_ok(taken, 1, "-- calls: 100\n" SELECT_BY_USER ";\n", &opts, &res);
	assert_int_equal(res.nfindings, 1);
	assert_string_equal(str(res.findings[0], "index"),
			    "orders_user_id_idx1");
	assert_string_equal(str(get(res.findings[0], "action"), "rollback_sql"),
			    "DROP INDEX CONCURRENTLY "
			    "\"public\".\"orders_user_id_idx1\"");
	result_release(&res);
}

/* --- strategies ------------------------------------------------------------
 */

static void adv_strategy_parse__every_name__round_trip(void **state)
{
	static const struct {
		const char *name;
		enum adv_strategy strategy;
		const char *canonical;
	} cases[] = {
		{"ip", ADV_STRATEGY_IP, "ip"},
		{"greedy", ADV_STRATEGY_GREEDY, "greedy"},
		{"lp-greedy", ADV_STRATEGY_GREEDY, "greedy"},
		{"dexter", ADV_STRATEGY_DEXTER, "dexter"},
		{"every-predicate", ADV_STRATEGY_EVERY_PREDICATE,
		 "every-predicate"},
		{"extend", ADV_STRATEGY_EXTEND, "extend"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		enum adv_strategy s = ADV_STRATEGY_EXTEND;

		if (cases[i].strategy == ADV_STRATEGY_EXTEND)
			s = ADV_STRATEGY_IP;
		assert_int_equal(adv_strategy_parse(cases[i].name, &s), 0);
		assert_int_equal(s, cases[i].strategy);
		assert_string_equal(adv_strategy_name(s), cases[i].canonical);
	}
}

static void adv_strategy_parse__unknown__minus_one_untouched(void **state)
{
	static const char *const bad[] = {
		"", "IP", "Greedy", "lp", "every_predicate", "dexter ", "exact",
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(bad); i++) {
		enum adv_strategy s = ADV_STRATEGY_DEXTER;

		assert_int_equal(adv_strategy_parse(bad[i], &s), -1);
		assert_int_equal(s, ADV_STRATEGY_DEXTER);
	}
}

/* Several selective lookups over two tables of different sizes. */
static const char mixed_workload[] =
	"-- calls: 100\nSELECT * FROM orders WHERE user_id = $1;\n"
	"-- calls: 50\nSELECT * FROM orders WHERE code = $1;\n"
	"-- calls: 80\nSELECT * FROM users WHERE email = $1;\n"
	"-- calls: 10\nSELECT id FROM users WHERE org_id = $1 AND status = $2;\n"
	"-- calls: 20\nSELECT * FROM orders WHERE user_id = $1"
	" ORDER BY created_at DESC LIMIT 10;\n"
	"-- calls: 5\nSELECT total FROM orders WHERE created_at > $1;\n";

static void adv_advise__every_strategy_and_budget__within_budget(void **state)
{
	static const enum adv_strategy strategies[] = {
		ADV_STRATEGY_IP,     ADV_STRATEGY_GREEDY,
		ADV_STRATEGY_DEXTER, ADV_STRATEGY_EVERY_PREDICATE,
		ADV_STRATEGY_EXTEND,
	};
	static const double budgets[] = {
		0, 1048576, 4194304, 31457280, 62914560, GB,
	};
	size_t si, bi, i;

	(void)state;
	for (si = 0; si < UNIT_ARRAY_SIZE(strategies); si++) {
		for (bi = 0; bi < UNIT_ARRAY_SIZE(budgets); bi++) {
			struct adv_advise_opts opts;
			struct result res;
			const char *name = adv_strategy_name(strategies[si]);
			double used, sum = 0;

			opts_with_budget(&opts, budgets[bi]);
			opts.strategy = strategies[si];
			run_ok(NULL, 0, mixed_workload, &opts, &res);
			used = num(res.selection, "used_bytes");
			for (i = 0; i < res.nfindings; i++)
				sum += num(get(res.findings[i], "evidence"),
					   "size_bytes");
			if (used > budgets[bi] || sum != used)
				fail_msg("%s within %.0f: used %.0f, findings "
					 "%.0f",
					 name, budgets[bi], used, sum);
			assert_string_equal(str(res.selection, "strategy"),
					    name);
			if (strategies[si] == ADV_STRATEGY_IP)
				assert_string_equal(
					str(res.selection, "solver"), "glpk");
			else
				assert_string_equal(
					str(res.selection, "solver"), name);
			assert_true(num(res.selection, "cost_after") <=
				    num(res.selection, "cost_before"));
			assert_true(num(res.selection, "statement_count") == 6);
			/* something fits from 4 MB on, and each strategy
			 * finds it */
			if (budgets[bi] >= 4194304 && res.nfindings == 0)
				fail_msg("%s within %.0f: nothing chosen", name,
					 budgets[bi]);
			if (budgets[bi] == 0)
				assert_int_equal(res.nfindings, 0);
			result_release(&res);
		}
	}
}

static void adv_advise__max_indexes__every_strategy_at_most(void **state)
{
	static const enum adv_strategy strategies[] = {
		ADV_STRATEGY_IP,     ADV_STRATEGY_GREEDY,
		ADV_STRATEGY_DEXTER, ADV_STRATEGY_EVERY_PREDICATE,
		ADV_STRATEGY_EXTEND,
	};
	size_t si;

	(void)state;
	for (si = 0; si < UNIT_ARRAY_SIZE(strategies); si++) {
		struct adv_advise_opts opts;
		struct result res;

		opts_with_budget(&opts, GB);
		opts.strategy = strategies[si];
		opts.max_indexes = 2;
		run_ok(NULL, 0, mixed_workload, &opts, &res);
		if (res.nfindings < 1 || res.nfindings > 2)
			fail_msg("%s: %zu findings with at most 2",
				 adv_strategy_name(strategies[si]),
				 res.nfindings);
		result_release(&res);
	}
}

/* --- the workload file -----------------------------------------------------
 */

static void adv_advise__workload_file_missing__eio(void **state)
{
	struct adv_advise_opts opts;
	struct result res;

	(void)state;
	opts_with_budget(&opts, GB);
	opts.workload_file = "/nonexistent/ip-unit/workload.sql";
	run(NULL, 0, NULL, &opts, &res);
	assert_int_equal(res.st, ADV_EIO);
	unit_assert_contains(res.err.message,
			     "'/nonexistent/ip-unit/workload.sql'");
	assert_int_equal(res.nrecords, 0);
	result_release(&res);
}

static void adv_advise__workload_does_not_scan__einput_naming_line(void **state)
{
	struct adv_advise_opts opts;
	struct result res;
	char where[256];

	(void)state;
	opts_with_budget(&opts, GB);
	run(NULL, 0, SELECT_BY_USER ";\n\nSELECT 'unterminated;\n", &opts,
	    &res);
	assert_int_equal(res.st, ADV_EINPUT);
	snprintf(where, sizeof(where), "'%s:3'", res.path);
	unit_assert_contains(res.err.message, where);
	assert_int_equal(res.nrecords, 0);
	result_release(&res);
}

static void adv_advise__statement_does_not_parse__skipped_not_fatal(
	void **state)
{
	struct adv_advise_opts opts;
	struct result res;
	char where[256];

	(void)state;
	opts_with_budget(&opts, GB);
	run_ok(NULL, 0,
	       "-- calls: 100\n" SELECT_BY_USER ";\n"
	       "SELECT FROM WHERE orders;\n"
	       "SELECT * FROM nowhere WHERE a = 1;\n",
	       &opts, &res);
	assert_int_equal(res.nfindings, 1);
	assert_true(num(res.selection, "statement_count") == 1);
	assert_true(num(res.selection, "skipped_statements") == 2);
	snprintf(where, sizeof(where), "skipping statement '%s:3'", res.path);
	unit_assert_contains(res.log, where);
	unit_assert_contains(res.log, "syntax error");
	result_release(&res);
}

static void adv_advise__empty_workload__selection_without_findings(void **state)
{
	struct adv_advise_opts opts;
	struct result res;

	(void)state;
	opts_with_budget(&opts, GB);
	run_ok(NULL, 0, "-- nothing here yet\n", &opts, &res);
	assert_int_equal(res.nfindings, 0);
	assert_true(num(res.selection, "statement_count") == 0);
	assert_true(num(res.selection, "candidate_count") == 0);
	assert_true(num(res.selection, "used_bytes") == 0);
	unit_assert_contains(res.log, "nothing to advise");
	result_release(&res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_advise__selective_equality_on_large_table__missing_index),
		cmocka_unit_test(
			adv_advise__selection_record__budget_costs_and_solver),
		cmocka_unit_test(adv_advise__no_benefit__no_finding),
		cmocka_unit_test(adv_advise__budget__index_only_when_it_fits),
		cmocka_unit_test(
			adv_advise__writes__maintenance_outweighs_or_not),
		cmocka_unit_test(
			adv_advise__one_insert__maintenance_in_evidence),
		cmocka_unit_test(
			adv_advise__existing_index__served_unless_invalid),
		cmocka_unit_test(adv_advise__suggested_name_taken__numbered),
		cmocka_unit_test(adv_strategy_parse__every_name__round_trip),
		cmocka_unit_test(
			adv_strategy_parse__unknown__minus_one_untouched),
		cmocka_unit_test(
			adv_advise__every_strategy_and_budget__within_budget),
		cmocka_unit_test(
			adv_advise__max_indexes__every_strategy_at_most),
		cmocka_unit_test(adv_advise__workload_file_missing__eio),
		cmocka_unit_test(
			adv_advise__workload_does_not_scan__einput_naming_line),
		cmocka_unit_test(
			adv_advise__statement_does_not_parse__skipped_not_fatal),
		cmocka_unit_test(
			adv_advise__empty_workload__selection_without_findings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
