#include "patterns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

/*
 * The performance (catalog 3.3) and dml-safety (3.4) rules of ip-patterns.
 *
 * Most rules are a visitor of one kind of node, which the engine walks
 * over every statement (the .walk of their table entry); the ones about filters
 * ask where a node sits with filter_place(): a predicate counts when the
 * nearest enclosing query reached it through its WHERE, or a JOIN below that
 * query through its ON. Column types come from the tables created earlier in
 * the input (the script state); without them the rules that need types stay
 * silent.
 */

/* ---- small helpers ---- */

static int lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Case-insensitive equality of a and the first n bytes of s. */
static int ieq_n(const char *s, size_t n, const char *a)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (a[i] == '\0' || lower_ascii((unsigned char)s[i]) !=
					    lower_ascii((unsigned char)a[i]))
			return 0;
	}
	return a[n] == '\0';
}

static int ieq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return 0;
	return ieq_n(a, strlen(a), b);
}

static int name_in(const char *name, const char *const *list)
{
	size_t i;

	if (name == NULL)
		return 0;
	for (i = 0; list[i] != NULL; i++) {
		if (strcmp(name, list[i]) == 0)
			return 1;
	}
	return 0;
}

static int is_query(const struct adv_ast *n)
{
	return n->kind == ADV_AST_SELECT || n->kind == ADV_AST_INSERT ||
	       n->kind == ADV_AST_UPDATE || n->kind == ADV_AST_DELETE;
}

enum filter_place { NOT_FILTER = 0, IN_WHERE, IN_ON };

/*
 * Whether the visited node is part of a filter: the WHERE of its nearest
 * query or the ON of a join of that query.
 */
static enum filter_place filter_place(const struct adv_ast_path *path)
{
	int i;

	for (i = path->depth - 1; i >= 0; i--) {
		const struct adv_ast *a = path->node[i];

		if (a->kind == ADV_AST_JOIN && path->field[i] == ADV_F_QUALS)
			return IN_ON;
		if (is_query(a))
			return path->field[i] == ADV_F_WHERE ? IN_WHERE
							     : NOT_FILTER;
	}
	return NOT_FILTER;
}

static const char *place_words(enum filter_place where)
{
	return where == IN_ON ? "a JOIN condition" : "a WHERE predicate";
}

/* 1 when the visited query is the subquery of an EXISTS. */
static int inside_exists(const struct adv_ast_path *path)
{
	const struct adv_ast *parent;

	if (path->depth == 0)
		return 0;
	parent = path->node[path->depth - 1];
	return parent->kind == ADV_AST_SUBLINK &&
	       parent->op == ADV_SUBLINK_EXISTS;
}

/* A comparison operator with two operands. */
static int is_comparison(const struct adv_ast *n)
{
	static const char *const ops[] = {"=",	"<>", "!=", "<",  ">",
					  "<=", ">=", "!<", "!>", NULL};

	return n->kind == ADV_AST_OP && n->args != NULL &&
	       n->args->next != NULL && n->args->next->next == NULL &&
	       name_in(n->name, ops);
}

/*
 * The operands of a predicate an index could serve: both sides of a
 * comparison; the subject of IN, BETWEEN, LIKE and op ANY/ALL. Returns 0
 * when n is not such a predicate.
 */
static int predicate_operands(const struct adv_ast *n,
			      const struct adv_ast **lhs,
			      const struct adv_ast **rhs)
{
	*lhs = NULL;
	*rhs = NULL;
	if (is_comparison(n)) {
		*lhs = n->args;
		*rhs = n->args->next;
		return 1;
	}
	switch (n->kind) {
	case ADV_AST_IN:
	case ADV_AST_BETWEEN:
	case ADV_AST_LIKE:
	case ADV_AST_ANY_ALL:
		*lhs = n->args;
		return *lhs != NULL;
	case ADV_AST_SUBLINK:
		if (n->op != ADV_SUBLINK_ANY && n->op != ADV_SUBLINK_ALL)
			return 0;
		*lhs = n->args;
		return *lhs != NULL;
	default:
		return 0;
	}
}

/* The first column reference in e, not looking into subqueries. */
static const struct adv_ast *find_column(const struct adv_ast *e)
{
	const struct adv_ast *a;
	const struct adv_ast *c;

	if (e == NULL)
		return NULL;
	switch (e->kind) {
	case ADV_AST_COLUMN:
		return e;
	case ADV_AST_SUBLINK:
	case ADV_AST_SELECT:
		return NULL;
	default:
		break;
	}
	for (a = e->args; a != NULL; a = a->next) {
		c = find_column(a);
		if (c != NULL)
			return c;
	}
	if (e->kind == ADV_AST_CASE)
		return find_column(e->quals);
	return NULL;
}

/* 1 when e holds a node for which pred() is true (not in subqueries). */
static int expr_has(const struct adv_ast *e,
		    int (*pred)(const struct adv_ast *n))
{
	const struct adv_ast *a;

	if (e == NULL)
		return 0;
	if (pred(e))
		return 1;
	if (e->kind == ADV_AST_SUBLINK || e->kind == ADV_AST_SELECT)
		return 0;
	for (a = e->args; a != NULL; a = a->next) {
		if (expr_has(a, pred))
			return 1;
	}
	return e->kind == ADV_AST_CASE && expr_has(e->quals, pred);
}

static int is_aggregate_call(const struct adv_ast *n)
{
	return n->kind == ADV_AST_FUNC &&
	       (n->flags2 & ADV_AST2_AGGREGATE) != 0 &&
	       (n->flags2 & ADV_AST2_WINDOW) == 0;
}

static int is_bind_value(const struct adv_ast *n)
{
	return n->kind == ADV_AST_PARAM || n->kind == ADV_AST_VARIABLE ||
	       n->kind == ADV_AST_COLUMN;
}

/* "t.c" or "c" for messages, in buf. */
static const char *column_label(const struct adv_ast *c, char *buf, size_t size)
{
	if (c->qual != NULL)
		snprintf(buf, size, "%s.%s", c->qual, c->name);
	else
		snprintf(buf, size, "%s", c->name != NULL ? c->name : "?");
	return buf;
}

/* "s.t" or "t" for messages, in buf. */
static const char *table_label(const struct adv_ast *t, char *buf, size_t size)
{
	if (t == NULL || t->name == NULL)
		snprintf(buf, size, "?");
	else if (t->schema != NULL)
		snprintf(buf, size, "%s.%s", t->schema, t->name);
	else
		snprintf(buf, size, "%s", t->name);
	return buf;
}

/* The value of an integer literal (also a negated one) in *out. */
static int int_constant(const struct adv_ast *e, double *out)
{
	char *end;
	double v;

	if (e == NULL || e->kind != ADV_AST_CONST || e->op != ADV_CONST_INT ||
	    e->value == NULL)
		return 0;
	v = strtod(e->value, &end);
	if (end == e->value || *end != '\0')
		return 0;
	*out = v;
	return 1;
}

/* ---- relations in scope and column types from the script state ---- */

#define MAX_RELS 64

struct rels {
	const struct adv_ast *items[MAX_RELS];
	size_t n;
};

static void add_rel(const struct adv_ast *item, struct rels *out)
{
	if (item == NULL)
		return;
	if (item->kind == ADV_AST_JOIN) {
		add_rel(item->larg, out);
		add_rel(item->rarg, out);
		return;
	}
	if (out->n < MAX_RELS)
		out->items[out->n++] = item;
}

static void add_rel_list(const struct adv_ast *list, struct rels *out)
{
	for (; list != NULL; list = list->next)
		add_rel(list, out);
}

/* The relations a query's own clauses can name. */
static void query_rels(const struct adv_ast *q, struct rels *out)
{
	out->n = 0;
	switch (q->kind) {
	case ADV_AST_SELECT:
		add_rel_list(q->from, out);
		break;
	case ADV_AST_UPDATE:
	case ADV_AST_DELETE:
	case ADV_AST_INSERT:
		add_rel(q->table, out);
		add_rel_list(q->from, out);
		break;
	default:
		break;
	}
}

/* The name a query uses for a relation: its alias, else its name. */
static const char *rel_name(const struct adv_ast *r)
{
	return r->alias != NULL ? r->alias : r->name;
}

/* 1 when name is a CTE of a query on the path. */
static int is_cte_name(const struct adv_ast_path *path, const char *name)
{
	int i;
	const struct adv_ast *c;

	for (i = 0; i < path->depth; i++) {
		for (c = path->node[i]->with; c != NULL; c = c->next) {
			if (c->kind == ADV_AST_CTE && ieq(c->name, name))
				return 1;
		}
	}
	return 0;
}

/* The created table behind a relation, or NULL. */
static const struct adv_pat_table *rel_table(const struct adv_pat_ctx *cx,
					     const struct adv_ast_path *path,
					     const struct adv_ast *r)
{
	if (r->kind != ADV_AST_TABLE || r->name == NULL)
		return NULL;
	if (r->schema == NULL && path != NULL && is_cte_name(path, r->name))
		return NULL;
	return adv_pat_find_table(cx, r->schema, r->name);
}

/*
 * The definition of the column c, resolved through the queries on the path
 * from the innermost outwards, or NULL when it cannot be told.
 */
static const struct adv_pat_column *resolve_column(
	const struct adv_pat_ctx *cx, const struct adv_ast_path *path,
	const struct adv_ast *c)
{
	struct rels rels;
	const struct adv_pat_table *t;
	const struct adv_pat_column *col;
	const struct adv_pat_column *found;
	int i;
	size_t j;
	int unknown;

	for (i = path->depth - 1; i >= 0; i--) {
		if (!is_query(path->node[i]))
			continue;
		query_rels(path->node[i], &rels);
		found = NULL;
		unknown = 0;
		for (j = 0; j < rels.n; j++) {
			const struct adv_ast *r = rels.items[j];

			if (c->qual != NULL) {
				if (!ieq(rel_name(r), c->qual))
					continue;
				t = rel_table(cx, path, r);
				return t != NULL ? adv_pat_table_column(t,
									c->name)
						 : NULL;
			}
			t = rel_table(cx, path, r);
			if (t == NULL) {
				unknown = 1;
				continue;
			}
			col = adv_pat_table_column(t, c->name);
			if (col != NULL) {
				if (found != NULL)
					return NULL; /* ambiguous */
				found = col;
			}
		}
		if (found != NULL)
			return unknown ? NULL : found;
		if (unknown && c->qual == NULL)
			return NULL;
	}
	return NULL;
}

/* ---- distinct-with-group-by ---- */

