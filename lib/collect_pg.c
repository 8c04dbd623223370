/*
 * PostgreSQL 12-17 collector. Everything is read inside one REPEATABLE READ
 * READ ONLY transaction so the facts describe one moment; each section runs
 * under a savepoint, so a section the role may not read becomes a warning
 * record and the rest is still collected (a role with only pg_monitor sees
 * everything but planner statistics of tables it cannot select from).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "collect.h"
#include "record.h"
#include "signals.h"
#include "sqltext.h"
#include "log.h"
#include "banned.h"

/* RFC 3339 UTC text of a timestamptz expression. */
#define TS(e)                                             \
	"pg_catalog.to_char((" e ") AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"

/*
 * Every statement the collector sends starts with this comment, so that its
 * own catalog queries can be left out of the statement records.
 */
#define MARK "/* ip-collect */ "

/* How a result column becomes a JSON value; the column alias is the key. */
enum col_kind { K_STR, K_NUM, K_BOOL, K_JSON };

struct col_spec {
	const char *name;
	enum col_kind kind;
};

struct pg_collect {
	struct adv_conn *conn;
	adv_emit_fn emit;
	void *ctx;
	struct adv_source src;
	char ts[ADV_TS_LEN];
	int server_version;
	int partial;
	int savepoint_depth;
};

static enum col_kind kind_of(const struct col_spec *specs, const char *name)
{
	for (; specs != NULL && specs->name != NULL; specs++) {
		if (strcmp(specs->name, name) == 0)
			return specs->kind;
	}
	return K_STR;
}

static void add_value(cJSON *rec, const char *key, const char *val,
		      enum col_kind kind)
{
	cJSON *parsed;

	if (val == NULL) {
		cJSON_AddNullToObject(rec, key);
		return;
	}
	switch (kind) {
	case K_NUM:
		cJSON_AddNumberToObject(rec, key, strtod(val, NULL));
		return;
	case K_BOOL:
		cJSON_AddBoolToObject(rec, key, val[0] == 't');
		return;
	case K_JSON:
		parsed = cJSON_Parse(val);
		if (parsed != NULL)
			cJSON_AddItemToObject(rec, key, parsed);
		else
			cJSON_AddNullToObject(rec, key);
		return;
	case K_STR:
	default:
		cJSON_AddStringToObject(rec, key, val);
		return;
	}
}

static cJSON *row_record(struct pg_collect *pc, const char *type,
			 const struct adv_result *res, size_t row,
			 const struct col_spec *specs)
{
	cJSON *rec = adv_record_new(type, 1, pc->ts, &pc->src);
	size_t col;

	for (col = 0; col < adv_result_cols(res); col++) {
		const char *name = adv_result_name(res, col);

		if (name[0] == '_') /* helper columns, not part of the schema */
			continue;
		add_value(rec, name, adv_result_get(res, row, col),
			  kind_of(specs, name));
	}
	return rec;
}

static enum adv_status emit(struct pg_collect *pc, cJSON *rec,
			    struct adv_error *err)
{
	return pc->emit(pc->ctx, rec, err);
}

static enum adv_status warn(struct pg_collect *pc, const char *code,
			    const char *section, const struct adv_error *cause,
			    const char *message, struct adv_error *err)
{
	cJSON *rec = adv_record_new("warning", 1, pc->ts, &pc->src);

	cJSON_AddStringToObject(rec, "code", code);
	cJSON_AddStringToObject(rec, "section", section);
	cJSON_AddNullToObject(rec, "target");
	cJSON_AddStringToObject(rec, "message",
				message != NULL ? message
				: cause != NULL ? cause->message
						: "unknown");
	adv_json_add_string(rec, "sqlstate",
			    cause != NULL && cause->sqlstate[0] != '\0'
				    ? cause->sqlstate
				    : NULL);
	return emit(pc, rec, err);
}

/*
 * Runs a section's query under a savepoint. On a server error the savepoint
 * is rolled back, a warning record is emitted and *res is NULL with
 * ADV_OK returned (the collection goes on); a lost connection or a failing
 * emit is returned as is.
 */
static enum adv_status section_query(struct pg_collect *pc, const char *section,
				     const char *sql, int nparams,
				     const char *const *params,
				     struct adv_result **res,
				     struct adv_error *err)
{
	struct adv_error qerr;
	enum adv_status st;

	*res = NULL;
	adv_error_init(&qerr);
	st = adv_conn_exec(pc->conn, MARK "SAVEPOINT ip_section", err);
	if (st != ADV_OK)
		return st;
	st = adv_conn_query(pc->conn, sql, nparams, params, res, &qerr);
	if (adv_signals_interrupted()) {
		/* the user asked to stop: do not go on to the next section */
		adv_result_free(*res);
		*res = NULL;
		return adv_error_set(err, ADV_ESERVER, "interrupted");
	}
	if (st == ADV_ESERVER) {
		char *message;

		st = adv_conn_exec(
			pc->conn, MARK "ROLLBACK TO SAVEPOINT ip_section", err);
		if (st != ADV_OK)
			return st;
		pc->partial = 1;
		message = adv_xstrfmt("cannot read %s: %s", section,
				      qerr.message);
		st = warn(pc,
			  strcmp(qerr.sqlstate, "42501") == 0
				  ? "permission-denied"
				  : "query-failed",
			  section, &qerr, message, err);
		free(message);
		return st;
	}
	if (st != ADV_OK) {
		*err = qerr;
		return st;
	}
	return adv_conn_exec(pc->conn, MARK "RELEASE SAVEPOINT ip_section",
			     err);
}

static enum adv_status emit_rows(struct pg_collect *pc, const char *type,
				 const char *sql, const struct col_spec *specs,
				 struct adv_error *err)
{
	struct adv_result *res = NULL;
	enum adv_status st;
	size_t row;

	st = section_query(pc, type, sql, 0, NULL, &res, err);
	for (row = 0; st == ADV_OK && row < adv_result_rows(res); row++)
		st = emit(pc, row_record(pc, type, res, row, specs), err);
	adv_result_free(res);
	return st;
}

/* ---- snapshot ---------------------------------------------------------- */

