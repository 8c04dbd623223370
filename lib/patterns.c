#include "patterns.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "fingerprint.h"
#include "parse.h"
#include "plan_rules.h"
#include "workload_rules.h"
#include "banned.h"

/* ---- the rule list ---- */

static void rule_parse_error(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st);

/* Rules of the engine itself. */
static const struct adv_pat_rule engine_rules[] = {
	{
		.id = "parse-error",
		.category = "input",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_INFO,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A statement the dialect's parser does not accept; "
			   "no other rule looks at it.",
		.why = "A statement that does not parse is either not SQL of "
		       "this dialect (check --dialect) or a syntax error that "
		       "will fail when it runs.",
		.fix = "Fix the syntax, or run with the right --dialect.",
		.example_fire = "SELECT FROM WHERE;",
		.example_quiet = "SELECT 1;",
		.check = rule_parse_error,
	},
	{0},
};

static const struct adv_pat_rule *const sql_tables[] = {
	engine_rules,
	adv_pat_rules_correctness,
	adv_pat_rules_correctness2,
	adv_pat_rules_performance,
	adv_pat_rules_schema,
	adv_pat_rules_migration,
};

/* Why and fix of the plan and workload rules, whose tables predate the
 * engine and hold a description only. */
struct why_fix {
	const char *id;
	const char *category;
	unsigned dialects;
	const char *why;
	const char *fix;
};

static const struct why_fix other_why_fix[] = {
	{"plan-full-scan-selective", "plan", ADV_PAT_ALL,
	 "The whole table is read to return a small share of its rows; the "
	 "cost grows with the table, not with the result.",
	 "Index the filtered columns (ip-indexes --advise), or make the "
	 "predicate sargable."},
	{"plan-index-scan-filter-heavy", "plan", ADV_PAT_PG,
	 "The index finds rows that the Filter then throws away: most of "
	 "the heap fetches are wasted.",
	 "Extend or reorder the index so that its keys cover the filtered "
	 "columns."},
	{"plan-row-misestimate", "plan", ADV_PAT_ALL,
	 "The planner chose join methods and orders for a row count that "
	 "was wrong by an order of magnitude.",
	 "ANALYZE the tables, raise the statistics target of the columns, "
	 "or add extended statistics for correlated columns."},
	{"plan-sort-spill", "plan", ADV_PAT_ALL,
	 "The sort did not fit in work_mem and went to temporary files.",
	 "Raise work_mem for this query, sort fewer rows, or provide the "
	 "order from an index."},
	{"plan-hash-spill", "plan", ADV_PAT_ALL,
	 "The hash table did not fit in memory and was split into batches "
	 "on disk.",
	 "Raise work_mem (or hash_mem_multiplier) for this query, or hash "
	 "the smaller input."},
	{"plan-lossy-bitmap", "plan", ADV_PAT_PG,
	 "The bitmap exceeded work_mem and became lossy: every row on a "
	 "lossy page is rechecked.",
	 "Raise work_mem, or use a more selective index."},
	{"plan-index-only-heap-fetches", "plan", ADV_PAT_PG,
	 "The visibility map is stale, so the index-only scan visits the "
	 "heap anyway.",
	 "VACUUM the table (tune autovacuum for it)."},
	{"plan-nested-loop-many-loops", "plan", ADV_PAT_ALL,
	 "The inner side of the nested loop is a scan repeated for every "
	 "outer row.",
	 "Index the inner side's join column, or fix the estimate that made "
	 "the planner choose a nested loop."},
	{"plan-large-offset", "plan", ADV_PAT_PG,
	 "OFFSET makes the server produce and discard every skipped row.",
	 "Use keyset pagination (WHERE key > last_seen ORDER BY key LIMIT "
	 "n)."},
	{"plan-parallel-workers-not-launched", "plan", ADV_PAT_PG,
	 "The plan counted on parallel workers that were not available.",
	 "Raise max_parallel_workers / max_worker_processes, or run fewer "
	 "parallel queries at once."},
	{"plan-jit-overhead", "plan", ADV_PAT_PG,
	 "JIT compilation took a large part of a short query's time.",
	 "Raise jit_above_cost, or turn jit off for this workload."},
	{"plan-poor-cache-hit", "plan", ADV_PAT_PG,
	 "Most pages came from disk rather than shared buffers.",
	 "Read fewer pages (better index), or give the working set more "
	 "memory."},
	{"plan-no-join-predicate", "plan", ADV_PAT_ALL,
	 "A join with no join condition multiplies the row counts of its "
	 "inputs.",
	 "Add the missing join condition."},
	{"n-plus-one-query", "workload", ADV_PAT_ALL,
	 "One round trip per parent row: latency adds up and the server "
	 "parses, plans and executes the same lookup many times.",
	 "Fetch the children in one statement (JOIN, or = ANY($1) with the "
	 "parent keys)."},
	{"unparameterized-query", "workload", ADV_PAT_ALL,
	 "Literals inlined in the text make each call a new statement: "
	 "plan-cache bloat, compile CPU and an injection risk.",
	 "Use bind parameters (prepared statements)."},
	{"parameter-sensitive-plan", "workload", ADV_PAT_ALL,
	 "The same statement costs very different amounts from call to "
	 "call: one cached plan does not fit every parameter.",
	 "Look at the plans for the extreme parameters; consider "
	 "plan_cache_mode, separate statements or better statistics."},
	{"rows-examined-ratio", "workload", ADV_PAT_MY,
	 "The server examines far more rows than it returns: the index "
	 "does not match the predicate.",
	 "Index the filtered columns."},
	{"temp-spill-workload", "workload", ADV_PAT_ALL,
	 "The statement writes temporary files: sorts or hashes that did "
	 "not fit in memory.",
	 "Raise work_mem for it, or reduce the rows it sorts or hashes."},
};

static struct adv_pat_rule *all_rules;
static size_t nall_rules;

static const struct why_fix *find_why_fix(const char *id)
{
	size_t i;

	for (i = 0; i < sizeof(other_why_fix) / sizeof(other_why_fix[0]); i++) {
		if (strcmp(other_why_fix[i].id, id) == 0)
			return &other_why_fix[i];
	}
	return NULL;
}

static void add_rule(struct adv_pat_rule *r, size_t *alloc)
{
	ADV_ALLOC_GROW(all_rules, nall_rules + 1, *alloc);
	all_rules[nall_rules++] = *r;
}

static void build_rules(void)
{
	size_t alloc = 0;
	size_t t;
	size_t i;
	size_t n;
	const struct adv_plan_rule *pr;
	const struct adv_workload_rule *wr;

	if (all_rules != NULL)
		return;
	for (t = 0; t < sizeof(sql_tables) / sizeof(sql_tables[0]); t++) {
		const struct adv_pat_rule *r;

		for (r = sql_tables[t]; r->id != NULL; r++) {
			struct adv_pat_rule copy = *r;

			add_rule(&copy, &alloc);
		}
	}
	pr = adv_plan_rules(&n);
	for (i = 0; i < n; i++) {
		struct adv_pat_rule r;
		const struct why_fix *wf = find_why_fix(pr[i].id);
		size_t k;

		memset(&r, 0, sizeof(r));
		r.id = pr[i].id;
		r.category = "plan";
		r.dialects = wf != NULL ? wf->dialects : ADV_PAT_PG;
		r.severity = pr[i].severity;
		r.profile = pr[i].profile == ADV_PLAN_PROFILE_DEFAULT
				    ? ADV_PAT_PROFILE_DEFAULT
				    : ADV_PAT_PROFILE_EXTENDED;
		r.input = ADV_PAT_INPUT_PLAN;
		r.summary = pr[i].description;
		r.why = wf != NULL ? wf->why : NULL;
		r.fix = wf != NULL ? wf->fix : NULL;
		for (k = 0; k < ADV_PLAN_RULE_MAX_THRESHOLDS &&
			    pr[i].thresholds[k].name != NULL;
		     k++) {
			r.thresholds[k].name = pr[i].thresholds[k].name;
			r.thresholds[k].def = pr[i].thresholds[k].def;
			r.thresholds[k].description =
				pr[i].thresholds[k].description;
		}
		add_rule(&r, &alloc);
	}
	wr = adv_workload_rules(&n);
	for (i = 0; i < n; i++) {
		struct adv_pat_rule r;
		const struct why_fix *wf = find_why_fix(wr[i].id);
		size_t k;

		memset(&r, 0, sizeof(r));
		r.id = wr[i].id;
		r.category = "workload";
		r.dialects = wf != NULL ? wf->dialects : ADV_PAT_ALL;
		r.severity = wr[i].severity;
		r.profile = wr[i].profile == ADV_WORKLOAD_PROFILE_DEFAULT
				    ? ADV_PAT_PROFILE_DEFAULT
				    : ADV_PAT_PROFILE_EXTENDED;
		r.input = ADV_PAT_INPUT_WORKLOAD;
		r.summary = wr[i].description;
		r.why = wf != NULL ? wf->why : NULL;
		r.fix = wf != NULL ? wf->fix : NULL;
		for (k = 0; k < ADV_WORKLOAD_RULE_MAX_THRESHOLDS &&
			    k < ADV_PAT_MAX_THRESHOLDS &&
			    wr[i].thresholds[k].name != NULL;
		     k++) {
			r.thresholds[k].name = wr[i].thresholds[k].name;
			r.thresholds[k].def = wr[i].thresholds[k].def;
			r.thresholds[k].description =
				wr[i].thresholds[k].description;
		}
		add_rule(&r, &alloc);
	}
}

