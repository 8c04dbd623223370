#include "unit.h"

#include "buf.h"
#include "plan.h"

/*
 * Fixtures are real PostgreSQL 15 plans (see data/plans/README); the tests
 * run from the repository root, as `make unit` runs them.
 */
#define PLAN_DIR "tests/unit/data/plans/"

static char *slurp(const char *name, size_t *len)
{
	char path[512];
	FILE *fp;
	char *data;
	long size;

	snprintf(path, sizeof(path), PLAN_DIR "%s", name);
	fp = fopen(path, "rb");
	if (fp == NULL)
		fail_msg("cannot open '%s' (run from the repository root)",
			 path);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	size = ftell(fp);
	assert_true(size >= 0);
	assert_int_equal(fseek(fp, 0, SEEK_SET), 0);
	data = malloc((size_t)size + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)size, fp), (size_t)size);
	data[size] = '\0';
	fclose(fp);
	*len = (size_t)size;
	return data;
}

static void read_fixture(const char *name, struct adv_plan_set *set)
{
	struct adv_error err;
	size_t len;
	char *data = slurp(name, &len);
	enum adv_status st;

	adv_error_init(&err);
	adv_plan_set_init(set);
	st = adv_plan_read(data, len, name, set, &err);
	if (st != ADV_OK)
		fail_msg("%s: %s", name, err.message);
	free(data);
}

static enum adv_status read_string(const char *text, struct adv_plan_set *set,
				   struct adv_error *err)
{
	adv_error_init(err);
	adv_plan_set_init(set);
	return adv_plan_read(text, strlen(text), "t", set, err);
}

static void plan_read__json_seq_scan__fills_node(void **state)
{
	struct adv_plan_set set;
	const struct adv_plan_node *n;

	(void)state;
	read_fixture("full_scan_fire.json", &set);
	assert_int_equal(set.format, ADV_PLAN_FORMAT_JSON);
	assert_int_equal(set.nr, 1);
	n = set.plans[0].root;
	assert_string_equal(n->node_type, "Seq Scan");
	assert_string_equal(n->relation, "orders");
	assert_string_equal(n->alias, "orders");
	assert_null(n->parent);
	assert_int_equal(n->parent_rel, ADV_PLAN_REL_NONE);
	assert_true(n->total_cost > 2099.99 && n->total_cost < 2100.01);
	assert_true(n->plan_rows == 1017);
	assert_true(n->plan_width == 38);
	assert_true(n->has_actual);
	assert_true(n->actual_rows == 1000);
	assert_true(n->actual_loops == 1);
	assert_true(n->rows_removed_filter == 99000);
	assert_true(n->has_filter);
	assert_false(n->has_index_cond);
	assert_int_equal(n->workers_planned, -1);
	assert_int_equal(n->shared_hit + n->shared_read, 850);
	assert_true(set.plans[0].has_planning_time);
	assert_true(set.plans[0].has_execution_time);
	assert_true(set.plans[0].execution_time_ms > 0);
	assert_false(set.plans[0].has_jit);
	adv_plan_set_release(&set);
}

static void plan_read__text_seq_scan__fills_node(void **state)
{
	struct adv_plan_set set;
	const struct adv_plan_node *n;

	(void)state;
	read_fixture("full_scan_fire.txt", &set);
	assert_int_equal(set.format, ADV_PLAN_FORMAT_TEXT);
	assert_int_equal(set.nr, 1);
	n = set.plans[0].root;
	assert_string_equal(n->node_type, "Seq Scan");
	assert_string_equal(n->relation, "orders");
	assert_true(n->rows_removed_filter == 99000);
	assert_true(n->has_filter);
	assert_true(set.plans[0].has_planning_time);
	assert_true(set.plans[0].has_execution_time);
	adv_plan_set_release(&set);
}