static int same_expr(const struct adv_ast *a, const struct adv_ast *b)
{
	const struct adv_ast *x;
	const struct adv_ast *y;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind || a->op != b->op)
		return 0;
	if ((a->name == NULL) != (b->name == NULL) ||
	    (a->name != NULL && strcmp(a->name, b->name) != 0))
		return 0;
	if ((a->value == NULL) != (b->value == NULL) ||
	    (a->value != NULL && strcmp(a->value, b->value) != 0))
		return 0;
	if (a->kind == ADV_AST_COLUMN && a->qual != NULL && b->qual != NULL &&
	    strcmp(a->qual, b->qual) != 0)
		return 0;
	if (a->kind == ADV_AST_SUBLINK || a->kind == ADV_AST_SELECT)
		return 0;
	if (a->kind == ADV_AST_CAST &&
	    (a->type.name == NULL || b->type.name == NULL ||
	     strcmp(a->type.name, b->type.name) != 0))
		return 0;
	for (x = a->args, y = b->args; x != NULL && y != NULL;
	     x = x->next, y = y->next) {
		if (!same_expr(x, y))
			return 0;
	}
	return x == NULL && y == NULL;
}

/* 1 when the GROUP BY key g is one of the select list's expressions. */
static int key_selected(const struct adv_ast *q, const struct adv_ast *g)
{
	const struct adv_ast *t;
	double ordinal;
	size_t i;

	if (int_constant(g, &ordinal)) {
		i = adv_ast_list_len(q->targets);
		return ordinal >= 1 && ordinal <= (double)i;
	}
	for (t = q->targets; t != NULL; t = t->next) {
		if (t->kind != ADV_AST_TARGET)
			continue;
		if (same_expr(t->args, g))
			return 1;
		if (g->kind == ADV_AST_COLUMN && g->qual == NULL &&
		    t->alias != NULL && strcmp(t->alias, g->name) == 0)
			return 1;
	}
	return 0;
}

static int distinct_group_fn(const struct adv_ast *n,
			     const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	const struct adv_ast *g;

	(void)path;
	if (n->kind != ADV_AST_SELECT || (n->flags & ADV_ASTF_DISTINCT) == 0 ||
	    (n->flags & ADV_ASTF_DISTINCT_ON) != 0 || n->group == NULL)
		return 0;
	for (g = n->group; g != NULL; g = g->next) {
		if (!key_selected(n, g))
			return 0;
	}
	adv_pat_report(w->cx, w->st, n->loc,
		       "DISTINCT is redundant: every GROUP BY key is in the "
		       "select list, so the groups are already distinct");
	return 0;
}

/* ---- where-function-on-column / where-arithmetic-on-column ---- */

static int wraps_in_function(const struct adv_ast *e)
{
	if (e->kind == ADV_AST_CAST)
		return find_column(e) != NULL;
	if (e->kind != ADV_AST_FUNC ||
	    (e->flags2 & (ADV_AST2_AGGREGATE | ADV_AST2_WINDOW)) != 0)
		return 0;
	return find_column(e) != NULL;
}

static int is_arithmetic(const struct adv_ast *e)
{
	static const char *const ops[] = {"+",	"-",   "*",   "/", "%",
					  "||", "div", "mod", NULL};

	return e->kind == ADV_AST_OP && e->args != NULL &&
	       e->args->next != NULL && name_in(e->name, ops);
}

static int wraps_in_arithmetic(const struct adv_ast *e)
{
	return is_arithmetic(e) && find_column(e) != NULL;
}

/*
 * The operand of predicate n whose column is wrapped by wrapped(), when
 * no index on a bare column can serve the predicate instead: for a
 * comparison the other side must not be a bare column.
 */
static const struct adv_ast *wrapped_side(
	const struct adv_ast *n, int (*wrapped)(const struct adv_ast *e))
{
	const struct adv_ast *lhs;
	const struct adv_ast *rhs;

	if (!predicate_operands(n, &lhs, &rhs))
		return NULL;
	if (rhs == NULL)
		return wrapped(lhs) ? lhs : NULL;
	if (wrapped(lhs) && rhs->kind != ADV_AST_COLUMN)
		return lhs;
	if (wrapped(rhs) && lhs->kind != ADV_AST_COLUMN)
		return rhs;
	return NULL;
}

static int function_on_column_fn(const struct adv_ast *n,
				 const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	enum filter_place where;
	const struct adv_ast *side;
	const struct adv_ast *col;
	char label[160];

	side = wrapped_side(n, wraps_in_function);
	if (side == NULL)
		return 0;
	where = filter_place(path);
	if (where == NOT_FILTER)
		return 0;
	col = find_column(side);
	column_label(col, label, sizeof(label));
	if (side->kind == ADV_AST_CAST)
		adv_pat_report(w->cx, w->st, side->loc,
			       "column '%s' is cast to %s in %s", label,
			       side->type.name != NULL ? side->type.name
						       : "another type",
			       place_words(where));
	else
		adv_pat_report(w->cx, w->st, side->loc,
			       "function '%s' is applied to column '%s' in %s",
			       side->name, label, place_words(where));
	return 0;
}

static int arithmetic_on_column_fn(const struct adv_ast *n,
				   const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	enum filter_place where;
	const struct adv_ast *side;
	char label[160];

	side = wrapped_side(n, wraps_in_arithmetic);
	if (side == NULL)
		return 0;
	where = filter_place(path);
	if (where == NOT_FILTER)
		return 0;
	adv_pat_report(w->cx, w->st, side->loc,
		       "column '%s' is inside a '%s' expression in %s",
		       column_label(find_column(side), label, sizeof(label)),
		       side->name, place_words(where));
	return 0;
}

/* ---- implicit-type-conversion ---- */

static int is_string_type(const struct adv_ast_type *t)
{
	return t->cls == ADV_TYPE_CHAR || t->cls == ADV_TYPE_VARCHAR ||
	       t->cls == ADV_TYPE_TEXT;
}

static int is_integer_type(const struct adv_ast_type *t)
{
	switch (t->cls) {
	case ADV_TYPE_SMALLINT:
	case ADV_TYPE_MEDIUMINT:
	case ADV_TYPE_INT:
	case ADV_TYPE_BIGINT:
	case ADV_TYPE_SMALLSERIAL:
	case ADV_TYPE_SERIAL:
	case ADV_TYPE_BIGSERIAL:
		return !t->array;
	default:
		return 0;
	}
}

/* A number literal, also negated: its text in *text. */
static int number_literal(const struct adv_ast *e, const char **text)
{
	if (e->kind == ADV_AST_OP && e->name != NULL &&
	    strcmp(e->name, "-") == 0 && e->args != NULL &&
	    e->args->next == NULL)
		e = e->args;
	if (e->kind != ADV_AST_CONST ||
	    (e->op != ADV_CONST_INT && e->op != ADV_CONST_FLOAT))
		return 0;
	*text = e->value;
	return 1;
}

/* A non-integer numeric value: 10.0, 1.5e3, or a cast to numeric. */
static int numeric_literal(const struct adv_ast *e, const char **text)
{
	if (e->kind == ADV_AST_CAST && e->args != NULL &&
	    e->args->kind == ADV_AST_CONST &&
	    (e->type.cls == ADV_TYPE_NUMERIC ||
	     e->type.cls == ADV_TYPE_FLOAT)) {
		*text = e->args->value;
		return 1;
	}
	if (!number_literal(e, text))
		return 0;
	if (e->kind == ADV_AST_OP)
		e = e->args;
	return e->op == ADV_CONST_FLOAT;
}

/* 1 when the T-SQL variable is declared N(VAR)CHAR in the statement. */
static int national_variable(const struct adv_pat_stmt *st, const char *var)
{
	static const char *const national[] = {"nvarchar", "nchar", "ntext",
					       "sysname", NULL};
	size_t i;
	size_t j;
	const struct adv_sql_token *t;

	if (var == NULL)
		return 0;
	for (i = 0; i < st->ntoks; i++) {
		t = &st->toks[i];
		if (t->kind != ADV_TOK_VARIABLE ||
		    !ieq_n(st->text + t->offset, t->length, var))
			continue;
		for (j = i + 1; j < st->ntoks; j++) {
			t = &st->toks[j];
			if (t->kind == ADV_TOK_COMMENT)
				continue;
			if (t->kind == ADV_TOK_WORD &&
			    ieq_n(st->text + t->offset, t->length, "as"))
				continue;
			break;
		}
		if (j < st->ntoks && t->kind == ADV_TOK_WORD) {
			char word[16];

			if (t->length >= sizeof(word))
				continue;
			for (size_t k = 0; k < t->length; k++)
				word[k] = (char)lower_ascii(
					(unsigned char)st->text[t->offset + k]);
			word[t->length] = '\0';
			if (name_in(word, national))
				return 1;
		}
	}
	return 0;
}

/*
 * Why comparing column definition col with value v converts the column,
 * or NULL when it does not.
 */
static const char *conversion(const struct adv_pat_stmt *st,
			      const struct adv_pat_column *col,
			      const struct adv_ast *v, char *buf, size_t size)
{
	const struct adv_ast_type *t = &col->type;
	const char *text;

	switch (st->dialect) {
	case ADV_DIALECT_MY:
		if (is_string_type(t) && number_literal(v, &text)) {
			snprintf(buf, size,
				 "is compared with the number %s: MySQL "
				 "converts every row's value to a number",
				 text);
			return buf;
		}
		return NULL;
	case ADV_DIALECT_MS:
		if (is_string_type(t) && number_literal(v, &text)) {
			snprintf(buf, size,
				 "is compared with the number %s: the column "
				 "side is converted (CONVERT_IMPLICIT)",
				 text);
			return buf;
		}
		if (!is_string_type(t) || t->national)
			return NULL;
		if (v->kind == ADV_AST_CONST && v->op == ADV_CONST_STRING &&
		    (v->flags & ADV_ASTF_NATIONAL) != 0) {
			snprintf(buf, size,
				 "is compared with an N'' literal: the column "
				 "side is converted to nvarchar");
			return buf;
		}
		if (v->kind == ADV_AST_VARIABLE &&
		    national_variable(st, v->value)) {
			snprintf(buf, size,
				 "is compared with the nvarchar variable %s: "
				 "the column side is converted to nvarchar",
				 v->value);
			return buf;
		}
		return NULL;
	case ADV_DIALECT_PG:
		if (is_integer_type(t) && numeric_literal(v, &text)) {
			snprintf(buf, size,
				 "is compared with the numeric value %s: the "
				 "column side is cast to numeric",
				 text != NULL ? text : "?");
			return buf;
		}
		return NULL;
	}
	return NULL;
}

static int conversion_fn(const struct adv_ast *n,
			 const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	const struct adv_ast *col = NULL;
	const struct adv_ast *values = NULL;
	const struct adv_ast *v;
	const struct adv_pat_column *def;
	const char *why = NULL;
	char buf[200];
	char label[160];
	struct adv_ast_path here;
	int single = 0;

	if (is_comparison(n)) {
		single = 1;
		if (n->args->kind == ADV_AST_COLUMN) {
			col = n->args;
			values = n->args->next;
		} else if (n->args->next->kind == ADV_AST_COLUMN) {
			col = n->args->next;
			values = n->args;
		}
	} else if ((n->kind == ADV_AST_IN && n->sub == NULL) ||
		   n->kind == ADV_AST_BETWEEN) {
		if (n->args != NULL && n->args->kind == ADV_AST_COLUMN) {
			col = n->args;
			values = n->args->next;
		}
	}
	if (col == NULL || values == NULL)
		return 0;
	/* resolve from the predicate's own place */
	here = *path;
	if (here.depth < ADV_AST_PATH_MAX) {
		here.node[here.depth] = n;
		here.field[here.depth] = ADV_F_ARGS;
		here.depth++;
	}
	def = resolve_column(w->cx, &here, col);
	if (def == NULL)
		return 0;
	for (v = values; v != NULL && why == NULL; v = v->next) {
		why = conversion(w->st, def, v, buf, sizeof(buf));
		if (single)
			break;
	}
	if (why == NULL)
		return 0;
	adv_pat_report(w->cx, w->st, col->loc, "%s column '%s' %s",
		       def->type.name != NULL ? def->type.name : "string",
		       column_label(col, label, sizeof(label)), why);
	return 0;
}

