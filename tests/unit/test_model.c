#include "unit.h"

#include <math.h>

#include "model.h"

#define T1 "2026-11-21T10:00:00.000000Z"
#define T2 "2026-11-21T11:00:00.000000Z"
#define T3 "2026-11-21T12:00:00.000000Z"

#define SRC(host, cluster, role, db)                                      \
	"{\"engine\":\"postgresql\",\"host\":\"" host "\",\"port\":5432," \
	"\"database\":\"" db "\",\"cluster\":" cluster ",\"role\":" role "}"
#define PRIMARY SRC("db1", "\"C1\"", "\"primary\"", "shop")
#define REPLICA SRC("db2", "\"C1\"", "\"replica\"", "shop")

/* A record line: REC("index", T1, PRIMARY, ",\"schema\":\"public\"") */
#define REC(type, ts, src, rest) \
	"{\"type\":\"" type "\",\"v\":1,\"ts\":\"" ts "\",\"src\":" src rest "}"

#define INDEX_KEYS(schema, table, index)                \
	",\"schema\":\"" schema "\",\"table\":\"" table \
	"\",\"index\":\"" index "\",\"keys\":[{\"column\":\"a\"}]"
#define TABLE_KEYS(schema, table) \
	",\"schema\":\"" schema "\",\"table\":\"" table "\""

static void add_ok(struct adv_model *m, const char *json)
{
	struct adv_error err;
	cJSON *rec = unit_json(json);

	adv_error_init(&err);
	if (adv_model_add(m, rec, "f.ndjson:3", &err) != ADV_OK)
		fail_msg("%s: %s", json, err.message);
	cJSON_Delete(rec);
}

static void adv_model_add__facts_of_one_collection__one_snapshot(void **state)
{
	struct adv_model m;
	struct adv_model_snapshot *s;

	(void)state;
	adv_model_init(&m);
	add_ok(&m, REC("snapshot", T1, PRIMARY,
		       ",\"server_version\":\"15.18\","
		       "\"stats_reset\":\"2026-11-01T10:00:00Z\""));
	add_ok(&m, REC("table", T1, PRIMARY, TABLE_KEYS("public", "orders")));
	add_ok(&m, REC("index", T1, PRIMARY,
		       INDEX_KEYS("public", "orders", "orders_pkey")));
	add_ok(&m, REC("constraint", T1, PRIMARY,
		       ",\"schema\":\"public\",\"table\":\"orders\","
		       "\"constraint\":\"orders_pkey\","
		       "\"constraint_type\":\"primary_key\","
		       "\"columns\":[\"id\"]"));
	/* the next collection of the same node */
	add_ok(&m, REC("index", T2, PRIMARY,
		       INDEX_KEYS("public", "orders", "orders_pkey")));
	assert_int_equal(m.nsnapshots, 2);
	s = m.snapshots[0];
	assert_int_equal(s->explicit, 1);
	assert_string_equal(s->ts, T1);
	assert_string_equal(s->server_version, "15.18");
	assert_int_equal(s->ntables, 1);
	assert_int_equal(s->nindexes, 1);
	assert_int_equal(s->nconstraints, 1);
	assert_ptr_equal(s->indexes[0]->snap, s);
	assert_string_equal(s->constraints[0]->columns[0], "id");
	s = m.snapshots[1];
	assert_int_equal(s->explicit, 0);
	assert_int_equal(s->has_window, 0);
	assert_int_equal(s->nindexes, 1);
	adv_model_release(&m);
}

