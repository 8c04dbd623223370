#include "patterns.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

/*
 * Correctness rules, first part: predicates that can never (or always)
 * match, NULL traps, nondeterministic results and join mistakes. Each
 * check walks the statement tree of sqlast.h; the helpers below resolve
 * column qualifiers against a FROM clause and read table definitions from
 * the script state when the input created them earlier.
 */

/* ---- small tree helpers ---- */

static int str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* A NULL literal, possibly cast (NULL::int, CAST(NULL AS int)). */
static int is_null_const(const struct adv_ast *e)
{
	while (e != NULL && e->kind == ADV_AST_CAST)
		e = e->args;
	return e != NULL && e->kind == ADV_AST_CONST && e->op == ADV_CONST_NULL;
}

static int is_cmp_name(const char *name)
{
	static const char *const ops[] = {"=", "<>", "!=", "<",
					  ">", "<=", ">=", NULL};
	size_t i;

	if (name == NULL)
		return 0;
	for (i = 0; ops[i] != NULL; i++) {
		if (strcmp(name, ops[i]) == 0)
			return 1;
	}
	return 0;
}

/* A binary comparison operator node: x = y, x < y, ... */
static int is_cmp(const struct adv_ast *e)
{
	return e != NULL && e->kind == ADV_AST_OP && is_cmp_name(e->name) &&
	       e->args != NULL && e->args->next != NULL &&
	       e->args->next->next == NULL;
}

static int is_ne_name(const char *name)
{
	return strcmp(name, "<>") == 0 || strcmp(name, "!=") == 0;
}

/* The same column, written the same way (qualifier included). */
static int same_column(const struct adv_ast *a, const struct adv_ast *b)
{
	return a != NULL && b != NULL && a->kind == ADV_AST_COLUMN &&
	       b->kind == ADV_AST_COLUMN && str_eq(a->name, b->name) &&
	       str_eq(a->qual, b->qual) && str_eq(a->schema, b->schema);
}

/* The same column name, qualifiers equal or one of them left out. */
static int same_column_loose(const struct adv_ast *a, const struct adv_ast *b)
{
	if (a == NULL || b == NULL || a->kind != ADV_AST_COLUMN ||
	    b->kind != ADV_AST_COLUMN || !str_eq(a->name, b->name))
		return 0;
	return a->qual == NULL || b->qual == NULL || str_eq(a->qual, b->qual);
}

/* Structural equality of two expressions (GROUP BY key matching). */
static int expr_equal(const struct adv_ast *a, const struct adv_ast *b)
{
	const struct adv_ast *x, *y;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind || a->op != b->op || a->flags != b->flags ||
	    !str_eq(a->name, b->name) || !str_eq(a->qual, b->qual) ||
	    !str_eq(a->value, b->value) || a->sub != NULL || b->sub != NULL)
		return 0;
	for (x = a->args, y = b->args; x != NULL && y != NULL;
	     x = x->next, y = y->next) {
		if (!expr_equal(x, y))
			return 0;
	}
	return x == NULL && y == NULL;
}

static int is_aggregate_call(const struct adv_ast *e)
{
	if (e->kind != ADV_AST_FUNC || (e->flags2 & ADV_AST2_WINDOW) != 0)
		return 0;
	if ((e->flags2 & ADV_AST2_AGGREGATE) != 0 ||
	    (e->flags2 & ADV_AST2_AGG_STAR) != 0)
		return 1;
	return e->name != NULL && (adv_ast_aggregate_function(e->name) ||
				   strcmp(e->name, "any_value") == 0);
}

static int find_aggregate(const struct adv_ast *node,
			  const struct adv_ast_path *path, void *data)
{
	(void)path;
	if (is_aggregate_call(node)) {
		*(int *)data = 1;
		return -1;
	}
	return 0;
}

/* 1 when a plain (not windowed) aggregate appears in the list. */
static int list_has_aggregate(const struct adv_ast *list)
{
	int found = 0;

	for (; list != NULL && !found; list = list->next)
		adv_ast_walk(list, ADV_WALK_NO_SUBQUERY, find_aggregate,
			     &found);
	return found;
}

/* The top-level AND terms of a condition, at most max of them. */
static size_t conjuncts(const struct adv_ast *e, const struct adv_ast **out,
			size_t max)
{
	const struct adv_ast *a;
	size_t n = 0;

	if (e == NULL)
		return 0;
	if (e->kind != ADV_AST_AND) {
		out[0] = e;
		return 1;
	}
	for (a = e->args; a != NULL && n < max; a = a->next) {
		if (a->kind == ADV_AST_AND)
			n += conjuncts(a, out + n, max - n);
		else
			out[n++] = a;
	}
	return n;
}

#define MAX_CONJ 128

/* The first node of an expression in the text: its leftmost operand. */
static const struct adv_ast *leftmost(const struct adv_ast *e)
{
	for (;;) {
		switch (e->kind) {
		case ADV_AST_OP:
			if (e->args == NULL || e->args->next == NULL)
				return e; /* a prefix operator comes first */
			break;
		case ADV_AST_AND:
		case ADV_AST_OR:
		case ADV_AST_IN:
		case ADV_AST_BETWEEN:
		case ADV_AST_LIKE:
		case ADV_AST_NULLTEST:
		case ADV_AST_BOOLTEST:
		case ADV_AST_DISTINCT_FROM:
		case ADV_AST_ANY_ALL:
			break;
		default:
			return e;
		}
		if (e->args == NULL)
			return e;
		e = e->args;
	}
}

static int node_loc(const struct adv_ast *e)
{
	const struct adv_ast *l;

	if (e == NULL)
		return -1;
	l = leftmost(e);
	return l->loc >= 0 ? l->loc : e->loc;
}

/* ---- tokens ---- */

/* The index of the token starting at byte offset loc, or -1. */
static long tok_at(const struct adv_pat_stmt *st, int loc)
{
	size_t lo = 0, hi = st->ntoks;

	if (loc < 0 || st->toks == NULL)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (st->toks[mid].offset < (size_t)loc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < st->ntoks && st->toks[lo].offset == (size_t)loc)
		return (long)lo;
	return -1;
}

static int tok_code(const struct adv_sql_token *t)
{
	return t->kind != ADV_TOK_COMMENT && t->kind != ADV_TOK_SPACE &&
	       t->kind != ADV_TOK_HINT;
}

static long tok_prev(const struct adv_pat_stmt *st, long i)
{
	while (--i >= 0) {
		if (tok_code(&st->toks[i]))
			return i;
	}
	return -1;
}

static long tok_next(const struct adv_pat_stmt *st, long i)
{
	while (++i < (long)st->ntoks) {
		if (st->toks[i].kind == ADV_TOK_END)
			return -1;
		if (tok_code(&st->toks[i]))
			return i;
	}
	return -1;
}

/* Token i spelled s (ASCII case-insensitive). */
static int tok_is(const struct adv_pat_stmt *st, long i, const char *s)
{
	const struct adv_sql_token *t;
	size_t n = strlen(s), k;

	if (i < 0 || i >= (long)st->ntoks)
		return 0;
	t = &st->toks[i];
	if (t->length != n || t->offset + n > st->len)
		return 0;
	for (k = 0; k < n; k++) {
		if (tolower((unsigned char)st->text[t->offset + k]) !=
		    tolower((unsigned char)s[k]))
			return 0;
	}
	return 1;
}

/* The token that closes the parenthesis opened at token i, or -1. */
static long tok_close(const struct adv_pat_stmt *st, long i)
{
	int depth = 0;

	for (; i >= 0; i = tok_next(st, i)) {
		if (tok_is(st, i, "("))
			depth++;
		else if (tok_is(st, i, ")") && --depth == 0)
			return i;
	}
	return -1;
}

/* ---- rendering expressions for messages ---- */

#define TXT_MAX 96

struct txt {
	char s[TXT_MAX];
	size_t n;
	int cut;
};

static void txt_put(struct txt *t, const char *s)
{
	size_t len = strlen(s);

	if (t->cut)
		return;
	if (t->n + len + 4 > sizeof(t->s)) {
		len = sizeof(t->s) - 4 - t->n;
		memcpy(t->s + t->n, s, len);
		memcpy(t->s + t->n + len, "...", 4);
		t->n += len + 3;
		t->cut = 1;
		return;
	}
	memcpy(t->s + t->n, s, len + 1);
	t->n += len;
}

static void render(struct txt *t, const struct adv_ast *e, int depth);

/* An identifier, double-quoted when it would not read back as written. */
static void txt_ident(struct txt *t, const char *name)
{
	const char *p;
	int plain = name[0] != '\0' && !isdigit((unsigned char)name[0]);

	for (p = name; *p != '\0' && plain; p++) {
		if (!islower((unsigned char)*p) &&
		    !isdigit((unsigned char)*p) && *p != '_' && *p != '$')
			plain = 0;
	}
	if (!plain)
		txt_put(t, "\"");
	txt_put(t, name);
	if (!plain)
		txt_put(t, "\"");
}

static void render_list(struct txt *t, const struct adv_ast *e, const char *sep,
			int depth)
{
	for (; e != NULL; e = e->next) {
		render(t, e, depth);
		if (e->next != NULL)
			txt_put(t, sep);
	}
}

static void render_operand(struct txt *t, const struct adv_ast *e, int depth)
{
	int paren = e->kind == ADV_AST_AND || e->kind == ADV_AST_OR ||
		    (e->kind == ADV_AST_OP && e->args != NULL &&
		     e->args->next != NULL);

	if (paren)
		txt_put(t, "(");
	render(t, e, depth);
	if (paren)
		txt_put(t, ")");
}

static void render(struct txt *t, const struct adv_ast *e, int depth)
{
	if (e == NULL || depth > 6) {
		txt_put(t, "...");
		return;
	}
	switch (e->kind) {
	case ADV_AST_COLUMN:
		if (e->qual != NULL) {
			txt_ident(t, e->qual);
			txt_put(t, ".");
		}
		txt_ident(t, e->name != NULL ? e->name : "?");
		break;
	case ADV_AST_STAR:
		if (e->qual != NULL) {
			txt_ident(t, e->qual);
			txt_put(t, ".");
		}
		txt_put(t, "*");
		break;
	case ADV_AST_CONST:
		if (e->op == ADV_CONST_NULL) {
			txt_put(t, "NULL");
		} else if (e->op == ADV_CONST_BOOL) {
			txt_put(t, e->value != NULL && (e->value[0] == 't' ||
							e->value[0] == 'T')
					   ? "TRUE"
					   : "FALSE");
		} else if (e->op == ADV_CONST_STRING) {
			txt_put(t, "'");
			txt_put(t, e->value != NULL ? e->value : "");
			txt_put(t, "'");
		} else {
			txt_put(t, e->value != NULL ? e->value : "?");
		}
		break;
	case ADV_AST_PARAM:
	case ADV_AST_VARIABLE:
		txt_put(t, e->value != NULL ? e->value : "?");
		break;
	case ADV_AST_OP:
		if (e->args != NULL && e->args->next != NULL) {
			render_operand(t, e->args, depth + 1);
			txt_put(t, " ");
			txt_put(t, e->name != NULL ? e->name : "?");
			txt_put(t, " ");
			render_operand(t, e->args->next, depth + 1);
		} else {
			txt_put(t, e->name != NULL ? e->name : "?");
			render_operand(t, e->args, depth + 1);
		}
		break;
	case ADV_AST_AND:
	case ADV_AST_OR:
		render_list(t, e->args,
			    e->kind == ADV_AST_AND ? " AND " : " OR ",
			    depth + 1);
		break;
	case ADV_AST_NOT:
		txt_put(t, "NOT ");
		render_operand(t, e->args, depth + 1);
		break;
	case ADV_AST_BETWEEN:
		render(t, e->args, depth + 1);
		txt_put(t, (e->flags & ADV_ASTF_NEGATED) != 0 ? " NOT BETWEEN "
							      : " BETWEEN ");
		if (e->args != NULL && e->args->next != NULL) {
			render(t, e->args->next, depth + 1);
			txt_put(t, " AND ");
			render(t, e->args->next->next, depth + 1);
		}
		break;
	case ADV_AST_NULLTEST:
		render(t, e->args, depth + 1);
		txt_put(t, (e->flags & ADV_ASTF_NEGATED) != 0 ? " IS NOT NULL"
							      : " IS NULL");
		break;
	case ADV_AST_FUNC:
		txt_put(t, e->name != NULL ? e->name : "?");
		txt_put(t, "(");
		if ((e->flags2 & ADV_AST2_AGG_STAR) != 0)
			txt_put(t, "*");
		else
			render_list(t, e->args, ", ", depth + 1);
		txt_put(t, ")");
		break;
	case ADV_AST_CAST:
		render(t, e->args, depth + 1);
		break;
	case ADV_AST_LIST:
		txt_put(t, "(");
		render_list(t, e->args, ", ", depth + 1);
		txt_put(t, ")");
		break;
	default:
		txt_put(t, "...");
		break;
	}
}

