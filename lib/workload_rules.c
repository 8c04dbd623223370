#include "workload_rules.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sqltext.h"
#include "banned.h"

#define TOOL "ip-patterns"

/* How much of a statement's text a message quotes. */
#define MESSAGE_TEXT_MAX 60
/* How many member statements an unparameterized-query finding lists. */
#define EXAMPLES_MAX 3

void adv_workload_findings_init(struct adv_workload_findings *list)
{
	memset(list, 0, sizeof(*list));
}

void adv_workload_findings_release(struct adv_workload_findings *list)
{
	size_t i;

	for (i = 0; i < list->nr; i++)
		adv_finding_release(&list->items[i].f);
	free(list->items);
	memset(list, 0, sizeof(*list));
}

static struct adv_finding *new_finding(struct adv_workload_findings *out,
				       const struct adv_workload_rule *rule,
				       const struct adv_model_snapshot *snap)
{
	struct adv_workload_finding *item;

	ADV_ALLOC_GROW(out->items, out->nr + 1, out->alloc);
	item = &out->items[out->nr++];
	memset(item, 0, sizeof(*item));
	adv_finding_init(&item->f, TOOL, rule->id, rule->severity);
	item->snap = snap;
	return &item->f;
}

/*
 * key tells two findings of one rule on one table apart (the child
 * statement's queryid, the fingerprint of a group): without it two N+1
 * pairs reading the same table would share a fingerprint, and a baseline
 * taken with one would hide the other.
 */
static void finish_finding(struct adv_finding *f,
			   const struct adv_model_snapshot *snap,
			   const char *key)
{
	char *db = adv_xstrfmt(
		"%s|%s", snap->src.database != NULL ? snap->src.database : "",
		key != NULL ? key : "");

	adv_finding_compute_fingerprint(f, snap->src.engine, db);
	free(db);
}

/* The mean time of one call: the recorded mean, else total / calls. */
static double mean_ms(const struct adv_model_statement *st)
{
	if (st->has_mean_ms)
		return st->mean_ms;
	return st->calls > 0 ? st->total_ms / st->calls : 0;
}

/* The text for a message: whitespace runs as one space, cut at
 * MESSAGE_TEXT_MAX bytes with "..." (caller frees). */
static char *short_text(const char *query)
{
	struct adv_buf b;
	const char *p;
	int space = 0;

	adv_buf_init(&b);
	for (p = query; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = b.len > 0;
			continue;
		}
		if (b.len >= MESSAGE_TEXT_MAX) {
			adv_buf_addstr(&b, "...");
			break;
		}
		if (space)
			adv_buf_addch(&b, ' ');
		space = 0;
		adv_buf_addch(&b, *p);
	}
	return adv_buf_detach(&b);
}

static cJSON *statement_json(const struct adv_model_statement *st)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "queryid",
				st->queryid != NULL ? st->queryid : "");
	cJSON_AddNumberToObject(o, "calls", st->calls);
	cJSON_AddNumberToObject(o, "rows", st->rows);
	cJSON_AddNumberToObject(o, "mean_ms", mean_ms(st));
	if (st->query != NULL)
		cJSON_AddStringToObject(o, "query", st->query);
	else
		cJSON_AddNullToObject(o, "query");
	return o;
}

/* ---- parse tree helpers --------------------------------------------- */

/* The only node of a one-key object such as {"ColumnRef": {...}}. */
static const cJSON *node_of(const cJSON *n, const char *type)
{
	if (!cJSON_IsObject(n))
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(n, type);
}

