/*
 * ip-indexes --advise: candidates from the workload's parse trees, costs
 * from HypoPG (or a cost model offline), a selection under the budget, and
 * findings. The baselines (Dexter-style, every predicate column, an
 * Extend-style greedy) run on the same candidates and the same costs, so
 * that the benchmark compares selections, not cost estimates.
 */
#include "advise.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "candidate.h"
#include "finding.h"
#include "log.h"
#include "parse.h"
#include "record.h"
#include "select.h"
#include "sqlquote.h"
#include "sqltext.h"
#include "whatif.h"
#include "banned.h"

#define TOOL "ip-indexes"

/* What one write of a row costs each index it must maintain, in planner
 * cost units: a descent through cached inner pages and a leaf insert,
 * about two random page touches' worth. */
#define MAINT_PER_ROW 2.0

/* How many single-candidate configurations per table are combined into
 * multi-table configurations, and how many statements at most. */
#define PAIR_TOP 3

int adv_strategy_parse(const char *s, enum adv_strategy *out)
{
	if (strcmp(s, "ip") == 0)
		*out = ADV_STRATEGY_IP;
	else if (strcmp(s, "greedy") == 0 || strcmp(s, "lp-greedy") == 0)
		*out = ADV_STRATEGY_GREEDY;
	else if (strcmp(s, "dexter") == 0)
		*out = ADV_STRATEGY_DEXTER;
	else if (strcmp(s, "every-predicate") == 0)
		*out = ADV_STRATEGY_EVERY_PREDICATE;
	else if (strcmp(s, "extend") == 0)
		*out = ADV_STRATEGY_EXTEND;
	else
		return -1;
	return 0;
}

const char *adv_strategy_name(enum adv_strategy s)
{
	switch (s) {
	case ADV_STRATEGY_IP:
		return "ip";
	case ADV_STRATEGY_GREEDY:
		return "greedy";
	case ADV_STRATEGY_DEXTER:
		return "dexter";
	case ADV_STRATEGY_EVERY_PREDICATE:
		return "every-predicate";
	case ADV_STRATEGY_EXTEND:
		return "extend";
	}
	return "ip";
}

void adv_advise_opts_init(struct adv_advise_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->budget_bytes = -1;
	o->cand.max_width = 3;
	o->exact_limit = 600;
	o->time_limit_seconds = 20;
	o->max_statements = 200;
}

/* ---- the workload ------------------------------------------------------ */

struct wl_stmt {
	char *id;      /* queryid, or file:line */
	char *queryid; /* for pg_qualstats quals; NULL for files */
	char *sql;
	char fingerprint[17];
	double calls;
	double rows_per_call;
	struct adv_stmt_use use;
	int *cands; /* relevant candidate ids */
	size_t ncands;
	struct adv_sel_config *configs;
	size_t nconfigs, configs_alloc;
	/* UPDATE: the table and the columns it sets (they break HOT) */
	char *upd_schema, *upd_table;
	char **set_cols;
	size_t nset_cols;
	int is_insert;
	int is_delete;
};

struct advisor {
	const struct adv_advise_opts *opts;
	const struct adv_model_snapshot *view;
	struct adv_whatif *whatif;
	struct adv_cand_set set;
	struct wl_stmt *stmts;
	size_t nstmts, stmts_alloc;
	double *size;	  /* per candidate */
	double *maint;	  /* per candidate */
	size_t *table_of; /* per candidate */
	char **tables;	  /* distinct "schema\x1ftable" */
	size_t ntables;
	unsigned long offline_calls;
	size_t skipped;
};

static int streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void stmt_release(struct wl_stmt *s)
{
	size_t i;

	free(s->id);
	free(s->queryid);
	free(s->sql);
	adv_stmt_use_release(&s->use);
	free(s->cands);
	for (i = 0; i < s->nconfigs; i++)
		free(s->configs[i].cands);
	free(s->configs);
	free(s->upd_schema);
	free(s->upd_table);
	for (i = 0; i < s->nset_cols; i++)
		free(s->set_cols[i]);
	free(s->set_cols);
}

/* Reads what a write statement changes, from its parse tree. */
static void note_write(struct advisor *a, struct wl_stmt *s, const cJSON *tree)
{
	const cJSON *stmts = cJSON_GetObjectItemCaseSensitive(tree, "stmts");
	const cJSON *first = cJSON_GetArrayItem(stmts, 0);
	const cJSON *stmt = cJSON_GetObjectItemCaseSensitive(first, "stmt");
	const cJSON *upd = cJSON_GetObjectItemCaseSensitive(stmt, "UpdateStmt");
	const cJSON *targets, *t;

	(void)a;
	s->is_insert =
		cJSON_GetObjectItemCaseSensitive(stmt, "InsertStmt") != NULL;
	s->is_delete =
		cJSON_GetObjectItemCaseSensitive(stmt, "DeleteStmt") != NULL;
	if (upd == NULL || s->use.ntables == 0)
		return;
	s->upd_schema = adv_xstrdup(s->use.tables[0].schema);
	s->upd_table = adv_xstrdup(s->use.tables[0].table);
	targets = cJSON_GetObjectItemCaseSensitive(upd, "targetList");
	cJSON_ArrayForEach (t, targets) {
		const cJSON *rt =
			cJSON_GetObjectItemCaseSensitive(t, "ResTarget");
		const cJSON *name =
			cJSON_GetObjectItemCaseSensitive(rt, "name");

		if (!cJSON_IsString(name))
			continue;
		s->set_cols = adv_xrealloc(s->set_cols,
					   (s->nset_cols + 1) * sizeof(char *));
		s->set_cols[s->nset_cols++] = adv_xstrdup(name->valuestring);
	}
}

/* Adds a statement to the workload; one that does not parse or touches no
 * known table is skipped with a message at verbose level. */
static int has_quals(const struct advisor *a, const char *queryid)
{
	size_t i;

	for (i = 0; queryid != NULL && i < a->view->nquals; i++) {
		if (streq(a->view->quals[i]->queryid, queryid))
			return 1;
	}
	return 0;
}

static void add_stmt(struct advisor *a, const char *id, const char *queryid,
		     const char *sql, double calls, double rows)
{
	struct wl_stmt s;
	struct adv_error err;
	cJSON *tree = NULL;

	memset(&s, 0, sizeof(s));
	adv_error_init(&err);
	if (adv_stmt_analyse(sql, a->view, &s.use, &err) != ADV_OK) {
		adv_info("skipping statement '%s': %s", id, err.message);
		a->skipped++;
		return;
	}
	/* a statement on views or functions names no table, but
	 * pg_qualstats may have seen the predicates underneath */
	if (s.use.ntables == 0 && !has_quals(a, queryid)) {
		adv_info(
			"skipping statement '%s': it names no table of the snapshot",
			id);
		adv_stmt_use_release(&s.use);
		a->skipped++;
		return;
	}
	s.id = adv_xstrdup(id);
	s.queryid = adv_xstrdup_or_null(queryid);
	s.sql = adv_xstrdup(sql);
	s.calls = calls;
	s.rows_per_call = calls > 0 ? rows / calls : 1;
	if (adv_sql_fingerprint(sql, s.fingerprint, &err) != ADV_OK)
		s.fingerprint[0] = '\0';
	if (s.use.is_write && adv_sql_parse(sql, &tree, &err) == ADV_OK)
		note_write(a, &s, tree);
	cJSON_Delete(tree);
	ADV_ALLOC_GROW(a->stmts, a->nstmts + 1, a->stmts_alloc);
	a->stmts[a->nstmts++] = s;
}