/* Renders e into t (reset first) and returns the text. */
static const char *show(struct txt *t, const struct adv_ast *e)
{
	t->n = 0;
	t->cut = 0;
	t->s[0] = '\0';
	render(t, e, 0);
	return t->s;
}

/* ---- FROM clause scopes ---- */

#define MAX_RELS 64

/* One relation of a FROM clause. */
struct rel {
	const struct adv_ast *item; /* TABLE, SUBQUERY or FUNCTION_TABLE */
	const char *name;	    /* how columns qualify it, may be NULL */
	const struct adv_pat_table *def; /* its CREATE TABLE, or NULL */
	/* the innermost outer JOIN that NULL-extends it, or NULL */
	const struct adv_ast *outer;
};

struct scope {
	struct rel rel[MAX_RELS];
	size_t n;
	int overflow;
};

static void scope_add(struct adv_pat_ctx *cx, struct scope *sc,
		      const struct adv_ast *item, const struct adv_ast *outer)
{
	struct rel *r;

	if (item == NULL)
		return;
	if (item->kind == ADV_AST_JOIN) {
		int left_null =
			item->op == ADV_JOIN_RIGHT || item->op == ADV_JOIN_FULL;
		int right_null =
			item->op == ADV_JOIN_LEFT || item->op == ADV_JOIN_FULL;

		scope_add(cx, sc, item->larg, left_null ? item : outer);
		scope_add(cx, sc, item->rarg, right_null ? item : outer);
		return;
	}
	if (sc->n == MAX_RELS) {
		sc->overflow = 1;
		return;
	}
	r = &sc->rel[sc->n++];
	r->item = item;
	r->outer = outer;
	r->def = NULL;
	r->name = item->alias;
	if (item->kind == ADV_AST_TABLE) {
		if (r->name == NULL)
			r->name = item->name;
		if (cx != NULL && item->name != NULL)
			r->def = adv_pat_find_table(cx, item->schema,
						    item->name);
	} else if (item->kind == ADV_AST_FUNCTION_TABLE && r->name == NULL) {
		r->name = item->name;
	}
}

static void scope_build(struct adv_pat_ctx *cx, struct scope *sc,
			const struct adv_ast *from)
{
	sc->n = 0;
	sc->overflow = 0;
	for (; from != NULL; from = from->next)
		scope_add(cx, sc, from, NULL);
}

/* 1 when the derived table's query names an output column name. */
static int subquery_has_column(const struct adv_ast *item, const char *name)
{
	const struct adv_ast *q = item->sub, *t;

	for (t = item->cols; t != NULL; t = t->next) {
		if (str_eq(t->name, name))
			return 1;
	}
	if (item->cols != NULL || q == NULL || q->kind != ADV_AST_SELECT)
		return 0;
	while (q->larg != NULL && q->op != ADV_SETOP_NONE)
		q = q->larg;
	for (t = q->targets; t != NULL; t = t->next) {
		const struct adv_ast *e =
			t->kind == ADV_AST_TARGET ? t->args : t;

		if (t->alias != NULL) {
			if (strcmp(t->alias, name) == 0)
				return 1;
		} else if (e != NULL && e->kind == ADV_AST_COLUMN &&
			   str_eq(e->name, name)) {
			return 1;
		}
	}
	return 0;
}

/*
 * The relation a column belongs to: -1 when it cannot be told. A
 * qualified column matches by alias (or table name without alias); an
 * unqualified one through the table definitions of the state, or the
 * only relation when single is set.
 */
static int scope_resolve(const struct scope *sc, const struct adv_ast *col,
			 int single)
{
	size_t i;
	int found = -1;

	if (col == NULL || col->kind != ADV_AST_COLUMN || col->name == NULL)
		return -1;
	if (col->qual != NULL) {
		for (i = 0; i < sc->n; i++) {
			const struct rel *r = &sc->rel[i];

			if (r->name == NULL || strcmp(r->name, col->qual) != 0)
				continue;
			if (col->schema != NULL && r->item->alias == NULL &&
			    r->item->schema != NULL &&
			    strcmp(col->schema, r->item->schema) != 0)
				continue;
			return (int)i;
		}
		return -1;
	}
	for (i = 0; i < sc->n; i++) {
		const struct rel *r = &sc->rel[i];
		int has;

		if (r->def != NULL)
			has = adv_pat_table_column(r->def, col->name) != NULL;
		else if (r->item->kind == ADV_AST_SUBQUERY)
			has = subquery_has_column(r->item, col->name);
		else
			has = 0;
		if (!has)
			continue;
		if (found >= 0)
			return -1;
		found = (int)i;
	}
	if (found < 0 && single && sc->n == 1 && !sc->overflow)
		found = 0;
	return found;
}

/* 1 when the table's column is NOT NULL or part of its primary key. */
static int table_column_not_null(const struct adv_pat_table *t,
				 const char *name)
{
	const struct adv_pat_column *c;
	size_t i, j;

	if (t == NULL || name == NULL)
		return 0;
	c = adv_pat_table_column(t, name);
	if (c != NULL && c->not_null)
		return 1;
	for (i = 0; i < t->nidx; i++) {
		if (!t->idx[i].primary)
			continue;
		for (j = 0; j < t->idx[i].ncols; j++) {
			if (str_eq(t->idx[i].cols[j], name))
				return 1;
		}
	}
	return 0;
}

/*
 * 1 when the relation's column cannot be NULL: NOT NULL or primary key in
 * its CREATE TABLE, or, for a table the input does not define, a column
 * named id (a surrogate primary key in practice).
 */
static int rel_column_not_null(const struct rel *r, const char *name)
{
	if (r->def != NULL)
		return table_column_not_null(r->def, name);
	return r->item->kind == ADV_AST_TABLE && str_eq(name, "id");
}

/* 1 when the conjunct c filters out rows where col is NULL. */
static int rejects_null(const struct adv_ast *c, const struct adv_ast *col)
{
	switch (c->kind) {
	case ADV_AST_NULLTEST:
		return (c->flags & ADV_ASTF_NEGATED) != 0 &&
		       same_column_loose(c->args, col);
	case ADV_AST_OP:
		if (!is_cmp(c))
			return 0;
		return (same_column_loose(c->args, col) &&
			!is_null_const(c->args->next)) ||
		       (same_column_loose(c->args->next, col) &&
			!is_null_const(c->args));
	case ADV_AST_LIKE:
	case ADV_AST_BETWEEN:
	case ADV_AST_IN:
		return same_column_loose(c->args, col);
	default:
		return 0;
	}
}

/* Calls fn on every JOIN node of a FROM item tree. */
static void for_each_join(const struct adv_ast *item,
			  void (*fn)(const struct adv_ast *join, void *data),
			  void *data)
{
	if (item == NULL || item->kind != ADV_AST_JOIN)
		return;
	fn(item, data);
	for_each_join(item->larg, fn, data);
	for_each_join(item->rarg, fn, data);
}

/* ---- null-comparison-equals ---- */

static void report_null_eq(struct adv_pat_walk *v, const struct adv_ast *op)
{
	const struct adv_ast *l = op->args, *r = op->args->next;
	const struct adv_ast *other = is_null_const(l) ? r : l;
	const char *neg = strcmp(op->name, "=") == 0 ? "" : "NOT ";
	struct txt t;
	int loc = op->loc >= 0 ? op->loc : node_loc(other);

	if (is_null_const(other)) {
		adv_pat_report(v->cx, v->st, loc,
			       "'NULL %s NULL' is never true", op->name);
		return;
	}
	adv_pat_report(v->cx, v->st, loc,
		       "'%s %s NULL' is never true: use '%s IS %sNULL'",
		       show(&t, other), op->name, t.s, neg);
}

static int null_eq_visit(const struct adv_ast *n,
			 const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;

	if (is_cmp(n) && (strcmp(n->name, "=") == 0 || is_ne_name(n->name)) &&
	    (is_null_const(n->args) || is_null_const(n->args->next))) {
		const struct adv_ast *parent =
			path->depth > 0 ? path->node[path->depth - 1] : NULL;

		/* T-SQL SELECT @v = NULL assigns */
		if (v->st->dialect == ADV_DIALECT_MS &&
		    n->args->kind == ADV_AST_VARIABLE && parent != NULL &&
		    parent->kind == ADV_AST_TARGET)
			return 0;
		report_null_eq(v, n);
	} else if (n->kind == ADV_AST_CASE && n->quals != NULL) {
		const struct adv_ast *w;
		struct txt t;

		for (w = n->args; w != NULL; w = w->next) {
			if (w->kind != ADV_AST_CASE_WHEN ||
			    !is_null_const(w->args))
				continue;
			adv_pat_report(v->cx, v->st, node_loc(w->args),
				       "'CASE %s WHEN NULL' never matches: "
				       "use 'CASE WHEN %s IS NULL'",
				       show(&t, n->quals), t.s);
		}
	}
	return 0;
}

/* ---- not-in-subquery-nullable ---- */

struct inner_on {
	const struct adv_ast *col;
	int found;
};

static void inner_on_rejects(const struct adv_ast *join, void *data)
{
	struct inner_on *io = data;
	const struct adv_ast *c[MAX_CONJ];
	size_t i, n;

	if (join->op != ADV_JOIN_INNER || join->quals == NULL)
		return;
	n = conjuncts(join->quals, c, MAX_CONJ);
	for (i = 0; i < n; i++) {
		if (rejects_null(c[i], io->col))
			io->found = 1;
	}
}

/* 1 when the query q cannot return NULL for its column col. */
static int query_column_not_null(struct adv_pat_ctx *cx,
				 const struct adv_ast *q,
				 const struct adv_ast *col)
{
	const struct adv_ast *c[MAX_CONJ];
	struct scope sc;
	size_t i, n;
	int r;

	n = conjuncts(q->where, c, MAX_CONJ);
	for (i = 0; i < n; i++) {
		if (rejects_null(c[i], col))
			return 1;
	}
	scope_build(cx, &sc, q->from);
	r = scope_resolve(&sc, col, 1);
	if (r < 0 || sc.rel[r].outer != NULL)
		return 0;
	if (rel_column_not_null(&sc.rel[r], col->name))
		return 1;
	{
		struct inner_on io = {col, 0};
		const struct adv_ast *f;

		for (f = q->from; f != NULL; f = f->next)
			for_each_join(f, inner_on_rejects, &io);
		return io.found;
	}
}

static int is_coalesce_name(const char *name)
{
	return name != NULL &&
	       (strcmp(name, "coalesce") == 0 || strcmp(name, "ifnull") == 0 ||
		strcmp(name, "isnull") == 0 || strcmp(name, "nvl") == 0);
}

/*
 * 1 when the select-list expression e of q may be NULL; *col is set to
 * the column to blame when there is one.
 */
static int expr_nullable(struct adv_pat_ctx *cx, const struct adv_ast *q,
			 const struct adv_ast *e, const struct adv_ast **col)
{
	const struct adv_ast *a;

	switch (e->kind) {
	case ADV_AST_CONST:
		return e->op == ADV_CONST_NULL;
	case ADV_AST_COLUMN:
		*col = e;
		return !query_column_not_null(cx, q, e);
	case ADV_AST_CAST:
		return e->args != NULL && expr_nullable(cx, q, e->args, col);
	case ADV_AST_FUNC:
		if ((e->flags2 & ADV_AST2_AGG_STAR) != 0 ||
		    str_eq(e->name, "count"))
			return 0;
		if (is_coalesce_name(e->name)) {
			for (a = e->args; a != NULL; a = a->next) {
				const struct adv_ast *ignored = NULL;

				if (!expr_nullable(cx, q, a, &ignored))
					return 0;
			}
			return 1;
		}
		if (is_aggregate_call(e))
			return 1;
		for (a = e->args; a != NULL; a = a->next) {
			if (expr_nullable(cx, q, a, col))
				return 1;
		}
		return 0;
	case ADV_AST_OP:
		for (a = e->args; a != NULL; a = a->next) {
			if (expr_nullable(cx, q, a, col))
				return 1;
		}
		return 0;
	case ADV_AST_PARAM:
	case ADV_AST_VARIABLE:
		return 0;
	default:
		return adv_pat_has_column(e);
	}
}

