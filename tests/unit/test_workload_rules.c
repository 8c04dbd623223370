#include "unit.h"

#include "model.h"
#include "workload_rules.h"

#define TS "2026-11-21T10:00:00.000000Z"
#define SRC                                                          \
	"{\"engine\":\"postgresql\",\"host\":\"db1\",\"port\":5432," \
	"\"database\":\"shop\",\"cluster\":\"C1\",\"role\":\"primary\"}"

#define PARENT_SQL "SELECT id, customer_id FROM orders WHERE created_at > $1"
#define CHILD_SQL  "SELECT name FROM customers WHERE id = $1"

/* One statement record as collect_pg.c emits it (NDJSON line). */
static void add_statement(struct adv_model *m, const char *queryid,
			  const char *query, double calls, double rows,
			  double mean_ms, double temp_blks_written)
{
	struct adv_error err;
	char line[4096];
	cJSON *rec;
	cJSON *q = cJSON_CreateString(query);
	char *qjson = cJSON_PrintUnformatted(q);

	snprintf(line, sizeof(line),
		 "{\"type\":\"statement\",\"v\":1,\"ts\":\"" TS
		 "\",\"src\":" SRC ",\"queryid\":\"%s\",\"user\":\"app\","
		 "\"toplevel\":true,\"query\":%s,\"calls\":%.0f,"
		 "\"total_ms\":%.6f,\"mean_ms\":%.6f,\"rows\":%.0f,"
		 "\"temp_blks_written\":%.0f}",
		 queryid, qjson, calls, calls * mean_ms, mean_ms, rows,
		 temp_blks_written);
	cJSON_free(qjson);
	cJSON_Delete(q);
	rec = unit_json(line);
	adv_error_init(&err);
	if (adv_model_add(m, rec, "w.ndjson:1", &err) != ADV_OK)
		fail_msg("%s: %s", line, err.message);
	cJSON_Delete(rec);
}

/* A parent and a child statement; the numbers of a textbook N+1 unless
 * the caller changes one. */
struct pair {
	double parent_calls, parent_rows;
	const char *child_sql;
	double child_calls, child_rows, child_mean_ms;
};

static const struct pair textbook = {10, 1000, CHILD_SQL, 1000, 1000, 0.1};

/* Sets a threshold by its RULE.NAME (the engine's --set does the same by
 * rule id through struct adv_pat_config). */
static void set_threshold(struct adv_workload_rules_config *cfg,
			  const char *name, double value)
{
	const struct adv_workload_rule *rules;
	size_t nr;
	size_t i;
	size_t t;

	rules = adv_workload_rules(&nr);
	for (i = 0; i < nr; i++) {
		size_t len = strlen(rules[i].id);

		if (strncmp(name, rules[i].id, len) != 0 || name[len] != '.')
			continue;
		for (t = 0; rules[i].thresholds[t].name != NULL; t++) {
			if (strcmp(rules[i].thresholds[t].name,
				   name + len + 1) == 0) {
				cfg->threshold[i][t] = value;
				return;
			}
		}
	}
	fail_msg("no threshold '%s'", name);
}

static void run(struct adv_model *m, enum adv_workload_profile profile,
		const char *override, const char *value,
		struct adv_workload_findings *out)
{
	struct adv_workload_rules_config cfg;
	struct adv_error err;

	adv_model_finish(m);
	adv_workload_rules_config_init(&cfg, profile);
	adv_error_init(&err);
	if (override != NULL)
		set_threshold(&cfg, override, strtod(value, NULL));
	adv_workload_findings_init(out);
	assert_int_equal(adv_workload_check(m, &cfg, out, &err), ADV_OK);
}

static size_t count_rule(const struct adv_workload_findings *list,
			 const char *rule)
{
	size_t n = 0;
	size_t i;

	for (i = 0; i < list->nr; i++) {
		if (strcmp(list->items[i].f.rule, rule) == 0)
			n++;
	}
	return n;
}