static enum adv_status read_file(const char *path, char **out,
				 struct adv_error *err)
{
	FILE *fp = fopen(path, "r");
	struct adv_buf b;
	char chunk[65536];
	size_t n;

	*out = NULL;
	if (fp == NULL)
		return adv_error_set(err, ADV_EIO, "cannot open '%s': %s", path,
				     strerror(errno));
	adv_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		adv_buf_add(&b, chunk, n);
	if (ferror(fp)) {
		fclose(fp);
		adv_buf_release(&b);
		return adv_error_set(err, ADV_EIO, "cannot read '%s'", path);
	}
	fclose(fp);
	*out = adv_buf_detach(&b);
	return ADV_OK;
}

static enum adv_status load_workload_file(struct advisor *a,
					  struct adv_error *err)
{
	struct adv_sql_stmt *stmts = NULL;
	size_t n = 0, i;
	char *script = NULL;
	enum adv_status st;

	st = read_file(a->opts->workload_file, &script, err);
	if (st == ADV_OK)
		st = adv_sql_split(script, a->opts->workload_file, &stmts, &n,
				   err);
	for (i = 0; st == ADV_OK && i < n; i++) {
		char *id = adv_xstrfmt("%s:%ld", a->opts->workload_file,
				       stmts[i].line);

		add_stmt(a, id, NULL, stmts[i].text, stmts[i].calls,
			 stmts[i].calls);
		free(id);
	}
	adv_sql_stmts_free(stmts, n);
	free(script);
	return st;
}

static int is_dml(const char *sql)
{
	static const char *const verbs[] = {"select", "with", "insert",
					    "update", "delete"};
	const char *p = sql;
	size_t i;

	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '(' || *p == '\r')
		p++;
	if (strncmp(p, "/*", 2) == 0) {
		const char *end = strstr(p, "*/");

		if (end == NULL)
			return 0;
		return is_dml(end + 2);
	}
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		size_t len = strlen(verbs[i]);
		size_t k;

		for (k = 0; k < len; k++) {
			char c = p[k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != verbs[i][k])
				break;
		}
		if (k == len)
			return 1;
	}
	return 0;
}

static int cmp_total_desc(const void *x, const void *y)
{
	const struct adv_model_statement *a =
		*(const struct adv_model_statement *const *)x;
	const struct adv_model_statement *b =
		*(const struct adv_model_statement *const *)y;

	if (a->total_ms != b->total_ms)
		return a->total_ms > b->total_ms ? -1 : 1;
	return strcmp(a->queryid != NULL ? a->queryid : "",
		      b->queryid != NULL ? b->queryid : "");
}

static void load_workload_records(struct advisor *a)
{
	const struct adv_model_snapshot *s = a->view;
	const struct adv_model_statement **sorted;
	size_t i, taken = 0;

	sorted = adv_xcalloc(s->nstatements + 1, sizeof(*sorted));
	for (i = 0; i < s->nstatements; i++)
		sorted[i] = s->statements[i];
	qsort(sorted, s->nstatements, sizeof(*sorted), cmp_total_desc);
	for (i = 0; i < s->nstatements && taken < a->opts->max_statements;
	     i++) {
		const struct adv_model_statement *st = sorted[i];

		/* statements inside functions (toplevel false) are the ones
		 * that touch tables; the calls of the functions themselves
		 * analyse to no table and drop out */
		if (st->query == NULL || st->calls <= 0 || !is_dml(st->query))
			continue;
		add_stmt(a, st->queryid != NULL ? st->queryid : "?",
			 st->queryid, st->query, st->calls, st->rows);
		taken++;
	}
	free(sorted);
}

/* ---- pg_qualstats ------------------------------------------------------- */

static double n_distinct(const struct adv_model_snapshot *s,
			 const struct adv_model_table *t, const char *schema,
			 const char *table, const char *column);

static int indexable_operator(const char *op)
{
	static const char *const ops[] = {"=", "<", "<=", ">", ">="};
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (streq(op, ops[i]))
			return 1;
	}
	return 0;
}

static int served(const struct adv_model_snapshot *v,
		  const struct adv_candidate *c)
{
	size_t i;

	for (i = 0; i < v->nindexes; i++) {
		if (adv_candidate_served_by(c, v->indexes[i]))
			return 1;
	}
	return 0;
}

static struct adv_candidate *plain_candidate(const char *schema,
					     const char *table,
					     const char *const *cols, size_t n)
{
	struct adv_candidate *c = adv_xcalloc(1, sizeof(*c));
	size_t i;

	c->schema = adv_xstrdup(schema);
	c->table = adv_xstrdup(table);
	c->keys = adv_xcalloc(n + 1, sizeof(*c->keys));
	for (i = 0; i < n; i++)
		c->keys[i].column = adv_xstrdup(cols[i]);
	c->nkeys = n;
	c->include = adv_xcalloc(1, sizeof(*c->include));
	c->size_bytes = -1;
	return c;
}

static void add_cand_id(struct wl_stmt *s, int id)
{
	size_t i;

	for (i = 0; i < s->ncands; i++) {
		if (s->cands[i] == id)
			return;
	}
	s->cands = adv_xrealloc(s->cands, (s->ncands + 1) * sizeof(int));
	s->cands[s->ncands++] = id;
}

static void offer(struct advisor *a, struct wl_stmt *s, struct adv_candidate *c)
{
	if (adv_model_find_table(a->view, c->schema, c->table) == NULL ||
	    served(a->view, c)) {
		adv_candidate_free(c);
		return;
	}
	add_cand_id(s, adv_cand_set_add(&a->set, c));
}

/*
 * The predicates pg_qualstats saw for this statement become candidates
 * too: each indexable column alone (both sides of a join), and per table
 * the equality columns together, most selective first.
 */
