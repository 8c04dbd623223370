#include "unit.h"

#include <math.h>

#include "idx_hygiene.h"
#include "ndjson.h"

/*
 * Fixtures: a small NDJSON text built record by record, read through the
 * NDJSON reader into a model exactly as ip-indexes does, then analysed; the
 * findings and summaries written are parsed back and compared exactly.
 */

#define NOW	    "2026-11-21T10:00:00.000000Z"
#define DAYS_30_AGO "2026-10-22T10:00:00.000000Z"
#define DAYS_2_AGO  "2026-11-19T10:00:00.000000Z"
#define DAY	    86400.0

/* Index keys as ip-collect writes them (see indexes_sql in collect_pg.c). */
#define KEY(col, expr, opclass, def, coll, dir, nulls)                       \
	"{\"column\":" col ",\"expression\":" expr ",\"opclass\":\"" opclass \
	"\",\"opclass_default\":" def ",\"collation\":" coll                 \
	",\"direction\":" dir ",\"nulls\":" nulls "}"
/* an integer column, ascending */
#define K(col)                                                            \
	KEY("\"" col "\"", "null", "int4_ops", "true", "null", "\"asc\"", \
	    "\"last\"")
#define KDESC(col)                                                         \
	KEY("\"" col "\"", "null", "int4_ops", "true", "null", "\"desc\"", \
	    "\"first\"")
/* a text column with the database's default collation */
#define KT(col)                                                       \
	KEY("\"" col "\"", "null", "text_ops", "true", "\"default\"", \
	    "\"asc\"", "\"last\"")
#define KOPC(col, opclass)                                                     \
	KEY("\"" col "\"", "null", opclass, "false", "\"default\"", "\"asc\"", \
	    "\"last\"")
#define KCOLL(col, coll)                                               \
	KEY("\"" col "\"", "null", "text_ops", "true", "\"" coll "\"", \
	    "\"asc\"", "\"last\"")
#define KEXPR(expr)                                                    \
	KEY("null", "\"" expr "\"", "text_ops", "true", "\"default\"", \
	    "\"asc\"", "\"last\"")
/* a key of an access method without ordering (hash, gist, gin) */
#define KHASH(col) \
	KEY("\"" col "\"", "null", "int4_ops", "true", "null", "null", "null")

#define KEYS1(a)       "[" a "]"
#define KEYS2(a, b)    "[" a "," b "]"
#define KEYS3(a, b, c) "[" a "," b "," c "]"

struct fx {
	struct adv_buf nd;
	const char *host;
	const char *role;
	const char *cluster;
	const char *database;
	const char *ts;
	double next_oid;
};

static void fx_init(struct fx *fx)
{
	adv_buf_init(&fx->nd);
	fx->host = "db1";
	fx->role = "primary";
	fx->cluster = "7301234567890123456";
	fx->database = "shop";
	fx->ts = NOW;
	fx->next_oid = 16384;
}

static void fx_release(struct fx *fx)
{
	adv_buf_release(&fx->nd);
}

/* The src of the records that follow. */
static void fx_node(struct fx *fx, const char *host, const char *role,
		    const char *cluster)
{
	fx->host = host;
	fx->role = role;
	fx->cluster = cluster;
}

static cJSON *envelope(struct fx *fx, const char *type)
{
	cJSON *rec = cJSON_CreateObject();
	cJSON *src;

	cJSON_AddStringToObject(rec, "type", type);
	cJSON_AddNumberToObject(rec, "v", 1);
	cJSON_AddStringToObject(rec, "ts", fx->ts);
	src = cJSON_AddObjectToObject(rec, "src");
	cJSON_AddStringToObject(src, "engine", "postgresql");
	cJSON_AddStringToObject(src, "host", fx->host);
	cJSON_AddNumberToObject(src, "port", 5432);
	cJSON_AddStringToObject(src, "database", fx->database);
	adv_json_add_string(src, "cluster", fx->cluster);
	adv_json_add_string(src, "role", fx->role);
	return rec;
}

/* Replaces or adds every key of the JSON object text extra. */
static void merge(cJSON *rec, const char *extra)
{
	cJSON *over, *item;

	if (extra == NULL)
		return;
	over = unit_json(extra);
	cJSON_ArrayForEach (item, over) {
		cJSON *copy = cJSON_Duplicate(item, 1);

		if (cJSON_GetObjectItemCaseSensitive(rec, item->string) != NULL)
			cJSON_ReplaceItemInObjectCaseSensitive(
				rec, item->string, copy);
		else
			cJSON_AddItemToObject(rec, item->string, copy);
	}
	cJSON_Delete(over);
}

static void emit(struct fx *fx, cJSON *rec)
{
	adv_ndjson_format(&fx->nd, rec);
	cJSON_Delete(rec);
}

static const char *str(const cJSON *obj, const char *key)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

/* A snapshot record; stats_reset NULL writes null (an unknown window). */
static void fx_snapshot(struct fx *fx, const char *stats_reset)
{
	cJSON *rec = envelope(fx, "snapshot");

	cJSON_AddStringToObject(rec, "server_version", "15.18");
	adv_json_add_string(rec, "stats_reset", stats_reset);
	cJSON_AddNullToObject(rec, "postmaster_start");
	emit(fx, rec);
}

static void fx_table(struct fx *fx, const char *table, const char *extra)
{
	cJSON *rec = envelope(fx, "table");

	cJSON_AddStringToObject(rec, "schema", "public");
	cJSON_AddStringToObject(rec, "table", table);
	cJSON_AddStringToObject(rec, "kind", "table");
	cJSON_AddBoolToObject(rec, "is_partition", 0);
	cJSON_AddNumberToObject(rec, "size_bytes", 65536);
	cJSON_AddNumberToObject(rec, "estimated_rows", 1000);
	cJSON_AddNumberToObject(rec, "n_tup_ins", 1000);
	cJSON_AddNumberToObject(rec, "n_tup_upd", 0);
	cJSON_AddNumberToObject(rec, "n_tup_del", 0);
	cJSON_AddNumberToObject(rec, "n_tup_hot_upd", 0);
	merge(rec, extra);
	emit(fx, rec);
}

/* pg_get_indexdef's text for the record as it stands. */
static char *definition_of(const cJSON *rec)
{
	const cJSON *keys = cJSON_GetObjectItemCaseSensitive(rec, "keys");
	const cJSON *include = cJSON_GetObjectItemCaseSensitive(rec, "include");
	const cJSON *key;
	struct adv_buf b;
	int first = 1;

	adv_buf_init(&b);
	adv_buf_addf(
		&b, "CREATE %sINDEX %s ON %s%s.%s USING %s (",
		cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(rec, "is_unique"))
			? "UNIQUE "
			: "",
		str(rec, "index"),
		cJSON_IsTrue(
			cJSON_GetObjectItemCaseSensitive(rec, "is_partitioned"))
			? "ONLY "
			: "",
		str(rec, "schema"), str(rec, "table"), str(rec, "method"));
	cJSON_ArrayForEach (key, keys) {
		const char *dir = str(key, "direction");

		if (!first)
			adv_buf_addstr(&b, ", ");
		first = 0;
		adv_buf_addstr(&b, str(key, "column") != NULL
					   ? str(key, "column")
					   : str(key, "expression"));
		if (dir != NULL && strcmp(dir, "desc") == 0)
			adv_buf_addstr(&b, " DESC");
	}
	adv_buf_addch(&b, ')');
	if (cJSON_GetArraySize(include) > 0) {
		const cJSON *col;

		first = 1;
		adv_buf_addstr(&b, " INCLUDE (");
		cJSON_ArrayForEach (col, include) {
			if (!first)
				adv_buf_addstr(&b, ", ");
			first = 0;
			adv_buf_addstr(&b, col->valuestring);
		}
		adv_buf_addch(&b, ')');
	}
	if (str(rec, "predicate") != NULL)
		adv_buf_addf(&b, " WHERE %s", str(rec, "predicate"));
	return adv_buf_detach(&b);
}

/*
 * An index record: a valid, used (10 scans), 8 kB btree in schema public
 * with the next oid, unless extra says otherwise; its definition is made
 * from the final keys unless extra gives one.
 */
