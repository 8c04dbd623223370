#include "select.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "buf.h"
#include "banned.h"

#define NONE ((size_t)-1)

/*
 * GLPK can accept a choice that exceeds the budget by its feasibility
 * tolerance (about 1e-7 of the budget, or a binary at 1 - 1e-9 counted as
 * integral). Such a choice is cut off exactly and the model solved again;
 * this many times at most, then the choice is repaired by dropping.
 */
#define MAX_CUT_ROUNDS 20

void adv_sel_result_init(struct adv_sel_result *r)
{
	memset(r, 0, sizeof(*r));
}

void adv_sel_result_release(struct adv_sel_result *r)
{
	if (r == NULL)
		return;
	free(r->chosen);
	free(r->config_of);
	adv_sel_result_init(r);
}

/*
 * Everything the solvers rely on: positive finite sizes, numbers in range,
 * configurations strictly ascending, configuration 0 empty. Costs and
 * weights must be finite and >= 0: the gap is relative to cost_after, and a
 * negative weight would make "cheapest configuration" the wrong choice.
 */
static enum adv_status check_problem(const struct adv_sel_problem *p,
				     struct adv_error *err)
{
	size_t i, q, c, k;

	if (p == NULL)
		return adv_error_set(err, ADV_EINTERNAL,
				     "index selection: no problem given");
	if (p->ncands > 0 && (p->size_bytes == NULL || p->maint_cost == NULL ||
			      p->table == NULL))
		return adv_error_set(
			err, ADV_EINTERNAL,
			"index selection: %zu candidates without sizes, maintenance costs or tables",
			p->ncands);
	for (i = 0; i < p->ncands; i++) {
		if (!(isfinite(p->size_bytes[i]) && p->size_bytes[i] > 0))
			return adv_error_set(
				err, ADV_EINTERNAL,
				"index selection: candidate %zu has size %g, not a positive number of bytes",
				i, p->size_bytes[i]);
		if (!(isfinite(p->maint_cost[i]) && p->maint_cost[i] >= 0))
			return adv_error_set(
				err, ADV_EINTERNAL,
				"index selection: candidate %zu has maintenance cost %g, not a number >= 0",
				i, p->maint_cost[i]);
		if (p->table[i] >= p->ntables)
			return adv_error_set(
				err, ADV_EINTERNAL,
				"index selection: candidate %zu is on table %zu of %zu",
				i, p->table[i], p->ntables);
	}
	if (p->nstmts > 0 && p->stmts == NULL)
		return adv_error_set(err, ADV_EINTERNAL,
				     "index selection: %zu statements missing",
				     p->nstmts);
	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];

		if (!(isfinite(s->weight) && s->weight >= 0))
			return adv_error_set(
				err, ADV_EINTERNAL,
				"index selection: statement %zu has weight %g, not a number >= 0",
				q, s->weight);
		if (s->nconfigs == 0 || s->configs == NULL)
			return adv_error_set(
				err, ADV_EINTERNAL,
				"index selection: statement %zu has no configuration",
				q);
		if (s->configs[0].ncands != 0)
			return adv_error_set(
				err, ADV_EINTERNAL,
				"index selection: statement %zu: configuration 0 is not empty",
				q);
		for (c = 0; c < s->nconfigs; c++) {
			const struct adv_sel_config *cfg = &s->configs[c];

			if (!(isfinite(cfg->cost) && cfg->cost >= 0))
				return adv_error_set(
					err, ADV_EINTERNAL,
					"index selection: statement %zu configuration %zu has cost %g, not a number >= 0",
					q, c, cfg->cost);
			if (!isfinite(s->weight * cfg->cost))
				return adv_error_set(
					err, ADV_EINTERNAL,
					"index selection: statement %zu configuration %zu: weight times cost overflows",
					q, c);
			if (cfg->ncands > 0 && cfg->cands == NULL)
				return adv_error_set(
					err, ADV_EINTERNAL,
					"index selection: statement %zu configuration %zu: candidates missing",
					q, c);
			for (k = 0; k < cfg->ncands; k++) {
				if (cfg->cands[k] >= p->ncands)
					return adv_error_set(
						err, ADV_EINTERNAL,
						"index selection: statement %zu configuration %zu: candidate %zu out of range (%zu candidates)",
						q, c, cfg->cands[k], p->ncands);
				if (k > 0 && cfg->cands[k] <= cfg->cands[k - 1])
					return adv_error_set(
						err, ADV_EINTERNAL,
						"index selection: statement %zu configuration %zu: candidates not strictly ascending",
						q, c);
			}
		}
	}
	if (isnan(p->budget_bytes))
		return adv_error_set(err, ADV_EINTERNAL,
				     "index selection: budget is not a number");
	if (!(p->time_limit_seconds >= 0))
		return adv_error_set(
			err, ADV_EINTERNAL,
			"index selection: time limit %g is not a number >= 0",
			p->time_limit_seconds);
	return ADV_OK;
}

static int has_budget(const struct adv_sel_problem *p)
{
	return p->budget_bytes >= 0 && isfinite(p->budget_bytes);
}

static int config_allowed(const struct adv_sel_problem *p,
			  const struct adv_sel_config *cfg,
			  const unsigned char *chosen)
{
	size_t k;

	for (k = 0; k < cfg->ncands; k++) {
		size_t i = cfg->cands[k];

		/* out of range only in a problem nobody checked: never read
		 * past chosen, call the configuration unavailable */
		if (i >= p->ncands || chosen == NULL || chosen[i] == 0)
			return 0;
	}
	return 1;
}