static void qual_candidates(struct advisor *a, struct wl_stmt *s)
{
	const struct adv_model_snapshot *v = a->view;
	size_t i, j;

	if (s->queryid == NULL)
		return;
	for (i = 0; i < v->nquals; i++) {
		const struct adv_model_qual *q = v->quals[i];
		const char *one[1];
		const char *eq[8];
		double nd[8];
		size_t neq = 0;

		if (!streq(q->queryid, s->queryid) ||
		    !indexable_operator(q->operator) ||
		    adv_model_find_column(v, q->schema, q->table, q->column) ==
			    NULL)
			continue;
		one[0] = q->column;
		offer(a, s, plain_candidate(q->schema, q->table, one, 1));
		if (q->ref_table != NULL && q->ref_column != NULL &&
		    adv_model_find_column(v, q->ref_schema, q->ref_table,
					  q->ref_column) != NULL) {
			one[0] = q->ref_column;
			offer(a, s,
			      plain_candidate(q->ref_schema, q->ref_table, one,
					      1));
		}
		if (!streq(q->operator, "=") || q->ref_table != NULL)
			continue;
		/* the first equality qual of a table gathers the others */
		for (j = 0;
		     j < v->nquals && neq < a->opts->cand.max_width && neq < 8;
		     j++) {
			const struct adv_model_qual *o = v->quals[j];
			const struct adv_model_column *col;
			size_t k;
			int dup = 0;

			if (!streq(o->queryid, s->queryid) ||
			    !streq(o->operator, "=") || o->ref_table != NULL ||
			    !streq(o->schema, q->schema) ||
			    !streq(o->table, q->table))
				continue;
			if (j < i && neq == 0)
				break;
			for (k = 0; k < neq; k++)
				dup |= streq(eq[k], o->column);
			col = adv_model_find_column(v, o->schema, o->table,
						    o->column);
			if (dup || col == NULL)
				continue;
			eq[neq] = o->column;
			nd[neq] = n_distinct(
				v, adv_model_find_table(v, o->schema, o->table),
				o->schema, o->table, o->column);
			neq++;
		}
		if (neq < 2)
			continue;
		/* most selective first: insertion sort by n_distinct */
		for (j = 1; j < neq; j++) {
			size_t k = j;

			while (k > 0 && nd[k] > nd[k - 1]) {
				const char *tc = eq[k];
				double tn = nd[k];

				eq[k] = eq[k - 1];
				nd[k] = nd[k - 1];
				eq[k - 1] = tc;
				nd[k - 1] = tn;
				k--;
			}
		}
		offer(a, s, plain_candidate(q->schema, q->table, eq, neq));
	}
}

/* ---- costs ------------------------------------------------------------- */

/* One way to reach a table: an existing index or a candidate. */
struct path {
	const char *schema, *table;
	size_t nkeys;
	const char *key_col[8];
	const char *key_expr[8];
	const char *const *include;
	size_t ninclude;
	char *const *include_mut;
	const char *predicate;
};

static double n_distinct(const struct adv_model_snapshot *s,
			 const struct adv_model_table *t, const char *schema,
			 const char *table, const char *column)
{
	const struct adv_model_column *c =
		adv_model_find_column(s, schema, table, column);
	double rows =
		t != NULL && t->estimated_rows > 1 ? t->estimated_rows : 1000;

	if (c == NULL || !c->has_stats || c->n_distinct == 0)
		return 10;
	if (c->n_distinct < 0)
		return -c->n_distinct * rows;
	return c->n_distinct;
}

static int use_has(const struct adv_col_use *v, size_t n, const char *col,
		   const char *expr)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (col != NULL && streq(v[i].column, col))
			return 1;
		if (expr != NULL && streq(v[i].expression, expr))
			return 1;
	}
	return 0;
}

/* The offline estimate of reaching table use u through path p (or a
 * sequential scan when p is NULL), in planner-like cost units. */
static double path_cost(const struct adv_model_snapshot *s,
			const struct adv_table_use *u, const struct path *p)
{
	const struct adv_model_table *t =
		adv_model_find_table(s, u->schema, u->table);
	double rows =
		t != NULL && t->estimated_rows > 1 ? t->estimated_rows : 1000;
	double pages =
		t != NULL && t->size_bytes > 8192 ? t->size_bytes / 8192 : 1;
	double npreds = (double)(u->neq + u->nrange + u->njoin);
	double sel = 1, fetched, per_row;
	size_t k, matched = 0;
	int range = 0, covering = 1, sorted = 0;

	if (p == NULL)
		return pages + rows * (0.01 + 0.0025 * npreds);
	if (p->predicate != NULL) {
		size_t i;
		int found = 0;

		for (i = 0; i < u->npartial; i++)
			found |= streq(u->partial[i], p->predicate);
		if (!found)
			return INFINITY;
		sel *= 0.05;
	}
	for (k = 0; k < p->nkeys; k++) {
		const char *col = p->key_col[k];
		const char *expr = p->key_expr[k];

		if (use_has(u->eq, u->neq, col, expr) ||
		    use_has(u->join, u->njoin, col, expr)) {
			sel /= col != NULL ? n_distinct(s, t, u->schema,
							u->table, col)
					   : 100;
			matched++;
			continue;
		}
		if (use_has(u->range, u->nrange, col, expr)) {
			sel *= 0.2;
			range = 1;
		}
		break;
	}
	if (u->nsort > 0 && u->has_limit && matched + u->nsort <= p->nkeys) {
		size_t i;

		sorted = 1;
		for (i = 0; i < u->nsort; i++) {
			if (p->key_col[matched + i] == NULL ||
			    !streq(p->key_col[matched + i], u->sort[i].column))
				sorted = 0;
		}
	}
	if (matched == 0 && !range && !sorted && p->predicate == NULL)
		return INFINITY;
	if (u->read_all) {
		covering = 0;
	} else {
		size_t i, j;

		for (i = 0; i < u->nread && covering; i++) {
			int found = 0;

			for (j = 0; j < p->nkeys && !found; j++)
				found = streq(p->key_col[j], u->read[i].column);
			for (j = 0; j < p->ninclude && !found; j++)
				found = streq(p->include[j], u->read[i].column);
			covering = found;
		}
	}
	fetched = rows * sel;
	if (fetched < 1)
		fetched = 1;
	if (sorted && fetched > 20)
		fetched = 20;
	per_row = covering ? 0.015 : 1.0 + 0.01;
	return 4 + fetched * per_row;
}

static void path_from_index(struct path *p, const struct adv_model_index *ix)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	p->schema = ix->schema;
	p->table = ix->table;
	p->nkeys = ix->nkeys < 8 ? ix->nkeys : 8;
	for (i = 0; i < p->nkeys; i++) {
		p->key_col[i] = ix->keys[i].column;
		p->key_expr[i] = ix->keys[i].expression;
	}
	p->include = (const char *const *)ix->include;
	p->ninclude = ix->ninclude;
	p->predicate = ix->predicate;
}

static void path_from_candidate(struct path *p, const struct adv_candidate *c)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	p->schema = c->schema;
	p->table = c->table;
	p->nkeys = c->nkeys < 8 ? c->nkeys : 8;
	for (i = 0; i < p->nkeys; i++) {
		p->key_col[i] = c->keys[i].column;
		p->key_expr[i] = c->keys[i].expression;
	}
	p->include = (const char *const *)c->include;
	p->ninclude = c->ninclude;
	p->predicate = c->predicate;
}

/* The offline cost of a statement with the candidates of config: each
 * table by its cheapest path among a sequential scan, the existing indexes
 * and the configuration's candidates. */
static double offline_cost(struct advisor *a, const struct wl_stmt *s,
			   const int *config, size_t n, unsigned char *used)
{
	const struct adv_model_snapshot *v = a->view;
	double total = 0;
	size_t t, i;

	if (used != NULL)
		memset(used, 0, n);
	a->offline_calls++;
	/* an INSERT ... VALUES reads nothing: one row written */
	if (s->is_insert && s->use.ntables <= 1)
		return 1;
	for (t = 0; t < s->use.ntables; t++) {
		const struct adv_table_use *u = &s->use.tables[t];
		double best = path_cost(v, u, NULL);
		long best_cand = -1;
		struct path p;

		for (i = 0; i < v->nindexes; i++) {
			const struct adv_model_index *ix = v->indexes[i];
			double c;

			if (ix->is_valid != 1 ||
			    !streq(ix->schema, u->schema) ||
			    !streq(ix->table, u->table) || ix->nkeys == 0)
				continue;
			path_from_index(&p, ix);
			c = path_cost(v, u, &p);
			if (c < best)
				best = c;
		}
		for (i = 0; i < n; i++) {
			const struct adv_candidate *c = a->set.items[config[i]];
			double cost;

			if (!streq(c->schema, u->schema) ||
			    !streq(c->table, u->table))
				continue;
			path_from_candidate(&p, c);
			cost = path_cost(v, u, &p);
			if (cost < best) {
				best = cost;
				best_cand = (long)i;
			}
		}
		if (best_cand >= 0 && used != NULL)
			used[best_cand] = 1;
		total += best;
	}
	return total;
}