static const char snapshot_sql[] = MARK
	"SELECT pg_catalog.current_setting('server_version') AS server_version,"
	" pg_catalog.current_setting('server_version_num')::int AS server_version_num,"
	" pg_catalog.current_database() AS database,"
	" pg_catalog.pg_is_in_recovery() AS in_recovery,"
	" " TS("(SELECT d.stats_reset FROM pg_catalog.pg_stat_database d"
	       " WHERE d.datname = pg_catalog.current_database())") " AS stats_reset,"
								    " " TS("pg_catalog.pg_postmaster_start_time()") " AS postmaster_start,"
														    " " TS("pg_catalog.now()") " AS now,"
																	       " CURRENT_USER AS current_user,"
																	       " (SELECT pg_catalog.json_object_agg(e.extname,"
																	       "   pg_catalog.json_build_object('version', e.extversion, 'schema', n.nspname))"
																	       "  FROM pg_catalog.pg_extension e"
																	       "  JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace) AS extensions,"
																	       " (SELECT setting FROM pg_catalog.pg_settings"
																	       "  WHERE name = 'shared_preload_libraries') AS preload,"
																	       " pg_catalog.has_table_privilege('pg_catalog.pg_statistic', 'SELECT') AS can_read_statistic";

static const char cluster_sql[] = MARK
	"SELECT system_identifier::text FROM pg_catalog.pg_control_system()";

struct snapshot_info {
	char *pgss_schema;	/* NULL when pg_stat_statements is absent */
	char *qualstats_schema; /* NULL when pg_qualstats is absent */
	char *pgss_version;
	int pgss_preloaded;
	int qualstats_preloaded;
	int preload_visible; /* the role may read shared_preload_libraries */
	int can_read_statistic;
};

static int version_at_least(const char *have, int major, int minor)
{
	char *end = NULL;
	long ma = strtol(have, &end, 10);
	long mi = 0;

	if (end != NULL && *end == '.')
		mi = strtol(end + 1, NULL, 10);
	return ma > major || (ma == major && mi >= minor);
}

static const char *ext_version(const cJSON *exts, const char *name)
{
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(exts, name);
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, "version");

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int preload_has(const char *preload, const char *lib)
{
	const char *p = preload;
	size_t len = strlen(lib);

	while (p != NULL && (p = strstr(p, lib)) != NULL) {
		int start_ok = p == preload || p[-1] == ',' || p[-1] == ' ' ||
			       p[-1] == '"';
		char after = p[len];

		if (start_ok && (after == '\0' || after == ',' ||
				 after == ' ' || after == '"'))
			return 1;
		p += len;
	}
	return 0;
}

static enum adv_status collect_snapshot(struct pg_collect *pc,
					struct snapshot_info *info,
					struct adv_error *err)
{
	static const char *const caps[] = {"pg_stat_statements", "hypopg",
					   "pgstattuple", "pg_qualstats"};
	struct adv_result *res = NULL;
	struct adv_error cerr;
	enum adv_status st;
	cJSON *rec, *capabilities, *exts;
	const char *preload;
	char *cluster = NULL;
	size_t i;

	st = adv_conn_query(pc->conn, snapshot_sql, 0, NULL, &res, err);
	if (st != ADV_OK) {
		adv_error_prefix(err, "cannot read the snapshot of '%s'",
				 adv_conn_database(pc->conn));
		return st;
	}
	/* the cluster identity needs pg_control_system(), which some roles
	 * may not execute: without it usage is not summed across replicas */
	adv_error_init(&cerr);
	st = adv_conn_exec(pc->conn, MARK "SAVEPOINT ip_section", err);
	if (st == ADV_OK) {
		struct adv_result *cres = NULL;

		if (adv_conn_query(pc->conn, cluster_sql, 0, NULL, &cres,
				   &cerr) == ADV_OK) {
			cluster =
				adv_xstrdup_or_null(adv_result_get(cres, 0, 0));
			st = adv_conn_exec(pc->conn,
					   MARK "RELEASE SAVEPOINT ip_section",
					   err);
		} else {
			st = adv_conn_exec(
				pc->conn,
				MARK "ROLLBACK TO SAVEPOINT ip_section", err);
		}
		adv_result_free(cres);
	}
	if (st != ADV_OK) {
		free(cluster);
		adv_result_free(res);
		return st;
	}

	pc->src.cluster = cluster;
	pc->src.role = adv_xstrdup(
		adv_result_get(res, 0, 3)[0] == 't' ? "replica" : "primary");
	free(pc->src.database);
	pc->src.database = adv_xstrdup(adv_result_get(res, 0, 2));
	memcpy(pc->ts, adv_result_get(res, 0, 6),
	       strlen(adv_result_get(res, 0, 6)) + 1 < ADV_TS_LEN
		       ? strlen(adv_result_get(res, 0, 6)) + 1
		       : ADV_TS_LEN - 1);
	pc->ts[ADV_TS_LEN - 1] = '\0';
	pc->server_version = (int)strtol(adv_result_get(res, 0, 1), NULL, 10);

	exts = cJSON_Parse(adv_result_get(res, 0, 8) != NULL
				   ? adv_result_get(res, 0, 8)
				   : "{}");
	preload = adv_result_get(res, 0, 9);
	rec = adv_record_new("snapshot", 1, pc->ts, &pc->src);
	cJSON_AddStringToObject(rec, "engine", "postgresql");
	cJSON_AddStringToObject(rec, "server_version",
				adv_result_get(res, 0, 0));
	cJSON_AddNumberToObject(rec, "server_version_num", pc->server_version);
	cJSON_AddStringToObject(rec, "database", pc->src.database);
	adv_json_add_string(rec, "cluster", cluster);
	cJSON_AddStringToObject(rec, "role", pc->src.role);
	adv_json_add_string(rec, "stats_reset", adv_result_get(res, 0, 4));
	adv_json_add_string(rec, "postmaster_start", adv_result_get(res, 0, 5));
	adv_json_add_string(rec, "current_user", adv_result_get(res, 0, 7));
	capabilities = cJSON_AddObjectToObject(rec, "capabilities");
	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
		adv_json_add_string(capabilities, caps[i],
				    ext_version(exts, caps[i]));
	cJSON_AddBoolToObject(capabilities, "pg_stat_statements_preloaded",
			      preload_has(preload, "pg_stat_statements"));
	cJSON_AddStringToObject(rec, "collector", "ip-collect " ADV_VERSION);

