#include "plan_rules.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "banned.h"

static int type_is(const struct adv_plan_node *node, const char *type)
{
	return node->node_type != NULL && strcmp(node->node_type, type) == 0;
}

static double total_rows(const struct adv_plan_node *node)
{
	return node->actual_rows * node->actual_loops;
}

/* The child hanging below node with relationship rel, or NULL. */
static const struct adv_plan_node *child_rel(const struct adv_plan_node *node,
					     enum adv_plan_parent_rel rel)
{
	size_t i;

	for (i = 0; i < node->nr_children; i++) {
		if (node->children[i]->parent_rel == rel)
			return node->children[i];
	}
	return NULL;
}

static int is_wrapper(const struct adv_plan_node *node)
{
	return type_is(node, "Materialize") || type_is(node, "Memoize");
}

static const struct adv_plan_node *unwrap(const struct adv_plan_node *node)
{
	const struct adv_plan_node *below;

	if (node == NULL || !is_wrapper(node))
		return node;
	below = child_rel(node, ADV_PLAN_REL_OUTER);
	return below != NULL ? below : node;
}

/* A scan that reads a relation without any index condition. */
static int is_unindexed_scan(const struct adv_plan_node *node)
{
	const char *t = node->node_type;
	size_t n;

	if (t == NULL)
		return 0;
	n = strlen(t);
	if (n < 5 || strcmp(t + n - 5, " Scan") != 0)
		return 0;
	if (strstr(t, "Index") != NULL || strstr(t, "Bitmap") != NULL)
		return 0;
	return !node->has_index_cond && !node->has_recheck_cond;
}

static int is_scan(const struct adv_plan_node *node)
{
	const char *t = node->node_type;
	size_t n;

	if (t == NULL)
		return 0;
	n = strlen(t);
	return n >= 5 && strcmp(t + n - 5, " Scan") == 0;
}

/* Sets the object, the message prefix and the common evidence. */
static void finding_node(struct adv_finding *f, const struct adv_plan *plan,
			 const struct adv_plan_node *node)
{
	char *label = adv_plan_node_label(node);

	if (node->relation != NULL || node->index_name != NULL)
		adv_finding_set_object(f, node->schema, node->relation,
				       node->index_name);
	cJSON_AddStringToObject(f->evidence, "node", label);
	cJSON_AddNumberToObject(f->evidence, "plan_line", (double)plan->line);
	free(label);
}

static char *label_of(const struct adv_plan_node *node)
{
	return adv_plan_node_label(node);
}

static int check_full_scan(const struct adv_plan *plan,
			   const struct adv_plan_node *node, const double *thr,
			   struct adv_finding *f)
{
	double removed;
	double read;
	double share;
	char *label;

	if (!type_is(node, "Seq Scan") || !node->has_actual)
		return 0;
	removed = node->rows_removed_filter * node->actual_loops;
	read = removed + total_rows(node);
	if (read <= 0 || read < thr[1])
		return 0;
	share = removed / read;
	if (share < thr[0])
		return 0;
	finding_node(f, plan, node);
	label = label_of(node);
	adv_finding_set_message(
		f, "%s: the filter removed %.0f%% of the %.0f rows read", label,
		share * 100.0, read);
	free(label);
	cJSON_AddNumberToObject(f->evidence, "rows_read", read);
	cJSON_AddNumberToObject(f->evidence, "rows_removed", removed);
	cJSON_AddNumberToObject(f->evidence, "removed_ratio", share);
	return 1;
}

static int check_index_filter(const struct adv_plan *plan,
			      const struct adv_plan_node *node,
			      const double *thr, struct adv_finding *f)
{
	double removed;
	double fetched;
	double share;
	char *label;

	if (!(type_is(node, "Index Scan") || type_is(node, "Index Only Scan") ||
	      type_is(node, "Bitmap Heap Scan")) ||
	    !node->has_actual)
		return 0;
	removed = node->rows_removed_filter * node->actual_loops;
	fetched = removed + total_rows(node);
	if (fetched <= 0 || removed < thr[1])
		return 0;
	share = removed / fetched;
	if (share < thr[0])
		return 0;
	finding_node(f, plan, node);
	label = label_of(node);
	adv_finding_set_message(f,
				"%s: the filter removed %.0f%% of the %.0f "
				"rows fetched through the index",
				label, share * 100.0, fetched);
	free(label);
	cJSON_AddNumberToObject(f->evidence, "rows_fetched", fetched);
	cJSON_AddNumberToObject(f->evidence, "rows_removed", removed);
	cJSON_AddNumberToObject(f->evidence, "removed_ratio", share);
	return 1;
}

