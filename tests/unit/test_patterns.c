#include "unit.h"

#include "patterns.h"

/*
 * The pattern engine: the rule table against the catalog, every rule's own
 * examples (the ones the man page prints), configuration, suppression,
 * parse errors, the risk score and the state a script carries.
 */

/* Every rule id of patterns-catalog.md in scope for ip-patterns (sections
 * 3.1 to 3.9 without the MySQL and SQL Server plan rules). */
static const char *const catalog_ids[] = {
	"null-comparison-equals",
	"not-in-subquery-nullable",
	"in-list-null",
	"in-list-contains-column",
	"nondeterministic-group-by",
	"limit-without-order-by",
	"order-by-constant",
	"always-false-predicate",
	"always-true-predicate",
	"chained-comparison",
	"update-set-with-and",
	"outer-join-nullified-by-where",
	"exclusion-join-wrong-column",
	"missing-join-condition",
	"mixed-comma-ansi-join",
	"unused-outer-join",
	"set-op-column-mismatch",
	"wildcard-alias",
	"like-without-wildcard",
	"unquoted-date-literal",
	"count-distinct-multi-column",
	"concat-nullable",
	"duplicate-column-alias",
	"duplicate-table-alias",
	"duplicate-column-assignment",
	"nondeterministic-function-replication",
	"dml-limit-without-order-by",
	"suspicious-unicode",
	"nolock-hint",
	"identity-global-function",
	"select-star",
	"insert-without-column-list",
	"too-many-joins",
	"distinct-with-group-by",
	"where-function-on-column",
	"where-arithmetic-on-column",
	"implicit-type-conversion",
	"leading-wildcard-like",
	"regex-match-filter",
	"large-in-list",
	"bulk-insert-too-many-rows",
	"optimizer-hint",
	"order-by-random",
	"offset-pagination",
	"group-order-different-tables",
	"order-by-mixed-direction",
	"sql-calc-found-rows",
	"in-subquery-dependent",
	"correlated-subquery-in-select",
	"udf-in-predicate",
	"cursor-usage",
	"distinct-star",
	"distinct-over-join",
	"having-without-aggregate",
	"select-without-where",
	"sp-prefix-procedure",
	"update-without-where",
	"delete-without-where",
	"update-primary-key",
	"replace-into",
	"truncate-cascade",
	"unbalanced-transaction",
	"injection-suspect-function",
	"plaintext-password",
	"comma-list-in-column",
	"table-without-primary-key",
	"float-for-exact-values",
	"enum-type",
	"fixed-char-type",
	"int-surrogate-key-overflow",
	"serial-instead-of-identity",
	"timestamp-without-time-zone",
	"foreign-key-without-index",
	"too-many-indexes",
	"duplicate-index",
	"non-innodb-engine",
	"non-utf8mb4-charset",
	"zero-date-default",
	"identifier-too-long",
	"alter-charset-not-converting",
	"pg-create-index-not-concurrently",
	"pg-drop-index-not-concurrently",
	"pg-reindex-not-concurrently",
	"pg-refresh-matview-not-concurrently",
	"pg-concurrent-index-in-transaction",
	"pg-add-column-volatile-default",
	"add-column-not-null-without-default",
	"pg-set-not-null",
	"pg-add-fk-without-not-valid",
	"pg-add-check-without-not-valid",
	"pg-add-unique-constraint-directly",
	"pg-add-primary-key-directly",
	"alter-column-type",
	"rename-column",
	"rename-table",
	"drop-column",
	"drop-table",
	"drop-database",
	"drop-not-null",
	"drop-key-constraint",
	"pg-vacuum-full-or-cluster",
	"pg-detach-partition-not-concurrently",
	"migration-missing-timeouts",
	"non-idempotent-ddl",
	"plan-full-scan-selective",
	"plan-index-scan-filter-heavy",
	"plan-row-misestimate",
	"plan-sort-spill",
	"plan-hash-spill",
	"plan-lossy-bitmap",
	"plan-index-only-heap-fetches",
	"plan-nested-loop-many-loops",
	"plan-large-offset",
	"plan-parallel-workers-not-launched",
	"plan-jit-overhead",
	"plan-poor-cache-hit",
	"plan-no-join-predicate",
	"n-plus-one-query",
	"unparameterized-query",
	"parameter-sensitive-plan",
	"rows-examined-ratio",
	"temp-spill-workload",
};