	if (ext_version(exts, "pg_stat_statements") != NULL) {
		const cJSON *e = cJSON_GetObjectItemCaseSensitive(
			exts, "pg_stat_statements");

		info->pgss_schema = adv_xstrdup(
			cJSON_GetObjectItemCaseSensitive(e, "schema")
				->valuestring);
		info->pgss_version =
			adv_xstrdup(ext_version(exts, "pg_stat_statements"));
	}
	if (ext_version(exts, "pg_qualstats") != NULL) {
		const cJSON *e =
			cJSON_GetObjectItemCaseSensitive(exts, "pg_qualstats");

		info->qualstats_schema = adv_xstrdup(
			cJSON_GetObjectItemCaseSensitive(e, "schema")
				->valuestring);
	}
	info->pgss_preloaded = preload_has(preload, "pg_stat_statements");
	info->qualstats_preloaded = preload_has(preload, "pg_qualstats");
	info->preload_visible = preload != NULL;
	info->can_read_statistic = adv_result_get(res, 0, 10) != NULL &&
				   adv_result_get(res, 0, 10)[0] == 't';
	cJSON_Delete(exts);
	adv_result_free(res);

	st = emit(pc, rec, err);
	if (st == ADV_OK && cluster == NULL) {
		st = warn(
			pc, "permission-denied", "snapshot", &cerr,
			"cannot read the cluster identity (pg_control_system); usage will not be summed across replicas",
			err);
	}
	return st;
}

/* ---- tables, columns, indexes, constraints ----------------------------- */

#define USER_SCHEMA(n)                                           \
	n ".nspname NOT IN ('pg_catalog', 'information_schema')" \
	  " AND " n ".nspname !~ '^pg_(toast|temp_|toast_temp_)'"

static const char
	tables_sql
		[] = MARK "SELECT n.nspname AS schema, c.relname AS table, c.oid::int8 AS oid,"
			  " CASE c.relkind WHEN 'p' THEN 'partitioned' WHEN 'm' THEN 'matview'"
			  "  ELSE 'table' END AS kind,"
			  " c.relispartition AS is_partition,"
			  " pn.nspname AS parent_schema, p.relname AS parent_table,"
			  " CASE c.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'permanent' END AS persistence,"
			  " CASE c.relreplident WHEN 'd' THEN 'default' WHEN 'n' THEN 'nothing'"
			  "  WHEN 'f' THEN 'full' WHEN 'i' THEN 'index' END AS replica_identity,"
			  " NULLIF(c.reltuples, -1)::float8 AS estimated_rows,"
			  " pg_catalog.pg_table_size(c.oid) AS size_bytes,"
			  " pg_catalog.pg_indexes_size(c.oid) AS index_bytes,"
			  /* the statistics functions behind
			   * pg_stat_all_tables, called directly:
			   * the view's joins cost more than the
			   * rest of the query */
			  " pg_catalog.pg_stat_get_numscans(c.oid) AS seq_scan,"
			  " pg_catalog.pg_stat_get_tuples_returned(c.oid) AS seq_tup_read,"
			  " CASE WHEN c.relhasindex OR c.relkind = 'p' THEN"
			  "  (SELECT sum(pg_catalog.pg_stat_get_numscans(x.indexrelid))::int8"
			  "   FROM pg_catalog.pg_index x WHERE x.indrelid = c.oid) END AS idx_scan,"
			  " CASE WHEN c.relhasindex OR c.relkind = 'p' THEN"
			  "  pg_catalog.pg_stat_get_tuples_fetched(c.oid) +"
			  "  (SELECT COALESCE(sum(pg_catalog.pg_stat_get_tuples_fetched(x.indexrelid)), 0)::int8"
			  "   FROM pg_catalog.pg_index x WHERE x.indrelid = c.oid) END AS idx_tup_fetch,"
			  " pg_catalog.pg_stat_get_tuples_inserted(c.oid) AS n_tup_ins,"
			  " pg_catalog.pg_stat_get_tuples_updated(c.oid) AS n_tup_upd,"
			  " pg_catalog.pg_stat_get_tuples_deleted(c.oid) AS n_tup_del,"
			  " pg_catalog.pg_stat_get_tuples_hot_updated(c.oid) AS n_tup_hot_upd,"
			  " pg_catalog.pg_stat_get_live_tuples(c.oid) AS n_live_tup,"
			  " pg_catalog.pg_stat_get_dead_tuples(c.oid) AS n_dead_tup,"
			  " pg_catalog.pg_stat_get_mod_since_analyze(c.oid) AS n_mod_since_analyze,"
			  " " TS("pg_catalog.pg_stat_get_last_vacuum_time(c.oid)") " AS last_vacuum,"
										   " " TS("pg_catalog.pg_stat_get_last_autovacuum_time(c.oid)") " AS last_autovacuum,"
																		" " TS("pg_catalog.pg_stat_get_last_analyze_time(c.oid)") " AS last_analyze,"
																									  " " TS(
																										  "pg_catalog.pg_stat_get_last_autoanalyze_time(c.oid)") " AS last_autoanalyze,"
																																	 " pg_catalog.pg_stat_get_vacuum_count(c.oid) AS vacuum_count,"
																																	 " pg_catalog.pg_stat_get_autovacuum_count(c.oid) AS autovacuum_count,"
																																	 " pg_catalog.pg_stat_get_analyze_count(c.oid) AS analyze_count,"
																																	 " pg_catalog.pg_stat_get_autoanalyze_count(c.oid) AS autoanalyze_count"
																																	 " FROM pg_catalog.pg_class c"
																																	 " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
																																	 " LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid"
																																	 " LEFT JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
																																	 " LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace"
																																	 " WHERE c.relkind IN ('r', 'p', 'm') AND c.relpersistence <> 't'"
																																	 " AND " USER_SCHEMA(
																																		 "n") " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"";