static const char *string_node(const cJSON *n)
{
	const cJSON *s = node_of(n, "String");
	const cJSON *v;

	if (s == NULL)
		return NULL;
	v = cJSON_GetObjectItemCaseSensitive(s, "sval");
	if (v == NULL)
		v = cJSON_GetObjectItemCaseSensitive(s, "str");
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Whether a where-clause term is "column = $n" (either side). */
static int is_column_eq_param(const cJSON *term)
{
	const cJSON *e = node_of(term, "A_Expr");
	const cJSON *kind, *name, *l, *r;

	if (e == NULL)
		return 0;
	kind = cJSON_GetObjectItemCaseSensitive(e, "kind");
	if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "AEXPR_OP") != 0)
		return 0;
	name = cJSON_GetObjectItemCaseSensitive(e, "name");
	if (cJSON_GetArraySize(name) != 1)
		return 0;
	if (string_node(cJSON_GetArrayItem(name, 0)) == NULL ||
	    strcmp(string_node(cJSON_GetArrayItem(name, 0)), "=") != 0)
		return 0;
	l = cJSON_GetObjectItemCaseSensitive(e, "lexpr");
	r = cJSON_GetObjectItemCaseSensitive(e, "rexpr");
	if (node_of(l, "ColumnRef") != NULL && node_of(r, "ParamRef") != NULL)
		return 1;
	if (node_of(r, "ColumnRef") != NULL && node_of(l, "ParamRef") != NULL)
		return 1;
	return 0;
}

/*
 * The statement of a parse tree's first entry, seen through PREPARE name
 * AS query: pg_stat_statements keeps an SQL-level prepared statement
 * under its PREPARE text, and its EXECUTEs count as its calls.
 */
static const cJSON *first_stmt(const cJSON *tree)
{
	const cJSON *stmts = cJSON_GetObjectItemCaseSensitive(tree, "stmts");
	const cJSON *stmt = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetArrayItem(stmts, 0), "stmt");
	const cJSON *prep = node_of(stmt, "PrepareStmt");

	if (prep != NULL)
		return cJSON_GetObjectItemCaseSensitive(prep, "query");
	return stmt;
}

/*
 * Whether query is a point lookup: one SELECT over one table whose WHERE
 * is "col = $n" or an AND of such terms (an IN or ANY list is not). On
 * success *schema and *table are set (the caller frees them).
 */
static int point_lookup(const char *query, char **schema, char **table)
{
	struct adv_error err;
	cJSON *tree = NULL;
	const cJSON *stmts, *sel, *from, *rv, *where, *bool_expr, *v;
	int ok = 0;

	*schema = NULL;
	*table = NULL;
	adv_error_init(&err);
	if (adv_sql_parse(query, &tree, &err) != ADV_OK)
		return 0;
	stmts = cJSON_GetObjectItemCaseSensitive(tree, "stmts");
	if (cJSON_GetArraySize(stmts) != 1)
		goto cleanup;
	sel = node_of(first_stmt(tree), "SelectStmt");
	if (sel == NULL)
		goto cleanup;
	/* set operations and VALUES lists are not lookups */
	v = cJSON_GetObjectItemCaseSensitive(sel, "op");
	if (cJSON_IsString(v) && strcmp(v->valuestring, "SETOP_NONE") != 0)
		goto cleanup;
	if (cJSON_GetObjectItemCaseSensitive(sel, "valuesLists") != NULL)
		goto cleanup;
	from = cJSON_GetObjectItemCaseSensitive(sel, "fromClause");
	if (cJSON_GetArraySize(from) != 1)
		goto cleanup;
	rv = node_of(cJSON_GetArrayItem(from, 0), "RangeVar");
	if (rv == NULL)
		goto cleanup;
	where = cJSON_GetObjectItemCaseSensitive(sel, "whereClause");
	if (where == NULL)
		goto cleanup;
	bool_expr = node_of(where, "BoolExpr");
	if (bool_expr != NULL) {
		const cJSON *op =
			cJSON_GetObjectItemCaseSensitive(bool_expr, "boolop");
		const cJSON *args =
			cJSON_GetObjectItemCaseSensitive(bool_expr, "args");
		const cJSON *arg;

		if (!cJSON_IsString(op) ||
		    strcmp(op->valuestring, "AND_EXPR") != 0 ||
		    cJSON_GetArraySize(args) < 1)
			goto cleanup;
		cJSON_ArrayForEach (arg, args) {
			if (!is_column_eq_param(arg))
				goto cleanup;
		}
	} else if (!is_column_eq_param(where)) {
		goto cleanup;
	}
	v = cJSON_GetObjectItemCaseSensitive(rv, "schemaname");
	*schema =
		adv_xstrdup_or_null(cJSON_IsString(v) ? v->valuestring : NULL);
	v = cJSON_GetObjectItemCaseSensitive(rv, "relname");
	*table = adv_xstrdup_or_null(cJSON_IsString(v) ? v->valuestring : NULL);
	ok = 1;
cleanup:
	cJSON_Delete(tree);
	return ok;
}