static void fx_index(struct fx *fx, const char *table, const char *name,
		     const char *keys, const char *extra)
{
	cJSON *rec = envelope(fx, "index");

	cJSON_AddStringToObject(rec, "schema", "public");
	cJSON_AddStringToObject(rec, "table", table);
	cJSON_AddStringToObject(rec, "index", name);
	cJSON_AddNumberToObject(rec, "oid", fx->next_oid++);
	cJSON_AddStringToObject(rec, "method", "btree");
	cJSON_AddBoolToObject(rec, "is_unique", 0);
	cJSON_AddBoolToObject(rec, "is_primary", 0);
	cJSON_AddBoolToObject(rec, "is_exclusion", 0);
	cJSON_AddBoolToObject(rec, "is_replica_identity", 0);
	cJSON_AddBoolToObject(rec, "is_valid", 1);
	cJSON_AddBoolToObject(rec, "is_ready", 1);
	cJSON_AddBoolToObject(rec, "is_partitioned", 0);
	cJSON_AddNullToObject(rec, "constraint");
	cJSON_AddNullToObject(rec, "constraint_type");
	cJSON_AddItemToObject(rec, "keys", unit_json(keys));
	cJSON_AddItemToObject(rec, "include", cJSON_CreateArray());
	cJSON_AddNullToObject(rec, "predicate");
	cJSON_AddNullToObject(rec, "definition");
	cJSON_AddNumberToObject(rec, "size_bytes", 8192);
	cJSON_AddNumberToObject(rec, "scans", 10);
	cJSON_AddNumberToObject(rec, "tuples_read", 10);
	cJSON_AddNumberToObject(rec, "tuples_fetched", 10);
	cJSON_AddNullToObject(rec, "parent_schema");
	cJSON_AddNullToObject(rec, "parent_index");
	merge(rec, extra);
	if (str(rec, "definition") == NULL) {
		char *def = definition_of(rec);

		cJSON_ReplaceItemInObjectCaseSensitive(rec, "definition",
						       cJSON_CreateString(def));
		free(def);
	}
	emit(fx, rec);
}

static void fx_constraint(struct fx *fx, const char *table, const char *name,
			  const char *type, const char *columns,
			  const char *extra)
{
	cJSON *rec = envelope(fx, "constraint");

	cJSON_AddStringToObject(rec, "schema", "public");
	cJSON_AddStringToObject(rec, "table", table);
	cJSON_AddStringToObject(rec, "constraint", name);
	cJSON_AddStringToObject(rec, "constraint_type", type);
	cJSON_AddItemToObject(rec, "columns", unit_json(columns));
	cJSON_AddNullToObject(rec, "ref_schema");
	cJSON_AddNullToObject(rec, "ref_table");
	cJSON_AddNullToObject(rec, "ref_columns");
	cJSON_AddNullToObject(rec, "on_update");
	cJSON_AddNullToObject(rec, "on_delete");
	cJSON_AddNullToObject(rec, "index");
	cJSON_AddBoolToObject(rec, "is_validated", 1);
	cJSON_AddBoolToObject(rec, "is_deferrable", 0);
	cJSON_AddBoolToObject(rec, "is_inherited", 0);
	cJSON_AddNullToObject(rec, "definition");
	merge(rec, extra);
	emit(fx, rec);
}

/* A foreign key from table(columns) to public.ref_table(id). */
static void fx_fk(struct fx *fx, const char *table, const char *name,
		  const char *columns, const char *ref_table, const char *extra)
{
	char more[512];

	snprintf(more, sizeof(more),
		 "{\"ref_schema\":\"public\",\"ref_table\":\"%s\","
		 "\"ref_columns\":[\"id\"],\"on_update\":\"no_action\","
		 "\"on_delete\":\"no_action\"}",
		 ref_table);
	{
		cJSON *rec = unit_json(more);
		char *merged;

		merge(rec, extra);
		merged = unit_json_text(rec);
		fx_constraint(fx, table, name, "foreign_key", columns, merged);
		free(merged);
		cJSON_Delete(rec);
	}
}

/* What one analysis wrote. */
struct result {
	enum adv_status st;
	struct adv_error err;
	cJSON *findings[32];
	size_t nfindings;
	cJSON *summaries[8];
	size_t nsummaries;
};

static void result_release(struct result *res)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		cJSON_Delete(res->findings[i]);
	for (i = 0; i < res->nsummaries; i++)
		cJSON_Delete(res->summaries[i]);
	memset(res, 0, sizeof(*res));
}

/*
 * Loads fx's records into a model, runs the checks, parses the output.
 * lenient: a record the model rejects ends the run with res->st set,
 * instead of failing the test.
 */
static void fx_run_full(struct fx *fx, double min_observed_seconds, int lenient,
			struct result *res)
{
	struct adv_ndjson_reader reader;
	struct adv_model model;
	struct adv_report report;
	struct adv_hygiene_opts opts;
	struct unit_capture cap;
	struct adv_output *out;
	FILE *in = unit_input(fx->nd.data, fx->nd.len);
	struct adv_ndjson_reader lines;
	FILE *written;
	const char *text;

	memset(res, 0, sizeof(*res));
	adv_error_init(&res->err);
	adv_model_init(&model);
	adv_ndjson_init_stream(&reader, in, "fixture", 0);
	for (;;) {
		cJSON *rec = NULL;
		char where[64];

		if (adv_ndjson_next(&reader, &rec, &res->err) != ADV_OK)
			fail_msg("fixture: %s", res->err.message);
		if (rec == NULL)
			break;
		snprintf(where, sizeof(where), "fixture:%ld", reader.lineno);
		res->st = adv_model_add(&model, rec, where, &res->err);
		cJSON_Delete(rec);
		if (res->st != ADV_OK && lenient) {
			adv_ndjson_close(&reader);
			fclose(in);
			adv_model_release(&model);
			return;
		}
		if (res->st != ADV_OK)
			fail_msg("fixture: %s", res->err.message);
	}
	adv_ndjson_close(&reader);
	fclose(in);
	adv_model_finish(&model);

	out = adv_output_new(unit_capture_open(&cap), "mem", ADV_FORMAT_NDJSON,
			     0);
	adv_report_init(&report, out, NULL);
	opts.min_observed_seconds = min_observed_seconds;
	res->st = adv_index_hygiene(&model, &opts, &report, &res->err);
	if (res->st == ADV_OK)
		res->st = adv_output_finish(out, &res->err);
	adv_report_release(&report);
	adv_output_free(out);
	adv_model_release(&model);

	text = unit_capture_text(&cap);
	written = unit_input(text, strlen(text));
	adv_ndjson_init_stream(&lines, written, "output", 0);
	for (;;) {
		cJSON *rec = NULL;
		struct adv_error err;
		const char *type;

		adv_error_init(&err);
		if (adv_ndjson_next(&lines, &rec, &err) != ADV_OK)
			fail_msg("output: %s", err.message);
		if (rec == NULL)
			break;
		type = str(rec, "type");
		if (type != NULL && strcmp(type, "finding") == 0 &&
		    res->nfindings < UNIT_ARRAY_SIZE(res->findings))
			res->findings[res->nfindings++] = rec;
		else if (type != NULL && strcmp(type, "summary") == 0 &&
			 res->nsummaries < UNIT_ARRAY_SIZE(res->summaries))
			res->summaries[res->nsummaries++] = rec;
		else
			fail_msg("unexpected output record of type '%s'",
				 type ? type : "(none)");
	}
	adv_ndjson_close(&lines);
	fclose(written);
	unit_capture_close(&cap);
	if (res->st != ADV_OK)
		fail_msg("adv_index_hygiene: status %d: %s", res->st,
			 res->err.message);
}

static void fx_run_opts(struct fx *fx, double min_observed_seconds,
			struct result *res)
{
	fx_run_full(fx, min_observed_seconds, 0, res);
}

static void fx_run(struct fx *fx, struct result *res)
{
	fx_run_opts(fx, 7 * DAY, res);
}

/* obj's value at a dotted path ("action.sql"), or NULL. */
static const cJSON *at(const cJSON *obj, const char *path)
{
	char buf[128];
	char *part, *dot;

	snprintf(buf, sizeof(buf), "%s", path);
	part = buf;
	while (obj != NULL) {
		dot = strchr(part, '.');
		if (dot != NULL)
			*dot = '\0';
		obj = cJSON_GetObjectItemCaseSensitive(obj, part);
		if (dot == NULL)
			return obj;
		part = dot + 1;
	}
	return NULL;
}

static const char *at_str(const cJSON *obj, const char *path)
{
	const cJSON *item = at(obj, path);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

static double at_num(const cJSON *obj, const char *path)
{
	const cJSON *item = at(obj, path);

	if (!cJSON_IsNumber(item))
		fail_msg("'%s' is not a number", path);
	return item->valuedouble;
}

/* "rule:object" where object is the index, else the constraint. */
static void finding_label(const cJSON *f, char *out, size_t len)
{
	const char *object = at_str(f, "index");

	if (object == NULL)
		object = at_str(f, "constraint");
	snprintf(out, len, "%s:%s", at_str(f, "rule"),
		 object ? object : "(none)");
}

static void list_findings(const struct result *res, char *out, size_t len)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; i < res->nfindings; i++) {
		char label[256];

		finding_label(res->findings[i], label, sizeof(label));
		snprintf(out + strlen(out), len - strlen(out), "%s%s",
			 i > 0 ? ", " : "", label);
	}
	if (res->nfindings == 0)
		snprintf(out, len, "(none)");
}