static const struct col_spec table_specs[] = {{"oid", K_NUM},
					      {"is_partition", K_BOOL},
					      {"estimated_rows", K_NUM},
					      {"size_bytes", K_NUM},
					      {"index_bytes", K_NUM},
					      {"seq_scan", K_NUM},
					      {"seq_tup_read", K_NUM},
					      {"idx_scan", K_NUM},
					      {"idx_tup_fetch", K_NUM},
					      {"n_tup_ins", K_NUM},
					      {"n_tup_upd", K_NUM},
					      {"n_tup_del", K_NUM},
					      {"n_tup_hot_upd", K_NUM},
					      {"n_live_tup", K_NUM},
					      {"n_dead_tup", K_NUM},
					      {"n_mod_since_analyze", K_NUM},
					      {"vacuum_count", K_NUM},
					      {"autovacuum_count", K_NUM},
					      {"analyze_count", K_NUM},
					      {"autoanalyze_count", K_NUM},
					      {NULL, K_STR}};

/*
 * Planner statistics come from pg_statistic when the role may read it (the
 * pg_stats view checks column privileges row by row, which dominates on big
 * catalogs), else from pg_stats, which shows what the role may select.
 * A partitioned table's statistics are its inherited ones.
 */
#define COLUMNS_SQL(stats_join, null_frac, n_distinct, correlation, width)          \
	MARK "SELECT n.nspname AS schema, c.relname AS table, a.attname AS column," \
	     " a.attnum::int AS position,"                                          \
	     " pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,"       \
	     " a.attnotnull AS not_null,"                                           \
	     " pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) AS default,"        \
	     " CASE WHEN a.attcollation <> 0 THEN co.collname END AS collation,"    \
	     " " null_frac "::float8 AS null_frac,"                                 \
	     " " n_distinct "::float8 AS n_distinct,"                               \
	     " " correlation "::float8 AS correlation,"                             \
	     " " width " AS avg_width"                                              \
	     " FROM pg_catalog.pg_attribute a"                                      \
	     " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"                    \
	     " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"            \
	     " LEFT JOIN pg_catalog.pg_attrdef d"                                   \
	     "  ON d.adrelid = a.attrelid AND d.adnum = a.attnum"                   \
	     " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"     \
	     " " stats_join                                                         \
	     " WHERE c.relkind IN ('r', 'p', 'm') AND c.relpersistence <> 't'"      \
	     " AND a.attnum > 0 AND NOT a.attisdropped AND " USER_SCHEMA(           \
		     "n") " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", a.attnum"

static const char columns_from_statistic_sql[] = COLUMNS_SQL(
	"LEFT JOIN pg_catalog.pg_statistic s ON s.starelid = a.attrelid"
	" AND s.staattnum = a.attnum AND s.stainherit = (c.relkind = 'p')",
	"s.stanullfrac", "s.stadistinct",
	"CASE 3 WHEN s.stakind1 THEN s.stanumbers1[1]"
	" WHEN s.stakind2 THEN s.stanumbers2[1]"
	" WHEN s.stakind3 THEN s.stanumbers3[1]"
	" WHEN s.stakind4 THEN s.stanumbers4[1]"
	" WHEN s.stakind5 THEN s.stanumbers5[1] END",
	"s.stawidth");

static const char columns_from_stats_sql[] = COLUMNS_SQL(
	"LEFT JOIN pg_catalog.pg_stats s ON s.schemaname = n.nspname"
	" AND s.tablename = c.relname AND s.attname = a.attname"
	" AND s.inherited = (c.relkind = 'p')",
	"s.null_frac", "s.n_distinct", "s.correlation", "s.avg_width");

static const struct col_spec column_specs[] = {
	{"position", K_NUM},   {"not_null", K_BOOL},   {"null_frac", K_NUM},
	{"n_distinct", K_NUM}, {"correlation", K_NUM}, {"avg_width", K_NUM},
	{NULL, K_STR}};

/*
 * Keys carry the column (or the expression), opclass, collation and
 * ordering; a partitioned index rolls up the usage and size of its leaf
 * partitions' indexes, since it has no scans of its own. The keys are
 * aggregated for all indexes at once (hash joins) rather than per index,
 * and usage comes from the statistics functions rather than the
 * pg_stat_all_indexes view: both matter on catalogs of 10,000s of indexes.
 */
#define INDEX_STAT(fn)                                                   \
	"CASE WHEN c.relkind = 'I' THEN (SELECT sum(pg_catalog." fn      \
	"(pt.relid))"                                                    \
	"  FROM pg_catalog.pg_partition_tree(c.oid) pt WHERE pt.isleaf)" \
	"  ELSE pg_catalog." fn "(c.oid) END"