/* The first relation a statement reads, for a finding's object (NULL when
 * the text does not parse or names none); the caller frees both. */
static void first_relation(const char *query, char **schema, char **table)
{
	struct adv_error err;
	cJSON *tree = NULL;
	const cJSON *stmt, *sel, *rv, *v;

	*schema = NULL;
	*table = NULL;
	adv_error_init(&err);
	if (adv_sql_parse(query, &tree, &err) != ADV_OK)
		return;
	stmt = first_stmt(tree);
	sel = node_of(stmt, "SelectStmt");
	rv = NULL;
	if (sel != NULL)
		rv = node_of(
			cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
						   sel, "fromClause"),
					   0),
			"RangeVar");
	else if (cJSON_IsObject(stmt) && stmt->child != NULL)
		/* INSERT, UPDATE and DELETE name theirs as "relation" */
		rv = node_of(cJSON_GetObjectItemCaseSensitive(stmt->child,
							      "relation"),
			     "RangeVar");
	if (rv != NULL) {
		v = cJSON_GetObjectItemCaseSensitive(rv, "schemaname");
		*schema = adv_xstrdup_or_null(cJSON_IsString(v) ? v->valuestring
								: NULL);
		v = cJSON_GetObjectItemCaseSensitive(rv, "relname");
		*table = adv_xstrdup_or_null(cJSON_IsString(v) ? v->valuestring
							       : NULL);
	}
	cJSON_Delete(tree);
}

/* ---- n-plus-one-query ----------------------------------------------- */

enum {
	NP_MIN_CHILD_CALLS,
	NP_MIN_CALLS_RATIO,
	NP_MAX_ROWS_PER_CALL,
	NP_MIN_CALLS_PER_PARENT_ROW,
	NP_MAX_CALLS_PER_PARENT_ROW,
	NP_MAX_MEAN_MS
};

static enum adv_status check_n_plus_one(const struct adv_workload_rule *rule,
					const struct adv_model_snapshot *snap,
					const double *thr,
					struct adv_workload_findings *out,
					struct adv_error *err)
{
	size_t i, j;

	(void)err;
	for (i = 0; i < snap->nstatements; i++) {
		const struct adv_model_statement *c = snap->statements[i];
		const struct adv_model_statement *best = NULL;
		double best_distance = 0;
		char *schema = NULL, *table = NULL;
		char *ctext, *ptext;
		struct adv_finding *f;
		cJSON *ev;

		if (c->query == NULL || c->calls <= 0 ||
		    c->calls < thr[NP_MIN_CHILD_CALLS] ||
		    c->rows / c->calls > thr[NP_MAX_ROWS_PER_CALL] ||
		    !(mean_ms(c) < thr[NP_MAX_MEAN_MS]))
			continue;
		for (j = 0; j < snap->nstatements; j++) {
			const struct adv_model_statement *p =
				snap->statements[j];
			double per_row, distance;

			if (j == i || p->query == NULL || p->calls <= 0 ||
			    p->rows <= 0 ||
			    c->calls < thr[NP_MIN_CALLS_RATIO] * p->calls)
				continue;
			per_row = c->calls / p->rows;
			if (per_row < thr[NP_MIN_CALLS_PER_PARENT_ROW] ||
			    per_row > thr[NP_MAX_CALLS_PER_PARENT_ROW])
				continue;
			/* the parent whose rows match the calls best */
			distance = fabs(log(per_row));
			if (best == NULL || distance < best_distance) {
				best = p;
				best_distance = distance;
			}
		}
		if (best == NULL || !point_lookup(c->query, &schema, &table)) {
			free(schema);
			free(table);
			continue;
		}
		f = new_finding(out, rule, snap);
		adv_finding_set_object(f, schema, table, NULL);
		ctext = short_text(c->query);
		ptext = short_text(best->query);
		adv_finding_set_message(
			f,
			"statement %s (%s) runs %.0f times, once per row of statement %s (%s): N+1 point lookups",
			c->queryid != NULL ? c->queryid : "?", ctext, c->calls,
			best->queryid != NULL ? best->queryid : "?", ptext);
		free(ctext);
		free(ptext);
		ev = f->evidence;
		cJSON_AddItemToObject(ev, "parent", statement_json(best));
		cJSON_AddItemToObject(ev, "child", statement_json(c));
		cJSON_AddNumberToObject(ev, "calls_ratio",
					c->calls / best->calls);
		cJSON_AddNumberToObject(ev, "calls_per_parent_row",
					c->calls / best->rows);
		cJSON_AddNumberToObject(ev, "rows_per_call",
					c->rows / c->calls);
		finish_finding(f, snap, c->queryid);
		free(schema);
		free(table);
	}
	return ADV_OK;
}

