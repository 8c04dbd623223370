#ifndef ADV_MODEL_H
#define ADV_MODEL_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "record.h"
#include "status.h"

/*
 * The in-memory catalog that analyses read, built from fact records (never
 * from a driver), so a test builds one from a few lines of NDJSON.
 *
 * Records are grouped into snapshots by their src and ts: the snapshot
 * record of a collection and every fact that shares its source and time.
 * Facts whose snapshot record is missing (grep'ed input) get an implicit
 * snapshot with an unknown statistics window.
 */
struct adv_model_snapshot;

struct adv_model_key {
	char *column; /* NULL for an expression key */
	char *expression;
	char *opclass;
	int opclass_default; /* 1, 0, or -1 unknown */
	char *collation;
	char *direction; /* "asc", "desc", NULL for unordered methods */
	char *nulls;	 /* "first", "last", NULL */
};

struct adv_model_index {
	struct adv_model_snapshot *snap;
	char *schema;
	char *table;
	char *name;
	double oid; /* creation order proxy; 0 when unknown */
	char *method;
	int is_unique, is_primary, is_exclusion, is_replica_identity;
	int is_valid, is_ready, is_partitioned; /* -1 unknown */
	char *constraint; /* backing constraint name or NULL */
	char *constraint_type;
	struct adv_model_key *keys;
	size_t nkeys;
	char **include;
	size_t ninclude;
	char *predicate;
	char *definition;
	double size_bytes;
	int has_size;
	double scans, tuples_read, tuples_fetched;
	int has_scans;
	char *parent_schema; /* set for a partition's index attached to a */
	char *parent_index;  /* partitioned index */
};

struct adv_model_table {
	struct adv_model_snapshot *snap;
	char *schema;
	char *table;
	char *kind; /* "table", "partitioned", "matview" */
	int is_partition;
	char *parent_schema; /* for a partition: its partitioned table */
	char *parent_table;
	double size_bytes, estimated_rows;
	double n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd;
	int has_writes;
};

struct adv_model_constraint {
	struct adv_model_snapshot *snap;
	char *schema;
	char *table;
	char *name;
	char *type; /* "primary_key", "unique", "foreign_key", ... */
	char **columns;
	size_t ncolumns;
	char *ref_schema;
	char *ref_table;
	char **ref_columns;
	size_t nref_columns;
	char *index;
	int is_inherited;
	char *definition;
};

/* A statement record (pg_stat_statements): the workload of --advise. */
struct adv_model_statement {
	struct adv_model_snapshot *snap;
	char *queryid;
	char *user;
	char *query; /* NULL when hidden from the collecting role */
	double calls;
	double total_ms;
	double rows;
	int toplevel; /* 1, 0, or -1 unknown */
	/* mean_ms as recorded (has_mean_ms 0: absent, then total_ms / calls
	 * is the mean); temp_blks_written 0 when absent */
	double mean_ms;
	int has_mean_ms;
	double temp_blks_written;
	int has_temp_blks;
	/* min_ms and max_ms when both were recorded */
	double min_ms, max_ms;
	int has_min_max;
	/* MySQL: rows_examined and rows_sent (performance_schema's
	 * SUM_ROWS_EXAMINED / SUM_ROWS_SENT) when recorded */
	double rows_examined, rows_sent;
	int has_rows_examined;
	/* shared_blks_hit + shared_blks_read: the logical reads */
	double reads;
	int has_reads;
};

/*
 * One column of a table with its planner statistics (pg_stats), from a
 * "column" record. has_stats is 0 when the table was never analysed; the
 * numbers are then 0. n_distinct as PostgreSQL: > 0 a count of distinct
 * values, < 0 minus the fraction of rows (it grows with the table), 0
 * unknown. collation is NULL for a type without one (or when unknown).
 */
struct adv_model_column {
	struct adv_model_snapshot *snap;
	char *schema;
	char *table;
	char *column;
	int position;	 /* attnum, 1-based; 0 when unknown */
	char *data_type; /* format_type(): "text", "character varying(20)" */
	int not_null;	 /* 1, 0, or -1 unknown */
	char *collation;
	double null_frac, n_distinct, correlation, avg_width;
	int has_stats;
};