static void adv_model_add__facts_before_snapshot_record__joined_with_its_src(
	void **state)
{
	struct adv_model m;
	struct adv_model_snapshot *s;

	(void)state;
	adv_model_init(&m);
	add_ok(&m, REC("index", T1, SRC("db1", "null", "null", "shop"),
		       INDEX_KEYS("public", "orders", "a_idx")));
	add_ok(&m, REC("snapshot", T1, PRIMARY, ""));
	add_ok(&m, REC("index", T1, PRIMARY,
		       INDEX_KEYS("public", "orders", "b_idx")));
	assert_int_equal(m.nsnapshots, 1);
	s = m.snapshots[0];
	assert_int_equal(s->explicit, 1);
	assert_int_equal(s->nindexes, 2);
	assert_string_equal(s->src.cluster, "C1");
	assert_string_equal(s->src.role, "primary");
	adv_model_release(&m);
}

static void adv_model_add__no_snapshot_record__implicit_unknown_window(
	void **state)
{
	struct adv_model m;
	struct adv_model_snapshot *s;
	double epoch;

	(void)state;
	adv_model_init(&m);
	add_ok(&m, REC("index", T1, PRIMARY,
		       INDEX_KEYS("public", "orders", "a_idx")));
	add_ok(&m, REC("table", T1, PRIMARY, TABLE_KEYS("public", "orders")));
	assert_int_equal(m.nsnapshots, 1);
	s = m.snapshots[0];
	assert_int_equal(s->explicit, 0);
	assert_int_equal(s->has_window, 0);
	assert_int_equal(adv_ts_parse(T1, &epoch), 0);
	assert_true(s->ts_epoch == epoch);
	adv_model_release(&m);
}

