#include "unit.h"

#include "plan.h"
#include "plan_rules.h"

/* Real PostgreSQL 15 plans (see data/plans/README), read from the repo root. */
#define PLAN_DIR "tests/unit/data/plans/"

static void read_fixture(const char *name, struct adv_plan_set *set)
{
	char path[512];
	struct adv_error err;
	FILE *fp;
	char *data;
	long size;

	snprintf(path, sizeof(path), PLAN_DIR "%s", name);
	fp = fopen(path, "rb");
	if (fp == NULL)
		fail_msg("cannot open '%s' (run from the repository root)",
			 path);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	size = ftell(fp);
	assert_true(size > 0);
	assert_int_equal(fseek(fp, 0, SEEK_SET), 0);
	data = malloc((size_t)size);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	adv_error_init(&err);
	adv_plan_set_init(set);
	if (adv_plan_read(data, (size_t)size, name, set, &err) != ADV_OK)
		fail_msg("%s: %s", name, err.message);
	free(data);
}

/* Runs cfg over every plan of a fixture; findings go to out. */
static void check_fixture(const char *name,
			  const struct adv_plan_rules_config *cfg,
			  struct adv_plan_findings *out)
{
	struct adv_plan_set set;
	struct adv_error err;
	size_t i;

	read_fixture(name, &set);
	adv_plan_findings_init(out);
	adv_error_init(&err);
	for (i = 0; i < set.nr; i++)
		assert_int_equal(adv_plan_check(&set.plans[i], cfg, out, &err),
				 ADV_OK);
	adv_plan_set_release(&set);
}

static size_t count_rule(const struct adv_plan_findings *list, const char *rule)
{
	size_t n = 0;
	size_t i;

	for (i = 0; i < list->nr; i++) {
		if (strcmp(list->items[i].rule, rule) == 0)
			n++;
	}
	return n;
}

static const struct adv_finding *find_rule(const struct adv_plan_findings *list,
					   const char *rule)
{
	size_t i;

	for (i = 0; i < list->nr; i++) {
		if (strcmp(list->items[i].rule, rule) == 0)
			return &list->items[i];
	}
	fail_msg("no '%s' finding", rule);
	return NULL;
}

/*
 * Each rule on a plan that must fire and on near-misses that must not,
 * both as FORMAT JSON and as text (the same query run twice).
 */