static const char indexes_sql[] = MARK
	"WITH ik AS ("
	" SELECT i.indexrelid, i.indrelid, i.indnkeyatts, k.attnum, k.n,"
	"  i.indclass[k.n - 1] AS opc, i.indcollation[k.n - 1] AS coll,"
	"  i.indoption[k.n - 1] AS opt"
	" FROM pg_catalog.pg_index i,"
	"  pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)),"
	" keys AS ("
	" SELECT ik.indexrelid,"
	"  pg_catalog.json_agg(pg_catalog.json_build_object("
	"   'column', a.attname,"
	"   'expression', CASE WHEN ik.attnum = 0"
	"     THEN pg_catalog.pg_get_indexdef(ik.indexrelid, ik.n::int, true) END,"
	"   'opclass', oc.opcname,"
	"   'opclass_default', oc.opcdefault,"
	"   'collation', co.collname,"
	"   'direction', CASE WHEN NOT am.can_order THEN NULL"
	"     WHEN (ik.opt & 1) = 1 THEN 'desc' ELSE 'asc' END,"
	"   'nulls', CASE WHEN NOT am.can_order THEN NULL"
	"     WHEN (ik.opt & 2) = 2 THEN 'first' ELSE 'last' END)"
	"   ORDER BY ik.n) FILTER (WHERE ik.n <= ik.indnkeyatts) AS keys,"
	"  pg_catalog.json_agg(a.attname ORDER BY ik.n)"
	"   FILTER (WHERE ik.n > ik.indnkeyatts) AS include"
	" FROM ik"
	" JOIN pg_catalog.pg_class ic ON ic.oid = ik.indexrelid"
	" JOIN (SELECT oid, pg_catalog.pg_indexam_has_property(oid, 'can_order') AS can_order"
	"  FROM pg_catalog.pg_am) am ON am.oid = ic.relam"
	" LEFT JOIN pg_catalog.pg_attribute a"
	"  ON a.attrelid = ik.indrelid AND a.attnum = ik.attnum AND ik.attnum <> 0"
	" LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = ik.opc"
	" LEFT JOIN pg_catalog.pg_collation co ON co.oid = ik.coll"
	" GROUP BY ik.indexrelid)"
	" SELECT n.nspname AS schema, t.relname AS table, c.relname AS index,"
	" c.oid::int8 AS oid, am.amname AS method,"
	" i.indisunique AS is_unique, i.indisprimary AS is_primary,"
	" i.indisexclusion AS is_exclusion, i.indisreplident AS is_replica_identity,"
	" i.indisvalid AS is_valid, i.indisready AS is_ready,"
	" c.relkind = 'I' AS is_partitioned,"
	" con.conname AS constraint,"
	" CASE con.contype WHEN 'p' THEN 'primary_key' WHEN 'u' THEN 'unique'"
	"  WHEN 'x' THEN 'exclusion' END AS constraint_type,"
	" COALESCE(keys.keys, '[]') AS keys,"
	" COALESCE(keys.include, '[]') AS include,"
	" pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,"
	" pg_catalog.pg_get_indexdef(c.oid) AS definition,"
	" CASE WHEN c.relkind = 'I' THEN (SELECT COALESCE(sum(pg_catalog.pg_relation_size(pt.relid)), 0)"
	"   FROM pg_catalog.pg_partition_tree(c.oid) pt WHERE pt.isleaf)"
	"  ELSE pg_catalog.pg_relation_size(c.oid) END AS size_bytes,"
	" " INDEX_STAT(
		"pg_stat_get_numscans") " AS scans,"
					" " INDEX_STAT(
						"pg_stat_get_tuples_returned") " AS tuples_read,"
									       " " INDEX_STAT(
										       "pg_stat_get_tuples_fetched") " AS tuples_fetched,"
														     " pn.nspname AS parent_schema, pc.relname AS parent_index"
														     " FROM pg_catalog.pg_index i"
														     " JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
														     " JOIN pg_catalog.pg_class t ON t.oid = i.indrelid"
														     " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
														     " JOIN pg_catalog.pg_am am ON am.oid = c.relam"
														     " LEFT JOIN keys ON keys.indexrelid = i.indexrelid"
														     " LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = c.oid"
														     "  AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')"
														     " LEFT JOIN pg_catalog.pg_inherits inh ON c.relispartition AND inh.inhrelid = c.oid"
														     " LEFT JOIN pg_catalog.pg_class pc ON pc.oid = inh.inhparent"
														     " LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace"
														     " WHERE t.relkind IN ('r', 'p', 'm') AND t.relpersistence <> 't'"
														     " AND " USER_SCHEMA(
															     "n") " ORDER BY n.nspname COLLATE \"C\", t.relname COLLATE \"C\", c.relname COLLATE \"C\"";

static const struct col_spec index_specs[] = {{"oid", K_NUM},
					      {"is_unique", K_BOOL},
					      {"is_primary", K_BOOL},
					      {"is_exclusion", K_BOOL},
					      {"is_replica_identity", K_BOOL},
					      {"is_valid", K_BOOL},
					      {"is_ready", K_BOOL},
					      {"is_partitioned", K_BOOL},
					      {"keys", K_JSON},
					      {"include", K_JSON},
					      {"size_bytes", K_NUM},
					      {"scans", K_NUM},
					      {"tuples_read", K_NUM},
					      {"tuples_fetched", K_NUM},
					      {NULL, K_STR}};

#define FK_ACTION(col)                                                    \
	"CASE " col " WHEN 'a' THEN 'no_action' WHEN 'r' THEN 'restrict'" \
	" WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set_null'"               \
	" WHEN 'd' THEN 'set_default' END"

static const char constraints_sql[] = MARK
	"SELECT n.nspname AS schema, t.relname AS table, con.conname AS constraint,"
	" CASE con.contype WHEN 'p' THEN 'primary_key' WHEN 'u' THEN 'unique'"
	"  WHEN 'f' THEN 'foreign_key' WHEN 'c' THEN 'check'"
	"  WHEN 'x' THEN 'exclusion' WHEN 't' THEN 'trigger' ELSE con.contype::text END AS constraint_type,"
	" COALESCE((SELECT pg_catalog.json_agg(a.attname ORDER BY k.n)"
	"  FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)"
	"  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),"
	"  '[]') AS columns,"
	" rn.nspname AS ref_schema, rt.relname AS ref_table,"
	" (SELECT pg_catalog.json_agg(a.attname ORDER BY k.n)"
	"  FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, n)"
	"  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)"
	"  AS ref_columns,"
	" CASE WHEN con.contype = 'f' THEN " FK_ACTION(
		"con.confupdtype") " END AS on_update,"
				   " CASE WHEN con.contype = 'f' THEN " FK_ACTION(
					   "con.confdeltype") " END AS on_delete,"
							      " ic.relname AS index,"
							      " con.convalidated AS is_validated, con.condeferrable AS is_deferrable,"
							      " con.conparentid <> 0 AS is_inherited,"
							      " pg_catalog.pg_get_constraintdef(con.oid, true) AS definition"
							      " FROM pg_catalog.pg_constraint con"
							      " JOIN pg_catalog.pg_class t ON t.oid = con.conrelid"
							      " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
							      " LEFT JOIN pg_catalog.pg_class rt ON rt.oid = con.confrelid"
							      " LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rt.relnamespace"
							      " LEFT JOIN pg_catalog.pg_class ic ON ic.oid = con.conindid AND con.contype IN ('p', 'u', 'x')"
							      " WHERE t.relkind IN ('r', 'p', 'm') AND t.relpersistence <> 't'"
							      " AND " USER_SCHEMA(
								      "n") " ORDER BY n.nspname COLLATE \"C\", t.relname COLLATE \"C\", con.conname COLLATE \"C\"";