static size_t n_plus_one_findings(const struct pair *p, const char *override,
				  const char *value)
{
	struct adv_model m;
	struct adv_workload_findings out;
	size_t n;

	adv_model_init(&m);
	add_statement(&m, "101", PARENT_SQL, p->parent_calls, p->parent_rows,
		      20, 0);
	add_statement(&m, "202", p->child_sql, p->child_calls, p->child_rows,
		      p->child_mean_ms, 0);
	run(&m, ADV_WORKLOAD_PROFILE_DEFAULT, override, value, &out);
	n = count_rule(&out, "n-plus-one-query");
	adv_workload_findings_release(&out);
	adv_model_release(&m);
	return n;
}

static void adv_workload_check__textbook_n_plus_one__finding(void **state)
{
	struct adv_model m;
	struct adv_workload_findings out;
	const struct adv_finding *f;
	const cJSON *parent, *child;

	(void)state;
	adv_model_init(&m);
	add_statement(&m, "101", PARENT_SQL, 10, 1000, 20, 0);
	add_statement(&m, "202", CHILD_SQL, 1000, 1000, 0.1, 0);
	run(&m, ADV_WORKLOAD_PROFILE_DEFAULT, NULL, NULL, &out);
	assert_int_equal(out.nr, 1);
	f = &out.items[0].f;
	assert_string_equal(f->tool, "ip-patterns");
	assert_string_equal(f->rule, "n-plus-one-query");
	assert_int_equal(f->severity, ADV_SEV_HIGH);
	assert_string_equal(f->table, "customers");
	assert_null(f->action_kind);
	assert_non_null(f->fingerprint);
	assert_int_equal(strlen(f->fingerprint), 16);
	unit_assert_contains(f->message, "statement 202");
	unit_assert_contains(f->message, "statement 101");
	parent = cJSON_GetObjectItem(f->evidence, "parent");
	child = cJSON_GetObjectItem(f->evidence, "child");
	assert_string_equal(cJSON_GetObjectItem(parent, "queryid")->valuestring,
			    "101");
	assert_true(cJSON_GetObjectItem(parent, "rows")->valuedouble == 1000);
	assert_string_equal(cJSON_GetObjectItem(parent, "query")->valuestring,
			    PARENT_SQL);
	assert_string_equal(cJSON_GetObjectItem(child, "queryid")->valuestring,
			    "202");
	assert_true(cJSON_GetObjectItem(child, "calls")->valuedouble == 1000);
	assert_string_equal(cJSON_GetObjectItem(child, "query")->valuestring,
			    CHILD_SQL);
	assert_ptr_equal(out.items[0].snap, m.snapshots[0]);
	adv_workload_findings_release(&out);
	adv_model_release(&m);
}

static void adv_workload_check__and_of_equalities__point_lookup(void **state)
{
	struct pair p = textbook;

	(void)state;
	p.child_sql =
		"SELECT * FROM public.items i WHERE i.tenant = $1 AND id = $2";
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 1);
	p.child_sql = "SELECT name FROM customers WHERE $1 = id";
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 1);
}

/* Each condition of section 4.4 violated alone silences the rule. */
static void adv_workload_check__few_child_calls__silent(void **state)
{
	struct pair p = {1, 99, CHILD_SQL, 99, 99, 0.1};

	(void)state;
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 0);
	/* the same numbers fire once the threshold is lowered by name */
	assert_int_equal(n_plus_one_findings(
				 &p, "n-plus-one-query.min_child_calls", "50"),
			 1);
}

static void adv_workload_check__child_not_ten_times_parent__silent(void **state)
{
	struct pair p = textbook;

	(void)state;
	p.parent_calls = 101;
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 0);
	p.parent_calls = 100;
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 1);
}

static void adv_workload_check__many_rows_per_call__silent(void **state)
{
	struct pair p = textbook;

	(void)state;
	p.child_rows = 2001;
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 0);
	p.child_rows = 2000;
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 1);
}