/*
 * On equal cost the configuration with fewer candidates wins, so that the
 * prune can drop an index a tie would otherwise keep; then the lower
 * number (callers only replace on strictly better).
 */
static int config_better(const struct adv_sel_config *a,
			 const struct adv_sel_config *b)
{
	if (a->cost != b->cost)
		return a->cost < b->cost;
	return a->ncands < b->ncands;
}

static size_t best_config(const struct adv_sel_problem *p,
			  const struct adv_sel_stmt *s,
			  const unsigned char *chosen)
{
	size_t best = 0;
	size_t c;

	for (c = 1; c < s->nconfigs; c++) {
		if (config_allowed(p, &s->configs[c], chosen) &&
		    config_better(&s->configs[c], &s->configs[best]))
			best = c;
	}
	return best;
}

double adv_select_evaluate(const struct adv_sel_problem *p,
			   const unsigned char *chosen, size_t *config_of)
{
	double total = 0;
	size_t q, i;

	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];
		size_t c = best_config(p, s, chosen);

		if (config_of != NULL)
			config_of[q] = c;
		total += s->weight * s->configs[c].cost;
	}
	for (i = 0; chosen != NULL && i < p->ncands; i++) {
		if (chosen[i] != 0)
			total += p->maint_cost[i];
	}
	return total;
}

static double used_bytes(const struct adv_sel_problem *p,
			 const unsigned char *chosen)
{
	double used = 0;
	size_t i;

	for (i = 0; i < p->ncands; i++) {
		if (chosen[i] != 0)
			used += p->size_bytes[i];
	}
	return used;
}

/*
 * Whether a choice respects the budget and the limits, checked in exact
 * arithmetic on our side (GLPK's answer is only within its tolerances).
 * When i is not NONE, instead whether dropping chosen candidate i would
 * reduce some violation.
 */
static int choice_violation(const struct adv_sel_problem *p,
			    const unsigned char *chosen, size_t i)
{
	size_t *per_table = NULL;
	size_t count = 0;
	size_t k;
	int violated = 0;

	if (p->max_per_table > 0)
		per_table = adv_xcalloc(p->ntables, sizeof(*per_table));
	for (k = 0; k < p->ncands; k++) {
		if (chosen[k] == 0)
			continue;
		count++;
		if (per_table != NULL)
			per_table[p->table[k]]++;
	}
	if (has_budget(p) && used_bytes(p, chosen) > p->budget_bytes)
		violated = 1;
	if (p->max_indexes > 0 && count > p->max_indexes)
		violated = 1;
	if (per_table != NULL) {
		if (i != NONE) {
			if (per_table[p->table[i]] > p->max_per_table)
				violated = 1;
		} else {
			for (k = 0; k < p->ntables; k++) {
				if (per_table[k] > p->max_per_table)
					violated = 1;
			}
		}
	}
	free(per_table);
	return violated;
}

static int choice_fits(const struct adv_sel_problem *p,
		       const unsigned char *chosen)
{
	return !choice_violation(p, chosen, NONE);
}

/*
 * The prune: drops chosen candidates that no executed statement's
 * configuration uses. Dropping never raises the cost (maintenance is
 * >= 0 and every statement keeps its configuration), and it frees budget.
 * Statements of weight 0 do not count: an index kept only for a statement
 * that never runs is an index nobody needs. Returns whether any was dropped.
 */
static int prune_unused(const struct adv_sel_problem *p, unsigned char *chosen,
			const size_t *config_of)
{
	unsigned char *used;
	size_t q, k, i;
	int dropped = 0;

	used = adv_xcalloc(p->ncands, 1);
	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];
		const struct adv_sel_config *cfg = &s->configs[config_of[q]];

		if (s->weight <= 0)
			continue;
		for (k = 0; k < cfg->ncands; k++)
			used[cfg->cands[k]] = 1;
	}
	for (i = 0; i < p->ncands; i++) {
		if (chosen[i] != 0 && used[i] == 0) {
			chosen[i] = 0;
			dropped = 1;
		}
	}
	free(used);
	return dropped;
}

/*
 * Prunes a choice and returns its cost, filling config_of. After a prune
 * every statement keeps its configuration (still allowed, and nothing
 * better became allowed), so a second round finds nothing to drop.
 */
static double settle_choice(const struct adv_sel_problem *p,
			    unsigned char *chosen, size_t *config_of)
{
	double cost;

	do {
		cost = adv_select_evaluate(p, chosen, config_of);
	} while (prune_unused(p, chosen, config_of));
	return cost;
}

/* Fills everything in r but bound, gap and solver; takes chosen. */
static void finish_result(const struct adv_sel_problem *p,
			  unsigned char *chosen, struct adv_sel_result *r)
{
	size_t q;

	r->chosen = chosen;
	r->config_of = adv_xcalloc(p->nstmts, sizeof(*r->config_of));
	r->cost_after = settle_choice(p, chosen, r->config_of);
	r->cost_before = 0;
	for (q = 0; q < p->nstmts; q++)
		r->cost_before +=
			p->stmts[q].weight * p->stmts[q].configs[0].cost;
	r->used_bytes = used_bytes(p, chosen);
}