static void plan_read__text_subplans__relationships(void **state)
{
	struct adv_plan_set set;
	const struct adv_plan_node *root;
	const struct adv_plan_node *bhs;

	(void)state;
	read_fixture("subplans.txt", &set);
	root = set.plans[0].root;
	assert_string_equal(root->node_type, "Index Only Scan");
	assert_string_equal(root->index_name, "customers_pkey");
	assert_string_equal(root->relation, "customers");
	assert_string_equal(root->alias, "c");
	assert_int_equal(root->heap_fetches, 19);
	assert_int_equal(root->nr_children, 2);
	assert_int_equal(root->children[0]->parent_rel, ADV_PLAN_REL_INITPLAN);
	assert_string_equal(root->children[0]->subplan_name,
			    "InitPlan 2 (returns $1)");
	assert_int_equal(root->children[1]->parent_rel, ADV_PLAN_REL_SUBPLAN);
	assert_string_equal(root->children[1]->subplan_name, "SubPlan 1");
	assert_true(root->children[1]->actual_loops == 19);
	bhs = root->children[1]->children[0];
	assert_string_equal(bhs->node_type, "Bitmap Heap Scan");
	assert_int_equal(bhs->parent_rel, ADV_PLAN_REL_OUTER);
	assert_true(bhs->has_recheck_cond);
	assert_int_equal(bhs->heap_blocks_exact, 1900);
	assert_string_equal(bhs->children[0]->node_type, "Bitmap Index Scan");
	assert_string_equal(bhs->children[0]->index_name,
			    "orders_customer_idx");
	assert_null(bhs->children[0]->relation);
	assert_ptr_equal(bhs->children[0]->parent, bhs);
	adv_plan_set_release(&set);
}

static void plan_read__hash_join__inner_hash_batches(void **state)
{
	static const char *const files[] = {"hash_spill_fire.json",
					    "hash_spill_fire.txt"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(files); i++) {
		struct adv_plan_set set;
		const struct adv_plan_node *join;
		const struct adv_plan_node *hash;

		read_fixture(files[i], &set);
		join = set.plans[0].root;
		assert_string_equal(join->node_type, "Hash Join");
		assert_string_equal(join->join_type, "Inner");
		assert_true(join->has_hash_cond);
		assert_int_equal(join->children[0]->parent_rel,
				 ADV_PLAN_REL_OUTER);
		hash = join->children[1];
		assert_string_equal(hash->node_type, "Hash");
		assert_int_equal(hash->parent_rel, ADV_PLAN_REL_INNER);
		assert_int_equal(hash->hash_batches, 128);
		assert_int_equal(hash->hash_original_batches, 128);
		assert_int_equal(hash->hash_buckets, 2048);
		adv_plan_set_release(&set);
	}
}

static void plan_read__hashagg_spill__batches_and_disk(void **state)
{
	static const char *const files[] = {"hashagg_spill_fire.json",
					    "hashagg_spill_fire.txt"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(files); i++) {
		struct adv_plan_set set;
		const struct adv_plan_node *agg;

		read_fixture(files[i], &set);
		agg = set.plans[0].root;
		assert_string_equal(agg->node_type, "Aggregate");
		assert_string_equal(agg->strategy, "Hashed");
		assert_true(agg->hash_batches > 1);
		assert_true(agg->disk_usage_kb > 0);
		assert_int_equal(agg->hash_original_batches, 0);
		adv_plan_set_release(&set);
	}
}

static void plan_read__sort__method_and_space(void **state)
{
	struct adv_plan_set set;
	const struct adv_plan_node *sort;

	(void)state;
	read_fixture("sort_spill_fire.txt", &set);
	sort = set.plans[0].root;
	assert_string_equal(sort->node_type, "Sort");
	assert_string_equal(sort->sort_method, "external merge");
	assert_string_equal(sort->sort_space_type, "Disk");
	assert_true(sort->sort_space_kb > 0);
	adv_plan_set_release(&set);
	read_fixture("sort_spill_near.json", &set);
	sort = set.plans[0].root;
	assert_string_equal(sort->sort_method, "quicksort");
	assert_string_equal(sort->sort_space_type, "Memory");
	adv_plan_set_release(&set);
}