static void adv_workload_check__calls_not_per_parent_row__silent(void **state)
{
	struct pair p = textbook;

	(void)state;
	p.parent_rows = 2001; /* 0.4998 calls per parent row */
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 0);
	p.parent_rows = 666; /* 1.5015 */
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 0);
	p.parent_rows = 2000;
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 1);
	p.parent_rows = 667;
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 1);
}

static void adv_workload_check__not_a_point_lookup__silent(void **state)
{
	static const char *const not_lookups[] = {
		"SELECT name FROM customers WHERE id > $1",
		"SELECT name FROM customers WHERE id = $1 OR email = $2",
		"SELECT name FROM customers WHERE id = 42",
		"SELECT name FROM customers",
		"SELECT c.name FROM customers c JOIN orders o ON o.cid = c.id "
		"WHERE o.id = $1",
		"UPDATE customers SET seen = now() WHERE id = $1",
		"SELECT name FROM customers WHERE id = $1 UNION "
		"SELECT name FROM vendors WHERE id = $2",
		"not sql at all",
	};
	struct pair p = textbook;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(not_lookups) / sizeof(not_lookups[0]); i++) {
		p.child_sql = not_lookups[i];
		if (n_plus_one_findings(&p, NULL, NULL) != 0)
			fail_msg("fired on '%s'", not_lookups[i]);
	}
}

static void adv_workload_check__slow_child__silent(void **state)
{
	struct pair p = textbook;

	(void)state;
	p.child_mean_ms = 5;
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 0);
	p.child_mean_ms = 4.9;
	assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 1);
}

/* The fix for N+1: one batched lookup per parent call. */
static void adv_workload_check__batched_lookup__silent(void **state)
{
	static const char *const batched[] = {
		"SELECT name FROM customers WHERE id = ANY($1)",
		"SELECT name FROM customers WHERE id IN ($1, $2, $3)",
		"SELECT name FROM customers WHERE tenant = $1 AND id = ANY($2)",
	};
	struct pair p = textbook;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(batched) / sizeof(batched[0]); i++) {
		p.child_sql = batched[i];
		/* calls ~ parent calls, 100 rows per call */
		p.child_calls = 10;
		p.child_rows = 1000;
		assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 0);
		/* even with N+1 numbers, a list is not a point lookup */
		p.child_calls = 1000;
		assert_int_equal(n_plus_one_findings(&p, NULL, NULL), 0);
	}
}

/* n statements with one fingerprint and distinct queryids. */
static size_t unparameterized_findings(size_t n, double calls,
				       struct adv_workload_findings *keep)
{
	struct adv_model m;
	struct adv_workload_findings out;
	char queryid[32];
	char sql[128];
	size_t i, found;

	adv_model_init(&m);
	for (i = 0; i < n; i++) {
		snprintf(queryid, sizeof(queryid), "%zu", 9000 + i);
		snprintf(sql, sizeof(sql),
			 "SELECT * FROM orders WHERE customer_id = %zu", i);
		add_statement(&m, queryid, sql, calls, calls, 0.5, 0);
	}
	/* another shape, used often: never part of the group */
	add_statement(&m, "1", "SELECT * FROM orders WHERE id = $1", 5000, 5000,
		      0.1, 0);
	run(&m, ADV_WORKLOAD_PROFILE_DEFAULT, NULL, NULL, &out);
	found = count_rule(&out, "unparameterized-query");
	if (keep != NULL) {
		assert_int_equal(out.nr, 1);
		/* the caller keeps the finding, not the model it points to */
		*keep = out;
		out.items[0].snap = NULL;
	} else {
		adv_workload_findings_release(&out);
	}
	adv_model_release(&m);
	return found;
}