size_t adv_pat_rule_count(void)
{
	build_rules();
	return nall_rules;
}

const struct adv_pat_rule *adv_pat_rule_at(size_t i)
{
	build_rules();
	return i < nall_rules ? &all_rules[i] : NULL;
}

const struct adv_pat_rule *adv_pat_rule_find(const char *id, size_t *index)
{
	size_t i;

	build_rules();
	for (i = 0; i < nall_rules; i++) {
		if (strcmp(all_rules[i].id, id) == 0) {
			if (index != NULL)
				*index = i;
			return &all_rules[i];
		}
	}
	return NULL;
}

const char *adv_pat_dialect_code(enum adv_sql_dialect d)
{
	switch (d) {
	case ADV_DIALECT_MY:
		return "my";
	case ADV_DIALECT_MS:
		return "ms";
	default:
		return "pg";
	}
}

static unsigned dialect_bit(enum adv_sql_dialect d)
{
	switch (d) {
	case ADV_DIALECT_MY:
		return ADV_PAT_MY;
	case ADV_DIALECT_MS:
		return ADV_PAT_MS;
	default:
		return ADV_PAT_PG;
	}
}

/* ---- configuration ---- */

void adv_pat_config_init(struct adv_pat_config *cfg,
			 enum adv_pat_profile_sel profile)
{
	size_t i;
	size_t k;

	build_rules();
	cfg->nrules = nall_rules;
	cfg->enabled = adv_xcalloc(nall_rules, 1);
	cfg->thr = adv_xcalloc(nall_rules, sizeof(*cfg->thr));
	for (i = 0; i < nall_rules; i++) {
		const struct adv_pat_rule *r = &all_rules[i];

		cfg->enabled[i] = r->profile == ADV_PAT_PROFILE_DEFAULT ||
				  profile != ADV_PAT_SEL_DEFAULT;
		for (k = 0; k < ADV_PAT_MAX_THRESHOLDS &&
			    r->thresholds[k].name != NULL;
		     k++)
			cfg->thr[i][k] = r->thresholds[k].def;
	}
}

void adv_pat_config_release(struct adv_pat_config *cfg)
{
	free(cfg->enabled);
	free(cfg->thr);
	cfg->enabled = NULL;
	cfg->thr = NULL;
	cfg->nrules = 0;
}

enum adv_status adv_pat_config_enable(struct adv_pat_config *cfg,
				      const char *id, int on,
				      struct adv_error *err)
{
	size_t i;

	if (adv_pat_rule_find(id, &i) == NULL)
		return adv_error_set(err, ADV_EUSAGE, "unknown rule '%s'", id);
	cfg->enabled[i] = on != 0;
	return ADV_OK;
}

enum adv_status adv_pat_config_set(struct adv_pat_config *cfg,
				   const char *assignment,
				   struct adv_error *err)
{
	const char *eq = strchr(assignment, '=');
	const char *dot;
	char *id;
	const char *name;
	size_t i;
	size_t k;
	const struct adv_pat_rule *r;
	double v;
	char *end;

	if (eq == NULL)
		return adv_error_set(err, ADV_EUSAGE,
				     "'%s' is not RULE.NAME=VALUE", assignment);
	dot = memchr(assignment, '.', (size_t)(eq - assignment));
	if (dot == NULL)
		return adv_error_set(err, ADV_EUSAGE,
				     "'%s' is not RULE.NAME=VALUE", assignment);
	id = adv_xstrfmt("%.*s", (int)(dot - assignment), assignment);
	r = adv_pat_rule_find(id, &i);
	if (r == NULL) {
		enum adv_status st = adv_error_set(err, ADV_EUSAGE,
						   "unknown rule '%s' in '%s'",
						   id, assignment);

		free(id);
		return st;
	}
	free(id);
	name = dot + 1;
	for (k = 0; k < ADV_PAT_MAX_THRESHOLDS && r->thresholds[k].name != NULL;
	     k++) {
		size_t len = strlen(r->thresholds[k].name);

		if ((size_t)(eq - name) == len &&
		    strncmp(name, r->thresholds[k].name, len) == 0)
			break;
	}
	if (k == ADV_PAT_MAX_THRESHOLDS || r->thresholds[k].name == NULL)
		return adv_error_set(err, ADV_EUSAGE,
				     "rule '%s' has no threshold '%.*s'", r->id,
				     (int)(eq - name), name);
	v = strtod(eq + 1, &end);
	if (eq[1] == '\0' || *end != '\0' || !isfinite(v) || v < 0)
		return adv_error_set(
			err, ADV_EUSAGE,
			"invalid value '%s' for '%.*s': expected a "
			"number >= 0",
			eq + 1, (int)(eq - assignment), assignment);
	cfg->thr[i][k] = v;
	return ADV_OK;
}

const double *adv_pat_config_thresholds(const struct adv_pat_config *cfg,
					size_t i)
{
	return cfg->thr[i];
}

/* ---- the context ---- */

struct pending {
	struct adv_finding f;
	int at_line;
};

struct rule_memory {
	const void *key;
	void *mem;
	void (*release)(void *mem);
};

struct adv_pat_ctx {
	const struct adv_pat_config *cfg;
	enum adv_sql_dialect dialect;
	adv_pat_emit_fn emit;
	void *emit_data;

	/* the rule now running */
	size_t cur_rule;
	/* the statement now being checked */
	const struct adv_pat_stmt *cur_stmt;
	char *cur_ignore;
	char *cur_fp; /* statement fingerprint, computed on demand */
	struct pending *pend;
	size_t npend;
	size_t alloc_pend;

	/* state */
	struct adv_pat_table *tables;
	size_t ntables;
	size_t alloc_tables;
	/* tables by name: head[hash] is the newest table of that bucket,
	 * chain[i] the next older one (SIZE_MAX ends); rebuilt when the
	 * table list changed since */
	size_t *table_head;
	size_t *table_chain;
	size_t table_buckets;
	int tables_changed;
	int txn_depth;
	struct adv_pat_place txn_place;
	int lock_timeout;
	int statement_timeout;

	struct adv_buf copy; /* the statement being checked, NUL-terminated */
	/* the rules' own memory (adv_pat_rule_memory) */
	struct rule_memory *memory;
	size_t nmemory;
	size_t alloc_memory;
	struct adv_pat_stats stats;
	enum adv_status status;
	struct adv_error *err;
};

struct adv_pat_ctx *adv_pat_ctx_new(const struct adv_pat_config *cfg,
				    enum adv_sql_dialect dialect,
				    adv_pat_emit_fn emit, void *data)
{
	struct adv_pat_ctx *cx = adv_xcalloc(1, sizeof(*cx));

	cx->cfg = cfg;
	cx->dialect = dialect;
	cx->emit = emit;
	cx->emit_data = data;
	adv_buf_init(&cx->copy);
	return cx;
}

static void place_release(struct adv_pat_place *pl)
{
	free(pl->file);
	free(pl->queryid);
	free(pl->excerpt);
	free(pl->statement_fingerprint);
	free(pl->ignore);
	memset(pl, 0, sizeof(*pl));
}