static void adv_model_add__snapshot_times__statistics_window_start(void **state)
{
	static const struct {
		const char *rest;
		int has_window;
		const char *start;
	} cases[] = {
		{",\"stats_reset\":\"2026-11-01T10:00:00Z\","
		 "\"postmaster_start\":\"2026-10-01T00:00:00Z\"",
		 1, "2026-11-01T10:00:00Z"},
		{",\"stats_reset\":null,"
		 "\"postmaster_start\":\"2026-10-01 02:00:00+02\"",
		 1, "2026-10-01T00:00:00Z"},
		{",\"stats_reset\":null,\"postmaster_start\":null", 0, NULL},
		{"", 0, NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_model m;
		char line[512];

		adv_model_init(&m);
		snprintf(line, sizeof(line), "%s%s}",
			 "{\"type\":\"snapshot\",\"v\":1,\"ts\":\"" T1
			 "\",\"src\":" PRIMARY,
			 cases[i].rest);
		add_ok(&m, line);
		assert_int_equal(m.snapshots[0]->has_window,
				 cases[i].has_window);
		if (cases[i].start != NULL) {
			double want;

			assert_int_equal(adv_ts_parse(cases[i].start, &want),
					 0);
			assert_true(fabs(m.snapshots[0]->window_start - want) <
				    1e-6);
		}
		adv_model_release(&m);
	}
}

static void adv_model_add__wrong_key_types__einput_naming_key_and_where(
	void **state)
{
	static const struct {
		const char *json;
		const char *message;
	} cases[] = {
		{REC("index", T1, PRIMARY,
		     INDEX_KEYS("public", "t", "i") ",\"scans\":\"12\""),
		 "key 'scans' must be a number at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     INDEX_KEYS("public", "t", "i") ",\"is_unique\":\"yes\""),
		 "key 'is_unique' must be true or false at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     INDEX_KEYS("public", "t", "i") ",\"size_bytes\":\"8 kB\""),
		 "key 'size_bytes' must be a number at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     ",\"schema\":[\"public\"],\"table\":\"t\",\"index\":\"i\""),
		 "key 'schema' must be a string at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     ",\"schema\":\"public\",\"table\":\"t\",\"index\":\"i\","
		     "\"keys\":{}"),
		 "key 'keys' must be an array at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     ",\"schema\":\"public\",\"table\":\"t\",\"index\":\"i\","
		     "\"keys\":[{\"column\":\"a\"},1]"),
		 "key 'keys' must be an array of objects at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     ",\"schema\":\"public\",\"table\":\"t\",\"index\":\"i\","
		     "\"keys\":[{\"column\":5}]"),
		 "key 'column' must be a string at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     ",\"schema\":\"public\",\"table\":\"t\",\"index\":\"i\","
		     "\"keys\":[{\"column\":\"a\",\"opclass_default\":1}]"),
		 "key 'opclass_default' must be true or false at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     ",\"schema\":\"public\",\"table\":\"t\",\"index\":\"i\","
		     "\"keys\":[{\"opclass\":\"int4_ops\"}]"),
		 "index key without 'column' or 'expression' at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     INDEX_KEYS("public", "t", "i") ",\"include\":[\"b\",2]"),
		 "key 'include' must be an array of strings at 'f.ndjson:3'"},
		{REC("index", T1, PRIMARY,
		     ",\"schema\":\"public\",\"table\":\"t\""),
		 "index record without schema, table and index at "
		 "'f.ndjson:3'"},
		{REC("table", T1, PRIMARY,
		     TABLE_KEYS("public", "t") ",\"n_tup_upd\":true"),
		 "key 'n_tup_upd' must be a number at 'f.ndjson:3'"},
		{REC("table", T1, PRIMARY, ",\"schema\":\"public\""),
		 "table record without schema and table at 'f.ndjson:3'"},
		{REC("constraint", T1, PRIMARY,
		     ",\"schema\":\"public\",\"table\":\"t\",\"constraint\":\"c\","
		     "\"columns\":\"a\""),
		 "key 'columns' must be an array at 'f.ndjson:3'"},
		{REC("constraint", T1, PRIMARY,
		     ",\"schema\":\"public\",\"table\":\"t\",\"constraint\":\"c\","
		     "\"columns\":[\"a\"],\"ref_columns\":[null]"),
		 "key 'ref_columns' must be an array of strings at "
		 "'f.ndjson:3'"},
		{REC("constraint", T1, PRIMARY,
		     ",\"schema\":\"public\",\"table\":\"t\""),
		 "constraint record without schema, table and constraint at "
		 "'f.ndjson:3'"},
		{REC("snapshot", T1, PRIMARY, ",\"stats_reset\":\"yesterday\""),
		 "key 'stats_reset' is not an RFC 3339 time at 'f.ndjson:3'"},
		{REC("snapshot", T1, PRIMARY, ",\"stats_reset\":5"),
		 "key 'stats_reset' must be a string at 'f.ndjson:3'"},
		{REC("snapshot", T1, PRIMARY, ",\"postmaster_start\":\"\""),
		 "key 'postmaster_start' is not an RFC 3339 time at "
		 "'f.ndjson:3'"},
		{REC("index", "noon", PRIMARY, INDEX_KEYS("public", "t", "i")),
		 "key 'ts' is not an RFC 3339 time at 'f.ndjson:3'"},
		{REC("index", T1, "{\"port\":\"5432\"}",
		     INDEX_KEYS("public", "t", "i")),
		 "f.ndjson:3: key 'port' must be a number at 'src'"},
		{REC("snapshot", T1, "{\"host\":[]}", ""),
		 "f.ndjson:3: key 'host' must be a string at 'src'"},
		{"{\"type\":\"index\",\"v\":1,\"ts\":\"" T1 "\"}",
		 "'index' record without 'src' at 'f.ndjson:3'"},
		{"{\"type\":\"index\",\"v\":2,\"ts\":\"" T1 "\",\"src\":{}}",
		 "'index' record version 2 is newer than this build "
		 "understands (1) at 'f.ndjson:3'"},
		{"{\"type\":\"table\",\"ts\":\"" T1 "\",\"src\":{}}",
		 "record without a positive integer 'v' at 'f.ndjson:3'"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_model m;
		struct adv_error err;
		cJSON *rec = unit_json(cases[i].json);
		enum adv_status st;

		adv_model_init(&m);
		adv_error_init(&err);
		st = adv_model_add(&m, rec, "f.ndjson:3", &err);
		if (st != ADV_EINPUT)
			fail_msg("case %zu: status %d for %s", i, st,
				 cases[i].json);
		if (strstr(err.message, cases[i].message) == NULL)
			fail_msg("case %zu: '%s', want '%s'", i, err.message,
				 cases[i].message);
		cJSON_Delete(rec);
		adv_model_finish(&m);
		adv_model_release(&m);
	}
}