/* Sort, Hash and hashed or plain aggregation consume all their input. */
static int is_blocking(const struct adv_plan_node *node)
{
	if (type_is(node, "Sort") || type_is(node, "Hash"))
		return 1;
	if ((type_is(node, "Aggregate") || type_is(node, "SetOp")) &&
	    node->strategy != NULL && strcmp(node->strategy, "Sorted") != 0)
		return 1;
	return 0;
}

/*
 * Whether a node may have stopped early: it feeds a Limit, or it is the
 * inner side of a nested-loop or merge semi/anti join, with no node in
 * between that reads all its input.
 */
static int stopped_early(const struct adv_plan_node *node)
{
	const struct adv_plan_node *c = node;

	while (c->parent != NULL) {
		const struct adv_plan_node *p = c->parent;

		if (type_is(p, "Limit"))
			return 1;
		if ((type_is(p, "Nested Loop") || type_is(p, "Merge Join")) &&
		    p->join_type != NULL &&
		    (strcmp(p->join_type, "Semi") == 0 ||
		     strcmp(p->join_type, "Anti") == 0) &&
		    c->parent_rel == ADV_PLAN_REL_INNER)
			return 1;
		if (is_blocking(p))
			return 0;
		c = p;
	}
	return 0;
}

static int misestimated(const struct adv_plan_node *node, const double *thr,
			double *factor)
{
	double est;
	double act;
	double f;

	if (!node->has_actual || node->actual_loops <= 0)
		return 0;
	est = node->plan_rows;
	act = node->actual_rows;
	f = (act > 1 ? act : 1) / (est > 1 ? est : 1);
	if (f < 1)
		f = 1 / f;
	if (f < thr[0] || fabs(act - est) < thr[1])
		return 0;
	if (stopped_early(node))
		return 0;
	*factor = f;
	return 1;
}

static int misestimated_below(const struct adv_plan_node *node,
			      const double *thr)
{
	size_t i;
	double factor;

	for (i = 0; i < node->nr_children; i++) {
		if (misestimated(node->children[i], thr, &factor) ||
		    misestimated_below(node->children[i], thr))
			return 1;
	}
	return 0;
}

static int check_misestimate(const struct adv_plan *plan,
			     const struct adv_plan_node *node,
			     const double *thr, struct adv_finding *f)
{
	double factor = 1;
	char *label;

	if (!misestimated(node, thr, &factor))
		return 0;
	/* an error propagates upwards: report where it starts */
	if (misestimated_below(node, thr))
		return 0;
	finding_node(f, plan, node);
	label = label_of(node);
	adv_finding_set_message(f,
				"%s: estimated %.0f rows, actual %.0f per loop "
				"(%s by a factor of %.0f)",
				label, node->plan_rows, node->actual_rows,
				node->actual_rows > node->plan_rows
					? "underestimated"
					: "overestimated",
				factor);
	free(label);
	cJSON_AddNumberToObject(f->evidence, "plan_rows", node->plan_rows);
	cJSON_AddNumberToObject(f->evidence, "actual_rows", node->actual_rows);
	cJSON_AddNumberToObject(f->evidence, "actual_loops",
				node->actual_loops);
	cJSON_AddNumberToObject(f->evidence, "factor", factor);
	return 1;
}

static int check_sort_spill(const struct adv_plan *plan,
			    const struct adv_plan_node *node, const double *thr,
			    struct adv_finding *f)
{
	int spilled;
	char *label;

	(void)thr;
	spilled = (node->sort_method != NULL &&
		   strstr(node->sort_method, "external") != NULL) ||
		  (node->sort_space_type != NULL &&
		   strcmp(node->sort_space_type, "Disk") == 0);
	if (!spilled)
		return 0;
	finding_node(f, plan, node);
	label = label_of(node);
	adv_finding_set_message(
		f, "%s: sort spilled to disk (%s, %lld kB)", label,
		node->sort_method != NULL ? node->sort_method : "?",
		(long long)node->sort_space_kb);
	free(label);
	cJSON_AddStringToObject(f->evidence, "sort_method",
				node->sort_method != NULL ? node->sort_method
							  : "");
	cJSON_AddNumberToObject(f->evidence, "disk_kb",
				(double)node->sort_space_kb);
	return 1;
}