/*
 * 1 when a branch of the subquery may yield NULL in its first column;
 * *col is the column to name in the message.
 */
static int subquery_nullable(struct adv_pat_ctx *cx, const struct adv_ast *q,
			     const struct adv_ast **col)
{
	const struct adv_ast *t, *e;

	if (q == NULL || q->kind != ADV_AST_SELECT)
		return 0;
	if (q->op != ADV_SETOP_NONE)
		return subquery_nullable(cx, q->larg, col) ||
		       subquery_nullable(cx, q->rarg, col);
	if ((q->flags & ADV_ASTF_VALUES) != 0) {
		for (t = q->values; t != NULL; t = t->next) {
			e = t->kind == ADV_AST_LIST ? t->args : t;
			if (is_null_const(e))
				return 1;
		}
		return 0;
	}
	t = q->targets;
	if (t == NULL)
		return 0;
	e = t->kind == ADV_AST_TARGET ? t->args : t;
	if (e == NULL || e->kind == ADV_AST_STAR)
		return 0;
	return expr_nullable(cx, q, e, col);
}

static int not_in_visit(const struct adv_ast *n,
			const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *col = NULL, *q;
	struct txt t;
	int negated_in, ne_all;

	(void)path;
	negated_in = n->kind == ADV_AST_IN && n->sub != NULL &&
		     (n->flags & ADV_ASTF_NEGATED) != 0;
	ne_all = n->kind == ADV_AST_SUBLINK && n->op == ADV_SUBLINK_ALL &&
		 n->sub != NULL && n->name != NULL && is_ne_name(n->name);
	if (!negated_in && !ne_all)
		return 0;
	q = n->sub;
	if (!subquery_nullable(v->cx, q, &col))
		return 0;
	if (col != NULL)
		adv_pat_report(v->cx, v->st, n->loc >= 0 ? n->loc : node_loc(n),
			       "'%s (SELECT %s ...)' returns no rows as soon "
			       "as '%s' yields a NULL",
			       negated_in ? "NOT IN" : "<> ALL", show(&t, col),
			       t.s);
	else
		adv_pat_report(v->cx, v->st, n->loc >= 0 ? n->loc : node_loc(n),
			       "'%s (SELECT ...)' returns no rows as soon as "
			       "the subquery yields a NULL",
			       negated_in ? "NOT IN" : "<> ALL");
	return 0;
}

/* ---- in-list-null, in-list-contains-column ---- */

static int in_null_visit(const struct adv_ast *n,
			 const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *item;

	(void)path;
	if (n->kind != ADV_AST_IN || n->sub != NULL || n->args == NULL)
		return 0;
	for (item = n->args->next; item != NULL; item = item->next) {
		if (!is_null_const(item))
			continue;
		if ((n->flags & ADV_ASTF_NEGATED) != 0)
			adv_pat_report(v->cx, v->st, node_loc(item),
				       "NULL in a NOT IN list: the predicate "
				       "is never true");
		else
			adv_pat_report(v->cx, v->st, node_loc(item),
				       "NULL in an IN list never matches: "
				       "use IS NULL for NULL rows");
		break;
	}
	return 0;
}

static int in_column_visit(const struct adv_ast *n,
			   const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *item;
	struct txt t;

	(void)path;
	if (n->kind != ADV_AST_IN || n->sub != NULL || n->args == NULL ||
	    n->args->kind != ADV_AST_COLUMN)
		return 0;
	for (item = n->args->next; item != NULL; item = item->next) {
		if (!same_column_loose(n->args, item))
			continue;
		if ((n->flags & ADV_ASTF_NEGATED) != 0)
			adv_pat_report(v->cx, v->st, node_loc(item),
				       "'%s' is listed in its own NOT IN list: "
				       "the predicate is never true",
				       show(&t, item));
		else
			adv_pat_report(v->cx, v->st, node_loc(item),
				       "'%s' is listed in its own IN list: the "
				       "predicate matches every row where it "
				       "is not NULL",
				       show(&t, item));
		break;
	}
	return 0;
}

/* ---- nondeterministic-group-by ---- */

#define MAX_KEYS 64

struct grouping {
	struct adv_pat_walk *v;
	const struct adv_ast *q;
	struct scope sc;
	/* grouped expressions: GROUP BY items, columns equal to them */
	const struct adv_ast *keys[MAX_KEYS];
	size_t nkeys;
	/* columns pinned to one value by WHERE col = constant */
	const struct adv_ast *pinned[MAX_KEYS];
	size_t npinned;
	const struct adv_ast *reported[MAX_KEYS];
	size_t nreported;
	int implicit; /* aggregates without GROUP BY */
};

/* Two column references naming the same column of this query. */
static int grouping_same_column(const struct grouping *g,
				const struct adv_ast *a,
				const struct adv_ast *b)
{
	int ra, rb;

	if (a->kind != ADV_AST_COLUMN || b->kind != ADV_AST_COLUMN ||
	    !str_eq(a->name, b->name))
		return 0;
	if (str_eq(a->qual, b->qual))
		return 1;
	ra = scope_resolve(&g->sc, a, 1);
	rb = scope_resolve(&g->sc, b, 1);
	if (ra >= 0 && rb >= 0)
		return ra == rb;
	/* cannot tell: give the query the benefit of the doubt */
	return a->qual == NULL || b->qual == NULL;
}

static int grouping_is_key(const struct grouping *g, const struct adv_ast *e)
{
	size_t i;

	for (i = 0; i < g->nkeys; i++) {
		if (e->kind == ADV_AST_COLUMN) {
			if (g->keys[i]->kind == ADV_AST_COLUMN &&
			    grouping_same_column(g, g->keys[i], e))
				return 1;
		} else if (expr_equal(g->keys[i], e)) {
			return 1;
		}
	}
	for (i = 0; i < g->npinned && e->kind == ADV_AST_COLUMN; i++) {
		if (grouping_same_column(g, g->pinned[i], e))
			return 1;
	}
	return 0;
}

static void grouping_add_key(struct grouping *g, const struct adv_ast *e)
{
	if (g->nkeys < MAX_KEYS && !grouping_is_key(g, e))
		g->keys[g->nkeys++] = e;
}

/* Keys of the equalities col = key in WHERE and inner ON conditions. */
static size_t grouping_equalities(const struct grouping *g,
				  const struct adv_ast **c, size_t max)
{
	size_t n = conjuncts(g->q->where, c, max);
	const struct adv_ast *f;

	for (f = g->q->from; f != NULL; f = f->next) {
		const struct adv_ast *j = f;

		/* the ON of inner joins along the left spine */
		while (j->kind == ADV_AST_JOIN) {
			if (j->op == ADV_JOIN_INNER && n < max)
				n += conjuncts(j->quals, c + n, max - n);
			if (j->rarg != NULL && j->rarg->kind == ADV_AST_JOIN &&
			    j->rarg->op == ADV_JOIN_INNER && n < max)
				n += conjuncts(j->rarg->quals, c + n, max - n);
			j = j->larg;
		}
	}
	return n;
}

static void grouping_close(struct grouping *g)
{
	const struct adv_ast *c[MAX_CONJ];
	size_t n, i;
	int changed = 1;

	n = grouping_equalities(g, c, MAX_CONJ);
	for (i = 0; i < n; i++) {
		const struct adv_ast *l, *r;

		if (!is_cmp(c[i]) || strcmp(c[i]->name, "=") != 0)
			continue;
		l = c[i]->args;
		r = l->next;
		if (l->kind == ADV_AST_COLUMN && adv_pat_is_constant(r) &&
		    !is_null_const(r) && g->npinned < MAX_KEYS)
			g->pinned[g->npinned++] = l;
		else if (r->kind == ADV_AST_COLUMN && adv_pat_is_constant(l) &&
			 !is_null_const(l) && g->npinned < MAX_KEYS)
			g->pinned[g->npinned++] = r;
	}
	while (changed) {
		changed = 0;
		for (i = 0; i < n; i++) {
			const struct adv_ast *l, *r;
			size_t before = g->nkeys;

			if (!is_cmp(c[i]) || strcmp(c[i]->name, "=") != 0)
				continue;
			l = c[i]->args;
			r = l->next;
			if (l->kind != ADV_AST_COLUMN ||
			    r->kind != ADV_AST_COLUMN)
				continue;
			if (grouping_is_key(g, l))
				grouping_add_key(g, r);
			else if (grouping_is_key(g, r))
				grouping_add_key(g, l);
			if (g->nkeys != before)
				changed = 1;
		}
	}
}

/* 1 when every column of a unique NOT NULL key of rel r is grouped. */
static int grouping_key_of(const struct grouping *g, int r)
{
	const struct adv_pat_table *t = g->sc.rel[r].def;
	size_t i, j, k;

	if (g->implicit)
		return 0;
	if (t == NULL) {
		/* a table the input does not define: take id as its key */
		if (g->sc.rel[r].item->kind != ADV_AST_TABLE)
			return 0;
		for (k = 0; k < g->nkeys; k++) {
			if (g->keys[k]->kind == ADV_AST_COLUMN &&
			    str_eq(g->keys[k]->name, "id") &&
			    scope_resolve(&g->sc, g->keys[k], 1) == r)
				return 1;
		}
		return 0;
	}
	for (i = 0; i < t->nidx; i++) {
		const struct adv_pat_index *ix = &t->idx[i];
		int all = ix->ncols > 0 && !ix->partial;

		if (!ix->primary && !ix->unique)
			continue;
		for (j = 0; j < ix->ncols && all; j++) {
			int grouped = 0;

			if (ix->cols[j] == NULL ||
			    (!ix->primary &&
			     !table_column_not_null(t, ix->cols[j]))) {
				all = 0;
				break;
			}
			for (k = 0; k < g->nkeys && !grouped; k++) {
				const struct adv_ast *key = g->keys[k];

				grouped = key->kind == ADV_AST_COLUMN &&
					  str_eq(key->name, ix->cols[j]) &&
					  scope_resolve(&g->sc, key, 1) == r;
			}
			for (k = 0; k < g->npinned && !grouped; k++) {
				const struct adv_ast *key = g->pinned[k];

				grouped = str_eq(key->name, ix->cols[j]) &&
					  scope_resolve(&g->sc, key, 1) == r;
			}
			all = grouped;
		}
		if (all)
			return 1;
	}
	return 0;
}

static int grouping_dependent(const struct grouping *g,
			      const struct adv_ast *col)
{
	int r;

	if (grouping_is_key(g, col))
		return 1;
	r = scope_resolve(&g->sc, col, 1);
	if (r < 0 && col->qual != NULL)
		return 1; /* an outer reference: one value per group */
	return r >= 0 && grouping_key_of(g, r);
}

static void grouping_report(struct grouping *g, const struct adv_ast *col)
{
	struct txt t;
	size_t i;

	for (i = 0; i < g->nreported; i++) {
		if (same_column(g->reported[i], col))
			return;
	}
	if (g->nreported < MAX_KEYS)
		g->reported[g->nreported++] = col;
	if (g->implicit)
		adv_pat_report(g->v->cx, g->v->st, node_loc(col),
			       "'%s' is not aggregated in a query with "
			       "aggregates and no GROUP BY: MySQL returns it "
			       "from an arbitrary row",
			       show(&t, col));
	else
		adv_pat_report(g->v->cx, g->v->st, node_loc(col),
			       "'%s' is neither grouped, aggregated nor "
			       "determined by the GROUP BY keys: MySQL returns "
			       "it from an arbitrary row of each group",
			       show(&t, col));
}

static int grouping_visit(const struct adv_ast *n,
			  const struct adv_ast_path *path, void *data)
{
	struct grouping *g = data;

	(void)path;
	if (n->kind == ADV_AST_FUNC &&
	    (is_aggregate_call(n) || (n->flags2 & ADV_AST2_WINDOW) != 0))
		return 1;
	if (n->kind != ADV_AST_COLUMN && n->kind != ADV_AST_TARGET &&
	    grouping_is_key(g, n))
		return 1;
	if (n->kind == ADV_AST_COLUMN && !grouping_dependent(g, n))
		grouping_report(g, n);
	return 0;
}

