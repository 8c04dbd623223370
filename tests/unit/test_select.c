#include "unit.h"

#include <float.h>
#include <math.h>

#include <glpk.h>

#include "buf.h"
#include "select.h"

/*
 * Fixtures: a problem built candidate by candidate and statement by
 * statement. Every expected answer is also checked against a brute force
 * over all subsets written here, independently of adv_select_evaluate, so
 * a wrong expectation in a table fails as loudly as a wrong solver.
 */

#define NO_BUDGET (-1.0)

struct fx {
	struct adv_sel_problem p;
	double *size;
	double *maint;
	size_t *table;
	size_t ncands;
	struct adv_sel_stmt *stmts;
	size_t nstmts;
};

static void fx_init(struct fx *fx)
{
	memset(fx, 0, sizeof(*fx));
	fx->p.budget_bytes = NO_BUDGET;
}

static size_t fx_cand(struct fx *fx, double size, double maint, size_t table)
{
	size_t n = fx->ncands + 1;

	fx->size = adv_xrealloc(fx->size, n * sizeof(*fx->size));
	fx->maint = adv_xrealloc(fx->maint, n * sizeof(*fx->maint));
	fx->table = adv_xrealloc(fx->table, n * sizeof(*fx->table));
	fx->size[n - 1] = size;
	fx->maint[n - 1] = maint;
	fx->table[n - 1] = table;
	fx->ncands = n;
	return n - 1;
}

/* A statement with its configuration 0 (the empty one). */
static size_t fx_stmt(struct fx *fx, double weight, double cost0)
{
	struct adv_sel_stmt *s;
	size_t n = fx->nstmts + 1;

	fx->stmts = adv_xrealloc(fx->stmts, n * sizeof(*fx->stmts));
	s = &fx->stmts[n - 1];
	s->weight = weight;
	s->configs = adv_xcalloc(1, sizeof(*s->configs));
	s->configs[0].cost = cost0;
	s->nconfigs = 1;
	fx->nstmts = n;
	return n - 1;
}

/* A configuration of statement q: cands is "0,2" (as written, unsorted
 * when a test wants it so). */
static void fx_config(struct fx *fx, size_t q, double cost, const char *cands)
{
	struct adv_sel_stmt *s = &fx->stmts[q];
	struct adv_sel_config *cfg;
	const char *at = cands;

	s->configs = adv_xrealloc(s->configs,
				  (s->nconfigs + 1) * sizeof(*s->configs));
	cfg = &s->configs[s->nconfigs++];
	memset(cfg, 0, sizeof(*cfg));
	cfg->cost = cost;
	cfg->cands = adv_xcalloc(strlen(cands) + 1, sizeof(*cfg->cands));
	while (*at != '\0') {
		char *end;

		cfg->cands[cfg->ncands++] = strtoul(at, &end, 10);
		assert_true(end != at);
		at = *end == ',' ? end + 1 : end;
	}
}

static const struct adv_sel_problem *fx_problem(struct fx *fx)
{
	size_t i;

	fx->p.ncands = fx->ncands;
	fx->p.size_bytes = fx->size;
	fx->p.maint_cost = fx->maint;
	fx->p.table = fx->table;
	fx->p.stmts = fx->stmts;
	fx->p.nstmts = fx->nstmts;
	for (i = 0; i < fx->ncands; i++) {
		if (fx->table[i] + 1 > fx->p.ntables)
			fx->p.ntables = fx->table[i] + 1;
	}
	return &fx->p;
}

static void fx_release(struct fx *fx)
{
	size_t q, c;

	for (q = 0; q < fx->nstmts; q++) {
		for (c = 0; c < fx->stmts[q].nconfigs; c++)
			free(fx->stmts[q].configs[c].cands);
		free(fx->stmts[q].configs);
	}
	free(fx->stmts);
	free(fx->size);
	free(fx->maint);
	free(fx->table);
	memset(fx, 0, sizeof(*fx));
}

/* The brute force: a choice is a bit mask over at most 20 candidates. */
static double brute_cost(const struct adv_sel_problem *p, unsigned long mask)
{
	double total = 0;
	size_t q, c, k, i;

	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];
		double best = s->configs[0].cost;

		for (c = 1; c < s->nconfigs; c++) {
			int ok = 1;

			for (k = 0; k < s->configs[c].ncands; k++) {
				if (!(mask & (1UL << s->configs[c].cands[k])))
					ok = 0;
			}
			if (ok && s->configs[c].cost < best)
				best = s->configs[c].cost;
		}
		total += s->weight * best;
	}
	for (i = 0; i < p->ncands; i++) {
		if (mask & (1UL << i))
			total += p->maint_cost[i];
	}
	return total;
}

/* Whether a choice (chosen[i] != 0) keeps to the budget and limits. */
static int fits(const struct adv_sel_problem *p, const unsigned char *chosen)
{
	size_t *per_table = adv_xcalloc(p->ntables, sizeof(*per_table));
	double used = 0;
	size_t count = 0;
	size_t i;
	int ok = 1;

	for (i = 0; i < p->ncands; i++) {
		if (chosen[i] == 0)
			continue;
		used += p->size_bytes[i];
		count++;
		per_table[p->table[i]]++;
	}
	if (p->budget_bytes >= 0 && used > p->budget_bytes)
		ok = 0;
	if (p->max_indexes > 0 && count > p->max_indexes)
		ok = 0;
	for (i = 0; i < p->ntables; i++) {
		if (p->max_per_table > 0 && per_table[i] > p->max_per_table)
			ok = 0;
	}
	free(per_table);
	return ok;
}

static int brute_fits(const struct adv_sel_problem *p, unsigned long mask)
{
	unsigned char chosen[32] = {0};
	size_t i;

	for (i = 0; i < p->ncands; i++)
		chosen[i] = (mask >> i) & 1;
	return fits(p, chosen);
}

static double brute_optimum(const struct adv_sel_problem *p)
{
	double best = DBL_MAX;
	unsigned long mask;

	assert_true(p->ncands <= 20);
	for (mask = 0; mask < (1UL << p->ncands); mask++) {
		double cost;

		if (!brute_fits(p, mask))
			continue;
		cost = brute_cost(p, mask);
		if (cost < best)
			best = cost;
	}
	return best;
}