/* ---- unparameterized-query ------------------------------------------ */

enum { UP_MIN_DISTINCT, UP_MAX_CALLS };

struct fp_entry {
	char fp[17];
	const struct adv_model_statement *st;
};

static int cmp_fp_entry(const void *a, const void *b)
{
	const struct fp_entry *x = a;
	const struct fp_entry *y = b;
	int c = strcmp(x->fp, y->fp);

	if (c == 0)
		c = strcmp(x->st->queryid != NULL ? x->st->queryid : "",
			   y->st->queryid != NULL ? y->st->queryid : "");
	return c;
}

/* Reports one fingerprint group e[0..n) when enough of its queryids are
 * single-use. */
static void unparameterized_group(const struct adv_workload_rule *rule,
				  const struct adv_model_snapshot *snap,
				  const double *thr, const struct fp_entry *e,
				  size_t n, struct adv_workload_findings *out)
{
	size_t i, k, single_use = 0, nexamples = 0;
	double calls = 0;
	struct adv_finding *f;
	char *schema = NULL, *table = NULL;
	char *text;
	cJSON *examples;

	/* a queryid may have several records (users, nesting levels) */
	for (i = 0; i < n; i = k) {
		double qcalls = 0;

		for (k = i; k < n && cmp_fp_entry(&e[i], &e[k]) == 0; k++)
			qcalls += e[k].st->calls;
		if (qcalls <= thr[UP_MAX_CALLS])
			single_use++;
		calls += qcalls;
	}
	if (single_use == 0 || (double)single_use < thr[UP_MIN_DISTINCT])
		return;
	f = new_finding(out, rule, snap);
	first_relation(e[0].st->query, &schema, &table);
	adv_finding_set_object(f, schema, table, NULL);
	free(schema);
	free(table);
	text = short_text(e[0].st->query);
	adv_finding_set_message(
		f,
		"%zu distinct statements with fingerprint %s (%s) ran at most %.0f times each: literals are not parameterized",
		single_use, e[0].fp, text, thr[UP_MAX_CALLS]);
	free(text);
	cJSON_AddStringToObject(f->evidence, "fingerprint", e[0].fp);
	cJSON_AddNumberToObject(f->evidence, "count", (double)single_use);
	cJSON_AddNumberToObject(f->evidence, "statements", (double)n);
	cJSON_AddNumberToObject(f->evidence, "calls", calls);
	examples = cJSON_AddArrayToObject(f->evidence, "examples");
	for (i = 0; i < n && nexamples < EXAMPLES_MAX; i++) {
		if (e[i].st->calls > thr[UP_MAX_CALLS])
			continue;
		cJSON_AddItemToArray(examples, statement_json(e[i].st));
		nexamples++;
	}
	finish_finding(f, snap, e[0].fp);
}

static enum adv_status check_unparameterized(
	const struct adv_workload_rule *rule,
	const struct adv_model_snapshot *snap, const double *thr,
	struct adv_workload_findings *out, struct adv_error *err)
{
	struct fp_entry *entries;
	size_t n = 0;
	size_t i, k;