/* ---- leading-wildcard-like / regex-match-filter ---- */

/*
 * 1 when the pattern starts with an unescaped % or _: a string literal, or
 * a concatenation (|| / + / CONCAT) whose first piece does. Parameters do
 * not count; *shown is set to the literal that starts it.
 */
static int leading_wildcard(const struct adv_ast *p, int esc,
			    const char **shown)
{
	if (p == NULL)
		return 0;
	switch (p->kind) {
	case ADV_AST_CONST:
		if (p->op != ADV_CONST_STRING || p->value == NULL ||
		    p->value[0] == '\0' || p->value[0] == esc)
			return 0;
		*shown = p->value;
		return p->value[0] == '%' || p->value[0] == '_';
	case ADV_AST_OP:
		if (p->name != NULL &&
		    (strcmp(p->name, "||") == 0 || strcmp(p->name, "+") == 0) &&
		    p->args != NULL && p->args->next != NULL)
			return leading_wildcard(p->args, esc, shown);
		return 0;
	case ADV_AST_FUNC:
		if (p->name != NULL && strcmp(p->name, "concat") == 0)
			return leading_wildcard(p->args, esc, shown);
		return 0;
	case ADV_AST_CAST:
		return leading_wildcard(p->args, esc, shown);
	default:
		return 0;
	}
}

static int leading_wildcard_fn(const struct adv_ast *n,
			       const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	const struct adv_ast *pattern;
	const char *shown = NULL;
	int esc;
	enum filter_place where;

	if (n->kind != ADV_AST_LIKE ||
	    (n->op != ADV_LIKE_LIKE && n->op != ADV_LIKE_ILIKE) ||
	    n->args == NULL || n->args->next == NULL)
		return 0;
	pattern = n->args->next;
	/* PostgreSQL and MySQL escape with a backslash unless told */
	esc = w->st->dialect == ADV_DIALECT_MS ? -1 : '\\';
	if (pattern->next != NULL) {
		const struct adv_ast *e = pattern->next;

		esc = -1;
		if (e->kind == ADV_AST_CONST && e->value != NULL &&
		    e->value[0] != '\0')
			esc = (unsigned char)e->value[0];
	}
	if (!leading_wildcard(pattern, esc, &shown))
		return 0;
	where = filter_place(path);
	if (where == NOT_FILTER)
		return 0;
	if (pattern->kind == ADV_AST_CONST)
		adv_pat_report(w->cx, w->st, pattern->loc,
			       "%s pattern '%s' starts with a wildcard in %s",
			       n->op == ADV_LIKE_ILIKE ? "ILIKE" : "LIKE",
			       shown, place_words(where));
	else
		adv_pat_report(w->cx, w->st, pattern->loc,
			       "%s pattern is built to start with '%c' in %s",
			       n->op == ADV_LIKE_ILIKE ? "ILIKE" : "LIKE",
			       shown[0], place_words(where));
	return 0;
}

static int regex_fn(const struct adv_ast *n, const struct adv_ast_path *path,
		    void *data)
{
	struct adv_pat_walk *w = data;
	enum filter_place where;
	const char *what;

	if (n->kind == ADV_AST_LIKE && n->op == ADV_LIKE_REGEX)
		what = "regular-expression match";
	else if (n->kind == ADV_AST_LIKE && n->op == ADV_LIKE_SIMILAR)
		what = "SIMILAR TO match";
	else if (n->kind == ADV_AST_FUNC && n->name != NULL &&
		 strcmp(n->name, "regexp_like") == 0)
		what = "REGEXP_LIKE() match";
	else
		return 0;
	where = filter_place(path);
	if (where == NOT_FILTER)
		return 0;
	adv_pat_report(w->cx, w->st, n->loc, "%s in %s", what,
		       place_words(where));
	return 0;
}

/* ---- large-in-list / bulk-insert-too-many-rows ---- */

static int in_list_fn(const struct adv_ast *n, const struct adv_ast_path *path,
		      void *data)
{
	struct adv_pat_walk *w = data;
	size_t items;

	(void)path;
	if (n->kind == ADV_AST_IN && n->sub == NULL && n->args != NULL)
		items = adv_ast_list_len(n->args->next);
	else if (n->kind == ADV_AST_ANY_ALL && n->args != NULL &&
		 n->args->next != NULL && n->args->next->kind == ADV_AST_LIST)
		items = adv_ast_list_len(n->args->next->args);
	else
		return 0;
	if ((double)items <= adv_pat_thr(w->cx, 0))
		return 0;
	adv_pat_report(w->cx, w->st, n->loc,
		       "%s list of %zu values (more than %.0f)",
		       n->kind == ADV_AST_IN ? "IN" : "ANY/ALL array", items,
		       adv_pat_thr(w->cx, 0));
	return 0;
}

static int bulk_insert_fn(const struct adv_ast *n,
			  const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	size_t rows;
	char label[160];

	(void)path;
	if (n->kind != ADV_AST_INSERT)
		return 0;
	if (n->values != NULL)
		rows = adv_ast_list_len(n->values);
	else if (n->sub != NULL && n->sub->kind == ADV_AST_SELECT &&
		 (n->sub->flags & ADV_ASTF_VALUES) != 0)
		rows = adv_ast_list_len(n->sub->values);
	else
		return 0;
	if ((double)rows <= adv_pat_thr(w->cx, 0))
		return 0;
	adv_pat_report_table(w->cx, w->st, n->loc,
			     n->table != NULL ? n->table->schema : NULL,
			     n->table != NULL ? n->table->name : NULL,
			     "%s into '%s' carries %zu VALUES rows (more than "
			     "%.0f)",
			     (n->flags & ADV_ASTF_REPLACE) != 0 ? "REPLACE"
								: "INSERT",
			     table_label(n->table, label, sizeof(label)), rows,
			     adv_pat_thr(w->cx, 0));
	return 0;
}

/* ---- optimizer-hint ---- */