/* A qual record (pg_qualstats): a predicate the executor evaluated. */
struct adv_model_qual {
	char *queryid;
	char *schema, *table, *column;
	char *operator;				   /* "=", "<", "~~", ... */
	char *ref_schema, *ref_table, *ref_column; /* a join's other side */
	double execution_count;
};

struct adv_model_snapshot {
	struct adv_source src;
	char *ts;
	double ts_epoch;
	int explicit; /* a snapshot record was seen */
	char *server_version;
	char *stats_reset;
	char *postmaster_start;
	/* start of the statistics window: stats_reset, else the postmaster
	 * start (statistics older than a restart are not trusted) */
	double window_start;
	int has_window;
	struct adv_model_table **tables;
	size_t ntables, tables_alloc;
	struct adv_model_index **indexes;
	size_t nindexes, indexes_alloc;
	struct adv_model_constraint **constraints;
	size_t nconstraints, constraints_alloc;
	struct adv_model_column **columns;
	size_t ncolumns, columns_alloc;
	struct adv_model_statement **statements;
	size_t nstatements, statements_alloc;
	struct adv_model_qual **quals;
	size_t nquals, quals_alloc;
	/* built by adv_model_finish: indexes and tables sorted by name */
	struct adv_model_index **index_by_name;
	struct adv_model_table **table_by_name;
	/* also built by adv_model_finish: columns by name, and by table
	 * and position */
	struct adv_model_column **column_by_name;
	struct adv_model_column **column_by_position;
};

struct adv_model {
	struct adv_model_snapshot **snapshots;
	size_t nsnapshots, snapshots_alloc;
	size_t last_hit;
};

void adv_model_init(struct adv_model *m);
void adv_model_release(struct adv_model *m);

/*
 * Adds one record (the model copies what it needs; rec stays the caller's).
 * where is "file:line" for messages. Unknown types are ignored; a known
 * type with a key of the wrong type is ADV_EINPUT.
 */
enum adv_status adv_model_add(struct adv_model *m, const cJSON *rec,
			      const char *where, struct adv_error *err);

/* Builds the lookup tables; call once after the last adv_model_add. */
void adv_model_finish(struct adv_model *m);

/*
 * A database as the analyses see it: every node (primary, replicas) that
 * serves the same database of the same cluster, each at its latest
 * snapshot. view is the snapshot whose catalog is analysed (the latest
 * primary's, else the latest node's).
 */
struct adv_model_database {
	struct adv_model_snapshot *view;
	struct adv_model_snapshot **nodes;
	size_t nnodes;
};

/* Groups the snapshots; caller frees with adv_model_databases_free. Order
 * is deterministic (by engine, cluster or host, database). */
void adv_model_databases(const struct adv_model *m,
			 struct adv_model_database **out, size_t *n);
void adv_model_databases_free(struct adv_model_database *dbs, size_t n);

/* Lookups within one snapshot; NULL when absent. */
struct adv_model_index *adv_model_find_index(const struct adv_model_snapshot *s,
					     const char *schema,
					     const char *name);
struct adv_model_table *adv_model_find_table(const struct adv_model_snapshot *s,
					     const char *schema,
					     const char *table);
struct adv_model_column *adv_model_find_column(
	const struct adv_model_snapshot *s, const char *schema,
	const char *table, const char *column);
/*
 * A table's columns in position order: *first points into the snapshot's
 * column_by_position (valid until the model is released) and *n counts
 * them; *n is 0 (and *first NULL) when the table has no column records.
 */
void adv_model_table_columns(const struct adv_model_snapshot *s,
			     const char *schema, const char *table,
			     struct adv_model_column *const **first, size_t *n);
/*
 * A name for a new index, as PostgreSQL would pick: "table_part1_part2_idx",
 * cut to 63 bytes on a character boundary, with a number added
 * ("_idx1", ...) until neither a relation of the schema nor one of
 * taken[0..ntaken) has it. Caller frees.
 */
char *adv_model_new_index_name(const struct adv_model_snapshot *s,
			       const char *schema, const char *table,
			       const char *const *parts, size_t nparts,
			       char *const *taken, size_t ntaken);

/* Whether a relation (table or index) of that name exists in the schema. */
int adv_model_relation_exists(const struct adv_model_snapshot *s,
			      const char *schema, const char *name);

#endif