static void place_copy(struct adv_pat_place *dst,
		       const struct adv_pat_place *src)
{
	dst->file = adv_xstrdup_or_null(src->file);
	dst->queryid = adv_xstrdup_or_null(src->queryid);
	dst->line = src->line;
	dst->column = src->column;
	dst->at_line = src->at_line;
	dst->at_column = src->at_column;
	dst->excerpt = adv_xstrdup_or_null(src->excerpt);
	dst->statement_fingerprint =
		adv_xstrdup_or_null(src->statement_fingerprint);
	dst->ignore = adv_xstrdup_or_null(src->ignore);
}

static void free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void index_release(struct adv_pat_index *ix)
{
	free(ix->name);
	free_strv(ix->cols, ix->ncols);
	free(ix->method);
	place_release(&ix->place);
}

static void fk_release(struct adv_pat_fk *fk)
{
	free(fk->name);
	free_strv(fk->cols, fk->ncols);
	free(fk->ref_schema);
	free(fk->ref_table);
	place_release(&fk->place);
}

static void table_release(struct adv_pat_table *t)
{
	size_t i;

	free(t->schema);
	free(t->name);
	for (i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free((char *)t->cols[i].type.name);
	}
	free(t->cols);
	for (i = 0; i < t->nidx; i++)
		index_release(&t->idx[i]);
	free(t->idx);
	for (i = 0; i < t->nfk; i++)
		fk_release(&t->fks[i]);
	free(t->fks);
	for (i = 0; i < t->nchecks; i++) {
		free(t->checks[i].name);
		free(t->checks[i].not_null_column);
	}
	free(t->checks);
	place_release(&t->place);
}

void adv_pat_ctx_free(struct adv_pat_ctx *cx)
{
	size_t i;

	if (cx == NULL)
		return;
	for (i = 0; i < cx->ntables; i++)
		table_release(&cx->tables[i]);
	free(cx->tables);
	free(cx->table_head);
	free(cx->table_chain);
	for (i = 0; i < cx->npend; i++)
		adv_finding_release(&cx->pend[i].f);
	free(cx->pend);
	place_release(&cx->txn_place);
	free(cx->cur_ignore);
	free(cx->cur_fp);
	adv_buf_release(&cx->copy);
	for (i = 0; i < cx->nmemory; i++) {
		if (cx->memory[i].release != NULL)
			cx->memory[i].release(cx->memory[i].mem);
		free(cx->memory[i].mem);
	}
	free(cx->memory);
	free(cx);
}

void *adv_pat_rule_memory(struct adv_pat_ctx *cx, const void *key, size_t size,
			  void (*release)(void *mem))
{
	struct rule_memory *m;
	size_t i;

	for (i = 0; i < cx->nmemory; i++) {
		if (cx->memory[i].key == key)
			return cx->memory[i].mem;
	}
	ADV_ALLOC_GROW(cx->memory, cx->nmemory + 1, cx->alloc_memory);
	m = &cx->memory[cx->nmemory++];
	m->key = key;
	m->mem = adv_xcalloc(1, size > 0 ? size : 1);
	m->release = release;
	return m->mem;
}

void adv_pat_stats(const struct adv_pat_ctx *cx, struct adv_pat_stats *out)
{
	*out = cx->stats;
}

enum adv_sql_dialect adv_pat_dialect(const struct adv_pat_ctx *cx)
{
	return cx->dialect;
}

void adv_pat_set_dialect(struct adv_pat_ctx *cx, enum adv_sql_dialect d)
{
	cx->dialect = d;
}

void adv_pat_walk_stmt(const struct adv_pat_stmt *st, unsigned how,
		       adv_ast_walk_fn fn, void *data)
{
	const struct adv_ast *n;

	for (n = st->root; n != NULL; n = n->next) {
		if (adv_ast_walk(n, how, fn, data) < 0)
			break;
	}
}

double adv_pat_thr(const struct adv_pat_ctx *cx, size_t i)
{
	if (i >= ADV_PAT_MAX_THRESHOLDS)
		return 0;
	return cx->cfg->thr[cx->cur_rule][i];
}

/* ---- risk ---- */

int adv_pat_risk(const enum adv_severity *sev, size_t n)
{
	/*
	 * Each finding removes a share of what is left of 100: one critical
	 * is 60, a high 35, a medium 15, a low 5, and they add up with
	 * diminishing returns, so that many lows never reach one critical.
	 */
	static const double weight[] = {0.0, 0.05, 0.15, 0.35, 0.60};
	double safe = 1.0;
	size_t i;

	for (i = 0; i < n; i++) {
		int s = (int)sev[i];

		if (s < 0 || s > ADV_SEV_CRITICAL)
			continue;
		safe *= 1.0 - weight[s];
	}
	return (int)lround(100.0 * (1.0 - safe));
}

/* ---- places and positions ---- */

/* Line and column of byte off of the statement text. */
static void text_position(const struct adv_pat_stmt *st, int off,
			  unsigned *line, unsigned *column)
{
	size_t end;
	size_t i;
	unsigned l = st->text_line;
	unsigned c = st->text_column;

	if (off < 0) {
		*line = st->line;
		*column = st->column;
		return;
	}
	end = (size_t)off < st->len ? (size_t)off : st->len;
	for (i = 0; i < end; i++) {
		unsigned char ch = (unsigned char)st->text[i];

		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*column = c;
}

#define EXCERPT_MAX 60

static char *excerpt_at(const struct adv_pat_stmt *st, int off)
{
	struct adv_buf b;
	size_t i;
	int space = 0;

	adv_buf_init(&b);
	i = off >= 0 && (size_t)off < st->len ? (size_t)off
					      : (st->len > 0 ? 0 : st->len);
	if (off < 0) {
		/* the statement from its first code token */
		i = 0;
		while (i < st->len && st->ntoks > 0) {
			size_t t;

			for (t = 0; t < st->ntoks; t++) {
				if (st->toks[t].kind != ADV_TOK_COMMENT &&
				    st->toks[t].kind != ADV_TOK_SPACE)
					break;
			}
			if (t < st->ntoks)
				i = st->toks[t].offset;
			break;
		}
	}
	for (; i < st->len && b.len < EXCERPT_MAX; i++) {
		unsigned char ch = (unsigned char)st->text[i];

		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			space = b.len > 0;
			continue;
		}
		if (ch < 0x20)
			continue;
		if (space) {
			adv_buf_addch(&b, ' ');
			space = 0;
		}
		adv_buf_addch(&b, (char)ch);
	}
	/* do not cut a UTF-8 sequence */
	while (b.len > 0 && i < st->len &&
	       ((unsigned char)st->text[i] & 0xC0) == 0x80) {
		while (b.len > 0 &&
		       ((unsigned char)b.data[b.len - 1] & 0xC0) == 0x80)
			b.len--;
		if (b.len > 0)
			b.len--;
		b.data[b.len] = '\0';
		break;
	}
	if (i < st->len && b.len >= EXCERPT_MAX)
		adv_buf_addstr(&b, "...");
	return adv_buf_detach(&b);
}

static const char *stmt_fingerprint(struct adv_pat_ctx *cx,
				    const struct adv_pat_stmt *st)
{
	struct adv_buf norm;
	uint64_t h;

	if (cx->cur_fp != NULL)
		return cx->cur_fp;
	adv_buf_init(&norm);
	adv_fp_percona(st->text, st->len, &norm);
	h = adv_fnv1a(ADV_FNV_OFFSET, norm.data, norm.len);
	adv_buf_release(&norm);
	cx->cur_fp = adv_xstrfmt("%016llx", (unsigned long long)h);
	return cx->cur_fp;
}

static void make_place(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
		       int loc, struct adv_pat_place *pl)
{
	memset(pl, 0, sizeof(*pl));
	pl->file = adv_xstrdup_or_null(st->file);
	pl->queryid = adv_xstrdup_or_null(st->queryid);
	pl->line = st->line;
	pl->column = st->column;
	text_position(st, loc, &pl->at_line, &pl->at_column);
	pl->excerpt = excerpt_at(st, loc);
	pl->statement_fingerprint = adv_xstrdup(stmt_fingerprint(cx, st));
	pl->ignore = adv_xstrdup_or_null(cx->cur_ignore);
}