/* The cost of one execution of s with the candidates of config. */
static enum adv_status config_cost(struct advisor *a, const struct wl_stmt *s,
				   const int *config, size_t n, double *cost,
				   unsigned char *used, struct adv_error *err)
{
	const struct adv_candidate *cands[16];
	size_t i;

	if (a->whatif == NULL) {
		*cost = offline_cost(a, s, config, n, used);
		return ADV_OK;
	}
	if (n > 16)
		return adv_error_set(err, ADV_EINTERNAL,
				     "configuration of %zu indexes", n);
	for (i = 0; i < n; i++)
		cands[i] = a->set.items[config[i]];
	return adv_whatif_cost(a->whatif, s->sql, cands, n, cost, used, err);
}

/* ---- configurations ---------------------------------------------------- */

static int cmp_size_t(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;

	return a < b ? -1 : a > b;
}

/* Adds a configuration (the used subset of what was costed), keeping the
 * cheaper cost when the same set is already there. */
static void add_config(struct wl_stmt *s, const int *cands, size_t n,
		       const unsigned char *used, double cost)
{
	size_t set[16] = {0}, m = 0, i, j;

	for (i = 0; i < n; i++) {
		if (used == NULL || used[i])
			set[m++] = (size_t)cands[i];
	}
	qsort(set, m, sizeof(set[0]), cmp_size_t);
	for (i = 0; i < s->nconfigs; i++) {
		if (s->configs[i].ncands != m)
			continue;
		for (j = 0; j < m && s->configs[i].cands[j] == set[j]; j++)
			;
		if (j == m) {
			if (cost < s->configs[i].cost)
				s->configs[i].cost = cost;
			return;
		}
	}
	ADV_ALLOC_GROW(s->configs, s->nconfigs + 1, s->configs_alloc);
	s->configs[s->nconfigs].cands = adv_xcalloc(m + 1, sizeof(size_t));
	memcpy(s->configs[s->nconfigs].cands, set, m * sizeof(size_t));
	s->configs[s->nconfigs].ncands = m;
	s->configs[s->nconfigs].cost = cost;
	s->nconfigs++;
}

static int same_table(const struct adv_candidate *x,
		      const struct adv_candidate *y)
{
	return streq(x->schema, y->schema) && streq(x->table, y->table);
}

struct scored {
	int cand;
	double cost;
};

static int cmp_scored(const void *x, const void *y)
{
	const struct scored *a = x, *b = y;

	if (a->cost != b->cost)
		return a->cost < b->cost ? -1 : 1;
	return a->cand - b->cand;
}

/*
 * The configurations of a statement: none, each relevant candidate alone,
 * and for statements over several tables, pairs of the best candidates of
 * different tables (a plan uses at most one index per table scan in
 * practice, and the best few per table carry the interactions).
 */
static enum adv_status enumerate_configs(struct advisor *a, struct wl_stmt *s,
					 struct adv_error *err)
{
	struct scored *singles;
	unsigned char used[2];
	double base, cost;
	size_t i, j;
	enum adv_status st;

	st = config_cost(a, s, NULL, 0, &base, NULL, err);
	if (st != ADV_OK)
		return st;
	add_config(s, NULL, 0, NULL, base);
	singles = adv_xcalloc(s->ncands + 1, sizeof(*singles));
	for (i = 0; i < s->ncands; i++) {
		int c = s->cands[i];

		st = config_cost(a, s, &c, 1, &cost, used, err);
		if (st != ADV_OK)
			goto out;
		singles[i].cand = c;
		singles[i].cost = used[0] ? cost : base;
		if (used[0] && cost < base)
			add_config(s, &c, 1, used, cost);
	}
	if (s->use.ntables < 2)
		goto out;
	qsort(singles, s->ncands, sizeof(*singles), cmp_scored);
	for (i = 0; i < s->ncands && i < PAIR_TOP * s->use.ntables; i++) {
		for (j = i + 1; j < s->ncands && j < PAIR_TOP * s->use.ntables;
		     j++) {
			int pair[2];

			if (singles[i].cost >= base || singles[j].cost >= base)
				continue;
			pair[0] = singles[i].cand;
			pair[1] = singles[j].cand;
			if (same_table(a->set.items[pair[0]],
				       a->set.items[pair[1]]))
				continue;
			st = config_cost(a, s, pair, 2, &cost, used, err);
			if (st != ADV_OK)
				goto out;
			add_config(s, pair, 2, used, cost);
		}
	}
out:
	free(singles);
	return st;
}

/* ---- sizes and maintenance --------------------------------------------- */

static double offline_size(const struct advisor *a,
			   const struct adv_candidate *c)
{
	const struct adv_model_table *t =
		adv_model_find_table(a->view, c->schema, c->table);
	double rows =
		t != NULL && t->estimated_rows > 1 ? t->estimated_rows : 1000;
	double width = 8;
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		const struct adv_model_column *col =
			c->keys[i].column != NULL
				? adv_model_find_column(a->view, c->schema,
							c->table,
							c->keys[i].column)
				: NULL;

		width += col != NULL && col->has_stats && col->avg_width > 0
				 ? col->avg_width
				 : 8;
	}
	for (i = 0; i < c->ninclude; i++) {
		const struct adv_model_column *col = adv_model_find_column(
			a->view, c->schema, c->table, c->include[i]);

		width += col != NULL && col->has_stats && col->avg_width > 0
				 ? col->avg_width
				 : 8;
	}
	if (c->predicate != NULL)
		rows *= 0.05;
	/* tuple header and line pointer, leaf fill factor 90 % */
	return ceil(rows * (width + 12) / 0.9 / 8192 + 1) * 8192;
}

static int cand_has_column(const struct adv_candidate *c, const char *col)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		if (streq(c->keys[i].column, col))
			return 1;
	}
	for (i = 0; i < c->ninclude; i++) {
		if (streq(c->include[i], col))
			return 1;
	}
	return 0;
}

static size_t existing_indexes(const struct adv_model_snapshot *v,
			       const char *schema, const char *table)
{
	size_t i, n = 0;

	for (i = 0; i < v->nindexes; i++)
		n += streq(v->indexes[i]->schema, schema) &&
		     streq(v->indexes[i]->table, table);
	return n;
}

/*
 * What a candidate costs the writes: every inserted row adds an entry, and
 * an update that is not HOT writes an entry into every index of the table.
 * An UPDATE that sets one of the candidate's columns can no longer be HOT,
 * so then it writes into every index of the table, the candidate's
 * included.
 *
 * With statement records, the table's own counters (n_tup_ins, n_tup_upd,
 * n_tup_hot_upd, over the same statistics window as the statements) give
 * the rates, and the workload's UPDATE statements say which columns they
 * set; a workload file has no counters, so its INSERT and UPDATE
 * statements, with their calls, are the writes.
 */