/* s in upper case, in buf (which may be s itself). */
static const char *upper_name(const char *s, char *buf, size_t size)
{
	size_t i;

	for (i = 0; s != NULL && s[i] != '\0' && i + 1 < size; i++)
		buf[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A')
						    : s[i];
	buf[i] = '\0';
	return buf;
}

/* 1 when name starts with the word w (followed by a space or the end). */
static int first_word_is(const char *name, const char *w)
{
	for (; *w != '\0'; w++, name++) {
		if (*name != *w)
			return 0;
	}
	return *name == '\0' || *name == ' ' || *name == '_';
}

/* The hint name in lower case with single spaces, in buf. */
static const char *hint_words(const char *name, char *buf, size_t size)
{
	size_t n = 0;
	int space = 0;

	for (; name != NULL && *name != '\0' && n + 1 < size; name++) {
		if (*name == ' ' || *name == '\t' || *name == '\n' ||
		    *name == '\r') {
			space = n > 0;
			continue;
		}
		if (space && n + 2 < size)
			buf[n++] = ' ';
		space = 0;
		buf[n++] = (char)lower_ascii((unsigned char)*name);
	}
	buf[n] = '\0';
	return buf;
}

/* A table or query hint that pins the plan (name as hint_words()). */
static int plan_forcing_hint(const char *name, enum adv_sql_dialect dialect)
{
	static const char *const tsql[] = {
		"index",       "forceseek",   "forcescan",    "loop join",
		"hash join",   "merge join",  "remote join",  "force order",
		"hash group",  "order group", "concat union", "hash union",
		"merge union", "use plan",    "table hint",   NULL};

	if (dialect == ADV_DIALECT_MY)
		return first_word_is(name, "use") ||
		       first_word_is(name, "force") ||
		       first_word_is(name, "ignore");
	if (dialect == ADV_DIALECT_MS)
		return name_in(name, tsql);
	return 0;
}

static int hint_node_fn(const struct adv_ast *n,
			const struct adv_ast_path *path, void *data)
{
	static const char *const join_hints[] = {"loop", "hash", "merge",
						 "remote", NULL};
	struct adv_pat_walk *w = data;
	const struct adv_ast *parent;
	char name[64];
	char label[160];

	if (n->kind != ADV_AST_HINT || n->name == NULL || path->depth == 0)
		return 0;
	hint_words(n->name, name, sizeof(name));
	parent = path->node[path->depth - 1];
	if (parent->kind == ADV_AST_JOIN &&
	    path->field[path->depth - 1] == ADV_F_HINTS) {
		/* T-SQL INNER HASH JOIN */
		if (name_in(name, join_hints))
			adv_pat_report(w->cx, w->st, n->loc,
				       "join hint %s JOIN pins the join "
				       "algorithm and the join order",
				       upper_name(name, name, sizeof(name)));
		return 0;
	}
	if (!plan_forcing_hint(name, w->st->dialect))
		return 0;
	upper_name(name, name, sizeof(name));
	if (parent->kind == ADV_AST_TABLE &&
	    path->field[path->depth - 1] == ADV_F_HINTS)
		adv_pat_report(w->cx, w->st, n->loc,
			       "table hint %s on '%s' pins the plan", name,
			       table_label(parent, label, sizeof(label)));
	else
		adv_pat_report(w->cx, w->st, n->loc,
			       "query hint %s pins the plan", name);
	return 0;
}

static int word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/*
 * 1 when a hint comment names a hint other than the ones that do not
 * choose a plan (MySQL MAX_EXECUTION_TIME and RESOURCE_GROUP).
 */
static int hint_comment_forces_plan(const char *s, size_t len)
{
	size_t i = 3; /* past the opener */
	size_t end = len;
	size_t start;
	int depth = 0;

	if (len >= 5 && s[len - 2] == '*' && s[len - 1] == '/')
		end = len - 2;
	while (i < end) {
		unsigned char c = (unsigned char)s[i];

		if (c == '(') {
			depth++;
			i++;
		} else if (c == ')') {
			if (depth > 0)
				depth--;
			i++;
		} else if (depth == 0 && word_char(c)) {
			start = i;
			while (i < end && word_char((unsigned char)s[i]))
				i++;
			if (!ieq_n(s + start, i - start,
				   "max_execution_time") &&
			    !ieq_n(s + start, i - start, "resource_group"))
				return 1;
		} else {
			i++;
		}
	}
	return 0;
}

static int tok_is(const struct adv_pat_stmt *st, size_t i, const char *word)
{
	const struct adv_sql_token *t;

	if (i >= st->ntoks)
		return 0;
	t = &st->toks[i];
	return t->kind == ADV_TOK_WORD &&
	       ieq_n(st->text + t->offset, t->length, word);
}

static void check_optimizer_hint(struct adv_pat_ctx *cx,
				 const struct adv_pat_stmt *st)
{
	struct adv_pat_walk w = {cx, st};
	size_t i;

	adv_pat_walk_stmt(st, 0, hint_node_fn, &w);
	for (i = 0; i < st->ntoks; i++) {
		const struct adv_sql_token *t = &st->toks[i];
		const char *s = st->text + t->offset;

		if (t->kind == ADV_TOK_HINT && st->dialect != ADV_DIALECT_MS &&
		    hint_comment_forces_plan(s, t->length))
			adv_pat_report(cx, st, (int)t->offset,
				       "hint comment '%.*s' pins the plan",
				       t->length > 60 ? 60 : (int)t->length, s);
		else if (st->dialect == ADV_DIALECT_MY &&
			 tok_is(st, i, "straight_join"))
			adv_pat_report(cx, st, (int)t->offset,
				       "STRAIGHT_JOIN forces the join order");
	}
}

/* ---- order-by-random ---- */

static int is_random_call(const struct adv_ast *n)
{
	static const char *const random_functions[] = {
		"random", "rand", "newid", "gen_random_uuid", "uuid", NULL};

	return n->kind == ADV_AST_FUNC && n->schema == NULL &&
	       name_in(n->name, random_functions);
}

static const struct adv_ast *find_random(const struct adv_ast *e)
{
	const struct adv_ast *a;
	const struct adv_ast *r;

	if (e == NULL || e->kind == ADV_AST_SUBLINK ||
	    e->kind == ADV_AST_SELECT)
		return NULL;
	if (is_random_call(e))
		return e;
	for (a = e->args; a != NULL; a = a->next) {
		r = find_random(a);
		if (r != NULL)
			return r;
	}
	return NULL;
}

static int order_random_fn(const struct adv_ast *n,
			   const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	const struct adv_ast *s;
	const struct adv_ast *r;

	(void)path;
	if (n->kind != ADV_AST_SELECT && n->kind != ADV_AST_UPDATE &&
	    n->kind != ADV_AST_DELETE)
		return 0;
	for (s = n->order; s != NULL; s = s->next) {
		const struct adv_ast *e = s->kind == ADV_AST_SORT ? s->args : s;
		const struct adv_ast *t;

		r = find_random(e);
		/* ORDER BY r, where r is the alias of random() */
		for (t = n->targets;
		     r == NULL && e != NULL && e->kind == ADV_AST_COLUMN &&
		     e->qual == NULL && t != NULL;
		     t = t->next) {
			if (t->alias != NULL && ieq(t->alias, e->name))
				r = find_random(t->args);
		}
		if (r == NULL)
			continue;
		adv_pat_report(w->cx, w->st, r->loc,
			       "ORDER BY %s() sorts every row to pick a few",
			       r->name);
		break;
	}
	return 0;
}

/* ---- offset-pagination ---- */

static int offset_fn(const struct adv_ast *n, const struct adv_ast_path *path,
		     void *data)
{
	struct adv_pat_walk *w = data;
	double rows;

	(void)path;
	if (n->kind != ADV_AST_SELECT || n->offset == NULL)
		return 0;
	if (int_constant(n->offset, &rows)) {
		if (rows < adv_pat_thr(w->cx, 0))
			return 0;
		adv_pat_report(w->cx, w->st, n->offset->loc,
			       "OFFSET %.0f reads and discards %.0f rows", rows,
			       rows);
	} else if (expr_has(n->offset, is_bind_value)) {
		adv_pat_report(w->cx, w->st, n->offset->loc,
			       "OFFSET taken from a parameter: deep pages "
			       "read and discard every row before them");
	}
	return 0;
}

/* ---- group-order-different-tables / order-by-mixed-direction ---- */

/* The relation of this query a bare column reference belongs to, or -1. */
static int column_rel(const struct adv_pat_ctx *cx,
		      const struct adv_ast_path *path, const struct rels *rels,
		      const struct adv_ast *c)
{
	size_t j;
	int found = -1;
	const struct adv_pat_table *t;

	for (j = 0; j < rels->n; j++) {
		if (c->qual != NULL) {
			if (ieq(rel_name(rels->items[j]), c->qual))
				return (int)j;
			continue;
		}
		if (rels->n == 1)
			return 0;
		t = rel_table(cx, path, rels->items[j]);
		if (t == NULL)
			return -1;
		if (adv_pat_table_column(t, c->name) != NULL) {
			if (found >= 0)
				return -1;
			found = (int)j;
		}
	}
	return found;
}

/* 1 when an unqualified name is an output alias of the select list. */
static int is_output_alias(const struct adv_ast *q, const struct adv_ast *c)
{
	const struct adv_ast *t;

	if (c->qual != NULL)
		return 0;
	for (t = q->targets; t != NULL; t = t->next) {
		if (t->alias != NULL && ieq(t->alias, c->name))
			return 1;
	}
	return 0;
}

static int group_order_tables_fn(const struct adv_ast *n,
				 const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	struct rels rels;
	struct adv_ast_path here;
	const struct adv_ast *lists[2];
	const struct adv_ast *item;
	const struct adv_ast *e;
	int first = -1;
	int rel;
	size_t l;

	if (n->kind != ADV_AST_SELECT || (n->group == NULL && n->order == NULL))
		return 0;
	query_rels(n, &rels);
	if (rels.n < 2)
		return 0;
	here = *path;
	if (here.depth < ADV_AST_PATH_MAX) {
		here.node[here.depth] = n;
		here.field[here.depth] = ADV_F_GROUP;
		here.depth++;
	}
	lists[0] = n->group;
	lists[1] = n->order;
	for (l = 0; l < 2; l++) {
		for (item = lists[l]; item != NULL; item = item->next) {
			e = item->kind == ADV_AST_SORT ? item->args : item;
			if (e == NULL || e->kind != ADV_AST_COLUMN ||
			    is_output_alias(n, e))
				continue;
			rel = column_rel(w->cx, &here, &rels, e);
			if (rel < 0)
				continue;
			if (first < 0) {
				first = rel;
			} else if (rel != first) {
				adv_pat_report(
					w->cx, w->st, e->loc,
					"GROUP BY/ORDER BY use columns of "
					"both '%s' and '%s'",
					rel_name(rels.items[first]),
					rel_name(rels.items[rel]));
				return 0;
			}
		}
	}
	return 0;
}

static int mixed_direction_fn(const struct adv_ast *n,
			      const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	const struct adv_ast *s;
	const struct adv_ast *asc = NULL;
	const struct adv_ast *desc = NULL;

	(void)path;
	if (n->kind != ADV_AST_SELECT)
		return 0;
	for (s = n->order; s != NULL; s = s->next) {
		if (s->kind != ADV_AST_SORT)
			continue;
		if (s->op == ADV_SORT_DESC) {
			if (desc == NULL)
				desc = s;
		} else if (asc == NULL) {
			asc = s;
		}
	}
	if (asc == NULL || desc == NULL)
		return 0;
	s = asc->loc > desc->loc ? asc : desc;
	adv_pat_report(w->cx, w->st, s->loc,
		       "ORDER BY mixes ascending and descending keys");
	return 0;
}

/* ---- sql-calc-found-rows ---- */

static int calc_found_rows_fn(const struct adv_ast *n,
			      const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	int loc = n->loc;
	size_t i;

	(void)path;
	if (n->kind != ADV_AST_SELECT ||
	    (n->flags & ADV_ASTF_CALC_FOUND_ROWS) == 0)
		return 0;
	/* point at the keyword when it comes after the SELECT */
	for (i = 0; i < w->st->ntoks; i++) {
		if ((int)w->st->toks[i].offset >= n->loc &&
		    tok_is(w->st, i, "sql_calc_found_rows")) {
			loc = (int)w->st->toks[i].offset;
			break;
		}
	}
	adv_pat_report(w->cx, w->st, loc,
		       "SQL_CALC_FOUND_ROWS makes the server read every "
		       "matching row despite the LIMIT");
	return 0;
}

/* ---- in-subquery-dependent ---- */

static int in_subquery_fn(const struct adv_ast *n,
			  const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;

	(void)path;
	if (n->kind == ADV_AST_IN && n->sub != NULL &&
	    (n->flags & ADV_ASTF_NEGATED) == 0)
		adv_pat_report(w->cx, w->st, n->loc,
			       "IN (SELECT ...) may run as a dependent "
			       "subquery, once per outer row");
	else if (n->kind == ADV_AST_SUBLINK && n->op == ADV_SUBLINK_ANY &&
		 n->name != NULL && strcmp(n->name, "=") == 0)
		adv_pat_report(w->cx, w->st, n->loc,
			       "= ANY (SELECT ...) may run as a dependent "
			       "subquery, once per outer row");
	return 0;
}

/* ---- correlated-subquery-in-select ---- */

#define MAX_NAMES 128

struct scope_names {
	const char *items[MAX_NAMES];
	size_t n;
	const struct adv_ast *tables[MAX_NAMES]; /* TABLE nodes */
	size_t ntables;
	int opaque; /* a relation whose columns are unknown */
};

static void add_name(struct scope_names *s, const char *name)
{
	if (name != NULL && s->n < MAX_NAMES)
		s->items[s->n++] = name;
}

static int has_name(const struct scope_names *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (ieq(s->items[i], name))
			return 1;
	}
	return 0;
}

struct correlation {
	const struct adv_pat_ctx *cx;
	struct scope_names inner;
	struct scope_names outer;
	const struct adv_ast *column; /* the first outer reference */
};

static void note_relation(const struct adv_pat_ctx *cx, struct scope_names *s,
			  const struct adv_ast *r)
{
	add_name(s, r->name);
	add_name(s, r->alias);
	if (r->kind == ADV_AST_TABLE &&
	    adv_pat_find_table(cx, r->schema, r->name) != NULL) {
		if (s->ntables < MAX_NAMES)
			s->tables[s->ntables++] = r;
	} else {
		s->opaque = 1;
	}
}

static int inner_names_fn(const struct adv_ast *n,
			  const struct adv_ast_path *path, void *data)
{
	struct correlation *c = data;

	(void)path;
	if (n->kind == ADV_AST_TABLE || n->kind == ADV_AST_SUBQUERY ||
	    n->kind == ADV_AST_FUNCTION_TABLE)
		note_relation(c->cx, &c->inner, n);
	else if (n->kind == ADV_AST_CTE)
		add_name(&c->inner, n->name);
	return 0;
}

/* 1 when one of the tables of s has a column named name. */
static int scope_has_column(const struct adv_pat_ctx *cx,
			    const struct scope_names *s, const char *name)
{
	size_t i;
	const struct adv_pat_table *t;

	for (i = 0; i < s->ntables; i++) {
		t = adv_pat_find_table(cx, s->tables[i]->schema,
				       s->tables[i]->name);
		if (t != NULL && adv_pat_table_column(t, name) != NULL)
			return 1;
	}
	return 0;
}