/* Is rule id in an "ignore" list ("a, b" or "all")? */
static int ignored(const char *list, const char *id)
{
	const char *p = list;
	size_t len = strlen(id);

	if (list == NULL)
		return 0;
	while (*p != '\0') {
		size_t n;

		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		n = strcspn(p, " ,\t");
		if (n == 0)
			break;
		if ((n == len && strncmp(p, id, len) == 0) ||
		    (n == 3 && strncmp(p, "all", 3) == 0))
			return 1;
		p += n;
	}
	return 0;
}

static void build_finding(struct adv_pat_ctx *cx, const struct adv_pat_rule *r,
			  const struct adv_pat_place *pl, const char *schema,
			  const char *table, const char *message,
			  struct adv_finding *f)
{
	cJSON *at;
	char *ident;

	adv_finding_init(f, "ip-patterns", r->id, r->severity);
	adv_finding_set_object(f, schema, table, NULL);
	adv_finding_set_message(f, "%s", message);
	if (pl->file != NULL) {
		cJSON_AddStringToObject(f->evidence, "file", pl->file);
		cJSON_AddNumberToObject(f->evidence, "line", pl->line);
		cJSON_AddNumberToObject(f->evidence, "column", pl->column);
	}
	if (pl->queryid != NULL)
		cJSON_AddStringToObject(f->evidence, "queryid", pl->queryid);
	at = cJSON_AddObjectToObject(f->evidence, "at");
	cJSON_AddNumberToObject(at, "line", pl->at_line);
	cJSON_AddNumberToObject(at, "column", pl->at_column);
	if (pl->excerpt != NULL)
		cJSON_AddStringToObject(f->evidence, "excerpt", pl->excerpt);
	cJSON_AddStringToObject(f->evidence, "dialect",
				adv_pat_dialect_code(cx->dialect));
	if (r->why != NULL)
		cJSON_AddStringToObject(f->evidence, "why", r->why);
	if (r->fix != NULL)
		cJSON_AddStringToObject(f->evidence, "fix", r->fix);
	f->confidence = r->severity == ADV_SEV_INFO ? 1.0 : 0.9;
	/*
	 * The fingerprint names the statement by its normalized text, not
	 * by file and line, so that a baseline survives edits elsewhere in
	 * the file; the excerpt and the position inside the statement tell
	 * two findings of one rule in one statement apart.
	 */
	ident = adv_xstrfmt(
		"%s|%s|%s|%s|%u", r->id,
		pl->statement_fingerprint != NULL ? pl->statement_fingerprint
						  : "",
		pl->excerpt != NULL ? pl->excerpt : "",
		table != NULL ? table : "",
		pl->at_line >= pl->line ? pl->at_line - pl->line : 0u);
	adv_finding_compute_fingerprint(f, adv_pat_dialect_code(cx->dialect),
					ident);
	free(ident);
}

static void vreport(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
		    int loc, const char *schema, const char *table,
		    const char *fmt, va_list ap)
{
	const struct adv_pat_rule *r = &all_rules[cx->cur_rule];
	struct adv_pat_place pl;
	struct adv_buf msg;
	struct pending *p;

	adv_buf_init(&msg);
	adv_buf_vaddf(&msg, fmt, ap);
	make_place(cx, st, loc, &pl);
	ADV_ALLOC_GROW(cx->pend, cx->npend + 1, cx->alloc_pend);
	p = &cx->pend[cx->npend++];
	build_finding(cx, r, &pl, schema, table, msg.data, &p->f);
	p->at_line = (int)pl.at_line;
	place_release(&pl);
	adv_buf_release(&msg);
}

void adv_pat_report(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
		    int loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(cx, st, loc, NULL, NULL, fmt, ap);
	va_end(ap);
}

void adv_pat_report_table(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
			  int loc, const char *schema, const char *table,
			  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(cx, st, loc, schema, table, fmt, ap);
	va_end(ap);
}

static enum adv_status emit_one(struct adv_pat_ctx *cx, struct adv_finding *f,
				int risk)
{
	enum adv_status st;

	cJSON_AddNumberToObject(f->evidence, "risk", risk);
	if (risk > cx->stats.max_risk)
		cx->stats.max_risk = risk;
	cx->stats.findings++;
	st = cx->emit(cx->emit_data, f, cx->err);
	if (st != ADV_OK && cx->status == ADV_OK)
		cx->status = st;
	return st;
}

void adv_pat_report_at(struct adv_pat_ctx *cx, const struct adv_pat_place *pl,
		       const char *schema, const char *table, const char *fmt,
		       ...)
{
	const struct adv_pat_rule *r = &all_rules[cx->cur_rule];
	struct adv_finding f;
	struct adv_buf msg;
	va_list ap;
	enum adv_severity sev = r->severity;

	if (cx->status != ADV_OK || ignored(pl->ignore, r->id))
		return;
	adv_buf_init(&msg);
	va_start(ap, fmt);
	adv_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	build_finding(cx, r, pl, schema, table, msg.data, &f);
	emit_one(cx, &f, adv_pat_risk(&sev, 1));
	adv_finding_release(&f);
	adv_buf_release(&msg);
}

enum adv_status adv_pat_emit(struct adv_pat_ctx *cx, struct adv_finding *f,
			     struct adv_error *err)
{
	size_t i;
	const struct adv_pat_rule *r = adv_pat_rule_find(f->rule, &i);
	enum adv_severity sev = f->severity;

	cx->err = err;
	if (r != NULL && !cx->cfg->enabled[i])
		return ADV_OK;
	if (r != NULL) {
		if (r->why != NULL && !cJSON_HasObjectItem(f->evidence, "why"))
			cJSON_AddStringToObject(f->evidence, "why", r->why);
		if (r->fix != NULL && !cJSON_HasObjectItem(f->evidence, "fix"))
			cJSON_AddStringToObject(f->evidence, "fix", r->fix);
	}
	return emit_one(cx, f, adv_pat_risk(&sev, 1));
}

/* ---- script state ---- */

static int name_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static size_t name_bucket(const char *name, size_t buckets)
{
	if (buckets == 0)
		return 0;
	return (size_t)(adv_fnv1a(ADV_FNV_OFFSET, name, strlen(name)) %
			buckets);
}

/* Rebuilds the name index after tables were added or dropped. */
static void index_tables(struct adv_pat_ctx *cx)
{
	size_t i;

	if (!cx->tables_changed && cx->table_head != NULL)
		return;
	if (cx->table_head == NULL ||
	    cx->table_buckets < 2 * cx->ntables + 16) {
		cx->table_buckets = 4 * cx->ntables + 64;
		free(cx->table_head);
		cx->table_head =
			adv_xmalloc(cx->table_buckets * sizeof(size_t));
	}
	for (i = 0; i < cx->table_buckets; i++)
		cx->table_head[i] = SIZE_MAX;
	free(cx->table_chain);
	cx->table_chain = adv_xmalloc((cx->ntables + 1) * sizeof(size_t));
	for (i = 0; i < cx->ntables; i++) {
		size_t b = name_bucket(cx->tables[i].name, cx->table_buckets);

		cx->table_chain[i] = cx->table_head[b];
		cx->table_head[b] = i;
	}
	cx->tables_changed = 0;
}

/* The newest table of that name (and schema, when both name one). */
static struct adv_pat_table *find_table_mut(struct adv_pat_ctx *cx,
					    const char *schema,
					    const char *name)
{
	size_t i;

	if (name == NULL || cx->ntables == 0)
		return NULL;
	index_tables(cx);
	if (cx->table_head == NULL || cx->table_buckets == 0)
		return NULL;
	for (i = cx->table_head[name_bucket(name, cx->table_buckets)];
	     i != SIZE_MAX; i = cx->table_chain[i]) {
		struct adv_pat_table *t = &cx->tables[i];

		if (!name_eq(t->name, name))
			continue;
		if (schema != NULL && t->schema != NULL &&
		    !name_eq(schema, t->schema))
			continue;
		return t;
	}
	return NULL;
}

const struct adv_pat_table *adv_pat_find_table(const struct adv_pat_ctx *cx,
					       const char *schema,
					       const char *name)
{
	return find_table_mut((struct adv_pat_ctx *)cx, schema, name);
}

size_t adv_pat_table_count(const struct adv_pat_ctx *cx)
{
	return cx->ntables;
}

const struct adv_pat_table *adv_pat_table_at(const struct adv_pat_ctx *cx,
					     size_t i)
{
	return i < cx->ntables ? &cx->tables[i] : NULL;
}