	if (snap->nstatements == 0)
		return ADV_OK;
	entries = adv_xcalloc(snap->nstatements, sizeof(*entries));
	for (i = 0; i < snap->nstatements; i++) {
		const struct adv_model_statement *st = snap->statements[i];
		struct adv_error perr;

		if (st->query == NULL)
			continue;
		adv_error_init(&perr);
		/* a text the parser rejects has no fingerprint to group by */
		if (adv_sql_fingerprint(st->query, entries[n].fp, &perr) !=
		    ADV_OK)
			continue;
		entries[n].st = st;
		n++;
	}
	(void)err;
	qsort(entries, n, sizeof(*entries), cmp_fp_entry);
	for (i = 0; i < n; i = k) {
		for (k = i; k < n && strcmp(entries[i].fp, entries[k].fp) == 0;
		     k++)
			;
		unparameterized_group(rule, snap, thr, &entries[i], k - i, out);
	}
	free(entries);
	return ADV_OK;
}

/*
 * A finding about one statement: object from the first relation its text
 * names, message "statement QUERYID (TEXT) " followed by what fmt says,
 * and evidence.statement (returned, for the rule's own numbers).
 */
static cJSON *statement_finding(struct adv_workload_findings *out,
				const struct adv_workload_rule *rule,
				const struct adv_model_snapshot *snap,
				const struct adv_model_statement *st,
				const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static cJSON *statement_finding(struct adv_workload_findings *out,
				const struct adv_workload_rule *rule,
				const struct adv_model_snapshot *snap,
				const struct adv_model_statement *st,
				const char *fmt, ...)
{
	struct adv_finding *f = new_finding(out, rule, snap);
	char *schema = NULL, *table = NULL;
	char *text = short_text(st->query);
	struct adv_buf what;
	cJSON *ev;
	va_list ap;

	first_relation(st->query, &schema, &table);
	adv_finding_set_object(f, schema, table, NULL);
	free(schema);
	free(table);
	adv_buf_init(&what);
	va_start(ap, fmt);
	adv_buf_vaddf(&what, fmt, ap);
	va_end(ap);
	adv_finding_set_message(f, "statement %s (%s) %s",
				st->queryid != NULL ? st->queryid : "?", text,
				what.data);
	adv_buf_release(&what);
	free(text);
	ev = statement_json(st);
	cJSON_AddItemToObject(f->evidence, "statement", ev);
	finish_finding(f, snap, st->queryid);
	return ev;
}

/* ---- temp-spill-workload -------------------------------------------- */

enum { TS_MIN_TEMP_BLKS };

static enum adv_status check_temp_spill(const struct adv_workload_rule *rule,
					const struct adv_model_snapshot *snap,
					const double *thr,
					struct adv_workload_findings *out,
					struct adv_error *err)
{
	size_t i;

	(void)err;
	for (i = 0; i < snap->nstatements; i++) {
		const struct adv_model_statement *st = snap->statements[i];
		cJSON *ev;

		if (st->query == NULL || !st->has_temp_blks ||
		    !(st->temp_blks_written > thr[TS_MIN_TEMP_BLKS]))
			continue;
		ev = statement_finding(
			out, rule, snap, st,
			"wrote %.0f temporary blocks in %.0f calls: sorts or hashes spill to disk",
			st->temp_blks_written, st->calls);
		cJSON_AddNumberToObject(ev, "temp_blks_written",
					st->temp_blks_written);
	}
	return ADV_OK;
}

/* ---- parameter-sensitive-plan --------------------------------------- */

enum { PS_MIN_CALLS, PS_MAX_DEVIATION, PS_MIN_MEAN_READS };

/*
 * sp_BlitzCache's parameter sniffing test on pg_stat_statements' numbers:
 * the fastest or the slowest call deviates from the mean by more than the
 * share allowed, over more than min_calls calls, for a statement that
 * reads enough per call to matter (sp_BlitzCache's
 * @parameter_sniffing_io_threshold, 100,000 logical reads): without that
 * floor every OLTP statement qualifies, since the slowest of thousands of
 * sub-millisecond calls is always several times the mean.
 */
static enum adv_status check_param_sensitive(
	const struct adv_workload_rule *rule,
	const struct adv_model_snapshot *snap, const double *thr,
	struct adv_workload_findings *out, struct adv_error *err)
{
	size_t i;

	(void)err;
	for (i = 0; i < snap->nstatements; i++) {
		const struct adv_model_statement *st = snap->statements[i];
		double mean = mean_ms(st);
		double low;
		double high;
		cJSON *ev;

		if (st->query == NULL || !st->has_min_max ||
		    !(st->calls > thr[PS_MIN_CALLS]) || !(mean > 0) ||
		    !st->has_reads ||
		    !(st->reads / st->calls >= thr[PS_MIN_MEAN_READS]))
			continue;
		low = (mean - st->min_ms) / mean;
		high = (st->max_ms - mean) / mean;
		if (!(low > thr[PS_MAX_DEVIATION]) &&
		    !(high > thr[PS_MAX_DEVIATION]))
			continue;
		ev = statement_finding(
			out, rule, snap, st,
			"took %.3g to %.3g ms per call around a mean of %.3g ms over %.0f calls: one plan does not fit every parameter",
			st->min_ms, st->max_ms, mean, st->calls);
		cJSON_AddNumberToObject(ev, "min_ms", st->min_ms);
		cJSON_AddNumberToObject(ev, "max_ms", st->max_ms);
		cJSON_AddNumberToObject(ev, "reads_per_call",
					st->reads / st->calls);
		cJSON_AddNumberToObject(ev, "low_deviation", low);
		cJSON_AddNumberToObject(ev, "high_deviation", high);
	}
	return ADV_OK;
}

/* ---- rows-examined-ratio -------------------------------------------- */

enum { RE_MIN_RATIO, RE_MIN_EXAMINED };

static enum adv_status check_rows_examined(
	const struct adv_workload_rule *rule,
	const struct adv_model_snapshot *snap, const double *thr,
	struct adv_workload_findings *out, struct adv_error *err)
{
	size_t i;

	(void)err;
	for (i = 0; i < snap->nstatements; i++) {
		const struct adv_model_statement *st = snap->statements[i];
		double sent;
		double ratio;
		cJSON *ev;

		if (st->query == NULL || !st->has_rows_examined)
			continue;
		sent = st->rows_sent > 1 ? st->rows_sent : 1;
		ratio = st->rows_examined / sent;
		if (!(st->rows_examined >= thr[RE_MIN_EXAMINED]) ||
		    !(ratio >= thr[RE_MIN_RATIO]))
			continue;
		ev = statement_finding(
			out, rule, snap, st,
			"examined %.0f rows to send %.0f (%.0f per row sent)",
			st->rows_examined, st->rows_sent, ratio);
		cJSON_AddNumberToObject(ev, "rows_examined", st->rows_examined);
		cJSON_AddNumberToObject(ev, "rows_sent", st->rows_sent);
		cJSON_AddNumberToObject(ev, "ratio", ratio);
	}
	return ADV_OK;
}

/* ---- the table -------------------------------------------------------- */

static const struct adv_workload_rule rules[] = {
	{"n-plus-one-query",
	 ADV_SEV_HIGH,
	 ADV_WORKLOAD_PROFILE_DEFAULT,
	 "A point lookup executed about once per row of a parent statement "
	 "with about one row per call (N+1)",
	 {{"min_child_calls", 100, "calls of the child statement"},
	  {"min_calls_ratio", 10, "child calls / parent calls"},
	  {"max_rows_per_call", 2, "child rows / child calls"},
	  {"min_calls_per_parent_row", 0.5, "child calls / parent rows, low"},
	  {"max_calls_per_parent_row", 1.5, "child calls / parent rows, high"},
	  {"max_mean_ms", 5, "mean child time per call (strictly below)"},
	  {NULL, 0, NULL}},
	 check_n_plus_one},
	{"unparameterized-query",
	 ADV_SEV_MEDIUM,
	 ADV_WORKLOAD_PROFILE_DEFAULT,
	 "Many distinct single-use statements collapse to one fingerprint "
	 "(literals inlined)",
	 {{"min_distinct", 50, "single-use queryids per fingerprint"},
	  {"max_calls", 2, "calls for a queryid to count as single-use"},
	  {NULL, 0, NULL}},
	 check_unparameterized},
	{"temp-spill-workload",
	 ADV_SEV_LOW,
	 ADV_WORKLOAD_PROFILE_EXTENDED,
	 "Statement writes temporary files (temp_blks_written)",
	 {{"min_temp_blks_written", 0,
	   "temporary blocks written (strictly above)"},
	  {NULL, 0, NULL}},
	 check_temp_spill},
	{"parameter-sensitive-plan",
	 ADV_SEV_MEDIUM,
	 ADV_WORKLOAD_PROFILE_EXTENDED,
	 "The fastest or slowest call of a statement that reads at least "
	 "100,000 blocks per call deviates from its mean time by more than "
	 "30 % over more than 3 calls (parameter sniffing)",
	 {{"min_calls", 3, "calls (strictly above)"},
	  {"max_deviation", 0.3,
	   "(mean - min) / mean or (max - mean) / mean, strictly above"},
	  {"min_mean_reads", 100000,
	   "shared blocks hit + read per call (sp_BlitzCache's I/O floor)"},
	  {NULL, 0, NULL}},
	 check_param_sensitive},
	{"rows-examined-ratio",
	 ADV_SEV_MEDIUM,
	 ADV_WORKLOAD_PROFILE_DEFAULT,
	 "Rows examined per row sent (MySQL performance_schema or slow log) "
	 "at or above 100, with at least 10,000 rows examined",
	 {{"min_ratio", 100, "rows_examined / max(rows_sent, 1)"},
	  {"min_rows_examined", 10000, "rows examined"},
	  {NULL, 0, NULL}},
	 check_rows_examined},
};

#define NR_RULES (sizeof(rules) / sizeof(rules[0]))

_Static_assert(NR_RULES <= ADV_WORKLOAD_RULES_MAX,
	       "raise ADV_WORKLOAD_RULES_MAX");

const struct adv_workload_rule *adv_workload_rules(size_t *nr)
{
	*nr = NR_RULES;
	return rules;
}

void adv_workload_rules_config_init(struct adv_workload_rules_config *cfg,
				    enum adv_workload_profile profile)
{
	size_t i;
	size_t t;

	memset(cfg, 0, sizeof(*cfg));
	for (i = 0; i < NR_RULES; i++) {
		cfg->enabled[i] = rules[i].profile <= profile;
		for (t = 0; t < ADV_WORKLOAD_RULE_MAX_THRESHOLDS &&
			    rules[i].thresholds[t].name != NULL;
		     t++)
			cfg->threshold[i][t] = rules[i].thresholds[t].def;
	}
}

enum adv_status adv_workload_check_snapshot(
	const struct adv_model_snapshot *snap,
	const struct adv_workload_rules_config *cfg,
	struct adv_workload_findings *out, struct adv_error *err)
{
	size_t i;
	enum adv_status st;

	for (i = 0; i < NR_RULES; i++) {
		if (!cfg->enabled[i])
			continue;
		st = rules[i].check(&rules[i], snap, cfg->threshold[i], out,
				    err);
		if (st != ADV_OK)
			return st;
	}
	return ADV_OK;
}

enum adv_status adv_workload_check(const struct adv_model *m,
				   const struct adv_workload_rules_config *cfg,
				   struct adv_workload_findings *out,
				   struct adv_error *err)
{
	struct adv_model_database *dbs = NULL;
	size_t ndbs = 0;
	size_t i, k;
	enum adv_status st = ADV_OK;

	adv_model_databases(m, &dbs, &ndbs);
	for (i = 0; i < ndbs && st == ADV_OK; i++) {
		for (k = 0; k < dbs[i].nnodes && st == ADV_OK; k++)
			st = adv_workload_check_snapshot(dbs[i].nodes[k], cfg,
							 out, err);
	}
	adv_model_databases_free(dbs, ndbs);
	return st;
}