static void adv_model_finish__same_snapshot_read_twice__facts_kept_once(
	void **state)
{
	static const char *const lines[] = {
		REC("snapshot", T1, PRIMARY, ""),
		REC("table", T1, PRIMARY, TABLE_KEYS("public", "orders")),
		REC("index", T1, PRIMARY,
		    INDEX_KEYS("public", "orders", "a_idx") ",\"scans\":1"),
		REC("index", T1, PRIMARY,
		    INDEX_KEYS("public", "orders", "b_idx")),
		REC("constraint", T1, PRIMARY,
		    ",\"schema\":\"public\",\"table\":\"orders\","
		    "\"constraint\":\"orders_fk\","
		    "\"constraint_type\":\"foreign_key\",\"columns\":[\"a\"]"),
	};
	struct adv_model m;
	struct adv_model_snapshot *s;
	size_t pass, i;

	(void)state;
	adv_model_init(&m);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < UNIT_ARRAY_SIZE(lines); i++)
			add_ok(&m, lines[i]);
	}
	adv_model_finish(&m);
	assert_int_equal(m.nsnapshots, 1);
	s = m.snapshots[0];
	assert_int_equal(s->nindexes, 2);
	assert_int_equal(s->ntables, 1);
	assert_int_equal(s->nconstraints, 1);
	/* the first copy is the one kept */
	assert_true(adv_model_find_index(s, "public", "a_idx")->scans == 1);
	assert_ptr_equal(adv_model_find_index(s, "public", "a_idx")->snap, s);
	adv_model_release(&m);
}

static void adv_model_add__types_for_others__ignored(void **state)
{
	struct adv_model m;

	(void)state;
	adv_model_init(&m);
	add_ok(&m, REC("setting", T1, PRIMARY, ",\"setting\":5"));
	add_ok(&m, REC("finding", T1, PRIMARY, ",\"rule\":5"));
	add_ok(&m, "{\"type\":\"plan-of-the-future\",\"v\":9}");
	assert_int_equal(m.nsnapshots, 0);
	adv_model_release(&m);
}

static void adv_model_add__statement_records__workload_kept(void **state)
{
	struct adv_model m;
	struct adv_error err;
	cJSON *bad;

	(void)state;
	adv_model_init(&m);
	adv_error_init(&err);
	add_ok(&m, REC("statement", T1, PRIMARY,
		       ",\"queryid\":\"-42\",\"query\":\"SELECT 1\","
		       "\"calls\":7,\"total_ms\":1.5,\"rows\":7,"
		       "\"toplevel\":true"));
	assert_int_equal(m.nsnapshots, 1);
	assert_int_equal(m.snapshots[0]->nstatements, 1);
	assert_string_equal(m.snapshots[0]->statements[0]->queryid, "-42");
	assert_true(m.snapshots[0]->statements[0]->calls == 7);
	assert_int_equal(m.snapshots[0]->statements[0]->toplevel, 1);
	bad = unit_json(REC("statement", T1, PRIMARY, ",\"calls\":\"many\""));
	assert_int_equal(adv_model_add(&m, bad, "f:2", &err), ADV_EINPUT);
	unit_assert_contains(err.message, "key 'calls' must be a number");
	cJSON_Delete(bad);
	adv_model_release(&m);
}