const struct adv_pat_column *adv_pat_table_column(const struct adv_pat_table *t,
						  const char *name)
{
	size_t i;

	if (t == NULL || name == NULL)
		return NULL;
	for (i = 0; i < t->ncols; i++) {
		if (name_eq(t->cols[i].name, name))
			return &t->cols[i];
	}
	return NULL;
}

int adv_pat_txn_depth(const struct adv_pat_ctx *cx)
{
	return cx->txn_depth;
}

const struct adv_pat_place *adv_pat_txn_place(const struct adv_pat_ctx *cx)
{
	return cx->txn_depth > 0 ? &cx->txn_place : NULL;
}

int adv_pat_lock_timeout_set(const struct adv_pat_ctx *cx)
{
	return cx->lock_timeout;
}

int adv_pat_statement_timeout_set(const struct adv_pat_ctx *cx)
{
	return cx->statement_timeout;
}

static struct adv_pat_column *table_column_mut(struct adv_pat_table *t,
					       const char *name)
{
	return (struct adv_pat_column *)adv_pat_table_column(t, name);
}

static void add_column(struct adv_pat_table *t, const struct adv_ast *cd)
{
	struct adv_pat_column *c;

	if (cd->name == NULL || table_column_mut(t, cd->name) != NULL)
		return;
	t->cols = adv_xrealloc(t->cols, (t->ncols + 1) * sizeof(*t->cols));
	c = &t->cols[t->ncols++];
	c->name = adv_xstrdup(cd->name);
	c->type = cd->type;
	c->type.name = adv_xstrdup_or_null(cd->type.name);
	c->not_null =
		(cd->flags2 & (ADV_AST2_NOT_NULL | ADV_AST2_PRIMARY_KEY)) != 0;
}

static char **names_of(const struct adv_ast *list, size_t *n)
{
	char **v = NULL;
	size_t i = 0;

	*n = adv_ast_list_len(list);
	if (*n == 0)
		return NULL;
	v = adv_xcalloc(*n, sizeof(*v));
	for (; list != NULL; list = list->next, i++) {
		const struct adv_ast *e = list;

		if (e->kind == ADV_AST_SORT && e->args != NULL)
			e = e->args;
		if (e->kind == ADV_AST_COLUMN && e->name != NULL)
			v[i] = adv_xstrdup(e->name);
		else if (e->kind == ADV_AST_TARGET && e->name != NULL)
			v[i] = adv_xstrdup(e->name);
	}
	return v;
}

static void add_index(struct adv_pat_table *t, const char *name,
		      const struct adv_ast *keys, int unique, int primary,
		      int partial, int constraint, const char *method,
		      const struct adv_pat_place *pl)
{
	struct adv_pat_index *ix;

	t->idx = adv_xrealloc(t->idx, (t->nidx + 1) * sizeof(*t->idx));
	ix = &t->idx[t->nidx++];
	memset(ix, 0, sizeof(*ix));
	ix->name = adv_xstrdup_or_null(name);
	ix->cols = names_of(keys, &ix->ncols);
	ix->unique = unique;
	ix->primary = primary;
	ix->partial = partial;
	ix->constraint = constraint;
	ix->method = adv_xstrdup_or_null(method);
	place_copy(&ix->place, pl);
}

static void add_constraint(struct adv_pat_table *t, const struct adv_ast *c,
			   const struct adv_pat_place *pl)
{
	switch ((enum adv_cons_type)c->op) {
	case ADV_CONS_PRIMARY:
	case ADV_CONS_UNIQUE: {
		const struct adv_ast *k;

		if (c->op == ADV_CONS_PRIMARY) {
			for (k = c->cols; k != NULL; k = k->next) {
				struct adv_pat_column *col =
					table_column_mut(t, k->name);

				if (col != NULL)
					col->not_null = 1;
			}
		}
		add_index(t, c->value != NULL ? c->value : c->name, c->cols, 1,
			  c->op == ADV_CONS_PRIMARY, 0, 1, NULL, pl);
		break;
	}
	case ADV_CONS_FOREIGN: {
		struct adv_pat_fk *fk;

		t->fks = adv_xrealloc(t->fks, (t->nfk + 1) * sizeof(*t->fks));
		fk = &t->fks[t->nfk++];
		memset(fk, 0, sizeof(*fk));
		fk->name = adv_xstrdup_or_null(c->name);
		fk->cols = names_of(c->cols, &fk->ncols);
		if (c->table != NULL) {
			fk->ref_schema = adv_xstrdup_or_null(c->table->schema);
			fk->ref_table = adv_xstrdup_or_null(c->table->name);
		}
		place_copy(&fk->place, pl);
		break;
	}
	case ADV_CONS_CHECK: {
		struct adv_pat_check *ck;
		const struct adv_ast *e = c->args;

		t->checks = adv_xrealloc(t->checks,
					 (t->nchecks + 1) * sizeof(*t->checks));
		ck = &t->checks[t->nchecks++];
		memset(ck, 0, sizeof(*ck));
		ck->name = adv_xstrdup_or_null(c->name);
		if (e != NULL && e->kind == ADV_AST_NULLTEST &&
		    (e->flags & ADV_ASTF_NEGATED) != 0 && e->args != NULL &&
		    e->args->kind == ADV_AST_COLUMN)
			ck->not_null_column = adv_xstrdup(e->args->name);
		ck->validated = (c->flags2 & ADV_AST2_NOT_VALID) == 0;
		break;
	}
	case ADV_CONS_NOT_NULL: {
		const struct adv_ast *k;

		for (k = c->cols; k != NULL; k = k->next) {
			struct adv_pat_column *col =
				table_column_mut(t, k->name);

			if (col != NULL)
				col->not_null = 1;
		}
		break;
	}
	default:
		break;
	}
}

static void remove_index_named(struct adv_pat_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nidx; i++) {
		if (t->idx[i].name != NULL && name_eq(t->idx[i].name, name)) {
			index_release(&t->idx[i]);
			memmove(&t->idx[i], &t->idx[i + 1],
				(t->nidx - i - 1) * sizeof(*t->idx));
			t->nidx--;
			return;
		}
	}
}

static void remove_constraint_named(struct adv_pat_table *t, const char *name)
{
	size_t i;

	remove_index_named(t, name);
	for (i = 0; i < t->nfk; i++) {
		if (name_eq(t->fks[i].name, name)) {
			fk_release(&t->fks[i]);
			memmove(&t->fks[i], &t->fks[i + 1],
				(t->nfk - i - 1) * sizeof(*t->fks));
			t->nfk--;
			return;
		}
	}
	for (i = 0; i < t->nchecks; i++) {
		if (name_eq(t->checks[i].name, name)) {
			free(t->checks[i].name);
			free(t->checks[i].not_null_column);
			memmove(&t->checks[i], &t->checks[i + 1],
				(t->nchecks - i - 1) * sizeof(*t->checks));
			t->nchecks--;
			return;
		}
	}
}

static void drop_table(struct adv_pat_ctx *cx, struct adv_pat_table *t)
{
	size_t i = (size_t)(t - cx->tables);

	table_release(t);
	memmove(&cx->tables[i], &cx->tables[i + 1],
		(cx->ntables - i - 1) * sizeof(*cx->tables));
	cx->ntables--;
	cx->tables_changed = 1;
}

static void state_create_table(struct adv_pat_ctx *cx,
			       const struct adv_pat_stmt *st,
			       const struct adv_ast *n)
{
	struct adv_pat_table *t;
	struct adv_pat_place pl;
	const struct adv_ast *e;

	if (n->table == NULL || n->table->name == NULL)
		return;
	t = find_table_mut(cx, n->table->schema, n->table->name);
	if (t != NULL && (n->flags & ADV_ASTF_IF_NOT_EXISTS) != 0)
		return;
	if (t != NULL)
		drop_table(cx, t);
	ADV_ALLOC_GROW(cx->tables, cx->ntables + 1, cx->alloc_tables);
	t = &cx->tables[cx->ntables++];
	memset(t, 0, sizeof(*t));
	cx->tables_changed = 1;
	t->schema = adv_xstrdup_or_null(n->table->schema);
	t->name = adv_xstrdup(n->table->name);
	t->temporary = (n->flags & ADV_ASTF_TEMPORARY) != 0;
	make_place(cx, st, n->table->loc, &pl);
	place_copy(&t->place, &pl);
	for (e = n->coldefs; e != NULL; e = e->next)
		add_column(t, e);
	for (e = n->constraints; e != NULL; e = e->next)
		add_constraint(t, e, &pl);
	for (e = n->indexes; e != NULL; e = e->next) {
		struct adv_pat_place ipl;

		make_place(cx, st, e->loc, &ipl);
		add_index(t, e->name, e->args,
			  (e->flags & ADV_ASTF_UNIQUE) != 0, 0,
			  e->where != NULL, 0, e->value, &ipl);
		place_release(&ipl);
	}
	place_release(&pl);
}