static void adv_workload_check__fifty_single_use_texts__finding(void **state)
{
	struct adv_workload_findings out;
	const struct adv_finding *f;
	const cJSON *examples;

	(void)state;
	assert_int_equal(unparameterized_findings(50, 1, &out), 1);
	f = &out.items[0].f;
	assert_string_equal(f->tool, "ip-patterns");
	assert_string_equal(f->rule, "unparameterized-query");
	assert_int_equal(f->severity, ADV_SEV_MEDIUM);
	assert_string_equal(f->table, "orders");
	assert_null(f->action_kind);
	assert_int_equal(strlen(f->fingerprint), 16);
	assert_int_equal(strlen(cJSON_GetObjectItem(f->evidence, "fingerprint")
					->valuestring),
			 16);
	assert_true(cJSON_GetObjectItem(f->evidence, "count")->valuedouble ==
		    50);
	examples = cJSON_GetObjectItem(f->evidence, "examples");
	assert_int_equal(cJSON_GetArraySize(examples), 3);
	unit_assert_contains(
		cJSON_GetObjectItem(cJSON_GetArrayItem(examples, 0), "query")
			->valuestring,
		"customer_id =");
	unit_assert_contains(f->message, "50 distinct statements");
	adv_workload_findings_release(&out);
	assert_int_equal(unparameterized_findings(50, 2, NULL), 1);
}

static void adv_workload_check__forty_nine_texts__silent(void **state)
{
	(void)state;
	assert_int_equal(unparameterized_findings(49, 1, NULL), 0);
}

static void adv_workload_check__texts_reused_three_times__silent(void **state)
{
	(void)state;
	assert_int_equal(unparameterized_findings(60, 3, NULL), 0);
}

static void adv_workload_check__temp_spill__extended_only(void **state)
{
	struct adv_model m;
	struct adv_workload_findings out;

	(void)state;
	adv_model_init(&m);
	add_statement(&m, "7", "SELECT * FROM orders ORDER BY total", 3, 3, 900,
		      12800);
	add_statement(&m, "8", "SELECT * FROM orders WHERE id = $1", 3, 3, 0.1,
		      0);
	run(&m, ADV_WORKLOAD_PROFILE_DEFAULT, NULL, NULL, &out);
	assert_int_equal(count_rule(&out, "temp-spill-workload"), 0);
	adv_workload_findings_release(&out);
	adv_model_release(&m);

	adv_model_init(&m);
	add_statement(&m, "7", "SELECT * FROM orders ORDER BY total", 3, 3, 900,
		      12800);
	add_statement(&m, "8", "SELECT * FROM orders WHERE id = $1", 3, 3, 0.1,
		      0);
	run(&m, ADV_WORKLOAD_PROFILE_EXTENDED, NULL, NULL, &out);
	assert_int_equal(out.nr, 1);
	assert_string_equal(out.items[0].f.rule, "temp-spill-workload");
	assert_int_equal(out.items[0].f.severity, ADV_SEV_LOW);
	unit_assert_contains(out.items[0].f.message, "statement 7");
	adv_workload_findings_release(&out);
	adv_model_release(&m);
}

static void adv_model_add__statement_mean_and_temp__kept(void **state)
{
	struct adv_model m;
	const struct adv_model_statement *st;

	(void)state;
	adv_model_init(&m);
	add_statement(&m, "5", "SELECT 1", 4, 4, 2.5, 17);
	st = m.snapshots[0]->statements[0];
	assert_int_equal(st->has_mean_ms, 1);
	assert_true(st->mean_ms == 2.5);
	assert_int_equal(st->has_temp_blks, 1);
	assert_true(st->temp_blks_written == 17);
	adv_model_release(&m);
}

/* A statement record with extra keys (a JSON fragment after "rows"). */
static void add_raw(struct adv_model *m, const char *queryid, const char *query,
		    const char *extra)
{
	struct adv_error err;
	char line[4096];
	cJSON *rec;

	snprintf(line, sizeof(line),
		 "{\"type\":\"statement\",\"v\":1,\"ts\":\"" TS
		 "\",\"src\":" SRC ",\"queryid\":\"%s\",\"query\":\"%s\",%s}",
		 queryid, query, extra);
	rec = unit_json(line);
	adv_error_init(&err);
	if (adv_model_add(m, rec, "w.ndjson:1", &err) != ADV_OK)
		fail_msg("%s: %s", line, err.message);
	cJSON_Delete(rec);
}

