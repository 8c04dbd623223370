#ifndef ADV_PLAN_H
#define ADV_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"

/*
 * PostgreSQL EXPLAIN output read into an engine-neutral tree.
 *
 * adv_plan_read() accepts FORMAT JSON (with or without ANALYZE and
 * BUFFERS) and the default TEXT format, as psql prints them with -A (and,
 * for text, also psql's aligned output with its "QUERY PLAN" header and
 * "(N rows)" footer). The format is detected from the first non-blank
 * character: '[' or '{' is JSON, anything else text. The input may hold
 * several plans: consecutive JSON values (each an array of plan objects or
 * one plan object), or consecutive text plans (a new plan starts at a node
 * line at the root's indentation).
 *
 * A text node line must show its costs or its actuals: text from
 * EXPLAIN (COSTS OFF) without ANALYZE is not accepted (it cannot be told
 * apart from arbitrary text).
 *
 * Both readers fill the same fields the same way, so a plan read from JSON
 * and the same plan read from text give the same tree (apart from timings
 * and buffers, which differ between runs). Where the text format leaves out
 * a zero ("Rows Removed by Filter: 0", "Heap Blocks: exact=0 lossy=0",
 * "Buffers: shared hit=0") the field is 0 in both.
 */

/* How a node hangs below its parent ("Parent Relationship" in JSON). */
enum adv_plan_parent_rel {
	ADV_PLAN_REL_NONE = 0, /* the root */
	ADV_PLAN_REL_OUTER,
	ADV_PLAN_REL_INNER,
	ADV_PLAN_REL_MEMBER,   /* Append, Merge Append, BitmapAnd/Or members */
	ADV_PLAN_REL_SUBQUERY, /* child of a Subquery Scan */
	ADV_PLAN_REL_INITPLAN, /* InitPlan and CTE */
	ADV_PLAN_REL_SUBPLAN,
	ADV_PLAN_REL_CHILDREN /* Custom Scan children */
};

const char *adv_plan_parent_rel_name(enum adv_plan_parent_rel rel);

/*
 * One plan node. Strings are owned by the node (NULL when absent). Counters
 * the plan does not show are 0, except workers_planned and
 * workers_launched, which are -1 when absent. The actual_* fields mean
 * something only when has_actual is set (EXPLAIN ANALYZE); a node that was
 * never executed has has_actual set and actual_loops 0.
 *
 * Per-loop values as PostgreSQL prints them: plan_rows, actual_rows and the
 * rows_removed_* fields are averages per loop (multiply by actual_loops for
 * a total); heap_fetches, heap blocks and buffers are totals. Buffers
 * include those of the children.
 */
struct adv_plan_node {
	char *node_type; /* "Seq Scan", "Hash Join", "Aggregate", ... */
	char *join_type; /* "Inner", "Left", "Semi", "Anti", ... or NULL */
	char *strategy;	 /* Aggregate/SetOp: "Plain", "Sorted", "Hashed", ... */
	char *partial_mode; /* Aggregate: "Partial", "Finalize" or NULL */
	int parallel_aware;
	char *relation; /* relation, CTE or function name */
	char *schema;	/* only with VERBOSE */
	char *alias;
	char *index_name;
	char *subplan_name; /* "SubPlan 1", "InitPlan 1 (returns $0)", ... */
	enum adv_plan_parent_rel parent_rel;

	double startup_cost;
	double total_cost;
	double plan_rows;
	double plan_width;

	int has_actual;
	double actual_startup_ms;
	double actual_total_ms;
	double actual_rows;
	double actual_loops;

	double rows_removed_filter;
	double rows_removed_join_filter;
	double rows_removed_recheck;

	char *sort_method;     /* "quicksort", "external merge", ... */
	char *sort_space_type; /* "Memory" or "Disk" */
	int64_t sort_space_kb;

	int64_t hash_buckets;
	int64_t hash_original_buckets;
	int64_t hash_batches; /* Hash and HashAggregate batches */
	int64_t hash_original_batches;
	int64_t disk_usage_kb; /* HashAggregate "Disk Usage" */

	int64_t heap_blocks_exact;
	int64_t heap_blocks_lossy;
	int64_t heap_fetches;

	int64_t workers_planned;  /* -1 when absent */
	int64_t workers_launched; /* -1 when absent */

	int64_t shared_hit;
	int64_t shared_read;

	/* presence of conditions */
	int has_filter;
	int has_join_filter;
	int has_hash_cond;
	int has_merge_cond;
	int has_index_cond;
	int has_recheck_cond;

	struct adv_plan_node *parent;
	struct adv_plan_node **children;
	size_t nr_children;
	size_t alloc_children;
};

/*
 * One EXPLAIN: the tree and the summary lines. Times are in milliseconds;
 * each has_* flag says whether the plan showed the value. JIT timing is
 * present only with ANALYZE.
 */
struct adv_plan {
	struct adv_plan_node *root;
	size_t line; /* 1-based line of the input where the plan starts */
	int has_planning_time;
	double planning_time_ms;
	int has_execution_time;
	double execution_time_ms;
	int has_jit;
	int64_t jit_functions;
	int has_jit_timing;
	double jit_generation_ms;
	double jit_inlining_ms;
	double jit_optimization_ms;
	double jit_emission_ms;
	double jit_total_ms;
};

enum adv_plan_format { ADV_PLAN_FORMAT_JSON, ADV_PLAN_FORMAT_TEXT };

/* Every plan read from one input, in input order; the set owns them. */
struct adv_plan_set {
	enum adv_plan_format format;
	struct adv_plan *plans;
	size_t nr;
	size_t alloc;
};

void adv_plan_set_init(struct adv_plan_set *set);
void adv_plan_set_release(struct adv_plan_set *set);

/*
 * Reads the plans in data[0..len) (need not be NUL-terminated) and appends
 * them to set. name is used in error messages ("<stdin>"). Returns ADV_OK,
 * or ADV_EINPUT with a message naming name:line (for JSON, the line of the
 * byte where parsing failed) when the input is empty, not a plan or
 * malformed; then set holds the plans read before the error. Input without
 * any plan is an error.
 */
enum adv_status adv_plan_read(const char *data, size_t len, const char *name,
			      struct adv_plan_set *set, struct adv_error *err);

/*
 * The number of nodes of a subtree, and a depth-first pre-order walk: fn is
 * called for each node with its depth (root 0); a non-zero return stops the
 * walk and is returned.
 */
size_t adv_plan_node_count(const struct adv_plan_node *node);
int adv_plan_walk(const struct adv_plan_node *node,
		  int (*fn)(const struct adv_plan_node *node, int depth,
			    void *data),
		  void *data);

/* A new empty node (counters zero, workers -1); for readers and tests. */
struct adv_plan_node *adv_plan_node_new(void);
/* Frees a node and its subtree; accepts NULL. */
void adv_plan_node_free(struct adv_plan_node *node);
/* Appends child below parent (which takes ownership) and sets child->parent. */
void adv_plan_node_add_child(struct adv_plan_node *parent,
			     struct adv_plan_node *child);

/*
 * "Seq Scan on orders", "Index Scan using orders_pkey on orders",
 * "Hash Join": how a message names a node (schema-qualified when the plan
 * shows the schema). Caller frees.
 */
char *adv_plan_node_label(const struct adv_plan_node *node);

#endif