static void set_bound(struct adv_sel_result *r, double bound)
{
	/* a lower bound above a feasible cost is rounding noise */
	if (bound > r->cost_after)
		bound = r->cost_after;
	r->bound = bound;
	r->gap = 0;
	if (r->cost_after > 0 && bound < r->cost_after)
		r->gap = (r->cost_after - bound) / r->cost_after;
}

/*
 * What the model may use, decided before building it. Configuration c > 0
 * of statement q is open when it can ever be some optimum's reason to
 * build an index: the statement runs (weight > 0), the configuration is
 * cheaper than configuration 0, and it could fit (each candidate within
 * the budget, no more candidates than max_indexes). A candidate is usable
 * when it is in an open configuration. Closing the rest loses no optimum:
 * a closed configuration is never cheaper than configuration 0 for a
 * statement that counts, so dropping an index only closed configurations
 * use never raises the cost.
 */
struct prep {
	size_t *cfg_off;       /* per statement: its first slot in open */
	unsigned char *open;   /* per (statement, configuration) */
	unsigned char *usable; /* per candidate */
	size_t nusable;
	size_t nslots;	 /* sum of nconfigs */
	size_t nentries; /* candidates in open configurations, summed */
	double trivial_bound;
};

static void prep_release(struct prep *pp)
{
	free(pp->cfg_off);
	free(pp->open);
	free(pp->usable);
	memset(pp, 0, sizeof(*pp));
}

static int cand_fits_alone(const struct adv_sel_problem *p, size_t i)
{
	return !has_budget(p) || p->size_bytes[i] <= p->budget_bytes;
}

static void prep_init(struct prep *pp, const struct adv_sel_problem *p)
{
	size_t q, c, k, i;

	memset(pp, 0, sizeof(*pp));
	pp->cfg_off = adv_xcalloc(p->nstmts, sizeof(*pp->cfg_off));
	for (q = 0; q < p->nstmts; q++) {
		pp->cfg_off[q] = pp->nslots;
		pp->nslots += p->stmts[q].nconfigs;
	}
	pp->open = adv_xcalloc(pp->nslots, 1);
	pp->usable = adv_xcalloc(p->ncands, 1);
	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];
		double cheapest = s->configs[0].cost;

		for (c = 1; c < s->nconfigs; c++) {
			const struct adv_sel_config *cfg = &s->configs[c];
			int open =
				s->weight > 0 && cfg->cost < s->configs[0].cost;

			if (p->max_indexes > 0 && cfg->ncands > p->max_indexes)
				open = 0;
			for (k = 0; open && k < cfg->ncands; k++) {
				if (!cand_fits_alone(p, cfg->cands[k]))
					open = 0;
			}
			if (!open)
				continue;
			pp->open[pp->cfg_off[q] + c] = 1;
			pp->nentries += cfg->ncands;
			for (k = 0; k < cfg->ncands; k++)
				pp->usable[cfg->cands[k]] = 1;
			if (cfg->cost < cheapest)
				cheapest = cfg->cost;
		}
		/* every statement at its cheapest configuration that could
		 * ever be chosen, no maintenance: a bound needing no solver */
		pp->trivial_bound += s->weight * cheapest;
	}
	for (i = 0; i < p->ncands; i++) {
		if (pp->usable[i] != 0)
			pp->nusable++;
	}
}

/*
 * The greedy. uses lists, per candidate, the (statement, configuration)
 * pairs whose configuration contains it, in statement order, so that the
 * gain of adding a candidate looks only at the statements it can help.
 */
struct uses {
	size_t *start; /* ncands + 1 offsets into stmt and config */
	size_t *stmt;
	size_t *config;
};

static void uses_init(struct uses *u, const struct adv_sel_problem *p,
		      const struct prep *pp)
{
	size_t *fill;
	size_t q, c, k, i, total;

	u->start = adv_xcalloc(p->ncands + 1, sizeof(*u->start));
	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];

		for (c = 1; c < s->nconfigs; c++) {
			if (pp->open[pp->cfg_off[q] + c] == 0)
				continue;
			for (k = 0; k < s->configs[c].ncands; k++)
				u->start[s->configs[c].cands[k] + 1]++;
		}
	}
	for (i = 0; i < p->ncands; i++)
		u->start[i + 1] += u->start[i];
	total = u->start[p->ncands];
	u->stmt = adv_xcalloc(total, sizeof(*u->stmt));
	u->config = adv_xcalloc(total, sizeof(*u->config));
	fill = adv_xcalloc(p->ncands, sizeof(*fill));
	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];

		for (c = 1; c < s->nconfigs; c++) {
			if (pp->open[pp->cfg_off[q] + c] == 0)
				continue;
			for (k = 0; k < s->configs[c].ncands; k++) {
				size_t at;

				i = s->configs[c].cands[k];
				at = u->start[i] + fill[i]++;
				u->stmt[at] = q;
				u->config[at] = c;
			}
		}
	}
	free(fill);
}

static void uses_release(struct uses *u)
{
	free(u->start);
	free(u->stmt);
	free(u->config);
}