static unsigned long chosen_mask(const struct adv_sel_problem *p,
				 const struct adv_sel_result *r)
{
	unsigned long mask = 0;
	size_t i;

	for (i = 0; i < p->ncands; i++) {
		if (r->chosen[i] != 0)
			mask |= 1UL << i;
	}
	return mask;
}

/* "0,2" for a choice, in a static buffer, for messages and comparisons. */
static const char *chosen_text(const struct adv_sel_problem *p,
			       const struct adv_sel_result *r)
{
	static char text[512];
	size_t len = 0;
	size_t i;

	text[0] = '\0';
	for (i = 0; i < p->ncands && len + 24 < sizeof(text); i++) {
		if (r->chosen[i] == 0)
			continue;
		len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%zu",
					len > 0 ? "," : "", i);
	}
	return text;
}

static int near(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1, fmax(fabs(a), fabs(b)));
}

/*
 * What every successful result must satisfy, whatever the solver: arrays
 * filled, the choice within budget and limits, each statement on the
 * cheapest configuration the choice allows, the costs recomputed, no
 * chosen index that no executed statement uses, a bound below the cost.
 */
static void check_result(const struct adv_sel_problem *p,
			 const struct adv_sel_result *r, const char *solver)
{
	double used = 0;
	size_t q, k, i;
	unsigned char *needed;

	assert_non_null(r->chosen);
	assert_non_null(r->config_of);
	assert_string_equal(r->solver, solver);
	assert_true(fits(p, r->chosen));
	if (p->ncands <= 20)
		assert_true(
			near(r->cost_after, brute_cost(p, chosen_mask(p, r))));
	needed = adv_xcalloc(p->ncands, 1);
	for (q = 0; q < p->nstmts; q++) {
		const struct adv_sel_stmt *s = &p->stmts[q];
		const struct adv_sel_config *cfg;
		size_t c;

		assert_true(r->config_of[q] < s->nconfigs);
		cfg = &s->configs[r->config_of[q]];
		for (k = 0; k < cfg->ncands; k++) {
			assert_true(r->chosen[cfg->cands[k]] != 0);
			if (s->weight > 0)
				needed[cfg->cands[k]] = 1;
		}
		for (c = 0; c < s->nconfigs; c++) {
			int allowed = 1;

			for (k = 0; k < s->configs[c].ncands; k++) {
				if (r->chosen[s->configs[c].cands[k]] == 0)
					allowed = 0;
			}
			if (allowed)
				assert_true(cfg->cost <= s->configs[c].cost);
		}
	}
	for (i = 0; i < p->ncands; i++) {
		if (r->chosen[i] != 0) {
			used += p->size_bytes[i];
			if (needed[i] == 0)
				fail_msg(
					"candidate %zu chosen but no plan uses it",
					i);
		}
	}
	free(needed);
	assert_true(near(r->used_bytes, used));
	if (p->budget_bytes >= 0)
		assert_true(r->used_bytes <= p->budget_bytes);
	assert_true(r->bound <= r->cost_after);
	assert_true(r->gap >= 0);
	if (r->cost_after > 0)
		assert_true(near(r->gap,
				 (r->cost_after - r->bound) / r->cost_after));
	else
		assert_true(r->gap == 0);
}

/*
 * Known optimal answers. A row's candidates end at the first size 0;
 * configurations at the first NULL cands. budget 0 in a row means none
 * (budget 0 itself has its own test).
 */
struct known_case {
	const char *name;
	struct {
		double size, maint;
		size_t table;
	} cands[8];
	struct {
		double weight, cost0;
	} stmts[8];
	size_t nstmts;
	struct {
		size_t stmt;
		double cost;
		const char *cands;
	} configs[16];
	double budget;
	size_t max_indexes, max_per_table;
	const char *want;
	double want_cost;
	int greedy_finds_it;
};

