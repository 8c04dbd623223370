#include "patterns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "banned.h"

/*
 * The rest of the correctness rules of the catalog (section 3.1), the
 * maintainability rules (3.2) and the security rules (3.5). Every check
 * walks the statement tree of sqlast.h; only suspicious-unicode reads the
 * tokens, because the tree keeps no trace of characters between tokens.
 */

/* ---- shared helpers ---- */

/*
 * Names as the dialect compares them: PostgreSQL keeps quoted names
 * exactly (unquoted ones are already folded), SQL Server compares without
 * case by default.
 */
static int same_name(enum adv_sql_dialect d, const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return 0;
	if (d == ADV_DIALECT_MS)
		return adv_pat_ieq(a, b);
	return strcmp(a, b) == 0;
}

/* Column names: also case-insensitive in MySQL. */
static int same_column(enum adv_sql_dialect d, const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return 0;
	if (d == ADV_DIALECT_PG)
		return strcmp(a, b) == 0;
	return adv_pat_ieq(a, b);
}

static int name_is(const char *name, const char *const *list)
{
	size_t i;

	if (name == NULL)
		return 0;
	for (i = 0; list[i] != NULL; i++) {
		if (adv_pat_ieq(name, list[i]))
			return 1;
	}
	return 0;
}

static int is_dml(const struct adv_ast *n)
{
	return n->kind == ADV_AST_INSERT || n->kind == ADV_AST_UPDATE ||
	       n->kind == ADV_AST_DELETE;
}

static int is_query(const struct adv_ast *n)
{
	return n->kind == ADV_AST_SELECT || is_dml(n);
}

static int is_plain_select(const struct adv_ast *n)
{
	return n->kind == ADV_AST_SELECT && n->op == ADV_SETOP_NONE;
}

static const struct adv_ast *parent_of(const struct adv_ast_path *path)
{
	return path->depth > 0 ? path->node[path->depth - 1] : NULL;
}

static enum adv_ast_field parent_field(const struct adv_ast_path *path)
{
	return path->depth > 0 ? path->field[path->depth - 1] : ADV_F_ROOT;
}

static int is_string_const(const struct adv_ast *e)
{
	return e != NULL && e->kind == ADV_AST_CONST &&
	       e->op == ADV_CONST_STRING && e->value != NULL;
}

/* A cast or COLLATE keeps the value (and its NULL) of what it wraps. */
static const struct adv_ast *unwrap_cast(const struct adv_ast *e)
{
	while (e != NULL && (e->kind == ADV_AST_CAST ||
			     (e->kind == ADV_AST_EXPR && e->value != NULL &&
			      strcmp(e->value, "collate") == 0)))
		e = e->args;
	return e;
}

/*
 * The FROM items of one query level, joins flattened to their leaves
 * (tables, derived tables, table functions); subqueries are not entered.
 * total counts every leaf, item keeps the first MAX_FROM_ITEMS.
 */
#define MAX_FROM_ITEMS 64
struct from_items {
	const struct adv_ast *item[MAX_FROM_ITEMS];
	size_t n;
	size_t total;
	int merges_columns; /* a JOIN ... USING or NATURAL JOIN */
};

static void add_from_item(const struct adv_ast *it, struct from_items *fi)
{
	if (it == NULL)
		return;
	if (it->kind == ADV_AST_JOIN) {
		if (it->cols != NULL || (it->flags & ADV_ASTF_NATURAL) != 0)
			fi->merges_columns = 1;
		add_from_item(it->larg, fi);
		add_from_item(it->rarg, fi);
		return;
	}
	fi->total++;
	if (fi->n < MAX_FROM_ITEMS)
		fi->item[fi->n++] = it;
}

static void collect_from(const struct adv_ast *list, struct from_items *fi)
{
	for (; list != NULL; list = list->next)
		add_from_item(list, fi);
}

/* The relations a query reads: FROM (and the UPDATE/DELETE target). */
static void query_items(const struct adv_ast *q, struct from_items *fi)
{
	memset(fi, 0, sizeof(*fi));
	if (q->kind == ADV_AST_UPDATE || q->kind == ADV_AST_DELETE)
		add_from_item(q->table, fi);
	collect_from(q->from, fi);
}

/* The name a FROM item is referred to by, or NULL. */
static const char *item_refname(const struct adv_ast *it)
{
	if (it->alias != NULL)
		return it->alias;
	if (it->kind == ADV_AST_TABLE || it->kind == ADV_AST_FUNCTION_TABLE)
		return it->name;
	return NULL;
}

/* The definition of a table item created earlier in the input, or NULL. */
static const struct adv_pat_table *item_table(struct adv_pat_ctx *cx,
					      const struct adv_ast *it)
{
	if (it == NULL || it->kind != ADV_AST_TABLE || it->name == NULL)
		return NULL;
	return adv_pat_find_table(cx, it->schema, it->name);
}

/* 1 when a target list projects * or t.* */
static int has_star_target(const struct adv_ast *targets)
{
	const struct adv_ast *t;

	for (t = targets; t != NULL; t = t->next) {
		const struct adv_ast *e =
			t->kind == ADV_AST_TARGET ? t->args : t;

		if (e != NULL && e->kind == ADV_AST_STAR)
			return 1;
	}
	return 0;
}

/* "UNION", "EXCEPT ALL", ... */
static const char *setop_name(const struct adv_ast *q)
{
	int all = (q->flags & ADV_ASTF_ALL) != 0;

	switch (q->op) {
	case ADV_SETOP_UNION:
		return all ? "UNION ALL" : "UNION";
	case ADV_SETOP_INTERSECT:
		return all ? "INTERSECT ALL" : "INTERSECT";
	case ADV_SETOP_EXCEPT:
		return all ? "EXCEPT ALL" : "EXCEPT";
	default:
		return "set operation";
	}
}

/* ---- unused-outer-join ---- */

struct join_use {
	struct adv_pat_ctx *cx;
	enum adv_sql_dialect dialect;
	const struct adv_ast *select;
	const struct adv_ast *join;
	const struct adv_ast *item;
	const char *refname;
	int used;
};

/* 1 when an unqualified column name may be a column of the item. */
static int item_may_have(struct join_use *ju, const char *column)
{
	const struct adv_ast *it = ju->item;
	const struct adv_pat_table *t;
	const struct adv_ast *q, *tg;

	if (column == NULL)
		return 1;
	if (it->kind == ADV_AST_TABLE) {
		t = item_table(ju->cx, it);
		if (t == NULL)
			return 1;
		return adv_pat_table_column(t, column) != NULL;
	}
	if (it->kind != ADV_AST_SUBQUERY)
		return 1;
	if (it->cols != NULL) {
		for (tg = it->cols; tg != NULL; tg = tg->next) {
			if (same_column(ju->dialect, tg->name, column))
				return 1;
		}
		return 0;
	}
	q = it->sub;
	while (q != NULL && q->kind == ADV_AST_SELECT &&
	       q->op != ADV_SETOP_NONE)
		q = q->larg;
	if (q == NULL || q->kind != ADV_AST_SELECT ||
	    (q->flags & ADV_ASTF_VALUES) != 0 || has_star_target(q->targets))
		return 1;
	for (tg = q->targets; tg != NULL; tg = tg->next) {
		const char *out = tg->alias;

		if (out == NULL && tg->args != NULL &&
		    tg->args->kind == ADV_AST_COLUMN)
			out = tg->args->name;
		if (out == NULL || same_column(ju->dialect, out, column))
			return 1;
	}
	return 0;
}

/*
 * 1 when an unqualified name at path can only be resolved against the
 * FROM clause of the select being checked: a nested query reading tables
 * of its own resolves such names against those first.
 */
static int local_to_select(const struct join_use *ju,
			   const struct adv_ast_path *path)
{
	int i;

	for (i = path->depth - 1; i >= 0; i--) {
		const struct adv_ast *q = path->node[i];

		if (q == ju->select)
			return 1;
		if (is_query(q) && (q->from != NULL || q->table != NULL))
			return 0;
	}
	return 1;
}