static int outer_ref_fn(const struct adv_ast *n,
			const struct adv_ast_path *path, void *data)
{
	struct correlation *c = data;

	(void)path;
	if (n->kind != ADV_AST_COLUMN || c->column != NULL)
		return 0;
	if (n->qual != NULL) {
		if (has_name(&c->outer, n->qual) &&
		    !has_name(&c->inner, n->qual))
			c->column = n;
		return 0;
	}
	/* unqualified: only when the state knows every table involved */
	if (c->inner.opaque || scope_has_column(c->cx, &c->inner, n->name))
		return 0;
	if (scope_has_column(c->cx, &c->outer, n->name))
		c->column = n;
	return 0;
}

static int correlated_fn(const struct adv_ast *n,
			 const struct adv_ast_path *path, void *data);

struct target_scan {
	struct adv_pat_walk *w;
	const struct adv_ast *query;
};

static int target_sublink_fn(const struct adv_ast *n,
			     const struct adv_ast_path *path, void *data)
{
	struct target_scan *ts = data;
	struct correlation c;
	struct rels rels;
	size_t i;
	char label[160];

	(void)path;
	if (n->kind != ADV_AST_SUBLINK || n->sub == NULL ||
	    (n->op != ADV_SUBLINK_SCALAR && n->op != ADV_SUBLINK_EXISTS &&
	     n->op != ADV_SUBLINK_ARRAY))
		return 0;
	memset(&c, 0, sizeof(c));
	c.cx = ts->w->cx;
	query_rels(ts->query, &rels);
	for (i = 0; i < rels.n; i++)
		note_relation(c.cx, &c.outer, rels.items[i]);
	adv_ast_walk(n->sub, 0, inner_names_fn, &c);
	adv_ast_walk(n->sub, 0, outer_ref_fn, &c);
	if (c.column != NULL)
		adv_pat_report(ts->w->cx, ts->w->st, n->loc,
			       "subquery in the select list refers to the "
			       "outer column '%s' and runs once per row",
			       column_label(c.column, label, sizeof(label)));
	return 1;
}

static int correlated_fn(const struct adv_ast *n,
			 const struct adv_ast_path *path, void *data)
{
	struct target_scan ts;
	const struct adv_ast *t;

	(void)path;
	if (n->kind != ADV_AST_SELECT || n->from == NULL)
		return 0;
	ts.w = data;
	ts.query = n;
	for (t = n->targets; t != NULL; t = t->next) {
		if (t->kind == ADV_AST_TARGET && t->args != NULL)
			adv_ast_walk(t->args, ADV_WALK_NO_SUBQUERY,
				     target_sublink_fn, &ts);
	}
	return 0;
}

/* ---- udf-in-predicate ---- */

static int udf_fn(const struct adv_ast *n, const struct adv_ast_path *path,
		  void *data)
{
	struct adv_pat_walk *w = data;
	enum filter_place where;

	if (n->kind != ADV_AST_FUNC || n->name == NULL ||
	    (n->flags2 &
	     (ADV_AST2_BUILTIN | ADV_AST2_AGGREGATE | ADV_AST2_WINDOW)) != 0)
		return 0;
	if (n->schema != NULL && (strcmp(n->schema, "pg_catalog") == 0 ||
				  strcmp(n->schema, "sys") == 0 ||
				  strcmp(n->schema, "information_schema") == 0))
		return 0;
	where = filter_place(path);
	if (where == NOT_FILTER)
		return 0;
	if (n->schema != NULL)
		adv_pat_report(w->cx, w->st, n->loc,
			       "user-defined function '%s.%s' in %s", n->schema,
			       n->name, place_words(where));
	else
		adv_pat_report(w->cx, w->st, n->loc,
			       "user-defined function '%s' in %s", n->name,
			       place_words(where));
	return 0;
}

/* ---- cursor-usage ---- */

static int cursor_fn(const struct adv_ast *n, const struct adv_ast_path *path,
		     void *data)
{
	struct adv_pat_walk *w = data;

	(void)path;
	if (n->kind != ADV_AST_DECLARE_CURSOR)
		return 0;
	adv_pat_report(w->cx, w->st, n->loc,
		       "cursor '%s' processes rows one at a time",
		       n->name != NULL ? n->name : "?");
	return 0;
}

/* ---- distinct-star / distinct-over-join ---- */

static int distinct_star_fn(const struct adv_ast *n,
			    const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	const struct adv_ast *t;

	if (n->kind != ADV_AST_SELECT || (n->flags & ADV_ASTF_DISTINCT) == 0 ||
	    (n->flags & ADV_ASTF_DISTINCT_ON) != 0 || inside_exists(path))
		return 0;
	for (t = n->targets; t != NULL; t = t->next) {
		if (t->kind == ADV_AST_TARGET && t->args != NULL &&
		    t->args->kind == ADV_AST_STAR) {
			adv_pat_report(w->cx, w->st, t->args->loc,
				       "SELECT DISTINCT %s%s* compares whole "
				       "rows",
				       t->args->qual != NULL ? t->args->qual
							     : "",
				       t->args->qual != NULL ? "." : "");
			break;
		}
	}
	return 0;
}

struct origin {
	const struct adv_pat_ctx *cx;
	const struct adv_ast_path *path;
	const struct rels *rels;
	unsigned long used; /* bit i: relation i is referenced */
	int unknown;	    /* a reference that cannot be attributed */
};

static int origin_fn(const struct adv_ast *n, const struct adv_ast_path *path,
		     void *data)
{
	struct origin *o = data;
	int rel;
	size_t j;

	(void)path;
	if (n->kind == ADV_AST_STAR) {
		if (n->qual == NULL) {
			o->unknown = 1;
			return 0;
		}
		for (j = 0; j < o->rels->n; j++) {
			if (ieq(rel_name(o->rels->items[j]), n->qual)) {
				o->used |= 1ul << j;
				return 0;
			}
		}
		o->unknown = 1;
		return 0;
	}
	if (n->kind != ADV_AST_COLUMN)
		return 0;
	rel = column_rel(o->cx, o->path, o->rels, n);
	if (rel < 0)
		o->unknown = 1;
	else
		o->used |= 1ul << rel;
	return 0;
}

static int distinct_join_fn(const struct adv_ast *n,
			    const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	struct rels rels;
	struct origin o;
	struct adv_ast_path here;
	const struct adv_ast *t;
	size_t j;
	size_t used = 0;
	size_t kept = 0;
	size_t unused = 0;

	if (n->kind != ADV_AST_SELECT || (n->flags & ADV_ASTF_DISTINCT) == 0 ||
	    (n->flags & ADV_ASTF_DISTINCT_ON) != 0 || n->group != NULL ||
	    inside_exists(path))
		return 0;
	query_rels(n, &rels);
	if (rels.n < 2 || rels.n > 8 * sizeof(unsigned long))
		return 0;
	here = *path;
	if (here.depth < ADV_AST_PATH_MAX) {
		here.node[here.depth] = n;
		here.field[here.depth] = ADV_F_TARGETS;
		here.depth++;
	}
	memset(&o, 0, sizeof(o));
	o.cx = w->cx;
	o.path = &here;
	o.rels = &rels;
	for (t = n->targets; t != NULL; t = t->next) {
		if (t->args != NULL && expr_has(t->args, is_aggregate_call))
			return 0;
		if (t->args != NULL)
			adv_ast_walk(t->args, ADV_WALK_NO_SUBQUERY, origin_fn,
				     &o);
	}
	if (o.unknown)
		return 0;
	for (j = 0; j < rels.n; j++) {
		if ((o.used & (1ul << j)) != 0) {
			used++;
			kept = j;
		} else {
			unused = j;
		}
	}
	if (used != 1)
		return 0;
	adv_pat_report(w->cx, w->st, n->loc,
		       "DISTINCT removes the duplicates that joining '%s' "
		       "adds to the rows of '%s'",
		       rel_name(rels.items[unused]),
		       rel_name(rels.items[kept]));
	return 0;
}

/* ---- having-without-aggregate ---- */

struct alias_scan {
	const struct adv_ast *query;
	int found;
};

static int alias_ref_fn(const struct adv_ast *n,
			const struct adv_ast_path *path, void *data)
{
	struct alias_scan *a = data;
	const struct adv_ast *t;

	(void)path;
	if (n->kind != ADV_AST_COLUMN || n->qual != NULL)
		return 0;
	for (t = a->query->targets; t != NULL; t = t->next) {
		if (t->alias != NULL && ieq(t->alias, n->name) &&
		    expr_has(t->args, is_aggregate_call)) {
			a->found = 1;
			return -1;
		}
	}
	return 0;
}

/* 1 when e names an output alias whose expression aggregates. */
static int aggregate_alias(const struct adv_ast *q, const struct adv_ast *e)
{
	struct alias_scan a = {q, 0};

	adv_ast_walk(e, ADV_WALK_NO_SUBQUERY, alias_ref_fn, &a);
	return a.found;
}

static void having_conjunct(struct adv_pat_walk *w, const struct adv_ast *q,
			    const struct adv_ast *c)
{
	const struct adv_ast *col;
	char label[160];

	if (expr_has(c, is_aggregate_call) || aggregate_alias(q, c))
		return;
	col = find_column(c);
	if (col == NULL)
		return;
	adv_pat_report(w->cx, w->st, c->loc,
		       "HAVING condition on '%s' uses no aggregate: it "
		       "belongs in WHERE",
		       column_label(col, label, sizeof(label)));
}

static int having_fn(const struct adv_ast *n, const struct adv_ast_path *path,
		     void *data)
{
	struct adv_pat_walk *w = data;
	const struct adv_ast *c;

	(void)path;
	if (n->kind != ADV_AST_SELECT || n->having == NULL)
		return 0;
	if (n->having->kind == ADV_AST_AND) {
		for (c = n->having->args; c != NULL; c = c->next)
			having_conjunct(w, n, c);
	} else {
		having_conjunct(w, n, n->having);
	}
	return 0;
}

/* ---- select-without-where ---- */

static int is_cte_of(const struct adv_ast *q, const struct adv_ast *root,
		     const char *name)
{
	const struct adv_ast *c;

	for (c = q->with; c != NULL; c = c->next) {
		if (ieq(c->name, name))
			return 1;
	}
	for (c = root->with; c != NULL; c = c->next) {
		if (ieq(c->name, name))
			return 1;
	}
	return 0;
}

/* The first base table a query reads directly, or NULL. */
static const struct adv_ast *base_table(const struct adv_ast *q,
					const struct adv_ast *root)
{
	struct rels rels;
	size_t i;
	const struct adv_ast *r;

	query_rels(q, &rels);
	for (i = 0; i < rels.n; i++) {
		r = rels.items[i];
		if (r->kind != ADV_AST_TABLE || r->name == NULL)
			continue;
		if (r->schema == NULL &&
		    (ieq(r->name, "dual") || is_cte_of(q, root, r->name)))
			continue;
		return r;
	}
	return NULL;
}