/* The weighted cost saved by adding candidate i to the choice. */
static double gain_of(const struct adv_sel_problem *p, const struct uses *u,
		      const unsigned char *chosen, const double *current,
		      size_t i)
{
	double gain = 0;
	size_t at = u->start[i];

	while (at < u->start[i + 1]) {
		size_t q = u->stmt[at];
		const struct adv_sel_stmt *s = &p->stmts[q];
		double best = current[q];

		for (; at < u->start[i + 1] && u->stmt[at] == q; at++) {
			const struct adv_sel_config *cfg =
				&s->configs[u->config[at]];
			size_t k;
			int ok = 1;

			for (k = 0; ok && k < cfg->ncands; k++) {
				if (cfg->cands[k] != i &&
				    !chosen[cfg->cands[k]])
					ok = 0;
			}
			if (ok && cfg->cost < best)
				best = cfg->cost;
		}
		gain += s->weight * (current[q] - best);
	}
	return gain;
}

/*
 * Benefit per byte: add the candidate with the best (cost saved -
 * maintenance) / size that keeps the choice within the budget and limits,
 * ties to the lower number, while some addition lowers the cost. A later
 * addition can make an earlier one useless; the prune then drops it and,
 * as that frees room, the additions resume. Every addition lowers the
 * total strictly and the prune never raises it, so this ends.
 */
static void greedy_choose(const struct adv_sel_problem *p,
			  const struct prep *pp, unsigned char *chosen)
{
	struct uses u;
	double *current = adv_xcalloc(p->nstmts, sizeof(*current));
	size_t *config_of = adv_xcalloc(p->nstmts, sizeof(*config_of));
	size_t *per_table = adv_xcalloc(p->ntables, sizeof(*per_table));

	uses_init(&u, p, pp);
	memset(chosen, 0, p->ncands);
	for (;;) {
		double used = used_bytes(p, chosen);
		size_t count = 0;
		size_t q, i;

		memset(per_table, 0, p->ntables * sizeof(*per_table));
		for (i = 0; i < p->ncands; i++) {
			if (chosen[i] != 0) {
				count++;
				per_table[p->table[i]]++;
			}
		}
		adv_select_evaluate(p, chosen, config_of);
		for (q = 0; q < p->nstmts; q++)
			current[q] = p->stmts[q].configs[config_of[q]].cost;
		for (;;) {
			size_t best = NONE;
			double best_ratio = 0;

			if (p->max_indexes > 0 && count >= p->max_indexes)
				break;
			for (i = 0; i < p->ncands; i++) {
				double gain, ratio;

				if (chosen[i] != 0 || pp->usable[i] == 0)
					continue;
				if (has_budget(p) &&
				    used + p->size_bytes[i] > p->budget_bytes)
					continue;
				if (p->max_per_table > 0 &&
				    per_table[p->table[i]] >= p->max_per_table)
					continue;
				gain = gain_of(p, &u, chosen, current, i) -
				       p->maint_cost[i];
				if (!(gain > 0))
					continue;
				ratio = gain / p->size_bytes[i];
				if (best == NONE || ratio > best_ratio) {
					best = i;
					best_ratio = ratio;
				}
			}
			if (best == NONE)
				break;
			chosen[best] = 1;
			used += p->size_bytes[best];
			count++;
			per_table[p->table[best]]++;
			for (i = u.start[best]; i < u.start[best + 1]; i++) {
				const struct adv_sel_config *cfg =
					&p->stmts[u.stmt[i]]
						 .configs[u.config[i]];

				if (config_allowed(p, cfg, chosen) &&
				    cfg->cost < current[u.stmt[i]])
					current[u.stmt[i]] = cfg->cost;
			}
		}
		adv_select_evaluate(p, chosen, config_of);
		if (!prune_unused(p, chosen, config_of))
			break;
	}
	uses_release(&u);
	free(current);
	free(config_of);
	free(per_table);
}

/*
 * Drops chosen candidates, the cheapest loss first (ties to the lower
 * number), until the choice fits. Only for a choice GLPK accepted within
 * its tolerances that the cuts could not fix in MAX_CUT_ROUNDS.
 */
static void repair_choice(const struct adv_sel_problem *p,
			  unsigned char *chosen)
{
	while (!choice_fits(p, chosen)) {
		size_t best = NONE;
		double best_cost = 0;
		size_t i;

		for (i = 0; i < p->ncands; i++) {
			double cost;

			if (chosen[i] == 0 || !choice_violation(p, chosen, i))
				continue;
			chosen[i] = 0;
			cost = adv_select_evaluate(p, chosen, NULL);
			chosen[i] = 1;
			if (best == NONE || cost < best_cost) {
				best = i;
				best_cost = cost;
			}
		}
		chosen[best] = 0;
	}
}

/*
 * The model, for GLPK. Columns: x_i = 1 + i, then per statement q its
 * configurations, y_qc = ycol0 + cfg_off[q] + c. Rows:
 *
 *   sum_c y_qc = 1                          each statement picks one
 *   sum_{c open, i in c} y_qc - x_i <= 0    per (q, i): the aggregated
 *                                           link, tighter than y_qc <= x_i
 *                                           per configuration, and fewer rows
 *   sum_i size_i x_i <= budget              when it can bind
 *   sum_i x_i <= max_indexes                when it can bind
 *   sum_{i on t} x_i <= max_per_table       per table where it can bind
 *
 * The objective is sum_q weight_q sum_c cost_qc y_qc + sum_i maint_i x_i.
 *
 * x is binary, y continuous in [0, 1]. That is exact: for a fixed binary
 * x the rows of statement q leave y_q free on the simplex of the
 * configurations allowed by x (an x_i = 0 forces every y_qc with i in c
 * to 0; an x_i = 1 makes its row redundant with the sum = 1), and a
 * linear function on a simplex is least at a vertex, one configuration,
 * the cheapest allowed. So the MIP's value for any x is that x's true
 * cost, and its optimum is the true optimum; only the y of a tie may be
 * fractional, which is why config_of is recomputed from the choice.
 *
 * GLPK is handed data near 1: the budget row divided by the budget and
 * the objective by its largest coefficient. glp_scale_prob alone was not
 * enough: with sizes of 1e11 bytes the branch and bound called a choice
 * 50% above the optimum optimal, or found no feasible choice at all
 * (presumably parts of it apply absolute tolerances to unscaled rows).
 * The unit tests keep that problem.
 */