static void plan_read__bitmap__lossy_blocks(void **state)
{
	static const char *const files[] = {"lossy_fire.json",
					    "lossy_fire.txt"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(files); i++) {
		struct adv_plan_set set;

		read_fixture(files[i], &set);
		assert_int_equal(set.plans[0].root->heap_blocks_exact, 804);
		assert_int_equal(set.plans[0].root->heap_blocks_lossy, 3608);
		adv_plan_set_release(&set);
	}
}

static void plan_read__gather__workers_and_partial(void **state)
{
	static const char *const files[] = {"workers_fire.json",
					    "workers_fire.txt"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(files); i++) {
		struct adv_plan_set set;
		const struct adv_plan_node *fin;
		const struct adv_plan_node *gather;
		const struct adv_plan_node *scan;

		read_fixture(files[i], &set);
		fin = set.plans[0].root;
		assert_string_equal(fin->node_type, "Aggregate");
		assert_string_equal(fin->partial_mode, "Finalize");
		gather = fin->children[0];
		assert_string_equal(gather->node_type, "Gather");
		assert_int_equal(gather->workers_planned, 2);
		assert_int_equal(gather->workers_launched, 0);
		assert_string_equal(gather->children[0]->partial_mode,
				    "Partial");
		scan = gather->children[0]->children[0];
		assert_string_equal(scan->node_type, "Seq Scan");
		assert_true(scan->parallel_aware);
		adv_plan_set_release(&set);
	}
}

static void plan_read__jit__timing(void **state)
{
	static const char *const files[] = {"jit_fire.json", "jit_fire.txt"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(files); i++) {
		struct adv_plan_set set;
		const struct adv_plan *p;

		read_fixture(files[i], &set);
		p = &set.plans[0];
		assert_true(p->has_jit);
		assert_true(p->has_jit_timing);
		assert_int_equal(p->jit_functions, 8);
		assert_true(p->jit_total_ms > 100);
		assert_true(p->jit_inlining_ms > 0);
		assert_true(p->jit_total_ms >
			    p->jit_generation_ms + p->jit_inlining_ms);
		assert_true(p->execution_time_ms > p->jit_total_ms);
		adv_plan_set_release(&set);
	}
}

static void plan_read__explain_without_analyze__no_actuals(void **state)
{
	static const char *const files[] = {"explain_only.json",
					    "explain_only.txt"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(files); i++) {
		struct adv_plan_set set;
		const struct adv_plan_node *root;

		read_fixture(files[i], &set);
		root = set.plans[0].root;
		assert_string_equal(root->node_type, "Sort");
		assert_false(root->has_actual);
		assert_false(set.plans[0].has_execution_time);
		assert_int_equal(adv_plan_node_count(root), 5);
		assert_string_equal(root->children[0]->node_type, "Hash Join");
		adv_plan_set_release(&set);
	}
}

static void plan_read__several_plans__all_read_with_lines(void **state)
{
	static const struct {
		const char *file;
		size_t lines[3];
	} cases[] = {
		{"multi.json", {1, 56, 143}},
		{"multi.txt", {1, 9, 20}},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_plan_set set;

		read_fixture(cases[i].file, &set);
		assert_int_equal(set.nr, 3);
		assert_string_equal(set.plans[0].root->node_type, "Seq Scan");
		assert_string_equal(set.plans[1].root->node_type, "Sort");
		assert_string_equal(set.plans[2].root->node_type, "Aggregate");
		assert_int_equal(set.plans[0].line, cases[i].lines[0]);
		assert_int_equal(set.plans[1].line, cases[i].lines[1]);
		assert_int_equal(set.plans[2].line, cases[i].lines[2]);
		assert_true(set.plans[2].has_execution_time);
		adv_plan_set_release(&set);
	}
}