struct collected {
	cJSON *findings; /* array of finding records */
};

static enum adv_status collect(void *data, const struct adv_finding *f,
			       struct adv_error *err)
{
	struct collected *c = data;

	(void)err;
	cJSON_AddItemToArray(
		c->findings,
		adv_finding_to_record(f, "2026-01-01T00:00:00Z", NULL));
	return ADV_OK;
}

/* Runs a script through the engine with every rule on; returns the
 * findings (caller deletes). */
static cJSON *run_script(const char *sql, enum adv_sql_dialect d,
			 struct adv_pat_config *cfg_in)
{
	struct adv_pat_config cfg;
	struct collected c;
	struct adv_pat_ctx *cx;
	struct adv_error err;

	adv_error_init(&err);
	if (cfg_in == NULL)
		adv_pat_config_init(&cfg, ADV_PAT_SEL_ALL);
	c.findings = cJSON_CreateArray();
	cx = adv_pat_ctx_new(cfg_in != NULL ? cfg_in : &cfg, d, collect, &c);
	assert_int_equal(
		adv_pat_check_script(cx, "t.sql", sql, strlen(sql), &err),
		ADV_OK);
	assert_int_equal(adv_pat_finish(cx, &err), ADV_OK);
	adv_pat_ctx_free(cx);
	if (cfg_in == NULL)
		adv_pat_config_release(&cfg);
	return c.findings;
}

static int count_rule(const cJSON *findings, const char *rule)
{
	const cJSON *f;
	int n = 0;

	cJSON_ArrayForEach (f, findings) {
		const cJSON *r = cJSON_GetObjectItemCaseSensitive(f, "rule");

		if (cJSON_IsString(r) && strcmp(r->valuestring, rule) == 0)
			n++;
	}
	return n;
}

static enum adv_sql_dialect first_dialect(unsigned bits)
{
	if ((bits & ADV_PAT_PG) != 0)
		return ADV_DIALECT_PG;
	if ((bits & ADV_PAT_MY) != 0)
		return ADV_DIALECT_MY;
	return ADV_DIALECT_MS;
}

static void rules__table__matches_catalog(void **state)
{
	size_t i;
	size_t n = adv_pat_rule_count();

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(catalog_ids); i++) {
		if (adv_pat_rule_find(catalog_ids[i], NULL) == NULL)
			fail_msg("catalog rule '%s' is not in the table",
				 catalog_ids[i]);
	}
	for (i = 0; i < n; i++) {
		const struct adv_pat_rule *r = adv_pat_rule_at(i);
		size_t k;
		int found = strcmp(r->id, "parse-error") == 0;

		for (k = 0; k < UNIT_ARRAY_SIZE(catalog_ids) && !found; k++)
			found = strcmp(catalog_ids[k], r->id) == 0;
		if (!found)
			fail_msg("rule '%s' is not in the catalog", r->id);
		for (k = i + 1; k < n; k++) {
			if (strcmp(adv_pat_rule_at(k)->id, r->id) == 0)
				fail_msg("rule '%s' twice", r->id);
		}
		if (r->category == NULL || r->summary == NULL ||
		    r->why == NULL || r->fix == NULL || r->dialects == 0)
			fail_msg("rule '%s' lacks a category, summary, why, "
				 "fix or dialect",
				 r->id);
		if (r->input == ADV_PAT_INPUT_SQL &&
		    (r->example_fire == NULL || r->example_quiet == NULL ||
		     (r->check == NULL && r->walk == NULL &&
		      r->finish == NULL)))
			fail_msg("rule '%s' lacks examples or a check", r->id);
	}
}