struct model {
	glp_prob *lp;
	int ycol0;
	int ncols;
	double obj_scale; /* GLPK's objective is ours divided by this */
};

struct link_pair {
	size_t cand;
	size_t config;
};

/* (candidate, configuration) pairs are unique: a total order, so qsort's
 * instability cannot make two runs differ */
static int link_pair_cmp(const void *a, const void *b)
{
	const struct link_pair *x = a;
	const struct link_pair *y = b;

	if (x->cand != y->cand)
		return x->cand < y->cand ? -1 : 1;
	if (x->config != y->config)
		return x->config < y->config ? -1 : 1;
	return 0;
}

static enum adv_status model_build(const struct adv_sel_problem *p,
				   const struct prep *pp, struct model *m,
				   struct adv_error *err)
{
	struct link_pair *pairs = NULL;
	size_t npairs, pairs_alloc = 0;
	size_t *per_table = NULL;
	size_t max_len = p->ncands + 2; /* the longest row, + 1 spare */
	int *ind = NULL;
	double *val = NULL;
	double usable_bytes = 0;
	size_t q, c, k, i, t;
	int row;

	memset(m, 0, sizeof(*m));
	for (q = 0; q < p->nstmts; q++) {
		if (p->stmts[q].nconfigs + 2 > max_len)
			max_len = p->stmts[q].nconfigs + 2;
	}
	/*
	 * GLPK counts rows, columns and nonzeros with int. Rows: one per
	 * statement, at most one link per entry, per table, plus two;
	 * nonzeros: the statement rows, two per entry at most, and three
	 * rows over the candidates. Sizes are far below SIZE_MAX / 4 (they
	 * are allocated arrays), so the sums cannot wrap.
	 */
	if (p->ncands + pp->nslots >= (size_t)INT_MAX ||
	    p->nstmts + pp->nentries + p->ntables + 2 >= (size_t)INT_MAX ||
	    pp->nslots + 2 * pp->nentries + 3 * p->ncands >= (size_t)INT_MAX)
		return adv_error_set(
			err, ADV_EINTERNAL,
			"index selection: problem too large for GLPK (%zu candidates, %zu configurations)",
			p->ncands, pp->nslots);
	ind = adv_xcalloc(max_len + 1, sizeof(*ind));
	val = adv_xcalloc(max_len + 1, sizeof(*val));

	m->obj_scale = 0;
	for (i = 0; i < p->ncands; i++)
		m->obj_scale = fmax(m->obj_scale, p->maint_cost[i]);
	for (q = 0; q < p->nstmts; q++) {
		for (c = 0; c < p->stmts[q].nconfigs; c++)
			m->obj_scale =
				fmax(m->obj_scale,
				     p->stmts[q].weight *
					     p->stmts[q].configs[c].cost);
	}
	if (!(m->obj_scale > 0 && isfinite(m->obj_scale)))
		m->obj_scale = 1;