static void grouping_star(struct grouping *g, const struct adv_ast *star)
{
	size_t i;
	struct txt t;

	for (i = 0; i < g->sc.n; i++) {
		const struct rel *r = &g->sc.rel[i];

		if (star->qual != NULL && !str_eq(r->name, star->qual))
			continue;
		if (!g->implicit &&
		    (r->def == NULL || grouping_key_of(g, (int)i)))
			continue;
		adv_pat_report(g->v->cx, g->v->st, star->loc,
			       "'%s' selects columns that are neither grouped "
			       "nor aggregated: MySQL returns them from an "
			       "arbitrary row of each group",
			       show(&t, star));
		return;
	}
}

static void grouping_check(struct adv_pat_walk *v, const struct adv_ast *q)
{
	struct grouping *g;
	const struct adv_ast *it, *t;
	int grouped_target[256];
	size_t i, nt = 0;

	g = calloc(1, sizeof(*g));
	if (g == NULL)
		return;
	g->v = v;
	g->q = q;
	g->implicit = q->group == NULL;
	scope_build(v->cx, &g->sc, q->from);
	memset(grouped_target, 0, sizeof(grouped_target));
	for (it = q->group; it != NULL; it = it->next) {
		const struct adv_ast *e =
			it->kind == ADV_AST_SORT ? it->args : it;

		if (e == NULL)
			continue;
		if (e->kind == ADV_AST_CONST && e->op == ADV_CONST_INT &&
		    e->value != NULL) {
			long pos = strtol(e->value, NULL, 10);

			if (pos >= 1 && pos <= 256)
				grouped_target[pos - 1] = 1;
			continue;
		}
		if (e->kind == ADV_AST_COLUMN && e->qual == NULL) {
			for (t = q->targets, i = 0; t != NULL && i < 256;
			     t = t->next, i++) {
				if (str_eq(t->alias, e->name))
					grouped_target[i] = 1;
			}
		}
		grouping_add_key(g, e);
	}
	grouping_close(g);
	for (t = q->targets; t != NULL; t = t->next, nt++) {
		const struct adv_ast *e =
			t->kind == ADV_AST_TARGET ? t->args : t;

		if (e == NULL || (nt < 256 && grouped_target[nt]))
			continue;
		if (e->kind == ADV_AST_STAR)
			grouping_star(g, e);
		else
			adv_ast_walk(e, ADV_WALK_NO_SUBQUERY, grouping_visit,
				     g);
	}
	free(g);
}

static int group_by_visit(const struct adv_ast *n,
			  const struct adv_ast_path *path, void *data)
{
	(void)path;
	if (n->kind != ADV_AST_SELECT || n->op != ADV_SETOP_NONE ||
	    (n->flags & ADV_ASTF_VALUES) != 0)
		return 0;
	if (n->group != NULL || list_has_aggregate(n->targets))
		grouping_check(data, n);
	return 0;
}

/* ---- limit-without-order-by ---- */

/* 1 when WHERE pins every column of a unique key of q's only table. */
static int at_most_one_row(struct adv_pat_ctx *cx, const struct adv_ast *q)
{
	const struct adv_ast *c[MAX_CONJ];
	const struct adv_pat_table *t;
	const struct adv_ast *from = q->from;
	size_t n, i, j, k;

	if (from == NULL || from->next != NULL || from->kind != ADV_AST_TABLE ||
	    from->name == NULL)
		return 0;
	t = adv_pat_find_table(cx, from->schema, from->name);
	if (t == NULL)
		return 0;
	n = conjuncts(q->where, c, MAX_CONJ);
	for (i = 0; i < t->nidx; i++) {
		const struct adv_pat_index *ix = &t->idx[i];
		int all = (ix->primary || ix->unique) && !ix->partial &&
			  ix->ncols > 0;

		for (j = 0; j < ix->ncols && all; j++) {
			int pinned = 0;

			if (ix->cols[j] == NULL)
				break;
			for (k = 0; k < n && !pinned; k++) {
				const struct adv_ast *l, *r;

				if (!is_cmp(c[k]) ||
				    strcmp(c[k]->name, "=") != 0)
					continue;
				l = c[k]->args;
				r = l->next;
				if (r->kind == ADV_AST_COLUMN) {
					const struct adv_ast *s = l;

					l = r;
					r = s;
				}
				pinned = l->kind == ADV_AST_COLUMN &&
					 str_eq(l->name, ix->cols[j]) &&
					 adv_pat_is_constant(r) &&
					 !is_null_const(r);
			}
			all = pinned;
		}
		if (all)
			return 1;
	}
	return 0;
}

/* 1 when some branch of the query (set operations included) has FROM. */
static int query_has_from(const struct adv_ast *q)
{
	if (q == NULL || q->kind != ADV_AST_SELECT)
		return 0;
	if (q->op != ADV_SETOP_NONE)
		return query_has_from(q->larg) || query_has_from(q->rarg);
	return q->from != NULL;
}

static int limit_visit(const struct adv_ast *n, const struct adv_ast_path *path,
		       void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *lim = n->limit;
	int i, loc;
	long tk;
	struct txt t;

	if (n->kind != ADV_AST_SELECT || lim == NULL || n->order != NULL)
		return 0;
	if (is_null_const(lim) ||
	    (lim->kind == ADV_AST_CONST && str_eq(lim->value, "0")))
		return 0;
	/* EXISTS (SELECT ... LIMIT 1): which row does not matter */
	for (i = path->depth - 1; i >= 0; i--) {
		const struct adv_ast *up = path->node[i];

		if (up->kind == ADV_AST_SELECT && up->op != ADV_SETOP_NONE)
			continue;
		if (up->kind == ADV_AST_SUBLINK && up->op == ADV_SUBLINK_EXISTS)
			return 0;
		break;
	}
	if (!query_has_from(n))
		return 0;
	if (n->op == ADV_SETOP_NONE) {
		if (n->group == NULL && list_has_aggregate(n->targets))
			return 0;
		if (at_most_one_row(v->cx, n))
			return 0;
	}
	loc = lim->loc >= 0 ? node_loc(lim) : n->loc;
	if ((n->flags & ADV_ASTF_TOP) != 0) {
		int percent;

		tk = tok_next(v->st, tok_at(v->st, node_loc(lim)));
		if (tok_is(v->st, tk, ")"))
			tk = tok_next(v->st, tk);
		percent = tok_is(v->st, tk, "percent");
		/* TOP 100 PERCENT: every row (the old view idiom) */
		if (percent && lim->kind == ADV_AST_CONST &&
		    str_eq(lim->value, "100"))
			return 0;
		adv_pat_report(v->cx, v->st, loc,
			       "TOP %s%s without ORDER BY returns an arbitrary "
			       "subset of rows",
			       show(&t, lim), percent ? " PERCENT" : "");
		return 0;
	}
	tk = tok_prev(v->st, tok_at(v->st, node_loc(lim)));
	if (tk >= 0 &&
	    (tok_is(v->st, tk, "first") || tok_is(v->st, tk, "next")))
		adv_pat_report(v->cx, v->st, loc,
			       "FETCH FIRST %s ROWS without ORDER BY returns "
			       "an arbitrary subset of rows",
			       show(&t, lim));
	else
		adv_pat_report(v->cx, v->st, loc,
			       "LIMIT %s without ORDER BY returns an arbitrary "
			       "subset of rows",
			       show(&t, lim));
	return 0;
}

/* ---- order-by-constant ---- */

static int column_in_list(const struct adv_ast *list, const struct adv_ast *col)
{
	for (; list != NULL; list = list->next) {
		const struct adv_ast *e =
			list->kind == ADV_AST_TARGET ? list->args : list;

		if (e != NULL && (same_column_loose(e, col) ||
				  (e->kind == ADV_AST_STAR && e->qual == NULL)))
			return 1;
		if (e != NULL && e->kind != ADV_AST_COLUMN &&
		    e->kind != ADV_AST_STAR && !is_aggregate_call(e) &&
		    e->args != NULL && column_in_list(e->args, col))
			return 1;
	}
	return 0;
}

/* The conjunct of WHERE that pins col to one value, or NULL. */
static const struct adv_ast *pinning_conjunct(const struct adv_ast *where,
					      const struct adv_ast *col)
{
	const struct adv_ast *c[MAX_CONJ];
	size_t n, i;

	n = conjuncts(where, c, MAX_CONJ);
	for (i = 0; i < n; i++) {
		const struct adv_ast *l, *r;

		if (!is_cmp(c[i]) || strcmp(c[i]->name, "=") != 0)
			continue;
		l = c[i]->args;
		r = l->next;
		if ((same_column_loose(l, col) && adv_pat_is_constant(r) &&
		     !is_null_const(r)) ||
		    (same_column_loose(r, col) && adv_pat_is_constant(l) &&
		     !is_null_const(l)))
			return c[i];
	}
	return NULL;
}

static void order_key(struct adv_pat_walk *v, const struct adv_ast *q,
		      const struct adv_ast *e, int group)
{
	const char *clause = group ? "GROUP BY" : "ORDER BY";
	const struct adv_ast *pin;
	struct txt t, t2;

	if (e == NULL || e->kind == ADV_AST_SUBLINK)
		return;
	if (e->kind == ADV_AST_CONST && e->op == ADV_CONST_INT)
		return; /* positional reference */
	if (!group && is_null_const(e) && v->st->dialect == ADV_DIALECT_MY)
		return; /* MySQL: ORDER BY NULL suppresses the sort */
	if (adv_pat_is_constant(e)) {
		adv_pat_report(v->cx, v->st, node_loc(e),
			       "%s constant %s: every row has the same key",
			       clause, show(&t, e));
		return;
	}
	/* DISTINCT ON needs its keys to lead the ORDER BY, pinned or not */
	if (e->kind != ADV_AST_COLUMN || q->op != ADV_SETOP_NONE ||
	    (!group && (q->flags & ADV_ASTF_DISTINCT_ON) != 0))
		return;
	pin = pinning_conjunct(q->where, e);
	if (pin == NULL)
		return;
	if (group && column_in_list(q->targets, e))
		return;
	adv_pat_report(v->cx, v->st, node_loc(e),
		       "%s %s: the column is pinned to one value by WHERE %s",
		       clause, show(&t, e), show(&t2, pin));
}

static int order_const_visit(const struct adv_ast *n,
			     const struct adv_ast_path *path, void *data)
{
	const struct adv_ast *it;

	(void)path;
	if (n->kind != ADV_AST_SELECT)
		return 0;
	for (it = n->order; it != NULL; it = it->next)
		order_key(data, n, it->kind == ADV_AST_SORT ? it->args : it, 0);
	for (it = n->group; it != NULL; it = it->next)
		order_key(data, n, it->kind == ADV_AST_SORT ? it->args : it, 1);
	return 0;
}

/* ---- constant folding of predicates ---- */

enum truth { TV_UNKNOWN = 0, TV_TRUE, TV_FALSE };

enum fold_why {
	WHY_CONST = 0, /* literals only */
	WHY_SELF,      /* a column compared with itself */
	WHY_BETWEEN,   /* BETWEEN with reversed bounds */
	WHY_CONFLICT,  /* two conjuncts contradict each other */
	WHY_NOT	       /* NOT over a tautology */
};

struct fold {
	enum truth tv;
	enum fold_why why;
	const struct adv_ast *at;    /* the node to blame */
	const struct adv_ast *other; /* WHY_CONFLICT: the earlier conjunct */
};

/* A literal's value: 1 number, 2 string, 3 boolean, 0 not a literal. */
static int literal(const struct adv_ast *e, double *num, const char **str)
{
	char *end;

	if (e == NULL)
		return 0;
	if (e->kind == ADV_AST_OP && str_eq(e->name, "-") && e->args != NULL &&
	    e->args->next == NULL) {
		if (literal(e->args, num, str) != 1)
			return 0;
		*num = -*num;
		return 1;
	}
	if (e->kind != ADV_AST_CONST || e->value == NULL)
		return 0;
	switch (e->op) {
	case ADV_CONST_INT:
	case ADV_CONST_FLOAT:
		*num = strtod(e->value, &end);
		return end != e->value && *end == '\0' ? 1 : 0;
	case ADV_CONST_STRING:
		*str = e->value;
		return 2;
	case ADV_CONST_BOOL:
		*num = (e->value[0] == 't' || e->value[0] == 'T') ? 1 : 0;
		return 3;
	default:
		return 0;
	}
}

/*
 * String equality as the dialect compares by default: exact in
 * PostgreSQL; case-insensitive and ignoring trailing spaces in MySQL and
 * SQL Server. -1 when it cannot be told (non-ASCII text there).
 */