static void adv_model_add__index_record__every_key_read(void **state)
{
	struct adv_model m;
	struct adv_model_index *ix;

	(void)state;
	adv_model_init(&m);
	add_ok(&m,
	       REC("index", T1, PRIMARY,
		   ",\"schema\":\"public\",\"table\":\"users\","
		   "\"index\":\"users_email_idx\",\"oid\":16390,"
		   "\"method\":\"btree\",\"is_unique\":true,\"is_primary\":false,"
		   "\"is_exclusion\":false,\"is_replica_identity\":null,"
		   "\"is_valid\":true,\"is_ready\":true,\"is_partitioned\":false,"
		   "\"constraint\":\"users_email_key\","
		   "\"constraint_type\":\"unique\","
		   "\"keys\":[{\"column\":\"tenant\",\"expression\":null,"
		   "\"opclass\":\"int4_ops\",\"opclass_default\":true,"
		   "\"collation\":null,\"direction\":\"asc\",\"nulls\":\"last\"},"
		   "{\"column\":null,\"expression\":\"lower(email)\","
		   "\"opclass\":\"text_pattern_ops\",\"opclass_default\":false,"
		   "\"collation\":\"C\",\"direction\":\"desc\","
		   "\"nulls\":\"first\"}],"
		   "\"include\":[\"name\"],\"predicate\":\"(deleted_at IS NULL)\","
		   "\"definition\":\"CREATE UNIQUE INDEX ...\","
		   "\"size_bytes\":16384,\"scans\":7,\"tuples_read\":1,"
		   "\"tuples_fetched\":1,\"parent_schema\":\"public\","
		   "\"parent_index\":\"p_idx\""));
	ix = m.snapshots[0]->indexes[0];
	assert_string_equal(ix->name, "users_email_idx");
	assert_true(ix->oid == 16390);
	assert_string_equal(ix->method, "btree");
	assert_int_equal(ix->is_unique, 1);
	assert_int_equal(ix->is_primary, 0);
	assert_int_equal(ix->is_replica_identity, -1);
	assert_int_equal(ix->is_valid, 1);
	assert_string_equal(ix->constraint, "users_email_key");
	assert_int_equal(ix->nkeys, 2);
	assert_string_equal(ix->keys[0].column, "tenant");
	assert_null(ix->keys[0].expression);
	assert_int_equal(ix->keys[0].opclass_default, 1);
	assert_null(ix->keys[1].column);
	assert_string_equal(ix->keys[1].expression, "lower(email)");
	assert_string_equal(ix->keys[1].opclass, "text_pattern_ops");
	assert_int_equal(ix->keys[1].opclass_default, 0);
	assert_string_equal(ix->keys[1].collation, "C");
	assert_string_equal(ix->keys[1].direction, "desc");
	assert_string_equal(ix->keys[1].nulls, "first");
	assert_int_equal(ix->ninclude, 1);
	assert_string_equal(ix->include[0], "name");
	assert_string_equal(ix->predicate, "(deleted_at IS NULL)");
	assert_int_equal(ix->has_size, 1);
	assert_true(ix->size_bytes == 16384);
	assert_int_equal(ix->has_scans, 1);
	assert_true(ix->scans == 7);
	assert_string_equal(ix->parent_index, "p_idx");
	adv_model_release(&m);
}

/* Finds the database whose view is on host. */
static const struct adv_model_database *db_on(
	const struct adv_model_database *dbs, size_t n, const char *host,
	const char *database)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < dbs[i].nnodes; j++) {
			if (strcmp(dbs[i].nodes[j]->src.host, host) == 0 &&
			    strcmp(dbs[i].nodes[j]->src.database, database) ==
				    0)
				return &dbs[i];
		}
	}
	fail_msg("no database with a node on '%s'", host);
	return NULL;
}

