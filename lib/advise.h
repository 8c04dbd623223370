#ifndef ADV_ADVISE_H
#define ADV_ADVISE_H

#include <stddef.h>

#include "advise_cand.h"
#include "conn.h"
#include "model.h"
#include "report.h"
#include "status.h"

/*
 * ip-indexes --advise: the set of new indexes that minimises the estimated
 * workload cost within a storage budget and count limits, each reported as
 * a missing-index finding, plus one selection record for the run.
 *
 * The workload is the statement records of the snapshot (pg_stat_statements:
 * cost x calls) or a SQL file (weight 1 per statement unless a
 * "-- calls: N" comment says otherwise). With a connection, costs are the
 * planner's, with HypoPG hypothetical indexes; without one, a cost model
 * over table and column statistics ranks the candidates (lower confidence).
 */
enum adv_strategy {
	ADV_STRATEGY_IP = 0,	      /* exact integer program (GLPK) */
	ADV_STRATEGY_GREEDY,	      /* benefit per byte, LP-bounded */
	ADV_STRATEGY_DEXTER,	      /* baseline: width <= 2, 50 % rule */
	ADV_STRATEGY_EVERY_PREDICATE, /* baseline: one index per column */
	ADV_STRATEGY_EXTEND	      /* baseline: add or widen greedily */
};

/* Parses "ip", "greedy" (also "lp-greedy"), "dexter",
 * "every-predicate", "extend". */
int adv_strategy_parse(const char *s, enum adv_strategy *out);
const char *adv_strategy_name(enum adv_strategy s);

struct adv_advise_opts {
	double budget_bytes;	   /* < 0: no budget */
	size_t max_indexes;	   /* 0: no limit */
	size_t max_per_table;	   /* 0: no limit */
	struct adv_cand_opts cand; /* max_width etc. */
	const char *workload_file; /* NULL: statement records */
	struct adv_conn *conn;	   /* NULL: offline cost model */
	enum adv_strategy strategy;
	size_t exact_limit;	   /* more candidates: greedy (default 600) */
	double time_limit_seconds; /* for the exact solver (default 20) */
	size_t max_statements;	   /* by total time (default 200) */
};

void adv_advise_opts_init(struct adv_advise_opts *o);

/*
 * Advises each database of the model (with a connection: the one it is
 * connected to). Findings and the selection record go to report; the
 * report's summary is not written here.
 */
enum adv_status adv_advise(const struct adv_model *m,
			   const struct adv_advise_opts *opts,
			   struct adv_report *report, struct adv_error *err);

#endif