static const struct col_spec constraint_specs[] = {
	{"columns", K_JSON},	  {"ref_columns", K_JSON},
	{"is_validated", K_BOOL}, {"is_deferrable", K_BOOL},
	{"is_inherited", K_BOOL}, {NULL, K_STR}};

/* ---- statements -------------------------------------------------------- */

static const struct col_spec statement_specs[] = {
	{"toplevel", K_BOOL},
	{"calls", K_NUM},
	{"total_ms", K_NUM},
	{"mean_ms", K_NUM},
	{"min_ms", K_NUM},
	{"max_ms", K_NUM},
	{"stddev_ms", K_NUM},
	{"rows", K_NUM},
	{"shared_blks_hit", K_NUM},
	{"shared_blks_read", K_NUM},
	{"shared_blks_dirtied", K_NUM},
	{"shared_blks_written", K_NUM},
	{"local_blks_hit", K_NUM},
	{"local_blks_read", K_NUM},
	{"temp_blks_read", K_NUM},
	{"temp_blks_written", K_NUM},
	{"blk_read_ms", K_NUM},
	{"blk_write_ms", K_NUM},
	{"plans", K_NUM},
	{"total_plan_ms", K_NUM},
	{"wal_bytes", K_NUM},
	{NULL, K_STR}};

static void statements_sql(struct adv_buf *b, const char *schema_quoted,
			   const char *version)
{
	int v18 = version_at_least(version, 1, 8);
	int v19 = version_at_least(version, 1, 9);
	int v111 = version_at_least(version, 1, 11);

	adv_buf_addf(
		b,
		MARK
		"SELECT s.queryid::text AS queryid, r.rolname AS user,"
		" %s AS toplevel,"
		" CASE WHEN s.query = '<insufficient privilege>' THEN NULL ELSE s.query END AS query,"
		" s.calls, s.%s AS total_ms, s.%s AS mean_ms, s.%s AS min_ms,"
		" s.%s AS max_ms, s.%s AS stddev_ms, s.rows,"
		" s.shared_blks_hit, s.shared_blks_read, s.shared_blks_dirtied,"
		" s.shared_blks_written, s.local_blks_hit, s.local_blks_read,"
		" s.temp_blks_read, s.temp_blks_written,"
		" s.%s AS blk_read_ms, s.%s AS blk_write_ms,"
		" %s AS plans, %s AS total_plan_ms, %s AS wal_bytes,"
		" s.query = '<insufficient privilege>' AS _hidden"
		" FROM %s.pg_stat_statements s"
		" LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.userid"
		" WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d"
		"  WHERE d.datname = pg_catalog.current_database())"
		/* not IndexPilot's own statements: the collector's and the
		 * session setup (marked), and what the what-if sessions of
		 * ip-indexes --advise prepare and call (an EXPLAIN of a
		 * statement without parameters cannot be told from a user's,
		 * and is no workload for the advisor anyway) */
		" AND s.query NOT LIKE '/* ip-%%'"
		" AND s.query !~ '(ip_whatif_[0-9]|hypopg_(create_index|drop_index|reset|relation_size))'"
		" ORDER BY s.queryid, r.rolname COLLATE \"C\"%s",
		v19 ? "s.toplevel" : "NULL::bool",
		v18 ? "total_exec_time" : "total_time",
		v18 ? "mean_exec_time" : "mean_time",
		v18 ? "min_exec_time" : "min_time",
		v18 ? "max_exec_time" : "max_time",
		v18 ? "stddev_exec_time" : "stddev_time",
		v111 ? "shared_blk_read_time" : "blk_read_time",
		v111 ? "shared_blk_write_time" : "blk_write_time",
		v18 ? "s.plans" : "NULL::int8",
		v18 ? "s.total_plan_time" : "NULL::float8",
		v18 ? "s.wal_bytes" : "NULL::numeric", schema_quoted,
		v19 ? ", s.toplevel DESC" : "");
}

/* ---- plans -------------------------------------------------------- */

struct plan_candidate {
	const char *queryid;
	const char *query;
	double total_ms;
};

static int cmp_plan_candidate(const void *a, const void *b)
{
	const struct plan_candidate *x = a;
	const struct plan_candidate *y = b;

	if (x->total_ms != y->total_ms)
		return x->total_ms > y->total_ms ? -1 : 1;
	return strcmp(x->queryid, y->queryid);
}

/* 1 when sql is one SELECT (EXPLAIN of it is read-only); sets *params to
 * its highest $n. */
static int plannable(const char *sql, int *params)
{
	cJSON *tree = NULL;
	const cJSON *stmts;
	const cJSON *first;
	int ok = 0;

	if (adv_sql_parse(sql, &tree, NULL) != ADV_OK)
		return 0;
	stmts = cJSON_GetObjectItemCaseSensitive(tree, "stmts");
	first = cJSON_GetArrayItem(stmts, 0);
	if (cJSON_GetArraySize(stmts) == 1 && first != NULL) {
		const cJSON *stmt =
			cJSON_GetObjectItemCaseSensitive(first, "stmt");

		ok = cJSON_HasObjectItem(stmt, "SelectStmt") &&
		     strstr(sql, "FOR UPDATE") == NULL &&
		     strstr(sql, "for update") == NULL;
	}
	cJSON_Delete(tree);
	*params = adv_sql_max_param(sql);
	return ok;
}

/*
 * One generic plan: PREPARE + EXPLAIN EXECUTE with NULL for every
 * parameter under plan_cache_mode = force_generic_plan (the plan the
 * server caches for the statement, whatever the values), in a savepoint
 * so that a statement the planner refuses costs only its own record.
 * Nothing is executed. Returns ADV_OK with *plan NULL when it could not
 * be planned.
 */
static enum adv_status explain_generic(struct pg_collect *pc, const char *sql,
				       int params, cJSON **plan,
				       struct adv_error *err)
{
	struct adv_result *res = NULL;
	struct adv_buf text;
	struct adv_error qerr;
	enum adv_status st;
	int i;