static void adv_model_databases__primary_and_replica__one_database_two_nodes(
	void **state)
{
	struct adv_model m;
	struct adv_model_database *dbs;
	const struct adv_model_database *db;
	size_t n;

	(void)state;
	adv_model_init(&m);
	add_ok(&m, REC("snapshot", T1, REPLICA, ""));
	add_ok(&m, REC("snapshot", T1, PRIMARY, ""));
	/* same cluster, another database: another database */
	add_ok(&m, REC("snapshot", T1,
		       SRC("db1", "\"C1\"", "\"primary\"", "billing"), ""));
	/* another cluster with the same database name */
	add_ok(&m, REC("snapshot", T1,
		       SRC("db9", "\"C9\"", "\"primary\"", "shop"), ""));
	adv_model_finish(&m);
	adv_model_databases(&m, &dbs, &n);
	assert_int_equal(n, 3);
	db = db_on(dbs, n, "db2", "shop");
	assert_int_equal(db->nnodes, 2);
	assert_string_equal(db->view->src.host, "db1");
	assert_string_equal(db->view->src.role, "primary");
	db = db_on(dbs, n, "db1", "billing");
	assert_int_equal(db->nnodes, 1);
	db = db_on(dbs, n, "db9", "shop");
	assert_int_equal(db->nnodes, 1);
	adv_model_databases_free(dbs, n);
	adv_model_release(&m);
}

static void adv_model_databases__several_snapshots_per_node__latest_wins(
	void **state)
{
	struct adv_model m;
	struct adv_model_database *dbs;
	size_t n, i;

	(void)state;
	adv_model_init(&m);
	add_ok(&m, REC("snapshot", T2, PRIMARY, ""));
	add_ok(&m, REC("snapshot", T1, PRIMARY, ""));
	add_ok(&m, REC("snapshot", T3, REPLICA, ""));
	add_ok(&m, REC("snapshot", T1, REPLICA, ""));
	adv_model_finish(&m);
	adv_model_databases(&m, &dbs, &n);
	assert_int_equal(n, 1);
	assert_int_equal(dbs[0].nnodes, 2);
	for (i = 0; i < dbs[0].nnodes; i++) {
		const struct adv_model_snapshot *s = dbs[0].nodes[i];

		if (strcmp(s->src.host, "db1") == 0)
			assert_string_equal(s->ts, T2);
		else
			assert_string_equal(s->ts, T3);
	}
	/* the primary is the view even though the replica is newer */
	assert_string_equal(dbs[0].view->src.host, "db1");
	assert_string_equal(dbs[0].view->ts, T2);
	adv_model_databases_free(dbs, n);
	adv_model_release(&m);
}

static void adv_model_databases__no_primary__latest_node_is_view(void **state)
{
	struct adv_model m;
	struct adv_model_database *dbs;
	size_t n;

	(void)state;
	adv_model_init(&m);
	add_ok(&m, REC("snapshot", T2,
		       SRC("db3", "\"C1\"", "\"replica\"", "shop"), ""));
	add_ok(&m, REC("snapshot", T1, REPLICA, ""));
	adv_model_finish(&m);
	adv_model_databases(&m, &dbs, &n);
	assert_int_equal(n, 1);
	assert_int_equal(dbs[0].nnodes, 2);
	assert_string_equal(dbs[0].view->src.host, "db3");
	adv_model_databases_free(dbs, n);
	adv_model_release(&m);
}

static void adv_model_databases__no_cluster__grouped_by_host_and_port(
	void **state)
{
	struct adv_model m;
	struct adv_model_database *dbs;
	size_t n;

	(void)state;
	adv_model_init(&m);
	add_ok(&m, REC("snapshot", T1, SRC("db1", "null", "null", "shop"), ""));
	add_ok(&m, REC("snapshot", T2, SRC("db1", "null", "null", "shop"), ""));
	add_ok(&m, REC("snapshot", T1, SRC("db2", "null", "null", "shop"), ""));
	adv_model_finish(&m);
	adv_model_databases(&m, &dbs, &n);
	assert_int_equal(n, 2);
	assert_int_equal(db_on(dbs, n, "db1", "shop")->nnodes, 1);
	assert_string_equal(db_on(dbs, n, "db1", "shop")->view->ts, T2);
	assert_int_equal(db_on(dbs, n, "db2", "shop")->nnodes, 1);
	adv_model_databases_free(dbs, n);
	adv_model_release(&m);
}

