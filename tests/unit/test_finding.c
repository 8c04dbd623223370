#include "unit.h"

#include "finding.h"

static void set_source(struct adv_source *src, const char *host,
		       const char *cluster)
{
	adv_source_init(src);
	src->engine = (char *)"postgresql";
	src->host = (char *)host;
	src->port = 5432;
	src->database = (char *)"shop";
	src->cluster = (char *)cluster;
	src->role = (char *)"primary";
}

static void unused_finding(struct adv_finding *f)
{
	adv_finding_init(f, "ip-indexes", "unused-index", ADV_SEV_MEDIUM);
	adv_finding_set_object(f, "public", "orders", "orders_status_idx");
	adv_finding_set_message(f,
				"index '%s.%s' has not been scanned in %d days",
				"public", "orders_status_idx", 41);
	cJSON_AddNumberToObject(f->evidence, "scans", 0);
	cJSON_AddNumberToObject(f->impact, "reclaim_bytes", 16384);
	adv_finding_set_action(
		f, "drop_index",
		"DROP INDEX CONCURRENTLY \"public\".\"orders_status_idx\"",
		"CREATE INDEX CONCURRENTLY orders_status_idx ON "
		"public.orders USING btree (status)",
		1);
	f->confidence = 0.9;
	adv_finding_compute_fingerprint(f, "postgresql", "shop");
}

static void adv_severity__names__round_trip_and_order(void **state)
{
	static const char *const names[] = {"info", "low", "medium", "high",
					    "critical"};
	enum adv_severity sev;
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(names); i++) {
		assert_int_equal(adv_severity_parse(names[i], &sev), 0);
		assert_int_equal(sev, (enum adv_severity)i);
		assert_string_equal(adv_severity_name(sev), names[i]);
	}
	assert_true(ADV_SEV_INFO < ADV_SEV_LOW &&
		    ADV_SEV_LOW < ADV_SEV_MEDIUM &&
		    ADV_SEV_MEDIUM < ADV_SEV_HIGH &&
		    ADV_SEV_HIGH < ADV_SEV_CRITICAL);
	sev = ADV_SEV_HIGH;
	assert_int_equal(adv_severity_parse("HIGH", &sev), -1);
	assert_int_equal(adv_severity_parse("", &sev), -1);
	assert_int_equal(adv_severity_parse("warning", &sev), -1);
	assert_int_equal(sev, ADV_SEV_HIGH);
	assert_string_equal(adv_severity_name((enum adv_severity)99), "info");
}

static void adv_finding_to_record__full__design_shape_and_key_order(
	void **state)
{
	struct adv_finding f;
	struct adv_source src;
	cJSON *rec;
	const cJSON *action;
	char *keys, *text;
	char want[2048];

	(void)state;
	unused_finding(&f);
	set_source(&src, "db1", "7301234567890123456");
	rec = adv_finding_to_record(&f, "2026-11-21T10:00:00.000000Z", &src);
	keys = unit_json_keys(rec);
	assert_string_equal(keys, "type,v,ts,src,tool,rule,severity,schema,"
				  "table,index,constraint,message,evidence,"
				  "action,impact,confidence,fingerprint");
	free(keys);
	action = cJSON_GetObjectItemCaseSensitive(rec, "action");
	keys = unit_json_keys(action);
	assert_string_equal(keys, "kind,sql,rollback_sql,online");
	free(keys);
	text = unit_json_text(rec);
	snprintf(
		want, sizeof(want), "%s%s\"}",
		"{\"type\":\"finding\",\"v\":1,\"ts\":\"2026-11-21T10:00:00.000000Z\","
		"\"src\":{\"engine\":\"postgresql\",\"host\":\"db1\",\"port\":5432,"
		"\"database\":\"shop\",\"cluster\":\"7301234567890123456\","
		"\"role\":\"primary\"},\"tool\":\"ip-indexes\","
		"\"rule\":\"unused-index\",\"severity\":\"medium\","
		"\"schema\":\"public\",\"table\":\"orders\","
		"\"index\":\"orders_status_idx\",\"constraint\":null,"
		"\"message\":\"index 'public.orders_status_idx' has not been "
		"scanned in 41 days\",\"evidence\":{\"scans\":0},"
		"\"action\":{\"kind\":\"drop_index\",\"sql\":\"DROP INDEX "
		"CONCURRENTLY \\\"public\\\".\\\"orders_status_idx\\\"\","
		"\"rollback_sql\":\"CREATE INDEX CONCURRENTLY orders_status_idx ON "
		"public.orders USING btree (status)\",\"online\":true},"
		"\"impact\":{\"reclaim_bytes\":16384},\"confidence\":0.9,"
		"\"fingerprint\":\"",
		f.fingerprint);
	assert_string_equal(text, want);
	free(text);
	cJSON_Delete(rec);
	adv_finding_release(&f);
}