static void state_create_index(struct adv_pat_ctx *cx,
			       const struct adv_pat_stmt *st,
			       const struct adv_ast *n)
{
	struct adv_pat_table *t;
	struct adv_pat_place pl;

	if (n->table == NULL)
		return;
	t = find_table_mut(cx, n->table->schema, n->table->name);
	if (t == NULL)
		return;
	if (n->name != NULL && (n->flags & ADV_ASTF_IF_NOT_EXISTS) != 0) {
		size_t i;

		for (i = 0; i < t->nidx; i++) {
			if (name_eq(t->idx[i].name, n->name))
				return;
		}
	}
	make_place(cx, st, n->loc, &pl);
	add_index(t, n->name, n->args, (n->flags & ADV_ASTF_UNIQUE) != 0, 0,
		  n->where != NULL, 0, n->value, &pl);
	place_release(&pl);
}

static void state_alter_table(struct adv_pat_ctx *cx,
			      const struct adv_pat_stmt *st,
			      const struct adv_ast *n)
{
	struct adv_pat_table *t;
	const struct adv_ast *c;

	if (n->table == NULL)
		return;
	t = find_table_mut(cx, n->table->schema, n->table->name);
	if (t == NULL)
		return;
	for (c = n->cmds; c != NULL; c = c->next) {
		struct adv_pat_column *col;
		struct adv_pat_place pl;

		switch ((enum adv_alter_type)c->op) {
		case ADV_ALTER_ADD_COLUMN:
			if (c->coldef != NULL) {
				const struct adv_ast *k;

				add_column(t, c->coldef);
				make_place(cx, st, c->loc, &pl);
				for (k = c->coldef->constraints; k != NULL;
				     k = k->next) {
					if (k->cols == NULL) {
						struct adv_ast tmp = *k;
						struct adv_ast colref;

						memset(&colref, 0,
						       sizeof(colref));
						colref.kind = ADV_AST_COLUMN;
						colref.name = c->coldef->name;
						tmp.cols = &colref;
						add_constraint(t, &tmp, &pl);
					} else {
						add_constraint(t, k, &pl);
					}
				}
				place_release(&pl);
			}
			break;
		case ADV_ALTER_DROP_COLUMN: {
			size_t i;

			for (i = 0; i < t->ncols; i++) {
				if (name_eq(t->cols[i].name, c->name)) {
					free(t->cols[i].name);
					free((char *)t->cols[i].type.name);
					memmove(&t->cols[i], &t->cols[i + 1],
						(t->ncols - i - 1) *
							sizeof(*t->cols));
					t->ncols--;
					break;
				}
			}
			break;
		}
		case ADV_ALTER_COLUMN_TYPE: {
			const struct adv_ast_type *ty =
				c->coldef != NULL ? &c->coldef->type : &c->type;
			const char *cname = c->coldef != NULL && c->name == NULL
						    ? c->coldef->name
						    : c->name;

			col = table_column_mut(t, cname);
			if (col != NULL) {
				free((char *)col->type.name);
				col->type = *ty;
				col->type.name = adv_xstrdup_or_null(ty->name);
				if (c->coldef != NULL &&
				    (c->coldef->flags2 & ADV_AST2_NOT_NULL) !=
					    0)
					col->not_null = 1;
			}
			break;
		}
		case ADV_ALTER_SET_NOT_NULL:
			col = table_column_mut(t, c->name);
			if (col != NULL)
				col->not_null = 1;
			break;
		case ADV_ALTER_DROP_NOT_NULL:
			col = table_column_mut(t, c->name);
			if (col != NULL)
				col->not_null = 0;
			break;
		case ADV_ALTER_ADD_CONSTRAINT:
			if (c->constraint != NULL) {
				make_place(cx, st, c->loc, &pl);
				add_constraint(t, c->constraint, &pl);
				place_release(&pl);
			}
			break;
		case ADV_ALTER_ADD_INDEX:
			if (c->constraint != NULL) {
				const struct adv_ast *ix = c->constraint;

				make_place(cx, st, c->loc, &pl);
				if (ix->kind == ADV_AST_CONSTRAINT)
					add_constraint(t, ix, &pl);
				else
					add_index(t, ix->name, ix->args,
						  (ix->flags &
						   ADV_ASTF_UNIQUE) != 0,
						  0, ix->where != NULL, 0,
						  ix->value, &pl);
				place_release(&pl);
			}
			break;
		case ADV_ALTER_VALIDATE_CONSTRAINT: {
			size_t i;

			for (i = 0; i < t->nchecks; i++) {
				if (name_eq(t->checks[i].name, c->name))
					t->checks[i].validated = 1;
			}
			break;
		}
		case ADV_ALTER_DROP_CONSTRAINT:
		case ADV_ALTER_DROP_FOREIGN_KEY:
		case ADV_ALTER_DROP_INDEX:
			if (c->name != NULL)
				remove_constraint_named(t, c->name);
			break;
		case ADV_ALTER_DROP_PRIMARY_KEY: {
			size_t i;

			for (i = 0; i < t->nidx; i++) {
				if (t->idx[i].primary) {
					index_release(&t->idx[i]);
					memmove(&t->idx[i], &t->idx[i + 1],
						(t->nidx - i - 1) *
							sizeof(*t->idx));
					t->nidx--;
					break;
				}
			}
			break;
		}
		case ADV_ALTER_RENAME_COLUMN:
			col = table_column_mut(t, c->name);
			if (col != NULL && c->alias != NULL) {
				free(col->name);
				col->name = adv_xstrdup(c->alias);
			}
			break;
		case ADV_ALTER_RENAME_TABLE: {
			const char *to =
				c->table != NULL ? c->table->name : c->alias;

			if (to != NULL) {
				free(t->name);
				t->name = adv_xstrdup(to);
				cx->tables_changed = 1;
				/* t may have moved: look it up again */
				t = find_table_mut(cx, NULL, to);
				if (t == NULL)
					return;
			}
			break;
		}
		default:
			break;
		}
	}
}

static void state_drop(struct adv_pat_ctx *cx, const struct adv_ast *n)
{
	const struct adv_ast *o;

	for (o = n->args; o != NULL; o = o->next) {
		if (n->op == ADV_OBJ_TABLE) {
			struct adv_pat_table *t =
				find_table_mut(cx, o->schema, o->name);

			if (t != NULL)
				drop_table(cx, t);
		} else if (n->op == ADV_OBJ_INDEX) {
			size_t i;

			for (i = 0; i < cx->ntables; i++) {
				if (n->table != NULL &&
				    !name_eq(cx->tables[i].name,
					     n->table->name))
					continue;
				remove_index_named(&cx->tables[i], o->name);
			}
		}
	}
}

static int value_nonzero(const char *v)
{
	const char *p;

	if (v == NULL)
		return 0;
	for (p = v; *p != '\0'; p++) {
		if (*p >= '1' && *p <= '9')
			return 1;
		if (*p != '0' && *p != '.' && *p != ' ' && *p != '\'')
			break;
	}
	/* "0", "0s", "'0'", "0ms" are off; anything else (DEFAULT...) not */
	for (p = v; *p != '\0'; p++) {
		if (*p >= '1' && *p <= '9')
			return 1;
	}
	return 0;
}