static int check_hash_spill(const struct adv_plan *plan,
			    const struct adv_plan_node *node, const double *thr,
			    struct adv_finding *f)
{
	char *label;

	(void)thr;
	if (node->hash_batches <= 1 && node->disk_usage_kb <= 0)
		return 0;
	finding_node(f, plan, node);
	label = label_of(node);
	if (node->disk_usage_kb > 0)
		adv_finding_set_message(
			f,
			"%s: hash table spilled to disk in %lld "
			"batches (%lld kB)",
			label, (long long)node->hash_batches,
			(long long)node->disk_usage_kb);
	else
		adv_finding_set_message(
			f, "%s: hash table spilled to disk in %lld batches",
			label, (long long)node->hash_batches);
	free(label);
	cJSON_AddNumberToObject(f->evidence, "batches",
				(double)node->hash_batches);
	if (node->hash_original_batches > 0)
		cJSON_AddNumberToObject(f->evidence, "original_batches",
					(double)node->hash_original_batches);
	if (node->disk_usage_kb > 0)
		cJSON_AddNumberToObject(f->evidence, "disk_kb",
					(double)node->disk_usage_kb);
	return 1;
}

static int check_lossy(const struct adv_plan *plan,
		       const struct adv_plan_node *node, const double *thr,
		       struct adv_finding *f)
{
	char *label;

	(void)thr;
	if (node->heap_blocks_lossy <= 0)
		return 0;
	finding_node(f, plan, node);
	label = label_of(node);
	adv_finding_set_message(f,
				"%s: %lld lossy heap blocks (every row on them "
				"rechecked)",
				label, (long long)node->heap_blocks_lossy);
	free(label);
	cJSON_AddNumberToObject(f->evidence, "lossy_blocks",
				(double)node->heap_blocks_lossy);
	cJSON_AddNumberToObject(f->evidence, "exact_blocks",
				(double)node->heap_blocks_exact);
	cJSON_AddNumberToObject(f->evidence, "rows_removed_by_recheck",
				node->rows_removed_recheck *
					node->actual_loops);
	return 1;
}

static int check_heap_fetches(const struct adv_plan *plan,
			      const struct adv_plan_node *node,
			      const double *thr, struct adv_finding *f)
{
	double rows;
	double share;
	char *label;

	if (!type_is(node, "Index Only Scan") || !node->has_actual)
		return 0;
	/* rows removed by a filter were fetched too */
	rows = total_rows(node) +
	       node->rows_removed_filter * node->actual_loops;
	if (rows <= 0)
		return 0;
	share = (double)node->heap_fetches / rows;
	if (share <= thr[0])
		return 0;
	finding_node(f, plan, node);
	label = label_of(node);
	adv_finding_set_message(f,
				"%s: %lld heap fetches for %.0f rows (%.0f%%): "
				"the visibility map is stale",
				label, (long long)node->heap_fetches, rows,
				share * 100.0);
	free(label);
	cJSON_AddNumberToObject(f->evidence, "heap_fetches",
				(double)node->heap_fetches);
	cJSON_AddNumberToObject(f->evidence, "rows", rows);
	cJSON_AddNumberToObject(f->evidence, "heap_fetch_ratio", share);
	return 1;
}

static int check_many_loops(const struct adv_plan *plan,
			    const struct adv_plan_node *node, const double *thr,
			    struct adv_finding *f)
{
	const struct adv_plan_node *inner;
	const struct adv_plan_node *scan;
	int unindexed;
	int underestimated;
	char *label;
	char *inner_label;

	if (!type_is(node, "Nested Loop"))
		return 0;
	inner = child_rel(node, ADV_PLAN_REL_INNER);
	if (inner == NULL || !inner->has_actual || inner->actual_loops < thr[0])
		return 0;
	scan = unwrap(inner);
	unindexed = is_unindexed_scan(scan);
	underestimated = inner->actual_rows >=
			 thr[1] * (inner->plan_rows > 0 ? inner->plan_rows : 1);
	if (!unindexed && !underestimated)
		return 0;
	finding_node(f, plan, scan);
	label = label_of(node);
	inner_label = label_of(scan);
	adv_finding_set_message(f, "%s: inner %s runs %.0f times%s", label,
				inner_label, inner->actual_loops,
				unindexed ? " without an index condition"
					  : ", returning far more rows than "
					    "estimated");
	free(label);
	free(inner_label);
	cJSON_AddNumberToObject(f->evidence, "loops", inner->actual_loops);
	cJSON_AddNumberToObject(f->evidence, "inner_plan_rows",
				inner->plan_rows);
	cJSON_AddNumberToObject(f->evidence, "inner_actual_rows",
				inner->actual_rows);
	cJSON_AddBoolToObject(f->evidence, "inner_without_index_condition",
			      unindexed);
	return 1;
}