	*plan = NULL;
	st = adv_conn_exec(pc->conn, MARK "SAVEPOINT ip_plan", err);
	if (st != ADV_OK)
		return st;
	adv_buf_init(&text);
	adv_error_init(&qerr);
	if (params > 0) {
		adv_buf_addf(&text, MARK "PREPARE ip_collect_plan AS %s", sql);
		st = adv_conn_exec(pc->conn, text.data, &qerr);
		adv_buf_reset(&text);
		if (st == ADV_OK) {
			adv_buf_addstr(&text,
				       MARK "EXPLAIN (FORMAT JSON) EXECUTE "
					    "ip_collect_plan(");
			for (i = 0; i < params; i++)
				adv_buf_addstr(&text,
					       i > 0 ? ", NULL" : "NULL");
			adv_buf_addch(&text, ')');
			st = adv_conn_query(pc->conn, text.data, 0, NULL, &res,
					    &qerr);
			/* prepared statements outlive a rollback */
			adv_conn_exec(pc->conn,
				      MARK "DEALLOCATE ip_collect_plan", NULL);
		}
	} else {
		adv_buf_addf(&text, MARK "EXPLAIN (FORMAT JSON) %s", sql);
		st = adv_conn_query(pc->conn, text.data, 0, NULL, &res, &qerr);
	}
	adv_buf_release(&text);
	if (st == ADV_OK && adv_result_rows(res) > 0 &&
	    adv_result_get(res, 0, 0) != NULL)
		*plan = cJSON_Parse(adv_result_get(res, 0, 0));
	adv_result_free(res);
	if (st == ADV_ESERVER) {
		adv_log(ADV_LOG_INFO, "no plan for '%.60s': %s", sql,
			qerr.message);
		st = ADV_OK;
	}
	if (st != ADV_OK) {
		*err = qerr;
		return st;
	}
	return adv_conn_exec(pc->conn, MARK "ROLLBACK TO SAVEPOINT ip_plan",
			     err);
}

static enum adv_status collect_plans(struct pg_collect *pc,
				     struct adv_result *res, size_t limit,
				     struct adv_error *err)
{
	int qid_col = adv_result_col(res, "queryid");
	int query_col = adv_result_col(res, "query");
	int total_col = adv_result_col(res, "total_ms");
	size_t rows = adv_result_rows(res);
	struct plan_candidate *cand;
	size_t n = 0;
	size_t i;
	size_t done = 0;
	enum adv_status st;

	if (qid_col < 0 || query_col < 0 || total_col < 0 || rows == 0)
		return ADV_OK;
	cand = adv_xcalloc(rows, sizeof(*cand));
	for (i = 0; i < rows; i++) {
		const char *q = adv_result_get(res, i, (size_t)query_col);
		const char *id = adv_result_get(res, i, (size_t)qid_col);
		const char *t = adv_result_get(res, i, (size_t)total_col);

		if (q == NULL || id == NULL)
			continue;
		cand[n].queryid = id;
		cand[n].query = q;
		cand[n].total_ms = t != NULL ? strtod(t, NULL) : 0;
		n++;
	}
	qsort(cand, n, sizeof(*cand), cmp_plan_candidate);
	/* plan as the application does: its search_path, not ours */
	st = adv_conn_exec(
		pc->conn,
		MARK "SELECT pg_catalog.set_config('search_path', "
		     "(SELECT reset_val FROM pg_catalog.pg_settings WHERE name "
		     "= 'search_path'), true), pg_catalog.set_config("
		     "'plan_cache_mode', 'force_generic_plan', true)",
		err);
	for (i = 0; i < n && done < limit && st == ADV_OK; i++) {
		int params;
		cJSON *plan;
		cJSON *rec;

		if (!plannable(cand[i].query, &params))
			continue;
		st = explain_generic(pc, cand[i].query, params, &plan, err);
		if (st != ADV_OK || plan == NULL)
			continue;
		rec = adv_record_new("plan", 1, pc->ts, &pc->src);
		cJSON_AddStringToObject(rec, "queryid", cand[i].queryid);
		cJSON_AddStringToObject(rec, "query", cand[i].query);
		cJSON_AddBoolToObject(rec, "generic", 1);
		cJSON_AddItemToObject(rec, "plan", plan);
		st = emit(pc, rec, err);
		done++;
	}
	if (st == ADV_OK)
		st = adv_conn_exec(
			pc->conn,
			MARK "SELECT pg_catalog.set_config('search_path', "
			     "'pg_catalog, pg_temp', true), "
			     "pg_catalog.set_config('plan_cache_mode', "
			     "'auto', true)",
			err);
	free(cand);
	return st;
}

static enum adv_status collect_statements(struct pg_collect *pc,
					  const struct snapshot_info *info,
					  size_t plans, struct adv_error *err)
{
	struct adv_result *res = NULL;
	struct adv_buf sql;
	char *schema;
	enum adv_status st;
	size_t row, hidden = 0;
	int hidden_col;

	if (info->pgss_version == NULL) {
		return warn(
			pc, "extension-missing", "statement", NULL,
			info->pgss_preloaded
				? "pg_stat_statements is preloaded but not created in this database: run CREATE EXTENSION pg_stat_statements"
				: "pg_stat_statements is not installed: no statement records (add it to shared_preload_libraries and CREATE EXTENSION pg_stat_statements)",
			err);
	}
	/* created but not loaded: querying the view would only fail */
	if (info->preload_visible && !info->pgss_preloaded)
		return warn(
			pc, "extension-missing", "statement", NULL,
			"pg_stat_statements is created but not loaded: add it to shared_preload_libraries and restart",
			err);
	schema = adv_conn_quote_ident(pc->conn, info->pgss_schema);
	adv_buf_init(&sql);
	statements_sql(&sql, schema, info->pgss_version);
	free(schema);
	st = section_query(pc, "statement", sql.data, 0, NULL, &res, err);
	adv_buf_release(&sql);
	hidden_col = adv_result_col(res, "_hidden");
	for (row = 0; st == ADV_OK && row < adv_result_rows(res); row++) {
		const char *h = adv_result_get(res, row, (size_t)hidden_col);

		if (h != NULL && h[0] == 't')
			hidden++;
		st = emit(
			pc,
			row_record(pc, "statement", res, row, statement_specs),
			err);
	}
	if (st == ADV_OK && plans > 0 && res != NULL)
		st = collect_plans(pc, res, plans, err);
	adv_result_free(res);
	if (st == ADV_OK && hidden > 0) {
		char *message = adv_xstrfmt(
			"the text of %zu statements is hidden from this role: grant it pg_read_all_stats",
			hidden);

		st = warn(pc, "permission-denied", "statement", NULL, message,
			  err);
		free(message);
	}
	return st;
}