	m->lp = glp_create_prob();
	glp_set_obj_dir(m->lp, GLP_MIN);
	m->ycol0 = (int)p->ncands + 1;
	m->ncols = (int)(p->ncands + pp->nslots);
	if (m->ncols > 0)
		glp_add_cols(m->lp, m->ncols);
	for (i = 0; i < p->ncands; i++) {
		int col = (int)i + 1;

		glp_set_col_kind(m->lp, col, GLP_BV);
		if (pp->usable[i] == 0)
			glp_set_col_bnds(m->lp, col, GLP_FX, 0, 0);
		else
			usable_bytes += p->size_bytes[i];
		glp_set_obj_coef(m->lp, col, p->maint_cost[i] / m->obj_scale);
	}
	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];

		for (c = 0; c < s->nconfigs; c++) {
			int col = m->ycol0 + (int)(pp->cfg_off[q] + c);

			if (c == 0 || pp->open[pp->cfg_off[q] + c] != 0)
				glp_set_col_bnds(m->lp, col, GLP_DB, 0, 1);
			else
				glp_set_col_bnds(m->lp, col, GLP_FX, 0, 0);
			glp_set_obj_coef(m->lp, col,
					 s->weight * s->configs[c].cost /
						 m->obj_scale);
		}
	}

	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];
		int len = 0;

		for (c = 0; c < s->nconfigs; c++) {
			len++;
			ind[len] = m->ycol0 + (int)(pp->cfg_off[q] + c);
			val[len] = 1;
		}
		row = glp_add_rows(m->lp, 1);
		glp_set_row_bnds(m->lp, row, GLP_FX, 1, 1);
		glp_set_mat_row(m->lp, row, len, ind, val);

		/* the (candidate, configuration) pairs of q's open
		 * configurations, grouped by candidate: one link row each */
		npairs = 0;
		for (c = 1; c < s->nconfigs; c++) {
			if (pp->open[pp->cfg_off[q] + c] == 0)
				continue;
			for (k = 0; k < s->configs[c].ncands; k++) {
				ADV_ALLOC_GROW(pairs, npairs + 1, pairs_alloc);
				pairs[npairs].cand = s->configs[c].cands[k];
				pairs[npairs].config = c;
				npairs++;
			}
		}
		if (npairs > 1)
			qsort(pairs, npairs, sizeof(*pairs), link_pair_cmp);
		for (k = 0; k < npairs;) {
			size_t cand = pairs[k].cand;

			len = 0;
			for (; k < npairs && pairs[k].cand == cand; k++) {
				len++;
				ind[len] = m->ycol0 + (int)(pp->cfg_off[q] +
							    pairs[k].config);
				val[len] = 1;
			}
			len++;
			ind[len] = (int)cand + 1;
			val[len] = -1;
			row = glp_add_rows(m->lp, 1);
			glp_set_row_bnds(m->lp, row, GLP_UP, 0, 0);
			glp_set_mat_row(m->lp, row, len, ind, val);
		}
	}

	if (has_budget(p) && usable_bytes > p->budget_bytes) {
		int len = 0;

		for (i = 0; i < p->ncands; i++) {
			if (pp->usable[i] == 0)
				continue;
			len++;
			ind[len] = (int)i + 1;
			val[len] = p->size_bytes[i] / p->budget_bytes;
		}
		row = glp_add_rows(m->lp, 1);
		glp_set_row_bnds(m->lp, row, GLP_UP, 0, 1);
		glp_set_mat_row(m->lp, row, len, ind, val);
	}
	if (p->max_indexes > 0 && pp->nusable > p->max_indexes) {
		int len = 0;

		for (i = 0; i < p->ncands; i++) {
			if (pp->usable[i] == 0)
				continue;
			len++;
			ind[len] = (int)i + 1;
			val[len] = 1;
		}
		row = glp_add_rows(m->lp, 1);
		glp_set_row_bnds(m->lp, row, GLP_UP, 0, (double)p->max_indexes);
		glp_set_mat_row(m->lp, row, len, ind, val);
	}
	if (p->max_per_table > 0) {
		per_table = adv_xcalloc(p->ntables, sizeof(*per_table));
		for (i = 0; i < p->ncands; i++) {
			if (pp->usable[i] != 0)
				per_table[p->table[i]]++;
		}
		for (t = 0; t < p->ntables; t++) {
			int len = 0;

			if (per_table[t] <= p->max_per_table)
				continue;
			for (i = 0; i < p->ncands; i++) {
				if (pp->usable[i] == 0 || p->table[i] != t)
					continue;
				len++;
				ind[len] = (int)i + 1;
				val[len] = 1;
			}
			row = glp_add_rows(m->lp, 1);
			glp_set_row_bnds(m->lp, row, GLP_UP, 0,
					 (double)p->max_per_table);
			glp_set_mat_row(m->lp, row, len, ind, val);
		}
	}
	/* sizes in bytes next to 0/1 coefficients: scaling keeps the
	 * simplex's tolerances meaningful on both */
	glp_scale_prob(m->lp, GLP_SF_AUTO);

	free(pairs);
	free(per_table);
	free(ind);
	free(val);
	return ADV_OK;
}

/* Cuts off one choice exactly: sum_{i chosen} x_i <= |chosen| - 1. */
static void model_cut_choice(struct model *m, const struct adv_sel_problem *p,
			     const unsigned char *chosen)
{
	int *ind = adv_xcalloc(p->ncands + 1, sizeof(*ind));
	double *val = adv_xcalloc(p->ncands + 1, sizeof(*val));
	int len = 0;
	size_t i;
	int row;

	for (i = 0; i < p->ncands; i++) {
		if (chosen[i] == 0)
			continue;
		len++;
		ind[len] = (int)i + 1;
		val[len] = 1;
	}
	row = glp_add_rows(m->lp, 1);
	glp_set_row_bnds(m->lp, row, GLP_UP, 0, (double)(len - 1));
	glp_set_mat_row(m->lp, row, len, ind, val);
	free(ind);
	free(val);
}

/*
 * The column values of a choice, for glp_ios_heur_sol, which does not
 * check feasibility: each statement takes its best open configuration the
 * choice allows (config 0 when none), the y the model can represent.
 */
static double *model_solution(const struct model *m,
			      const struct adv_sel_problem *p,
			      const struct prep *pp,
			      const unsigned char *chosen)
{
	double *x = adv_xcalloc((size_t)m->ncols + 1, sizeof(*x));
	size_t i, q, c;

	for (i = 0; i < p->ncands; i++)
		x[i + 1] = chosen[i] != 0 ? 1 : 0;
	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];
		size_t best = 0;

		for (c = 1; c < s->nconfigs; c++) {
			if (pp->open[pp->cfg_off[q] + c] != 0 &&
			    config_allowed(p, &s->configs[c], chosen) &&
			    config_better(&s->configs[c], &s->configs[best]))
				best = c;
		}
		x[m->ycol0 + (int)(pp->cfg_off[q] + best)] = 1;
	}
	return x;
}

/*
 * Milliseconds left of the time limit, for GLPK's tm_lim: INT_MAX when
 * there is no limit, 0 when it has passed.
 */