static int check_large_offset(const struct adv_plan *plan,
			      const struct adv_plan_node *node,
			      const double *thr, struct adv_finding *f)
{
	const struct adv_plan_node *below;
	double discarded;
	char *label;

	if (!type_is(node, "Limit") || !node->has_actual)
		return 0;
	below = child_rel(node, ADV_PLAN_REL_OUTER);
	if (below == NULL || !below->has_actual)
		return 0;
	discarded = total_rows(below) - total_rows(node);
	if (discarded < thr[0])
		return 0;
	finding_node(f, plan, node);
	label = label_of(below);
	adv_finding_set_message(f,
				"Limit: %.0f rows produced by %s were "
				"discarded by OFFSET",
				discarded, label);
	free(label);
	cJSON_AddNumberToObject(f->evidence, "rows_discarded", discarded);
	cJSON_AddNumberToObject(f->evidence, "rows_returned", total_rows(node));
	return 1;
}

static int check_workers(const struct adv_plan *plan,
			 const struct adv_plan_node *node, const double *thr,
			 struct adv_finding *f)
{
	char *label;

	(void)thr;
	if (!(type_is(node, "Gather") || type_is(node, "Gather Merge")))
		return 0;
	if (node->workers_planned < 0 || node->workers_launched < 0 ||
	    node->workers_launched >= node->workers_planned)
		return 0;
	finding_node(f, plan, node);
	label = label_of(node);
	adv_finding_set_message(f, "%s: %lld of %lld planned workers launched",
				label, (long long)node->workers_launched,
				(long long)node->workers_planned);
	free(label);
	cJSON_AddNumberToObject(f->evidence, "workers_planned",
				(double)node->workers_planned);
	cJSON_AddNumberToObject(f->evidence, "workers_launched",
				(double)node->workers_launched);
	return 1;
}

static int check_jit(const struct adv_plan *plan,
		     const struct adv_plan_node *node, const double *thr,
		     struct adv_finding *f)
{
	double share;

	if (node != plan->root || !plan->has_jit_timing ||
	    !plan->has_execution_time || plan->execution_time_ms <= 0)
		return 0;
	share = plan->jit_total_ms / plan->execution_time_ms;
	if (share <= thr[0] || plan->jit_total_ms <= thr[1])
		return 0;
	cJSON_AddNumberToObject(f->evidence, "plan_line", (double)plan->line);
	adv_finding_set_message(f,
				"JIT took %.1f ms of the %.1f ms execution "
				"(%.0f%%)",
				plan->jit_total_ms, plan->execution_time_ms,
				share * 100.0);
	cJSON_AddNumberToObject(f->evidence, "jit_total_ms",
				plan->jit_total_ms);
	cJSON_AddNumberToObject(f->evidence, "execution_time_ms",
				plan->execution_time_ms);
	cJSON_AddNumberToObject(f->evidence, "jit_ratio", share);
	cJSON_AddNumberToObject(f->evidence, "jit_functions",
				(double)plan->jit_functions);
	return 1;
}

/*
 * Buffers include the children's: use what the node itself read, so that
 * one cold scan is reported once and not on every node above it.
 */
static int check_cache_hit(const struct adv_plan *plan,
			   const struct adv_plan_node *node, const double *thr,
			   struct adv_finding *f)
{
	int64_t hit = node->shared_hit;
	int64_t read = node->shared_read;
	size_t i;
	char *label;

	for (i = 0; i < node->nr_children; i++) {
		hit -= node->children[i]->shared_hit;
		read -= node->children[i]->shared_read;
	}
	if (hit < 0)
		hit = 0;
	if (read <= hit || (double)read <= thr[0])
		return 0;
	finding_node(f, plan, node);
	label = label_of(node);
	adv_finding_set_message(f,
				"%s: %lld blocks read from outside shared "
				"buffers, %lld found in them",
				label, (long long)read, (long long)hit);
	free(label);
	cJSON_AddNumberToObject(f->evidence, "shared_read_blocks",
				(double)read);
	cJSON_AddNumberToObject(f->evidence, "shared_hit_blocks", (double)hit);
	return 1;
}