static void unfiltered_select(struct adv_pat_ctx *cx,
			      const struct adv_pat_stmt *st,
			      const struct adv_ast *root,
			      const struct adv_ast *q)
{
	const struct adv_ast *t;
	char label[160];

	if (q == NULL || q->kind != ADV_AST_SELECT || q->limit != NULL)
		return;
	if (q->op != ADV_SETOP_NONE) {
		unfiltered_select(cx, st, root, q->larg);
		unfiltered_select(cx, st, root, q->rarg);
		return;
	}
	if (q->where != NULL || q->into != NULL ||
	    (q->flags & ADV_ASTF_VALUES) != 0)
		return;
	t = base_table(q, root);
	if (t == NULL)
		return;
	adv_pat_report_table(cx, st, q->loc, t->schema, t->name,
			     "SELECT reads '%s' with neither WHERE nor LIMIT",
			     table_label(t, label, sizeof(label)));
}

static void check_select_without_where(struct adv_pat_ctx *cx,
				       const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;

	for (n = st->root; n != NULL; n = n->next)
		unfiltered_select(cx, st, n, n);
}

/* ---- sp-prefix-procedure ---- */

static int sp_prefix_fn(const struct adv_ast *n,
			const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;

	(void)path;
	if (n->kind != ADV_AST_CREATE_OTHER || n->op != ADV_OBJ_PROCEDURE ||
	    n->name == NULL || !ieq_n(n->name, 3, "sp_") ||
	    ieq(n->schema, "sys"))
		return 0;
	adv_pat_report(w->cx, w->st, n->loc,
		       "procedure '%s%s%s' has the sp_ prefix that SQL Server "
		       "resolves in master first",
		       n->schema != NULL ? n->schema : "",
		       n->schema != NULL ? "." : "", n->name);
	return 0;
}

/* ---- update-without-where / delete-without-where ---- */

/*
 * 1 when a comment inside the statement (after its first code token)
 * starts with WHERE: the filter was commented out.
 */
static int where_in_comment(const struct adv_pat_stmt *st)
{
	size_t i;
	size_t j;
	int code_seen = 0;

	for (i = 0; i < st->ntoks; i++) {
		const struct adv_sql_token *t = &st->toks[i];
		const char *s = st->text + t->offset;

		if (t->kind != ADV_TOK_COMMENT) {
			if (t->kind != ADV_TOK_HINT && t->kind != ADV_TOK_SPACE)
				code_seen = 1;
			continue;
		}
		if (!code_seen)
			continue;
		/* past the opener: --, # or a block comment's slash-star */
		j = s[0] == '#' ? 1 : 2;
		while (j < t->length && (s[j] == ' ' || s[j] == '\t' ||
					 s[j] == '\n' || s[j] == '\r'))
			j++;
		if (j + 5 < t->length && ieq_n(s + j, 5, "where") &&
		    !word_char((unsigned char)s[j + 5]))
			return 1;
	}
	return 0;
}

static void report_without_where(struct adv_pat_walk *w,
				 const struct adv_ast *n)
{
	const struct adv_ast *t;
	char label[160];

	t = n->table != NULL && n->table->kind == ADV_AST_TABLE ? n->table
								: NULL;
	adv_pat_report_table(
		w->cx, w->st, n->loc, t != NULL ? t->schema : NULL,
		t != NULL ? t->name : NULL, "%s of '%s' has no WHERE clause%s",
		n->kind == ADV_AST_UPDATE ? "UPDATE" : "DELETE",
		table_label(t, label, sizeof(label)),
		where_in_comment(w->st) ? " (a WHERE is in a comment)"
					: ": every row is affected");
}

static int update_without_where_fn(const struct adv_ast *n,
				   const struct adv_ast_path *path, void *data)
{
	(void)path;
	if (n->kind == ADV_AST_UPDATE && n->where == NULL)
		report_without_where(data, n);
	return 0;
}

static int delete_without_where_fn(const struct adv_ast *n,
				   const struct adv_ast_path *path, void *data)
{
	(void)path;
	if (n->kind == ADV_AST_DELETE && n->where == NULL)
		report_without_where(data, n);
	return 0;
}

/* ---- update-primary-key ---- */

/*
 * The relation an UPDATE writes to when written as UPDATE alias SET ...
 * FROM t alias (T-SQL): the FROM item with that alias; else the target.
 */
static const struct adv_ast *update_target(const struct adv_ast *u)
{
	struct rels rels;
	size_t i;

	if (u->table == NULL || u->table->kind != ADV_AST_TABLE ||
	    u->table->schema != NULL)
		return u->table;
	rels.n = 0;
	add_rel_list(u->from, &rels);
	for (i = 0; i < rels.n; i++) {
		if (rels.items[i]->alias != NULL &&
		    ieq(rels.items[i]->alias, u->table->name))
			return rels.items[i];
	}
	return u->table;
}

/* The relation an UPDATE's assignment writes to, or NULL. */
static const struct adv_ast *assigned_rel(const struct adv_pat_ctx *cx,
					  const struct adv_ast *u,
					  const struct adv_ast *a)
{
	struct rels rels;
	size_t i;
	const struct adv_ast *target = update_target(u);
	const struct adv_ast *found = NULL;
	const struct adv_pat_table *t;

	rels.n = 0;
	if (target != u->table)
		add_rel(target, &rels);
	else
		add_rel(u->table, &rels);
	add_rel_list(u->from, &rels);
	if (a->qual != NULL) {
		for (i = 0; i < rels.n; i++) {
			if (ieq(rel_name(rels.items[i]), a->qual))
				return rels.items[i];
		}
		return NULL;
	}
	if (target != NULL && target->kind == ADV_AST_TABLE)
		return target;
	/* MySQL multi-table UPDATE: the one table that has the column */
	for (i = 0; i < rels.n; i++) {
		t = rel_table(cx, NULL, rels.items[i]);
		if (t != NULL && adv_pat_table_column(t, a->name) != NULL) {
			if (found != NULL)
				return NULL;
			found = rels.items[i];
		}
	}
	return found;
}

static int is_primary_key_column(const struct adv_pat_table *t,
				 const char *name)
{
	size_t i;
	size_t j;

	for (i = 0; i < t->nidx; i++) {
		if (!t->idx[i].primary)
			continue;
		for (j = 0; j < t->idx[i].ncols; j++) {
			if (ieq(t->idx[i].cols[j], name))
				return 1;
		}
	}
	return 0;
}

static int update_pk_fn(const struct adv_ast *n,
			const struct adv_ast_path *path, void *data)
{
	struct adv_pat_walk *w = data;
	const struct adv_ast *a;
	const struct adv_ast *r;
	const struct adv_pat_table *t;
	char label[160];

	(void)path;
	if (n->kind != ADV_AST_UPDATE)
		return 0;
	for (a = n->set; a != NULL; a = a->next) {
		if (a->kind != ADV_AST_ASSIGN || a->name == NULL)
			continue;
		/* SET id = id changes nothing */
		if (a->args != NULL && a->args->kind == ADV_AST_COLUMN &&
		    ieq(a->args->name, a->name))
			continue;
		r = assigned_rel(w->cx, n, a);
		if (r == NULL)
			continue;
		t = rel_table(w->cx, NULL, r);
		if (t == NULL || !is_primary_key_column(t, a->name))
			continue;
		adv_pat_report_table(w->cx, w->st, a->loc, t->schema, t->name,
				     "UPDATE changes the primary-key column "
				     "'%s' of '%s'",
				     a->name,
				     table_label(r, label, sizeof(label)));
	}
	return 0;
}

/* ---- replace-into / truncate-cascade ---- */

static int replace_fn(const struct adv_ast *n, const struct adv_ast_path *path,
		      void *data)
{
	struct adv_pat_walk *w = data;
	char label[160];

	(void)path;
	if (n->kind != ADV_AST_INSERT || (n->flags & ADV_ASTF_REPLACE) == 0)
		return 0;
	adv_pat_report_table(w->cx, w->st, n->loc,
			     n->table != NULL ? n->table->schema : NULL,
			     n->table != NULL ? n->table->name : NULL,
			     "REPLACE INTO '%s' deletes a conflicting row "
			     "and inserts a new one",
			     table_label(n->table, label, sizeof(label)));
	return 0;
}

static int truncate_fn(const struct adv_ast *n, const struct adv_ast_path *path,
		       void *data)
{
	struct adv_pat_walk *w = data;
	const struct adv_ast *t;
	char label[160];

	(void)path;
	if (n->kind != ADV_AST_TRUNCATE || (n->flags & ADV_ASTF_CASCADE) == 0)
		return 0;
	for (t = n->args; t != NULL; t = t->next)
		adv_pat_report_table(w->cx, w->st, t->loc, t->schema, t->name,
				     "TRUNCATE ... CASCADE also empties every "
				     "table that references '%s'",
				     table_label(t, label, sizeof(label)));
	return 0;
}

/* ---- unbalanced-transaction ---- */

/*
 * The engine counts open transactions before the statement; a statement
 * with several top-level nodes (a T-SQL batch) is followed here node by
 * node, as the engine does. PostgreSQL and MySQL have no nesting: a BEGIN
 * inside a transaction is ignored with a warning (PostgreSQL) or commits
 * the open transaction first (MySQL). T-SQL nests BEGIN TRAN on purpose,
 * so only an unclosed one counts there.
 */
static void follow_transactions(struct adv_pat_ctx *cx,
				const struct adv_pat_stmt *st,
				const struct adv_ast *n, int *depth)
{
	for (; n != NULL; n = n->next) {
		if (n->kind == ADV_AST_OTHER) {
			/* a T-SQL block: its statements count too */
			follow_transactions(cx, st, n->sub, depth);
			continue;
		}
		if (n->kind != ADV_AST_TRANSACTION)
			continue;
		switch (n->op) {
		case ADV_TXN_BEGIN:
			if (*depth > 0 && st->dialect == ADV_DIALECT_PG)
				adv_pat_report(cx, st, n->loc,
					       "transaction started inside an "
					       "open one: PostgreSQL ignores "
					       "it, and the next COMMIT ends "
					       "the outer transaction");
			else if (*depth > 0 && st->dialect == ADV_DIALECT_MY)
				adv_pat_report(cx, st, n->loc,
					       "transaction started inside an "
					       "open one: MySQL silently "
					       "commits the open one first");
			(*depth)++;
			break;
		case ADV_TXN_COMMIT:
		case ADV_TXN_ROLLBACK:
		case ADV_TXN_PREPARE:
			*depth = 0;
			break;
		default:
			break;
		}
	}
}

static void check_unbalanced_transaction(struct adv_pat_ctx *cx,
					 const struct adv_pat_stmt *st)
{
	int depth = adv_pat_txn_depth(cx);

	follow_transactions(cx, st, st->root, &depth);
}