/*
 * Asserts that the findings are exactly the given "rule:object" labels
 * (NULL-terminated, any order, each once).
 */
static void expect_only(const struct result *res, const char *const *want)
{
	char all[4096];
	size_t nwant = 0, i, j;

	list_findings(res, all, sizeof(all));
	for (i = 0; want[i] != NULL; i++) {
		size_t hits = 0;

		nwant++;
		for (j = 0; j < res->nfindings; j++) {
			char label[256];

			finding_label(res->findings[j], label, sizeof(label));
			if (strcmp(label, want[i]) == 0)
				hits++;
		}
		if (hits != 1)
			fail_msg("want %s once, found it %zu times among: %s",
				 want[i], hits, all);
	}
	if (nwant != res->nfindings)
		fail_msg("want %zu findings, got %zu: %s", nwant,
			 res->nfindings, all);
}

#define EXPECT_ONLY(res, ...) \
	expect_only((res), (const char *const[]){__VA_ARGS__, NULL})

static void expect_none(const struct result *res)
{
	char all[4096];

	list_findings(res, all, sizeof(all));
	if (res->nfindings != 0)
		fail_msg("want no findings, got: %s", all);
}

static const cJSON *finding(const struct result *res, const char *label)
{
	char all[4096];
	size_t i;

	for (i = 0; i < res->nfindings; i++) {
		char l[256];

		finding_label(res->findings[i], l, sizeof(l));
		if (strcmp(l, label) == 0)
			return res->findings[i];
	}
	list_findings(res, all, sizeof(all));
	fail_msg("no finding %s among: %s", label, all);
	return NULL;
}

static void assert_str_at(const cJSON *obj, const char *path, const char *want)
{
	const cJSON *item = at(obj, path);

	if (want == NULL) {
		if (item != NULL && !cJSON_IsNull(item))
			fail_msg("'%s' should be null", path);
		return;
	}
	if (!cJSON_IsString(item))
		fail_msg("'%s' is not a string (want '%s')", path, want);
	if (strcmp(item->valuestring, want) != 0)
		fail_msg("'%s' is '%s', want '%s'", path, item->valuestring,
			 want);
}

/*
 * Asserts the parts of a finding a DBA acts on: rule, object, severity and
 * the action's SQL and rollback (sql NULL: the action must be null).
 */
static const cJSON *expect_finding(const struct result *res, const char *label,
				   const char *severity, const char *sql,
				   const char *rollback)
{
	const cJSON *f = finding(res, label);
	size_t i;

	assert_str_at(f, "tool", "ip-indexes");
	assert_str_at(f, "severity", severity);
	if (sql == NULL) {
		assert_true(cJSON_IsNull(at(f, "action")));
	} else {
		assert_str_at(f, "action.sql", sql);
		assert_str_at(f, "action.rollback_sql", rollback);
	}
	assert_non_null(at_str(f, "fingerprint"));
	assert_int_equal(strlen(at_str(f, "fingerprint")), 16);
	for (i = 0; i < 16; i++)
		assert_non_null(strchr("0123456789abcdef",
				       at_str(f, "fingerprint")[i]));
	return f;
}

/* ---- unused-index ------------------------------------------------------ */

static void adv_index_hygiene__unused_index__medium_drop_with_rollback(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f, *nodes;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "orders", NULL);
	fx_index(&fx, "orders", "orders_pkey", KEYS1(K("id")),
		 "{\"is_primary\":true,\"is_unique\":true,"
		 "\"constraint\":\"orders_pkey\","
		 "\"constraint_type\":\"primary_key\"}");
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(KT("status")),
		 "{\"scans\":0,\"size_bytes\":16384}");
	fx_run(&fx, &res);

	EXPECT_ONLY(&res, "unused-index:orders_status_idx");
	f = expect_finding(&res, "unused-index:orders_status_idx", "medium",
			   "DROP INDEX CONCURRENTLY "
			   "\"public\".\"orders_status_idx\"",
			   "CREATE INDEX CONCURRENTLY orders_status_idx ON "
			   "public.orders USING btree (status)");
	assert_str_at(f, "action.kind", "drop_index");
	assert_true(cJSON_IsTrue(at(f, "action.online")));
	assert_str_at(f, "schema", "public");
	assert_str_at(f, "table", "orders");
	assert_str_at(f, "message",
		      "index 'public.orders_status_idx' has not been scanned "
		      "in 30 days on 1 node (16 kB)");
	assert_true(at_num(f, "evidence.scans") == 0);
	assert_true(at_num(f, "evidence.observed_seconds") == 30 * DAY);
	assert_true(at_num(f, "evidence.min_observed_seconds") == 7 * DAY);
	assert_true(at_num(f, "evidence.size_bytes") == 16384);
	assert_true(at_num(f, "impact.reclaim_bytes") == 16384);
	assert_true(fabs(at_num(f, "confidence") - 0.8) < 1e-9);
	nodes = at(f, "evidence.nodes");
	assert_int_equal(cJSON_GetArraySize(nodes), 1);
	assert_str_at(cJSON_GetArrayItem(nodes, 0), "host", "db1");
	assert_str_at(f, "ts", NOW);
	assert_str_at(f, "src.host", "db1");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__unused_but_enforcing__silent(void **state)
{
	static const struct {
		const char *what;
		const char *extra;
		int reported;
	} cases[] = {
		{"control: a plain index", "{}", 1},
		{"primary key",
		 "{\"is_primary\":true,\"is_unique\":true,"
		 "\"constraint\":\"t_pkey\",\"constraint_type\":\"primary_key\"}",
		 0},
		{"unique index", "{\"is_unique\":true}", 0},
		{"exclusion index",
		 "{\"is_exclusion\":true,\"method\":\"gist\"}", 0},
		{"replica identity", "{\"is_replica_identity\":true}", 0},
		{"constraint-backed",
		 "{\"constraint\":\"t_code_key\",\"constraint_type\":\"unique\"}",
		 0},
		{"invalid (another rule's business)",
		 "{\"is_valid\":false,\"is_ready\":false}", -1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct fx fx;
		struct result res;
		char extra[512];
		cJSON *e = unit_json(cases[i].extra);
		char *text;

		cJSON_AddNumberToObject(e, "scans", 0);
		text = unit_json_text(e);
		snprintf(extra, sizeof(extra), "%s", text);
		free(text);
		cJSON_Delete(e);

		fx_init(&fx);
		fx_snapshot(&fx, DAYS_30_AGO);
		fx_table(&fx, "t", NULL);
		fx_index(&fx, "t", "t_code_idx", KEYS1(K("code")), extra);
		fx_run(&fx, &res);
		if (cases[i].reported == 1) {
			EXPECT_ONLY(&res, "unused-index:t_code_idx");
		} else if (cases[i].reported == 0) {
			if (res.nfindings != 0)
				fail_msg("%s: reported as unused",
					 cases[i].what);
		} else {
			EXPECT_ONLY(&res, "invalid-index:t_code_idx");
		}
		result_release(&res);
		fx_release(&fx);
	}
}

static void adv_index_hygiene__used_on_replica_same_cluster__not_unused(
	void **state)
{
	/* replicas whose host sorts before and after the primary's */
	static const char *const replicas[] = {"db2", "db0"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(replicas); i++) {
		struct fx fx;
		struct result res;

		fx_init(&fx);
		fx_snapshot(&fx, DAYS_30_AGO);
		fx_table(&fx, "orders", NULL);
		fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
			 "{\"scans\":0}");
		fx_node(&fx, replicas[i], "replica", "7301234567890123456");
		fx_snapshot(&fx, DAYS_30_AGO);
		fx_table(&fx, "orders", NULL);
		fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
			 "{\"scans\":5}");
		fx_run(&fx, &res);
		expect_none(&res);
		assert_int_equal(res.nsummaries, 1);
		assert_true(at_num(res.summaries[0], "node_count") == 2);
		assert_str_at(res.summaries[0], "src.host", "db1");
		result_release(&res);
		fx_release(&fx);
	}
}