static void rules__examples__fire_and_stay_quiet(void **state)
{
	size_t i;
	size_t n = adv_pat_rule_count();

	(void)state;
	for (i = 0; i < n; i++) {
		const struct adv_pat_rule *r = adv_pat_rule_at(i);
		enum adv_sql_dialect d;
		cJSON *f;

		if (r->input != ADV_PAT_INPUT_SQL || r->example_fire == NULL)
			continue;
		d = first_dialect(r->dialects);
		f = run_script(r->example_fire, d, NULL);
		if (count_rule(f, r->id) == 0) {
			char *t = cJSON_PrintUnformatted(f);

			fail_msg("%s: example_fire does not fire: %s -> %s",
				 r->id, r->example_fire, t);
		}
		cJSON_Delete(f);
		f = run_script(r->example_quiet, d, NULL);
		if (count_rule(f, r->id) != 0)
			fail_msg("%s: example_quiet fires: %s", r->id,
				 r->example_quiet);
		cJSON_Delete(f);
	}
}

static void config__bad_names__are_usage_errors(void **state)
{
	struct adv_pat_config cfg;
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	adv_pat_config_init(&cfg, ADV_PAT_SEL_DEFAULT);
	assert_int_equal(adv_pat_config_enable(&cfg, "no-such-rule", 1, &err),
			 ADV_EUSAGE);
	unit_assert_contains(err.message, "no-such-rule");
	assert_int_equal(adv_pat_config_set(&cfg, "too-many-joins", &err),
			 ADV_EUSAGE);
	assert_int_equal(
		adv_pat_config_set(&cfg, "too-many-joins.nope=3", &err),
		ADV_EUSAGE);
	unit_assert_contains(err.message, "nope");
	assert_int_equal(adv_pat_config_set(&cfg, "nope.max=3", &err),
			 ADV_EUSAGE);
	assert_int_equal(
		adv_pat_config_set(&cfg, "plan-row-misestimate.min_factor=-1",
				   &err),
		ADV_EUSAGE);
	adv_pat_config_release(&cfg);
}

static void config__profile__enables_extended_rules(void **state)
{
	struct adv_pat_config def;
	struct adv_pat_config all;
	size_t i;
	size_t n = adv_pat_rule_count();

	(void)state;
	adv_pat_config_init(&def, ADV_PAT_SEL_DEFAULT);
	adv_pat_config_init(&all, ADV_PAT_SEL_ALL);
	for (i = 0; i < n; i++) {
		const struct adv_pat_rule *r = adv_pat_rule_at(i);

		assert_int_equal(def.enabled[i],
				 r->profile == ADV_PAT_PROFILE_DEFAULT);
		assert_true(all.enabled[i]);
	}
	adv_pat_config_release(&def);
	adv_pat_config_release(&all);
}

static void engine__parse_error__is_info_and_run_goes_on(void **state)
{
	cJSON *f;
	const cJSON *first;
	const cJSON *ev;

	(void)state;
	f = run_script("SELECT 1;\nSELEC x FROM t;\nDELETE FROM t;\n",
		       ADV_DIALECT_PG, NULL);
	assert_int_equal(count_rule(f, "parse-error"), 1);
	assert_int_equal(count_rule(f, "delete-without-where"), 1);
	first = cJSON_GetArrayItem(f, 0);
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(first, "rule")->valuestring,
		"parse-error");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(first, "severity")
				    ->valuestring,
			    "info");
	ev = cJSON_GetObjectItemCaseSensitive(first, "evidence");
	assert_int_equal(
		cJSON_GetObjectItemCaseSensitive(ev, "line")->valuedouble, 2);
	cJSON_Delete(f);
}

static void engine__inline_ignore__suppresses_named_rule_only(void **state)
{
	cJSON *f;

	(void)state;
	f = run_script("-- ip-patterns: ignore delete-without-where\n"
		       "DELETE FROM t;\n"
		       "DELETE FROM u;\n",
		       ADV_DIALECT_PG, NULL);
	assert_int_equal(count_rule(f, "delete-without-where"), 1);
	cJSON_Delete(f);
	f = run_script("DELETE FROM t /* ip-patterns: ignore all */;\n",
		       ADV_DIALECT_PG, NULL);
	assert_int_equal(cJSON_GetArraySize(f), 0);
	cJSON_Delete(f);
}