static int strings_equal(const char *a, const char *b, enum adv_sql_dialect d)
{
	size_t la, lb, i;

	if (d == ADV_DIALECT_PG)
		return strcmp(a, b) == 0;
	la = strlen(a);
	lb = strlen(b);
	for (i = 0; i < la; i++) {
		if ((unsigned char)a[i] >= 0x80)
			return -1;
	}
	for (i = 0; i < lb; i++) {
		if ((unsigned char)b[i] >= 0x80)
			return -1;
	}
	while (la > 0 && a[la - 1] == ' ')
		la--;
	while (lb > 0 && b[lb - 1] == ' ')
		lb--;
	if (la != lb)
		return 0;
	for (i = 0; i < la; i++) {
		if (tolower((unsigned char)a[i]) !=
		    tolower((unsigned char)b[i]))
			return 0;
	}
	return 1;
}

static int cmp_holds(const char *op, double d)
{
	if (strcmp(op, "=") == 0)
		return d == 0;
	if (is_ne_name(op))
		return d != 0;
	if (strcmp(op, "<") == 0)
		return d < 0;
	if (strcmp(op, ">") == 0)
		return d > 0;
	if (strcmp(op, "<=") == 0)
		return d <= 0;
	return d >= 0;
}

static enum truth fold_compare(const struct adv_ast *e, enum adv_sql_dialect d,
			       enum fold_why *why)
{
	const struct adv_ast *l = e->args, *r = e->args->next;
	double nl = 0, nr = 0;
	const char *sl = NULL, *sr = NULL;
	int kl, kr;

	if (same_column(l, r)) {
		*why = WHY_SELF;
		if (strcmp(e->name, "=") == 0 || strcmp(e->name, "<=") == 0 ||
		    strcmp(e->name, ">=") == 0)
			return TV_TRUE;
		return TV_FALSE;
	}
	kl = literal(l, &nl, &sl);
	kr = literal(r, &nr, &sr);
	*why = WHY_CONST;
	if (kl == 0 || kl != kr)
		return TV_UNKNOWN;
	if (kl == 2) {
		int eq;

		if (strcmp(e->name, "=") != 0 && !is_ne_name(e->name))
			return TV_UNKNOWN;
		eq = strings_equal(sl, sr, d);
		if (eq < 0)
			return TV_UNKNOWN;
		return (strcmp(e->name, "=") == 0) == (eq == 1) ? TV_TRUE
								: TV_FALSE;
	}
	return cmp_holds(e->name, nl < nr   ? -1
				  : nl > nr ? 1
					    : 0)
		       ? TV_TRUE
		       : TV_FALSE;
}

/* One conjunct read as a bound on a column: col op value. */
struct bound {
	const struct adv_ast *conj;
	const struct adv_ast *col;
	char op[3]; /* "=", "<>", "<", "<=", ">", ">=" */
	int kind;   /* 1 number, 2 string */
	double num;
	const char *str;
};

static const char *flip_op(const char *op)
{
	if (strcmp(op, "<") == 0)
		return ">";
	if (strcmp(op, ">") == 0)
		return "<";
	if (strcmp(op, "<=") == 0)
		return ">=";
	if (strcmp(op, ">=") == 0)
		return "<=";
	if (is_ne_name(op))
		return "<>";
	return op;
}

static void set_op(struct bound *b, const char *op)
{
	size_t n = strlen(op);

	if (n > 2)
		n = 2;
	memcpy(b->op, op, n);
	b->op[n] = '\0';
	if (strcmp(b->op, "!=") == 0)
		memcpy(b->op, "<>", 3);
}

/* Reads the bounds of conjunct c; returns how many (0, 1 or 2). */
static int read_bounds(const struct adv_ast *c, struct bound *out)
{
	const struct adv_ast *col, *val;
	const char *op;
	double num = 0;
	const char *str = NULL;
	int kind;

	if (c->kind == ADV_AST_BETWEEN && (c->flags & ADV_ASTF_NEGATED) == 0 &&
	    (c->flags2 & ADV_AST2_SYMMETRIC) == 0 && c->args != NULL &&
	    c->args->kind == ADV_AST_COLUMN && c->args->next != NULL &&
	    c->args->next->next != NULL) {
		double lo, hi;

		if (literal(c->args->next, &lo, &str) != 1 ||
		    literal(c->args->next->next, &hi, &str) != 1)
			return 0;
		out[0].conj = out[1].conj = c;
		out[0].col = out[1].col = c->args;
		out[0].kind = out[1].kind = 1;
		set_op(&out[0], ">=");
		out[0].num = lo;
		set_op(&out[1], "<=");
		out[1].num = hi;
		return 2;
	}
	if (!is_cmp(c))
		return 0;
	op = c->name;
	col = c->args;
	val = col->next;
	if (col->kind != ADV_AST_COLUMN) {
		col = val;
		val = c->args;
		op = flip_op(op);
	}
	if (col->kind != ADV_AST_COLUMN)
		return 0;
	kind = literal(val, &num, &str);
	if (kind != 1 && kind != 2)
		return 0;
	if (kind == 2 && strcmp(op, "=") != 0 && !is_ne_name(op))
		return 0;
	out[0].conj = c;
	out[0].col = col;
	set_op(&out[0], op);
	out[0].kind = kind;
	out[0].num = num;
	out[0].str = str;
	return 1;
}

/* 1 when value v satisfies the bound b (numbers). */
static int bound_admits(const struct bound *b, double v)
{
	return cmp_holds(b->op, v < b->num ? -1 : v > b->num ? 1 : 0);
}

static int is_lower(const struct bound *b)
{
	return b->op[0] == '>';
}

static int is_upper(const struct bound *b)
{
	return b->op[0] == '<' && b->op[1] != '>';
}

/* 1 when a string literal cannot be read as a number, date or time. */
static int plain_text(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	return c != '\0' && !isdigit(c) && !isspace(c) && c != '+' &&
	       c != '-' && c != '.';
}

/* 1 when two bounds on the same column leave no value. */
static int bounds_conflict(const struct bound *a, const struct bound *b,
			   enum adv_sql_dialect d)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == 2) {
		int eq;

		/* '2024-01-01' and '2024-01-01 00:00' are one date value */
		if (!plain_text(a->str) || !plain_text(b->str))
			return 0;
		eq = strings_equal(a->str, b->str, d);
		if (eq < 0)
			return 0;
		if (strcmp(a->op, "=") == 0 && strcmp(b->op, "=") == 0)
			return eq == 0;
		if (strcmp(a->op, b->op) != 0)
			return eq == 1;
		return 0;
	}
	if (strcmp(a->op, "=") == 0)
		return !bound_admits(b, a->num);
	if (strcmp(b->op, "=") == 0)
		return !bound_admits(a, b->num);
	if (is_lower(a) && is_upper(b))
		return a->num > b->num ||
		       (a->num == b->num &&
			(a->op[1] == '\0' || b->op[1] == '\0'));
	if (is_upper(a) && is_lower(b))
		return b->num > a->num ||
		       (a->num == b->num &&
			(a->op[1] == '\0' || b->op[1] == '\0'));
	return 0;
}

#define MAX_BOUNDS 64

static int find_conflict(const struct adv_ast **c, size_t n,
			 enum adv_sql_dialect d, struct fold *out)
{
	struct bound b[MAX_BOUNDS];
	size_t nb = 0, i, j;

	for (i = 0; i < n && nb + 2 <= MAX_BOUNDS; i++)
		nb += (size_t)read_bounds(c[i], b + nb);
	for (i = 1; i < nb; i++) {
		for (j = 0; j < i; j++) {
			if (b[i].conj == b[j].conj ||
			    !same_column(b[i].col, b[j].col) ||
			    !bounds_conflict(&b[j], &b[i], d))
				continue;
			out->tv = TV_FALSE;
			out->why = WHY_CONFLICT;
			out->at = b[i].conj;
			out->other = b[j].conj;
			return 1;
		}
	}
	return 0;
}

static struct fold fold_pred(const struct adv_ast *e, enum adv_sql_dialect d)
{
	struct fold f = {TV_UNKNOWN, WHY_CONST, e, NULL};
	const struct adv_ast *a;

	if (e == NULL)
		return f;
	switch (e->kind) {
	case ADV_AST_CONST:
		if (e->op == ADV_CONST_BOOL && e->value != NULL)
			f.tv = (e->value[0] == 't' || e->value[0] == 'T')
				       ? TV_TRUE
				       : TV_FALSE;
		else if (e->op == ADV_CONST_INT && d == ADV_DIALECT_MY &&
			 e->value != NULL)
			f.tv = strtod(e->value, NULL) != 0 ? TV_TRUE : TV_FALSE;
		return f;
	case ADV_AST_OP:
		if (is_cmp(e))
			f.tv = fold_compare(e, d, &f.why);
		return f;
	case ADV_AST_BETWEEN: {
		double lo, hi;
		const char *s = NULL;

		if ((e->flags & ADV_ASTF_NEGATED) != 0 ||
		    (e->flags2 & ADV_AST2_SYMMETRIC) != 0 || e->args == NULL ||
		    e->args->next == NULL || e->args->next->next == NULL)
			return f;
		if (literal(e->args->next, &lo, &s) == 1 &&
		    literal(e->args->next->next, &hi, &s) == 1 && lo > hi) {
			f.tv = TV_FALSE;
			f.why = WHY_BETWEEN;
		}
		return f;
	}
	case ADV_AST_NOT: {
		struct fold in = fold_pred(e->args, d);

		if (in.tv == TV_TRUE) {
			f.tv = TV_FALSE;
			f.why = WHY_NOT;
		} else if (in.tv == TV_FALSE) {
			f.tv = TV_TRUE;
			f.why = in.why;
		}
		return f;
	}
	case ADV_AST_AND: {
		const struct adv_ast *c[MAX_CONJ];
		size_t n, i;
		int all_true = 1;

		n = conjuncts(e, c, MAX_CONJ);
		for (i = 0; i < n; i++) {
			struct fold in = fold_pred(c[i], d);

			if (in.tv == TV_FALSE)
				return in;
			if (in.tv != TV_TRUE)
				all_true = 0;
		}
		if (find_conflict(c, n, d, &f))
			return f;
		if (all_true)
			f.tv = TV_TRUE;
		return f;
	}
	case ADV_AST_OR: {
		struct fold first = {TV_UNKNOWN, WHY_CONST, e, NULL};
		int all_false = 1;

		for (a = e->args; a != NULL; a = a->next) {
			struct fold in = fold_pred(a, d);

			if (in.tv == TV_TRUE)
				return in;
			if (in.tv != TV_FALSE)
				all_false = 0;
			else if (a == e->args)
				first = in;
		}
		if (all_false)
			return first;
		return f;
	}
	default:
		return f;
	}
}

/* ---- always-false-predicate ---- */

static void report_false(struct adv_pat_walk *v, const struct fold *f,
			 const char *clause)
{
	struct txt t, t2;

	switch (f->why) {
	case WHY_CONFLICT:
		adv_pat_report(v->cx, v->st, node_loc(f->at),
			       "'%s' contradicts '%s': the %s condition never "
			       "matches",
			       show(&t, f->at), show(&t2, f->other), clause);
		break;
	case WHY_BETWEEN:
		adv_pat_report(v->cx, v->st, node_loc(f->at),
			       "'%s' has its bounds reversed (low > high): the "
			       "%s condition never matches",
			       show(&t, f->at), clause);
		break;
	case WHY_SELF:
		adv_pat_report(
			v->cx, v->st, node_loc(f->at),
			"'%s' compares a column with itself and is never "
			"true: the %s condition never matches",
			show(&t, f->at), clause);
		break;
	default:
		adv_pat_report(v->cx, v->st, node_loc(f->at),
			       "'%s' is always false: the %s condition never "
			       "matches",
			       show(&t, f->at), clause);
		break;
	}
}

static int false_visit(const struct adv_ast *n, const struct adv_ast_path *path,
		       void *data)
{
	struct adv_pat_walk *v = data;
	struct fold f;

	if (n->kind == ADV_AST_JOIN && n->quals != NULL) {
		f = fold_pred(n->quals, v->st->dialect);
		if (f.tv != TV_FALSE)
			return 0;
		/* LEFT JOIN ... ON FALSE keeps the left rows on purpose */
		if (n->op != ADV_JOIN_INNER && n->op != ADV_JOIN_CROSS &&
		    !adv_pat_has_column(f.at))
			return 0;
		report_false(v, &f, "ON");
		return 0;
	}
	if ((n->kind != ADV_AST_SELECT && n->kind != ADV_AST_UPDATE &&
	     n->kind != ADV_AST_DELETE) ||
	    n->where == NULL)
		return 0;
	f = fold_pred(n->where, v->st->dialect);
	if (f.tv != TV_FALSE)
		return 0;
	/* CREATE TABLE ... AS SELECT / SELECT INTO ... WHERE 1 = 0 */
	if (n->kind == ADV_AST_SELECT && !adv_pat_has_column(f.at) &&
	    f.why == WHY_CONST &&
	    (n->into != NULL ||
	     adv_ast_path_find(path, ADV_AST_CREATE_TABLE, NULL) != NULL))
		return 0;
	report_false(v, &f, "WHERE");
	return 0;
}