static void adv_workload_check__parameter_sensitive__deviation(void **state)
{
	static const struct {
		const char *extra;
		int fires;
	} cases[] = {
		/* max 45 ms around a mean of 10: fires (extended) */
		{"\"calls\":50,\"rows\":50,\"total_ms\":500,\"mean_ms\":10,"
		 "\"min_ms\":8,\"max_ms\":45,\"shared_blks_hit\":6000000,"
		 "\"shared_blks_read\":1000000",
		 1},
		/* min 2 ms: 80 % below the mean */
		{"\"calls\":50,\"rows\":50,\"total_ms\":500,\"mean_ms\":10,"
		 "\"min_ms\":2,\"max_ms\":12,\"shared_blks_hit\":5000000",
		 1},
		/* a cheap statement (99,999 reads per call) */
		{"\"calls\":50,\"rows\":50,\"total_ms\":500,\"mean_ms\":10,"
		 "\"min_ms\":2,\"max_ms\":12,\"shared_blks_hit\":4999950",
		 0},
		/* within 30 % both ways */
		{"\"calls\":50,\"rows\":50,\"total_ms\":500,\"mean_ms\":10,"
		 "\"min_ms\":8,\"max_ms\":12.9,\"shared_blks_hit\":9000000",
		 0},
		/* only 3 calls */
		{"\"calls\":3,\"rows\":3,\"total_ms\":30,\"mean_ms\":10,"
		 "\"min_ms\":1,\"max_ms\":28",
		 0},
		/* no min/max recorded */
		{"\"calls\":50,\"rows\":50,\"total_ms\":500,\"mean_ms\":10", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_model m;
		struct adv_workload_findings out;

		adv_model_init(&m);
		add_raw(&m, "9", "SELECT * FROM orders WHERE status = $1",
			cases[i].extra);
		run(&m, ADV_WORKLOAD_PROFILE_EXTENDED, NULL, NULL, &out);
		if ((int)count_rule(&out, "parameter-sensitive-plan") !=
		    cases[i].fires)
			fail_msg("case %zu: expected %d", i, cases[i].fires);
		adv_workload_findings_release(&out);
		adv_model_release(&m);
		adv_model_init(&m);
		add_raw(&m, "9", "SELECT * FROM orders WHERE status = $1",
			cases[i].extra);
		run(&m, ADV_WORKLOAD_PROFILE_DEFAULT, NULL, NULL, &out);
		assert_int_equal(count_rule(&out, "parameter-sensitive-plan"),
				 0);
		adv_workload_findings_release(&out);
		adv_model_release(&m);
	}
}

static void adv_workload_check__rows_examined_ratio__thresholds(void **state)
{
	static const struct {
		const char *extra;
		int fires;
	} cases[] = {
		{"\"calls\":10,\"rows\":10,\"total_ms\":100,"
		 "\"rows_examined\":200000,\"rows_sent\":10",
		 1},
		/* nothing sent: max(sent, 1) */
		{"\"calls\":10,\"rows\":0,\"total_ms\":100,"
		 "\"rows_examined\":10000,\"rows_sent\":0",
		 1},
		/* ratio 99 */
		{"\"calls\":10,\"rows\":1000,\"total_ms\":100,"
		 "\"rows_examined\":99000,\"rows_sent\":1000",
		 0},
		/* ratio 9999 but fewer than 10,000 rows examined */
		{"\"calls\":10,\"rows\":1,\"total_ms\":100,"
		 "\"rows_examined\":9999,\"rows_sent\":1",
		 0},
		/* PostgreSQL records have no rows_examined */
		{"\"calls\":10,\"rows\":1,\"total_ms\":100", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_model m;
		struct adv_workload_findings out;

		adv_model_init(&m);
		add_raw(&m, "4", "SELECT * FROM orders WHERE note LIKE ?",
			cases[i].extra);
		run(&m, ADV_WORKLOAD_PROFILE_DEFAULT, NULL, NULL, &out);
		if ((int)count_rule(&out, "rows-examined-ratio") !=
		    cases[i].fires)
			fail_msg("case %zu: expected %d", i, cases[i].fires);
		adv_workload_findings_release(&out);
		adv_model_release(&m);
	}
}

/* Two N+1 children reading one table are two findings with two
 * fingerprints: a baseline taken with one must not hide the other. */
static void adv_workload_check__two_children_one_table__two_fingerprints(
	void **state)
{
	struct adv_model m;
	struct adv_workload_findings out;

	(void)state;
	adv_model_init(&m);
	add_statement(&m, "1", PARENT_SQL, 10, 1000, 5, 0);
	add_statement(&m, "2", "SELECT name FROM customers WHERE id = $1", 1000,
		      1000, 0.1, 0);
	add_statement(&m, "3", "SELECT email FROM customers WHERE id = $1",
		      1000, 1000, 0.1, 0);
	run(&m, ADV_WORKLOAD_PROFILE_DEFAULT, NULL, NULL, &out);
	assert_int_equal(count_rule(&out, "n-plus-one-query"), 2);
	assert_string_not_equal(out.items[0].f.fingerprint,
				out.items[1].f.fingerprint);
	adv_workload_findings_release(&out);
	adv_model_release(&m);
}

static void adv_workload_rules__table__catalog_ids(void **state)
{
	struct adv_workload_rules_config cfg;
	const struct adv_workload_rule *rules;
	size_t nr;

	(void)state;
	rules = adv_workload_rules(&nr);
	assert_int_equal(nr, 5);
	assert_string_equal(rules[0].id, "n-plus-one-query");
	assert_string_equal(rules[1].id, "unparameterized-query");
	assert_string_equal(rules[2].id, "temp-spill-workload");
	assert_string_equal(rules[3].id, "parameter-sensitive-plan");
	assert_string_equal(rules[4].id, "rows-examined-ratio");
	adv_workload_rules_config_init(&cfg, ADV_WORKLOAD_PROFILE_DEFAULT);
	assert_int_equal(cfg.enabled[2], 0);
	assert_int_equal(cfg.enabled[3], 0);
	assert_int_equal(cfg.enabled[4], 1);
	assert_true(cfg.threshold[0][0] == 100);
	assert_true(cfg.threshold[4][0] == 100);
	assert_true(cfg.threshold[4][1] == 10000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_workload_check__textbook_n_plus_one__finding),
		cmocka_unit_test(
			adv_workload_check__and_of_equalities__point_lookup),
		cmocka_unit_test(adv_workload_check__few_child_calls__silent),
		cmocka_unit_test(
			adv_workload_check__child_not_ten_times_parent__silent),
		cmocka_unit_test(
			adv_workload_check__many_rows_per_call__silent),
		cmocka_unit_test(
			adv_workload_check__calls_not_per_parent_row__silent),
		cmocka_unit_test(
			adv_workload_check__not_a_point_lookup__silent),
		cmocka_unit_test(adv_workload_check__slow_child__silent),
		cmocka_unit_test(adv_workload_check__batched_lookup__silent),
		cmocka_unit_test(
			adv_workload_check__fifty_single_use_texts__finding),
		cmocka_unit_test(adv_workload_check__forty_nine_texts__silent),
		cmocka_unit_test(
			adv_workload_check__texts_reused_three_times__silent),
		cmocka_unit_test(adv_workload_check__temp_spill__extended_only),
		cmocka_unit_test(adv_model_add__statement_mean_and_temp__kept),
		cmocka_unit_test(adv_workload_rules__table__catalog_ids),
		cmocka_unit_test(
			adv_workload_check__parameter_sensitive__deviation),
		cmocka_unit_test(
			adv_workload_check__rows_examined_ratio__thresholds),
		cmocka_unit_test(
			adv_workload_check__two_children_one_table__two_fingerprints),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