static int check_no_join_predicate(const struct adv_plan *plan,
				   const struct adv_plan_node *node,
				   const double *thr, struct adv_finding *f)
{
	const struct adv_plan_node *outer;
	const struct adv_plan_node *inner_wrap;
	const struct adv_plan_node *inner;
	char *label;
	char *ol;
	char *il;

	(void)thr;
	if (!type_is(node, "Nested Loop") || node->has_join_filter ||
	    node->has_hash_cond || node->has_merge_cond)
		return 0;
	outer = unwrap(child_rel(node, ADV_PLAN_REL_OUTER));
	inner_wrap = child_rel(node, ADV_PLAN_REL_INNER);
	inner = unwrap(inner_wrap);
	if (outer == NULL || inner == NULL || !is_scan(outer) ||
	    !is_scan(inner))
		return 0;
	/* Memoize caches by parameter: the inner side is parameterised */
	if (type_is(inner_wrap, "Memoize"))
		return 0;
	/* a Materialize is never parameterised; a bare index scan may be */
	if (!type_is(inner_wrap, "Materialize") &&
	    (inner->has_index_cond || inner->has_recheck_cond))
		return 0;
	/*
	 * One row on either side is no cartesian product: it is what a
	 * join on a constant (a.id = b.a_id AND a.id = 5) plans to.
	 */
	if (outer->plan_rows <= 1 || inner->plan_rows <= 1)
		return 0;
	finding_node(f, plan, inner);
	label = label_of(node);
	ol = label_of(outer);
	il = label_of(inner);
	adv_finding_set_message(f,
				"%s between %s and %s has no join predicate "
				"(cartesian product)",
				label, ol, il);
	cJSON_AddStringToObject(f->evidence, "outer", ol);
	cJSON_AddStringToObject(f->evidence, "inner", il);
	cJSON_AddNumberToObject(f->evidence, "plan_rows", node->plan_rows);
	if (node->has_actual)
		cJSON_AddNumberToObject(f->evidence, "actual_rows",
					total_rows(node));
	free(label);
	free(ol);
	free(il);
	return 1;
}