static void finish_unbalanced_transaction(struct adv_pat_ctx *cx)
{
	const struct adv_pat_place *pl;

	if (adv_pat_txn_depth(cx) <= 0)
		return;
	pl = adv_pat_txn_place(cx);
	if (pl == NULL)
		return;
	adv_pat_report_at(cx, pl, NULL, NULL,
			  "transaction opened here is never committed or "
			  "rolled back");
}

/* ---- the table ---- */

/* Repeats a string literal, for the examples of the size thresholds. */
#define REP10(s)   s s s s s s s s s s
#define REP1000(s) REP10(REP10(REP10(s)))

const struct adv_pat_rule adv_pat_rules_performance[] = {
	{
		.id = "distinct-with-group-by",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "SELECT DISTINCT over a GROUP BY whose keys are "
			   "all in the select list.",
		.why = "The groups are already unique, so DISTINCT only adds "
		       "a second sort or hash pass over the result.",
		.fix = "Drop DISTINCT; if duplicates still appear, a key is "
		       "missing from GROUP BY.",
		.example_fire = "SELECT DISTINCT customer_id, count(*)\n"
				"FROM orders WHERE total > 100\n"
				"GROUP BY customer_id;",
		.example_quiet = "SELECT DISTINCT customer_id\n"
				 "FROM orders WHERE total > 100\n"
				 "GROUP BY customer_id, shop_id;",
		.walk = distinct_group_fn,
	},
	{
		.id = "where-function-on-column",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"A function or cast wraps the column side of a WHERE "
			"or JOIN ON predicate.",
		.why = "An index on the bare column cannot be searched for "
		       "f(column): every row is read and the function "
		       "evaluated for each.",
		.fix = "Rewrite as a range on the bare column (created_at >= "
		       "'2024-01-01' AND created_at < '2025-01-01'), apply the "
		       "function to the constant side, or index the "
		       "expression.",
		.example_fire = "SELECT id FROM users\n"
				"WHERE lower(email) = 'ann@example.com';",
		.example_quiet = "SELECT id FROM users\n"
				 "WHERE email = lower($1);",
		.walk = function_on_column_fn,
	},
	{
		.id = "where-arithmetic-on-column",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"Arithmetic or concatenation on the column side of a "
			"WHERE or JOIN ON predicate.",
		.why = "price * 1.2 > 100 must be computed for every row; an "
		       "index on price is of no use.",
		.fix = "Move the arithmetic to the constant side (price > 100 / "
		       "1.2, ts < now() - interval '30 days').",
		.example_fire = "SELECT id FROM products\n"
				"WHERE price * 1.2 > 100;",
		.example_quiet = "SELECT id FROM products\n"
				 "WHERE price > 100 / 1.2;",
		.walk = arithmetic_on_column_fn,
	},
	{
		.id = "implicit-type-conversion",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A column is compared with a value of another type "
			   "family, so the column side is converted (types "
			   "from CREATE TABLE earlier in the input).",
		.why = "The conversion applies to every row and hides the "
		       "column from its index: a string column against a "
		       "number (MySQL, SQL Server), a varchar column against "
		       "N'' or an nvarchar variable (SQL Server), an integer "
		       "column against a numeric literal (PostgreSQL).",
		.fix = "Write the value in the column's type: quote numbers "
		       "for string columns, drop the N prefix for varchar "
		       "columns, use integer literals for integer columns.",
		.example_fire = "CREATE TABLE IF NOT EXISTS orders (\n"
				"  id bigint PRIMARY KEY,\n"
				"  total numeric(12, 2) NOT NULL);\n"
				"SELECT total FROM orders WHERE id = 42.0;",
		.example_quiet = "CREATE TABLE IF NOT EXISTS orders (\n"
				 "  id bigint PRIMARY KEY,\n"
				 "  total numeric(12, 2) NOT NULL);\n"
				 "SELECT total FROM orders WHERE id = 42;",
		.walk = conversion_fn,
	},
	{
		.id = "leading-wildcard-like",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "LIKE/ILIKE pattern that starts with % or _ "
			   "(also when built with CONCAT or ||) in a filter.",
		.why = "A B-tree index can only search a known prefix; a "
		       "leading wildcard means reading every row.",
		.fix = "Use a trigram (pg_trgm) or full-text index, or store "
		       "the reversed string and search its prefix.",
		.example_fire = "SELECT id FROM customers\n"
				"WHERE name LIKE '%smith';",
		.example_quiet = "SELECT id FROM customers\n"
				 "WHERE name LIKE 'smith%';",
		.walk = leading_wildcard_fn,
	},
	{
		.id = "regex-match-filter",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "REGEXP/RLIKE/SIMILAR TO/~ match in a WHERE or JOIN "
			   "ON filter.",
		.why = "No B-tree index supports a regular expression: the "
		       "filter runs on every row.",
		.fix = "Filter on an indexable condition first, or use a "
		       "trigram index (PostgreSQL) or full-text search.",
		.example_fire = "SELECT id FROM logs\n"
				"WHERE message ~ 'timeout [0-9]+';",
		.example_quiet =
			"SELECT id, message ~ 'timeout' AS is_timeout\n"
			"FROM logs WHERE id > 1000;",
		.walk = regex_fn,
	},
	{
		.id = "large-in-list",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "IN list (or ANY array) with more values than the "
			   "threshold.",
		.why = "Huge lists cost parse and plan time, hit SQL Server's "
		       "2100-parameter limit and MySQL's range optimizer "
		       "memory limit, and defeat plan caching.",
		.fix = "Load the values into a temporary table and join, or "
		       "pass one array parameter (= ANY($1)).",
		.example_fire = "SELECT id FROM orders WHERE id IN (" REP1000(
			"7,") "8);",
		.example_quiet = "SELECT id FROM orders WHERE id IN (7, 8, 9);",
		.thresholds = {{"max_in_list", 1000,
				"values in one IN list before it fires"}},
		.walk = in_list_fn,
	},
	{
		.id = "bulk-insert-too-many-rows",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "One INSERT/REPLACE with more VALUES rows than the "
			   "threshold.",
		.why = "A single huge statement is one long transaction: it "
		       "holds locks, lags replicas and can exceed packet "
		       "limits.",
		.fix = "Send batches of a few hundred rows, or use COPY / LOAD "
		       "DATA / BULK INSERT.",
		.example_fire = "INSERT INTO readings (value) VALUES " REP1000(
			"(1),") "(2);",
		.example_quiet = "INSERT INTO readings (value) VALUES (1), "
				 "(2);",
		.thresholds = {{"max_rows", 1000,
				"VALUES rows in one INSERT before it "
				"fires"}},
		.walk = bulk_insert_fn,
	},
	{
		.id = "optimizer-hint",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "Plan-forcing hint: MySQL USE/FORCE/IGNORE INDEX, "
			   "STRAIGHT_JOIN and /*+ */ hints, T-SQL INDEX(), "
			   "FORCESEEK, join hints and OPTION (LOOP/HASH/MERGE "
			   "JOIN, FORCE ORDER), pg_hint_plan comments.",
		.why = "A hint freezes the plan chosen for today's data; when "
		       "the data or the indexes change, the optimizer can no "
		       "longer adapt.",
		.fix = "Fix the cause (statistics, a missing index, the "
		       "query's shape) and drop the hint; keep a hint only "
		       "with a comment saying why. Locking hints, "
		       "MAX_EXECUTION_TIME and OPTION (RECOMPILE) are not "
		       "flagged.",
		.example_fire = "/*+ IndexScan(o orders_created_idx) */\n"
				"SELECT id FROM orders o\n"
				"WHERE created_at > now() - interval '1 day';",
		.example_quiet = "/* dashboard: recent orders */\n"
				 "SELECT id FROM orders o\n"
				 "WHERE created_at > now() - interval '1 day';",
		.check = check_optimizer_hint,
	},
	{
		.id = "order-by-random",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ORDER BY RAND()/random()/NEWID().",
		.why = "Every candidate row gets a random key and the whole "
		       "set is sorted, only to keep a few rows.",
		.fix = "Pick random keys in the application, use TABLESAMPLE, "
		       "or select by a random offset into an indexed key "
		       "range.",
		.example_fire = "SELECT id FROM quotes WHERE active\n"
				"ORDER BY random() LIMIT 1;",
		.example_quiet = "SELECT id FROM quotes WHERE active\n"
				 "ORDER BY id LIMIT 1;",
		.walk = order_random_fn,
	},
	{
		.id = "offset-pagination",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "OFFSET (or MySQL LIMIT m, n) with a literal offset "
			   "at or above the threshold, or a parameter.",
		.why = "The server produces and throws away every row before "
		       "the offset: deep pages get slower page by page.",
		.fix = "Use keyset pagination: WHERE id > :last_seen_id ORDER "
		       "BY id LIMIT n.",
		.example_fire = "SELECT id, title FROM posts WHERE published\n"
				"ORDER BY id LIMIT 20 OFFSET 5000;",
		.example_quiet = "SELECT id, title FROM posts WHERE published\n"
				 "ORDER BY id LIMIT 20 OFFSET 40;",
		.thresholds = {{"min_offset", 1000,
				"literal OFFSET from which it fires"}},
		.walk = offset_fn,
	},
	{
		.id = "group-order-different-tables",
		.category = "performance",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "GROUP BY / ORDER BY columns taken from different "
			   "tables of a join.",
		.why = "No single index can deliver that order, so MySQL "
		       "builds a temporary table and sorts it (Using "
		       "temporary; Using filesort).",
		.fix = "Group and order by columns of one table (the join "
		       "keys often allow it), or accept the sort knowingly.",
		.example_fire =
			"SELECT c.country, o.status, COUNT(*)\n"
			"FROM customers c JOIN orders o ON o.customer_id "
			"= c.id\n"
			"WHERE o.total > 100\n"
			"GROUP BY c.country, o.status;",
		.example_quiet = "SELECT c.country, COUNT(*)\n"
				 "FROM customers c JOIN orders o ON "
				 "o.customer_id = c.id\n"
				 "WHERE o.total > 100\n"
				 "GROUP BY c.country ORDER BY c.country;",
		.walk = group_order_tables_fn,
	},
	{
		.id = "order-by-mixed-direction",
		.category = "performance",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ORDER BY mixing ASC and DESC keys.",
		.why = "An ascending index can be read forwards or backwards, "
		       "but not both at once: MySQL before 8.0 has no "
		       "descending indexes and sorts the rows.",
		.fix = "Order all keys the same way, or on MySQL 8.0 create "
		       "an index with matching ASC/DESC key parts.",
		.example_fire =
			"SELECT id FROM posts WHERE author_id = 7\n"
			"ORDER BY pinned DESC, created_at ASC LIMIT 10;",
		.example_quiet = "SELECT id FROM posts WHERE author_id = 7\n"
				 "ORDER BY pinned DESC, created_at DESC LIMIT "
				 "10;",
		.walk = mixed_direction_fn,
	},
	{
		.id = "sql-calc-found-rows",
		.category = "performance",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "SELECT SQL_CALC_FOUND_ROWS.",
		.why = "The server keeps reading past the LIMIT to count every "
		       "match; the modifier is deprecated since MySQL 8.0.17.",
		.fix = "Run a separate SELECT COUNT(*) with the same WHERE "
		       "(often cached or skipped for later pages).",
		.example_fire =
			"SELECT SQL_CALC_FOUND_ROWS id, title FROM posts\n"
			"WHERE author_id = 7 ORDER BY id LIMIT 10;",
		.example_quiet = "SELECT COUNT(*) FROM posts WHERE author_id = "
				 "7;",
		.walk = calc_found_rows_fn,
	},
	{
		.id = "in-subquery-dependent",
		.category = "performance",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "col IN (SELECT ...) (or = ANY (SELECT ...)).",
		.why = "MySQL 5.5 and older run it as a DEPENDENT SUBQUERY, "
		       "once per outer row; later versions mostly turn it "
		       "into a semi-join, but not in every statement.",
		.fix = "Write it as a JOIN (with DISTINCT keys) or as EXISTS "
		       "with a correlated, indexed condition.",
		.example_fire = "SELECT id FROM customers\n"
				"WHERE id IN (SELECT customer_id FROM orders "
				"WHERE total > 1000);",
		.example_quiet = "SELECT c.id FROM customers c\n"
				 "WHERE EXISTS (SELECT 1 FROM orders o\n"
				 "  WHERE o.customer_id = c.id AND o.total > "
				 "1000);",
		.walk = in_subquery_fn,
	},
	{
		.id = "correlated-subquery-in-select",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"Subquery in the select list that refers to a column "
			"of the outer query.",
		.why = "It runs once per output row: a server-side N+1 that "
		       "grows with the result.",
		.fix = "Join a grouped derived table (or LATERAL / OUTER "
		       "APPLY) once instead.",
		.example_fire = "SELECT c.id,\n"
				"  (SELECT count(*) FROM orders o WHERE "
				"o.customer_id = c.id) AS n\n"
				"FROM customers c WHERE c.active;",
		.example_quiet = "SELECT c.id, (SELECT count(*) FROM orders) "
				 "AS n\n"
				 "FROM customers c WHERE c.active;",
		.walk = correlated_fn,
	},
	{
		.id = "udf-in-predicate",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "User-defined (not built-in) function called in a "
			   "WHERE or JOIN ON predicate.",
		.why = "The function runs row by row, opaque to the optimizer "
		       "and to indexes; in SQL Server a scalar UDF also "
		       "forces a serial plan.",
		.fix = "Inline the logic as an expression or a join, or "
		       "precompute it into an indexed column.",
		.example_fire = "SELECT id FROM orders WHERE order_risk(id) > "
				"0.8;",
		.example_quiet = "SELECT id, order_risk(id) FROM orders WHERE "
				 "total > 1000;",
		.walk = udf_fn,
	},
	{
		.id = "cursor-usage",
		.category = "performance",
		.dialects = ADV_PAT_MS,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "T-SQL DECLARE ... CURSOR.",
		.why = "Row-by-row processing runs one statement per row "
		       "where a set-based statement does the work once.",
		.fix = "Rewrite the loop as one UPDATE/INSERT ... SELECT/MERGE "
		       "over the set; if a cursor stays, make it LOCAL "
		       "FAST_FORWARD.",
		.example_fire = "DECLARE c CURSOR FOR\n"
				"SELECT id FROM dbo.orders WHERE status = "
				"'new';",
		.example_quiet =
			"UPDATE dbo.orders SET status = 'queued' WHERE "
			"status = 'new';",
		.walk = cursor_fn,
	},
	{
		.id = "distinct-star",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "SELECT DISTINCT * (or DISTINCT t.*).",
		.why = "Rows of a table with a key are already distinct; "
		       "without a key, whole rows are sorted or hashed to "
		       "compare them.",
		.fix = "Drop DISTINCT, or select only the columns that define "
		       "the duplicates.",
		.example_fire = "SELECT DISTINCT * FROM order_lines WHERE "
				"order_id = 7;",
		.example_quiet = "SELECT DISTINCT product_id FROM order_lines "
				 "WHERE order_id = 7;",
		.walk = distinct_star_fn,
	},
	{
		.id = "distinct-over-join",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "SELECT DISTINCT over a join whose select list uses "
			   "only one of the joined tables.",
		.why = "The join multiplies the rows and DISTINCT sorts them "
		       "away again: the other tables only filter.",
		.fix = "Keep the one table in FROM and test the others with "
		       "EXISTS (a semi-join).",
		.example_fire =
			"SELECT DISTINCT c.id, c.name\n"
			"FROM customers c JOIN orders o ON o.customer_id "
			"= c.id\n"
			"WHERE o.total > 100;",
		.example_quiet = "SELECT DISTINCT c.name, o.status\n"
				 "FROM customers c JOIN orders o ON "
				 "o.customer_id = c.id\n"
				 "WHERE o.total > 100;",
		.walk = distinct_join_fn,
	},
	{
		.id = "having-without-aggregate",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "HAVING condition that uses no aggregate (nor the "
			   "alias of one).",
		.why = "It filters after grouping: every row is grouped first "
		       "and no index can serve the condition.",
		.fix = "Move the condition to WHERE.",
		.example_fire = "SELECT status, count(*) FROM orders\n"
				"WHERE created_at > now() - interval '7 days'\n"
				"GROUP BY status HAVING status <> 'cancelled';",
		.example_quiet =
			"SELECT status, count(*) FROM orders\n"
			"WHERE created_at > now() - interval '7 days'\n"
			"GROUP BY status HAVING count(*) > 10;",
		.walk = having_fn,
	},
	{
		.id = "select-without-where",
		.category = "performance",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_INFO,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "Outermost SELECT that reads a base table with "
			   "neither WHERE nor LIMIT/TOP/FETCH.",
		.why = "It reads the whole table, which grows with the data.",
		.fix = "Add the filter or the limit the caller really needs.",
		.example_fire = "SELECT id, email FROM users;",
		.example_quiet = "SELECT id, email FROM users WHERE id = 1;",
		.check = check_select_without_where,
	},
	{
		.id = "sp-prefix-procedure",
		.category = "performance",
		.dialects = ADV_PAT_MS,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "User stored procedure named sp_*.",
		.why = "SQL Server looks sp_ names up in master first: an "
		       "extra lookup on every call, and a system procedure of "
		       "the same name wins.",
		.fix = "Use another prefix (usp_) or none.",
		.example_fire =
			"CREATE OR ALTER PROCEDURE dbo.sp_get_orders AS\n"
			"SELECT id FROM dbo.orders WHERE status = 'new';",
		.example_quiet = "CREATE OR ALTER PROCEDURE dbo.usp_get_orders "
				 "AS\n"
				 "SELECT id FROM dbo.orders WHERE status = "
				 "'new';",
		.walk = sp_prefix_fn,
	},
	{
		.id = "update-without-where",
		.category = "dml-safety",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_CRITICAL,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "UPDATE without a WHERE clause (also when the WHERE "
			   "was commented out).",
		.why = "Every row of the table is changed, usually by mistake.",
		.fix = "Add the WHERE; if all rows are meant, say so with a "
		       "comment and an inline suppression.",
		.example_fire = "UPDATE accounts SET balance = 0;",
		.example_quiet =
			"UPDATE accounts SET balance = 0 WHERE id = 42;",
		.walk = update_without_where_fn,
	},
	{
		.id = "delete-without-where",
		.category = "dml-safety",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_CRITICAL,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"DELETE without a WHERE clause (also with USING or a "
			"join, and when the WHERE was commented out).",
		.why = "Every row of the table is deleted, usually by "
		       "mistake.",
		.fix = "Add the WHERE; to empty a table on purpose, write "
		       "TRUNCATE.",
		.example_fire = "DELETE FROM sessions;",
		.example_quiet =
			"DELETE FROM sessions WHERE expires_at < now();",
		.walk = delete_without_where_fn,
	},
	{
		.id = "update-primary-key",
		.category = "dml-safety",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "UPDATE that assigns a primary-key column (key from "
			   "CREATE TABLE earlier in the input).",
		.why = "Changing a key cascades to referencing rows, rewrites "
		       "every index entry (the whole row in clustered "
		       "tables) and confuses replication and caches keyed "
		       "by it.",
		.fix = "Treat keys as immutable: add a new row and move the "
		       "references, or key on a surrogate.",
		.example_fire = "CREATE TABLE IF NOT EXISTS users (\n"
				"  id bigint PRIMARY KEY,\n"
				"  email text NOT NULL);\n"
				"UPDATE users SET id = id + 1000 WHERE email = "
				"'a@example.com';",
		.example_quiet = "CREATE TABLE IF NOT EXISTS users (\n"
				 "  id bigint PRIMARY KEY,\n"
				 "  email text NOT NULL);\n"
				 "UPDATE users SET email = 'b@example.com' "
				 "WHERE id = 7;",
		.walk = update_pk_fn,
	},
	{
		.id = "replace-into",
		.category = "dml-safety",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "MySQL REPLACE INTO.",
		.why = "REPLACE deletes the conflicting row and inserts a new "
		       "one: a new AUTO_INCREMENT id, ON DELETE cascades and "
		       "delete triggers fire, and unlisted columns revert to "
		       "their defaults.",
		.fix = "Use INSERT ... ON DUPLICATE KEY UPDATE.",
		.example_fire = "REPLACE INTO settings (name, value) VALUES "
				"('theme', 'dark');",
		.example_quiet = "INSERT INTO settings (name, value) VALUES "
				 "('theme', 'dark')\n"
				 "ON DUPLICATE KEY UPDATE value = "
				 "VALUES(value);",
		.walk = replace_fn,
	},
	{
		.id = "truncate-cascade",
		.category = "dml-safety",
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "TRUNCATE ... CASCADE.",
		.why = "It also empties every table that references the target "
		       "through a foreign key, and theirs in turn: the blast "
		       "radius is not visible in the statement.",
		.fix = "TRUNCATE the referencing tables explicitly, by name, "
		       "or DELETE the rows that must go.",
		.example_fire = "TRUNCATE customers CASCADE;",
		.example_quiet = "TRUNCATE customers;",
		.walk = truncate_fn,
	},
	{
		.id = "unbalanced-transaction",
		.category = "dml-safety",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "BEGIN/START TRANSACTION never committed or rolled "
			   "back in the script, or a BEGIN inside an open "
			   "transaction (PostgreSQL, MySQL).",
		.why = "An open transaction holds its locks until the session "
		       "ends; a nested BEGIN is ignored (PostgreSQL) or "
		       "silently commits the open work (MySQL).",
		.fix = "End every transaction with COMMIT or ROLLBACK in the "
		       "same script; use SAVEPOINT for nested units.",
		.example_fire = "BEGIN;\n"
				"UPDATE accounts SET balance = balance - 10 "
				"WHERE id = 1;",
		.example_quiet = "BEGIN;\n"
				 "UPDATE accounts SET balance = balance - 10 "
				 "WHERE id = 1;\n"
				 "COMMIT;",
		.check = check_unbalanced_transaction,
		.finish = finish_unbalanced_transaction,
	},
	{0},
};