/* ---- always-true-predicate ---- */

static int is_self_tautology(const struct adv_ast *e)
{
	return is_cmp(e) && same_column(e->args, e->args->next) &&
	       (strcmp(e->name, "=") == 0 || strcmp(e->name, "<=") == 0 ||
		strcmp(e->name, ">=") == 0);
}

static void report_self(struct adv_pat_walk *v, const struct adv_ast *e)
{
	struct txt t;

	adv_pat_report(v->cx, v->st, node_loc(e),
		       "'%s' compares a column with itself: true for every "
		       "row where it is not NULL",
		       show(&t, e));
}

static void tautologies(struct adv_pat_walk *v, const struct adv_ast *e,
			const char *clause)
{
	const struct adv_ast *a;
	struct txt t;

	if (e == NULL)
		return;
	switch (e->kind) {
	case ADV_AST_OR:
		for (a = e->args; a != NULL; a = a->next) {
			if (fold_pred(a, v->st->dialect).tv != TV_TRUE) {
				tautologies(v, a, clause);
			} else if (is_self_tautology(a)) {
				report_self(v, a);
			} else {
				adv_pat_report(v->cx, v->st, node_loc(a),
					       "'OR %s' is always true: the %s "
					       "condition keeps every row",
					       show(&t, a), clause);
			}
		}
		break;
	case ADV_AST_AND:
		/* WHERE 1 = 1 AND ...: the query-builder idiom */
		for (a = e->args; a != NULL; a = a->next)
			tautologies(v, a, clause);
		break;
	case ADV_AST_OP:
		if (is_self_tautology(e))
			report_self(v, e);
		break;
	default:
		break;
	}
}

static void check_predicate_true(struct adv_pat_walk *v,
				 const struct adv_ast *e, const char *clause,
				 int lateral)
{
	struct txt t;

	if (e->kind != ADV_AST_OR && e->kind != ADV_AST_AND &&
	    !adv_pat_has_column(e) &&
	    fold_pred(e, v->st->dialect).tv == TV_TRUE) {
		if (!lateral)
			adv_pat_report(v->cx, v->st, node_loc(e),
				       "'%s %s' is always true: the condition "
				       "filters nothing",
				       clause, show(&t, e));
		return;
	}
	tautologies(v, e, clause);
}

static int is_lateral(const struct adv_ast *item)
{
	return item != NULL && ((item->flags & ADV_ASTF_LATERAL) != 0 ||
				item->kind == ADV_AST_FUNCTION_TABLE);
}

static int true_visit(const struct adv_ast *n, const struct adv_ast_path *path,
		      void *data)
{
	struct adv_pat_walk *v = data;

	(void)path;
	if (n->kind == ADV_AST_JOIN && n->quals != NULL)
		check_predicate_true(v, n->quals, "ON",
				     is_lateral(n) || is_lateral(n->rarg));
	else if ((n->kind == ADV_AST_SELECT || n->kind == ADV_AST_UPDATE ||
		  n->kind == ADV_AST_DELETE) &&
		 n->where != NULL)
		check_predicate_true(v, n->where, "WHERE", 0);
	return 0;
}

/* ---- chained-comparison ---- */

/*
 * 1 when, from token i on, two comparison operators follow each other at
 * the same parenthesis depth without anything that ends the expression
 * in between: a = b = c written without parentheses.
 */
static int chain_in_tokens(const struct adv_pat_stmt *st, long i)
{
	static const char *const stop[] = {
		",",	  ";",	     "and",   "or",    "xor",	 "&&",
		"||",	  "when",    "then",  "else",  "end",	 "from",
		"where",  "group",   "order", "limit", "having", "on",
		"using",  "set",     "join",  "union", "into",	 "values",
		"select", "between", NULL};
	static const char *const cmp[] = {"=", "<>", "!=", "<",
					  ">", "<=", ">=", NULL};
	int depth = 0, count = 0;
	size_t k;

	for (; i >= 0; i = tok_next(st, i)) {
		if (tok_is(st, i, "(")) {
			depth++;
			continue;
		}
		if (tok_is(st, i, ")")) {
			if (depth == 0)
				return 0;
			depth--;
			continue;
		}
		if (depth > 0)
			continue;
		for (k = 0; stop[k] != NULL; k++) {
			if (tok_is(st, i, stop[k]))
				return 0;
		}
		for (k = 0; cmp[k] != NULL; k++) {
			if (tok_is(st, i, cmp[k]) && ++count == 2)
				return 1;
		}
	}
	return 0;
}

static int chained_visit(const struct adv_ast *n,
			 const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *first;
	long tk;
	struct txt t, t2;

	(void)path;
	if (!is_cmp(n) || !is_cmp(n->args))
		return 0;
	first = leftmost(n);
	tk = tok_at(v->st, first->loc);
	if (tk >= 0 && !chain_in_tokens(v->st, tk))
		return 0;
	show(&t, n->args);
	show(&t2, n->args->next);
	adv_pat_report(v->cx, v->st, node_loc(n),
		       "'%s %s %s' is read as '(%s) %s %s': the 0/1 result of "
		       "the first comparison is compared with %s",
		       t.s, n->name, t2.s, t.s, n->name, t2.s, t2.s);
	return 1;
}

/* ---- update-set-with-and ---- */

static int is_boolean_shaped(const struct adv_ast *e)
{
	switch (e->kind) {
	case ADV_AST_AND:
	case ADV_AST_OR:
	case ADV_AST_NOT:
	case ADV_AST_IN:
	case ADV_AST_LIKE:
	case ADV_AST_BETWEEN:
	case ADV_AST_NULLTEST:
	case ADV_AST_BOOLTEST:
	case ADV_AST_DISTINCT_FROM:
		return 1;
	case ADV_AST_OP:
		return is_cmp(e);
	case ADV_AST_SUBLINK:
		return e->op == ADV_SUBLINK_EXISTS;
	default:
		return 0;
	}
}

/* 1 when the whole expression starting at token i is in parentheses. */
static int fully_parenthesized(const struct adv_pat_stmt *st, long i)
{
	long open = tok_prev(st, i), close, after;

	if (open < 0 || !tok_is(st, open, "("))
		return 0;
	close = tok_close(st, open);
	if (close < 0)
		return 0;
	after = tok_next(st, close);
	return after < 0 || tok_is(st, after, ",") || tok_is(st, after, ";") ||
	       tok_is(st, after, "where") || tok_is(st, after, "from") ||
	       tok_is(st, after, "returning") || tok_is(st, after, "output") ||
	       tok_is(st, after, "order") || tok_is(st, after, "limit") ||
	       tok_is(st, after, ")");
}

static int set_and_visit(const struct adv_ast *n,
			 const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *e = n->args, *a;
	struct txt t, t2;

	(void)path;
	if (n->kind != ADV_AST_ASSIGN || e == NULL || e->kind != ADV_AST_AND ||
	    e->args == NULL || is_boolean_shaped(e->args))
		return 0;
	for (a = e->args->next; a != NULL; a = a->next) {
		if (is_cmp(a) && strcmp(a->name, "=") == 0 &&
		    a->args->kind == ADV_AST_COLUMN)
			break;
	}
	if (a == NULL)
		return 0;
	if (fully_parenthesized(v->st, tok_at(v->st, node_loc(e))))
		return 0;
	adv_pat_report(v->cx, v->st, n->loc >= 0 ? n->loc : node_loc(e),
		       "SET %s = %s assigns the boolean of the AND to '%s' "
		       "instead of also setting '%s': separate assignments "
		       "with commas",
		       n->name != NULL ? n->name : "?", show(&t, e),
		       n->name != NULL ? n->name : "?", show(&t2, a->args));
	return 1;
}

/* ---- outer-join-nullified-by-where, exclusion-join-wrong-column ---- */

static const char *join_name(const struct adv_ast *join)
{
	switch (join->op) {
	case ADV_JOIN_LEFT:
		return "LEFT JOIN";
	case ADV_JOIN_RIGHT:
		return "RIGHT JOIN";
	case ADV_JOIN_FULL:
		return "FULL JOIN";
	default:
		return "outer join";
	}
}

struct strict_find {
	const struct scope *sc;
	const struct adv_ast *col; /* the first column on a nullable side */
};

static int strict_visit(const struct adv_ast *n,
			const struct adv_ast_path *path, void *data)
{
	struct strict_find *sf = data;
	int r;

	(void)path;
	switch (n->kind) {
	case ADV_AST_FUNC:
		if (is_coalesce_name(n->name) || str_eq(n->name, "nullif") ||
		    str_eq(n->name, "concat_ws"))
			return 1;
		return 0;
	case ADV_AST_CASE:
	case ADV_AST_NULLTEST:
	case ADV_AST_BOOLTEST:
	case ADV_AST_DISTINCT_FROM:
	case ADV_AST_OR:
	case ADV_AST_SUBLINK:
		return 1;
	case ADV_AST_COLUMN:
		r = scope_resolve(sf->sc, n, 0);
		if (r >= 0 && sf->sc->rel[r].outer != NULL) {
			sf->col = n;
			return -1;
		}
		return 0;
	default:
		return 0;
	}
}

/*
 * The column of a nullable relation whose NULL the conjunct c rejects,
 * or NULL when c tolerates NULL-extended rows.
 */
static const struct adv_ast *nullifying_column(const struct scope *sc,
					       const struct adv_ast *c)
{
	struct strict_find sf = {sc, NULL};

	switch (c->kind) {
	case ADV_AST_OP:
		if (!is_cmp(c) || is_null_const(c->args) ||
		    is_null_const(c->args->next))
			return NULL;
		break;
	case ADV_AST_NULLTEST:
		if ((c->flags & ADV_ASTF_NEGATED) == 0)
			return NULL;
		adv_ast_walk(c->args, ADV_WALK_NO_SUBQUERY, strict_visit, &sf);
		return sf.col;
	case ADV_AST_IN:
		adv_ast_walk(c->args, ADV_WALK_NO_SUBQUERY, strict_visit, &sf);
		return sf.col;
	case ADV_AST_LIKE:
	case ADV_AST_BETWEEN:
	case ADV_AST_ANY_ALL:
		break;
	default:
		return NULL;
	}
	adv_ast_walk(c, ADV_WALK_NO_SUBQUERY, strict_visit, &sf);
	return sf.col;
}

static int nullified_visit(const struct adv_ast *n,
			   const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *c[MAX_CONJ];
	struct scope *sc;
	size_t i, k;

	(void)path;
	if (n->where == NULL || n->from == NULL ||
	    (n->kind != ADV_AST_SELECT && n->kind != ADV_AST_UPDATE &&
	     n->kind != ADV_AST_DELETE))
		return 0;
	sc = malloc(sizeof(*sc));
	if (sc == NULL)
		return 0;
	scope_build(v->cx, sc, n->from);
	for (k = 0; k < sc->n && sc->rel[k].outer == NULL; k++)
		;
	if (k < sc->n) {
		size_t nc = conjuncts(n->where, c, MAX_CONJ);

		for (i = 0; i < nc; i++) {
			const struct adv_ast *col = nullifying_column(sc, c[i]);
			const struct rel *r;
			struct txt t;

			if (col == NULL)
				continue;
			r = &sc->rel[scope_resolve(sc, col, 0)];
			adv_pat_report(v->cx, v->st, node_loc(col),
				       "WHERE condition on '%s' rejects the "
				       "NULL-extended rows of '%s' (nullable "
				       "side of a %s): the unmatched rows are "
				       "lost as with an inner join; move it "
				       "into ON",
				       show(&t, col),
				       r->name != NULL ? r->name : "?",
				       join_name(r->outer));
		}
	}
	free(sc);
	return 0;
}

struct join_ref {
	const struct scope *sc;
	int rel;
	const char *name;
	int found;
};