static const struct known_case known_cases[] = {
	{
		/* 10 with both narrow ones, 30 with the wide one; greedy
		 * takes the wide one (neither narrow one helps alone) */
		.name = "two narrow indexes together beat one wide one",
		.cands = {{100, 0, 0}, {100, 0, 0}, {150, 0, 0}},
		.stmts = {{1, 100}},
		.nstmts = 1,
		.configs = {{0, 10, "0,1"},
			    {0, 30, "2"},
			    {0, 90, "0"},
			    {0, 90, "1"}},
		.budget = 250,
		.want = "0,1",
		.want_cost = 10,
	},
	{
		.name = "narrow pair over the budget, the wide one instead",
		.cands = {{100, 0, 0}, {100, 0, 0}, {150, 0, 0}},
		.stmts = {{1, 100}},
		.nstmts = 1,
		.configs = {{0, 10, "0,1"},
			    {0, 30, "2"},
			    {0, 90, "0"},
			    {0, 90, "1"}},
		.budget = 199,
		.want = "2",
		.want_cost = 30,
		.greedy_finds_it = 1,
	},
	{
		.name = "budget forces the smaller of two helpful indexes",
		.cands = {{300, 0, 0}, {100, 0, 0}},
		.stmts = {{1, 100}},
		.nstmts = 1,
		.configs = {{0, 50, "0"}, {0, 70, "1"}},
		.budget = 250,
		.want = "1",
		.want_cost = 70,
		.greedy_finds_it = 1,
	},
	{
		/* greedy adds the smaller first (better per byte), then the
		 * larger makes it useless and the prune drops it */
		.name = "no budget, the better index alone",
		.cands = {{300, 0, 0}, {100, 0, 0}},
		.stmts = {{1, 100}},
		.nstmts = 1,
		.configs = {{0, 50, "0"}, {0, 70, "1"}},
		.want = "0",
		.want_cost = 50,
		.greedy_finds_it = 1,
	},
	{
		/* saves 2 * 5 = 10 for 11 of maintenance: never; its
		 * near-miss saves 10 for 9 */
		.name = "maintenance above the benefit, never chosen",
		.cands = {{10, 11, 0}, {10, 9, 0}},
		.stmts = {{2, 100}, {2, 100}},
		.nstmts = 2,
		.configs = {{0, 95, "0"}, {1, 95, "1"}},
		.want = "1",
		.want_cost = 200 + 190 + 9,
		.greedy_finds_it = 1,
	},
	{
		.name = "max_per_table binding",
		.cands = {{10, 0, 0}, {10, 0, 0}, {10, 0, 0}, {10, 0, 1}},
		.stmts = {{1, 100}, {1, 100}, {1, 100}, {1, 100}},
		.nstmts = 4,
		.configs = {{0, 70, "0"},
			    {1, 80, "1"},
			    {2, 90, "2"},
			    {3, 95, "3"}},
		.max_per_table = 2,
		.want = "0,1,3",
		.want_cost = 70 + 80 + 100 + 95,
		.greedy_finds_it = 1,
	},
	{
		/* per byte greedy prefers the two small ones */
		.name = "max_indexes binding",
		.cands = {{100, 0, 0}, {10, 0, 1}, {10, 0, 2}},
		.stmts = {{1, 100}, {1, 100}, {1, 100}},
		.nstmts = 3,
		.configs = {{0, 70, "0"}, {1, 80, "1"}, {2, 85, "2"}},
		.max_indexes = 2,
		.want = "0,1",
		.want_cost = 70 + 80 + 100,
	},
	{
		/* maintenance 0, so keeping 0 and 2 would cost nothing:
		 * only the prune keeps them out */
		.name = "index used by no statement's best plan pruned",
		.cands = {{10, 0, 0}, {100, 0, 0}, {10, 0, 0}},
		.stmts = {{1, 100}},
		.nstmts = 1,
		.configs = {{0, 50, "0"}, {0, 40, "1"}, {0, 60, "2"}},
		.want = "1",
		.want_cost = 40,
		.greedy_finds_it = 1,
	},
	{
		/* both together exceed the budget by one byte, well inside
		 * GLPK's feasibility tolerance: the answer must not */
		.name = "budget one byte short of two large indexes",
		.cands = {{1e9, 0, 0}, {1e9, 0, 0}},
		.stmts = {{1, 100}, {1, 100}},
		.nstmts = 2,
		.configs = {{0, 10, "0"}, {1, 20, "1"}},
		.budget = 2e9 - 1,
		.want = "0",
		.want_cost = 10 + 100,
		.greedy_finds_it = 1,
	},
	{
		.name = "the two at exactly the budget",
		.cands = {{1e9, 0, 0}, {1e9, 0, 0}},
		.stmts = {{1, 100}, {1, 100}},
		.nstmts = 2,
		.configs = {{0, 10, "0"}, {1, 20, "1"}},
		.budget = 2e9,
		.want = "0,1",
		.want_cost = 10 + 20,
		.greedy_finds_it = 1,
	},
	{
		/* GLPK, given the budget row in bytes, called 637 (the
		 * greedy's answer) optimal here */
		.name = "sizes near a terabyte",
		.cands = {{135512612864, 0, 1},
			  {728902492160, 11, 0},
			  {281566298112, 0, 2},
			  {735073017856, 0, 2},
			  {315272970240, 0, 0}},
		.stmts = {{2, 83}, {2, 148}, {7, 99}},
		.nstmts = 3,
		.configs = {{0, 14, "3"},
			    {0, 97, "1,2,4"},
			    {2, 32, "1"},
			    {2, 37, "0,1"},
			    {2, 25, "2"},
			    {2, 12, "0,3"},
			    {2, 4, "0,1,3"}},
		.budget = 1325741760510,
		.max_per_table = 1,
		.want = "0,3",
		.want_cost = 28 + 296 + 84,
	},
	{
		/* the index serves a statement that never runs */
		.name = "zero weight statement, nothing chosen",
		.cands = {{10, 0, 0}},
		.stmts = {{0, 100}, {3, 10}},
		.nstmts = 2,
		.configs = {{0, 1, "0"}},
		.want = "",
		.want_cost = 30,
		.greedy_finds_it = 1,
	},
};

static void known_case_build(struct fx *fx, const struct known_case *kc)
{
	size_t i, q;

	fx_init(fx);
	for (i = 0; i < UNIT_ARRAY_SIZE(kc->cands) && kc->cands[i].size > 0;
	     i++)
		fx_cand(fx, kc->cands[i].size, kc->cands[i].maint,
			kc->cands[i].table);
	for (q = 0; q < kc->nstmts; q++)
		fx_stmt(fx, kc->stmts[q].weight, kc->stmts[q].cost0);
	for (i = 0;
	     i < UNIT_ARRAY_SIZE(kc->configs) && kc->configs[i].cands != NULL;
	     i++)
		fx_config(fx, kc->configs[i].stmt, kc->configs[i].cost,
			  kc->configs[i].cands);
	fx->p.budget_bytes = kc->budget > 0 ? kc->budget : NO_BUDGET;
	fx->p.max_indexes = kc->max_indexes;
	fx->p.max_per_table = kc->max_per_table;
}

static void adv_select_exact__known_cases__known_optimum(void **state)
{
	size_t n;

	(void)state;
	for (n = 0; n < UNIT_ARRAY_SIZE(known_cases); n++) {
		const struct known_case *kc = &known_cases[n];
		const struct adv_sel_problem *p;
		struct adv_sel_result r;
		struct adv_error err;
		struct fx fx;

		known_case_build(&fx, kc);
		p = fx_problem(&fx);
		adv_error_init(&err);
		adv_sel_result_init(&r);
		if (!near(brute_optimum(p), kc->want_cost))
			fail_msg("%s: the table says %g, brute force %g",
				 kc->name, kc->want_cost, brute_optimum(p));
		assert_int_equal(adv_select_exact(p, &r, &err), ADV_OK);
		check_result(p, &r, "glpk");
		if (strcmp(chosen_text(p, &r), kc->want) != 0 ||
		    !near(r.cost_after, kc->want_cost))
			fail_msg("%s: chose '%s' for %g, want '%s' for %g",
				 kc->name, chosen_text(p, &r), r.cost_after,
				 kc->want, kc->want_cost);
		assert_true(r.gap == 0);
		assert_true(r.bound == r.cost_after);
		adv_sel_result_release(&r);
		fx_release(&fx);
	}
}