static const struct {
	const char *fixture; /* without .json / .txt */
	const char *rule;
	size_t expect;
	const char *message; /* part of the message, when it fires */
} cases[] = {
	{"full_scan_fire", "plan-full-scan-selective", 1,
	 "Seq Scan on orders: the filter removed 99% of the 100000 rows read"},
	/* 85 % removed */
	{"full_scan_near_ratio", "plan-full-scan-selective", 0, NULL},
	/* 90 % removed, 9,999 rows read */
	{"full_scan_near_rows", "plan-full-scan-selective", 0, NULL},
	{"index_filter_fire", "plan-index-scan-filter-heavy", 1,
	 "Index Scan using orders_customer_idx on orders: the filter removed "
	 "98% of the 5000 rows"},
	/* 70 % removed */
	{"index_filter_near", "plan-index-scan-filter-heavy", 0, NULL},
	{"misestimate_fire", "plan-row-misestimate", 1,
	 "Seq Scan on corr: estimated 18 rows, actual 2000 per loop"},
	/* the join above the scan is off as well: only the scan reported */
	{"misestimate_lowest", "plan-row-misestimate", 1, "Seq Scan on corr"},
	/* factor 9 */
	{"misestimate_near_factor", "plan-row-misestimate", 0, NULL},
	/* estimated 100000, stopped by LIMIT 10 */
	{"misestimate_near_limit", "plan-row-misestimate", 0, NULL},
	/* inner side of a semi join stops at the first match */
	{"misestimate_near_semi", "plan-row-misestimate", 0, NULL},
	{"sort_spill_fire", "plan-sort-spill", 1,
	 "Sort: sort spilled to disk (external merge"},
	{"sort_spill_near", "plan-sort-spill", 0, NULL},
	{"hash_spill_fire", "plan-hash-spill", 1,
	 "Hash: hash table spilled to disk in 128 batches"},
	{"hashagg_spill_fire", "plan-hash-spill", 1,
	 "HashAggregate: hash table spilled to disk in 341 batches"},
	/* Batches: 1 */
	{"hash_spill_near", "plan-hash-spill", 0, NULL},
	{"semi_inner", "plan-hash-spill", 0, NULL},
	{"lossy_fire", "plan-lossy-bitmap", 1,
	 "Bitmap Heap Scan on mid: 3608 lossy heap blocks"},
	/* lossy=0 */
	{"lossy_near", "plan-lossy-bitmap", 0, NULL},
	{"heap_fetches_fire", "plan-index-only-heap-fetches", 1,
	 "Index Only Scan using iofire_idx on iofire"},
	/* 30 % */
	{"heap_fetches_near", "plan-index-only-heap-fetches", 0, NULL},
	{"nested_loop_fire", "plan-nested-loop-many-loops", 1,
	 "Nested Loop: inner Seq Scan on customers runs 1000 times"},
	/* 999 loops */
	{"nested_loop_near", "plan-nested-loop-many-loops", 0, NULL},
	/* 1000 loops of a parameterised index scan */
	{"nojoin_near", "plan-nested-loop-many-loops", 0, NULL},
	{"offset_fire", "plan-large-offset", 1,
	 "Limit: 1000 rows produced by Index Scan using orders_pkey on "
	 "orders were discarded"},
	/* 999 discarded */
	{"offset_near", "plan-large-offset", 0, NULL},
	{"workers_fire", "plan-parallel-workers-not-launched", 1,
	 "Gather: 0 of 2 planned workers launched"},
	/* 2 of 2 */
	{"workers_near", "plan-parallel-workers-not-launched", 0, NULL},
	{"jit_fire", "plan-jit-overhead", 1, "JIT took "},
	/* JIT 5 ms, 15 % of the execution */
	{"jit_near", "plan-jit-overhead", 0, NULL},
	{"cache_fire", "plan-poor-cache-hit", 1, "Seq Scan on huge: 190"},
	/* read > hit, but fewer than 10,000 blocks */
	{"cache_near", "plan-poor-cache-hit", 0, NULL},
	/* the same blocks, all found in shared buffers */
	{"full_scan_near_rows", "plan-poor-cache-hit", 0, NULL},
	{"nojoin_fire", "plan-no-join-predicate", 1,
	 "Nested Loop between Seq Scan on small and Index Scan using "
	 "customers_pkey on customers has no join predicate"},
	/* parameterised inner (Recheck/Index Cond on c.id) */
	{"nojoin_near", "plan-no-join-predicate", 0, NULL},
	/* join on a constant: one row on the outer side */
	{"nojoin_near_const", "plan-no-join-predicate", 0, NULL},
	/* join predicate in the Join Filter */
	{"nested_loop_fire", "plan-no-join-predicate", 0, NULL},
};

static void adv_plan_check__fixtures__fire_and_stay_silent(void **state)
{
	static const char *const formats[] = {".json", ".txt"};
	struct adv_plan_rules_config cfg;
	size_t i;
	size_t f;

	(void)state;
	adv_plan_rules_config_init(&cfg, ADV_PLAN_PROFILE_EXTENDED);
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		for (f = 0; f < UNIT_ARRAY_SIZE(formats); f++) {
			struct adv_plan_findings list;
			char name[128];
			size_t n;

			snprintf(name, sizeof(name), "%s%s", cases[i].fixture,
				 formats[f]);
			check_fixture(name, &cfg, &list);
			n = count_rule(&list, cases[i].rule);
			if (n != cases[i].expect)
				fail_msg("%s: %s fired %zu times, want %zu",
					 name, cases[i].rule, n,
					 cases[i].expect);
			if (cases[i].message != NULL)
				unit_assert_contains(
					find_rule(&list, cases[i].rule)
						->message,
					cases[i].message);
			adv_plan_findings_release(&list);
		}
	}
}