/*
 * pg_qualstats: the predicates the executor evaluated, per query, after
 * views and functions were expanded; the advisor adds them to what it
 * reads from the statements' text. A qual on two relations is a join.
 */
static const struct col_spec qual_specs[] = {{"occurences", K_NUM},
					     {"execution_count", K_NUM},
					     {"nbfiltered", K_NUM},
					     {NULL, K_STR}};

static enum adv_status collect_quals(struct pg_collect *pc,
				     const struct snapshot_info *info,
				     struct adv_error *err)
{
	char *schema = adv_conn_quote_ident(pc->conn, info->qualstats_schema);
	char *sql = adv_xstrfmt(
		MARK
		"SELECT q.queryid::text AS queryid, nl.nspname AS schema,"
		" cl.relname AS table, al.attname AS column,"
		" op.oprname AS operator,"
		" nr.nspname AS ref_schema, cr.relname AS ref_table,"
		" ar.attname AS ref_column,"
		" sum(q.occurences)::int8 AS occurences,"
		" sum(q.execution_count)::int8 AS execution_count,"
		" sum(q.nbfiltered)::int8 AS nbfiltered"
		" FROM %s.pg_qualstats q"
		" JOIN pg_catalog.pg_class cl ON cl.oid = q.lrelid"
		" JOIN pg_catalog.pg_namespace nl ON nl.oid = cl.relnamespace"
		" JOIN pg_catalog.pg_attribute al"
		"  ON al.attrelid = q.lrelid AND al.attnum = q.lattnum"
		" JOIN pg_catalog.pg_operator op ON op.oid = q.opno"
		" LEFT JOIN pg_catalog.pg_class cr ON cr.oid = q.rrelid"
		" LEFT JOIN pg_catalog.pg_namespace nr ON nr.oid = cr.relnamespace"
		" LEFT JOIN pg_catalog.pg_attribute ar"
		"  ON ar.attrelid = q.rrelid AND ar.attnum = q.rattnum"
		" WHERE " USER_SCHEMA(
			"nl") " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
			      " ORDER BY q.queryid::text, nl.nspname COLLATE \"C\", cl.relname COLLATE \"C\","
			      " al.attname COLLATE \"C\", op.oprname COLLATE \"C\", nr.nspname COLLATE \"C\", cr.relname COLLATE \"C\", ar.attname COLLATE \"C\"",
		schema);
	enum adv_status st = emit_rows(pc, "qual", sql, qual_specs, err);

	free(sql);
	free(schema);
	return st;
}

static const char settings_sql[] =
	MARK "SELECT name, setting, unit, category, vartype, source, context,"
	     " boot_val, reset_val, pending_restart"
	     " FROM pg_catalog.pg_settings ORDER BY name COLLATE \"C\"";

static const struct col_spec setting_specs[] = {{"pending_restart", K_BOOL},
						{NULL, K_STR}};

enum adv_status adv_collect_pg(struct adv_conn *conn,
			       const struct adv_collect_opts *opts,
			       adv_emit_fn emit_fn, void *ctx,
			       struct adv_error *err)
{
	struct pg_collect pc;
	struct snapshot_info info;
	struct adv_collect_opts defaults;
	enum adv_status st;

	memset(&defaults, 0, sizeof(defaults));
	if (opts == NULL)
		opts = &defaults;
	memset(&pc, 0, sizeof(pc));
	memset(&info, 0, sizeof(info));
	pc.conn = conn;
	pc.emit = emit_fn;
	pc.ctx = ctx;
	adv_source_init(&pc.src);
	pc.src.engine = adv_xstrdup("postgresql");
	pc.src.host = adv_xstrdup(adv_conn_host(conn));
	pc.src.port = adv_conn_port(conn);
	pc.src.database = adv_xstrdup(adv_conn_database(conn));
	adv_ts_now(pc.ts);

	st = adv_conn_exec(
		conn, MARK "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
		err);
	if (st == ADV_OK)
		st = collect_snapshot(&pc, &info, err);
	if (st == ADV_OK)
		st = emit_rows(&pc, "table", tables_sql, table_specs, err);
	if (st == ADV_OK && !opts->skip_columns && !info.can_read_statistic)
		st = warn(
			&pc, "permission-denied", "column", NULL,
			"this role may not read pg_statistic: planner statistics are null for the columns it may not select",
			err);
	if (st == ADV_OK && !opts->skip_columns)
		st = emit_rows(&pc, "column",
			       info.can_read_statistic
				       ? columns_from_statistic_sql
				       : columns_from_stats_sql,
			       column_specs, err);
	if (st == ADV_OK)
		st = emit_rows(&pc, "index", indexes_sql, index_specs, err);
	if (st == ADV_OK)
		st = emit_rows(&pc, "constraint", constraints_sql,
			       constraint_specs, err);
	if (st == ADV_OK && !opts->skip_statements)
		st = collect_statements(&pc, &info, opts->plans, err);
	if (st == ADV_OK && !opts->skip_statements &&
	    info.qualstats_schema != NULL) {
		if (info.preload_visible && !info.qualstats_preloaded)
			st = warn(
				&pc, "extension-missing", "qual", NULL,
				"pg_qualstats is created but not loaded: add it to shared_preload_libraries and restart",
				err);
		else
			st = collect_quals(&pc, &info, err);
	}
	if (st == ADV_OK && !opts->skip_settings)
		st = emit_rows(&pc, "setting", settings_sql, setting_specs,
			       err);
	if (st == ADV_OK)
		st = adv_conn_exec(conn, MARK "COMMIT", err);
	else
		adv_conn_exec(conn, MARK "ROLLBACK", NULL);

	free(info.pgss_schema);
	free(info.qualstats_schema);
	free(info.pgss_version);
	adv_source_release(&pc.src);
	if (st == ADV_OK && pc.partial)
		return ADV_EPARTIAL;
	return st;
}