static void engine__finding__names_file_line_and_place(void **state)
{
	cJSON *f;
	const cJSON *ev;
	const cJSON *at;

	(void)state;
	f = run_script("\n\nSELECT a\n  FROM t\n WHERE b = NULL;\n",
		       ADV_DIALECT_PG, NULL);
	assert_int_equal(count_rule(f, "null-comparison-equals"), 1);
	ev = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(f, 0),
					      "evidence");
	assert_string_equal(
		cJSON_GetObjectItemCaseSensitive(ev, "file")->valuestring,
		"t.sql");
	assert_int_equal(
		cJSON_GetObjectItemCaseSensitive(ev, "line")->valuedouble, 3);
	at = cJSON_GetObjectItemCaseSensitive(ev, "at");
	assert_int_equal(
		cJSON_GetObjectItemCaseSensitive(at, "line")->valuedouble, 5);
	assert_true(
		cJSON_IsString(cJSON_GetObjectItemCaseSensitive(ev, "why")));
	assert_true(
		cJSON_IsString(cJSON_GetObjectItemCaseSensitive(ev, "fix")));
	assert_true(
		cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(ev, "risk")));
	cJSON_Delete(f);
}

static void engine__fingerprint__survives_moving_the_statement(void **state)
{
	cJSON *a;
	cJSON *b;
	const cJSON *fa;
	const cJSON *fb;

	(void)state;
	a = run_script("DELETE FROM t;\n", ADV_DIALECT_PG, NULL);
	b = run_script("SELECT 1;\n\n\nDELETE   FROM t;\n", ADV_DIALECT_PG,
		       NULL);
	fa = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(a, 0),
					      "fingerprint");
	fb = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(b, 0),
					      "fingerprint");
	assert_non_null(fa);
	assert_non_null(fb);
	assert_string_equal(fa->valuestring, fb->valuestring);
	cJSON_Delete(a);
	cJSON_Delete(b);
}

static void risk__severities__combine_and_stay_in_range(void **state)
{
	enum adv_severity none[1] = {ADV_SEV_INFO};
	enum adv_severity one_crit[1] = {ADV_SEV_CRITICAL};
	enum adv_severity lows[20];
	enum adv_severity mixed[3] = {ADV_SEV_HIGH, ADV_SEV_MEDIUM,
				      ADV_SEV_LOW};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(lows); i++)
		lows[i] = ADV_SEV_LOW;
	assert_int_equal(adv_pat_risk(none, 0), 0);
	assert_int_equal(adv_pat_risk(none, 1), 0);
	assert_int_equal(adv_pat_risk(one_crit, 1), 60);
	/* 1 - 0.65 * 0.85 * 0.95 */
	assert_int_equal(adv_pat_risk(mixed, 3), 48);
	assert_true(adv_pat_risk(lows, 20) <= 100);
	assert_true(adv_pat_risk(lows, 20) > adv_pat_risk(lows, 19));
}

static void state__created_table__exempts_create_index(void **state)
{
	cJSON *f;

	(void)state;
	f = run_script("CREATE TABLE t (id bigint PRIMARY KEY, a int);\n"
		       "CREATE INDEX t_a ON t (a);\n"
		       "CREATE INDEX u_a ON u (a);\n",
		       ADV_DIALECT_PG, NULL);
	assert_int_equal(count_rule(f, "pg-create-index-not-concurrently"), 1);
	cJSON_Delete(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules__table__matches_catalog),
		cmocka_unit_test(rules__examples__fire_and_stay_quiet),
		cmocka_unit_test(config__bad_names__are_usage_errors),
		cmocka_unit_test(config__profile__enables_extended_rules),
		cmocka_unit_test(engine__parse_error__is_info_and_run_goes_on),
		cmocka_unit_test(
			engine__inline_ignore__suppresses_named_rule_only),
		cmocka_unit_test(engine__finding__names_file_line_and_place),
		cmocka_unit_test(
			engine__fingerprint__survives_moving_the_statement),
		cmocka_unit_test(risk__severities__combine_and_stay_in_range),
		cmocka_unit_test(state__created_table__exempts_create_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