static void adv_select_greedy__known_cases__feasible_and_bound_below(
	void **state)
{
	size_t n;

	(void)state;
	for (n = 0; n < UNIT_ARRAY_SIZE(known_cases); n++) {
		const struct known_case *kc = &known_cases[n];
		const struct adv_sel_problem *p;
		struct adv_sel_result r;
		struct adv_error err;
		struct fx fx;

		known_case_build(&fx, kc);
		p = fx_problem(&fx);
		adv_error_init(&err);
		adv_sel_result_init(&r);
		assert_int_equal(adv_select_greedy(p, &r, &err), ADV_OK);
		check_result(p, &r, "greedy");
		assert_true(r.bound <= kc->want_cost + 1e-9 * kc->want_cost);
		if (kc->greedy_finds_it &&
		    (strcmp(chosen_text(p, &r), kc->want) != 0 ||
		     !near(r.cost_after, kc->want_cost)))
			fail_msg("%s: greedy chose '%s' for %g, want '%s'",
				 kc->name, chosen_text(p, &r), r.cost_after,
				 kc->want);
		if (!kc->greedy_finds_it) {
			if (!(r.cost_after > kc->want_cost))
				fail_msg("%s: greedy was expected to miss",
					 kc->name);
			assert_true(r.gap > 0);
		}
		adv_sel_result_release(&r);
		fx_release(&fx);
	}
}

/*
 * The classic trap for benefit per byte: budget 10, one index of 6 bytes
 * saving 7, two of 5 saving 5 each. Greedy takes the 6 (7/6 > 1) and then
 * nothing fits; the optimum is the two fives. The LP relaxation takes the
 * 6 and 4/5 of a five: 300 - 11 = 289.
 */
static void adv_select_greedy__knapsack_trap__worse_than_exact_honest_gap(
	void **state)
{
	struct adv_sel_result exact, greedy;
	const struct adv_sel_problem *p;
	struct adv_error err;
	struct fx fx;

	(void)state;
	fx_init(&fx);
	fx_cand(&fx, 6, 0, 0);
	fx_cand(&fx, 5, 0, 0);
	fx_cand(&fx, 5, 0, 0);
	fx_stmt(&fx, 1, 100);
	fx_config(&fx, 0, 93, "0");
	fx_stmt(&fx, 1, 100);
	fx_config(&fx, 1, 95, "1");
	fx_stmt(&fx, 1, 100);
	fx_config(&fx, 2, 95, "2");
	fx.p.budget_bytes = 10;
	p = fx_problem(&fx);
	adv_error_init(&err);
	adv_sel_result_init(&exact);
	adv_sel_result_init(&greedy);

	assert_int_equal(adv_select_exact(p, &exact, &err), ADV_OK);
	assert_int_equal(adv_select_greedy(p, &greedy, &err), ADV_OK);
	check_result(p, &exact, "glpk");
	check_result(p, &greedy, "greedy");
	assert_string_equal(chosen_text(p, &exact), "1,2");
	assert_true(near(exact.cost_after, 290));
	assert_true(exact.gap == 0);
	assert_string_equal(chosen_text(p, &greedy), "0");
	assert_true(near(greedy.cost_after, 293));
	assert_true(exact.cost_after < greedy.cost_after);
	assert_true(greedy.gap > 0);
	assert_true(greedy.bound <= exact.cost_after);
	assert_true(near(greedy.bound, 289));
	assert_true(near(greedy.gap, (293.0 - 289.0) / 293.0));
	assert_true(near(greedy.cost_before, 300));

	adv_sel_result_release(&exact);
	adv_sel_result_release(&greedy);
	fx_release(&fx);
}

/*
 * Problems where nothing can be chosen or nothing helps: the empty choice,
 * the cost before, a bound equal to it and gap 0, for both solvers.
 */
enum edge {
	EDGE_NO_CANDIDATES,
	EDGE_NO_STATEMENTS,
	EDGE_ONLY_CONFIG_0,
	EDGE_ALL_OVER_BUDGET,
	EDGE_BUDGET_0,
	EDGE_ZERO_WEIGHTS,
};

static const struct {
	const char *name;
	enum edge edge;
	double want_cost;
} edge_cases[] = {
	{"no candidates", EDGE_NO_CANDIDATES, 300},
	{"no statements", EDGE_NO_STATEMENTS, 0},
	{"a statement with only configuration 0", EDGE_ONLY_CONFIG_0, 300},
	{"every candidate larger than the budget", EDGE_ALL_OVER_BUDGET, 300},
	{"budget 0", EDGE_BUDGET_0, 300},
	{"zero weights", EDGE_ZERO_WEIGHTS, 0},
};

static void edge_build(struct fx *fx, enum edge edge)
{
	size_t q;

	fx_init(fx);
	if (edge != EDGE_NO_CANDIDATES) {
		fx_cand(fx, 1000, 0, 0);
		fx_cand(fx, 2000, 0, 1);
	}
	if (edge == EDGE_NO_STATEMENTS)
		return;
	q = fx_stmt(fx, edge == EDGE_ZERO_WEIGHTS ? 0 : 3, 100);
	if (edge != EDGE_NO_CANDIDATES && edge != EDGE_ONLY_CONFIG_0) {
		fx_config(fx, q, 10, "0");
		fx_config(fx, q, 5, "0,1");
	}
	if (edge == EDGE_ALL_OVER_BUDGET)
		fx->p.budget_bytes = 999;
	if (edge == EDGE_BUDGET_0)
		fx->p.budget_bytes = 0;
}