static void plan_read__psql_aligned_output__header_skipped(void **state)
{
	struct adv_plan_set set;

	(void)state;
	read_fixture("aligned.txt", &set);
	assert_int_equal(set.nr, 1);
	assert_string_equal(set.plans[0].root->node_type, "Seq Scan");
	assert_true(set.plans[0].root->rows_removed_filter == 99000);
	assert_true(set.plans[0].has_execution_time);
	adv_plan_set_release(&set);
}

/* Fields that do not change between two runs of the same plan. */
static void assert_same_node(const struct adv_plan_node *a,
			     const struct adv_plan_node *b, const char *file)
{
	size_t i;

#define SAME_STR(f)                                                        \
	do {                                                               \
		if ((a->f == NULL) != (b->f == NULL) ||                    \
		    (a->f != NULL && strcmp(a->f, b->f) != 0))             \
			fail_msg("%s: %s differs: '%s' vs '%s'", file, #f, \
				 a->f ? a->f : "(null)",                   \
				 b->f ? b->f : "(null)");                  \
	} while (0)
#define SAME_NUM(f)                                                          \
	do {                                                                 \
		if (a->f != b->f)                                            \
			fail_msg("%s: %s on %s differs: %g vs %g", file, #f, \
				 a->node_type, (double)a->f, (double)b->f);  \
	} while (0)
	SAME_STR(node_type);
	SAME_STR(join_type);
	SAME_STR(strategy);
	SAME_STR(partial_mode);
	SAME_STR(relation);
	SAME_STR(schema);
	SAME_STR(alias);
	SAME_STR(index_name);
	SAME_STR(subplan_name);
	SAME_STR(sort_method);
	SAME_STR(sort_space_type);
	SAME_NUM(parallel_aware);
	SAME_NUM(parent_rel);
	SAME_NUM(startup_cost);
	SAME_NUM(total_cost);
	SAME_NUM(plan_rows);
	SAME_NUM(plan_width);
	SAME_NUM(has_actual);
	SAME_NUM(actual_rows);
	SAME_NUM(actual_loops);
	SAME_NUM(rows_removed_filter);
	SAME_NUM(rows_removed_join_filter);
	SAME_NUM(rows_removed_recheck);
	SAME_NUM(hash_buckets);
	SAME_NUM(hash_original_buckets);
	SAME_NUM(hash_batches);
	SAME_NUM(hash_original_batches);
	SAME_NUM(heap_blocks_lossy);
	SAME_NUM(workers_planned);
	SAME_NUM(workers_launched);
	SAME_NUM(has_filter);
	SAME_NUM(has_join_filter);
	SAME_NUM(has_hash_cond);
	SAME_NUM(has_merge_cond);
	SAME_NUM(has_index_cond);
	SAME_NUM(has_recheck_cond);
	SAME_NUM(nr_children);
#undef SAME_STR
#undef SAME_NUM
	for (i = 0; i < a->nr_children; i++) {
		assert_ptr_equal(a->children[i]->parent, a);
		assert_ptr_equal(b->children[i]->parent, b);
		assert_same_node(a->children[i], b->children[i], file);
	}
}