static void state_update(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
			 const struct adv_ast *n)
{
	for (; n != NULL; n = n->next) {
		switch (n->kind) {
		case ADV_AST_CREATE_TABLE:
			state_create_table(cx, st, n);
			break;
		case ADV_AST_CREATE_INDEX:
			state_create_index(cx, st, n);
			break;
		case ADV_AST_ALTER_TABLE:
			state_alter_table(cx, st, n);
			break;
		case ADV_AST_DROP:
			state_drop(cx, n);
			break;
		case ADV_AST_TRANSACTION:
			switch ((enum adv_txn_kind)n->op) {
			case ADV_TXN_BEGIN:
				if (cx->txn_depth == 0) {
					place_release(&cx->txn_place);
					make_place(cx, st, n->loc,
						   &cx->txn_place);
				}
				cx->txn_depth++;
				break;
			case ADV_TXN_COMMIT:
				/* T-SQL's COMMIT takes one level off
				 * @@TRANCOUNT; elsewhere it ends all */
				if (cx->dialect == ADV_DIALECT_MS &&
				    cx->txn_depth > 0)
					cx->txn_depth--;
				else
					cx->txn_depth = 0;
				break;
			case ADV_TXN_ROLLBACK:
			case ADV_TXN_PREPARE:
				cx->txn_depth = 0;
				break;
			default:
				break;
			}
			break;
		case ADV_AST_SET:
			if (n->name == NULL)
				break;
			if (strcmp(n->name, "lock_timeout") == 0 ||
			    strcmp(n->name, "lock_wait_timeout") == 0 ||
			    strcmp(n->name, "innodb_lock_wait_timeout") == 0)
				cx->lock_timeout =
					(n->flags & ADV_ASTF_RESET) == 0 &&
					value_nonzero(n->value);
			else if (strcmp(n->name, "statement_timeout") == 0 ||
				 strcmp(n->name, "max_execution_time") == 0 ||
				 strcmp(n->name, "max_statement_time") == 0)
				cx->statement_timeout =
					(n->flags & ADV_ASTF_RESET) == 0 &&
					value_nonzero(n->value);
			break;
		case ADV_AST_OTHER:
			/* a T-SQL block: its statements count too */
			state_update(cx, st, n->sub);
			break;
		default:
			break;
		}
	}
}

/* ---- running the rules over a statement ---- */

static void rule_parse_error(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st)
{
	(void)cx;
	(void)st;
	/* reported by the engine when the parse fails */
}

/* A parser message as one line of at most 120 bytes: the message may
 * quote an unterminated string with its newlines. */
static char *one_line(const char *msg)
{
	struct adv_buf b;
	const char *p;

	adv_buf_init(&b);
	for (p = msg; *p != '\0' && b.len < 120; p++) {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20)
			c = ' ';
		if (c == ' ' && b.len > 0 && b.data[b.len - 1] == ' ')
			continue;
		adv_buf_addch(&b, (char)c);
	}
	if (*p != '\0') {
		/* do not end inside a UTF-8 sequence */
		while (b.len > 0 &&
		       ((unsigned char)b.data[b.len - 1] & 0xC0) == 0x80)
			b.len--;
		if (b.len > 0 && ((unsigned char)b.data[b.len - 1] & 0x80))
			b.len--;
		b.data[b.len] = '\0';
		adv_buf_addstr(&b, "...");
	}
	return adv_buf_detach(&b);
}

/* Appends the list of an "ip-patterns: ignore a, b" in comment [s, end). */
static void ignore_list(const char *s, const char *end, struct adv_buf *b)
{
	static const char marker[] = "ip-patterns:";
	const char *m;

	for (m = s; m + sizeof(marker) - 1 <= end; m++) {
		if (strncmp(m, marker, sizeof(marker) - 1) == 0)
			break;
	}
	if (m + sizeof(marker) - 1 > end)
		return;
	m += sizeof(marker) - 1;
	while (m < end && (*m == ' ' || *m == '\t'))
		m++;
	if (end - m < 6 || strncmp(m, "ignore", 6) != 0)
		return;
	m += 6;
	while (m < end) {
		if (*m == '\n' || *m == '\r' ||
		    (*m == '*' && m + 1 < end && m[1] == '/'))
			break;
		adv_buf_addch(b, *m == '\t' ? ' ' : *m);
		m++;
	}
	adv_buf_addch(b, ',');
}

/*
 * The inline "-- ip-patterns: ignore a, b" lists of a statement: in its
 * comments and in the one after its terminator on the same line.
 */
static char *inline_ignores(const struct adv_pat_stmt *st)
{
	struct adv_buf b;
	size_t i;

	adv_buf_init(&b);
	for (i = 0; i < st->ntoks; i++) {
		const struct adv_sql_token *t = &st->toks[i];
		const char *s = st->text + t->offset;

		if (t->kind == ADV_TOK_COMMENT)
			ignore_list(s, s + t->length, &b);
	}
	if (st->note != NULL)
		ignore_list(st->note, st->note + st->note_len, &b);
	if (b.len == 0) {
		adv_buf_release(&b);
		return NULL;
	}
	return adv_buf_detach(&b);
}

static int cmp_pending(const void *a, const void *b)
{
	const struct pending *x = a;
	const struct pending *y = b;
	const cJSON *ax = cJSON_GetObjectItemCaseSensitive(x->f.evidence, "at");
	const cJSON *ay = cJSON_GetObjectItemCaseSensitive(y->f.evidence, "at");
	double lx = cJSON_GetNumberValue(
		cJSON_GetObjectItemCaseSensitive(ax, "line"));
	double ly = cJSON_GetNumberValue(
		cJSON_GetObjectItemCaseSensitive(ay, "line"));
	double cx = cJSON_GetNumberValue(
		cJSON_GetObjectItemCaseSensitive(ax, "column"));
	double cy = cJSON_GetNumberValue(
		cJSON_GetObjectItemCaseSensitive(ay, "column"));
	int r;

	if (lx != ly)
		return lx < ly ? -1 : 1;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	r = strcmp(x->f.rule, y->f.rule);
	return r;
}

static enum adv_status flush_pending(struct adv_pat_ctx *cx)
{
	enum adv_severity sev[64];
	size_t nsev = 0;
	size_t i;
	int risk;

	if (cx->npend == 0)
		return cx->status;
	/* stable report order: by place, then rule */
	qsort(cx->pend, cx->npend, sizeof(*cx->pend), cmp_pending);
	for (i = 0; i < cx->npend && nsev < 64; i++)
		sev[nsev++] = cx->pend[i].f.severity;
	risk = adv_pat_risk(sev, nsev);
	for (i = 0; i < cx->npend; i++) {
		if (cx->status == ADV_OK)
			emit_one(cx, &cx->pend[i].f, risk);
		adv_finding_release(&cx->pend[i].f);
	}
	cx->npend = 0;
	return cx->status;
}

static enum adv_status check_statement(struct adv_pat_ctx *cx,
				       struct adv_pat_stmt *st)
{
	struct adv_ast_parse parse;
	struct adv_sql_tokens toks;
	struct adv_error lexerr = {0};
	unsigned bit = dialect_bit(cx->dialect);
	size_t i;

	cx->stats.statements++;
	adv_sql_tokens_init(&toks);
	(void)adv_sql_tokenize(st->text, st->len, st->dialect, 0, &toks,
			       &lexerr);
	st->toks = toks.items;
	st->ntoks = toks.nr;
	if (st->ntoks > 0) {
		st->text_line = st->line - (st->toks[0].line - 1);
		/* the first token of the text may be a comment above */
		if (st->toks[0].line == 1 && st->line == st->text_line)
			st->text_column = st->column;
		else
			st->text_column = 1;
		for (i = 0; i < st->ntoks; i++) {
			if (st->toks[i].kind != ADV_TOK_COMMENT) {
				st->text_line =
					st->line - (st->toks[i].line - 1);
				st->text_column =
					st->toks[i].line == 1
						? st->column -
							  (st->toks[i].column -
							   1)
						: 1;
				break;
			}
		}
	} else {
		st->text_line = st->line;
		st->text_column = st->column;
	}
	free(cx->cur_ignore);
	cx->cur_ignore = inline_ignores(st);
	free(cx->cur_fp);
	cx->cur_fp = NULL;
	cx->cur_stmt = st;