static void adv_select__nothing_to_gain__empty_choice_gap_0(void **state)
{
	size_t n, s;

	(void)state;
	for (n = 0; n < UNIT_ARRAY_SIZE(edge_cases); n++) {
		for (s = 0; s < 2; s++) {
			const struct adv_sel_problem *p;
			struct adv_sel_result r;
			struct adv_error err;
			struct fx fx;
			size_t q;

			edge_build(&fx, edge_cases[n].edge);
			p = fx_problem(&fx);
			adv_error_init(&err);
			adv_sel_result_init(&r);
			if (s == 0)
				assert_int_equal(adv_select_exact(p, &r, &err),
						 ADV_OK);
			else
				assert_int_equal(adv_select_greedy(p, &r, &err),
						 ADV_OK);
			check_result(p, &r, s == 0 ? "glpk" : "greedy");
			if (strcmp(chosen_text(p, &r), "") != 0 ||
			    !near(r.cost_after, edge_cases[n].want_cost))
				fail_msg("%s: chose '%s' for %g",
					 edge_cases[n].name, chosen_text(p, &r),
					 r.cost_after);
			for (q = 0; q < p->nstmts; q++) {
				if (edge_cases[n].edge != EDGE_ZERO_WEIGHTS)
					assert_int_equal(r.config_of[q], 0);
			}
			assert_true(
				near(r.cost_before, edge_cases[n].want_cost));
			assert_true(r.used_bytes == 0);
			assert_true(r.bound == r.cost_after);
			assert_true(r.gap == 0);
			adv_sel_result_release(&r);
			fx_release(&fx);
		}
	}
}

/* Malformed problems: ADV_EINTERNAL, a message naming the fault, and the
 * result left empty. */
enum fault {
	FAULT_CONFIG_0_NOT_EMPTY,
	FAULT_CAND_OUT_OF_RANGE,
	FAULT_CANDS_NOT_ASCENDING,
	FAULT_TABLE_OUT_OF_RANGE,
	FAULT_SIZE_0,
	FAULT_NEGATIVE_WEIGHT,
	FAULT_NAN_COST,
	FAULT_NAN_BUDGET,
	FAULT_NO_CONFIGS,
};

static const struct {
	enum fault fault;
	const char *message;
} faults[] = {
	{FAULT_CONFIG_0_NOT_EMPTY, "statement 0: configuration 0 is not empty"},
	{FAULT_CAND_OUT_OF_RANGE,
	 "statement 1 configuration 1: candidate 7 out of range (2 candidates)"},
	{FAULT_CANDS_NOT_ASCENDING, "candidates not strictly ascending"},
	{FAULT_TABLE_OUT_OF_RANGE, "candidate 1 is on table 5 of 2"},
	{FAULT_SIZE_0, "candidate 0 has size 0"},
	{FAULT_NEGATIVE_WEIGHT, "statement 1 has weight -1"},
	{FAULT_NAN_COST, "configuration 1 has cost nan"},
	{FAULT_NAN_BUDGET, "budget is not a number"},
	{FAULT_NO_CONFIGS, "statement 1 has no configuration"},
};

static void fault_build(struct fx *fx, enum fault fault)
{
	fx_init(fx);
	fx_cand(fx, 10, 0, 0);
	fx_cand(fx, 10, 0, 1);
	fx_stmt(fx, 1, 100);
	fx_config(fx, 0, 50, "0,1");
	fx_stmt(fx, 1, 100);
	fx_config(fx, 1, 50, "1");
	fx_problem(fx);
	switch (fault) {
	case FAULT_CONFIG_0_NOT_EMPTY:
		/* swap configurations 0 and 1 of statement 0 */
		{
			struct adv_sel_config tmp = fx->stmts[0].configs[0];

			fx->stmts[0].configs[0] = fx->stmts[0].configs[1];
			fx->stmts[0].configs[1] = tmp;
		}
		break;
	case FAULT_CAND_OUT_OF_RANGE:
		fx->stmts[1].configs[1].cands[0] = 7;
		break;
	case FAULT_CANDS_NOT_ASCENDING:
		fx->stmts[0].configs[1].cands[0] = 1;
		fx->stmts[0].configs[1].cands[1] = 0;
		break;
	case FAULT_TABLE_OUT_OF_RANGE:
		fx->table[1] = 5;
		break;
	case FAULT_SIZE_0:
		fx->size[0] = 0;
		break;
	case FAULT_NEGATIVE_WEIGHT:
		fx->stmts[1].weight = -1;
		break;
	case FAULT_NAN_COST:
		fx->stmts[0].configs[1].cost = NAN;
		break;
	case FAULT_NAN_BUDGET:
		fx->p.budget_bytes = NAN;
		break;
	case FAULT_NO_CONFIGS:
		fx->stmts[1].nconfigs = 0;
		break;
	}
}

static void adv_select__malformed_problem__einternal_with_message(void **state)
{
	size_t n, s;

	(void)state;
	for (n = 0; n < UNIT_ARRAY_SIZE(faults); n++) {
		for (s = 0; s < 2; s++) {
			struct adv_sel_result r;
			struct adv_error err;
			struct fx fx;
			enum adv_status st;

			fault_build(&fx, faults[n].fault);
			adv_error_init(&err);
			adv_sel_result_init(&r);
			st = s == 0 ? adv_select_exact(&fx.p, &r, &err)
				    : adv_select_greedy(&fx.p, &r, &err);
			assert_int_equal(st, ADV_EINTERNAL);
			assert_int_equal(err.status, ADV_EINTERNAL);
			unit_assert_contains(err.message, faults[n].message);
			assert_null(r.chosen);
			assert_null(r.config_of);
			/* so that fx_release frees both */
			if (faults[n].fault == FAULT_NO_CONFIGS)
				fx.stmts[1].nconfigs = 2;
			fx_release(&fx);
		}
	}
}

static void adv_select_exact__null_problem_or_result__einternal(void **state)
{
	struct adv_sel_result r;
	struct adv_error err;
	struct fx fx;

	(void)state;
	adv_error_init(&err);
	adv_sel_result_init(&r);
	assert_int_equal(adv_select_exact(NULL, &r, &err), ADV_EINTERNAL);
	unit_assert_contains(err.message, "no problem given");
	fx_init(&fx);
	assert_int_equal(adv_select_greedy(fx_problem(&fx), NULL, &err),
			 ADV_EINTERNAL);
	unit_assert_contains(err.message, "no result given");
	fx_release(&fx);
}