static void adv_plan_check__finding__shape(void **state)
{
	struct adv_plan_rules_config cfg;
	struct adv_plan_findings list;
	const struct adv_finding *f;
	const cJSON *ev;

	(void)state;
	adv_plan_rules_config_init(&cfg, ADV_PLAN_PROFILE_DEFAULT);
	check_fixture("full_scan_fire.json", &cfg, &list);
	assert_int_equal(list.nr, 1);
	f = &list.items[0];
	assert_string_equal(f->tool, "ip-patterns");
	assert_string_equal(f->rule, "plan-full-scan-selective");
	assert_int_equal(f->severity, ADV_SEV_MEDIUM);
	assert_string_equal(f->table, "orders");
	assert_null(f->index);
	assert_null(f->action_kind);
	ev = f->evidence;
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(ev, "node")->valuestring,
		"Seq Scan on orders");
	assert_true(cJSON_GetObjectItemCaseSensitive(ev, "rows_read")
			    ->valuedouble == 100000);
	assert_true(cJSON_GetObjectItemCaseSensitive(ev, "rows_removed")
			    ->valuedouble == 99000);
	adv_plan_findings_release(&list);

	check_fixture("nojoin_fire.json", &cfg, &list);
	f = find_rule(&list, "plan-no-join-predicate");
	assert_int_equal(f->severity, ADV_SEV_HIGH);
	adv_plan_findings_release(&list);

	check_fixture("heap_fetches_fire.json", &cfg, &list);
	f = find_rule(&list, "plan-index-only-heap-fetches");
	assert_int_equal(f->severity, ADV_SEV_LOW);
	assert_string_equal(f->table, "iofire");
	assert_string_equal(f->index, "iofire_idx");
	adv_plan_findings_release(&list);
}

/* Sets a threshold by its RULE.NAME (the engine's --set does the same by
 * rule id through struct adv_pat_config). */