	adv_ast_parse_init(&parse);
	if (adv_ast_parse(st->text, st->len, st->dialect, &parse) != ADV_OK) {
		size_t pe;

		cx->stats.parse_errors++;
		/*
		 * A statement record's text ran on the server: when our
		 * parser refuses it (pg_stat_statements keeps PL/pgSQL
		 * conditions such as "IF EXISTS (...)" as statements), that
		 * is no finding for the user, only a count.
		 */
		if (st->queryid == NULL &&
		    adv_pat_rule_find("parse-error", &pe) != NULL &&
		    cx->cfg->enabled[pe] &&
		    !ignored(cx->cur_ignore, "parse-error")) {
			static const char *const names[] = {
				"PostgreSQL", "MySQL", "SQL Server"};

			char *msg =
				one_line(parse.error != NULL ? parse.error
							     : "syntax error");
			const struct adv_sql_token *odd = NULL;
			size_t k;

			/* a pasted no-break space or curly quote is a
			 * likely cause: name it */
			for (k = 0; k < st->ntoks && odd == NULL; k++) {
				if (st->toks[k].kind == ADV_TOK_SUSPICIOUS)
					odd = &st->toks[k];
			}
			cx->cur_rule = pe;
			if (odd != NULL)
				adv_pat_report(
					cx, st, parse.error_loc,
					"statement does not parse as %s: %s "
					"(it holds an invisible or look-alike "
					"character at line %u, column %u)",
					names[st->dialect], msg,
					st->text_line + odd->line - 1,
					odd->line == 1 ? st->text_column +
								 odd->column - 1
						       : odd->column);
			else
				adv_pat_report(
					cx, st, parse.error_loc,
					"statement does not parse as %s: %s",
					names[st->dialect], msg);
			free(msg);
		}
	} else {
		st->root = parse.stmts;
		for (i = 0; i < cx->cfg->nrules; i++) {
			const struct adv_pat_rule *r = &all_rules[i];

			if (!cx->cfg->enabled[i] ||
			    (r->check == NULL && r->walk == NULL) ||
			    r->input != ADV_PAT_INPUT_SQL ||
			    (r->dialects & bit) == 0 ||
			    ignored(cx->cur_ignore, r->id))
				continue;
			cx->cur_rule = i;
			if (r->check != NULL) {
				r->check(cx, st);
			} else {
				struct adv_pat_walk w = {cx, st};

				adv_pat_walk_stmt(st, 0, r->walk, &w);
			}
		}
	}
	/* drop findings of ignored rules reported through other rules */
	flush_pending(cx);
	/*
	 * Statement records are not a script: pg_stat_statements lists them
	 * in no particular order, so one does not set the stage for the
	 * next (a CREATE TABLE recorded after the CREATE INDEX on it).
	 */
	if (st->root != NULL && st->queryid == NULL)
		state_update(cx, st, st->root);
	/* the state copies what it keeps: the tree goes with the
	 * statement, so memory does not grow with the input */
	adv_ast_parse_release(&parse);
	st->root = NULL;
	adv_sql_tokens_release(&toks);
	cx->cur_stmt = NULL;
	return cx->status;
}

enum adv_status adv_pat_check_text(struct adv_pat_ctx *cx, const char *file,
				   const char *queryid, const char *text,
				   size_t len, const char *note,
				   size_t note_len, unsigned line,
				   unsigned column, struct adv_error *err)
{
	struct adv_pat_stmt st;

	cx->err = err;
	if (cx->status != ADV_OK)
		return cx->status;
	adv_buf_reset(&cx->copy);
	adv_buf_add(&cx->copy, text, len);
	memset(&st, 0, sizeof(st));
	st.file = file;
	st.queryid = queryid;
	st.text = cx->copy.data;
	st.len = cx->copy.len;
	st.note = note;
	st.note_len = note_len;
	st.line = line;
	st.column = column;
	st.dialect = cx->dialect;
	st.index = cx->stats.statements;
	return check_statement(cx, &st);
}

enum adv_status adv_pat_check_script(struct adv_pat_ctx *cx, const char *file,
				     const char *text, size_t len,
				     struct adv_error *err)
{
	struct adv_sql_splitter sp;
	struct adv_sql_statement s;

	cx->err = err;
	adv_sql_splitter_init(&sp, text, len, cx->dialect, 0);
	while (cx->status == ADV_OK && adv_sql_splitter_next(&sp, &s, NULL))
		adv_pat_check_text(cx, file, NULL, text + s.offset, s.length,
				   text + s.note_offset, s.note_length, s.line,
				   s.column, err);
	return cx->status;
}

enum adv_status adv_pat_check_query(struct adv_pat_ctx *cx, const char *queryid,
				    const char *text, struct adv_error *err)
{
	struct adv_sql_lexer lx;
	struct adv_sql_token tok;
	size_t len = strlen(text);
	unsigned line = 1;
	unsigned column = 1;

	/* the first code token, as the splitter would say */
	adv_sql_lexer_init(&lx, text, len, cx->dialect, 0);
	while (adv_sql_lexer_next(&lx, &tok) != ADV_TOK_END) {
		if (tok.kind != ADV_TOK_COMMENT && tok.kind != ADV_TOK_HINT) {
			line = tok.line;
			column = tok.column;
			break;
		}
	}
	return adv_pat_check_text(cx, NULL, queryid, text, len, NULL, 0, line,
				  column, err);
}

enum adv_status adv_pat_finish(struct adv_pat_ctx *cx, struct adv_error *err)
{
	unsigned bit = dialect_bit(cx->dialect);
	size_t i;

	cx->err = err;
	for (i = 0; i < cx->cfg->nrules && cx->status == ADV_OK; i++) {
		const struct adv_pat_rule *r = &all_rules[i];

		if (!cx->cfg->enabled[i] || r->finish == NULL ||
		    (r->dialects & bit) == 0)
			continue;
		cx->cur_rule = i;
		r->finish(cx);
	}
	return cx->status;
}

/* ---- helpers for rules ---- */

int adv_pat_ieq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return 0;
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;

		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int volatile_function(const char *name)
{
	static const char *const v[] = {"random",
					"rand",
					"newid",
					"uuid",
					"gen_random_uuid",
					"uuid_generate_v4",
					"clock_timestamp",
					"timeofday",
					"nextval",
					"sysdate",
					"uuid_short",
					"setval",
					NULL};
	size_t i;

	for (i = 0; v[i] != NULL; i++) {
		if (name != NULL && strcmp(name, v[i]) == 0)
			return 1;
	}
	return 0;
}

int adv_pat_is_constant(const struct adv_ast *e)
{
	const struct adv_ast *a;

	if (e == NULL)
		return 0;
	switch (e->kind) {
	case ADV_AST_CONST:
	case ADV_AST_PARAM:
	case ADV_AST_VARIABLE:
	case ADV_AST_DEFAULT:
		return 1;
	case ADV_AST_CAST:
	case ADV_AST_OP:
	case ADV_AST_LIST:
	case ADV_AST_AND:
	case ADV_AST_OR:
	case ADV_AST_NOT:
		for (a = e->args; a != NULL; a = a->next) {
			if (!adv_pat_is_constant(a))
				return 0;
		}
		return 1;
	case ADV_AST_FUNC:
		if ((e->flags2 & ADV_AST2_BUILTIN) == 0 ||
		    (e->flags2 & ADV_AST2_AGGREGATE) != 0 ||
		    volatile_function(e->name))
			return 0;
		for (a = e->args; a != NULL; a = a->next) {
			if (!adv_pat_is_constant(a))
				return 0;
		}
		return 1;
	case ADV_AST_EXPR:
		if (e->value != NULL && strcmp(e->value, "interval") == 0) {
			for (a = e->args; a != NULL; a = a->next) {
				if (!adv_pat_is_constant(a))
					return 0;
			}
			return 1;
		}
		return 0;
	default:
		return 0;
	}
}

static int find_kind_fn(const struct adv_ast *node,
			const struct adv_ast_path *path, void *data)
{
	const enum adv_ast_kind *kind = data;

	(void)path;
	if (node->kind == *kind)
		return -1;
	return 0;
}

int adv_pat_has_column(const struct adv_ast *e)
{
	enum adv_ast_kind k = ADV_AST_COLUMN;

	return adv_ast_walk(e, ADV_WALK_NO_SUBQUERY, find_kind_fn, &k) < 0;
}

static int find_agg_fn(const struct adv_ast *node,
		       const struct adv_ast_path *path, void *data)
{
	(void)path;
	(void)data;
	if (node->kind == ADV_AST_FUNC &&
	    (node->flags2 & ADV_AST2_AGGREGATE) != 0 &&
	    (node->flags2 & ADV_AST2_WINDOW) == 0)
		return -1;
	return 0;
}

int adv_pat_has_aggregate(const struct adv_ast *e)
{
	return adv_ast_walk(e, ADV_WALK_NO_SUBQUERY, find_agg_fn, NULL) < 0;
}