static double maintenance(const struct advisor *a,
			  const struct adv_candidate *c)
{
	const struct adv_model_table *t =
		adv_model_find_table(a->view, c->schema, c->table);
	int from_stats =
		a->opts->workload_file == NULL && t != NULL && t->has_writes;
	double total = 0, hot_broken = 0;
	size_t i, j;

	for (i = 0; i < a->nstmts; i++) {
		const struct wl_stmt *s = &a->stmts[i];
		double rows = s->calls *
			      (s->rows_per_call > 0 ? s->rows_per_call : 1);
		int breaks_hot = 0;

		if (s->use.ntables == 0 ||
		    !streq(s->use.tables[0].schema, c->schema) ||
		    !streq(s->use.tables[0].table, c->table))
			continue;
		if (s->is_insert && !from_stats) {
			total += rows * MAINT_PER_ROW;
			continue;
		}
		if (s->upd_table == NULL)
			continue;
		for (j = 0; j < s->nset_cols; j++)
			breaks_hot |= cand_has_column(c, s->set_cols[j]);
		if (breaks_hot)
			hot_broken += rows;
	}
	if (from_stats) {
		double hot = t->n_tup_hot_upd;

		/* only updates that were HOT can stop being HOT */
		if (hot_broken > hot)
			hot_broken = hot;
		total += (t->n_tup_ins + (t->n_tup_upd - hot)) * MAINT_PER_ROW;
	}
	total += hot_broken * MAINT_PER_ROW *
		 (double)(1 + existing_indexes(a->view, c->schema, c->table));
	return total;
}

static size_t table_number(struct advisor *a, const struct adv_candidate *c)
{
	char *key = adv_xstrfmt("%s\x1f%s", c->schema, c->table);
	size_t i;

	for (i = 0; i < a->ntables; i++) {
		if (strcmp(a->tables[i], key) == 0) {
			free(key);
			return i;
		}
	}
	a->tables =
		adv_xrealloc(a->tables, (a->ntables + 1) * sizeof(*a->tables));
	a->tables[a->ntables] = key;
	return a->ntables++;
}

/* ---- baselines ----------------------------------------------------------- */

/* Fits a ranked list of candidates into the budget and limits, in order. */
static void fit_in_order(const struct advisor *a,
			 const struct adv_sel_problem *p, const int *order,
			 size_t n, unsigned char *chosen)
{
	double used_bytes = 0;
	size_t count = 0, i, *per_table;

	per_table = adv_xcalloc(a->ntables + 1, sizeof(*per_table));
	for (i = 0; i < n; i++) {
		size_t c = (size_t)order[i];

		if (chosen[c])
			continue;
		if (p->budget_bytes >= 0 &&
		    used_bytes + p->size_bytes[c] > p->budget_bytes)
			continue;
		if (p->max_indexes > 0 && count >= p->max_indexes)
			break;
		if (p->max_per_table > 0 &&
		    per_table[p->table[c]] >= p->max_per_table)
			continue;
		chosen[c] = 1;
		used_bytes += p->size_bytes[c];
		count++;
		per_table[p->table[c]]++;
	}
	free(per_table);
}

/*
 * Dexter's rule: per statement, the best single index of at most two keys
 * that cuts its cost by half or more; then, by weighted benefit, as many as
 * fit.
 */
static void baseline_dexter(const struct advisor *a,
			    const struct adv_sel_problem *p,
			    unsigned char *chosen)
{
	struct scored *picks = adv_xcalloc(a->nstmts + 1, sizeof(*picks));
	int *order = adv_xcalloc(a->nstmts + 1, sizeof(*order));
	size_t i, c, n = 0;

	for (i = 0; i < a->nstmts; i++) {
		const struct adv_sel_stmt *q = &p->stmts[i];
		double base = q->configs[0].cost, best = base;
		int best_cand = -1;

		for (c = 1; c < q->nconfigs; c++) {
			const struct adv_sel_config *cf = &q->configs[c];

			if (cf->ncands != 1 ||
			    a->set.items[cf->cands[0]]->nkeys > 2 ||
			    a->set.items[cf->cands[0]]->ninclude > 0 ||
			    a->set.items[cf->cands[0]]->predicate != NULL)
				continue;
			if (cf->cost < best) {
				best = cf->cost;
				best_cand = (int)cf->cands[0];
			}
		}
		if (best_cand >= 0 && best <= base * 0.5) {
			picks[n].cand = best_cand;
			picks[n].cost = -(base - best) * q->weight;
			n++;
		}
	}
	qsort(picks, n, sizeof(*picks), cmp_scored);
	for (i = 0; i < n; i++)
		order[i] = picks[i].cand;
	fit_in_order(a, p, order, n, chosen);
	free(picks);
	free(order);
}

/* One single-column index per column any statement filters or joins on,
 * most used columns first. */
static void baseline_every_predicate(const struct advisor *a,
				     const struct adv_sel_problem *p,
				     unsigned char *chosen)
{
	double *weight = adv_xcalloc(a->set.n + 1, sizeof(*weight));
	struct scored *ranked = adv_xcalloc(a->set.n + 1, sizeof(*ranked));
	int *order = adv_xcalloc(a->set.n + 1, sizeof(*order));
	size_t i, j, n = 0;

	for (i = 0; i < a->nstmts; i++) {
		for (j = 0; j < a->stmts[i].ncands; j++) {
			const struct adv_candidate *c =
				a->set.items[a->stmts[i].cands[j]];

			if (c->nkeys == 1 && c->keys[0].column != NULL &&
			    c->ninclude == 0 && c->predicate == NULL)
				weight[c->id] += a->stmts[i].calls;
		}
	}
	for (i = 0; i < a->set.n; i++) {
		if (weight[i] > 0) {
			ranked[n].cand = (int)i;
			ranked[n].cost = -weight[i];
			n++;
		}
	}
	qsort(ranked, n, sizeof(*ranked), cmp_scored);
	for (i = 0; i < n; i++)
		order[i] = ranked[i].cand;
	fit_in_order(a, p, order, n, chosen);
	free(weight);
	free(ranked);
	free(order);
}

/*
 * Extend-style: start from nothing and repeatedly take the step with the
 * best benefit per byte, a step being a new single-column candidate or the
 * widening of a chosen index into a candidate that has it as its leading
 * keys; stop when no step that fits saves anything.
 */
