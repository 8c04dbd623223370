#include "plan.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "banned.h"

/*
 * Deeper trees are rejected: they are not real plans, and the recursive
 * walks below must not run out of stack. cJSON has its own nesting limit
 * (1000), which keeps JSON plans below this depth as well.
 */
#define PLAN_MAX_DEPTH 1000

static const char *const parent_rel_names[] = {
	"",	    "Outer",	"Inner",   "Member",
	"Subquery", "InitPlan", "SubPlan", "children"};

const char *adv_plan_parent_rel_name(enum adv_plan_parent_rel rel)
{
	if ((int)rel < 0 || (int)rel > (int)ADV_PLAN_REL_CHILDREN)
		return "";
	return parent_rel_names[rel];
}

static enum adv_plan_parent_rel parent_rel_parse(const char *s)
{
	size_t i;

	for (i = 1; i < sizeof(parent_rel_names) / sizeof(parent_rel_names[0]);
	     i++) {
		if (strcmp(s, parent_rel_names[i]) == 0)
			return (enum adv_plan_parent_rel)i;
	}
	return ADV_PLAN_REL_NONE;
}

struct adv_plan_node *adv_plan_node_new(void)
{
	struct adv_plan_node *node = adv_xcalloc(1, sizeof(*node));

	node->workers_planned = -1;
	node->workers_launched = -1;
	return node;
}

void adv_plan_node_free(struct adv_plan_node *node)
{
	size_t i;

	if (node == NULL)
		return;
	for (i = 0; i < node->nr_children; i++)
		adv_plan_node_free(node->children[i]);
	free(node->children);
	free(node->node_type);
	free(node->join_type);
	free(node->strategy);
	free(node->partial_mode);
	free(node->relation);
	free(node->schema);
	free(node->alias);
	free(node->index_name);
	free(node->subplan_name);
	free(node->sort_method);
	free(node->sort_space_type);
	free(node);
}

void adv_plan_node_add_child(struct adv_plan_node *parent,
			     struct adv_plan_node *child)
{
	ADV_ALLOC_GROW(parent->children, parent->nr_children + 1,
		       parent->alloc_children);
	parent->children[parent->nr_children++] = child;
	child->parent = parent;
}

size_t adv_plan_node_count(const struct adv_plan_node *node)
{
	size_t n = 1;
	size_t i;

	if (node == NULL)
		return 0;
	for (i = 0; i < node->nr_children; i++)
		n += adv_plan_node_count(node->children[i]);
	return n;
}

static int walk(const struct adv_plan_node *node, int depth,
		int (*fn)(const struct adv_plan_node *, int, void *),
		void *data)
{
	size_t i;
	int rc = fn(node, depth, data);

	if (rc != 0)
		return rc;
	for (i = 0; i < node->nr_children; i++) {
		rc = walk(node->children[i], depth + 1, fn, data);
		if (rc != 0)
			return rc;
	}
	return 0;
}

int adv_plan_walk(const struct adv_plan_node *node,
		  int (*fn)(const struct adv_plan_node *node, int depth,
			    void *data),
		  void *data)
{
	if (node == NULL)
		return 0;
	return walk(node, 0, fn, data);
}

char *adv_plan_node_label(const struct adv_plan_node *node)
{
	struct adv_buf b;
	const char *type = node->node_type != NULL ? node->node_type : "?";

	adv_buf_init(&b);
	if (node->partial_mode != NULL)
		adv_buf_addf(&b, "%s ", node->partial_mode);
	if (node->parallel_aware)
		adv_buf_addstr(&b, "Parallel ");
	if (strcmp(type, "Aggregate") == 0 && node->strategy != NULL &&
	    strcmp(node->strategy, "Hashed") == 0)
		adv_buf_addstr(&b, "HashAggregate");
	else if (strcmp(type, "Aggregate") == 0 && node->strategy != NULL &&
		 strcmp(node->strategy, "Sorted") == 0)
		adv_buf_addstr(&b, "GroupAggregate");
	else
		adv_buf_addstr(&b, type);
	if (node->index_name != NULL && node->relation != NULL)
		adv_buf_addf(&b, " using %s", node->index_name);
	if (node->relation != NULL) {
		adv_buf_addstr(&b, " on ");
		if (node->schema != NULL)
			adv_buf_addf(&b, "%s.", node->schema);
		adv_buf_addstr(&b, node->relation);
	} else if (node->index_name != NULL) {
		adv_buf_addf(&b, " on %s", node->index_name);
	} else if (node->alias != NULL) {
		adv_buf_addf(&b, " on %s", node->alias);
	}
	return adv_buf_detach(&b);
}

void adv_plan_set_init(struct adv_plan_set *set)
{
	memset(set, 0, sizeof(*set));
}

void adv_plan_set_release(struct adv_plan_set *set)
{
	size_t i;

	for (i = 0; i < set->nr; i++)
		adv_plan_node_free(set->plans[i].root);
	free(set->plans);
	adv_plan_set_init(set);
}

static struct adv_plan *plan_append(struct adv_plan_set *set, size_t line)
{
	struct adv_plan *plan;