static void adv_model_databases__empty_model__none(void **state)
{
	struct adv_model m;
	struct adv_model_database *dbs = NULL;
	size_t n = 99;

	(void)state;
	adv_model_init(&m);
	adv_model_finish(&m);
	adv_model_databases(&m, &dbs, &n);
	assert_int_equal(n, 0);
	adv_model_databases_free(dbs, n);
	adv_model_release(&m);
}

static void adv_model_find__after_finish__by_schema_and_name(void **state)
{
	struct adv_model m;
	struct adv_model_snapshot *s;

	(void)state;
	adv_model_init(&m);
	add_ok(&m, REC("index", T1, PRIMARY,
		       INDEX_KEYS("public", "orders", "orders_b_idx")));
	add_ok(&m, REC("index", T1, PRIMARY,
		       INDEX_KEYS("audit", "orders", "orders_a_idx")));
	add_ok(&m, REC("index", T1, PRIMARY,
		       INDEX_KEYS("public", "orders", "orders_a_idx")));
	add_ok(&m, REC("table", T1, PRIMARY, TABLE_KEYS("public", "orders")));
	add_ok(&m, REC("table", T1, PRIMARY, TABLE_KEYS("audit", "log")));
	s = m.snapshots[0];
	/* lookups need the tables adv_model_finish builds */
	assert_null(adv_model_find_index(s, "public", "orders_a_idx"));
	adv_model_finish(&m);
	assert_ptr_equal(adv_model_find_index(s, "public", "orders_a_idx"),
			 s->indexes[2]);
	assert_ptr_equal(adv_model_find_index(s, "audit", "orders_a_idx"),
			 s->indexes[1]);
	assert_ptr_equal(adv_model_find_index(s, "public", "orders_b_idx"),
			 s->indexes[0]);
	assert_null(adv_model_find_index(s, "audit", "orders_b_idx"));
	assert_null(adv_model_find_index(s, "public", "orders_c_idx"));
	assert_ptr_equal(adv_model_find_table(s, "audit", "log"), s->tables[1]);
	assert_ptr_equal(adv_model_find_table(s, "public", "orders"),
			 s->tables[0]);
	assert_null(adv_model_find_table(s, "public", "log"));
	assert_true(adv_model_relation_exists(s, "public", "orders"));
	assert_true(adv_model_relation_exists(s, "public", "orders_a_idx"));
	assert_false(adv_model_relation_exists(s, "public", "nothing"));
	adv_model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_model_add__facts_of_one_collection__one_snapshot),
		cmocka_unit_test(
			adv_model_add__facts_before_snapshot_record__joined_with_its_src),
		cmocka_unit_test(
			adv_model_add__no_snapshot_record__implicit_unknown_window),
		cmocka_unit_test(
			adv_model_add__snapshot_times__statistics_window_start),
		cmocka_unit_test(
			adv_model_add__wrong_key_types__einput_naming_key_and_where),
		cmocka_unit_test(
			adv_model_finish__same_snapshot_read_twice__facts_kept_once),
		cmocka_unit_test(adv_model_add__types_for_others__ignored),
		cmocka_unit_test(
			adv_model_add__statement_records__workload_kept),
		cmocka_unit_test(adv_model_add__index_record__every_key_read),
		cmocka_unit_test(
			adv_model_databases__primary_and_replica__one_database_two_nodes),
		cmocka_unit_test(
			adv_model_databases__several_snapshots_per_node__latest_wins),
		cmocka_unit_test(
			adv_model_databases__no_primary__latest_node_is_view),
		cmocka_unit_test(
			adv_model_databases__no_cluster__grouped_by_host_and_port),
		cmocka_unit_test(adv_model_databases__empty_model__none),
		cmocka_unit_test(
			adv_model_find__after_finish__by_schema_and_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