static void baseline_extend(const struct advisor *a,
			    const struct adv_sel_problem *p,
			    unsigned char *chosen)
{
	double current = adv_select_evaluate(p, chosen, NULL);
	size_t i, k;

	for (;;) {
		long best = -1, replaces = -1;
		double best_ratio = 0, best_cost = current;
		double used_bytes = 0;
		size_t count = 0;

		for (i = 0; i < p->ncands; i++) {
			if (chosen[i]) {
				used_bytes += p->size_bytes[i];
				count++;
			}
		}
		for (i = 0; i < p->ncands; i++) {
			const struct adv_candidate *c = a->set.items[i];
			long widened = -1;
			double extra, cost, ratio;

			if (chosen[i])
				continue;
			/* widening: a chosen index whose keys lead c's */
			for (k = 0; k < p->ncands && widened < 0; k++) {
				const struct adv_candidate *o = a->set.items[k];
				size_t j;

				if (!chosen[k] || !same_table(o, c) ||
				    o->nkeys + 1 != c->nkeys ||
				    o->predicate != NULL ||
				    c->predicate != NULL)
					continue;
				for (j = 0; j < o->nkeys; j++) {
					if (!streq(o->keys[j].column,
						   c->keys[j].column) ||
					    !streq(o->keys[j].expression,
						   c->keys[j].expression))
						break;
				}
				if (j == o->nkeys)
					widened = (long)k;
			}
			if (widened < 0 && c->nkeys != 1)
				continue;
			extra = p->size_bytes[i] -
				(widened >= 0 ? p->size_bytes[widened] : 0);
			if (p->budget_bytes >= 0 &&
			    used_bytes + extra > p->budget_bytes)
				continue;
			if (widened < 0 && p->max_indexes > 0 &&
			    count >= p->max_indexes)
				continue;
			if (widened < 0 && p->max_per_table > 0) {
				size_t on_table = 0;

				for (k = 0; k < p->ncands; k++)
					on_table += chosen[k] &&
						    p->table[k] == p->table[i];
				if (on_table >= p->max_per_table)
					continue;
			}
			chosen[i] = 1;
			if (widened >= 0)
				chosen[widened] = 0;
			cost = adv_select_evaluate(p, chosen, NULL);
			chosen[i] = 0;
			if (widened >= 0)
				chosen[widened] = 1;
			if (cost >= current)
				continue;
			ratio = (current - cost) / (extra > 1 ? extra : 1);
			if (ratio > best_ratio) {
				best_ratio = ratio;
				best = (long)i;
				replaces = widened;
				best_cost = cost;
			}
		}
		if (best < 0)
			break;
		chosen[best] = 1;
		if (replaces >= 0)
			chosen[replaces] = 0;
		current = best_cost;
	}
}

static void prune_unused(const struct adv_sel_problem *p,
			 struct adv_sel_result *r)
{
	unsigned char *used = adv_xcalloc(p->ncands + 1, 1);
	size_t i, j;

	for (i = 0; i < p->nstmts; i++) {
		const struct adv_sel_config *cf =
			&p->stmts[i].configs[r->config_of[i]];

		if (p->stmts[i].weight <= 0)
			continue;
		for (j = 0; j < cf->ncands; j++)
			used[cf->cands[j]] = 1;
	}
	for (i = 0; i < p->ncands; i++)
		r->chosen[i] = r->chosen[i] && used[i];
	r->cost_after = adv_select_evaluate(p, r->chosen, r->config_of);
	free(used);
}

/* ---- findings ---------------------------------------------------------- */

static char *index_name(const struct advisor *a, const struct adv_candidate *c,
			char **taken, size_t ntaken)
{
	const char *parts[16];
	size_t i, n = 0;

	for (i = 0; i < c->nkeys && n < 16; i++)
		parts[n++] =
			c->keys[i].column != NULL ? c->keys[i].column : "expr";
	return adv_model_new_index_name(a->view, c->schema, c->table, parts, n,
					taken, ntaken);
}

/* The DDL for a partitioned table: the index on the parent only, each
 * partition's built concurrently, then attached; the parent's becomes valid
 * when the last one is attached. */
static void partitioned_ddl(const struct advisor *a, struct adv_buf *sql,
			    const struct adv_candidate *c, const char *name)
{
	const struct adv_model_snapshot *v = a->view;
	struct adv_buf only;
	size_t i;
	int part = 0;

	adv_buf_init(&only);
	adv_candidate_ddl(&only, ADV_ENGINE_POSTGRESQL, c, name, 0);
	/* "CREATE INDEX name ON schema.table" -> "... ON ONLY ..." */
	{
		const char *on = strstr(only.data, " ON ");

		adv_buf_add(sql, only.data, (size_t)(on - only.data));
		adv_buf_addstr(sql, " ON ONLY ");
		adv_buf_addstr(sql, on + 4);
		adv_buf_addstr(sql, ";");
	}
	for (i = 0; i < v->ntables; i++) {
		const struct adv_model_table *t = v->tables[i];
		struct adv_candidate pc;
		char *pname;

		if (t->is_partition != 1 ||
		    !streq(t->parent_schema, c->schema) ||
		    !streq(t->parent_table, c->table))
			continue;
		pc = *c;
		pc.schema = t->schema;
		pc.table = t->table;
		pname = NULL;
		do {
			free(pname);
			pname = adv_xstrfmt("%.50s_p%d", name, ++part);
		} while (adv_model_relation_exists(v, t->schema, pname));
		adv_buf_addch(sql, '\n');
		/* a partition that is itself partitioned cannot be indexed
		 * concurrently: a plain CREATE INDEX covers its partitions */
		adv_candidate_ddl(sql, ADV_ENGINE_POSTGRESQL, &pc, pname,
				  !streq(t->kind, "partitioned"));
		adv_buf_addstr(sql, ";\nALTER INDEX ");
		adv_sql_qualified(sql, ADV_ENGINE_POSTGRESQL, c->schema, name);
		adv_buf_addstr(sql, " ATTACH PARTITION ");
		adv_sql_qualified(sql, ADV_ENGINE_POSTGRESQL, t->schema, pname);
		adv_buf_addch(sql, ';');
		free(pname);
	}
	/* like every action, the last statement has no terminator */
	if (sql->len > 0 && sql->data[sql->len - 1] == ';')
		sql->data[--sql->len] = '\0';
	adv_buf_release(&only);
}

static enum adv_status emit_finding(struct advisor *a,
				    const struct adv_sel_problem *p,
				    const struct adv_sel_result *r, size_t ci,
				    const char *name, struct adv_report *report,
				    struct adv_error *err)
{
	const struct adv_candidate *c = a->set.items[ci];
	struct adv_finding f;
	struct adv_buf sql, rollback, keytext;
	cJSON *queries = cJSON_CreateArray();
	double saved = 0;
	size_t i, j, helped = 0;
	char size_text[32];