static void adv_index_hygiene__unused_on_primary_and_replica__two_nodes(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fx_init(&fx);
	/* the replica's lines first: the view is still the primary */
	fx_node(&fx, "db2", "replica", "7301234567890123456");
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
		 "{\"scans\":0}");
	fx_node(&fx, "db1", "primary", "7301234567890123456");
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
		 "{\"scans\":0}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "unused-index:orders_status_idx");
	f = expect_finding(&res, "unused-index:orders_status_idx", "medium",
			   "DROP INDEX CONCURRENTLY "
			   "\"public\".\"orders_status_idx\"",
			   "CREATE INDEX CONCURRENTLY orders_status_idx ON "
			   "public.orders USING btree (status)");
	assert_str_at(f, "message",
		      "index 'public.orders_status_idx' has not been scanned "
		      "in 30 days on 2 nodes (8.0 kB)");
	assert_int_equal(cJSON_GetArraySize(at(f, "evidence.nodes")), 2);
	assert_true(fabs(at_num(f, "confidence") - 0.9) < 1e-9);
	assert_str_at(f, "src.host", "db1");
	assert_str_at(f, "src.role", "primary");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__used_on_replica_of_other_cluster__not_summed(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
		 "{\"scans\":0}");
	fx_node(&fx, "db2", "replica", "9999999999999999999");
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
		 "{\"scans\":5}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "unused-index:orders_status_idx");
	f = finding(&res, "unused-index:orders_status_idx");
	assert_str_at(f, "src.host", "db1");
	assert_int_equal(cJSON_GetArraySize(at(f, "evidence.nodes")), 1);
	assert_int_equal(res.nsummaries, 2);
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__window_shorter_than_min_observed__info_no_action(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_2_AGO);
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
		 "{\"scans\":0}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "unused-index:orders_status_idx");
	f = expect_finding(&res, "unused-index:orders_status_idx", "info", NULL,
			   NULL);
	assert_str_at(f, "message",
		      "index 'public.orders_status_idx' has no scans in the "
		      "2 days observed, less than --min-observed: no verdict "
		      "yet");
	assert_true(at_num(f, "evidence.observed_seconds") == 2 * DAY);
	assert_true(fabs(at_num(f, "confidence") - 0.2) < 1e-9);
	assert_true(at_num(res.summaries[0], "reclaimable_bytes") == 0);
	result_release(&res);

	/* the same two days are enough when --min-observed allows them */
	fx_run_opts(&fx, 1 * DAY, &res);
	EXPECT_ONLY(&res, "unused-index:orders_status_idx");
	expect_finding(
		&res, "unused-index:orders_status_idx", "medium",
		"DROP INDEX CONCURRENTLY \"public\".\"orders_status_idx\"",
		"CREATE INDEX CONCURRENTLY orders_status_idx ON "
		"public.orders USING btree (status)");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__unknown_window__info_no_verdict(void **state)
{
	static const int with_snapshot[] = {0, 1};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(with_snapshot); i++) {
		struct fx fx;
		struct result res;
		const cJSON *f;

		fx_init(&fx);
		/* grep'ed facts, or a snapshot that knows no reset time */
		if (with_snapshot[i])
			fx_snapshot(&fx, NULL);
		fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
			 "{\"scans\":0}");
		fx_run(&fx, &res);
		EXPECT_ONLY(&res, "unused-index:orders_status_idx");
		f = expect_finding(&res, "unused-index:orders_status_idx",
				   "info", NULL, NULL);
		assert_str_at(f, "message",
			      "index 'public.orders_status_idx' has no scans, "
			      "but how long statistics were collected is "
			      "unknown: no verdict");
		assert_true(cJSON_IsNull(at(f, "evidence.observed_seconds")));
		result_release(&res);
		fx_release(&fx);
	}
}

static void adv_index_hygiene__no_statistics__silent(void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
		 "{\"scans\":null}");
	fx_run(&fx, &res);
	expect_none(&res);
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__unused_fk_supporting_index__low_with_evidence(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "customers", "{\"n_tup_upd\":10,\"n_tup_del\":5}");
	fx_table(&fx, "orders", NULL);
	fx_index(&fx, "orders", "orders_customer_id_idx",
		 KEYS1(K("customer_id")), "{\"scans\":0}");
	fx_fk(&fx, "orders", "orders_customer_id_fkey", "[\"customer_id\"]",
	      "customers", NULL);
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "unused-index:orders_customer_id_idx");
	f = expect_finding(
		&res, "unused-index:orders_customer_id_idx", "low",
		"DROP INDEX CONCURRENTLY "
		"\"public\".\"orders_customer_id_idx\"",
		"CREATE INDEX CONCURRENTLY orders_customer_id_idx ON "
		"public.orders USING btree (customer_id)");
	assert_str_at(f, "constraint", "orders_customer_id_fkey");
	assert_str_at(f, "evidence.supports_foreign_key",
		      "orders_customer_id_fkey");
	assert_str_at(f, "evidence.parent_schema", "public");
	assert_str_at(f, "evidence.parent_table", "customers");
	assert_true(at_num(f, "evidence.parent_updates_deletes") == 15);
	assert_true(fabs(at_num(f, "evidence.parent_writes_per_day") - 0.5) <
		    1e-9);
	assert_true(fabs(at_num(f, "confidence") - 0.3) < 1e-9);
	unit_assert_contains(
		at_str(f, "message"),
		"supports foreign key 'orders_customer_id_fkey' to "
		"'public.customers'");
	result_release(&res);
	fx_release(&fx);
}

/* ---- duplicate-index --------------------------------------------------- */

static void adv_index_hygiene__duplicate_plain__older_oid_kept(void **state)
{
	static const int newer_first[] = {0, 1};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(newer_first); i++) {
		struct fx fx;
		struct result res;
		const cJSON *f;

		fx_init(&fx);
		fx_snapshot(&fx, DAYS_30_AGO);
		fx_table(&fx, "orders", NULL);
		if (newer_first[i])
			fx_index(&fx, "orders", "a_new", KEYS1(K("status")),
				 "{\"oid\":200}");
		fx_index(&fx, "orders", "z_old", KEYS1(K("status")),
			 "{\"oid\":100}");
		if (!newer_first[i])
			fx_index(&fx, "orders", "a_new", KEYS1(K("status")),
				 "{\"oid\":200}");
		fx_run(&fx, &res);
		EXPECT_ONLY(&res, "duplicate-index:a_new");
		f = expect_finding(
			&res, "duplicate-index:a_new", "medium",
			"DROP INDEX CONCURRENTLY \"public\".\"a_new\"",
			"CREATE INDEX CONCURRENTLY a_new ON "
			"public.orders USING btree (status)");
		assert_str_at(f, "action.kind", "drop_index");
		assert_str_at(f, "evidence.duplicate_of", "z_old");
		assert_str_at(f, "message",
			      "index 'public.a_new' duplicates 'public.z_old' "
			      "(8.0 kB)");
		assert_true(fabs(at_num(f, "confidence") - 0.95) < 1e-9);
		result_release(&res);
		fx_release(&fx);
	}
}