static int join_use_visit(const struct adv_ast *node,
			  const struct adv_ast_path *path, void *data)
{
	struct join_use *ju = data;
	int i;

	for (i = 0; i < path->depth; i++) {
		if (path->node[i] == ju->join &&
		    (path->field[i] == ADV_F_QUALS ||
		     path->field[i] == ADV_F_COLS))
			return 1;
	}
	if (node == ju->item)
		return 1;
	if (node->kind == ADV_AST_COLUMN) {
		if (node->qual != NULL) {
			if (same_name(ju->dialect, node->qual, ju->refname))
				ju->used = 1;
		} else if (local_to_select(ju, path) &&
			   item_may_have(ju, node->name)) {
			ju->used = 1;
		}
	} else if (node->kind == ADV_AST_STAR) {
		if (node->qual != NULL) {
			if (same_name(ju->dialect, node->qual, ju->refname))
				ju->used = 1;
		} else if (adv_ast_path_find(path, ADV_AST_SELECT, NULL) ==
			   ju->select) {
			ju->used = 1;
		}
	}
	return ju->used ? -1 : 0;
}

static void check_outer_join(struct adv_pat_walk *v, const struct adv_ast *sel,
			     const struct adv_ast *join,
			     const struct adv_ast *item)
{
	struct join_use ju;
	static const char *const kinds[] = {"INNER", "LEFT", "RIGHT", "FULL",
					    "CROSS"};

	if (item == NULL)
		return;
	if (item->kind != ADV_AST_TABLE && item->kind != ADV_AST_SUBQUERY &&
	    item->kind != ADV_AST_FUNCTION_TABLE)
		return;
	memset(&ju, 0, sizeof(ju));
	ju.cx = v->cx;
	ju.dialect = v->st->dialect;
	ju.select = sel;
	ju.join = join;
	ju.item = item;
	ju.refname = item_refname(item);
	if (ju.refname == NULL)
		return;
	adv_ast_walk(sel, 0, join_use_visit, &ju);
	if (ju.used)
		return;
	if (join->quals == NULL && join->cols == NULL &&
	    (join->flags & ADV_ASTF_LATERAL) != 0 &&
	    v->st->dialect == ADV_DIALECT_MS)
		adv_pat_report(v->cx, v->st, item->loc,
			       "OUTER APPLY '%s' is never used by the query",
			       ju.refname);
	else if (item->kind == ADV_AST_TABLE)
		adv_pat_report_table(v->cx, v->st, item->loc, item->schema,
				     item->name,
				     "%s JOIN '%s' is never used outside its "
				     "ON clause",
				     kinds[join->op], ju.refname);
	else
		adv_pat_report(v->cx, v->st, item->loc,
			       "%s JOIN '%s' is never used outside its ON "
			       "clause",
			       kinds[join->op], ju.refname);
}

static void outer_joins_in(struct adv_pat_walk *v, const struct adv_ast *sel,
			   const struct adv_ast *it)
{
	if (it == NULL || it->kind != ADV_AST_JOIN)
		return;
	outer_joins_in(v, sel, it->larg);
	outer_joins_in(v, sel, it->rarg);
	if ((it->flags & ADV_ASTF_NATURAL) != 0)
		return;
	if (it->op == ADV_JOIN_LEFT || it->op == ADV_JOIN_FULL)
		check_outer_join(v, sel, it, it->rarg);
	else if (it->op == ADV_JOIN_RIGHT)
		check_outer_join(v, sel, it, it->larg);
}

static int unused_outer_join_visit(const struct adv_ast *node,
				   const struct adv_ast_path *path, void *data)
{
	const struct adv_ast *it;

	(void)path;
	if (!is_plain_select(node))
		return 0;
	for (it = node->from; it != NULL; it = it->next)
		outer_joins_in(data, node, it);
	return 0;
}

/* ---- set-op-column-mismatch ---- */

struct cte_names {
	const struct adv_pat_stmt *st;
	const char *name;
	int found;
};

static int cte_name_visit(const struct adv_ast *node,
			  const struct adv_ast_path *path, void *data)
{
	struct cte_names *cn = data;

	(void)path;
	if (node->kind == ADV_AST_CTE &&
	    same_name(cn->st->dialect, node->name, cn->name)) {
		cn->found = 1;
		return -1;
	}
	return 0;
}

static int stmt_has_cte(const struct adv_pat_stmt *st, const char *name)
{
	struct cte_names cn = {st, name, 0};

	adv_pat_walk_stmt(st, 0, cte_name_visit, &cn);
	return cn.found;
}

/* The width of what * expands to, when every item is a known table. */
static int star_width(struct adv_pat_walk *v, const struct adv_ast *q,
		      const struct adv_ast *star)
{
	struct from_items fi;
	const struct adv_pat_table *t;
	size_t i;
	int width = 0, matched = 0;

	memset(&fi, 0, sizeof(fi));
	collect_from(q->from, &fi);
	if (fi.n == 0 || fi.n != fi.total || fi.merges_columns)
		return -1;
	for (i = 0; i < fi.n; i++) {
		const struct adv_ast *it = fi.item[i];

		if (star->qual != NULL &&
		    !same_name(v->st->dialect, item_refname(it), star->qual))
			continue;
		t = item_table(v->cx, it);
		if (t == NULL ||
		    (it->schema == NULL && stmt_has_cte(v->st, it->name)))
			return -1;
		width += (int)t->ncols;
		matched++;
	}
	return matched > 0 ? width : -1;
}

/* The number of columns a query returns, -1 when it cannot be told. */
static int query_width(struct adv_pat_walk *v, const struct adv_ast *q)
{
	const struct adv_ast *t;
	int n = 0;

	if (q == NULL || q->kind != ADV_AST_SELECT)
		return -1;
	if (q->op != ADV_SETOP_NONE) {
		int l = query_width(v, q->larg);
		int r = query_width(v, q->rarg);

		if (l < 0)
			return r;
		if (r < 0 || l == r)
			return l;
		return -1; /* reported at that operation */
	}
	if ((q->flags & ADV_ASTF_VALUES) != 0) {
		if (q->values == NULL)
			return -1;
		return (int)adv_ast_list_len(q->values->args);
	}
	if (q->targets == NULL)
		return -1;
	for (t = q->targets; t != NULL; t = t->next) {
		const struct adv_ast *e =
			t->kind == ADV_AST_TARGET ? t->args : t;

		if (e != NULL && e->kind == ADV_AST_STAR) {
			int w = star_width(v, q, e);

			if (w < 0)
				return -1;
			n += w;
		} else {
			n++;
		}
	}
	return n;
}

static int set_op_visit(const struct adv_ast *node,
			const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	int l, r;

	(void)path;
	if (node->kind != ADV_AST_SELECT || node->op == ADV_SETOP_NONE)
		return 0;
	l = query_width(v, node->larg);
	r = query_width(v, node->rarg);
	if (l < 0 || r < 0 || l == r)
		return 0;
	adv_pat_report(v->cx, v->st,
		       node->rarg->loc >= 0 ? node->rarg->loc : node->loc,
		       "%s branches return %d and %d columns", setop_name(node),
		       l, r);
	return 0;
}

/* ---- wildcard-alias ---- */

static int wildcard_alias_visit(const struct adv_ast *node,
				const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *e = node->args;

	(void)path;
	if (node->kind != ADV_AST_TARGET || node->alias == NULL || e == NULL ||
	    e->kind != ADV_AST_STAR)
		return 0;
	if (e->qual != NULL)
		adv_pat_report(v->cx, v->st, node->loc,
			       "'%s.*' is given the alias '%s', which renames "
			       "only the last column of the expansion",
			       e->qual, node->alias);
	else
		adv_pat_report(v->cx, v->st, node->loc,
			       "'*' is given the alias '%s', which renames "
			       "only the last column of the expansion",
			       node->alias);
	return 0;
}

/* ---- like-without-wildcard ---- */

/*
 * 1 when the LIKE pattern holds a wildcard: an unescaped % or _, or in
 * SQL Server a [...] class ([%], [_] and [[] are escapes there).
 * esc is the escape character, or -1 for none.
 */
