#ifndef ADV_ADVISE_CAND_H
#define ADV_ADVISE_CAND_H

#include <stddef.h>

#include "candidate.h"
#include "model.h"
#include "status.h"

/*
 * Candidate indexes from the parse tree of one statement (libpg_query),
 * resolved against the catalog of a snapshot (tables, columns with planner
 * statistics, existing indexes).
 */
struct adv_cand_opts {
	size_t max_width;  /* keys per candidate (default 3) */
	int no_include;	   /* no INCLUDE (covering) candidates */
	int no_partial;	   /* no partial-index candidates */
	int no_expression; /* no expression-index candidates */
};

/*
 * What a statement asks of one table, in its own terms: the columns it
 * filters with equality (=, IN, = ANY, IS NULL), with a range (<, <=, >,
 * >=, BETWEEN, LIKE 'prefix%'), joins on, sorts or groups by (with
 * direction), and every column it reads (for covering indexes); indexable
 * expressions (lower(col) = ...) and selective constant predicates
 * (status = 'failed') suitable for a partial index. Filled by
 * adv_stmt_analyse; the advisor's baselines use it too.
 */
struct adv_col_use {
	char *column;	  /* or NULL with expression set */
	char *expression; /* SQL text of an indexable expression */
	int desc;	  /* for sort columns */
};

struct adv_table_use {
	char *schema;
	char *table;
	struct adv_col_use *eq, *range, *join, *sort, *read;
	size_t neq, nrange, njoin, nsort, nread;
	char **partial; /* constant predicates, as SQL text */
	size_t npartial;
	int has_limit; /* the statement has a LIMIT */
	int read_all;  /* SELECT * or t.* */
};

struct adv_stmt_use {
	struct adv_table_use *tables;
	size_t ntables;
	int is_write; /* INSERT, UPDATE, DELETE */
};

/*
 * Analyses one statement. Tables not in the catalog are left out;
 * unqualified columns are resolved through the FROM list and the catalog's
 * column records, aliases through the FROM list. ADV_EINPUT when sql does
 * not parse (the message names the position).
 */
enum adv_status adv_stmt_analyse(const char *sql,
				 const struct adv_model_snapshot *catalog,
				 struct adv_stmt_use *out,
				 struct adv_error *err);
void adv_stmt_use_release(struct adv_stmt_use *u);

/*
 * Adds to set the candidate indexes that could serve the statement and
 * returns in *ids (malloc'd; caller frees) the ids of every candidate
 * relevant to it, including ones already in the set. For each table:
 * single columns, then multi-column orderings up to max_width (equality
 * columns first, most selective first by the column's n_distinct, then one
 * range column, then sort columns in the statement's direction), the same
 * with INCLUDE of the other columns it reads (index-only scans) when that
 * stays small, partial indexes for selective constant predicates, and
 * expression keys. A candidate an existing index already serves
 * (adv_candidate_served_by) is not proposed.
 */
enum adv_status adv_candidates_for(const struct adv_stmt_use *use,
				   const struct adv_model_snapshot *catalog,
				   const struct adv_cand_opts *opts,
				   struct adv_cand_set *set, int **ids,
				   size_t *nids, struct adv_error *err);

#endif