static void adv_finding_to_record__no_action__action_null(void **state)
{
	struct adv_finding f;
	cJSON *rec;

	(void)state;
	adv_finding_init(&f, "ip-indexes", "unused-index", ADV_SEV_INFO);
	rec = adv_finding_to_record(&f, "2026-11-21T10:00:00Z", NULL);
	assert_true(
		cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(rec, "action")));
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(rec, "src")));
	assert_true(
		cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(rec, "schema")));
	assert_true(cJSON_IsNull(
		cJSON_GetObjectItemCaseSensitive(rec, "fingerprint")));
	assert_true(cJSON_GetObjectItemCaseSensitive(rec, "confidence")
			    ->valuedouble == 1.0);
	cJSON_Delete(rec);
	adv_finding_release(&f);
}

static void adv_finding_to_record__finding_changed_later__record_unchanged(
	void **state)
{
	struct adv_finding f;
	cJSON *rec;
	char *before, *after;

	(void)state;
	unused_finding(&f);
	rec = adv_finding_to_record(&f, "2026-11-21T10:00:00Z", NULL);
	before = unit_json_text(rec);
	cJSON_AddNumberToObject(f.evidence, "later", 1);
	adv_finding_set_message(&f, "changed");
	adv_finding_set_object(&f, "x", "y", "z");
	after = unit_json_text(rec);
	assert_string_equal(before, after);
	free(before);
	free(after);
	cJSON_Delete(rec);
	adv_finding_release(&f);
}

static void adv_finding_set__repeated__last_value_kept(void **state)
{
	struct adv_finding f;

	(void)state;
	adv_finding_init(&f, "t", "r", ADV_SEV_LOW);
	adv_finding_set_object(&f, "a", "b", "c");
	adv_finding_set_object(&f, "s", "t", NULL);
	adv_finding_set_constraint(&f, "k1");
	adv_finding_set_constraint(&f, "k2");
	adv_finding_set_message(&f, "one");
	adv_finding_set_message(&f, "two %d", 2);
	adv_finding_set_action(&f, "drop_index", "x", NULL, 1);
	adv_finding_set_action(&f, "create_index", "y", "z", 0);
	assert_string_equal(f.schema, "s");
	assert_null(f.index);
	assert_string_equal(f.constraint, "k2");
	assert_string_equal(f.message, "two 2");
	assert_string_equal(f.action_kind, "create_index");
	assert_string_equal(f.action_rollback_sql, "z");
	assert_int_equal(f.action_online, 0);
	adv_finding_release(&f);
}

static void adv_fnv1a__reference_vectors__published_values(void **state)
{
	(void)state;
	assert_true(adv_fnv1a(ADV_FNV_OFFSET, "", 0) == 0xcbf29ce484222325ULL);
	assert_true(adv_fnv1a(ADV_FNV_OFFSET, "a", 1) == 0xaf63dc4c8601ec8cULL);
	assert_true(adv_fnv1a(ADV_FNV_OFFSET, "foobar", 6) ==
		    0x85944171f73967e8ULL);
	/* continuing from h is hashing the concatenation */
	assert_true(adv_fnv1a(adv_fnv1a(ADV_FNV_OFFSET, "foo", 3), "bar", 3) ==
		    0x85944171f73967e8ULL);
}

static void adv_finding_compute_fingerprint__same_identity__stable_16_hex(
	void **state)
{
	struct adv_finding a, b;
	size_t i;

	(void)state;
	unused_finding(&a);
	unused_finding(&b);
	/* message, severity, evidence and action are not identity */
	adv_finding_set_message(&b, "other words");
	b.severity = ADV_SEV_HIGH;
	cJSON_AddNumberToObject(b.evidence, "scans_later", 9);
	adv_finding_set_action(&b, NULL, NULL, NULL, 0);
	adv_finding_compute_fingerprint(&b, "postgresql", "shop");
	assert_non_null(a.fingerprint);
	assert_int_equal(strlen(a.fingerprint), 16);
	for (i = 0; i < 16; i++)
		assert_non_null(strchr("0123456789abcdef", a.fingerprint[i]));
	assert_string_equal(a.fingerprint, b.fingerprint);
	adv_finding_release(&a);
	adv_finding_release(&b);
}

static void adv_finding_compute_fingerprint__info_finding__differs_from_verdict(
	void **state)
{
	struct adv_finding verdict, info, info2;

	(void)state;
	unused_finding(&verdict);
	unused_finding(&info);
	unused_finding(&info2);
	info.severity = ADV_SEV_INFO;
	info2.severity = ADV_SEV_INFO;
	adv_finding_compute_fingerprint(&info, "postgresql", "shop");
	adv_finding_compute_fingerprint(&info2, "postgresql", "shop");
	/* a baseline of "no verdict yet" must not hide the verdict later */
	assert_string_not_equal(info.fingerprint, verdict.fingerprint);
	assert_string_equal(info.fingerprint, info2.fingerprint);
	adv_finding_release(&verdict);
	adv_finding_release(&info);
	adv_finding_release(&info2);
}