static int join_ref_visit(const struct adv_ast *n,
			  const struct adv_ast_path *path, void *data)
{
	struct join_ref *jr = data;

	(void)path;
	if (n->kind == ADV_AST_COLUMN && str_eq(n->name, jr->name)) {
		int r = scope_resolve(jr->sc, n, 0);

		if (r == jr->rel || (r < 0 && n->qual == NULL)) {
			jr->found = 1;
			return -1;
		}
	}
	return 0;
}

static void join_ref_in(const struct adv_ast *join, void *data)
{
	struct join_ref *jr = data;
	const struct adv_ast *u;

	if ((join->flags & ADV_ASTF_NATURAL) != 0)
		jr->found = 1;
	for (u = join->cols; u != NULL; u = u->next) {
		if (str_eq(u->name, jr->name))
			jr->found = 1;
	}
	if (join->quals != NULL && !jr->found)
		adv_ast_walk(join->quals, ADV_WALK_NO_SUBQUERY, join_ref_visit,
			     jr);
}

static int exclusion_visit(const struct adv_ast *n,
			   const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *c[MAX_CONJ];
	struct scope *sc;
	size_t i, j, nc;

	(void)path;
	if (n->where == NULL || n->from == NULL ||
	    (n->kind != ADV_AST_SELECT && n->kind != ADV_AST_UPDATE &&
	     n->kind != ADV_AST_DELETE))
		return 0;
	sc = malloc(sizeof(*sc));
	if (sc == NULL)
		return 0;
	scope_build(v->cx, sc, n->from);
	nc = conjuncts(n->where, c, MAX_CONJ);
	for (i = 0; i < nc; i++) {
		const struct adv_ast *col = c[i]->args;
		struct join_ref jr;
		const struct adv_ast *f;
		struct txt t;
		int r, nullified = 0;

		if (c[i]->kind != ADV_AST_NULLTEST ||
		    (c[i]->flags & ADV_ASTF_NEGATED) != 0 || col == NULL ||
		    col->kind != ADV_AST_COLUMN)
			continue;
		r = scope_resolve(sc, col, 0);
		if (r < 0 || sc->rel[r].outer == NULL)
			continue;
		/* an IS NULL test on a NOT NULL column is a real anti-join */
		if (rel_column_not_null(&sc->rel[r], col->name))
			continue;
		/* another conjunct already made the join an inner one */
		for (j = 0; j < nc && !nullified; j++) {
			const struct adv_ast *o = nullifying_column(sc, c[j]);

			nullified = o != NULL && scope_resolve(sc, o, 0) == r;
		}
		if (nullified)
			continue;
		jr.sc = sc;
		jr.rel = r;
		jr.name = col->name;
		jr.found = 0;
		for (f = n->from; f != NULL && !jr.found; f = f->next)
			for_each_join(f, join_ref_in, &jr);
		if (jr.found)
			continue;
		adv_pat_report(v->cx, v->st, node_loc(c[i]),
			       "'%s IS NULL' tests a column that is not part "
			       "of the join of '%s': it also keeps joined rows "
			       "whose %s is NULL",
			       show(&t, col),
			       sc->rel[r].name != NULL ? sc->rel[r].name : "?",
			       col->name);
	}
	free(sc);
	return 0;
}

/* ---- missing-join-condition ---- */

struct graph {
	struct adv_pat_walk *v;
	const struct adv_ast_path *path;
	struct scope sc;
	int parent[MAX_RELS];
	/* the JOIN without ON/USING on whose right side a relation is */
	const struct adv_ast *bare[MAX_RELS];
};

static int uf_find(struct graph *g, int i)
{
	while (g->parent[i] != i) {
		g->parent[i] = g->parent[g->parent[i]];
		i = g->parent[i];
	}
	return i;
}

static void uf_union(struct graph *g, int a, int b)
{
	a = uf_find(g, a);
	b = uf_find(g, b);
	if (a != b)
		g->parent[b] = a;
}

/* 1 when the query returns at most one row whatever its input. */
static int single_row_query(const struct adv_ast *q)
{
	if (q == NULL || q->kind != ADV_AST_SELECT || q->op != ADV_SETOP_NONE)
		return 0;
	if ((q->flags & ADV_ASTF_VALUES) != 0)
		return q->values != NULL && q->values->next == NULL;
	if (q->from == NULL)
		return 1;
	if (q->group == NULL && list_has_aggregate(q->targets))
		return 1;
	return q->limit != NULL && q->limit->kind == ADV_AST_CONST &&
	       str_eq(q->limit->value, "1");
}

/* The CTE named name visible from the path, or NULL. */
static const struct adv_ast *find_cte(const struct adv_ast_path *path,
				      const struct adv_ast *q, const char *name)
{
	const struct adv_ast *c;
	int i;

	for (c = q->with; c != NULL; c = c->next) {
		if (c->kind == ADV_AST_CTE && str_eq(c->name, name))
			return c;
	}
	for (i = path->depth - 1; i >= 0; i--) {
		for (c = path->node[i]->with; c != NULL; c = c->next) {
			if (c->kind == ADV_AST_CTE && str_eq(c->name, name))
				return c;
		}
	}
	return NULL;
}

struct refs {
	struct graph *g;
	int first;   /* first relation referenced, -1 none */
	int columns; /* column references seen */
	int unknown; /* unqualified ones that could not be resolved */
};

static int refs_visit(const struct adv_ast *n, const struct adv_ast_path *path,
		      void *data)
{
	struct refs *rf = data;
	int r, inside;

	if (n->kind != ADV_AST_COLUMN)
		return 0;
	inside = adv_ast_path_find(path, ADV_AST_SELECT, NULL) != NULL;
	if (inside && n->qual == NULL)
		return 0; /* most likely a column of the subquery's tables */
	rf->columns++;
	r = scope_resolve(&rf->g->sc, n, 0);
	if (r < 0) {
		if (n->qual == NULL)
			rf->unknown++;
		return 0;
	}
	if (rf->first < 0)
		rf->first = r;
	else
		uf_union(rf->g, rf->first, r);
	return 0;
}

/* Links the relations that the predicate e references. */
static void graph_predicate(struct graph *g, const struct adv_ast *e)
{
	struct refs rf = {g, -1, 0, 0};
	size_t i;

	adv_ast_walk(e, 0, refs_visit, &rf);
	/* x = y with a column we cannot place: assume it links */
	if (rf.unknown > 0 && rf.columns >= 2) {
		for (i = 1; i < g->sc.n; i++)
			uf_union(g, 0, (int)i);
	}
}

/* Adds the relations of a FROM item; notes the JOINs without ON. */
static void graph_item(struct graph *g, const struct adv_ast *item)
{
	size_t mid, end, i;

	if (item == NULL)
		return;
	if (item->kind != ADV_AST_JOIN) {
		scope_add(g->v->cx, &g->sc, item, NULL);
		return;
	}
	graph_item(g, item->larg);
	mid = g->sc.n;
	graph_item(g, item->rarg);
	end = g->sc.n;
	if (item->quals != NULL || item->cols != NULL ||
	    (item->flags &
	     (ADV_ASTF_NATURAL | ADV_ASTF_CROSS | ADV_ASTF_LATERAL)) != 0 ||
	    item->op == ADV_JOIN_CROSS)
		return;
	for (i = mid; i < end; i++) {
		if (g->bare[i] == NULL)
			g->bare[i] = item;
	}
}

/* Explicit joins link their two sides; ON conditions link what they
 * name. */
static void graph_joins(struct graph *g, const struct adv_ast *item,
			size_t *pos)
{
	size_t start = *pos, mid;

	if (item == NULL)
		return;
	if (item->kind != ADV_AST_JOIN) {
		(*pos)++;
		return;
	}
	graph_joins(g, item->larg, pos);
	mid = *pos;
	graph_joins(g, item->rarg, pos);
	if (start == mid || mid == *pos || *pos > g->sc.n)
		return;
	if (item->quals != NULL)
		graph_predicate(g, item->quals);
	if (item->quals != NULL || item->cols != NULL ||
	    (item->flags &
	     (ADV_ASTF_NATURAL | ADV_ASTF_CROSS | ADV_ASTF_LATERAL)) != 0 ||
	    item->op == ADV_JOIN_CROSS)
		uf_union(g, (int)start, (int)mid);
}

/* 1 when the relation stands for one row or depends on another. */
static int graph_free_rel(struct graph *g, const struct adv_ast *q,
			  const struct rel *r)
{
	const struct adv_ast *it = r->item;

	if (it->kind == ADV_AST_FUNCTION_TABLE ||
	    (it->flags & ADV_ASTF_LATERAL) != 0)
		return 1;
	if (it->kind == ADV_AST_SUBQUERY)
		return single_row_query(it->sub);
	if (it->kind == ADV_AST_TABLE && it->schema == NULL) {
		const struct adv_ast *cte = find_cte(g->path, q, it->name);

		return cte != NULL && single_row_query(cte->sub);
	}
	return 0;
}

static void graph_check(struct adv_pat_walk *v, const struct adv_ast *q,
			const struct adv_ast_path *path)
{
	const struct adv_ast *c[MAX_CONJ], *f, *target = NULL;
	struct graph *g;
	size_t i, n, pos = 0;
	int first = -1;
	unsigned char free_rel[MAX_RELS] = {0};

	g = calloc(1, sizeof(*g));
	if (g == NULL)
		return;
	g->v = v;
	g->path = path;
	/* UPDATE t ... FROM u / DELETE FROM t USING u: t takes part */
	if (q->kind != ADV_AST_SELECT && q->table != NULL &&
	    q->table->kind == ADV_AST_TABLE) {
		const char *tn = q->table->alias != NULL ? q->table->alias
							 : q->table->name;
		int listed = 0;

		scope_build(NULL, &g->sc, q->from);
		for (i = 0; i < g->sc.n; i++) {
			const struct rel *r = &g->sc.rel[i];

			if (str_eq(r->name, tn) ||
			    (r->item->kind == ADV_AST_TABLE &&
			     str_eq(r->item->name, tn)))
				listed = 1;
		}
		if (!listed)
			target = q->table;
		g->sc.n = 0;
	}
	if (target != NULL)
		scope_add(v->cx, &g->sc, target, NULL);
	for (f = q->from; f != NULL; f = f->next)
		graph_item(g, f);
	if (g->sc.overflow || g->sc.n < 2) {
		free(g);
		return;
	}
	for (i = 0; i < g->sc.n; i++)
		g->parent[i] = (int)i;
	pos = target != NULL ? 1 : 0;
	for (f = q->from; f != NULL; f = f->next)
		graph_joins(g, f, &pos);
	n = conjuncts(q->where, c, MAX_CONJ);
	for (i = 0; i < n; i++)
		graph_predicate(g, c[i]);
	for (i = 0; i < g->sc.n; i++) {
		free_rel[i] = graph_free_rel(g, q, &g->sc.rel[i]);
		if (!free_rel[i] && first < 0)
			first = (int)i;
	}
	for (i = 0; first >= 0 && i < g->sc.n; i++) {
		const struct rel *r = &g->sc.rel[i];
		const char *left = g->sc.rel[first].name;

		if (free_rel[i] || uf_find(g, (int)i) == uf_find(g, first))
			continue;
		if (g->bare[i] != NULL)
			adv_pat_report(v->cx, v->st, node_loc(r->item),
				       "JOIN of '%s' has no ON or USING "
				       "condition and no WHERE predicate links "
				       "it: every row is paired with every row "
				       "of '%s'",
				       r->name != NULL ? r->name : "?",
				       left != NULL ? left : "?");
		else
			adv_pat_report(
				v->cx, v->st, node_loc(r->item),
				"'%s' is not linked to '%s' by any join "
				"condition or WHERE predicate: Cartesian "
				"product",
				r->name != NULL ? r->name : "?",
				left != NULL ? left : "?");
		break;
	}
	free(g);
}

static int missing_join_visit(const struct adv_ast *n,
			      const struct adv_ast_path *path, void *data)
{
	if ((n->kind == ADV_AST_SELECT || n->kind == ADV_AST_UPDATE ||
	     n->kind == ADV_AST_DELETE) &&
	    n->from != NULL)
		graph_check(data, n, path);
	return 0;
}

/* ---- mixed-comma-ansi-join ---- */