static void plan_read__text_and_json__same_tree(void **state)
{
	/* every plan was run twice: once as FORMAT JSON, once as text */
	static const char *const names[] = {
		"cache_fire",
		"cache_near",
		"cte_append",
		"explain_only",
		"full_scan_fire",
		"full_scan_near_ratio",
		"full_scan_near_rows",
		"hash_spill_fire",
		"hash_spill_near",
		"hashagg_spill_fire",
		"heap_fetches_fire",
		"heap_fetches_near",
		"index_filter_fire",
		"index_filter_near",
		"jit_fire",
		"jit_near",
		"lossy_fire",
		"lossy_near",
		"misestimate_fire",
		"misestimate_lowest",
		"misestimate_near_factor",
		"misestimate_near_limit",
		"misestimate_near_semi",
		"multi",
		"nested_loop_fire",
		"nested_loop_near",
		"nojoin_fire",
		"nojoin_near",
		"nojoin_near_const",
		"offset_fire",
		"offset_near",
		"semi_inner",
		"sort_spill_fire",
		"sort_spill_near",
		"subplans",
		"workers_fire",
		"workers_near",
	};
	size_t i;
	size_t p;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(names); i++) {
		struct adv_plan_set js;
		struct adv_plan_set tx;
		char jname[128];
		char tname[128];

		snprintf(jname, sizeof(jname), "%s.json", names[i]);
		snprintf(tname, sizeof(tname), "%s.txt", names[i]);
		read_fixture(jname, &js);
		read_fixture(tname, &tx);
		assert_int_equal(js.nr, tx.nr);
		for (p = 0; p < js.nr; p++) {
			assert_int_equal(js.plans[p].has_execution_time,
					 tx.plans[p].has_execution_time);
			assert_int_equal(js.plans[p].has_planning_time,
					 tx.plans[p].has_planning_time);
			assert_int_equal(js.plans[p].has_jit,
					 tx.plans[p].has_jit);
			assert_int_equal(js.plans[p].jit_functions,
					 tx.plans[p].jit_functions);
			assert_same_node(js.plans[p].root, tx.plans[p].root,
					 names[i]);
		}
		adv_plan_set_release(&js);
		adv_plan_set_release(&tx);
	}
}

static void plan_read__empty_input__einput(void **state)
{
	static const char *const inputs[] = {"", "   \n\n", "\t"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(inputs); i++) {
		struct adv_plan_set set;
		struct adv_error err;

		assert_int_equal(read_string(inputs[i], &set, &err),
				 ADV_EINPUT);
		unit_assert_contains(err.message, "no plan");
		adv_plan_set_release(&set);
	}
}