static void set_threshold(struct adv_plan_rules_config *cfg, const char *name,
			  double value)
{
	const struct adv_plan_rule *rules;
	size_t nr;
	size_t i;
	size_t t;

	rules = adv_plan_rules(&nr);
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

static void set_enabled(struct adv_plan_rules_config *cfg, const char *id,
			int on)
{
	const struct adv_plan_rule *rules;
	size_t nr;
	size_t i;

	rules = adv_plan_rules(&nr);
	for (i = 0; i < nr; i++) {
		if (strcmp(rules[i].id, id) == 0) {
			cfg->enabled[i] = on;
			return;
		}
	}
	fail_msg("no rule '%s'", id);
}

static void adv_plan_check__default_profile__extended_rules_off(void **state)
{
	struct adv_plan_rules_config cfg;
	struct adv_plan_findings list;

	(void)state;
	adv_plan_rules_config_init(&cfg, ADV_PLAN_PROFILE_DEFAULT);
	check_fixture("offset_fire.json", &cfg, &list);
	assert_int_equal(count_rule(&list, "plan-large-offset"), 0);
	adv_plan_findings_release(&list);
	check_fixture("cache_fire.json", &cfg, &list);
	assert_int_equal(count_rule(&list, "plan-poor-cache-hit"), 0);
	adv_plan_findings_release(&list);

	set_enabled(&cfg, "plan-large-offset", 1);
	check_fixture("offset_fire.json", &cfg, &list);
	assert_int_equal(count_rule(&list, "plan-large-offset"), 1);
	adv_plan_findings_release(&list);

	set_enabled(&cfg, "plan-sort-spill", 0);
	check_fixture("sort_spill_fire.json", &cfg, &list);
	assert_int_equal(count_rule(&list, "plan-sort-spill"), 0);
	adv_plan_findings_release(&list);
}

static void plan_thresholds__lowered__near_miss_fires(void **state)
{
	static const struct {
		const char *name;
		const char *value;
		const char *fixture;
		const char *rule;
	} cases_set[] = {
		{"plan-full-scan-selective.min_removed_ratio", "0.85",
		 "full_scan_near_ratio.json", "plan-full-scan-selective"},
		{"plan-full-scan-selective.min_rows_read", "9999",
		 "full_scan_near_rows.json", "plan-full-scan-selective"},
		{"plan-row-misestimate.min_factor", "9",
		 "misestimate_near_factor.json", "plan-row-misestimate"},
		{"plan-index-only-heap-fetches.max_heap_fetch_ratio", "0.3",
		 "heap_fetches_near.json", "plan-index-only-heap-fetches"},
		{"plan-nested-loop-many-loops.min_loops", "999",
		 "nested_loop_near.json", "plan-nested-loop-many-loops"},
		{"plan-large-offset.min_rows_discarded", "999",
		 "offset_near.json", "plan-large-offset"},
		{"plan-jit-overhead.max_jit_ms", "5", "jit_near.json",
		 "plan-jit-overhead"},
		{"plan-poor-cache-hit.min_blocks_read", "3000",
		 "cache_near.json", "plan-poor-cache-hit"},
		{"plan-index-scan-filter-heavy.min_removed_ratio", "0.7",
		 "index_filter_near.json", "plan-index-scan-filter-heavy"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases_set); i++) {
		struct adv_plan_rules_config cfg;
		struct adv_plan_findings list;

		adv_plan_rules_config_init(&cfg, ADV_PLAN_PROFILE_EXTENDED);
		check_fixture(cases_set[i].fixture, &cfg, &list);
		assert_int_equal(count_rule(&list, cases_set[i].rule), 0);
		adv_plan_findings_release(&list);
		set_threshold(&cfg, cases_set[i].name,
			      strtod(cases_set[i].value, NULL));
		check_fixture(cases_set[i].fixture, &cfg, &list);
		if (count_rule(&list, cases_set[i].rule) != 1)
			fail_msg("%s=%s: %s did not fire on %s",
				 cases_set[i].name, cases_set[i].value,
				 cases_set[i].rule, cases_set[i].fixture);
		adv_plan_findings_release(&list);
	}
}

/* The table is the catalog: ids, severities, profiles and thresholds. */
static void adv_plan_rules__table__matches_catalog(void **state)
{
	static const struct {
		const char *id;
		enum adv_severity sev;
		enum adv_plan_profile profile;
		const char *thresholds; /* name=value,... */
	} want[] = {
		{"plan-full-scan-selective", ADV_SEV_MEDIUM,
		 ADV_PLAN_PROFILE_DEFAULT,
		 "min_removed_ratio=0.9,min_rows_read=10000"},
		{"plan-index-scan-filter-heavy", ADV_SEV_MEDIUM,
		 ADV_PLAN_PROFILE_DEFAULT,
		 "min_removed_ratio=0.9,min_rows_removed=1000"},
		{"plan-row-misestimate", ADV_SEV_MEDIUM,
		 ADV_PLAN_PROFILE_DEFAULT,
		 "min_factor=10,min_row_difference=1000"},
		{"plan-sort-spill", ADV_SEV_MEDIUM, ADV_PLAN_PROFILE_DEFAULT,
		 ""},
		{"plan-hash-spill", ADV_SEV_MEDIUM, ADV_PLAN_PROFILE_DEFAULT,
		 ""},
		{"plan-lossy-bitmap", ADV_SEV_LOW, ADV_PLAN_PROFILE_DEFAULT,
		 ""},
		{"plan-index-only-heap-fetches", ADV_SEV_LOW,
		 ADV_PLAN_PROFILE_DEFAULT, "max_heap_fetch_ratio=0.4"},
		{"plan-nested-loop-many-loops", ADV_SEV_MEDIUM,
		 ADV_PLAN_PROFILE_DEFAULT,
		 "min_loops=1000,min_underestimate_factor=10"},
		{"plan-large-offset", ADV_SEV_LOW, ADV_PLAN_PROFILE_EXTENDED,
		 "min_rows_discarded=1000"},
		{"plan-parallel-workers-not-launched", ADV_SEV_LOW,
		 ADV_PLAN_PROFILE_DEFAULT, ""},
		{"plan-jit-overhead", ADV_SEV_LOW, ADV_PLAN_PROFILE_DEFAULT,
		 "max_jit_ratio=0.1,max_jit_ms=100"},
		{"plan-poor-cache-hit", ADV_SEV_LOW, ADV_PLAN_PROFILE_EXTENDED,
		 "min_blocks_read=10000"},
		{"plan-no-join-predicate", ADV_SEV_HIGH,
		 ADV_PLAN_PROFILE_DEFAULT, ""},
	};
	size_t nr;
	const struct adv_plan_rule *rules = adv_plan_rules(&nr);
	size_t i;

	(void)state;
	assert_int_equal(nr, UNIT_ARRAY_SIZE(want));
	for (i = 0; i < nr; i++) {
		char got[256] = "";
		size_t t;
		size_t len = 0;

		assert_string_equal(rules[i].id, want[i].id);
		assert_int_equal(rules[i].severity, want[i].sev);
		assert_int_equal(rules[i].profile, want[i].profile);
		assert_non_null(rules[i].check);
		assert_non_null(rules[i].description);
		for (t = 0; rules[i].thresholds[t].name != NULL; t++) {
			len += (size_t)snprintf(got + len, sizeof(got) - len,
						"%s%s=%g", t > 0 ? "," : "",
						rules[i].thresholds[t].name,
						rules[i].thresholds[t].def);
			assert_non_null(rules[i].thresholds[t].description);
		}
		assert_string_equal(got, want[i].thresholds);
	}
}

/* Rules that need ANALYZE stay silent on a plain EXPLAIN. */
static void adv_plan_check__explain_without_analyze__silent(void **state)
{
	static const char *const files[] = {"explain_only.json",
					    "explain_only.txt"};
	struct adv_plan_rules_config cfg;
	size_t i;

	(void)state;
	adv_plan_rules_config_init(&cfg, ADV_PLAN_PROFILE_EXTENDED);
	for (i = 0; i < UNIT_ARRAY_SIZE(files); i++) {
		struct adv_plan_findings list;

		check_fixture(files[i], &cfg, &list);
		assert_int_equal(list.nr, 0);
		adv_plan_findings_release(&list);
	}
}

static void adv_plan_check__several_plans__each_checked(void **state)
{
	struct adv_plan_rules_config cfg;
	struct adv_plan_findings list;

	(void)state;
	adv_plan_rules_config_init(&cfg, ADV_PLAN_PROFILE_DEFAULT);
	check_fixture("multi.txt", &cfg, &list);
	assert_int_equal(count_rule(&list, "plan-full-scan-selective"), 1);
	assert_int_equal(count_rule(&list, "plan-sort-spill"), 1);
	assert_int_equal(
		count_rule(&list, "plan-parallel-workers-not-launched"), 1);
	adv_plan_findings_release(&list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_plan_check__fixtures__fire_and_stay_silent),
		cmocka_unit_test(adv_plan_check__finding__shape),
		cmocka_unit_test(
			adv_plan_check__default_profile__extended_rules_off),
		cmocka_unit_test(plan_thresholds__lowered__near_miss_fires),
		cmocka_unit_test(adv_plan_rules__table__matches_catalog),
		cmocka_unit_test(
			adv_plan_check__explain_without_analyze__silent),
		cmocka_unit_test(adv_plan_check__several_plans__each_checked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