	adv_buf_init(&sql);
	adv_buf_init(&rollback);
	adv_buf_init(&keytext);
	for (i = 0; i < p->nstmts; i++) {
		const struct adv_sel_stmt *q = &p->stmts[i];
		const struct adv_sel_config *cf = &q->configs[r->config_of[i]];
		int uses = 0;
		cJSON *e;

		for (j = 0; j < cf->ncands; j++)
			uses |= cf->cands[j] == ci;
		if (!uses)
			continue;
		helped++;
		saved += (q->configs[0].cost - cf->cost) * q->weight;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "statement", a->stmts[i].id);
		adv_json_add_string(e, "fingerprint",
				    a->stmts[i].fingerprint[0] != '\0'
					    ? a->stmts[i].fingerprint
					    : NULL);
		cJSON_AddNumberToObject(e, "calls", q->weight);
		cJSON_AddNumberToObject(e, "cost_before", q->configs[0].cost);
		cJSON_AddNumberToObject(e, "cost_after", cf->cost);
		cJSON_AddItemToArray(queries, e);
	}
	if (c->partitioned) {
		partitioned_ddl(a, &sql, c, name);
		adv_buf_addstr(&rollback, "DROP INDEX ");
	} else {
		adv_candidate_ddl(&sql, ADV_ENGINE_POSTGRESQL, c, name, 1);
		adv_buf_addstr(&rollback, "DROP INDEX CONCURRENTLY ");
	}
	adv_sql_qualified(&rollback, ADV_ENGINE_POSTGRESQL, c->schema, name);
	for (i = 0; i < c->nkeys; i++)
		adv_buf_addf(&keytext, "%s%s%s", i > 0 ? ", " : "",
			     c->keys[i].column != NULL ? c->keys[i].column
						       : c->keys[i].expression,
			     c->keys[i].desc ? " DESC" : "");
	adv_format_size((int64_t)p->size_bytes[ci], size_text,
			sizeof(size_text));
	adv_finding_init(&f, TOOL, "missing-index",
			 r->cost_before > 0 && saved / r->cost_before >= 0.2
				 ? ADV_SEV_HIGH
				 : ADV_SEV_MEDIUM);
	adv_finding_set_object(&f, c->schema, c->table, name);
	adv_finding_set_message(
		&f,
		"an index on '%s.%s' (%s)%s%s would cut the estimated cost of %zu statement%s by %.0f%% of the workload (%s)",
		c->schema, c->table, keytext.data,
		c->ninclude > 0 ? " with INCLUDE columns" : "",
		c->predicate != NULL ? " (partial)" : "", helped,
		helped == 1 ? "" : "s",
		r->cost_before > 0 ? 100 * saved / r->cost_before : 0,
		size_text);
	adv_finding_set_action(&f, "create_index", sql.data, rollback.data,
			       !c->partitioned);
	f.confidence = a->whatif != NULL ? 0.8 : 0.4;
	{
		cJSON *keys = cJSON_CreateArray();
		cJSON *inc = cJSON_CreateArray();

		for (i = 0; i < c->nkeys; i++) {
			cJSON *k = cJSON_CreateObject();

			adv_json_add_string(k, "column", c->keys[i].column);
			adv_json_add_string(k, "expression",
					    c->keys[i].expression);
			cJSON_AddStringToObject(k, "direction",
						c->keys[i].desc ? "desc"
								: "asc");
			cJSON_AddItemToArray(keys, k);
		}
		for (i = 0; i < c->ninclude; i++)
			cJSON_AddItemToArray(inc,
					     cJSON_CreateString(c->include[i]));
		cJSON_AddItemToObject(f.evidence, "keys", keys);
		cJSON_AddItemToObject(f.evidence, "include", inc);
	}
	adv_json_add_string(f.evidence, "predicate", c->predicate);
	cJSON_AddNumberToObject(f.evidence, "size_bytes", p->size_bytes[ci]);
	cJSON_AddStringToObject(
		f.evidence, "size_source",
		a->whatif != NULL && !c->partitioned ? "hypopg" : "estimate");
	cJSON_AddNumberToObject(f.evidence, "maintenance_cost",
				p->maint_cost[ci]);
	cJSON_AddItemToObject(f.evidence, "queries", queries);
	cJSON_AddNumberToObject(f.impact, "workload_cost_saved", saved);
	cJSON_AddNumberToObject(f.impact, "workload_share_saved",
				r->cost_before > 0 ? saved / r->cost_before
						   : 0);
	cJSON_AddNumberToObject(f.impact, "size_bytes", p->size_bytes[ci]);
	adv_finding_compute_fingerprint(&f, a->view->src.engine,
					a->view->src.database);
	{
		enum adv_status st = adv_report_finding(report, &f, a->view->ts,
							&a->view->src, err);

		adv_finding_release(&f);
		adv_buf_release(&sql);
		adv_buf_release(&rollback);
		adv_buf_release(&keytext);
		return st;
	}
}

static enum adv_status emit_selection(struct advisor *a,
				      const struct adv_sel_result *r,
				      double seconds, struct adv_report *report,
				      struct adv_error *err)
{
	cJSON *rec = adv_record_new("selection", 1, a->view->ts, &a->view->src);
	enum adv_status st;

	cJSON_AddStringToObject(rec, "tool", TOOL);
	cJSON_AddStringToObject(rec, "strategy",
				adv_strategy_name(a->opts->strategy));
	adv_json_add_number(rec, "budget_bytes", a->opts->budget_bytes,
			    a->opts->budget_bytes >= 0);
	cJSON_AddNumberToObject(rec, "used_bytes", r->used_bytes);
	cJSON_AddNumberToObject(rec, "cost_before", r->cost_before);
	cJSON_AddNumberToObject(rec, "cost_after", r->cost_after);
	cJSON_AddNumberToObject(
		rec, "what_if_calls",
		a->whatif != NULL ? (double)adv_whatif_calls(a->whatif) : 0);
	cJSON_AddStringToObject(rec, "costing",
				a->whatif != NULL ? "hypopg" : "offline");
	cJSON_AddStringToObject(rec, "solver", r->solver);
	adv_json_add_number(rec, "gap", r->gap, r->gap >= 0);
	cJSON_AddNumberToObject(rec, "seconds", seconds);
	cJSON_AddNumberToObject(rec, "statement_count", (double)a->nstmts);
	cJSON_AddNumberToObject(rec, "skipped_statements", (double)a->skipped);
	cJSON_AddNumberToObject(rec, "candidate_count", (double)a->set.n);
	cJSON_AddNumberToObject(rec, "finding_count", (double)report->emitted);
	cJSON_AddNumberToObject(rec, "suppressed_count",
				(double)report->suppressed);
	st = adv_output_record(report->out, rec, err);
	cJSON_Delete(rec);
	return st;
}

/* ---- the run ----------------------------------------------------------- */

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/*
 * The workload's statements name tables as the application does, so they
 * are planned under the application's search_path: the one a session of
 * this role gets in this database (pg_settings.reset_val), not the safe
 * one the connection set for the catalog queries. Planning executes
 * nothing, and the what-if calls qualify their own names.
 */
static enum adv_status app_search_path(struct adv_conn *conn,
				       struct adv_error *err)
{
	return adv_conn_exec(
		conn,
		"SELECT pg_catalog.set_config('search_path', "
		"s.reset_val, false) FROM pg_catalog.pg_settings s "
		"WHERE s.name = 'search_path'",
		err);
}

static void advisor_release(struct advisor *a)
{
	size_t i;

	for (i = 0; i < a->nstmts; i++)
		stmt_release(&a->stmts[i]);
	free(a->stmts);
	for (i = 0; i < a->ntables; i++)
		free(a->tables[i]);
	free(a->tables);
	free(a->size);
	free(a->maint);
	free(a->table_of);
	adv_cand_set_release(&a->set);
}

static enum adv_status advise_one(const struct adv_advise_opts *opts,
				  const struct adv_model_snapshot *view,
				  struct adv_report *report,
				  struct adv_error *err)
{
	struct advisor a;
	struct adv_sel_problem p;
	struct adv_sel_result r;
	struct adv_sel_stmt *sel_stmts = NULL;
	char **names = NULL;
	size_t nnames = 0, i;
	double started = now_seconds();
	enum adv_status st = ADV_OK;