static void adv_finding_to_record__other_host_and_cluster__same_fingerprint(
	void **state)
{
	struct adv_finding f;
	struct adv_source staging, production;
	cJSON *r1, *r2;

	(void)state;
	unused_finding(&f);
	set_source(&staging, "staging-db", "1111");
	set_source(&production, "prod-db-7", "2222");
	production.port = 6432;
	production.role = (char *)"replica";
	r1 = adv_finding_to_record(&f, "2026-11-21T10:00:00Z", &staging);
	r2 = adv_finding_to_record(&f, "2027-01-01T00:00:00Z", &production);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(r1, "fingerprint")
				    ->valuestring,
			    cJSON_GetObjectItemCaseSensitive(r2, "fingerprint")
				    ->valuestring);
	cJSON_Delete(r1);
	cJSON_Delete(r2);
	adv_finding_release(&f);
}

enum change {
	CH_RULE,
	CH_SCHEMA,
	CH_TABLE,
	CH_INDEX,
	CH_CONSTRAINT,
	CH_ENGINE,
	CH_DATABASE,
	CH_SPLIT
};

static void adv_finding_compute_fingerprint__identity_changes__differs(
	void **state)
{
	static const enum change changes[] = {
		CH_RULE,       CH_SCHEMA, CH_TABLE,    CH_INDEX,
		CH_CONSTRAINT, CH_ENGINE, CH_DATABASE, CH_SPLIT};
	struct adv_finding base;
	size_t i;

	(void)state;
	unused_finding(&base);
	for (i = 0; i < UNIT_ARRAY_SIZE(changes); i++) {
		struct adv_finding f;
		const char *engine = "postgresql", *database = "shop";

		unused_finding(&f);
		switch (changes[i]) {
		case CH_RULE:
			free(f.rule);
			f.rule = strdup("duplicate-index");
			break;
		case CH_SCHEMA:
			adv_finding_set_object(&f, "audit", "orders",
					       "orders_status_idx");
			break;
		case CH_TABLE:
			adv_finding_set_object(&f, "public", "orders2",
					       "orders_status_idx");
			break;
		case CH_INDEX:
			adv_finding_set_object(&f, "public", "orders",
					       "orders_status_idx2");
			break;
		case CH_CONSTRAINT:
			adv_finding_set_constraint(&f, "orders_customer_fkey");
			break;
		case CH_ENGINE:
			engine = "mysql";
			break;
		case CH_DATABASE:
			database = "shop_eu";
			break;
		case CH_SPLIT:
			/* ("public", "orders") vs ("publico", "rders") */
			adv_finding_set_object(&f, "publico", "rders",
					       "orders_status_idx");
			break;
		}
		adv_finding_compute_fingerprint(&f, engine, database);
		if (strcmp(f.fingerprint, base.fingerprint) == 0)
			fail_msg("change %zu kept fingerprint %s", i,
				 f.fingerprint);
		adv_finding_release(&f);
	}
	adv_finding_release(&base);
}

static void adv_finding_compute_fingerprint__fk_findings__differ_by_constraint(
	void **state)
{
	struct adv_finding a, b;

	(void)state;
	adv_finding_init(&a, "ip-indexes", "foreign-key-without-index",
			 ADV_SEV_MEDIUM);
	adv_finding_init(&b, "ip-indexes", "foreign-key-without-index",
			 ADV_SEV_MEDIUM);
	adv_finding_set_object(&a, "public", "line_items", NULL);
	adv_finding_set_object(&b, "public", "line_items", NULL);
	adv_finding_set_constraint(&a, "line_items_order_id_fkey");
	adv_finding_set_constraint(&b, "line_items_product_id_fkey");
	adv_finding_compute_fingerprint(&a, "postgresql", "shop");
	adv_finding_compute_fingerprint(&b, "postgresql", "shop");
	assert_string_not_equal(a.fingerprint, b.fingerprint);
	adv_finding_release(&a);
	adv_finding_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_severity__names__round_trip_and_order),
		cmocka_unit_test(
			adv_finding_to_record__full__design_shape_and_key_order),
		cmocka_unit_test(adv_finding_to_record__no_action__action_null),
		cmocka_unit_test(
			adv_finding_to_record__finding_changed_later__record_unchanged),
		cmocka_unit_test(adv_finding_set__repeated__last_value_kept),
		cmocka_unit_test(
			adv_fnv1a__reference_vectors__published_values),
		cmocka_unit_test(
			adv_finding_compute_fingerprint__same_identity__stable_16_hex),
		cmocka_unit_test(
			adv_finding_compute_fingerprint__info_finding__differs_from_verdict),
		cmocka_unit_test(
			adv_finding_to_record__other_host_and_cluster__same_fingerprint),
		cmocka_unit_test(
			adv_finding_compute_fingerprint__identity_changes__differs),
		cmocka_unit_test(
			adv_finding_compute_fingerprint__fk_findings__differ_by_constraint),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