static int like_has_wildcard(const char *pat, int esc, int brackets)
{
	const char *p;

	for (p = pat; *p != '\0'; p++) {
		if (esc >= 0 && (unsigned char)*p == (unsigned)esc) {
			if (p[1] != '\0')
				p++;
			continue;
		}
		if (*p == '%' || *p == '_')
			return 1;
		if (brackets && *p == '[') {
			if (p[1] != '\0' && p[1] != '^' && p[2] == ']') {
				p += 2;
				continue;
			}
			return 1;
		}
	}
	return 0;
}

static int like_visit(const struct adv_ast *node,
		      const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *pat, *escape;
	int esc;

	(void)path;
	if (node->kind != ADV_AST_LIKE || node->op != ADV_LIKE_LIKE ||
	    node->args == NULL)
		return 0;
	pat = unwrap_cast(node->args->next);
	if (!is_string_const(pat))
		return 0;
	escape = node->args->next->next;
	if (escape != NULL) {
		escape = unwrap_cast(escape);
		if (!is_string_const(escape) || strlen(escape->value) > 1)
			return 0;
		esc = escape->value[0] != '\0' ? (unsigned char)escape->value[0]
					       : -1;
	} else {
		esc = v->st->dialect == ADV_DIALECT_MS ? -1 : '\\';
	}
	if (like_has_wildcard(pat->value, esc,
			      v->st->dialect == ADV_DIALECT_MS))
		return 0;
	if ((node->flags & ADV_ASTF_NEGATED) != 0)
		adv_pat_report(v->cx, v->st, node->loc,
			       "NOT LIKE '%s' has no wildcard: it is a plain "
			       "'<>' test",
			       pat->value);
	else
		adv_pat_report(v->cx, v->st, node->loc,
			       "LIKE '%s' has no wildcard: it is a plain '=' "
			       "test",
			       pat->value);
	return 0;
}

/* ---- unquoted-date-literal ---- */

/* The value of an integer literal of at most max_digits digits, or -1. */
static long small_int(const struct adv_ast *e, size_t max_digits)
{
	const char *p;
	long n = 0;

	if (e == NULL || e->kind != ADV_AST_CONST || e->op != ADV_CONST_INT ||
	    e->value == NULL || e->value[0] == '\0' ||
	    strlen(e->value) > max_digits)
		return -1;
	for (p = e->value; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		n = n * 10 + (*p - '0');
	}
	return n;
}

static int is_minus(const struct adv_ast *e)
{
	return e != NULL && e->kind == ADV_AST_OP && e->name != NULL &&
	       strcmp(e->name, "-") == 0 && e->args != NULL &&
	       e->args->next != NULL;
}

/*
 * The length of "yyyy-m[m]-d[d]" written without blanks at text[at], 0
 * when the text there is something else.
 */
static size_t date_text_len(const struct adv_pat_stmt *st, int at)
{
	const char *s, *p;
	int part;

	if (at < 0 || (size_t)at >= st->len)
		return 0;
	s = st->text + at;
	p = s;
	for (part = 0; part < 3; part++) {
		const char *start = p;

		while (*p >= '0' && *p <= '9')
			p++;
		if (p == start || (part == 0 && p - start != 4) ||
		    (part > 0 && p - start > 2))
			return 0;
		if (part < 2) {
			if (*p != '-')
				return 0;
			p++;
		}
	}
	return (size_t)(p - s);
}

static int date_visit(const struct adv_ast *node,
		      const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *inner, *ey, *em, *ed;
	long y, m, d;
	size_t n;

	(void)path;
	if (!is_minus(node))
		return 0;
	inner = node->args;
	ed = inner->next;
	if (!is_minus(inner))
		return 0;
	ey = inner->args;
	em = ey->next;
	y = small_int(ey, 4);
	m = small_int(em, 2);
	d = small_int(ed, 2);
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	n = date_text_len(v->st, ey->loc);
	if (ey->loc >= 0 && n == 0)
		return 0; /* written with blanks: deliberate arithmetic */
	if (n > 0)
		adv_pat_report(v->cx, v->st, ey->loc,
			       "unquoted %.*s is integer arithmetic (= %ld), "
			       "not a date",
			       (int)n, v->st->text + ey->loc, y - m - d);
	else
		adv_pat_report(v->cx, v->st, node->loc,
			       "unquoted %ld-%02ld-%02ld is integer arithmetic "
			       "(= %ld), not a date",
			       y, m, d, y - m - d);
	return 0;
}

/* ---- count-distinct-multi-column ---- */

static int count_distinct_visit(const struct adv_ast *node,
				const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	size_t n;

	(void)path;
	if (node->kind != ADV_AST_FUNC || node->name == NULL ||
	    strcmp(node->name, "count") != 0 ||
	    (node->flags & ADV_ASTF_DISTINCT) == 0)
		return 0;
	n = adv_ast_list_len(node->args);
	if (n < 2)
		return 0;
	adv_pat_report(v->cx, v->st, node->loc,
		       "COUNT(DISTINCT ...) over %zu expressions skips every "
		       "row where one of them is NULL",
		       n);
	return 0;
}

/* ---- concat-nullable ---- */

static const char *const null_guards[] = {"coalesce", "ifnull", "isnull", "nvl",
					  NULL};