static const struct adv_plan_rule rules[] = {
	{"plan-full-scan-selective",
	 ADV_SEV_MEDIUM,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Seq Scan whose filter removes most of the rows it reads",
	 {{"min_removed_ratio", 0.9,
	   "share of rows read removed by the filter"},
	  {"min_rows_read", 10000, "rows read (returned + removed)"},
	  {NULL, 0, NULL}},
	 check_full_scan},
	{"plan-index-scan-filter-heavy",
	 ADV_SEV_MEDIUM,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Index, Index Only or Bitmap Heap Scan whose filter removes most "
	 "fetched rows",
	 {{"min_removed_ratio", 0.9, "share of fetched rows removed"},
	  {"min_rows_removed", 1000, "rows removed by the filter"},
	  {NULL, 0, NULL}},
	 check_index_filter},
	{"plan-row-misestimate",
	 ADV_SEV_MEDIUM,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Estimated and actual rows per loop differ a lot (lowest node, "
	 "early stops exempt)",
	 {{"min_factor", 10, "max(actual/estimate, estimate/actual)"},
	  {"min_row_difference", 1000, "abs(actual - estimate) per loop"},
	  {NULL, 0, NULL}},
	 check_misestimate},
	{"plan-sort-spill",
	 ADV_SEV_MEDIUM,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Sort spilled to disk (external merge or external sort)",
	 {{NULL, 0, NULL}},
	 check_sort_spill},
	{"plan-hash-spill",
	 ADV_SEV_MEDIUM,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Hash or HashAggregate with more than one batch or disk usage",
	 {{NULL, 0, NULL}},
	 check_hash_spill},
	{"plan-lossy-bitmap",
	 ADV_SEV_LOW,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Bitmap Heap Scan with lossy heap blocks",
	 {{NULL, 0, NULL}},
	 check_lossy},
	{"plan-index-only-heap-fetches",
	 ADV_SEV_LOW,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Index Only Scan with many heap fetches (stale visibility map)",
	 {{"max_heap_fetch_ratio", 0.4, "heap fetches per row fetched"},
	  {NULL, 0, NULL}},
	 check_heap_fetches},
	{"plan-nested-loop-many-loops",
	 ADV_SEV_MEDIUM,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Nested Loop whose inner side is an unindexed scan or "
	 "underestimated, run many times",
	 {{"min_loops", 1000, "executions of the inner side"},
	  {"min_underestimate_factor", 10, "inner actual/estimated rows"},
	  {NULL, 0, NULL}},
	 check_many_loops},
	{"plan-large-offset",
	 ADV_SEV_LOW,
	 ADV_PLAN_PROFILE_EXTENDED,
	 "Limit below which many rows were produced and discarded by OFFSET",
	 {{"min_rows_discarded", 1000, "rows discarded by the Limit"},
	  {NULL, 0, NULL}},
	 check_large_offset},
	{"plan-parallel-workers-not-launched",
	 ADV_SEV_LOW,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Gather or Gather Merge launched fewer workers than planned",
	 {{NULL, 0, NULL}},
	 check_workers},
	{"plan-jit-overhead",
	 ADV_SEV_LOW,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "JIT compilation took a large share of the execution time",
	 {{"max_jit_ratio", 0.1, "JIT total time / execution time"},
	  {"max_jit_ms", 100, "JIT total time in milliseconds"},
	  {NULL, 0, NULL}},
	 check_jit},
	{"plan-poor-cache-hit",
	 ADV_SEV_LOW,
	 ADV_PLAN_PROFILE_EXTENDED,
	 "Node reading more shared blocks from outside shared buffers than "
	 "from them",
	 {{"min_blocks_read", 10000, "shared blocks read by the node itself"},
	  {NULL, 0, NULL}},
	 check_cache_hit},
	{"plan-no-join-predicate",
	 ADV_SEV_HIGH,
	 ADV_PLAN_PROFILE_DEFAULT,
	 "Nested Loop between base relations without any join predicate",
	 {{NULL, 0, NULL}},
	 check_no_join_predicate},
};

#define NR_RULES (sizeof(rules) / sizeof(rules[0]))

_Static_assert(NR_RULES <= ADV_PLAN_RULES_MAX, "too many plan rules");

const struct adv_plan_rule *adv_plan_rules(size_t *nr)
{
	*nr = NR_RULES;
	return rules;
}

void adv_plan_rules_config_init(struct adv_plan_rules_config *cfg,
				enum adv_plan_profile profile)
{
	size_t i;
	size_t t;

	memset(cfg, 0, sizeof(*cfg));
	for (i = 0; i < NR_RULES; i++) {
		cfg->enabled[i] = rules[i].profile <= profile;
		for (t = 0; t < ADV_PLAN_RULE_MAX_THRESHOLDS &&
			    rules[i].thresholds[t].name != NULL;
		     t++)
			cfg->threshold[i][t] = rules[i].thresholds[t].def;
	}
}

void adv_plan_findings_init(struct adv_plan_findings *list)
{
	memset(list, 0, sizeof(*list));
}

void adv_plan_findings_release(struct adv_plan_findings *list)
{
	size_t i;

	for (i = 0; i < list->nr; i++)
		adv_finding_release(&list->items[i]);
	free(list->items);
	adv_plan_findings_init(list);
}

struct check_walk {
	const struct adv_plan *plan;
	const struct adv_plan_rule *rule;
	const double *thr;
	struct adv_plan_findings *out;
};

static int check_node(const struct adv_plan_node *node, int depth, void *data)
{
	struct check_walk *w = data;
	struct adv_finding f;

	(void)depth;
	adv_finding_init(&f, "ip-patterns", w->rule->id, w->rule->severity);
	if (w->rule->check(w->plan, node, w->thr, &f)) {
		ADV_ALLOC_GROW(w->out->items, w->out->nr + 1, w->out->alloc);
		w->out->items[w->out->nr++] = f;
	} else {
		adv_finding_release(&f);
	}
	return 0;
}

enum adv_status adv_plan_check(const struct adv_plan *plan,
			       const struct adv_plan_rules_config *cfg,
			       struct adv_plan_findings *out,
			       struct adv_error *err)
{
	size_t i;

	if (plan == NULL || plan->root == NULL)
		return adv_error_set(err, ADV_EINTERNAL, "empty plan");
	for (i = 0; i < NR_RULES; i++) {
		struct check_walk w;

		if (!cfg->enabled[i])
			continue;
		w.plan = plan;
		w.rule = &rules[i];
		w.thr = cfg->threshold[i];
		w.out = out;
		adv_plan_walk(plan->root, check_node, &w);
	}
	return ADV_OK;
}