/* A tiny deterministic generator: the same problems on every platform. */
static unsigned long long rng_state;

static size_t rng_below(size_t n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (size_t)((rng_state >> 33) % n);
}

/*
 * A random problem of at most max_cands candidates. Small: integral
 * numbers below a few hundred. Large: sizes up to a terabyte in 8 kB
 * pages, budgets within two bytes of what some subset needs (inside
 * GLPK's tolerances), fractional weights, costs and maintenance.
 */
static void random_build(struct fx *fx, size_t max_cands, int large)
{
	size_t ncands = 1 + rng_below(max_cands);
	size_t ntables = 1 + rng_below(3);
	size_t nstmts = rng_below(7);
	double total = 0;
	size_t i, q, c;

	fx_init(fx);
	for (i = 0; i < ncands; i++) {
		double size =
			large ? 8192.0 * (double)(1 + rng_below(100000000))
			      : (double)(1 + rng_below(100));
		double maint = rng_below(3) == 0 ? 0 : (double)rng_below(30);

		total += size;
		fx_cand(fx, size, large ? maint * 1e9 / 11 : maint,
			rng_below(ntables));
	}
	for (q = 0; q < nstmts; q++) {
		double weight = rng_below(6) == 0 ? 0 : (double)rng_below(10);
		double cost0 = (double)(50 + rng_below(100));
		size_t nconfigs = rng_below(6);

		if (large) {
			weight = weight * 1e4 / 7;
			cost0 = (double)(50 + rng_below(1000000000)) / 3;
		}
		fx_stmt(fx, weight, cost0);
		for (c = 0; c < nconfigs; c++) {
			unsigned char in[32] = {0};
			size_t k = 1 + rng_below(3);
			char cands[128] = "";
			size_t len = 0;

			while (k-- > 0)
				in[rng_below(ncands)] = 1;
			for (i = 0; i < ncands; i++) {
				if (in[i])
					len += (size_t)snprintf(
						cands + len,
						sizeof(cands) - len, "%s%zu",
						len > 0 ? "," : "", i);
			}
			fx_config(fx, q,
				  (double)rng_below((size_t)cost0 + 20) *
					  (large ? 1.01 : 1),
				  cands);
		}
	}
	if (rng_below(4) != 0 && !large)
		fx->p.budget_bytes = (double)rng_below((size_t)total + 1);
	if (rng_below(4) != 0 && large) {
		double subset = 0;

		for (i = 0; i < ncands; i++) {
			if (rng_below(2) != 0)
				subset += fx->size[i];
		}
		fx->p.budget_bytes = fmax(0, subset - (double)rng_below(3));
	}
	if (rng_below(3) == 0)
		fx->p.max_indexes = 1 + rng_below(3);
	if (rng_below(4) == 0)
		fx->p.max_per_table = 1 + rng_below(2);
	fx_problem(fx);
	/* tables with no candidate still count */
	fx->p.ntables = ntables > fx->p.ntables ? ntables : fx->p.ntables;
}

static void random_against_brute_force(int large)
{
	size_t n;

	rng_state = large ? 1121 : 20261121;
	for (n = 0; n < 200; n++) {
		const struct adv_sel_problem *p;
		struct adv_sel_result exact, greedy;
		struct adv_error err;
		struct fx fx;
		double optimum;

		random_build(&fx, 8, large);
		p = &fx.p;
		optimum = brute_optimum(p);
		adv_error_init(&err);
		adv_sel_result_init(&exact);
		adv_sel_result_init(&greedy);
		assert_int_equal(adv_select_exact(p, &exact, &err), ADV_OK);
		check_result(p, &exact, "glpk");
		if (!near(exact.cost_after, optimum))
			fail_msg(
				"%s problem %zu: exact %.17g, brute force %.17g",
				large ? "large" : "small", n, exact.cost_after,
				optimum);
		assert_true(exact.gap == 0);
		assert_true(near(exact.cost_before, brute_cost(p, 0)));

		assert_int_equal(adv_select_greedy(p, &greedy, &err), ADV_OK);
		check_result(p, &greedy, "greedy");
		assert_true(greedy.cost_after >= optimum - 1e-9 * optimum);
		if (!(greedy.bound <= optimum + 1e-9 * fmax(1, optimum)))
			fail_msg(
				"problem %zu: greedy bound %.17g above the optimum %.17g",
				n, greedy.bound, optimum);
		adv_sel_result_release(&exact);
		adv_sel_result_release(&greedy);
		fx_release(&fx);
	}
}

static void adv_select_exact__random_small__equals_brute_force(void **state)
{
	(void)state;
	random_against_brute_force(0);
}

/* the same at a terabyte scale, where GLPK's tolerances are bytes */
static void adv_select_exact__random_large_numbers__equals_brute_force(
	void **state)
{
	(void)state;
	random_against_brute_force(1);
}

static void adv_select__same_problem_twice__same_answer(void **state)
{
	size_t n;

	(void)state;
	rng_state = 7;
	for (n = 0; n < 20; n++) {
		struct adv_sel_result a, b;
		struct adv_error err;
		struct fx fx;
		size_t s;

		random_build(&fx, 12, 0);
		for (s = 0; s < 2; s++) {
			enum adv_status (*solve)(const struct adv_sel_problem *,
						 struct adv_sel_result *,
						 struct adv_error *) =
				s == 0 ? adv_select_exact : adv_select_greedy;

			adv_error_init(&err);
			adv_sel_result_init(&a);
			adv_sel_result_init(&b);
			assert_int_equal(solve(&fx.p, &a, &err), ADV_OK);
			assert_int_equal(solve(&fx.p, &b, &err), ADV_OK);
			assert_memory_equal(a.chosen, b.chosen,
					    fx.p.ncands > 0 ? fx.p.ncands : 1);
			if (fx.p.nstmts > 0)
				assert_memory_equal(
					a.config_of, b.config_of,
					fx.p.nstmts * sizeof(*a.config_of));
			assert_true(a.cost_after == b.cost_after);
			assert_true(a.bound == b.bound);
			adv_sel_result_release(&a);
			adv_sel_result_release(&b);
		}
		fx_release(&fx);
	}
}

