#ifndef ADV_SELECT_H
#define ADV_SELECT_H

#include <stddef.h>

#include "status.h"

/*
 * Index selection for ip-indexes --advise, independent of SQL and servers:
 * given candidate indexes (size, maintenance cost, table) and statements
 * whose cost is known under a few configurations (sets of candidates),
 * choose the candidates that minimise the weighted workload cost plus the
 * maintenance cost, within the storage budget and the count limits.
 *
 * A statement's cost under a set S of chosen candidates is the cheapest of
 * its configurations whose candidates are all in S; configuration 0 of every
 * statement is the empty one (the cost with existing indexes only), so that
 * minimum always exists.
 */
struct adv_sel_config {
	size_t *cands; /* candidate numbers, ascending */
	size_t ncands;
	double cost; /* estimated cost of one execution */
};

struct adv_sel_stmt {
	double weight; /* executions (calls) */
	struct adv_sel_config *configs;
	size_t nconfigs; /* >= 1; configs[0].ncands == 0 */
};

struct adv_sel_problem {
	size_t ncands;
	const double *size_bytes; /* per candidate, > 0 */
	const double *maint_cost; /* per candidate, >= 0, same unit as
				     weight * cost: what the index costs
				     the writes over the window */
	const size_t *table;	  /* per candidate: its table number */
	size_t ntables;
	const struct adv_sel_stmt *stmts;
	size_t nstmts;
	double budget_bytes;	   /* < 0: no budget */
	size_t max_indexes;	   /* 0: no limit */
	size_t max_per_table;	   /* 0: no limit */
	double time_limit_seconds; /* for the exact solver; 0: none */
};

struct adv_sel_result {
	unsigned char *chosen; /* per candidate, 1 when selected */
	size_t *config_of;     /* per statement: the configuration used */
	double cost_before;    /* sum of weight * configs[0].cost */
	double cost_after;     /* weighted cost with the selection, plus the
				  maintenance cost of what was chosen */
	double used_bytes;
	double bound;	    /* proven lower bound on the optimum */
	double gap;	    /* (cost_after - bound) / cost_after, >= 0 */
	const char *solver; /* "glpk" or "greedy" */
};

void adv_sel_result_init(struct adv_sel_result *r);
void adv_sel_result_release(struct adv_sel_result *r);

/*
 * The exact integer program (GLPK branch and cut): x_i chooses candidate
 * i, y_qc chooses configuration c for statement q; sum_c y_qc = 1,
 * y_qc <= x_i for each i in c, the budget, count and per-table limits.
 * Returns the optimum with gap 0, or on the time limit the best found
 * with the gap to GLPK's best bound. A problem GLPK cannot solve is
 * ADV_EINTERNAL.
 */
enum adv_status adv_select_exact(const struct adv_sel_problem *p,
				 struct adv_sel_result *r,
				 struct adv_error *err);

/*
 * Greedy by benefit per byte: repeatedly add the candidate with the best
 * (weighted cost saved - maintenance) / size that still fits, until none
 * saves anything. For candidate sets too large for the exact solver. The
 * bound is the LP relaxation's, so the gap is honest.
 */
enum adv_status adv_select_greedy(const struct adv_sel_problem *p,
				  struct adv_sel_result *r,
				  struct adv_error *err);

/* The weighted cost plus maintenance of a given choice (config_of filled
 * when not NULL). */
double adv_select_evaluate(const struct adv_sel_problem *p,
			   const unsigned char *chosen, size_t *config_of);

#endif