	memset(&a, 0, sizeof(a));
	memset(&p, 0, sizeof(p));
	adv_sel_result_init(&r);
	a.opts = opts;
	a.view = view;
	adv_cand_set_init(&a.set);
	if (opts->conn != NULL) {
		st = adv_whatif_open(opts->conn, &a.whatif, err);
		if (st == ADV_OK)
			st = app_search_path(opts->conn, err);
		if (st != ADV_OK)
			goto out;
	}
	if (opts->workload_file != NULL)
		st = load_workload_file(&a, err);
	else
		load_workload_records(&a);
	if (st != ADV_OK)
		goto out;
	if (a.nstmts == 0)
		adv_warn(
			"no statement of the workload touches a table of '%s': nothing to advise",
			view->src.database != NULL ? view->src.database : "?");

	/* candidates */
	for (i = 0; i < a.nstmts && st == ADV_OK; i++) {
		struct wl_stmt *s = &a.stmts[i];

		st = adv_candidates_for(&s->use, view, &opts->cand, &a.set,
					&s->cands, &s->ncands, err);
		if (st == ADV_OK)
			qual_candidates(&a, s);
	}
	if (st != ADV_OK)
		goto out;
	a.size = adv_xcalloc(a.set.n + 1, sizeof(*a.size));
	a.maint = adv_xcalloc(a.set.n + 1, sizeof(*a.maint));
	a.table_of = adv_xcalloc(a.set.n + 1, sizeof(*a.table_of));
	for (i = 0; i < a.set.n && st == ADV_OK; i++) {
		struct adv_candidate *c = a.set.items[i];
		const struct adv_model_table *t =
			adv_model_find_table(view, c->schema, c->table);

		c->partitioned = t != NULL && streq(t->kind, "partitioned");
		if (a.whatif != NULL && !c->partitioned)
			st = adv_whatif_size(a.whatif, c, &a.size[i], err);
		else
			a.size[i] = offline_size(&a, c);
		if (a.size[i] <= 0)
			a.size[i] = 8192;
		c->size_bytes = a.size[i];
		a.maint[i] = maintenance(&a, c);
		a.table_of[i] = table_number(&a, c);
	}
	if (st != ADV_OK)
		goto out;

	/* configurations and their costs; a statement the planner refuses
	 * is left out of the workload, with a note */
	for (i = 0; i < a.nstmts; i++) {
		struct adv_error serr;

		adv_error_init(&serr);
		st = enumerate_configs(&a, &a.stmts[i], &serr);
		if (st == ADV_ESERVER) {
			adv_info("statement '%s' cannot be costed: %s",
				 a.stmts[i].id, serr.message);
			a.stmts[i].calls = 0;
			a.skipped++;
			st = ADV_OK;
			if (a.stmts[i].nconfigs == 0)
				add_config(&a.stmts[i], NULL, 0, NULL, 0);
			continue;
		}
		if (st != ADV_OK) {
			*err = serr;
			goto out;
		}
	}

	sel_stmts = adv_xcalloc(a.nstmts + 1, sizeof(*sel_stmts));
	for (i = 0; i < a.nstmts; i++) {
		sel_stmts[i].weight = a.stmts[i].calls;
		sel_stmts[i].configs = a.stmts[i].configs;
		sel_stmts[i].nconfigs = a.stmts[i].nconfigs;
	}
	p.ncands = a.set.n;
	p.size_bytes = a.size;
	p.maint_cost = a.maint;
	p.table = a.table_of;
	p.ntables = a.ntables;
	p.stmts = sel_stmts;
	p.nstmts = a.nstmts;
	p.budget_bytes = opts->budget_bytes;
	p.max_indexes = opts->max_indexes;
	p.max_per_table = opts->max_per_table;
	p.time_limit_seconds = opts->time_limit_seconds;

	switch (opts->strategy) {
	case ADV_STRATEGY_IP:
		if (p.ncands <= opts->exact_limit)
			st = adv_select_exact(&p, &r, err);
		else
			st = adv_select_greedy(&p, &r, err);
		break;
	case ADV_STRATEGY_GREEDY:
		st = adv_select_greedy(&p, &r, err);
		break;
	case ADV_STRATEGY_DEXTER:
	case ADV_STRATEGY_EVERY_PREDICATE:
	case ADV_STRATEGY_EXTEND: {
		size_t k;

		r.chosen = adv_xcalloc(p.ncands + 1, 1);
		r.config_of = adv_xcalloc(p.nstmts + 1, sizeof(size_t));
		if (opts->strategy == ADV_STRATEGY_DEXTER)
			baseline_dexter(&a, &p, r.chosen);
		else if (opts->strategy == ADV_STRATEGY_EVERY_PREDICATE)
			baseline_every_predicate(&a, &p, r.chosen);
		else
			baseline_extend(&a, &p, r.chosen);
		r.cost_after = adv_select_evaluate(&p, r.chosen, r.config_of);
		/* like the solver's, drop what no statement's plan uses */
		prune_unused(&p, &r);
		r.cost_before = adv_select_evaluate(&p, NULL, NULL);
		for (k = 0; k < p.ncands; k++)
			r.used_bytes += r.chosen[k] ? p.size_bytes[k] : 0;
		r.solver = adv_strategy_name(opts->strategy);
		/* a baseline proves no bound */
		r.bound = -1;
		r.gap = -1;
		break;
	}
	}
	if (st != ADV_OK)
		goto out;

	names = adv_xcalloc(p.ncands + 1, sizeof(*names));
	for (i = 0; i < p.ncands && st == ADV_OK; i++) {
		if (!r.chosen[i])
			continue;
		names[nnames] = index_name(&a, a.set.items[i], names, nnames);
		st = emit_finding(&a, &p, &r, i, names[nnames], report, err);
		nnames++;
	}
	if (st == ADV_OK)
		st = emit_selection(&a, &r, now_seconds() - started, report,
				    err);
out:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	free(sel_stmts);
	adv_sel_result_release(&r);
	if (a.whatif != NULL) {
		adv_whatif_free(a.whatif);
		adv_conn_exec(opts->conn,
			      "SELECT pg_catalog.set_config('search_path', "
			      "'pg_catalog, pg_temp', false)",
			      NULL);
	}
	advisor_release(&a);
	return st;
}

enum adv_status adv_advise(const struct adv_model *m,
			   const struct adv_advise_opts *opts,
			   struct adv_report *report, struct adv_error *err)
{
	struct adv_model_database *dbs = NULL;
	size_t ndbs = 0, i, done = 0;
	enum adv_status st = ADV_OK;

	adv_model_databases(m, &dbs, &ndbs);
	for (i = 0; i < ndbs && st == ADV_OK; i++) {
		const struct adv_model_snapshot *view = dbs[i].view;

		/* with a connection, only the database it is connected to */
		if (opts->conn != NULL &&
		    !streq(view->src.database, adv_conn_database(opts->conn)))
			continue;
		adv_report_begin_group(report);
		st = advise_one(opts, view, report, err);
		done++;
	}
	adv_model_databases_free(dbs, ndbs);
	if (st == ADV_OK && done == 0 && opts->conn != NULL)
		st = adv_error_set(
			err, ADV_EINPUT,
			"no snapshot of database '%s' in the input: collect it with ip-collect",
			adv_conn_database(opts->conn));
	return st;
}