static void plan_read__not_a_plan__einput_with_position(void **state)
{
	static const struct {
		const char *input;
		const char *message;
	} cases[] = {
		{"{\"a\": 1}", "no 'Plan' key) at t:1"},
		{"[1, 2]", "no 'Plan' key) at t:1"},
		{"[]", "empty plan array at t:1"},
		{"\n\n{\"Plan\": 5}", "not an object at t:3"},
		{"{\"Plan\": {\"Total Cost\": 1}}", "without 'Node Type'"},
		{"{\"Plan\": {\"Node Type\": \"Result\", \"Plans\": 3}}",
		 "'Plans' is not an array"},
		{"{\"Plan\": {\"Node Type\": \"Result\"}} {\"x\": 1}",
		 "at t:1"},
		{"hello world\n", "not a plan node at t:1"},
		{"Filter: (a = 1)\n", "expected a plan node at t:1"},
		{"  ->  Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n",
		 "expected a plan node at t:1"},
		{"Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n"
		 "->  Seq Scan on u  (cost=0.00..1.00 rows=1 width=4)\n",
		 "without a parent at t:2"},
		{"Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n"
		 "  ->  Seq Scan on u  (cost=x)\n",
		 "malformed plan node line at t:2"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_plan_set set;
		struct adv_error err;

		assert_int_equal(read_string(cases[i].input, &set, &err),
				 ADV_EINPUT);
		unit_assert_contains(err.message, cases[i].message);
		adv_plan_set_release(&set);
	}
}

static void plan_read__truncated_json__einput_with_line(void **state)
{
	struct adv_plan_set set;
	struct adv_error err;
	size_t len;
	char *data = slurp("subplans.json", &len);
	char *cut = strstr(data, "\"SubPlan 1\"");
	size_t at;

	(void)state;
	assert_non_null(cut);
	at = (size_t)(cut - data);
	adv_error_init(&err);
	adv_plan_set_init(&set);
	assert_int_equal(adv_plan_read(data, at, "cut.json", &set, &err),
			 ADV_EINPUT);
	unit_assert_contains(err.message, "malformed JSON plan at cut.json:");
	assert_int_equal(set.nr, 0);
	adv_plan_set_release(&set);
	free(data);
}

/* Every prefix of real plans: an error or a plan, never a crash. */
static void plan_read__every_prefix__no_crash(void **state)
{
	static const char *const files[] = {"subplans.json", "subplans.txt",
					    "jit_fire.txt", "workers_fire.txt",
					    "hashagg_spill_fire.txt"};
	size_t f;

	(void)state;
	for (f = 0; f < UNIT_ARRAY_SIZE(files); f++) {
		size_t len;
		char *data = slurp(files[f], &len);
		size_t n;

		for (n = 0; n <= len; n++) {
			struct adv_plan_set set;
			struct adv_error err;
			char *copy = malloc(n + 1);
			enum adv_status st;

			assert_non_null(copy);
			memcpy(copy, data, n);
			adv_error_init(&err);
			adv_plan_set_init(&set);
			/* not NUL-terminated: the reader must use the length */
			st = adv_plan_read(copy, n, "p", &set, &err);
			assert_true(st == ADV_OK || st == ADV_EINPUT);
			if (st == ADV_OK)
				assert_true(set.nr >= 1);
			adv_plan_set_release(&set);
			free(copy);
		}
		free(data);
	}
}

static void plan_read__odd_indentation__attaches_by_column(void **state)
{
	/* tabs, uneven steps, details left of their node's name */
	static const char text[] =
		"\tHash Join  (cost=1.00..2.00 rows=10 width=8)\n"
		"\t   Hash Cond: (a.x = b.x)\n"
		"\t ->     Seq Scan on a  (cost=0.00..1.00 rows=10 width=4)\n"
		"\t\t\t\t\tFilter: (y > 1)\n"
		"\t\t\t\t\tRows Removed by Filter: 7\n"
		"\t ->  Hash  (cost=1.00..1.00 rows=5 width=4)\n"
		"\t\t  Buckets: 1024  Batches: 2 (originally 1)  Memory "
		"Usage: 9kB\n"
		"\t\t   ->  Seq Scan on b  (cost=0.00..1.00 rows=5 width=4)\n"
		"\t\t\t\t\t\t\tFilter: (z > 0)\n"
		"\tPlanning Time: 0.1 ms\n";
	struct adv_plan_set set;
	struct adv_error err;
	const struct adv_plan_node *root;

	(void)state;
	assert_int_equal(read_string(text, &set, &err), ADV_OK);
	root = set.plans[0].root;
	assert_string_equal(root->node_type, "Hash Join");
	assert_true(root->has_hash_cond);
	assert_false(root->has_join_filter);
	assert_int_equal(root->nr_children, 2);
	assert_string_equal(root->children[0]->relation, "a");
	assert_true(root->children[0]->has_filter);
	assert_true(root->children[0]->rows_removed_filter == 7);
	assert_string_equal(root->children[1]->node_type, "Hash");
	assert_int_equal(root->children[1]->parent_rel, ADV_PLAN_REL_INNER);
	assert_int_equal(root->children[1]->hash_batches, 2);
	assert_int_equal(root->children[1]->hash_original_batches, 1);
	assert_string_equal(root->children[1]->children[0]->relation, "b");
	assert_true(root->children[1]->children[0]->has_filter);
	assert_true(set.plans[0].has_planning_time);
	adv_plan_set_release(&set);
}

static void plan_read__text_names__parsed(void **state)
{
	static const struct {
		const char *line;
		const char *type;
		const char *join;
		const char *schema;
		const char *relation;
		const char *alias;
		const char *index;
	} cases[] = {
		{"Nested Loop Left Join", "Nested Loop", "Left", NULL, NULL,
		 NULL, NULL},
		{"Hash Right Anti Join", "Hash Join", "Right Anti", NULL, NULL,
		 NULL, NULL},
		{"Merge Semi Join", "Merge Join", "Semi", NULL, NULL, NULL,
		 NULL},
		{"Index Scan Backward using t_pkey on public.t x", "Index Scan",
		 NULL, "public", "t", "x", "t_pkey"},
		{"Seq Scan on \"Odd \"\"Name\"\"\" o", "Seq Scan", NULL, NULL,
		 "Odd \"Name\"", "o", NULL},
		{"Subquery Scan on sub", "Subquery Scan", NULL, NULL, NULL,
		 "sub", NULL},
		{"Update on orders", "ModifyTable", NULL, NULL, "orders",
		 "orders", NULL},
		{"CTE Scan on x", "CTE Scan", NULL, NULL, "x", "x", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		char text[256];
		struct adv_plan_set set;
		struct adv_error err;
		const struct adv_plan_node *n;

		snprintf(text, sizeof(text),
			 "%s  (cost=0.00..1.00 rows=1 width=4)\n",
			 cases[i].line);
		assert_int_equal(read_string(text, &set, &err), ADV_OK);
		n = set.plans[0].root;
#define CHECK(field, want)                                                     \
	do {                                                                   \
		if ((want) == NULL)                                            \
			assert_null(n->field);                                 \
		else if (n->field == NULL || strcmp(n->field, (want)) != 0)    \
			fail_msg("'%s': %s is '%s', want '%s'", cases[i].line, \
				 #field, n->field ? n->field : "(null)",       \
				 (want));                                      \
	} while (0)
		CHECK(node_type, cases[i].type);
		CHECK(join_type, cases[i].join);
		CHECK(schema, cases[i].schema);
		CHECK(relation, cases[i].relation);
		CHECK(alias, cases[i].alias);
		CHECK(index_name, cases[i].index);
#undef CHECK
		adv_plan_set_release(&set);
	}
}

/* A plan of more than 1 MB: an Append over many real member nodes. */
static void plan_read__one_megabyte_plan__read(void **state)
{
	static const char member[] =
		"        ->  Seq Scan on orders  (cost=0.00..2100.00 rows=1017 "
		"width=38) (actual time=0.032..40.285 rows=1000 loops=1)\n"
		"              Filter: (status = 'open'::text)\n"
		"              Rows Removed by Filter: 99000\n";
	struct adv_buf text;
	struct adv_buf json;
	struct adv_plan_set set;
	struct adv_error err;
	size_t members = 0;

	(void)state;
	adv_buf_init(&text);
	adv_buf_addstr(&text, "Append  (cost=0.00..1.00 rows=1 width=4) "
			      "(actual time=0.1..0.2 rows=1 loops=1)\n");
	adv_buf_init(&json);
	adv_buf_addstr(&json, "[{\"Plan\": {\"Node Type\": \"Append\", "
			      "\"Plans\": [");
	while (text.len < 1100000) {
		adv_buf_addstr(&text, member);
		if (members > 0)
			adv_buf_addch(&json, ',');
		adv_buf_addstr(
			&json,
			"{\"Node Type\": \"Seq Scan\", \"Parent "
			"Relationship\": \"Member\", \"Relation Name\": "
			"\"orders\", \"Plan Rows\": 1017, \"Actual "
			"Rows\": 1000, \"Actual Loops\": 1, \"Rows "
			"Removed by Filter\": 99000, \"Filter\": \"(status "
			"= 'open'::text)\"}");
		members++;
	}
	adv_buf_addstr(&text, "Execution Time: 1.0 ms\n");
	adv_buf_addstr(&json, "]}}]");
	assert_int_equal(read_string(text.data, &set, &err), ADV_OK);
	assert_int_equal(set.plans[0].root->nr_children, members);
	assert_int_equal(set.plans[0].root->children[members - 1]->parent_rel,
			 ADV_PLAN_REL_MEMBER);
	assert_true(set.plans[0].has_execution_time);
	adv_plan_set_release(&set);
	assert_int_equal(read_string(json.data, &set, &err), ADV_OK);
	assert_int_equal(adv_plan_node_count(set.plans[0].root), members + 1);
	adv_plan_set_release(&set);
	adv_buf_release(&text);
	adv_buf_release(&json);
}

/* Nesting deeper than any real plan is rejected, not recursed into. */
static void plan_read__absurdly_deep_text__einput(void **state)
{
	struct adv_buf text;
	struct adv_plan_set set;
	struct adv_error err;
	size_t i;

	(void)state;
	adv_buf_init(&text);
	adv_buf_addstr(&text, "Limit  (cost=0.00..1.00 rows=1 width=4)\n");
	for (i = 1; i < 5000; i++) {
		size_t k;

		for (k = 0; k < i * 2; k++)
			adv_buf_addch(&text, ' ');
		adv_buf_addstr(&text,
			       "->  Limit  (cost=0.00..1.00 rows=1 width=4)\n");
	}
	assert_int_equal(read_string(text.data, &set, &err), ADV_EINPUT);
	unit_assert_contains(err.message, "nested too deeply");
	adv_plan_set_release(&set);
	adv_buf_release(&text);
}

static void plan_read__nul_bytes__no_crash(void **state)
{
	static const char data[] = "Seq Scan on t  (cost=0.00..1.00 rows=1 "
				   "width=4)\n  Filter: \0(x)\n\0\0";
	struct adv_plan_set set;
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	adv_plan_set_init(&set);
	assert_int_equal(
		adv_plan_read(data, sizeof(data) - 1, "nul", &set, &err),
		ADV_OK);
	assert_true(set.plans[0].root->has_filter);
	adv_plan_set_release(&set);
}

static void plan_node_label__scan_and_join__names_node(void **state)
{
	struct adv_plan_set set;
	char *label;

	(void)state;
	read_fixture("subplans.json", &set);
	label = adv_plan_node_label(set.plans[0].root);
	assert_string_equal(
		label, "Index Only Scan using customers_pkey on customers");
	free(label);
	label = adv_plan_node_label(
		set.plans[0].root->children[1]->children[0]->children[0]);
	assert_string_equal(label, "Bitmap Index Scan on orders_customer_idx");
	free(label);
	adv_plan_set_release(&set);
	adv_plan_node_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plan_read__json_seq_scan__fills_node),
		cmocka_unit_test(plan_read__text_seq_scan__fills_node),
		cmocka_unit_test(plan_read__text_subplans__relationships),
		cmocka_unit_test(plan_read__hash_join__inner_hash_batches),
		cmocka_unit_test(plan_read__hashagg_spill__batches_and_disk),
		cmocka_unit_test(plan_read__sort__method_and_space),
		cmocka_unit_test(plan_read__bitmap__lossy_blocks),
		cmocka_unit_test(plan_read__gather__workers_and_partial),
		cmocka_unit_test(plan_read__jit__timing),
		cmocka_unit_test(
			plan_read__explain_without_analyze__no_actuals),
		cmocka_unit_test(plan_read__several_plans__all_read_with_lines),
		cmocka_unit_test(
			plan_read__psql_aligned_output__header_skipped),
		cmocka_unit_test(plan_read__text_and_json__same_tree),
		cmocka_unit_test(plan_read__empty_input__einput),
		cmocka_unit_test(plan_read__not_a_plan__einput_with_position),
		cmocka_unit_test(plan_read__truncated_json__einput_with_line),
		cmocka_unit_test(plan_read__every_prefix__no_crash),
		cmocka_unit_test(
			plan_read__odd_indentation__attaches_by_column),
		cmocka_unit_test(plan_read__text_names__parsed),
		cmocka_unit_test(plan_read__one_megabyte_plan__read),
		cmocka_unit_test(plan_read__absurdly_deep_text__einput),
		cmocka_unit_test(plan_read__nul_bytes__no_crash),
		cmocka_unit_test(plan_node_label__scan_and_join__names_node),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