static int ms_left(const struct adv_sel_problem *p, double start)
{
	double left;

	if (p->time_limit_seconds <= 0)
		return INT_MAX;
	left = p->time_limit_seconds - glp_difftime(glp_time(), start);
	if (left <= 0)
		return 0;
	if (left * 1000 >= (double)INT_MAX)
		return INT_MAX;
	/* at least 1 ms: GLPK takes 0 as "already over" */
	return (int)ceil(left * 1000);
}

/*
 * The LP relaxation (presolved), leaving an optimal basis for glp_intopt,
 * which needs nothing more without its own presolver. Returns
 * glp_simplex's code (0, GLP_ETMLIM, ...), or GLP_EFAIL when it returned
 * 0 without an optimum (the model is always feasible and bounded).
 */
static int solve_relaxation(struct model *m, int tm_lim, double *value)
{
	glp_smcp smcp;
	int rc;

	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	smcp.presolve = GLP_ON;
	smcp.tm_lim = tm_lim;
	rc = glp_simplex(m->lp, &smcp);
	if (rc != 0)
		return rc;
	if (glp_get_status(m->lp) != GLP_OPT)
		return GLP_EFAIL;
	*value = glp_get_obj_val(m->lp) * m->obj_scale;
	return 0;
}

/*
 * What the branch and cut callback keeps: the best proven lower bound,
 * min(incumbent, best active node's local bound), which only grows (in
 * GLPK's units, see obj_scale); and
 * the greedy's choice, offered once per solve as a first incumbent so that
 * a search cut short by the time limit is never worse than the greedy.
 */
struct watch {
	double bound;
	const double *heuristic;
	int offered;
};

static void watch_tree(glp_tree *tree, void *info)
{
	struct watch *w = info;
	glp_prob *mip = glp_ios_get_prob(tree);
	int best;

	if (glp_ios_reason(tree) == GLP_IHEUR && !w->offered &&
	    w->heuristic != NULL) {
		/* set first: accepting it calls back with GLP_IBINGO */
		w->offered = 1;
		glp_ios_heur_sol(tree, w->heuristic);
	}
	best = glp_ios_best_node(tree);
	if (best != 0) {
		double bound = glp_ios_node_bound(tree, best);

		if (glp_mip_status(mip) == GLP_FEAS &&
		    glp_mip_obj_val(mip) < bound)
			bound = glp_mip_obj_val(mip);
		if (bound > w->bound)
			w->bound = bound;
	}
}

/* The whole answer for a problem where nothing can help: choose nothing. */
static void choose_nothing(const struct adv_sel_problem *p,
			   struct adv_sel_result *r, const char *solver)
{
	finish_result(p, adv_xcalloc(p->ncands, 1), r);
	set_bound(r, r->cost_after);
	r->solver = solver;
}

enum adv_status adv_select_exact(const struct adv_sel_problem *p,
				 struct adv_sel_result *r,
				 struct adv_error *err)
{
	struct prep pp;
	struct model m = {0};
	struct watch w = {-DBL_MAX, NULL, 0};
	unsigned char *greedy = NULL;
	unsigned char *chosen = NULL;
	double *heuristic = NULL;
	size_t *scratch = NULL;
	double start = 0;
	double lp_bound = -DBL_MAX;
	double relax_bound = -DBL_MAX;
	double mip_obj = 0;
	int proven = 0;
	int have_choice = 0;
	int old_term_out = GLP_ON;
	int term_set = 0;
	int round, rc;
	size_t i;
	enum adv_status ret;

	if (r == NULL)
		return adv_error_set(err, ADV_EINTERNAL,
				     "index selection: no result given");
	adv_sel_result_release(r);
	ret = check_problem(p, err);
	if (ret != ADV_OK)
		return ret;
	prep_init(&pp, p);
	if (pp.nusable == 0) {
		/* no statement can get cheaper: the empty choice is the
		 * optimum, no solver needed */
		choose_nothing(p, r, "glpk");
		goto cleanup;
	}

	start = glp_time();
	/* the library never prints: silence GLPK's terminal output, and
	 * give the caller back the setting it had */
	old_term_out = glp_term_out(GLP_OFF);
	term_set = 1;

	greedy = adv_xcalloc(p->ncands, 1);
	greedy_choose(p, &pp, greedy);
	chosen = adv_xcalloc(p->ncands, 1);

	ret = model_build(p, &pp, &m, err);
	if (ret != ADV_OK)
		goto cleanup;
	heuristic = model_solution(&m, p, &pp, greedy);
	w.heuristic = heuristic;