/* The result struct can be reused: a second call releases the first
 * answer (LeakSanitizer would see it otherwise). */
static void adv_select_exact__result_reused__previous_released(void **state)
{
	struct adv_sel_result r;
	struct adv_error err;
	struct fx fx;

	(void)state;
	rng_state = 99;
	random_build(&fx, 6, 0);
	adv_error_init(&err);
	adv_sel_result_init(&r);
	assert_int_equal(adv_select_exact(&fx.p, &r, &err), ADV_OK);
	assert_int_equal(adv_select_greedy(&fx.p, &r, &err), ADV_OK);
	assert_string_equal(r.solver, "greedy");
	adv_sel_result_release(&r);
	adv_sel_result_release(&r);
	fx_release(&fx);
}

/*
 * 300 candidates on 30 tables, 100 statements of 10 configurations each
 * (1 to 3 candidates of the statement's own table or a neighbour), a
 * budget of a tenth of everything and a per-table limit.
 */
static void large_build(struct fx *fx)
{
	double total = 0;
	size_t i, q, c;

	fx_init(fx);
	for (i = 0; i < 300; i++) {
		double size = 8192.0 * (double)(1 + rng_below(1000));

		total += size;
		fx_cand(fx, size, (double)rng_below(50), i / 10);
	}
	for (q = 0; q < 100; q++) {
		double cost0 = (double)(1000 + rng_below(100000));
		size_t table = rng_below(30);

		fx_stmt(fx, (double)(1 + rng_below(1000)), cost0);
		for (c = 1; c < 10; c++) {
			unsigned char in[300] = {0};
			size_t k = 1 + rng_below(3);
			char cands[128] = "";
			size_t len = 0;

			while (k-- > 0) {
				size_t t = (table + rng_below(2)) % 30;

				in[t * 10 + rng_below(10)] = 1;
			}
			for (i = 0; i < 300; i++) {
				if (in[i])
					len += (size_t)snprintf(
						cands + len,
						sizeof(cands) - len, "%s%zu",
						len > 0 ? "," : "", i);
			}
			fx_config(fx, q, cost0 * (double)rng_below(100) / 100.0,
				  cands);
		}
	}
	fx->p.budget_bytes = floor(total / 10);
	fx->p.max_per_table = 3;
	fx->p.time_limit_seconds = 60;
	fx_problem(fx);
}

static void adv_select_exact__large_problem__finishes_no_worse_than_greedy(
	void **state)
{
	struct adv_sel_result exact, greedy;
	struct adv_error err;
	struct fx fx;

	(void)state;
	rng_state = 300;
	large_build(&fx);
	adv_error_init(&err);
	adv_sel_result_init(&exact);
	adv_sel_result_init(&greedy);
	assert_int_equal(adv_select_exact(&fx.p, &exact, &err), ADV_OK);
	assert_int_equal(adv_select_greedy(&fx.p, &greedy, &err), ADV_OK);
	check_result(&fx.p, &exact, "glpk");
	check_result(&fx.p, &greedy, "greedy");
	assert_true(exact.gap >= 0);
	assert_true(exact.cost_after <= greedy.cost_after);
	assert_true(exact.cost_after < exact.cost_before);
	/* the LP relaxation bounds every feasible choice, the exact one
	 * included */
	assert_true(greedy.bound <= exact.cost_after + 1e-9 * exact.cost_after);
	assert_true(exact.bound >= greedy.bound - 1e-9 * greedy.bound);
	adv_sel_result_release(&exact);
	adv_sel_result_release(&greedy);
	fx_release(&fx);
}

/*
 * Whatever a time limit cuts short (at 1 ms the relaxation or everything,
 * at 300 ms usually the search with the greedy as incumbent), the answer
 * is feasible, no worse than the greedy, and its gap is measured against
 * a real bound. Which path runs depends on the machine; what is asserted
 * does not.
 */
static void adv_select_exact__time_limit_cut_short__valid_answer(void **state)
{
	static const double limits[] = {0.001, 0.3};
	struct adv_sel_result greedy;
	struct adv_error err;
	struct fx fx;
	size_t n;

	(void)state;
	rng_state = 300;
	large_build(&fx);
	adv_error_init(&err);
	adv_sel_result_init(&greedy);
	assert_int_equal(adv_select_greedy(&fx.p, &greedy, &err), ADV_OK);
	for (n = 0; n < UNIT_ARRAY_SIZE(limits); n++) {
		struct adv_sel_result exact;

		fx.p.time_limit_seconds = limits[n];
		adv_sel_result_init(&exact);
		assert_int_equal(adv_select_exact(&fx.p, &exact, &err), ADV_OK);
		check_result(&fx.p, &exact, "glpk");
		assert_true(exact.cost_after <= greedy.cost_after);
		assert_true(exact.gap >= 0 && exact.gap < 1);
		adv_sel_result_release(&exact);
	}
	adv_sel_result_release(&greedy);
	fx_release(&fx);
}

/* GLPK writes to stdout unless told not to; the library never prints,
 * and leaves GLPK's terminal setting as it found it. */
static void adv_select_exact__solving__prints_nothing(void **state)
{
	struct adv_sel_result r;
	struct adv_error err;
	struct fx fx;
	FILE *sink = tmpfile();
	int saved_out, saved_err;
	long written;

	(void)state;
	assert_non_null(sink);
	rng_state = 12;
	random_build(&fx, 8, 0);
	adv_error_init(&err);
	adv_sel_result_init(&r);
	fflush(stdout);
	fflush(stderr);
	saved_out = dup(1);
	saved_err = dup(2);
	assert_true(saved_out >= 0 && saved_err >= 0);
	assert_true(dup2(fileno(sink), 1) >= 0);
	assert_true(dup2(fileno(sink), 2) >= 0);
	assert_int_equal(adv_select_exact(&fx.p, &r, &err), ADV_OK);
	adv_sel_result_release(&r);
	assert_int_equal(adv_select_greedy(&fx.p, &r, &err), ADV_OK);
	adv_sel_result_release(&r);
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);
	assert_int_equal(fseek(sink, 0, SEEK_END), 0);
	written = ftell(sink);
	fclose(sink);
	assert_int_equal(written, 0);
	/* on: GLPK's default, which the library must have restored */
	assert_int_equal(glp_term_out(GLP_ON), GLP_ON);
	fx_release(&fx);
}