static int column_not_null(const struct adv_pat_table *t, const char *name)
{
	const struct adv_pat_column *c = adv_pat_table_column(t, name);
	size_t i, k;

	if (c == NULL)
		return 0;
	if (c->not_null)
		return 1;
	for (i = 0; i < t->nidx; i++) {
		if (!t->idx[i].primary)
			continue;
		for (k = 0; k < t->idx[i].ncols; k++) {
			if (t->idx[i].cols[k] != NULL &&
			    strcmp(t->idx[i].cols[k], c->name) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * 1 when the column is declared NOT NULL in a table created earlier in
 * the input: the reference is resolved through the FROM items of the
 * enclosing queries, innermost first.
 */
static int known_not_null(struct adv_pat_walk *v,
			  const struct adv_ast_path *path,
			  const struct adv_ast *col)
{
	struct from_items fi;
	const struct adv_pat_table *t;
	size_t k;
	int i;

	for (i = path->depth - 1; i >= 0; i--) {
		const struct adv_ast *q = path->node[i];

		if (!is_query(q) || q->kind == ADV_AST_INSERT)
			continue;
		query_items(q, &fi);
		for (k = 0; k < fi.n; k++) {
			const struct adv_ast *it = fi.item[k];

			if (col->qual != NULL) {
				if (!same_name(v->st->dialect, item_refname(it),
					       col->qual))
					continue;
				t = item_table(v->cx, it);
				return t != NULL &&
				       column_not_null(t, col->name);
			}
			t = item_table(v->cx, it);
			if (t != NULL &&
			    adv_pat_table_column(t, col->name) != NULL)
				return column_not_null(t, col->name);
		}
	}
	return 0;
}

#define MAX_NULLABLE 4
struct concat_scan {
	const struct adv_ast *nullable[MAX_NULLABLE];
	size_t n;
	int has_string;
};

static void concat_operand(struct adv_pat_walk *v,
			   const struct adv_ast_path *path,
			   const struct adv_ast *e, struct concat_scan *cs)
{
	size_t i;

	e = unwrap_cast(e);
	if (e == NULL)
		return;
	if (is_string_const(e))
		cs->has_string = 1;
	if (e->kind != ADV_AST_COLUMN || known_not_null(v, path, e))
		return;
	for (i = 0; i < cs->n; i++) {
		if (same_column(v->st->dialect, cs->nullable[i]->name,
				e->name) &&
		    same_name(v->st->dialect, cs->nullable[i]->qual, e->qual))
			return;
	}
	if (cs->n < MAX_NULLABLE)
		cs->nullable[cs->n++] = e;
}

static int is_op(const struct adv_ast *e, const char *op)
{
	return e != NULL && e->kind == ADV_AST_OP && e->name != NULL &&
	       strcmp(e->name, op) == 0 && e->args != NULL &&
	       e->args->next != NULL;
}

static void concat_chain(struct adv_pat_walk *v,
			 const struct adv_ast_path *path,
			 const struct adv_ast *e, const char *op,
			 struct concat_scan *cs)
{
	if (is_op(e, op)) {
		concat_chain(v, path, e->args, op, cs);
		concat_chain(v, path, e->args->next, op, cs);
		return;
	}
	concat_operand(v, path, e, cs);
}

static void report_concat(struct adv_pat_walk *v, const struct adv_ast *node,
			  const char *what, const struct concat_scan *cs)
{
	struct adv_buf b;
	size_t i;

	adv_buf_init(&b);
	for (i = 0; i < cs->n; i++) {
		const struct adv_ast *c = cs->nullable[i];

		if (i > 0)
			adv_buf_addstr(&b, i + 1 == cs->n ? " or " : ", ");
		if (c->qual != NULL)
			adv_buf_addf(&b, "'%s.%s'", c->qual, c->name);
		else
			adv_buf_addf(&b, "'%s'", c->name);
	}
	adv_pat_report(v->cx, v->st, node->loc,
		       "%s yields NULL when %s is NULL", what, b.data);
	adv_buf_release(&b);
}

static int concat_visit(const struct adv_ast *node,
			const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	enum adv_sql_dialect d = v->st->dialect;
	const struct adv_ast *parent = parent_of(path);
	struct concat_scan cs;
	const struct adv_ast *a;
	const char *op = NULL;

	memset(&cs, 0, sizeof(cs));
	if (parent != NULL && parent->kind == ADV_AST_FUNC &&
	    name_is(parent->name, null_guards))
		return 0;
	if (node->kind == ADV_AST_FUNC && node->name != NULL &&
	    strcmp(node->name, "concat") == 0 && d == ADV_DIALECT_MY) {
		/* PostgreSQL's and SQL Server's CONCAT() skip NULLs */
		for (a = node->args; a != NULL; a = a->next)
			concat_operand(v, path, a, &cs);
		if (cs.n > 0)
			report_concat(v, node, "CONCAT()", &cs);
		return 0;
	}
	if (is_op(node, "||") && d != ADV_DIALECT_MY)
		op = "||";
	else if (is_op(node, "+") && d == ADV_DIALECT_MS)
		op = "+";
	if (op == NULL)
		return 0;
	if (parent != NULL && parent_field(path) == ADV_F_ARGS &&
	    is_op(parent, op))
		return 0; /* the top of the chain reports */
	concat_chain(v, path, node, op, &cs);
	if (strcmp(op, "+") == 0 && !cs.has_string)
		return 0; /* arithmetic, not concatenation */
	if (cs.n > 0)
		report_concat(v, node, strcmp(op, "+") == 0 ? "'+'" : "'||'",
			      &cs);
	return 0;
}

/* ---- duplicate-column-alias ---- */

static const char *target_name(const struct adv_ast *t)
{
	if (t->alias != NULL)
		return t->alias;
	if (t->args != NULL && t->args->kind == ADV_AST_COLUMN)
		return t->args->name;
	return NULL;
}

static int dup_alias_visit(const struct adv_ast *node,
			   const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	enum adv_sql_dialect d = v->st->dialect;
	const struct adv_ast *t, *u;

	if (!is_plain_select(node))
		return 0;
	/* the names of later branches of a set operation are not used */
	if (parent_field(path) == ADV_F_RARG)
		return 0;
	for (t = node->targets; t != NULL; t = t->next) {
		const char *name = target_name(t);
		size_t before = 0;
		int aliased = t->alias != NULL;

		if (name == NULL)
			continue;
		for (u = node->targets; u != t; u = u->next) {
			if (same_column(d, target_name(u), name)) {
				before++;
				aliased |= u->alias != NULL;
			}
		}
		if (before != 1)
			continue;
		for (u = t->next; u != NULL && !aliased; u = u->next) {
			if (same_column(d, target_name(u), name))
				aliased = u->alias != NULL;
		}
		if (aliased)
			adv_pat_report(v->cx, v->st, t->loc,
				       "output column name '%s' is used twice "
				       "in one select list",
				       name);
	}
	return 0;
}

/* ---- duplicate-table-alias ---- */

/* 1 when two FROM items are exposed under the same name. */
static int items_clash(enum adv_sql_dialect d, const struct adv_ast *a,
		       const struct adv_ast *b)
{
	if (!same_name(d, item_refname(a), item_refname(b)))
		return 0;
	/* PostgreSQL accepts s1.t and s2.t side by side; so may MySQL */
	if (d != ADV_DIALECT_MS && a->alias == NULL && b->alias == NULL &&
	    (a->schema != NULL || b->schema != NULL) &&
	    !same_name(d, a->schema, b->schema))
		return 0;
	return 1;
}

static int dup_table_visit(const struct adv_ast *node,
			   const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	enum adv_sql_dialect d = v->st->dialect;
	struct from_items fi;
	size_t i, k;

	(void)path;
	if (!is_plain_select(node) && node->kind != ADV_AST_UPDATE &&
	    node->kind != ADV_AST_DELETE)
		return 0;
	memset(&fi, 0, sizeof(fi));
	/*
	 * The PostgreSQL target is in the same name space as FROM/USING;
	 * T-SQL and MySQL name it again in FROM, so it is left out there.
	 */
	if (node->kind != ADV_AST_SELECT && d == ADV_DIALECT_PG)
		add_from_item(node->table, &fi);
	collect_from(node->from, &fi);
	for (i = 1; i < fi.n; i++) {
		const struct adv_ast *it = fi.item[i];
		size_t clashes = 0;

		if (item_refname(it) == NULL)
			continue;
		for (k = 0; k < i; k++) {
			if (item_refname(fi.item[k]) != NULL &&
			    items_clash(d, fi.item[k], it))
				clashes++;
		}
		if (clashes != 1)
			continue;
		if (it->alias != NULL)
			adv_pat_report(v->cx, v->st, it->loc,
				       "alias '%s' is declared twice in one "
				       "FROM clause",
				       it->alias);
		else
			adv_pat_report_table(v->cx, v->st, it->loc, it->schema,
					     it->name,
					     "'%s' appears twice in one FROM "
					     "clause under the same name",
					     it->name);
	}
	return 0;
}

/* ---- duplicate-column-assignment ---- */

static void dup_names(struct adv_pat_walk *v, const struct adv_ast *list,
		      const char *what)
{
	enum adv_sql_dialect d = v->st->dialect;
	const struct adv_ast *a, *b;

	for (a = list; a != NULL; a = a->next) {
		size_t before = 0;

		if (a->name == NULL)
			continue;
		for (b = list; b != a; b = b->next) {
			if (!same_column(d, a->name, b->name))
				continue;
			if (a->qual != NULL || b->qual != NULL) {
				if (!same_name(d, a->qual, b->qual))
					continue;
			}
			before++;
		}
		if (before == 1)
			adv_pat_report(v->cx, v->st, a->loc,
				       "column '%s' is %s", a->name, what);
	}
}

static int dup_assign_visit(const struct adv_ast *node,
			    const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;

	(void)path;
	if (node->kind == ADV_AST_UPDATE) {
		dup_names(v, node->set, "assigned twice in UPDATE ... SET");
	} else if (node->kind == ADV_AST_INSERT) {
		dup_names(v, node->cols,
			  "listed twice in the INSERT column list");
		dup_names(v, node->set, "assigned twice in INSERT ... SET");
		/* both parsers keep the ON CONFLICT DO UPDATE / ON DUPLICATE
		 * KEY UPDATE assignments in quals */
		if (node->quals != NULL && node->quals->kind == ADV_AST_ASSIGN)
			dup_names(
				v, node->quals,
				v->st->dialect == ADV_DIALECT_MY
					? "assigned twice in ON DUPLICATE KEY "
					  "UPDATE"
					: "assigned twice in ON CONFLICT DO "
					  "UPDATE");
	}
	return 0;
}

/* ---- nondeterministic-function-replication ---- */

static const char *const unsafe_in_dml[] = {
	"uuid",		"uuid_short",  "rand", "user",
	"session_user", "system_user", NULL};

static int in_dml(const struct adv_ast_path *path, const char **kind)
{
	int i;

	for (i = path->depth - 1; i >= 0; i--) {
		switch (path->node[i]->kind) {
		case ADV_AST_INSERT:
			*kind = (path->node[i]->flags & ADV_ASTF_REPLACE) != 0
					? "REPLACE"
					: "INSERT";
			return 1;
		case ADV_AST_UPDATE:
			*kind = "UPDATE";
			return 1;
		case ADV_AST_DELETE:
			*kind = "DELETE";
			return 1;
		default:
			break;
		}
	}
	return 0;
}

/* A function name as the dialect's manuals write it (for messages). */
static void display_name(enum adv_sql_dialect d, const char *name, char *out,
			 size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && name[i] != '\0'; i++)
		out[i] = (d != ADV_DIALECT_PG && name[i] >= 'a' &&
			  name[i] <= 'z')
				 ? (char)(name[i] - 'a' + 'A')
				 : name[i];
	out[i] = '\0';
}

static int replication_visit(const struct adv_ast *node,
			     const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const char *kind = NULL;
	char up[32];

	if (node->kind != ADV_AST_FUNC || node->name == NULL)
		return 0;
	display_name(v->st->dialect, node->name, up, sizeof(up));
	if (adv_pat_ieq(node->name, "sysdate")) {
		adv_pat_report(v->cx, v->st, node->loc,
			       "SYSDATE() returns the time it runs at, which "
			       "differs on each replica (NOW() does not)");
		return 0;
	}
	if (name_is(node->name, unsafe_in_dml) && in_dml(path, &kind))
		adv_pat_report(v->cx, v->st, node->loc,
			       "%s() inside %s is not safe for statement-based "
			       "replication",
			       up, kind);
	return 0;
}

/* ---- dml-limit-without-order-by ---- */

static int dml_limit_visit(const struct adv_ast *node,
			   const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;

	(void)path;
	if ((node->kind != ADV_AST_UPDATE && node->kind != ADV_AST_DELETE) ||
	    node->limit == NULL || node->order != NULL)
		return 0;
	adv_pat_report(v->cx, v->st,
		       node->limit->loc >= 0 ? node->limit->loc : node->loc,
		       "%s ... LIMIT without ORDER BY changes an arbitrary "
		       "subset of rows",
		       node->kind == ADV_AST_UPDATE ? "UPDATE" : "DELETE");
	return 0;
}

/* ---- suspicious-unicode ---- */

static unsigned decode_utf8(const unsigned char *s, size_t n)
{
	if (n >= 2 && (s[0] & 0xe0) == 0xc0)
		return ((unsigned)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
	if (n >= 3 && (s[0] & 0xf0) == 0xe0)
		return ((unsigned)(s[0] & 0x0f) << 12) |
		       ((unsigned)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
	return s[0];
}

static const char *code_point_name(unsigned cp)
{
	static const struct {
		unsigned cp;
		const char *name;
	} names[] = {
		{0x00a0, "no-break space"},
		{0x2000, "en quad"},
		{0x2001, "em quad"},
		{0x2002, "en space"},
		{0x2003, "em space"},
		{0x2004, "three-per-em space"},
		{0x2005, "four-per-em space"},
		{0x2006, "six-per-em space"},
		{0x2007, "figure space"},
		{0x2008, "punctuation space"},
		{0x2009, "thin space"},
		{0x200a, "hair space"},
		{0x200b, "zero width space"},
		{0x200c, "zero width non-joiner"},
		{0x200d, "zero width joiner"},
		{0x200e, "left-to-right mark"},
		{0x200f, "right-to-left mark"},
		{0x2018, "left single quotation mark"},
		{0x2019, "right single quotation mark"},
		{0x201a, "single low-9 quotation mark"},
		{0x201b, "single high-reversed-9 quotation mark"},
		{0x201c, "left double quotation mark"},
		{0x201d, "right double quotation mark"},
		{0x201e, "double low-9 quotation mark"},
		{0x201f, "double high-reversed-9 quotation mark"},
		{0x202f, "narrow no-break space"},
		{0x2060, "word joiner"},
		{0x3000, "ideographic space"},
		{0xfeff, "zero width no-break space (byte order mark)"},
		{0xff02, "fullwidth quotation mark"},
		{0xff07, "fullwidth apostrophe"},
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (names[i].cp == cp)
			return names[i].name;
	}
	return "invisible or look-alike character";
}

static void check_suspicious_unicode(struct adv_pat_ctx *cx,
				     const struct adv_pat_stmt *st)
{
	size_t i;

	for (i = 0; i < st->ntoks; i++) {
		const struct adv_sql_token *tok = &st->toks[i];
		unsigned cp;

		if (tok->kind != ADV_TOK_SUSPICIOUS)
			continue;
		cp = decode_utf8((const unsigned char *)st->text + tok->offset,
				 tok->length);
		adv_pat_report(cx, st, (int)tok->offset,
			       "U+%04X (%s) in SQL code, outside any string "
			       "literal",
			       cp, code_point_name(cp));
	}
}

/* ---- nolock-hint ---- */

static int nolock_visit(const struct adv_ast *node,
			const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *table = parent_of(path);

	if (node->kind == ADV_AST_SET && node->name != NULL &&
	    strcmp(node->name, "transaction_isolation") == 0 &&
	    node->value != NULL &&
	    adv_pat_ieq(node->value, "read uncommitted")) {
		adv_pat_report(v->cx, v->st, node->loc,
			       "isolation level READ UNCOMMITTED allows dirty "
			       "reads for every following statement");
		return 0;
	}
	if (node->kind != ADV_AST_HINT || node->name == NULL ||
	    (!adv_pat_ieq(node->name, "nolock") &&
	     !adv_pat_ieq(node->name, "readuncommitted")))
		return 0;
	if (table != NULL && table->kind == ADV_AST_TABLE)
		adv_pat_report_table(
			v->cx, v->st, node->loc, table->schema, table->name,
			"table hint %s on '%s' reads uncommitted "
			"data",
			adv_pat_ieq(node->name, "nolock") ? "NOLOCK"
							  : "READUNCOMMITTED",
			table->name);
	else
		adv_pat_report(v->cx, v->st, node->loc,
			       "table hint %s reads uncommitted data",
			       adv_pat_ieq(node->name, "nolock")
				       ? "NOLOCK"
				       : "READUNCOMMITTED");
	return 0;
}

/* ---- identity-global-function ---- */

static int identity_visit(const struct adv_ast *node,
			  const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;

	(void)path;
	if (node->kind == ADV_AST_VARIABLE && node->value != NULL &&
	    adv_pat_ieq(node->value, "@@identity"))
		adv_pat_report(v->cx, v->st, node->loc,
			       "@@IDENTITY may return an identity generated "
			       "by a trigger");
	return 0;
}

/* ---- select-star ---- */

/* 1 when every column of the query is listed by name. */
static int query_explicit(const struct adv_ast *q)
{
	const struct adv_ast *r;

	if (q == NULL)
		return 0;
	if (is_dml(q)) {
		for (r = q->returning; r != NULL; r = r->next) {
			const struct adv_ast *e =
				r->kind == ADV_AST_TARGET ? r->args : r;

			if (e != NULL && e->kind == ADV_AST_STAR)
				return 0;
		}
		return q->returning != NULL;
	}
	if (q->kind != ADV_AST_SELECT)
		return 0;
	if (q->op != ADV_SETOP_NONE)
		return query_explicit(q->larg) && query_explicit(q->rarg);
	if ((q->flags & ADV_ASTF_VALUES) != 0)
		return 1;
	return q->targets != NULL && !has_star_target(q->targets);
}

/* The CTE of that name visible from the path, or NULL. */
static const struct adv_ast *find_cte(enum adv_sql_dialect d,
				      const struct adv_ast_path *path,
				      const char *name)
{
	const struct adv_ast *c;
	int i;

	for (i = path->depth - 1; i >= 0; i--) {
		for (c = path->node[i]->with; c != NULL; c = c->next) {
			if (c->kind == ADV_AST_CTE &&
			    same_name(d, c->name, name))
				return c;
		}
	}
	return NULL;
}

/* 1 when * over the item can change with the schema of a base table. */
static int item_is_base(enum adv_sql_dialect d, const struct adv_ast_path *path,
			const struct adv_ast *it)
{
	const struct adv_ast *cte;

	switch (it->kind) {
	case ADV_AST_TABLE:
		if (it->schema == NULL) {
			cte = find_cte(d, path, it->name);
			if (cte != NULL)
				return !query_explicit(cte->sub);
		}
		return 1;
	case ADV_AST_SUBQUERY:
		return !query_explicit(it->sub);
	default:
		return 0; /* a table function's columns are its definition */
	}
}

/* 1 when the query at path->node[i] is the body of an EXISTS. */
static int under_exists(const struct adv_ast_path *path, int i)
{
	for (; i > 0; i--) {
		const struct adv_ast *up = path->node[i - 1];
		enum adv_ast_field f = path->field[i - 1];

		if (up->kind == ADV_AST_SELECT && up->op != ADV_SETOP_NONE &&
		    (f == ADV_F_LARG || f == ADV_F_RARG))
			continue;
		return up->kind == ADV_AST_SUBLINK &&
		       up->op == ADV_SUBLINK_EXISTS && f == ADV_F_SUB;
	}
	return 0;
}

static int star_visit(const struct adv_ast *node,
		      const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	enum adv_sql_dialect d = v->st->dialect;
	const struct adv_ast *target, *sel, *base = NULL;
	struct from_items fi;
	size_t i;
	int depth = path->depth;

	if (node->kind != ADV_AST_STAR || depth < 2)
		return 0;
	target = path->node[depth - 1];
	sel = path->node[depth - 2];
	if (target->kind != ADV_AST_TARGET ||
	    path->field[depth - 1] != ADV_F_ARGS || !is_plain_select(sel) ||
	    path->field[depth - 2] != ADV_F_TARGETS)
		return 0;
	if (under_exists(path, depth - 2))
		return 0;
	memset(&fi, 0, sizeof(fi));
	collect_from(sel->from, &fi);
	for (i = 0; i < fi.n && base == NULL; i++) {
		const struct adv_ast *it = fi.item[i];

		if (node->qual != NULL &&
		    !same_name(d, item_refname(it), node->qual))
			continue;
		if (item_is_base(d, path, it))
			base = it;
	}
	if (base == NULL)
		return 0;
	if (node->qual != NULL)
		adv_pat_report(
			v->cx, v->st, node->loc,
			"'%s.*' selects every column of '%s'", node->qual,
			base->name != NULL ? base->name : item_refname(base));
	else
		adv_pat_report(v->cx, v->st, node->loc,
			       "'*' selects every column of '%s'",
			       base->name != NULL ? base->name
			       : item_refname(base) != NULL
				       ? item_refname(base)
				       : "a derived table");
	return 0;
}

/* ---- insert-without-column-list ---- */

static int insert_cols_visit(const struct adv_ast *node,
			     const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *t = node->table;
	const char *verb;

	(void)path;
	if (node->kind != ADV_AST_INSERT || node->cols != NULL ||
	    (node->flags & ADV_ASTF_DEFAULT_VALUES) != 0 ||
	    (node->values == NULL && node->sub == NULL))
		return 0;
	verb = (node->flags & ADV_ASTF_REPLACE) != 0 ? "REPLACE" : "INSERT";
	if (t != NULL && t->name != NULL)
		adv_pat_report_table(
			v->cx, v->st, t->loc >= 0 ? t->loc : node->loc,
			t->schema, t->name,
			"%s INTO '%s' without a column list", verb, t->name);
	else
		adv_pat_report(v->cx, v->st, node->loc,
			       "%s without a column list", verb);
	return 0;
}

/* ---- too-many-joins ---- */

static int joins_visit(const struct adv_ast *node,
		       const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	struct from_items fi;
	double max = adv_pat_thr(v->cx, 0);

	(void)path;
	if (!is_plain_select(node))
		return 0;
	memset(&fi, 0, sizeof(fi));
	collect_from(node->from, &fi);
	if ((double)fi.total <= max)
		return 0;
	adv_pat_report(v->cx, v->st, node->loc,
		       "%zu tables joined in one SELECT (more than %g)",
		       fi.total, max);
	return 0;
}

/* ---- injection-suspect-function ---- */

static const char *const delay_functions[] = {"sleep",		"benchmark",
					      "pg_sleep",	"pg_sleep_for",
					      "pg_sleep_until", NULL};
static const char *const lock_functions[] = {"get_lock", "release_lock", NULL};

static int tok_is_word(const struct adv_pat_stmt *st,
		       const struct adv_sql_token *tok, const char *word)
{
	size_t n = strlen(word);
	size_t i;

	if (tok->kind != ADV_TOK_WORD || tok->length != n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = st->text[tok->offset + i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return 0;
	}
	return 1;
}

/* The offset of the WAITFOR DELAY at or after loc, or -1. */
static int waitfor_delay_at(const struct adv_pat_stmt *st, int loc)
{
	size_t i, k;

	for (i = 0; i < st->ntoks; i++) {
		if ((int)st->toks[i].offset < loc ||
		    !tok_is_word(st, &st->toks[i], "waitfor"))
			continue;
		for (k = i + 1; k < st->ntoks; k++) {
			if (st->toks[k].kind != ADV_TOK_COMMENT)
				break;
		}
		if (k < st->ntoks && tok_is_word(st, &st->toks[k], "delay"))
			return (int)st->toks[i].offset;
		return -1;
	}
	return -1;
}

static int injection_visit(const struct adv_ast *node,
			   const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	char up[32];
	int at;

	(void)path;
	if (node->kind == ADV_AST_FUNC && node->name != NULL) {
		display_name(v->st->dialect, node->name, up, sizeof(up));
		if (name_is(node->name, delay_functions))
			adv_pat_report(v->cx, v->st, node->loc,
				       "%s() delays the response, the tool "
				       "of time-based SQL-injection probes",
				       up);
		else if (name_is(node->name, lock_functions))
			adv_pat_report(v->cx, v->st, node->loc,
				       "%s() takes a named server lock, used "
				       "in injection probes and lock-based DoS",
				       up);
		else if (adv_pat_ieq(node->name, "load_file"))
			adv_pat_report(v->cx, v->st, node->loc,
				       "LOAD_FILE() reads a file of the "
				       "database server");
		return 0;
	}
	if (node->kind == ADV_AST_CALL && node->name != NULL &&
	    adv_pat_ieq(node->name, "xp_cmdshell")) {
		adv_pat_report(v->cx, v->st, node->loc,
			       "xp_cmdshell runs an operating-system command "
			       "on the database server");
		return 0;
	}
	if (node->kind == ADV_AST_OTHER && node->value != NULL &&
	    strncmp(node->value, "waitfor", 7) == 0) {
		at = waitfor_delay_at(v->st, node->loc >= 0 ? node->loc : 0);
		if (at >= 0)
			adv_pat_report(v->cx, v->st, at,
				       "WAITFOR DELAY delays the response, the "
				       "tool of time-based SQL-injection "
				       "probes");
	}
	return 0;
}

/* ---- plaintext-password ---- */

static const char *const password_names[] = {"password", "passwd", "pwd", NULL};

static int is_password_column(const struct adv_ast *e)
{
	e = unwrap_cast(e);
	return e != NULL && e->kind == ADV_AST_COLUMN &&
	       name_is(e->name, password_names);
}

static int is_text_type(const struct adv_ast_type *t)
{
	return t->cls == ADV_TYPE_CHAR || t->cls == ADV_TYPE_VARCHAR ||
	       t->cls == ADV_TYPE_TEXT;
}

static void password_coldef(struct adv_pat_walk *v, const struct adv_ast *table,
			    const struct adv_ast *cd)
{
	if (cd == NULL || cd->kind != ADV_AST_COLDEF ||
	    !name_is(cd->name, password_names) || !is_text_type(&cd->type))
		return;
	adv_pat_report_table(
		v->cx, v->st, cd->loc, table != NULL ? table->schema : NULL,
		table != NULL ? table->name : NULL,
		"column '%s' of type %s holds passwords as clear "
		"text",
		cd->name, cd->type.name != NULL ? cd->type.name : "text");
}

static int password_visit(const struct adv_ast *node,
			  const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *parent = parent_of(path);
	const struct adv_ast *a, *b, *col;

	if (node->kind == ADV_AST_CREATE_TABLE) {
		for (a = node->coldefs; a != NULL; a = a->next)
			password_coldef(v, node->table, a);
		return 0;
	}
	if (node->kind == ADV_AST_ALTER_TABLE) {
		for (a = node->cmds; a != NULL; a = a->next) {
			if (a->op == ADV_ALTER_ADD_COLUMN)
				password_coldef(v, node->table, a->coldef);
		}
		return 0;
	}
	if (node->kind != ADV_AST_OP || node->name == NULL ||
	    node->args == NULL || node->args->next == NULL ||
	    (strcmp(node->name, "=") != 0 && strcmp(node->name, "<>") != 0 &&
	     strcmp(node->name, "!=") != 0))
		return 0;
	/* T-SQL SELECT alias = expr is an alias, not a comparison */
	if (v->st->dialect == ADV_DIALECT_MS && parent != NULL &&
	    parent->kind == ADV_AST_TARGET)
		return 0;
	a = node->args;
	b = a->next;
	if (is_password_column(a) && is_string_const(unwrap_cast(b)))
		col = unwrap_cast(a);
	else if (is_password_column(b) && is_string_const(unwrap_cast(a)))
		col = unwrap_cast(b);
	else
		return 0;
	adv_pat_report(v->cx, v->st, node->loc,
		       "'%s' is compared with a clear-text string literal",
		       col->name);
	return 0;
}

/* ---- the table ---- */

/* Rules of this group; the table ends with an entry whose id is NULL. */
const struct adv_pat_rule adv_pat_rules_correctness2[] = {
	{
		.id = "unused-outer-join",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A LEFT, RIGHT or FULL joined table that nothing "
			   "outside its ON clause refers to.",
		.why = "The join is read for nothing, and when its key is "
		       "not unique it silently multiplies the rows of the "
		       "result.",
		.fix = "Remove the join, or use its columns; to test for a "
		       "match, write EXISTS.",
		.example_fire =
			"SELECT o.id, o.total FROM orders o\n"
			"LEFT JOIN customers c ON c.id = o.customer_id\n"
			"WHERE o.status = 'paid';\n",
		.example_quiet =
			"SELECT o.id, c.name FROM orders o\n"
			"LEFT JOIN customers c ON c.id = o.customer_id\n"
			"WHERE o.status = 'paid';\n",
		.walk = unused_outer_join_visit,
	},
	{
		.id = "set-op-column-mismatch",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "UNION, INTERSECT or EXCEPT branches that return "
			   "different numbers of columns.",
		.why = "The statement fails at run time, or was edited in "
		       "one branch and not in the other.",
		.fix = "Select the same columns, in the same order, in every "
		       "branch.",
		.example_fire = "SELECT id, name FROM customers WHERE vip\n"
				"UNION\n"
				"SELECT id FROM suppliers WHERE vip;\n",
		.example_quiet = "SELECT id, name FROM customers WHERE vip\n"
				 "UNION\n"
				 "SELECT id, name FROM suppliers WHERE vip;\n",
		.walk = set_op_visit,
	},
	{
		.id = "wildcard-alias",
		.category = "correctness",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "An alias given to '*' or 't.*' in a select list.",
		.why = "The alias cannot name a whole expansion: where it is "
		       "accepted it renames one column, not the set the "
		       "author meant.",
		.fix = "Drop the alias, or list the columns and alias each "
		       "one.",
		.example_fire =
			"SELECT d.* AS totals\n"
			"FROM (SELECT customer_id, SUM(total) AS spent\n"
			"      FROM orders GROUP BY customer_id) AS d\n"
			"WHERE d.spent > 100;\n",
		.example_quiet =
			"SELECT d.*, d.spent AS totals\n"
			"FROM (SELECT customer_id, SUM(total) AS spent\n"
			"      FROM orders GROUP BY customer_id) AS d\n"
			"WHERE d.spent > 100;\n",
		.walk = wildcard_alias_visit,
	},
	{
		.id = "like-without-wildcard",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A LIKE pattern with no unescaped % or _ (nor, in "
			   "SQL Server, a [...] class).",
		.why = "Without a wildcard LIKE is an equality test: either "
		       "a wildcard was forgotten or '=' was meant.",
		.fix = "Add the missing % or _, or write '=' (ILIKE and "
		       "escaped wildcards are left alone).",
		.example_fire =
			"SELECT id FROM customers WHERE name LIKE 'Smith';\n",
		.example_quiet =
			"SELECT id FROM customers WHERE name LIKE 'Smith%';\n",
		.walk = like_visit,
	},
	{
		.id = "unquoted-date-literal",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A date written without quotes, such as "
			   "2010-02-12.",
		.why = "Unquoted, 2010-02-12 is two subtractions (= 1996): "
		       "the comparison runs against a number and matches the "
		       "wrong rows.",
		.fix = "Quote the literal: '2010-02-12' or DATE "
		       "'2010-02-12'.",
		.example_fire = "SELECT id FROM orders WHERE created_at < "
				"2010-02-12;\n",
		.example_quiet = "SELECT id FROM orders WHERE created_at < "
				 "'2010-02-12';\n",
		.walk = date_visit,
	},
	{
		.id = "count-distinct-multi-column",
		.category = "correctness",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "COUNT(DISTINCT a, b) over several expressions.",
		.why = "Rows where any of the expressions is NULL are not "
		       "counted at all, which is rarely what the count is "
		       "meant to say.",
		.fix = "COALESCE the nullable expressions, or count the "
		       "distinct rows of a derived table.",
		.example_fire = "SELECT COUNT(DISTINCT city, zip) FROM "
				"customers WHERE region = 'EU';\n",
		.example_quiet = "SELECT COUNT(DISTINCT city) FROM "
				 "customers WHERE region = 'EU';\n",
		.walk = count_distinct_visit,
	},
	{
		.id = "concat-nullable",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "String concatenation ('||', MySQL CONCAT(), T-SQL "
			   "'+') over a column not known to be NOT NULL.",
		.why = "One NULL operand makes the whole string NULL, so a "
		       "missing middle name blanks the full name.",
		.fix = "Wrap nullable operands in COALESCE(col, ''), or use "
		       "CONCAT_WS (PostgreSQL and SQL Server CONCAT() skip "
		       "NULLs).",
		.example_fire = "SELECT first_name || ' ' || last_name FROM "
				"customers WHERE id = 7;\n",
		.example_quiet = "SELECT COALESCE(first_name, '') || ' ' || "
				 "COALESCE(last_name, '')\n"
				 "FROM customers WHERE id = 7;\n",
		.walk = concat_visit,
	},
	{
		.id = "duplicate-column-alias",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "An output alias used twice in one select list.",
		.why = "Clients keyed by column name see only one of the "
		       "values, and ORDER BY or an outer query cannot tell "
		       "them apart.",
		.fix = "Give every output column its own name.",
		.example_fire = "SELECT o.id, o.created_at AS day, "
				"o.shipped_at AS day\n"
				"FROM orders o WHERE o.id = 7;\n",
		.example_quiet = "SELECT o.id, o.created_at AS created_day, "
				 "o.shipped_at AS shipped_day\n"
				 "FROM orders o WHERE o.id = 7;\n",
		.walk = dup_alias_visit,
	},
	{
		.id = "duplicate-table-alias",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "The same table alias (or unaliased table name) "
			   "declared twice in one FROM clause.",
		.why = "The statement is rejected, or column references are "
		       "ambiguous: usually a self-join missing its second "
		       "alias.",
		.fix = "Give each occurrence its own alias.",
		.example_fire = "SELECT a.id FROM employees a\n"
				"JOIN employees a ON a.manager_id = a.id\n"
				"WHERE a.id > 0;\n",
		.example_quiet = "SELECT e.id FROM employees e\n"
				 "JOIN employees m ON e.manager_id = m.id\n"
				 "WHERE e.id > 0;\n",
		.walk = dup_table_visit,
	},
	{
		.id = "duplicate-column-assignment",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A column assigned twice in UPDATE ... SET or "
			   "listed twice in an INSERT column list.",
		.why = "PostgreSQL and SQL Server reject it; MySQL applies "
		       "the assignments in order, so one silently overwrites "
		       "the other.",
		.fix = "Assign each column once.",
		.example_fire = "UPDATE orders SET status = 'shipped', "
				"status = 'paid' WHERE id = 7;\n",
		.example_quiet = "UPDATE orders SET status = 'shipped', "
				 "paid = true WHERE id = 7;\n",
		.walk = dup_assign_visit,
	},
	{
		.id = "nondeterministic-function-replication",
		.category = "correctness",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "SYSDATE() anywhere, or UUID(), UUID_SHORT(), "
			   "RAND() or USER() inside INSERT, UPDATE or DELETE.",
		.why = "Under statement-based replication each replica "
		       "evaluates the function again and stores a different "
		       "value.",
		.fix = "Use NOW() instead of SYSDATE(); compute the value "
		       "first into a variable, or replicate rows "
		       "(binlog_format=ROW).",
		.example_fire = "INSERT INTO sessions (id, created_at) VALUES "
				"(UUID(), NOW());\n",
		.example_quiet = "INSERT INTO sessions (id, created_at) VALUES "
				 "(?, NOW());\n",
		.walk = replication_visit,
	},
	{
		.id = "dml-limit-without-order-by",
		.category = "correctness",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "UPDATE or DELETE with LIMIT and no ORDER BY.",
		.why = "Which rows are changed depends on the plan, so it "
		       "can differ between runs and between a source and its "
		       "replicas.",
		.fix = "Add an ORDER BY on a unique key (usually the primary "
		       "key).",
		.example_fire = "DELETE FROM events WHERE created_at < "
				"'2024-01-01' LIMIT 1000;\n",
		.example_quiet = "DELETE FROM events WHERE created_at < "
				 "'2024-01-01' ORDER BY id LIMIT 1000;\n",
		.walk = dml_limit_visit,
	},
	{
		.id = "suspicious-unicode",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "An invisible or look-alike character (no-break or "
			   "zero-width space, curly or full-width quote) in "
			   "SQL code, outside strings and comments.",
		.why = "Usually pasted from a word processor or chat: it "
		       "becomes part of an identifier or breaks quoting, so "
		       "the statement fails or means something else.",
		.fix = "Retype the character as a plain space or a straight "
		       "quote.",
		.example_fire = "SELECT id FROM customers WHERE name = "
				"\xe2\x80\x98Smith\xe2\x80\x99;\n",
		.example_quiet = "SELECT id FROM customers WHERE name = "
				 "'\xe2\x80\x98quoted\xe2\x80\x99';\n",
		.check = check_suspicious_unicode,
	},
	{
		.id = "nolock-hint",
		.category = "correctness",
		.dialects = ADV_PAT_MS,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "WITH (NOLOCK) or READUNCOMMITTED table hints, or "
			   "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED.",
		.why = "Dirty reads see uncommitted rows that may be rolled "
		       "back, and allocation-order scans can skip rows or "
		       "read them twice.",
		.fix = "Remove the hint; to keep readers from blocking "
		       "writers, enable READ_COMMITTED_SNAPSHOT or use "
		       "SNAPSHOT isolation.",
		.example_fire = "SELECT id, total FROM dbo.orders WITH "
				"(NOLOCK) WHERE customer_id = 42;\n",
		.example_quiet = "SELECT id, total FROM dbo.orders WITH "
				 "(ROWLOCK) WHERE customer_id = 42;\n",
		.walk = nolock_visit,
	},
	{
		.id = "identity-global-function",
		.category = "correctness",
		.dialects = ADV_PAT_MS,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "@@IDENTITY read to get the key of a new row.",
		.why = "@@IDENTITY is the last identity of the session in any "
		       "scope: an insert done by a trigger replaces the "
		       "value the caller expects.",
		.fix = "Use SCOPE_IDENTITY() or OUTPUT INSERTED.id.",
		.example_fire = "SELECT @@IDENTITY AS new_id;\n",
		.example_quiet = "SELECT SCOPE_IDENTITY() AS new_id;\n",
		.walk = identity_visit,
	},
	{
		.id = "select-star",
		.category = "maintainability",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "SELECT * or t.* over a base table or view (not "
			   "in EXISTS, not COUNT(*), not over a CTE or derived "
			   "table that lists its columns).",
		.why = "The result changes shape when a column is added, "
		       "dropped or reordered, and it fetches columns nobody "
		       "reads, which also defeats covering indexes.",
		.fix = "List the columns the caller uses.",
		.example_fire = "SELECT * FROM orders WHERE id = 7;\n",
		.example_quiet = "SELECT id, status FROM orders WHERE id = "
				 "7;\n",
		.walk = star_visit,
	},
	{
		.id = "insert-without-column-list",
		.category = "maintainability",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "INSERT or REPLACE (VALUES or SELECT) without a "
			   "target column list.",
		.why = "Values are matched to columns by position: adding or "
		       "reordering a column breaks the statement or, worse, "
		       "puts values in the wrong columns.",
		.fix = "Name the target columns: INSERT INTO t (a, b) ...",
		.example_fire = "INSERT INTO orders VALUES (7, 'new', "
				"42);\n",
		.example_quiet = "INSERT INTO orders (id, status, "
				 "customer_id) VALUES (7, 'new', 42);\n",
		.walk = insert_cols_visit,
	},
	{
		.id = "too-many-joins",
		.category = "maintainability",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "More tables joined in one SELECT than the "
			   "threshold allows.",
		.why = "The join search space explodes (PostgreSQL stops "
		       "reordering beyond join_collapse_limit and switches "
		       "to GEQO), plans become unstable and the query is "
		       "hard to review.",
		.fix = "Split the query, pre-aggregate into a CTE or a "
		       "temporary table, or drop joins that are not needed.",
		.example_fire =
			"SELECT a.id FROM a JOIN b ON b.a_id = a.id\n"
			"JOIN c ON c.b_id = b.id JOIN d ON d.c_id = c.id\n"
			"JOIN e ON e.d_id = d.id JOIN f ON f.e_id = e.id\n"
			"JOIN g ON g.f_id = f.id JOIN h ON h.g_id = g.id\n"
			"JOIN i ON i.h_id = h.id\n"
			"WHERE a.id = 1;\n",
		.example_quiet =
			"SELECT a.id FROM a JOIN b ON b.a_id = a.id\n"
			"JOIN c ON c.b_id = b.id JOIN d ON d.c_id = c.id\n"
			"WHERE a.id = 1;\n",
		.thresholds = {{"max_joins", 8,
				"tables joined in one SELECT before it fires"},
			       {0}},
		.walk = joins_visit,
	},
	{
		.id = "injection-suspect-function",
		.category = "security",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A call typical of SQL-injection probes or denial "
			   "of service: SLEEP(), BENCHMARK(), pg_sleep(), "
			   "WAITFOR DELAY, GET_LOCK()/RELEASE_LOCK(), "
			   "LOAD_FILE(), xp_cmdshell.",
		.why = "Application SQL rarely needs them; in a log they "
		       "usually mean a blind-injection probe, a file read or "
		       "a shell command run through the database.",
		.fix = "Find where the text came from and parameterise that "
		       "query; revoke FILE / xp_cmdshell rights.",
		.example_fire = "SELECT id FROM users WHERE id = 1 OR "
				"pg_sleep(5) IS NULL;\n",
		.example_quiet = "SELECT id, sleep_minutes FROM users WHERE "
				 "id = 1;\n",
		.walk = injection_visit,
	},
	{
		.id = "plaintext-password",
		.category = "security",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A password column compared with a string literal, "
			   "or declared with a character type.",
		.why = "Passwords kept as text are exposed by any backup, "
		       "log or injection, and a literal in a query ends up "
		       "in logs and statistics views.",
		.fix = "Store a salted slow hash (bcrypt, scrypt, argon2) in "
		       "a column such as password_hash and verify it in the "
		       "application.",
		.example_fire = "SELECT id FROM users WHERE login = 'bob' AND "
				"password = 'hunter2';\n",
		.example_quiet = "SELECT id, password_hash FROM users WHERE "
				 "login = 'bob';\n",
		.walk = password_visit,
	},
	{0},
};