	ADV_ALLOC_GROW(set->plans, set->nr + 1, set->alloc);
	plan = &set->plans[set->nr++];
	memset(plan, 0, sizeof(*plan));
	plan->line = line;
	return plan;
}

/* The 1-based line of data[off]. */
static size_t line_of(const char *data, size_t len, size_t off)
{
	size_t line = 1;
	size_t i;

	if (off > len)
		off = len;
	for (i = 0; i < off; i++) {
		if (data[i] == '\n')
			line++;
	}
	return line;
}

/* ---- JSON ---- */

static const cJSON *jget(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static char *jstr(const cJSON *obj, const char *key)
{
	const cJSON *item = jget(obj, key);

	if (!cJSON_IsString(item) || item->valuestring == NULL)
		return NULL;
	return adv_xstrdup(item->valuestring);
}

static int jnum(const cJSON *obj, const char *key, double *out)
{
	const cJSON *item = jget(obj, key);

	if (!cJSON_IsNumber(item))
		return 0;
	*out = item->valuedouble;
	return 1;
}

static void jint(const cJSON *obj, const char *key, int64_t *out)
{
	double v;

	if (jnum(obj, key, &v) && v > -9e18 && v < 9e18)
		*out = (int64_t)v;
}

static int jtrue(const cJSON *obj, const char *key)
{
	return cJSON_IsTrue(jget(obj, key));
}

static enum adv_status json_node(const cJSON *obj, int depth,
				 struct adv_plan_node **out, const char *where,
				 struct adv_error *err)
{
	struct adv_plan_node *node;
	const cJSON *plans;
	const cJSON *child;
	const cJSON *item;
	double v;
	enum adv_status st;
	char *s;

	*out = NULL;
	if (!cJSON_IsObject(obj))
		return adv_error_set(err, ADV_EINPUT,
				     "plan node is not an object at %s", where);
	if (depth > PLAN_MAX_DEPTH)
		return adv_error_set(err, ADV_EINPUT,
				     "plan nested too deeply at %s", where);
	node = adv_plan_node_new();
	node->node_type = jstr(obj, "Node Type");
	if (node->node_type == NULL) {
		adv_plan_node_free(node);
		return adv_error_set(err, ADV_EINPUT,
				     "plan node without 'Node Type' at %s",
				     where);
	}
	node->join_type = jstr(obj, "Join Type");
	node->strategy = jstr(obj, "Strategy");
	node->partial_mode = jstr(obj, "Partial Mode");
	if (node->partial_mode != NULL &&
	    strcmp(node->partial_mode, "Simple") == 0) {
		free(node->partial_mode);
		node->partial_mode = NULL;
	}
	node->parallel_aware = jtrue(obj, "Parallel Aware");
	node->relation = jstr(obj, "Relation Name");
	if (node->relation == NULL)
		node->relation = jstr(obj, "CTE Name");
	if (node->relation == NULL)
		node->relation = jstr(obj, "Function Name");
	if (node->relation == NULL)
		node->relation = jstr(obj, "Tuplestore Name");
	node->schema = jstr(obj, "Schema");
	node->alias = jstr(obj, "Alias");
	node->index_name = jstr(obj, "Index Name");
	node->subplan_name = jstr(obj, "Subplan Name");
	s = jstr(obj, "Parent Relationship");
	if (s != NULL)
		node->parent_rel = parent_rel_parse(s);
	free(s);

	jnum(obj, "Startup Cost", &node->startup_cost);
	jnum(obj, "Total Cost", &node->total_cost);
	jnum(obj, "Plan Rows", &node->plan_rows);
	jnum(obj, "Plan Width", &node->plan_width);
	if (jnum(obj, "Actual Loops", &v)) {
		node->has_actual = 1;
		node->actual_loops = v;
		jnum(obj, "Actual Startup Time", &node->actual_startup_ms);
		jnum(obj, "Actual Total Time", &node->actual_total_ms);
		jnum(obj, "Actual Rows", &node->actual_rows);
	}
	jnum(obj, "Rows Removed by Filter", &node->rows_removed_filter);
	jnum(obj, "Rows Removed by Join Filter",
	     &node->rows_removed_join_filter);
	jnum(obj, "Rows Removed by Index Recheck", &node->rows_removed_recheck);

	node->sort_method = jstr(obj, "Sort Method");
	node->sort_space_type = jstr(obj, "Sort Space Type");
	jint(obj, "Sort Space Used", &node->sort_space_kb);
	jint(obj, "Hash Buckets", &node->hash_buckets);
	jint(obj, "Original Hash Buckets", &node->hash_original_buckets);
	jint(obj, "Hash Batches", &node->hash_batches);
	jint(obj, "Original Hash Batches", &node->hash_original_batches);
	jint(obj, "HashAgg Batches", &node->hash_batches);
	jint(obj, "Disk Usage", &node->disk_usage_kb);
	jint(obj, "Exact Heap Blocks", &node->heap_blocks_exact);
	jint(obj, "Lossy Heap Blocks", &node->heap_blocks_lossy);
	jint(obj, "Heap Fetches", &node->heap_fetches);
	jint(obj, "Workers Planned", &node->workers_planned);
	jint(obj, "Workers Launched", &node->workers_launched);
	jint(obj, "Shared Hit Blocks", &node->shared_hit);
	jint(obj, "Shared Read Blocks", &node->shared_read);

	node->has_filter = jget(obj, "Filter") != NULL;
	node->has_join_filter = jget(obj, "Join Filter") != NULL;
	node->has_hash_cond = jget(obj, "Hash Cond") != NULL;
	node->has_merge_cond = jget(obj, "Merge Cond") != NULL;
	node->has_index_cond = jget(obj, "Index Cond") != NULL;
	node->has_recheck_cond = jget(obj, "Recheck Cond") != NULL;

	plans = jget(obj, "Plans");
	if (plans != NULL && !cJSON_IsArray(plans)) {
		adv_plan_node_free(node);
		return adv_error_set(err, ADV_EINPUT,
				     "'Plans' is not an array at %s", where);
	}
	cJSON_ArrayForEach (item, plans) {
		struct adv_plan_node *c;

		child = item;
		st = json_node(child, depth + 1, &c, where, err);
		if (st != ADV_OK || c == NULL) {
			adv_plan_node_free(node);
			return st != ADV_OK ? st
					    : adv_error_set(err, ADV_EINTERNAL,
							    "no plan node");
		}
		adv_plan_node_add_child(node, c);
	}
	*out = node;
	return ADV_OK;
}

static void json_jit(const cJSON *jit, struct adv_plan *plan)
{
	const cJSON *timing;
	const cJSON *gen;

	if (!cJSON_IsObject(jit))
		return;
	plan->has_jit = 1;
	jint(jit, "Functions", &plan->jit_functions);
	timing = jget(jit, "Timing");
	if (!cJSON_IsObject(timing))
		return;
	plan->has_jit_timing = 1;
	gen = jget(timing, "Generation");
	/* PostgreSQL 17 splits generation into an object with a Total */
	if (cJSON_IsObject(gen))
		jnum(gen, "Total", &plan->jit_generation_ms);
	else
		jnum(timing, "Generation", &plan->jit_generation_ms);
	jnum(timing, "Inlining", &plan->jit_inlining_ms);
	jnum(timing, "Optimization", &plan->jit_optimization_ms);
	jnum(timing, "Emission", &plan->jit_emission_ms);
	jnum(timing, "Total", &plan->jit_total_ms);
}

static enum adv_status json_plan(const cJSON *obj, struct adv_plan_set *set,
				 size_t line, const char *where,
				 struct adv_error *err)
{
	struct adv_plan_node *root;
	struct adv_plan *plan;
	enum adv_status st;

	if (!cJSON_IsObject(obj) || jget(obj, "Plan") == NULL)
		return adv_error_set(
			err, ADV_EINPUT,
			"not an EXPLAIN plan (no 'Plan' key) at %s", where);
	st = json_node(jget(obj, "Plan"), 0, &root, where, err);
	if (st != ADV_OK)
		return st;
	plan = plan_append(set, line);
	plan->root = root;
	plan->has_planning_time =
		jnum(obj, "Planning Time", &plan->planning_time_ms);
	plan->has_execution_time =
		jnum(obj, "Execution Time", &plan->execution_time_ms);
	json_jit(jget(obj, "JIT"), plan);
	return ADV_OK;
}

static enum adv_status read_json(const char *data, size_t len, const char *name,
				 struct adv_plan_set *set,
				 struct adv_error *err)
{
	size_t off = 0;
	size_t before = set->nr;

	for (;;) {
		const char *end = NULL;
		cJSON *json;
		const cJSON *item;
		enum adv_status st = ADV_OK;
		size_t line;
		char where[512];

		while (off < len && isspace((unsigned char)data[off]))
			off++;
		if (off >= len)
			break;
		line = line_of(data, len, off);
		json = cJSON_ParseWithLengthOpts(data + off, len - off, &end,
						 0);
		if (json == NULL) {
			size_t at = off;

			if (end != NULL && end >= data + off &&
			    end <= data + len)
				at = (size_t)(end - data);
			return adv_error_set(err, ADV_EINPUT,
					     "malformed JSON plan at %s:%zu",
					     name, line_of(data, len, at));
		}
		snprintf(where, sizeof(where), "%s:%zu", name, line);
		if (cJSON_IsArray(json)) {
			if (cJSON_GetArraySize(json) == 0)
				st = adv_error_set(err, ADV_EINPUT,
						   "empty plan array at %s",
						   where);
			cJSON_ArrayForEach (item, json) {
				if (st != ADV_OK)
					break;
				st = json_plan(item, set, line, where, err);
			}
		} else {
			st = json_plan(json, set, line, where, err);
		}
		cJSON_Delete(json);
		if (st != ADV_OK)
			return st;
		if (end == NULL || end <= data + off)
			break;
		off = (size_t)(end - data);
	}
	if (set->nr == before)
		return adv_error_set(err, ADV_EINPUT, "no plan in '%s'", name);
	return ADV_OK;
}

/* ---- text ---- */

/*
 * A node on the path from the root to the current line. A line at column
 * d belongs to the deepest node whose "->" is left of d: its details and
 * its children are indented further than its arrow (the root's "arrow" is
 * its own column).
 */
struct text_frame {
	struct adv_plan_node *node;
	size_t arrow_col;
};

struct text_state {
	const char *name;
	struct adv_plan_set *set;
	struct adv_plan *plan; /* current plan or NULL */
	size_t root_col;
	struct text_frame *stack;
	size_t depth;
	size_t alloc;
	int in_jit;   /* inside the "JIT:" block */
	int in_block; /* inside another top-level block ("Planning:") */
	/* a "SubPlan 1" / "InitPlan 1 (returns $0)" / "CTE x" header */
	char *pending_name;
	enum adv_plan_parent_rel pending_rel;
	size_t pending_col;
	struct adv_plan_node *pending_owner;
	size_t line;
};

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static char *xstrndup(const char *s, size_t n)
{
	char *r = adv_xmalloc(n + 1);

	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

/*
 * Reads one identifier (double-quoted or up to a space) from *p, unquoted.
 * Returns NULL at the end of the string.
 */
static char *read_ident(const char **p)
{
	const char *s = *p;
	struct adv_buf b;

	while (*s == ' ')
		s++;
	if (*s == '\0') {
		*p = s;
		return NULL;
	}
	adv_buf_init(&b);
	while (*s != '\0' && *s != ' ') {
		if (*s == '"') {
			s++;
			while (*s != '\0') {
				if (s[0] == '"' && s[1] == '"') {
					adv_buf_addch(&b, '"');
					s += 2;
				} else if (s[0] == '"') {
					s++;
					break;
				} else {
					adv_buf_addch(&b, *s++);
				}
			}
		} else {
			adv_buf_addch(&b, *s++);
		}
	}
	*p = s;
	return adv_buf_detach(&b);
}

/* Splits a VERBOSE "schema.rel" (the dot outside quotes) into the node. */
static void set_relation(struct adv_plan_node *node, const char *text)
{
	const char *p = text;
	const char *dot = NULL;
	int quoted = 0;
	char *rel;
	char *alias;

	for (p = text; *p != '\0' && (*p != ' ' || quoted); p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '.' && !quoted && dot == NULL)
			dot = p;
	}
	p = text;
	if (dot != NULL) {
		char *schema_text = xstrndup(text, (size_t)(dot - text));
		const char *q = schema_text;

		node->schema = read_ident(&q);
		free(schema_text);
		p = dot + 1;
	}
	rel = read_ident(&p);
	alias = read_ident(&p);
	node->relation = rel;
	if (alias != NULL)
		node->alias = alias;
	else if (rel != NULL)
		node->alias = adv_xstrdup(rel);
}

/* Node types whose "on X" names only an alias (no relation). */
static int alias_only(const char *type)
{
	return strcmp(type, "Subquery Scan") == 0 ||
	       strcmp(type, "Values Scan") == 0 || strcmp(type, "Result") == 0;
}

static void text_node_name(struct adv_plan_node *node, const char *name)
{
	static const char *const join_kinds[] = {"Hash ", "Merge "};
	static const char *const modify_ops[] = {"Insert on ", "Update on ",
						 "Delete on ", "Merge on "};
	const char *s = name;
	const char *on;
	const char *using;
	size_t i;

	if (starts_with(s, "Partial ") || starts_with(s, "Finalize ")) {
		size_t n = strcspn(s, " ");

		node->partial_mode = xstrndup(s, n);
		s += n + 1;
	}
	if (starts_with(s, "Async "))
		s += strlen("Async ");
	if (starts_with(s, "Parallel ")) {
		node->parallel_aware = 1;
		s += strlen("Parallel ");
	}
	for (i = 0; i < sizeof(modify_ops) / sizeof(modify_ops[0]); i++) {
		if (starts_with(s, modify_ops[i])) {
			node->node_type = adv_xstrdup("ModifyTable");
			set_relation(node, s + strlen(modify_ops[i]));
			return;
		}
	}
	if (starts_with(s, "Nested Loop")) {
		const char *rest = s + strlen("Nested Loop");
		size_t n = strlen(rest);

		node->node_type = adv_xstrdup("Nested Loop");
		if (n > strlen(" Join") && rest[0] == ' ')
			node->join_type =
				xstrndup(rest + 1, n - 1 - strlen(" Join"));
		else
			node->join_type = adv_xstrdup("Inner");
		return;
	}
	for (i = 0; i < 2; i++) {
		size_t n = strlen(s);
		size_t k = strlen(join_kinds[i]);

		if (starts_with(s, join_kinds[i]) && n >= k + 4 &&
		    strcmp(s + n - 4, "Join") == 0) {
			node->node_type = adv_xstrfmt("%sJoin", join_kinds[i]);
			if (n > k + 5)
				node->join_type = xstrndup(s + k, n - k - 5);
			else
				node->join_type = adv_xstrdup("Inner");
			return;
		}
	}
	if (strcmp(s, "Aggregate") == 0 || strcmp(s, "GroupAggregate") == 0 ||
	    strcmp(s, "HashAggregate") == 0 ||
	    strcmp(s, "MixedAggregate") == 0) {
		node->node_type = adv_xstrdup("Aggregate");
		node->strategy = adv_xstrdup(s[0] == 'A'   ? "Plain"
					     : s[0] == 'G' ? "Sorted"
					     : s[0] == 'H' ? "Hashed"
							   : "Mixed");
		return;
	}
	if (strcmp(s, "SetOp") == 0 || strcmp(s, "HashSetOp") == 0) {
		node->node_type = adv_xstrdup("SetOp");
		node->strategy = adv_xstrdup(s[0] == 'H' ? "Hashed" : "Sorted");
		return;
	}
	using = strstr(s, " using ");
	on = strstr(s, " on ");
	if (using != NULL && (on == NULL || using < on)) {
		const char *p = using + strlen(" using ");
		const char *type_end = using;

		if (type_end - s > 9 &&
		    strncmp(type_end - 9, " Backward", 9) == 0)
			type_end -= 9;
		node->node_type = xstrndup(s, (size_t)(type_end - s));
		node->index_name = read_ident(&p);
		on = strstr(p, " on ");
		if (on != NULL)
			set_relation(node, on + strlen(" on "));
		return;
	}
	if (on != NULL) {
		const char *p = on + strlen(" on ");

		node->node_type = xstrndup(s, (size_t)(on - s));
		if (strcmp(node->node_type, "Bitmap Index Scan") == 0)
			node->index_name = read_ident(&p);
		else if (alias_only(node->node_type))
			node->alias = read_ident(&p);
		else
			set_relation(node, p);
		return;
	}
	if (starts_with(s, "Custom Scan")) {
		node->node_type = adv_xstrdup("Custom Scan");
		return;
	}
	node->node_type = adv_xstrdup(s);
}

/* Parses a node line (after "->  " if any). Returns 0 when not a node. */
static int text_node_line(struct adv_plan_node *node, const char *s)
{
	const char *cost = strstr(s, "(cost=");
	const char *actual = strstr(s, "(actual ");
	const char *never = strstr(s, "(never executed)");
	const char *end = s + strlen(s);
	char *name;
	size_t n;

	if (cost != NULL && cost < end)
		end = cost;
	if (actual != NULL && actual < end)
		end = actual;
	if (never != NULL && never < end)
		end = never;
	/* a node line has its costs or its actuals (or both) */
	if (cost == NULL && actual == NULL && never == NULL)
		return 0;
	n = (size_t)(end - s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return 0;
	name = xstrndup(s, n);
	text_node_name(node, name);
	free(name);
	if (cost != NULL && sscanf(cost, "(cost=%lf..%lf rows=%lf width=%lf)",
				   &node->startup_cost, &node->total_cost,
				   &node->plan_rows, &node->plan_width) != 4)
		return 0;
	if (never != NULL) {
		node->has_actual = 1;
	} else if (actual != NULL) {
		if (sscanf(actual, "(actual time=%lf..%lf rows=%lf loops=%lf)",
			   &node->actual_startup_ms, &node->actual_total_ms,
			   &node->actual_rows, &node->actual_loops) == 4)
			node->has_actual = 1;
		else if (sscanf(actual, "(actual rows=%lf loops=%lf)",
				&node->actual_rows, &node->actual_loops) == 2)
			node->has_actual = 1;
		else
			return 0;
	}
	return 1;
}

static int64_t num_after(const char *s, const char *key)
{
	const char *p = strstr(s, key);
	long long v = 0;

	if (p == NULL)
		return 0;
	if (sscanf(p + strlen(key), "%lld", &v) != 1)
		return 0;
	return (int64_t)v;
}

/* "Buffers: shared hit=1 read=2 dirtied=3, temp read=4" */
static void text_buffers(struct adv_plan_node *node, const char *v)
{
	const char *shared = strstr(v, "shared ");
	char *part;
	size_t n;

	if (shared == NULL)
		return;
	n = strcspn(shared, ",");
	part = xstrndup(shared, n);
	node->shared_hit = num_after(part, "hit=");
	node->shared_read = num_after(part, "read=");
	free(part);
}

/*
 * One "Key: value" segment of a multi-segment detail line. *hash_line is
 * set once "Buckets" was seen: the Hash node prints "(originally N)" only
 * when a number changed, so an absent one means "unchanged" there (and in
 * JSON "Original Hash Batches" is always present), while HashAggregate's
 * "Batches" has no original.
 */
static void text_segment(struct adv_plan_node *node, const char *key,
			 size_t keylen, const char *v, int *hash_line)
{
	long long a = 0;
	long long b = 0;
	int n;

#define KEY_IS(k) (keylen == strlen(k) && strncmp(key, (k), keylen) == 0)
	if (KEY_IS("Sort Method")) {
		free(node->sort_method);
		node->sort_method = adv_xstrdup(v);
	} else if (KEY_IS("Memory") || KEY_IS("Disk")) {
		free(node->sort_space_type);
		node->sort_space_type = xstrndup(key, keylen);
		if (sscanf(v, "%lld", &a) == 1)
			node->sort_space_kb = a;
	} else if (KEY_IS("Buckets")) {
		n = sscanf(v, "%lld (originally %lld)", &a, &b);
		node->hash_buckets = a;
		node->hash_original_buckets = n == 2 ? b : a;
		*hash_line = 1;
	} else if (KEY_IS("Batches")) {
		n = sscanf(v, "%lld (originally %lld)", &a, &b);
		node->hash_batches = a;
		if (n == 2)
			node->hash_original_batches = b;
		else if (*hash_line)
			node->hash_original_batches = a;
	} else if (KEY_IS("Disk Usage")) {
		if (sscanf(v, "%lld", &a) == 1)
			node->disk_usage_kb = a;
	}
#undef KEY_IS
}

static void text_detail(struct adv_plan_node *node, const char *s)
{
	const char *colon = strstr(s, ": ");
	const char *v;
	size_t keylen;
	double d = 0;

	if (colon == NULL) {
		/* "Heap Blocks:" with nothing after it, "Buffers:" ... */
		return;
	}
	keylen = (size_t)(colon - s);
	v = colon + 2;
#define KEY_IS(k) (keylen == strlen(k) && strncmp(s, (k), keylen) == 0)
	if (KEY_IS("Filter"))
		node->has_filter = 1;
	else if (KEY_IS("Join Filter"))
		node->has_join_filter = 1;
	else if (KEY_IS("Hash Cond"))
		node->has_hash_cond = 1;
	else if (KEY_IS("Merge Cond"))
		node->has_merge_cond = 1;
	else if (KEY_IS("Index Cond"))
		node->has_index_cond = 1;
	else if (KEY_IS("Recheck Cond"))
		node->has_recheck_cond = 1;
	else if (KEY_IS("Rows Removed by Filter") && sscanf(v, "%lf", &d) == 1)
		node->rows_removed_filter = d;
	else if (KEY_IS("Rows Removed by Join Filter") &&
		 sscanf(v, "%lf", &d) == 1)
		node->rows_removed_join_filter = d;
	else if (KEY_IS("Rows Removed by Index Recheck") &&
		 sscanf(v, "%lf", &d) == 1)
		node->rows_removed_recheck = d;
	else if (KEY_IS("Heap Blocks")) {
		node->heap_blocks_exact = num_after(v, "exact=");
		node->heap_blocks_lossy = num_after(v, "lossy=");
	} else if (KEY_IS("Heap Fetches"))
		node->heap_fetches = num_after(s, "Heap Fetches: ");
	else if (KEY_IS("Workers Planned"))
		node->workers_planned = num_after(s, "Workers Planned: ");
	else if (KEY_IS("Workers Launched"))
		node->workers_launched = num_after(s, "Workers Launched: ");
	else if (KEY_IS("Buffers"))
		text_buffers(node, v);
	else if (KEY_IS("Sort Method") || KEY_IS("Buckets") ||
		 KEY_IS("Batches") || KEY_IS("Planned Partitions")) {
		/* segments separated by two spaces */
		const char *seg = s;
		int hash_line = 0;

		while (*seg != '\0') {
			const char *next = strstr(seg, "  ");
			size_t seglen = next != NULL ? (size_t)(next - seg)
						     : strlen(seg);
			char *part = xstrndup(seg, seglen);
			const char *c = strstr(part, ": ");

			if (c != NULL)
				text_segment(node, part, (size_t)(c - part),
					     c + 2, &hash_line);
			free(part);
			if (next == NULL)
				break;
			seg = next;
			while (*seg == ' ')
				seg++;
		}
	}
#undef KEY_IS
}

static void text_jit_line(struct adv_plan *plan, const char *s)
{
	const char *p;

	if (starts_with(s, "Functions: ")) {
		plan->jit_functions = num_after(s, "Functions: ");
		return;
	}
	if (!starts_with(s, "Timing: "))
		return;
	plan->has_jit_timing = 1;
	p = strstr(s, "Generation ");
	if (p != NULL)
		sscanf(p, "Generation %lf", &plan->jit_generation_ms);
	p = strstr(s, "Inlining ");
	if (p != NULL)
		sscanf(p, "Inlining %lf", &plan->jit_inlining_ms);
	p = strstr(s, "Optimization ");
	if (p != NULL)
		sscanf(p, "Optimization %lf", &plan->jit_optimization_ms);
	p = strstr(s, "Emission ");
	if (p != NULL)
		sscanf(p, "Emission %lf", &plan->jit_emission_ms);
	p = strstr(s, "Total ");
	if (p != NULL)
		sscanf(p, "Total %lf", &plan->jit_total_ms);
}

/* "Key: ..." or "Key:" at the start of a line. */
static int is_key_line(const char *s)
{
	const char *colon = strchr(s, ':');

	if (colon == NULL || colon == s)
		return 0;
	if (colon[1] != ' ' && colon[1] != '\0')
		return 0;
	/* a key has no parenthesis: "Seq Scan on x  (cost=..." is a node */
	return memchr(s, '(', (size_t)(colon - s)) == NULL;
}

static int subplan_header(const char *s, enum adv_plan_parent_rel *rel)
{
	if (starts_with(s, "SubPlan ") && isdigit((unsigned char)s[8])) {
		*rel = ADV_PLAN_REL_SUBPLAN;
		return 1;
	}
	if (starts_with(s, "InitPlan ") && isdigit((unsigned char)s[9])) {
		*rel = ADV_PLAN_REL_INITPLAN;
		return 1;
	}
	if (starts_with(s, "CTE ") && strstr(s, ": ") == NULL) {
		*rel = ADV_PLAN_REL_INITPLAN;
		return 1;
	}
	return 0;
}

static void text_clear_pending(struct text_state *ts)
{
	free(ts->pending_name);
	ts->pending_name = NULL;
	ts->pending_owner = NULL;
}

static void text_push(struct text_state *ts, struct adv_plan_node *node,
		      size_t col)
{
	ADV_ALLOC_GROW(ts->stack, ts->depth + 1, ts->alloc);
	ts->stack[ts->depth].node = node;
	ts->stack[ts->depth].arrow_col = col;
	ts->depth++;
}

/* Pops the nodes whose arrow is at or right of col. */
static void text_pop_to(struct text_state *ts, size_t col)
{
	while (ts->depth > 0 && ts->stack[ts->depth - 1].arrow_col >= col)
		ts->depth--;
}

static enum adv_plan_parent_rel default_rel(const struct adv_plan_node *parent)
{
	const char *t = parent->node_type;
	size_t i;
	size_t plain = 0;

	if (strcmp(t, "Append") == 0 || strcmp(t, "Merge Append") == 0 ||
	    strcmp(t, "BitmapAnd") == 0 || strcmp(t, "BitmapOr") == 0)
		return ADV_PLAN_REL_MEMBER;
	if (strcmp(t, "Subquery Scan") == 0)
		return ADV_PLAN_REL_SUBQUERY;
	if (strcmp(t, "Custom Scan") == 0)
		return ADV_PLAN_REL_CHILDREN;
	for (i = 0; i < parent->nr_children; i++) {
		enum adv_plan_parent_rel r = parent->children[i]->parent_rel;

		if (r == ADV_PLAN_REL_OUTER || r == ADV_PLAN_REL_INNER)
			plain++;
	}
	return plain == 0 ? ADV_PLAN_REL_OUTER : ADV_PLAN_REL_INNER;
}

static enum adv_status text_child(struct text_state *ts, size_t col,
				  const char *s, struct adv_error *err)
{
	struct adv_plan_node *parent;
	struct adv_plan_node *node;
	const char *p = s + 2;

	while (*p == ' ')
		p++;
	text_pop_to(ts, col);
	if (ts->depth == 0)
		return adv_error_set(err, ADV_EINPUT,
				     "plan child node without a parent at "
				     "%s:%zu",
				     ts->name, ts->line);
	if (ts->depth >= PLAN_MAX_DEPTH)
		return adv_error_set(err, ADV_EINPUT,
				     "plan nested too deeply at %s:%zu",
				     ts->name, ts->line);
	parent = ts->stack[ts->depth - 1].node;
	node = adv_plan_node_new();
	if (!text_node_line(node, p)) {
		adv_plan_node_free(node);
		return adv_error_set(err, ADV_EINPUT,
				     "malformed plan node line at %s:%zu",
				     ts->name, ts->line);
	}
	if (ts->pending_name != NULL && ts->pending_owner == parent &&
	    ts->pending_col < col) {
		node->parent_rel = ts->pending_rel;
		node->subplan_name = ts->pending_name;
		ts->pending_name = NULL;
		ts->pending_owner = NULL;
	} else {
		node->parent_rel = default_rel(parent);
	}
	adv_plan_node_add_child(parent, node);
	text_push(ts, node, col);
	return ADV_OK;
}

static enum adv_status text_root(struct text_state *ts, size_t col,
				 const char *s, struct adv_error *err)
{
	struct adv_plan_node *node = adv_plan_node_new();

	if (!text_node_line(node, s)) {
		adv_plan_node_free(node);
		return adv_error_set(err, ADV_EINPUT,
				     "not a plan node at %s:%zu", ts->name,
				     ts->line);
	}
	ts->plan = plan_append(ts->set, ts->line);
	ts->plan->root = node;
	ts->root_col = col;
	ts->depth = 0;
	ts->in_jit = 0;
	ts->in_block = 0;
	text_clear_pending(ts);
	text_push(ts, node, col);
	return ADV_OK;
}

/* A line at the root's indentation that is not a node. */
static void text_top_line(struct text_state *ts, const char *s)
{
	struct adv_plan *plan = ts->plan;

	ts->in_jit = 0;
	ts->in_block = 0;
	text_clear_pending(ts);
	if (starts_with(s, "Planning Time: ")) {
		plan->has_planning_time = sscanf(s, "Planning Time: %lf",
						 &plan->planning_time_ms) == 1;
	} else if (starts_with(s, "Execution Time: ")) {
		plan->has_execution_time =
			sscanf(s, "Execution Time: %lf",
			       &plan->execution_time_ms) == 1;
	} else if (strcmp(s, "JIT:") == 0) {
		plan->has_jit = 1;
		ts->in_jit = 1;
	} else {
		/* "Planning:", "Triggers:", "Settings: ..." and the like */
		ts->in_block = 1;
	}
}

static int skip_text_line(const char *s)
{
	size_t i;

	if (*s == '\0' || strcmp(s, "QUERY PLAN") == 0)
		return 1;
	/* psql's aligned header rule and "(N rows)" footer */
	for (i = 0; s[i] == '-' || s[i] == '+'; i++)
		;
	if (s[i] == '\0')
		return 1;
	if (s[0] == '(' && isdigit((unsigned char)s[1]) &&
	    (strstr(s, " row)") != NULL || strstr(s, " rows)") != NULL))
		return 1;
	return 0;
}

static enum adv_status text_line(struct text_state *ts, size_t col,
				 const char *s, struct adv_error *err)
{
	enum adv_plan_parent_rel rel;

	if (skip_text_line(s))
		return ADV_OK;
	if (ts->plan == NULL) {
		if (starts_with(s, "->") || is_key_line(s))
			return adv_error_set(err, ADV_EINPUT,
					     "expected a plan node at %s:%zu",
					     ts->name, ts->line);
		return text_root(ts, col, s, err);
	}
	if (col <= ts->root_col) {
		if (starts_with(s, "->"))
			return adv_error_set(err, ADV_EINPUT,
					     "plan child node without a parent "
					     "at %s:%zu",
					     ts->name, ts->line);
		if (is_key_line(s)) {
			text_top_line(ts, s);
			return ADV_OK;
		}
		return text_root(ts, col, s, err);
	}
	if (ts->in_jit) {
		text_jit_line(ts->plan, s);
		return ADV_OK;
	}
	if (ts->in_block)
		return ADV_OK;
	if (starts_with(s, "->"))
		return text_child(ts, col, s, err);
	text_pop_to(ts, col);
	if (ts->depth == 0)
		return adv_error_set(err, ADV_EINPUT,
				     "plan detail without a node at %s:%zu",
				     ts->name, ts->line);
	if (subplan_header(s, &rel)) {
		text_clear_pending(ts);
		ts->pending_name = adv_xstrdup(s);
		ts->pending_rel = rel;
		ts->pending_col = col;
		ts->pending_owner = ts->stack[ts->depth - 1].node;
		return ADV_OK;
	}
	/* per-worker lines repeat what the node line sums up */
	if (starts_with(s, "Worker ") && isdigit((unsigned char)s[7]))
		return ADV_OK;
	text_detail(ts->stack[ts->depth - 1].node, s);
	return ADV_OK;
}

static enum adv_status read_text(const char *data, size_t len, const char *name,
				 struct adv_plan_set *set,
				 struct adv_error *err)
{
	struct text_state ts;
	struct adv_buf line;
	enum adv_status st = ADV_OK;
	size_t off = 0;
	size_t before = set->nr;

	memset(&ts, 0, sizeof(ts));
	ts.name = name;
	ts.set = set;
	adv_buf_init(&line);
	while (off < len && st == ADV_OK) {
		const char *nl = memchr(data + off, '\n', len - off);
		size_t n = nl != NULL ? (size_t)(nl - (data + off)) : len - off;
		size_t col = 0;
		size_t i;

		ts.line++;
		adv_buf_reset(&line);
		/* NUL bytes would cut the line short: make them spaces */
		for (i = 0; i < n; i++) {
			char c = data[off + i];

			adv_buf_addch(&line, c == '\0' ? ' ' : c);
		}
		off += n + (nl != NULL ? 1 : 0);
		while (line.len > 0 &&
		       isspace((unsigned char)line.data[line.len - 1]))
			line.data[--line.len] = '\0';
		while (col < line.len &&
		       (line.data[col] == ' ' || line.data[col] == '\t'))
			col++;
		st = text_line(&ts, col, line.data + col, err);
	}
	adv_buf_release(&line);
	text_clear_pending(&ts);
	free(ts.stack);
	if (st == ADV_OK && set->nr == before)
		st = adv_error_set(err, ADV_EINPUT, "no plan in '%s'", name);
	return st;
}

enum adv_status adv_plan_read(const char *data, size_t len, const char *name,
			      struct adv_plan_set *set, struct adv_error *err)
{
	size_t off = 0;

	if (name == NULL)
		name = "<input>";
	while (off < len && isspace((unsigned char)data[off]))
		off++;
	if (off >= len)
		return adv_error_set(err, ADV_EINPUT, "no plan in '%s'", name);
	if (data[off] == '[' || data[off] == '{') {
		set->format = ADV_PLAN_FORMAT_JSON;
		return read_json(data, len, name, set, err);
	}
	set->format = ADV_PLAN_FORMAT_TEXT;
	return read_text(data, len, name, set, err);
}