static void adv_index_hygiene__duplicate_of_constraint_index__constraint_kept(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "orders", NULL);
	/* the plain index is older: enforcing wins over age */
	fx_index(&fx, "orders", "orders_code_idx", KEYS1(K("code")),
		 "{\"oid\":100}");
	fx_index(&fx, "orders", "orders_code_key", KEYS1(K("code")),
		 "{\"oid\":300,\"is_unique\":true,"
		 "\"constraint\":\"orders_code_key\","
		 "\"constraint_type\":\"unique\"}");
	fx_constraint(&fx, "orders", "orders_code_key", "unique", "[\"code\"]",
		      "{\"index\":\"orders_code_key\","
		      "\"definition\":\"UNIQUE (code)\"}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "duplicate-index:orders_code_idx");
	f = expect_finding(&res, "duplicate-index:orders_code_idx", "medium",
			   "DROP INDEX CONCURRENTLY "
			   "\"public\".\"orders_code_idx\"",
			   "CREATE INDEX CONCURRENTLY orders_code_idx ON "
			   "public.orders USING btree (code)");
	assert_str_at(f, "evidence.duplicate_of", "orders_code_key");
	assert_str_at(f, "evidence.duplicate_of_constraint", "orders_code_key");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__duplicate_constraints__primary_key_kept(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "orders", NULL);
	fx_index(&fx, "orders", "orders_id_key", KEYS1(K("id")),
		 "{\"oid\":100,\"is_unique\":true,"
		 "\"constraint\":\"orders_id_key\","
		 "\"constraint_type\":\"unique\"}");
	fx_index(&fx, "orders", "orders_pkey", KEYS1(K("id")),
		 "{\"oid\":200,\"is_unique\":true,\"is_primary\":true,"
		 "\"constraint\":\"orders_pkey\","
		 "\"constraint_type\":\"primary_key\"}");
	fx_constraint(&fx, "orders", "orders_id_key", "unique", "[\"id\"]",
		      "{\"index\":\"orders_id_key\","
		      "\"definition\":\"UNIQUE (id)\"}");
	fx_constraint(&fx, "orders", "orders_pkey", "primary_key", "[\"id\"]",
		      "{\"index\":\"orders_pkey\","
		      "\"definition\":\"PRIMARY KEY (id)\"}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "duplicate-index:orders_id_key");
	f = expect_finding(&res, "duplicate-index:orders_id_key", "low",
			   "ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT "
			   "\"orders_id_key\"",
			   "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT "
			   "\"orders_id_key\" UNIQUE (id)");
	assert_str_at(f, "action.kind", "drop_constraint");
	assert_str_at(f, "constraint", "orders_id_key");
	assert_str_at(f, "evidence.duplicate_of", "orders_pkey");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__three_duplicates__oldest_kept_others_reported(
	void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "orders", NULL);
	fx_index(&fx, "orders", "dup_b", KEYS1(K("status")), "{\"oid\":200}");
	fx_index(&fx, "orders", "dup_c", KEYS1(K("status")), "{\"oid\":300}");
	fx_index(&fx, "orders", "dup_a", KEYS1(K("status")), "{\"oid\":100}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "duplicate-index:dup_b", "duplicate-index:dup_c");
	assert_str_at(finding(&res, "duplicate-index:dup_b"),
		      "evidence.duplicate_of", "dup_a");
	assert_str_at(finding(&res, "duplicate-index:dup_c"),
		      "evidence.duplicate_of", "dup_a");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__kept_twin_unscanned__inherits_dropped_scans(
	void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	/* the planner used the newer twin: the older one is kept, and is not
	 * unused, since dropping the newer moves those scans to it */
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "orders", "z_old", KEYS1(K("status")),
		 "{\"oid\":100,\"scans\":0}");
	fx_index(&fx, "orders", "a_new", KEYS1(K("status")),
		 "{\"oid\":200,\"scans\":10}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "duplicate-index:a_new");
	result_release(&res);
	fx_release(&fx);

	/* the same for a redundant prefix whose cover was never scanned */
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "orders", "narrow", KEYS1(K("a")), "{\"scans\":10}");
	fx_index(&fx, "orders", "wide", KEYS2(K("a"), K("b")), "{\"scans\":0}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "redundant-index:narrow");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__same_input_twice__same_findings_as_once(
	void **state)
{
	struct fx fx;
	struct result once, twice;
	size_t len;
	char *copy;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "orders", NULL);
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
		 "{\"scans\":0}");
	fx_index(&fx, "orders", "orders_code_idx", KEYS1(K("code")), NULL);
	fx_run(&fx, &once);
	/* cat snap.ndjson snap.ndjson | ip-indexes */
	len = fx.nd.len;
	copy = malloc(len);
	assert_non_null(copy);
	memcpy(copy, fx.nd.data, len);
	adv_buf_add(&fx.nd, copy, len);
	free(copy);
	fx_run(&fx, &twice);
	EXPECT_ONLY(&once, "unused-index:orders_status_idx");
	EXPECT_ONLY(&twice, "unused-index:orders_status_idx");
	assert_string_equal(at_str(once.findings[0], "fingerprint"),
			    at_str(twice.findings[0], "fingerprint"));
	assert_true(at_num(twice.summaries[0], "index_count") == 2);
	assert_true(at_num(twice.summaries[0], "index_bytes") == 16384);
	result_release(&once);
	result_release(&twice);
	fx_release(&fx);
}

/* Two indexes on one table that look alike but are not duplicates. */
struct near_miss {
	const char *what;
	const char *keys_a, *extra_a;
	const char *keys_b, *extra_b;
};

static void adv_index_hygiene__near_miss_pairs__silent(void **state)
{
	static const struct near_miss cases[] = {
		{"partial vs full", KEYS1(K("status")),
		 "{\"predicate\":\"(deleted_at IS NULL)\"}", KEYS1(K("status")),
		 NULL},
		{"different predicates", KEYS1(K("status")),
		 "{\"predicate\":\"(deleted_at IS NULL)\"}", KEYS1(K("status")),
		 "{\"predicate\":\"(archived = false)\"}"},
		{"different INCLUDE sets", KEYS1(K("status")),
		 "{\"include\":[\"total\"]}", KEYS1(K("status")),
		 "{\"include\":[\"placed_at\"]}"},
		{"expression vs plain column", KEYS1(KEXPR("lower(email)")),
		 NULL, KEYS1(KT("email")), NULL},
		{"one DESC key of two", KEYS2(K("a"), KDESC("b")), NULL,
		 KEYS2(K("a"), K("b")), NULL},
		{"different opclass", KEYS1(KT("name")), NULL,
		 KEYS1(KOPC("name", "text_pattern_ops")), NULL},
		{"different collation", KEYS1(KT("name")), NULL,
		 KEYS1(KCOLL("name", "C")), NULL},
		{"hash vs btree", KEYS1(KHASH("code")), "{\"method\":\"hash\"}",
		 KEYS1(K("code")), NULL},
		{"same columns, other order", KEYS2(K("a"), K("b")), NULL,
		 KEYS2(K("b"), K("a")), NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct fx fx;
		struct result res;

		fx_init(&fx);
		fx_snapshot(&fx, DAYS_30_AGO);
		fx_table(&fx, "orders", NULL);
		fx_index(&fx, "orders", "ix_a", cases[i].keys_a,
			 cases[i].extra_a);
		fx_index(&fx, "orders", "ix_b", cases[i].keys_b,
			 cases[i].extra_b);
		fx_run(&fx, &res);
		if (res.nfindings != 0) {
			char all[1024];

			list_findings(&res, all, sizeof(all));
			fail_msg("%s: want no findings, got %s", cases[i].what,
				 all);
		}
		result_release(&res);
		fx_release(&fx);
	}
}

/* ---- redundant-index --------------------------------------------------- */

static void adv_index_hygiene__prefix_of_wider_index__redundant_low(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "orders", NULL);
	fx_index(&fx, "orders", "orders_customer_idx", KEYS1(K("customer_id")),
		 NULL);
	fx_index(&fx, "orders", "orders_customer_placed_idx",
		 KEYS2(K("customer_id"), KDESC("placed_at")), NULL);
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "redundant-index:orders_customer_idx");
	f = expect_finding(&res, "redundant-index:orders_customer_idx", "low",
			   "DROP INDEX CONCURRENTLY "
			   "\"public\".\"orders_customer_idx\"",
			   "CREATE INDEX CONCURRENTLY orders_customer_idx ON "
			   "public.orders USING btree (customer_id)");
	assert_str_at(f, "evidence.covered_by", "orders_customer_placed_idx");
	assert_str_at(f, "message",
		      "index 'public.orders_customer_idx' (customer_id) is "
		      "redundant: 'public.orders_customer_placed_idx' "
		      "(customer_id, placed_at DESC) serves the same lookups "
		      "(8.0 kB)");
	assert_true(at_num(f, "impact.reclaim_bytes") == 8192);
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__prefix_variants__redundant_or_silent(
	void **state)
{
	static const struct {
		const char *what;
		const char *keys, *extra; /* the narrow index "narrow" */
		int redundant;
	} cases[] = {
		{"plain prefix", KEYS1(K("a")), NULL, 1},
		{"prefix scanned backwards", KEYS1(KDESC("a")), NULL, 1},
		{"INCLUDE column that is a key of the wider", KEYS1(K("a")),
		 "{\"include\":[\"b\"]}", 1},
		{"unique prefix enforces something", KEYS1(K("a")),
		 "{\"is_unique\":true}", 0},
		{"constraint prefix", KEYS1(K("a")),
		 "{\"constraint\":\"t_a_excl\",\"constraint_type\":\"exclusion\"}",
		 0},
		{"primary key prefix", KEYS1(K("a")),
		 "{\"is_primary\":true,\"is_unique\":true}", 0},
		{"different predicate", KEYS1(K("a")),
		 "{\"predicate\":\"(a > 0)\"}", 0},
		{"INCLUDE column the wider lacks", KEYS1(K("a")),
		 "{\"include\":[\"c\"]}", 0},
		{"not a leading prefix", KEYS1(K("b")), NULL, 0},
		{"other opclass", KEYS1(KOPC("a", "int4_minmax_ops")), NULL, 0},
		{"hash index", KEYS1(KHASH("a")), "{\"method\":\"hash\"}", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct fx fx;
		struct result res;

		fx_init(&fx);
		fx_snapshot(&fx, DAYS_30_AGO);
		fx_table(&fx, "t", NULL);
		fx_index(&fx, "t", "narrow", cases[i].keys, cases[i].extra);
		fx_index(&fx, "t", "wide", KEYS2(K("a"), K("b")), NULL);
		fx_run(&fx, &res);
		if (cases[i].redundant) {
			if (res.nfindings != 1)
				fail_msg("%s: want one finding, got %zu",
					 cases[i].what, res.nfindings);
			EXPECT_ONLY(&res, "redundant-index:narrow");
			assert_str_at(finding(&res, "redundant-index:narrow"),
				      "evidence.covered_by", "wide");
		} else if (res.nfindings != 0) {
			char all[1024];

			list_findings(&res, all, sizeof(all));
			fail_msg("%s: want no findings, got %s", cases[i].what,
				 all);
		}
		result_release(&res);
		fx_release(&fx);
	}
}

static void adv_index_hygiene__reversed_twins__only_the_newer_goes(void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	/* (a) and (a DESC) serve the same lookups (a btree scans both ways):
	 * each is redundant to the other, but dropping both loses both */
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "t", "a_desc", KEYS1(KDESC("a")), "{\"oid\":200}");
	fx_index(&fx, "t", "a_asc", KEYS1(K("a")), "{\"oid\":100}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "redundant-index:a_desc");
	assert_str_at(finding(&res, "redundant-index:a_desc"),
		      "evidence.covered_by", "a_asc");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__wider_index_partial__narrow_not_redundant(
	void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "t", NULL);
	fx_index(&fx, "t", "narrow", KEYS1(K("a")), NULL);
	fx_index(&fx, "t", "wide", KEYS3(K("a"), K("b"), K("c")),
		 "{\"predicate\":\"(c IS NOT NULL)\"}");
	fx_run(&fx, &res);
	expect_none(&res);
	result_release(&res);
	fx_release(&fx);
}

/* ---- invalid-index ----------------------------------------------------- */

static void adv_index_hygiene__invalid_index__medium_drop(void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "orders", NULL);
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")), NULL);
	/* what a failed CREATE INDEX CONCURRENTLY of a twin leaves */
	fx_index(&fx, "orders", "orders_status_idx_ccnew", KEYS1(K("status")),
		 "{\"is_valid\":false,\"scans\":0}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "invalid-index:orders_status_idx_ccnew");
	f = expect_finding(&res, "invalid-index:orders_status_idx_ccnew",
			   "medium",
			   "DROP INDEX CONCURRENTLY "
			   "\"public\".\"orders_status_idx_ccnew\"",
			   "CREATE INDEX CONCURRENTLY orders_status_idx_ccnew "
			   "ON public.orders USING btree (status)");
	assert_str_at(
		f, "message",
		"index 'public.orders_status_idx_ccnew' is invalid, likely "
		"left by a failed CREATE INDEX CONCURRENTLY: queries never "
		"use it, yet every write still maintains it");
	assert_true(cJSON_IsFalse(at(f, "evidence.is_valid")));
	assert_true(cJSON_IsTrue(at(f, "evidence.is_ready")));
	assert_true(at_num(f, "impact.reclaim_bytes") == 8192);
	result_release(&res);
	fx_release(&fx);
}

static void
adv_index_hygiene__invalid_index_variants__message_says_what_it_costs(
	void **state)
{
	static const struct {
		const char *extra;
		const char *create, *tail;
	} cases[] = {
		{"{\"is_valid\":false,\"is_ready\":true,\"is_unique\":true}",
		 "CREATE UNIQUE INDEX CONCURRENTLY",
		 ": queries never use it, yet every write still maintains it "
		 "and checks its uniqueness"},
		{"{\"is_valid\":false,\"is_ready\":true}",
		 "CREATE INDEX CONCURRENTLY",
		 ": queries never use it, yet every write still maintains it"},
		{"{\"is_valid\":false,\"is_ready\":false}",
		 "CREATE INDEX CONCURRENTLY", ": queries never use it"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct fx fx;
		struct result res;
		char want[512];

		fx_init(&fx);
		fx_snapshot(&fx, DAYS_30_AGO);
		fx_index(&fx, "orders", "bad_idx", KEYS1(K("code")),
			 cases[i].extra);
		fx_run(&fx, &res);
		EXPECT_ONLY(&res, "invalid-index:bad_idx");
		snprintf(want, sizeof(want),
			 "index 'public.bad_idx' is invalid, likely left by a "
			 "failed %s%s",
			 cases[i].create, cases[i].tail);
		assert_str_at(finding(&res, "invalid-index:bad_idx"), "message",
			      want);
		result_release(&res);
		fx_release(&fx);
	}
}

static void adv_index_hygiene__invalid_partitioned_or_unknown__silent(
	void **state)
{
	static const char *const extras[] = {
		"{\"is_valid\":false,\"is_partitioned\":true,\"scans\":null}",
		"{\"is_valid\":null}",
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(extras); i++) {
		struct fx fx;
		struct result res;

		fx_init(&fx);
		fx_snapshot(&fx, DAYS_30_AGO);
		fx_table(&fx, "events", "{\"kind\":\"partitioned\"}");
		fx_index(&fx, "events", "events_kind_idx", KEYS1(K("kind")),
			 extras[i]);
		fx_run(&fx, &res);
		expect_none(&res);
		result_release(&res);
		fx_release(&fx);
	}
}

/* ---- foreign-key-without-index ----------------------------------------- */

static void fk_fixture(struct fx *fx)
{
	fx_init(fx);
	fx_snapshot(fx, DAYS_30_AGO);
	fx_table(fx, "customers", "{\"n_tup_upd\":3,\"n_tup_del\":4}");
	fx_table(fx, "orders", "{\"estimated_rows\":5000}");
}

static void adv_index_hygiene__fk_without_index__medium_create_with_rollback(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fk_fixture(&fx);
	fx_fk(&fx, "orders", "orders_customer_id_fkey", "[\"customer_id\"]",
	      "customers", NULL);
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "foreign-key-without-index:orders_customer_id_fkey");
	f = expect_finding(
		&res, "foreign-key-without-index:orders_customer_id_fkey",
		"medium",
		"CREATE INDEX CONCURRENTLY \"orders_customer_id_idx\" "
		"ON \"public\".\"orders\" (\"customer_id\")",
		"DROP INDEX CONCURRENTLY "
		"\"public\".\"orders_customer_id_idx\"");
	assert_str_at(f, "action.kind", "create_index");
	assert_true(cJSON_IsTrue(at(f, "action.online")));
	assert_str_at(f, "index", NULL);
	assert_str_at(f, "table", "orders");
	assert_str_at(f, "evidence.suggested_index", "orders_customer_id_idx");
	assert_str_at(f, "evidence.parent_table", "customers");
	assert_true(at_num(f, "evidence.parent_updates_deletes") == 7);
	assert_true(at_num(f, "evidence.table_rows") == 5000);
	assert_str_at(
		f, "message",
		"foreign key 'orders_customer_id_fkey' on 'public.orders' "
		"(customer_id) has no index with those leading columns: "
		"every update or delete of a row of 'public.customers' "
		"scans 'public.orders'");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__fk_index_variants__served_or_reported(
	void **state)
{
	static const struct {
		const char *what;
		const char *fk_columns;
		const char *keys, *extra;
		int served;
	} cases[] = {
		{"exact index", "[\"a\"]", KEYS1(K("a")), NULL, 1},
		{"leading column of a wider index", "[\"a\"]",
		 KEYS2(K("a"), K("created_at")), NULL, 1},
		{"two columns, same order", "[\"a\",\"b\"]",
		 KEYS2(K("a"), K("b")), NULL, 1},
		{"two columns, other order", "[\"a\",\"b\"]",
		 KEYS3(K("b"), K("a"), K("c")), NULL, 1},
		{"descending key", "[\"a\"]", KEYS1(KDESC("a")), NULL, 1},
		{"unique index", "[\"a\"]", KEYS1(K("a")),
		 "{\"is_unique\":true}", 1},
		{"single-column hash", "[\"a\"]", KEYS1(KHASH("a")),
		 "{\"method\":\"hash\"}", 1},
		{"partial index", "[\"a\"]", KEYS1(K("a")),
		 "{\"predicate\":\"(a IS NOT NULL)\"}", 0},
		{"column not leading", "[\"a\"]", KEYS2(K("x"), K("a")), NULL,
		 0},
		{"only some columns", "[\"a\",\"b\"]", KEYS1(K("a")), NULL, 0},
		{"columns split by another", "[\"a\",\"b\"]",
		 KEYS3(K("a"), K("c"), K("b")), NULL, 0},
		{"expression on the column", "[\"a\"]", KEYS1(KEXPR("(a + 0)")),
		 NULL, 0},
		{"gin index", "[\"a\"]", KEYS1(KHASH("a")),
		 "{\"method\":\"gin\"}", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct fx fx;
		struct result res;

		fk_fixture(&fx);
		fx_index(&fx, "orders", "orders_some_idx", cases[i].keys,
			 cases[i].extra);
		fx_fk(&fx, "orders", "orders_fk", cases[i].fk_columns,
		      "customers", NULL);
		fx_run(&fx, &res);
		if (cases[i].served && res.nfindings != 0) {
			char all[1024];

			list_findings(&res, all, sizeof(all));
			fail_msg("%s: want no findings, got %s", cases[i].what,
				 all);
		}
		if (!cases[i].served) {
			if (res.nfindings != 1)
				fail_msg("%s: want 1 finding, got %zu",
					 cases[i].what, res.nfindings);
			EXPECT_ONLY(&res,
				    "foreign-key-without-index:orders_fk");
		}
		result_release(&res);
		fx_release(&fx);
	}
}

static void adv_index_hygiene__fk_served_only_by_invalid_index__both_reported(
	void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	fk_fixture(&fx);
	fx_index(&fx, "orders", "orders_a_idx", KEYS1(K("a")),
		 "{\"is_valid\":false}");
	fx_fk(&fx, "orders", "orders_fk", "[\"a\"]", "customers", NULL);
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "invalid-index:orders_a_idx",
		    "foreign-key-without-index:orders_fk");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__fk_suggested_name_taken__numbered(void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fk_fixture(&fx);
	/* a relation already has the natural name */
	fx_index(&fx, "orders", "orders_customer_id_idx", KEYS1(K("status")),
		 NULL);
	fx_fk(&fx, "orders", "orders_customer_id_fkey", "[\"customer_id\"]",
	      "customers", NULL);
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "foreign-key-without-index:orders_customer_id_fkey");
	f = expect_finding(
		&res, "foreign-key-without-index:orders_customer_id_fkey",
		"medium",
		"CREATE INDEX CONCURRENTLY \"orders_customer_id_idx1\" "
		"ON \"public\".\"orders\" (\"customer_id\")",
		"DROP INDEX CONCURRENTLY "
		"\"public\".\"orders_customer_id_idx1\"");
	assert_str_at(f, "evidence.suggested_index", "orders_customer_id_idx1");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__fk_on_partitioned_table__create_not_concurrent(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "customers", NULL);
	fx_table(&fx, "events", "{\"kind\":\"partitioned\"}");
	fx_table(&fx, "events_2026", "{\"is_partition\":true}");
	fx_fk(&fx, "events", "events_customer_id_fkey", "[\"customer_id\"]",
	      "customers", NULL);
	/* the partition's copy of the key is inherited: not reported twice */
	fx_fk(&fx, "events_2026", "events_customer_id_fkey",
	      "[\"customer_id\"]", "customers", "{\"is_inherited\":true}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "foreign-key-without-index:events_customer_id_fkey");
	f = expect_finding(&res,
			   "foreign-key-without-index:events_customer_id_fkey",
			   "medium",
			   "CREATE INDEX \"events_customer_id_idx\" ON "
			   "\"public\".\"events\" (\"customer_id\")",
			   "DROP INDEX \"public\".\"events_customer_id_idx\"");
	assert_str_at(f, "table", "events");
	assert_true(cJSON_IsFalse(at(f, "action.online")));
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__fk_two_columns__index_named_and_quoted(
	void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	fk_fixture(&fx);
	fx_fk(&fx, "orders", "orders_ref_fkey", "[\"tenant_id\",\"ref_id\"]",
	      "customers", NULL);
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "foreign-key-without-index:orders_ref_fkey");
	expect_finding(&res, "foreign-key-without-index:orders_ref_fkey",
		       "medium",
		       "CREATE INDEX CONCURRENTLY "
		       "\"orders_tenant_id_ref_id_idx\" ON "
		       "\"public\".\"orders\" (\"tenant_id\", \"ref_id\")",
		       "DROP INDEX CONCURRENTLY "
		       "\"public\".\"orders_tenant_id_ref_id_idx\"");
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__absurd_size_bytes__rejected_or_sane_message(
	void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "orders", "orders_status_idx", KEYS1(K("status")),
		 "{\"scans\":0,\"size_bytes\":1e300}");
	fx_run_full(&fx, 7 * DAY, 1, &res);
	if (res.st == ADV_EINPUT) {
		unit_assert_contains(res.err.message, "size_bytes");
	} else {
		assert_int_equal(res.st, ADV_OK);
		EXPECT_ONLY(&res, "unused-index:orders_status_idx");
		unit_assert_not_contains(
			at_str(finding(&res, "unused-index:orders_status_idx"),
			       "message"),
			"(-");
	}
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__fk_with_unknown_parent__no_crash(void **state)
{
	static const char *const extras[] = {
		"{\"ref_schema\":null}",
		"{\"ref_table\":null}",
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(extras); i++) {
		struct fx fx;
		struct result res;

		fk_fixture(&fx);
		fx_fk(&fx, "orders", "orders_customer_id_fkey",
		      "[\"customer_id\"]", "customers", extras[i]);
		fx_run_full(&fx, 7 * DAY, 1, &res);
		if (res.st == ADV_EINPUT) {
			unit_assert_contains(res.err.message, "ref_");
		} else {
			assert_int_equal(res.st, ADV_OK);
			EXPECT_ONLY(&res, "foreign-key-without-index:"
					  "orders_customer_id_fkey");
		}
		result_release(&res);
		fx_release(&fx);
	}
}

/* ---- partitioned indexes ----------------------------------------------- */

static void partitioned_fixture(struct fx *fx, int parent_scans,
				int child1_scans, int child2_scans)
{
	char parent[512], child[512];

	fx_init(fx);
	fx_snapshot(fx, DAYS_30_AGO);
	fx_table(fx, "events", "{\"kind\":\"partitioned\",\"size_bytes\":0}");
	fx_table(fx, "events_2026_01", "{\"is_partition\":true}");
	fx_table(fx, "events_2026_02", "{\"is_partition\":true}");
	/* the collector sums the leaves' scans and sizes into the parent */
	snprintf(parent, sizeof(parent),
		 "{\"is_partitioned\":true,\"scans\":%d,\"size_bytes\":16384}",
		 parent_scans);
	fx_index(fx, "events", "events_kind_idx", KEYS1(K("kind")), parent);
	snprintf(child, sizeof(child),
		 "{\"scans\":%d,\"parent_schema\":\"public\","
		 "\"parent_index\":\"events_kind_idx\"}",
		 child1_scans);
	fx_index(fx, "events_2026_01", "events_2026_01_kind_idx",
		 KEYS1(K("kind")), child);
	snprintf(child, sizeof(child),
		 "{\"scans\":%d,\"parent_schema\":\"public\","
		 "\"parent_index\":\"events_kind_idx\"}",
		 child2_scans);
	fx_index(fx, "events_2026_02", "events_2026_02_kind_idx",
		 KEYS1(K("kind")), child);
}

static void
adv_index_hygiene__unused_partitioned_index__parent_dropped_on_not_on_only(
	void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *f;

	(void)state;
	partitioned_fixture(&fx, 0, 0, 0);
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "unused-index:events_kind_idx");
	f = expect_finding(&res, "unused-index:events_kind_idx", "medium",
			   "DROP INDEX \"public\".\"events_kind_idx\"",
			   "CREATE INDEX events_kind_idx ON public.events "
			   "USING btree (kind)");
	assert_true(cJSON_IsFalse(at(f, "action.online")));
	assert_true(at_num(f, "impact.reclaim_bytes") == 16384);
	/* the parent has no storage of its own: counted once, in the leaves */
	assert_true(at_num(res.summaries[0], "index_count") == 3);
	assert_true(at_num(res.summaries[0], "index_bytes") == 16384);
	assert_true(at_num(res.summaries[0], "reclaimable_bytes") == 16384);
	result_release(&res);
	fx_release(&fx);
}

static void
adv_index_hygiene__partitioned_index_used_somewhere__children_silent(
	void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	/* one partition's index is never scanned; the parent's sum is 7 */
	partitioned_fixture(&fx, 7, 0, 7);
	fx_run(&fx, &res);
	expect_none(&res);
	result_release(&res);
	fx_release(&fx);
}

/* ---- quoting ------------------------------------------------------------ */

static void adv_index_hygiene__hostile_names__quoted_in_sql(void **state)
{
	struct fx fx;
	struct result res;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "order\"s", "idx; DROP TABLE x", KEYS1(K("status")),
		 "{\"schema\":\"my schema\",\"scans\":0,\"definition\":"
		 "\"CREATE INDEX \\\"idx; DROP TABLE x\\\" ON \\\"my "
		 "schema\\\".\\\"order\\\"\\\"s\\\" USING btree (status)\"}");
	fx_table(&fx, "customers", NULL);
	fx_constraint(&fx, "line items", "li_fk", "foreign_key",
		      "[\"order\\\"id\"]",
		      "{\"schema\":\"my schema\",\"ref_schema\":\"public\","
		      "\"ref_table\":\"customers\",\"ref_columns\":[\"id\"]}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "unused-index:idx; DROP TABLE x",
		    "foreign-key-without-index:li_fk");
	expect_finding(&res, "unused-index:idx; DROP TABLE x", "medium",
		       "DROP INDEX CONCURRENTLY \"my schema\".\"idx; DROP "
		       "TABLE x\"",
		       "CREATE INDEX CONCURRENTLY \"idx; DROP TABLE x\" ON "
		       "\"my schema\".\"order\"\"s\" USING btree (status)");
	expect_finding(
		&res, "foreign-key-without-index:li_fk", "medium",
		"CREATE INDEX CONCURRENTLY \"line items_order\"\"id_idx\" "
		"ON \"my schema\".\"line items\" (\"order\"\"id\")",
		"DROP INDEX CONCURRENTLY \"my schema\".\"line "
		"items_order\"\"id_idx\"");
	result_release(&res);
	fx_release(&fx);
}

/* ---- summary ------------------------------------------------------------ */

static void adv_index_hygiene__summary__counts_sizes_and_rules(void **state)
{
	struct fx fx;
	struct result res;
	const cJSON *s;
	char *keys, *by_rule, *by_severity;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_table(&fx, "orders", NULL);
	fx_table(&fx, "customers", NULL);
	fx_index(&fx, "orders", "orders_pkey", KEYS1(K("id")),
		 "{\"is_primary\":true,\"is_unique\":true,\"size_bytes\":16384,"
		 "\"constraint\":\"orders_pkey\"}");
	fx_index(&fx, "orders", "orders_a_idx", KEYS1(K("a")),
		 "{\"scans\":0,\"size_bytes\":8192}");
	fx_index(&fx, "orders", "orders_b_idx", KEYS1(K("b")),
		 "{\"oid\":1,\"size_bytes\":8192}");
	fx_index(&fx, "orders", "orders_b_idx2", KEYS1(K("b")),
		 "{\"oid\":2,\"size_bytes\":4096}");
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "unused-index:orders_a_idx",
		    "duplicate-index:orders_b_idx2");
	assert_int_equal(res.nsummaries, 1);
	s = res.summaries[0];
	keys = unit_json_keys(s);
	assert_string_equal(keys, "type,v,ts,src,tool,table_count,index_count,"
				  "index_bytes,reclaimable_bytes,node_count,"
				  "finding_count,suppressed_count,"
				  "findings_by_rule,findings_by_severity");
	assert_str_at(s, "tool", "ip-indexes");
	assert_str_at(s, "ts", NOW);
	assert_str_at(s, "src.host", "db1");
	assert_true(at_num(s, "table_count") == 2);
	assert_true(at_num(s, "index_count") == 4);
	assert_true(at_num(s, "index_bytes") == 16384 + 8192 + 8192 + 4096);
	assert_true(at_num(s, "reclaimable_bytes") == 8192 + 4096);
	assert_true(at_num(s, "node_count") == 1);
	assert_true(at_num(s, "finding_count") == 2);
	assert_true(at_num(s, "suppressed_count") == 0);
	by_rule = unit_json_text(at(s, "findings_by_rule"));
	assert_string_equal(by_rule,
			    "{\"duplicate-index\":1,\"unused-index\":1}");
	by_severity = unit_json_text(at(s, "findings_by_severity"));
	assert_string_equal(by_severity, "{\"info\":0,\"low\":0,\"medium\":2,"
					 "\"high\":0,\"critical\":0}");
	free(keys);
	free(by_rule);
	free(by_severity);
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__two_databases__one_summary_each(void **state)
{
	struct fx fx;
	struct result res;
	size_t i;

	(void)state;
	fx_init(&fx);
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "orders", "orders_a_idx", KEYS1(K("a")), "{\"scans\":0}");
	fx.database = "billing";
	fx_snapshot(&fx, DAYS_30_AGO);
	fx_index(&fx, "invoices", "invoices_a_idx", KEYS1(K("a")), NULL);
	fx_run(&fx, &res);
	EXPECT_ONLY(&res, "unused-index:orders_a_idx");
	assert_str_at(finding(&res, "unused-index:orders_a_idx"),
		      "src.database", "shop");
	assert_int_equal(res.nsummaries, 2);
	for (i = 0; i < res.nsummaries; i++) {
		const char *db = at_str(res.summaries[i], "src.database");

		assert_non_null(db);
		if (strcmp(db, "shop") == 0) {
			assert_true(at_num(res.summaries[i], "finding_count") ==
				    1);
			assert_true(at_num(res.summaries[i],
					   "reclaimable_bytes") == 8192);
		} else {
			assert_string_equal(db, "billing");
			assert_true(at_num(res.summaries[i], "finding_count") ==
				    0);
			assert_true(at_num(res.summaries[i],
					   "reclaimable_bytes") == 0);
		}
	}
	result_release(&res);
	fx_release(&fx);
}

static void adv_index_hygiene__same_facts_twice__same_fingerprints(void **state)
{
	struct fx a, b;
	struct result ra, rb;

	(void)state;
	/* staging and production: other hosts and clusters, same database */
	fx_init(&a);
	fx_snapshot(&a, DAYS_30_AGO);
	fx_index(&a, "orders", "orders_a_idx", KEYS1(K("a")), "{\"scans\":0}");
	fx_init(&b);
	fx_node(&b, "prod-7", "primary", "1234");
	fx_snapshot(&b, DAYS_30_AGO);
	fx_index(&b, "orders", "orders_a_idx", KEYS1(K("a")), "{\"scans\":0}");
	fx_run(&a, &ra);
	fx_run(&b, &rb);
	assert_int_equal(ra.nfindings, 1);
	assert_int_equal(rb.nfindings, 1);
	assert_string_equal(at_str(ra.findings[0], "fingerprint"),
			    at_str(rb.findings[0], "fingerprint"));
	result_release(&ra);
	result_release(&rb);
	fx_release(&a);
	fx_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_index_hygiene__unused_index__medium_drop_with_rollback),
		cmocka_unit_test(
			adv_index_hygiene__unused_but_enforcing__silent),
		cmocka_unit_test(
			adv_index_hygiene__used_on_replica_same_cluster__not_unused),
		cmocka_unit_test(
			adv_index_hygiene__unused_on_primary_and_replica__two_nodes),
		cmocka_unit_test(
			adv_index_hygiene__used_on_replica_of_other_cluster__not_summed),
		cmocka_unit_test(
			adv_index_hygiene__window_shorter_than_min_observed__info_no_action),
		cmocka_unit_test(
			adv_index_hygiene__unknown_window__info_no_verdict),
		cmocka_unit_test(adv_index_hygiene__no_statistics__silent),
		cmocka_unit_test(
			adv_index_hygiene__unused_fk_supporting_index__low_with_evidence),
		cmocka_unit_test(
			adv_index_hygiene__duplicate_plain__older_oid_kept),
		cmocka_unit_test(
			adv_index_hygiene__duplicate_of_constraint_index__constraint_kept),
		cmocka_unit_test(
			adv_index_hygiene__duplicate_constraints__primary_key_kept),
		cmocka_unit_test(
			adv_index_hygiene__three_duplicates__oldest_kept_others_reported),
		cmocka_unit_test(
			adv_index_hygiene__kept_twin_unscanned__inherits_dropped_scans),
		cmocka_unit_test(
			adv_index_hygiene__same_input_twice__same_findings_as_once),
		cmocka_unit_test(adv_index_hygiene__near_miss_pairs__silent),
		cmocka_unit_test(
			adv_index_hygiene__prefix_of_wider_index__redundant_low),
		cmocka_unit_test(
			adv_index_hygiene__prefix_variants__redundant_or_silent),
		cmocka_unit_test(
			adv_index_hygiene__reversed_twins__only_the_newer_goes),
		cmocka_unit_test(
			adv_index_hygiene__wider_index_partial__narrow_not_redundant),
		cmocka_unit_test(adv_index_hygiene__invalid_index__medium_drop),
		cmocka_unit_test(
			adv_index_hygiene__invalid_index_variants__message_says_what_it_costs),
		cmocka_unit_test(
			adv_index_hygiene__invalid_partitioned_or_unknown__silent),
		cmocka_unit_test(
			adv_index_hygiene__fk_without_index__medium_create_with_rollback),
		cmocka_unit_test(
			adv_index_hygiene__fk_index_variants__served_or_reported),
		cmocka_unit_test(
			adv_index_hygiene__fk_served_only_by_invalid_index__both_reported),
		cmocka_unit_test(
			adv_index_hygiene__fk_suggested_name_taken__numbered),
		cmocka_unit_test(
			adv_index_hygiene__fk_on_partitioned_table__create_not_concurrent),
		cmocka_unit_test(
			adv_index_hygiene__fk_two_columns__index_named_and_quoted),
		cmocka_unit_test(
			adv_index_hygiene__absurd_size_bytes__rejected_or_sane_message),
		cmocka_unit_test(
			adv_index_hygiene__fk_with_unknown_parent__no_crash),
		cmocka_unit_test(
			adv_index_hygiene__unused_partitioned_index__parent_dropped_on_not_on_only),
		cmocka_unit_test(
			adv_index_hygiene__partitioned_index_used_somewhere__children_silent),
		cmocka_unit_test(
			adv_index_hygiene__hostile_names__quoted_in_sql),
		cmocka_unit_test(
			adv_index_hygiene__summary__counts_sizes_and_rules),
		cmocka_unit_test(
			adv_index_hygiene__two_databases__one_summary_each),
		cmocka_unit_test(
			adv_index_hygiene__same_facts_twice__same_fingerprints),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