static int mixed_join_visit(const struct adv_ast *n,
			    const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *v = data;
	const struct adv_ast *f, *join = NULL;
	size_t real = 0;

	(void)path;
	if (n->kind != ADV_AST_SELECT && n->kind != ADV_AST_UPDATE &&
	    n->kind != ADV_AST_DELETE)
		return 0;
	for (f = n->from; f != NULL; f = f->next) {
		/* FROM t JOIN u ON ..., unnest(t.a) x: a lateral call */
		if (is_lateral(f))
			continue;
		real++;
		if (f->kind == ADV_AST_JOIN && join == NULL)
			join = f;
	}
	if (real < 2 || join == NULL)
		return 0;
	adv_pat_report(v->cx, v->st, node_loc(join->rarg),
		       "comma join mixed with an explicit JOIN in one FROM "
		       "clause: JOIN binds tighter than the comma");
	return 0;
}

/* ---- the table ---- */

/* Rules of this group; the table ends with an entry whose id is NULL. */
const struct adv_pat_rule adv_pat_rules_correctness[] = {
	{
		.id = "null-comparison-equals",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A comparison with NULL through =, <> or != (also "
			   "CASE x WHEN NULL).",
		.why = "Any comparison with NULL yields NULL, never true: the "
		       "predicate matches no row, whatever the data.",
		.fix = "Write IS NULL / IS NOT NULL, or IS [NOT] DISTINCT FROM "
		       "to compare two values that may be NULL.",
		.example_fire =
			"SELECT id FROM orders WHERE shipped_at = NULL;\n",
		.example_quiet = "UPDATE orders SET shipped_at = NULL\n"
				 "WHERE shipped_at IS NOT NULL AND id = 7;\n",
		.walk = null_eq_visit,
	},
	{
		.id = "not-in-subquery-nullable",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"x NOT IN (SELECT c ...) where c is not known to be "
			"NOT NULL (no NOT NULL or primary key in the input's "
			"DDL, no IS NOT NULL filter in the subquery).",
		.why = "As soon as the subquery returns one NULL, x NOT IN "
		       "(...) is NULL for every x and the query silently "
		       "returns nothing.",
		.fix = "Use NOT EXISTS (SELECT 1 ... WHERE c = x), or add "
		       "WHERE c IS NOT NULL to the subquery.",
		.example_fire = "SELECT id FROM customers\n"
				"WHERE id NOT IN (SELECT customer_id FROM "
				"orders);\n",
		.example_quiet = "SELECT id FROM customers\n"
				 "WHERE id NOT IN (SELECT customer_id FROM "
				 "orders\n"
				 "                 WHERE customer_id IS NOT "
				 "NULL);\n",
		.walk = not_in_visit,
	},
	{
		.id = "in-list-null",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A NULL literal inside an IN or NOT IN value list.",
		.why = "IN compares with =, so the NULL item never matches "
		       "(NULL rows are not found); in NOT IN it makes the "
		       "whole predicate NULL, so no row is ever returned.",
		.fix = "Drop the NULL from the list and add an explicit "
		       "OR x IS NULL (or AND x IS NOT NULL) test.",
		.example_fire = "SELECT id FROM tickets WHERE status IN "
				"('open', NULL);\n",
		.example_quiet = "SELECT id FROM tickets\n"
				 "WHERE status IN ('open', 'held') OR status "
				 "IS NULL;\n",
		.walk = in_null_visit,
	},
	{
		.id = "in-list-contains-column",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "The tested column itself appears in its IN value "
			   "list (id IN (1, 2, id)).",
		.why = "id = id holds for every row where id is not NULL, so "
		       "the predicate keeps (or, in DELETE and UPDATE, "
		       "destroys) nearly the whole table.",
		.fix = "Remove the column from the list; if a value was "
		       "meant, write it as a literal or a parameter.",
		.example_fire = "DELETE FROM sessions WHERE id IN (101, 102, "
				"id);\n",
		.example_quiet = "SELECT id FROM documents\n"
				 "WHERE 42 IN (owner_id, editor_id);\n",
		.walk = in_column_visit,
	},
	{
		.id = "nondeterministic-group-by",
		.category = "correctness",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A select-list column that is neither grouped, "
			   "aggregated nor functionally dependent on the GROUP "
			   "BY keys (or not aggregated in an aggregate query "
			   "without GROUP BY).",
		.why = "Without ONLY_FULL_GROUP_BY MySQL returns the value of "
		       "an arbitrary row of the group; results change with "
		       "plans and versions, and MySQL 5.7+ rejects the query "
		       "by default.",
		.fix = "Group by the column, aggregate it (MIN, MAX, "
		       "ANY_VALUE when any value is fine), or group by the "
		       "table's primary key.",
		.example_fire = "SELECT customer_id, status, COUNT(*) FROM "
				"orders\n"
				"WHERE total > 0 GROUP BY customer_id;\n",
		.example_quiet = "SELECT customer_id, MAX(status), COUNT(*) "
				 "FROM orders\n"
				 "WHERE total > 0 GROUP BY customer_id;\n",
		.walk = group_by_visit,
	},
	{
		.id = "limit-without-order-by",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "SELECT with LIMIT, TOP or FETCH FIRST but no ORDER "
			   "BY (not flagged: no FROM, aggregate-only selects, "
			   "inside EXISTS, a WHERE that pins a unique key).",
		.why = "Without an order the server returns whichever rows it "
		       "meets first: the result changes with plans, "
		       "parallelism and physical row order.",
		.fix = "Add an ORDER BY on a unique key (or a key plus a tie "
		       "breaker).",
		.example_fire = "SELECT id, payload FROM jobs WHERE state = "
				"'ready' LIMIT 10;\n",
		.example_quiet = "SELECT id, payload FROM jobs WHERE state = "
				 "'ready'\n"
				 "ORDER BY id LIMIT 10;\n",
		.walk = limit_visit,
	},
	{
		.id = "order-by-constant",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ORDER BY or GROUP BY a constant expression (not a "
			   "positional number) or a column that WHERE pins "
			   "with an equality.",
		.why = "Every row has the same key, so the clause does "
		       "nothing; ORDER BY 'name' (a string, not the column) "
		       "is the classic typo.",
		.fix = "Sort or group by the intended column, without quotes, "
		       "or drop the useless key.",
		.example_fire = "SELECT id, name FROM products WHERE active\n"
				"ORDER BY 'name';\n",
		.example_quiet = "SELECT id, name FROM products WHERE active\n"
				 "ORDER BY 2;\n",
		.walk = order_const_visit,
	},
	{
		.id = "always-false-predicate",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A WHERE or ON condition that can never hold: a "
			   "false comparison of literals, contradicting ranges "
			   "or equalities on one column, BETWEEN with reversed "
			   "bounds, FALSE.",
		.why = "The statement never matches a row; it is almost always "
		       "a typo or a leftover from debugging.",
		.fix = "Fix the bounds or the values; to copy a table's "
		       "structure only, CREATE TABLE ... AS SELECT ... WHERE "
		       "1 = 0 is not flagged.",
		.example_fire =
			"SELECT id FROM payments WHERE amount > 100 AND "
			"amount < 50;\n",
		.example_quiet =
			"SELECT id FROM payments WHERE amount > 50 AND "
			"amount < 100;\n",
		.walk = false_visit,
	},
	{
		.id = "always-true-predicate",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"A tautology that disables a WHERE or ON filter: the "
			"whole condition (1 = 1, TRUE), a disjunct of an OR "
			"(... OR 1 = 1), or a column compared with itself.",
		.why = "The filter keeps every row: an UPDATE or DELETE "
		       "touches the whole table, a report counts everything.",
		.fix = "Remove the tautology or write the intended condition; "
		       "WHERE 1 = 1 AND ... and ON TRUE of a LATERAL join "
		       "are not flagged.",
		.example_fire = "DELETE FROM carts WHERE user_id = 42 OR 1 = "
				"1;\n",
		.example_quiet = "SELECT id FROM carts WHERE 1 = 1 AND user_id "
				 "= 42;\n",
		.walk = true_visit,
	},
	{
		.id = "chained-comparison",
		.category = "correctness",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"A comparison whose left operand is an unparenthesised "
			"comparison: a = b = 'x'.",
		.why = "MySQL reads it as (a = b) = 'x', comparing 0 or 1 "
		       "with 'x', which is almost never what was meant.",
		.fix = "Write a = 'x' AND b = 'x' (or parenthesise on purpose).",
		.example_fire = "SELECT id FROM accounts WHERE status = "
				"billing_status = 'active';\n",
		.example_quiet = "SELECT id FROM accounts\n"
				 "WHERE status = 'active' AND billing_status "
				 "= 'active';\n",
		.walk = chained_visit,
	},
	{
		.id = "update-set-with-and",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_CRITICAL,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "UPDATE ... SET a = 1 AND b = 2: assignments joined "
			   "with AND instead of commas.",
		.why = "It parses as a = (1 AND b = 2): a receives a boolean "
		       "(0/1 in MySQL) in every matched row and b is not "
		       "changed.",
		.fix = "Separate the assignments with commas: SET a = 1, b = "
		       "2.",
		.example_fire = "UPDATE users SET plan = 'pro' AND seats = 5 "
				"WHERE id = 9;\n",
		.example_quiet = "UPDATE users SET plan = 'pro', seats = 5 "
				 "WHERE id = 9;\n",
		.walk = set_and_visit,
	},
	{
		.id = "outer-join-nullified-by-where",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"A WHERE condition that rejects NULL on the nullable "
			"side of a LEFT, RIGHT or FULL join (IS NULL, IS "
			"DISTINCT FROM and COALESCE-style tests excepted).",
		.why = "NULL-extended rows fail the condition, so the outer "
		       "join silently behaves as an inner join and the rows "
		       "without a match disappear.",
		.fix = "Move the condition into the ON clause, or write an "
		       "inner join if that is what is meant.",
		.example_fire = "SELECT c.id, o.total FROM customers c\n"
				"LEFT JOIN orders o ON o.customer_id = c.id\n"
				"WHERE o.status = 'paid';\n",
		.example_quiet = "SELECT c.id, o.total FROM customers c\n"
				 "LEFT JOIN orders o ON o.customer_id = c.id\n"
				 "    AND o.status = 'paid'\n"
				 "WHERE c.region = 'EU';\n",
		.walk = nullified_visit,
	},
	{
		.id = "exclusion-join-wrong-column",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "Anti-join LEFT JOIN r ... WHERE r.c IS NULL where "
			   "r.c is neither a join column nor known to be NOT "
			   "NULL.",
		.why = "The test also matches joined rows whose r.c is NULL, "
		       "so rows that do have a match are returned as if they "
		       "had none.",
		.fix = "Test a join column or the primary key of r (r.id IS "
		       "NULL), or write NOT EXISTS.",
		.example_fire = "SELECT c.id FROM customers c\n"
				"LEFT JOIN orders o ON o.customer_id = c.id\n"
				"WHERE o.shipped_at IS NULL;\n",
		.example_quiet = "SELECT c.id FROM customers c\n"
				 "LEFT JOIN orders o ON o.customer_id = c.id\n"
				 "WHERE o.customer_id IS NULL;\n",
		.walk = exclusion_visit,
	},
	{
		.id = "missing-join-condition",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A table joined without ON/USING (and not as CROSS "
			   "or NATURAL JOIN) or by a comma, with no predicate "
			   "linking it to the other tables.",
		.why = "Every row is paired with every row of the other side: "
		       "a Cartesian product that multiplies results and can "
		       "run for hours.",
		.fix = "Add the join condition; write CROSS JOIN when the "
		       "product is intended.",
		.example_fire = "SELECT o.id, c.name FROM orders o, customers "
				"c\n"
				"WHERE o.total > 100;\n",
		.example_quiet = "SELECT o.id, c.name FROM orders o, customers "
				 "c\n"
				 "WHERE c.id = o.customer_id AND o.total > "
				 "100;\n",
		.walk = missing_join_visit,
	},
	{
		.id = "mixed-comma-ansi-join",
		.category = "correctness",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "Comma joins mixed with explicit JOIN ... ON in one "
			   "FROM clause.",
		.why = "JOIN binds tighter than the comma, so an ON clause "
		       "cannot see the comma-joined tables ('unknown column' "
		       "errors since MySQL 5.0) and the join order is not "
		       "the one read.",
		.fix = "Write every join with explicit JOIN ... ON.",
		.example_fire = "SELECT o.id FROM orders o, customers c\n"
				"JOIN regions r ON r.id = c.region_id\n"
				"WHERE c.id = o.customer_id;\n",
		.example_quiet = "SELECT o.id FROM orders o\n"
				 "JOIN customers c ON c.id = o.customer_id\n"
				 "JOIN regions r ON r.id = c.region_id\n"
				 "WHERE o.total > 0;\n",
		.walk = mixed_join_visit,
	},
	{0},
};