	for (round = 0;; round++) {
		glp_iocp iocp;
		int tm_lim = ms_left(p, start);

		if (tm_lim == 0)
			break;
		rc = solve_relaxation(&m, tm_lim, &lp_bound);
		if (rc == GLP_ETMLIM)
			break;
		if (rc != 0) {
			ret = adv_error_set(
				err, ADV_EINTERNAL,
				"index selection: GLPK cannot solve the LP relaxation ('glp_simplex' returned %d)",
				rc);
			goto cleanup;
		}
		/* every round's relaxation is of a model whose feasible set
		 * contains the true one, so each bound stays valid */
		if (lp_bound > relax_bound)
			relax_bound = lp_bound;
		tm_lim = ms_left(p, start);
		if (tm_lim == 0)
			break;

		glp_init_iocp(&iocp);
		iocp.msg_lev = GLP_MSG_OFF;
		/* glp_simplex left an optimal basis of this very problem;
		 * without the MIP presolver the callback's node bounds are
		 * in the objective we built */
		iocp.presolve = GLP_OFF;
		iocp.mip_gap = 0;
		/* GLPK prunes a node whose bound is within tol_obj * (1 +
		 * |incumbent|) of the incumbent: 1e-7 by default, tens of
		 * units on costs in the hundreds of millions; "gap 0" should
		 * mean closer than that */
		iocp.tol_obj = 1e-9;
		/* pseudocost branching: on 300 candidates by 100 statements
		 * it took a half to a fifth of the default's time (still
		 * deterministic: no clock or random number in it) */
		iocp.br_tech = GLP_BR_PCH;
		iocp.tm_lim = tm_lim;
		iocp.cb_func = watch_tree;
		iocp.cb_info = &w;
		w.offered = 0;
		rc = glp_intopt(m.lp, &iocp);
		if (rc != 0 && rc != GLP_ETMLIM) {
			ret = adv_error_set(
				err, ADV_EINTERNAL,
				"index selection: GLPK failed ('glp_intopt' returned %d)",
				rc);
			goto cleanup;
		}
		if (glp_mip_status(m.lp) != GLP_OPT &&
		    glp_mip_status(m.lp) != GLP_FEAS) {
			if (rc == 0) {
				/* the empty choice is always feasible */
				ret = adv_error_set(
					err, ADV_EINTERNAL,
					"index selection: GLPK found no feasible choice");
				goto cleanup;
			}
			break;
		}
		for (i = 0; i < p->ncands; i++)
			chosen[i] = glp_mip_col_val(m.lp, (int)i + 1) > 0.5;
		have_choice = 1;
		mip_obj = glp_mip_obj_val(m.lp) * m.obj_scale;
		proven = rc == 0 && glp_mip_status(m.lp) == GLP_OPT;
		if (choice_fits(p, chosen))
			break;
		proven = 0;
		if (round + 1 >= MAX_CUT_ROUNDS || rc != 0)
			break;
		model_cut_choice(&m, p, chosen);
	}
	/* a choice cut off whose next round ran out of rounds or time */
	if (have_choice && !choice_fits(p, chosen))
		repair_choice(p, chosen);

	scratch = adv_xcalloc(p->nstmts, sizeof(*scratch));
	if (!have_choice || settle_choice(p, greedy, scratch) <
				    settle_choice(p, chosen, scratch)) {
		memcpy(chosen, greedy, p->ncands);
		proven = 0;
	}
	finish_result(p, chosen, r);
	chosen = NULL;
	r->solver = "glpk";
	if (proven &&
	    r->cost_after <= mip_obj + 1e-9 * fmax(1, fabs(mip_obj))) {
		/* GLPK proved the optimum (mip_gap 0, within its
		 * tolerances) and our recomputed cost of its choice agrees:
		 * report gap 0 rather than the rounding noise between the
		 * two sums */
		set_bound(r, r->cost_after);
	} else {
		double bound = pp.trivial_bound;

		if (relax_bound > bound)
			bound = relax_bound;
		if (w.bound > -DBL_MAX && w.bound * m.obj_scale > bound)
			bound = w.bound * m.obj_scale;
		if (proven && mip_obj > bound)
			bound = mip_obj;
		set_bound(r, bound);
	}

cleanup:
	if (m.lp != NULL)
		glp_delete_prob(m.lp);
	if (term_set)
		glp_term_out(old_term_out);
	if (ret != ADV_OK)
		adv_sel_result_release(r);
	prep_release(&pp);
	free(greedy);
	free(chosen);
	free(heuristic);
	free(scratch);
	return ret;
}

enum adv_status adv_select_greedy(const struct adv_sel_problem *p,
				  struct adv_sel_result *r,
				  struct adv_error *err)
{
	struct prep pp;
	struct model m = {0};
	unsigned char *chosen;
	double lp_bound = -DBL_MAX;
	double bound;
	int old_term_out;
	enum adv_status ret;

	if (r == NULL)
		return adv_error_set(err, ADV_EINTERNAL,
				     "index selection: no result given");
	adv_sel_result_release(r);
	ret = check_problem(p, err);
	if (ret != ADV_OK)
		return ret;
	prep_init(&pp, p);
	if (pp.nusable == 0) {
		choose_nothing(p, r, "greedy");
		goto cleanup;
	}

	chosen = adv_xcalloc(p->ncands, 1);
	greedy_choose(p, &pp, chosen);
	finish_result(p, chosen, r);
	r->solver = "greedy";

	/*
	 * The bound is the LP relaxation's when GLPK can give it. The greedy
	 * is for problems too large for the exact solver, so a model too
	 * large for GLPK, a relaxation that outlasts the time limit or fails
	 * falls back to the bound that needs no solver, never to an error.
	 */
	old_term_out = glp_term_out(GLP_OFF);
	if (model_build(p, &pp, &m, NULL) == ADV_OK &&
	    solve_relaxation(&m, ms_left(p, glp_time()), &lp_bound) != 0)
		lp_bound = -DBL_MAX;
	glp_term_out(old_term_out);
	bound = pp.trivial_bound;
	if (lp_bound > bound)
		bound = lp_bound;
	set_bound(r, bound);

cleanup:
	if (m.lp != NULL)
		glp_delete_prob(m.lp);
	prep_release(&pp);
	return ret;
}