static int glpk_blocks(void)
{
	int count = 0;

	glp_mem_usage(&count, NULL, NULL, NULL);
	return count;
}

/*
 * GLPK allocates through its own pool, reachable from its environment, so
 * LeakSanitizer cannot see a problem object left behind: count GLPK's
 * blocks instead, around every way out of both solvers (proven optimum,
 * cuts, time limit, nothing to solve, malformed problem).
 */
static void adv_select__every_path__glpk_memory_returned(void **state)
{
	struct adv_sel_result r;
	struct adv_error err;
	struct fx fx;
	size_t n;
	int before;

	(void)state;
	adv_error_init(&err);
	adv_sel_result_init(&r);
	rng_state = 5;
	random_build(&fx, 8, 0);
	assert_int_equal(adv_select_exact(&fx.p, &r, &err), ADV_OK);
	fx_release(&fx);
	before = glpk_blocks();

	for (n = 0; n < UNIT_ARRAY_SIZE(known_cases); n++) {
		known_case_build(&fx, &known_cases[n]);
		assert_int_equal(adv_select_exact(fx_problem(&fx), &r, &err),
				 ADV_OK);
		assert_int_equal(adv_select_greedy(&fx.p, &r, &err), ADV_OK);
		fx_release(&fx);
	}
	for (n = 0; n < UNIT_ARRAY_SIZE(faults); n++) {
		fault_build(&fx, faults[n].fault);
		assert_int_equal(adv_select_exact(&fx.p, &r, &err),
				 ADV_EINTERNAL);
		if (faults[n].fault == FAULT_NO_CONFIGS)
			fx.stmts[1].nconfigs = 2;
		fx_release(&fx);
	}
	edge_build(&fx, EDGE_BUDGET_0);
	assert_int_equal(adv_select_exact(fx_problem(&fx), &r, &err), ADV_OK);
	fx_release(&fx);
	rng_state = 300;
	large_build(&fx);
	fx.p.time_limit_seconds = 0.05;
	assert_int_equal(adv_select_exact(&fx.p, &r, &err), ADV_OK);
	fx_release(&fx);

	assert_int_equal(glpk_blocks(), before);
	adv_sel_result_release(&r);
}

static void adv_select_evaluate__choices__cheapest_allowed_plus_maintenance(
	void **state)
{
	const struct adv_sel_problem *p;
	unsigned char none[3] = {0, 0, 0};
	unsigned char a[3] = {1, 0, 0};
	unsigned char ab[3] = {1, 1, 0};
	unsigned char all[3] = {1, 1, 1};
	size_t config_of[2];
	struct fx fx;

	(void)state;
	fx_init(&fx);
	fx_cand(&fx, 10, 1, 0);
	fx_cand(&fx, 10, 2, 0);
	fx_cand(&fx, 10, 4, 0);
	fx_stmt(&fx, 2, 100);
	fx_config(&fx, 0, 60, "0");
	fx_config(&fx, 0, 30, "0,1");
	fx_config(&fx, 0, 30, "2"); /* same cost, fewer candidates */
	fx_stmt(&fx, 1, 50);
	fx_config(&fx, 1, 80, "1"); /* dearer than nothing */
	p = fx_problem(&fx);

	assert_true(adv_select_evaluate(p, none, config_of) == 250);
	assert_int_equal(config_of[0], 0);
	assert_int_equal(config_of[1], 0);
	assert_true(adv_select_evaluate(p, NULL, NULL) == 250);
	assert_true(adv_select_evaluate(p, a, config_of) == 120 + 50 + 1);
	assert_int_equal(config_of[0], 1);
	assert_true(adv_select_evaluate(p, ab, config_of) == 60 + 50 + 3);
	assert_int_equal(config_of[0], 2);
	assert_int_equal(config_of[1], 0);
	assert_true(adv_select_evaluate(p, all, config_of) == 60 + 50 + 7);
	assert_int_equal(config_of[0], 3);
	fx_release(&fx);
}

static void adv_sel_result_release__twice_or_null__safe(void **state)
{
	struct adv_sel_result r;

	(void)state;
	adv_sel_result_init(&r);
	r.chosen = adv_xcalloc(3, 1);
	adv_sel_result_release(&r);
	assert_null(r.chosen);
	adv_sel_result_release(&r);
	adv_sel_result_release(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_select_exact__known_cases__known_optimum),
		cmocka_unit_test(
			adv_select_greedy__known_cases__feasible_and_bound_below),
		cmocka_unit_test(
			adv_select_greedy__knapsack_trap__worse_than_exact_honest_gap),
		cmocka_unit_test(
			adv_select__nothing_to_gain__empty_choice_gap_0),
		cmocka_unit_test(
			adv_select__malformed_problem__einternal_with_message),
		cmocka_unit_test(
			adv_select_exact__null_problem_or_result__einternal),
		cmocka_unit_test(
			adv_select_exact__random_small__equals_brute_force),
		cmocka_unit_test(
			adv_select_exact__random_large_numbers__equals_brute_force),
		cmocka_unit_test(adv_select__same_problem_twice__same_answer),
		cmocka_unit_test(
			adv_select_exact__result_reused__previous_released),
		cmocka_unit_test(
			adv_select_exact__large_problem__finishes_no_worse_than_greedy),
		cmocka_unit_test(
			adv_select_exact__time_limit_cut_short__valid_answer),
		cmocka_unit_test(adv_select_exact__solving__prints_nothing),
		cmocka_unit_test(adv_select__every_path__glpk_memory_returned),
		cmocka_unit_test(
			adv_select_evaluate__choices__cheapest_allowed_plus_maintenance),
		cmocka_unit_test(adv_sel_result_release__twice_or_null__safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
