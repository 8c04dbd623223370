#include "patterns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "banned.h"

/*
 * The schema-design rules (catalog section 3.6): what a CREATE TABLE or
 * ALTER TABLE declares (column types, keys, engines, charsets, names) and,
 * at the end of the input, what the tables created in it add up to
 * (indexes, foreign keys).
 */

/* ---- small helpers ---- */

static int ends_with(const char *s, const char *suffix)
{
	size_t n;
	size_t m;

	if (s == NULL)
		return 0;
	n = strlen(s);
	m = strlen(suffix);
	return n >= m && adv_pat_ieq(s + n - m, suffix);
}

static int contains_ci(const char *s, const char *word)
{
	size_t n;
	size_t m;
	size_t i;
	size_t j;

	if (s == NULL)
		return 0;
	n = strlen(s);
	m = strlen(word);
	for (i = 0; i + m <= n; i++) {
		for (j = 0; j < m; j++) {
			char a = s[i + j];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (a != word[j])
				break;
		}
		if (j == m)
			return 1;
	}
	return 0;
}

static int name_is(const char *s, const char *name)
{
	return s != NULL && strcmp(s, name) == 0;
}

/* "varchar(20)", "numeric", "text[]" for messages. */
static void type_label(const struct adv_ast_type *t, char *out, size_t size)
{
	const char *name = t->name != NULL ? t->name : "?";
	const char *arr = t->array ? "[]" : "";
	int sized = t->cls == ADV_TYPE_CHAR || t->cls == ADV_TYPE_VARCHAR ||
		    t->cls == ADV_TYPE_BINARY;

	/* len is only the first modifier: numeric(12, 2) would lie */
	if (!sized)
		snprintf(out, size, "%s%s", name, arr);
	else if (t->len >= 0)
		snprintf(out, size, "%s(%d)%s", name, t->len, arr);
	else if (t->len == -2)
		snprintf(out, size, "%s(max)%s", name, arr);
	else
		snprintf(out, size, "%s%s", name, arr);
}

/* The statement names its table (the parsers always should). */
static int names_table(const struct adv_ast *n)
{
	return n->table != NULL && n->table->name != NULL;
}

/* The loc of node, or of the fallback when the parser gave none. */
static int loc_of(const struct adv_ast *node, const struct adv_ast *fallback)
{
	if (node != NULL && node->loc >= 0)
		return node->loc;
	return fallback != NULL ? fallback->loc : -1;
}

static const char *table_name(const struct adv_ast *table)
{
	return table != NULL && table->name != NULL ? table->name : "?";
}

/* A T-SQL #temp or ##global temp table. */
static int ms_temp_name(const struct adv_pat_stmt *st, const char *name)
{
	return st->dialect == ADV_DIALECT_MS && name != NULL && name[0] == '#';
}

/*
 * One column type declared by a statement: a column definition of CREATE
 * TABLE or ALTER TABLE ADD COLUMN / MODIFY / CHANGE (coldef set), or the
 * new type of ALTER COLUMN ... TYPE (coldef NULL).
 */
struct column_decl {
	const struct adv_ast *stmt;
	const struct adv_ast *table;
	const struct adv_ast *coldef;
	const char *column;
	const struct adv_ast_type *type;
	int loc;
};

typedef void (*column_fn)(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
			  const struct column_decl *d);

static void each_column(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
			column_fn fn)
{
	const struct adv_ast *n;
	const struct adv_ast *c;
	struct column_decl d;

	for (n = st->root; n != NULL; n = n->next) {
		memset(&d, 0, sizeof(d));
		d.stmt = n;
		d.table = n->table;
		if (n->kind == ADV_AST_CREATE_TABLE && names_table(n)) {
			for (c = n->coldefs; c != NULL; c = c->next) {
				d.coldef = c;
				d.column = c->name != NULL ? c->name : "?";
				d.type = &c->type;
				d.loc = loc_of(c, n);
				fn(cx, st, &d);
			}
		} else if (n->kind == ADV_AST_ALTER_TABLE && names_table(n)) {
			for (c = n->cmds; c != NULL; c = c->next) {
				if (c->coldef != NULL) {
					d.coldef = c->coldef;
					d.column = c->coldef->name != NULL
							   ? c->coldef->name
							   : "?";
					d.type = &c->coldef->type;
					d.loc = loc_of(c->coldef, c);
				} else if (c->op == ADV_ALTER_COLUMN_TYPE) {
					d.coldef = NULL;
					d.column =
						c->name != NULL ? c->name : "?";
					d.type = &c->type;
					d.loc = loc_of(c, n);
				} else {
					continue;
				}
				if (d.type->name == NULL &&
				    d.type->cls == ADV_TYPE_OTHER)
					continue;
				fn(cx, st, &d);
			}
		}
	}
}

/* ---- comma-list-in-column ---- */

/*
 * Appends the text a LIKE pattern expression stands for to out: string
 * constants as they are, concatenated pieces in order, and \001 for
 * anything whose value is not known.
 */
static void pattern_text(const struct adv_ast *e, struct adv_buf *out,
			 int depth)
{
	const struct adv_ast *a;

	if (e == NULL || depth > 32) {
		adv_buf_addch(out, '\001');
		return;
	}
	if (e->kind == ADV_AST_CONST && e->op == ADV_CONST_STRING &&
	    e->value != NULL) {
		adv_buf_addstr(out, e->value);
		return;
	}
	if (e->kind == ADV_AST_CAST && e->args != NULL) {
		pattern_text(e->args, out, depth + 1);
		return;
	}
	if ((e->kind == ADV_AST_FUNC && name_is(e->name, "concat")) ||
	    (e->kind == ADV_AST_OP &&
	     (name_is(e->name, "||") || name_is(e->name, "+")) &&
	     e->args != NULL && e->args->next != NULL)) {
		for (a = e->args; a != NULL; a = a->next)
			pattern_text(a, out, depth + 1);
		return;
	}
	adv_buf_addch(out, '\001');
}

/* A pattern of the form '%,x,%': one value searched inside a list. */
static int is_list_pattern(const struct adv_ast *pattern)
{
	struct adv_buf b;
	int hit;

	adv_buf_init(&b);
	pattern_text(pattern, &b, 0);
	hit = b.len >= 4 && memcmp(b.data, "%,", 2) == 0 &&
	      memcmp(b.data + b.len - 2, ",%", 2) == 0;
	adv_buf_release(&b);
	return hit;
}

static int is_comma(const struct adv_ast *e)
{
	return e != NULL && e->kind == ADV_AST_CONST &&
	       e->op == ADV_CONST_STRING && e->value != NULL &&
	       (strcmp(e->value, ",") == 0 || strcmp(e->value, ", ") == 0);
}

struct comma_walk {
	struct adv_pat_ctx *cx;
	const struct adv_pat_stmt *st;
};

static int comma_visit(const struct adv_ast *node,
		       const struct adv_ast_path *path, void *data)
{
	struct comma_walk *w = data;
	const struct adv_ast *a = node->args;

	(void)path;
	if (node->kind == ADV_AST_FUNC && name_is(node->name, "find_in_set") &&
	    a != NULL && a->next != NULL && adv_pat_has_column(a->next)) {
		adv_pat_report(w->cx, w->st, node->loc,
			       "FIND_IN_SET() searches a comma-separated list "
			       "stored in a column");
		return 0;
	}
	if ((node->kind == ADV_AST_FUNC ||
	     node->kind == ADV_AST_FUNCTION_TABLE) &&
	    a != NULL && a->next != NULL && a->kind == ADV_AST_COLUMN &&
	    is_comma(a->next) &&
	    (name_is(node->name, "string_to_array") ||
	     name_is(node->name, "regexp_split_to_array") ||
	     name_is(node->name, "regexp_split_to_table") ||
	     name_is(node->name, "string_split"))) {
		adv_pat_report(w->cx, w->st, node->loc,
			       "%s() splits column '%s' at commas", node->name,
			       a->name != NULL ? a->name : "?");
		return 0;
	}
	if (node->kind == ADV_AST_LIKE &&
	    (node->op == ADV_LIKE_LIKE || node->op == ADV_LIKE_ILIKE) &&
	    a != NULL && a->next != NULL && adv_pat_has_column(a) &&
	    is_list_pattern(a->next)) {
		adv_pat_report(w->cx, w->st, node->loc,
			       "LIKE '%%,...,%%' searches a comma-separated "
			       "list stored in a column");
		return 0;
	}
	return 0;
}

static void comma_list_column(struct adv_pat_ctx *cx,
			      const struct adv_pat_stmt *st,
			      const struct column_decl *d)
{
	const struct adv_ast_type *t = d->type;
	char label[96];

	if (t->array || !ends_with(d->column, "_ids"))
		return;
	if (t->cls != ADV_TYPE_VARCHAR && t->cls != ADV_TYPE_TEXT &&
	    t->cls != ADV_TYPE_CHAR)
		return;
	type_label(t, label, sizeof(label));
	adv_pat_report(cx, st, d->loc,
		       "column '%s' is %s: a list of ids kept in one string",
		       d->column, label);
}

static void check_comma_list(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st)
{
	struct comma_walk w = {cx, st};
	const struct adv_ast *n;

	each_column(cx, st, comma_list_column);
	for (n = st->root; n != NULL; n = n->next)
		adv_ast_walk(n, 0, comma_visit, &w);
}

/* ---- table-without-primary-key ---- */

/*
 * Tables created without a key, kept until the end of the input because
 * a later ALTER TABLE ... ADD PRIMARY KEY (pg_dump's order) or CREATE
 * UNIQUE INDEX may still give them one: the rule's own memory
 * (adv_pat_rule_memory).
 */
struct keyless {
	char *schema;
	char *name;
};

struct keyless_memo {
	struct keyless *tables;
	size_t ntables;
	size_t alloc;
};

static const char keyless_key;

static void keyless_release(void *mem)
{
	struct keyless_memo *m = mem;
	size_t i;

	for (i = 0; i < m->ntables; i++) {
		free(m->tables[i].schema);
		free(m->tables[i].name);
	}
	free(m->tables);
}

static struct keyless_memo *keyless_of(struct adv_pat_ctx *cx)
{
	return adv_pat_rule_memory(
		cx, &keyless_key, sizeof(struct keyless_memo), keyless_release);
}

static int same_table(const char *schema_a, const char *name_a,
		      const char *schema_b, const char *name_b)
{
	if (name_a == NULL || name_b == NULL || strcmp(name_a, name_b) != 0)
		return 0;
	return schema_a == NULL || schema_b == NULL ||
	       strcmp(schema_a, schema_b) == 0;
}

static void keyless_forget(struct keyless_memo *m, const struct adv_ast *table)
{
	size_t i;
	size_t kept = 0;

	if (table == NULL)
		return;
	for (i = 0; i < m->ntables; i++) {
		struct keyless k = m->tables[i];

		if (same_table(k.schema, k.name, table->schema, table->name)) {
			free(k.schema);
			free(k.name);
		} else {
			m->tables[kept++] = k;
		}
	}
	m->ntables = kept;
}

static void keyless_add(struct keyless_memo *m, const struct adv_ast *table)
{
	struct keyless *k;

	keyless_forget(m, table);
	ADV_ALLOC_GROW(m->tables, m->ntables + 1, m->alloc);
	k = &m->tables[m->ntables++];
	k->schema = adv_xstrdup_or_null(table->schema);
	k->name = adv_xstrdup(table->name);
}

static const struct adv_ast *find_coldef(const struct adv_ast *create,
					 const char *name)
{
	const struct adv_ast *c;

	for (c = create->coldefs; c != NULL; c = c->next) {
		if (name != NULL && c->name != NULL &&
		    adv_pat_ieq(c->name, name))
			return c;
	}
	return NULL;
}

static int coldef_not_null(const struct adv_ast *create, const char *name)
{
	const struct adv_ast *c = find_coldef(create, name);
	const struct adv_ast *k;

	if (c == NULL)
		return 0;
	if (c->flags2 & (ADV_AST2_NOT_NULL | ADV_AST2_PRIMARY_KEY))
		return 1;
	for (k = create->constraints; k != NULL; k = k->next) {
		if (k->op == ADV_CONS_NOT_NULL && k->cols != NULL &&
		    k->cols->next == NULL && name_is(k->cols->name, c->name))
			return 1;
	}
	return 0;
}

/* Every item of a key list is a plain column that is NOT NULL. */
static int keys_not_null(const struct adv_ast *create,
			 const struct adv_ast *keys)
{
	const struct adv_ast *k;

	if (keys == NULL)
		return 0;
	for (k = keys; k != NULL; k = k->next) {
		const struct adv_ast *e = k;

		if (e->kind == ADV_AST_SORT && e->args != NULL)
			e = e->args;
		if (e->kind != ADV_AST_COLUMN ||
		    !coldef_not_null(create, e->name))
			return 0;
	}
	return 1;
}

static int create_has_key(const struct adv_ast *create)
{
	const struct adv_ast *c;

	for (c = create->coldefs; c != NULL; c = c->next) {
		if (c->flags2 & ADV_AST2_PRIMARY_KEY)
			return 1;
		if ((c->flags & ADV_ASTF_UNIQUE) &&
		    coldef_not_null(create, c->name))
			return 1;
	}
	for (c = create->constraints; c != NULL; c = c->next) {
		if (c->op == ADV_CONS_PRIMARY)
			return 1;
		if (c->op == ADV_CONS_UNIQUE && keys_not_null(create, c->cols))
			return 1;
	}
	for (c = create->indexes; c != NULL; c = c->next) {
		if ((c->flags & ADV_ASTF_UNIQUE) && c->where == NULL &&
		    keys_not_null(create, c->args))
			return 1;
	}
	return 0;
}

/* A key over columns that the state knows to be NOT NULL. */
static int state_keys_not_null(const struct adv_pat_table *t,
			       const struct adv_ast *keys)
{
	const struct adv_ast *k;

	if (t == NULL || keys == NULL)
		return 0;
	for (k = keys; k != NULL; k = k->next) {
		const struct adv_ast *e = k;
		const struct adv_pat_column *col;

		if (e->kind == ADV_AST_SORT && e->args != NULL)
			e = e->args;
		if (e->kind != ADV_AST_COLUMN)
			return 0;
		col = adv_pat_table_column(t, e->name);
		if (col == NULL || !col->not_null)
			return 0;
	}
	return 1;
}

/* ALTER TABLE subcommands that give the table a key. */
static int alter_adds_key(const struct adv_pat_ctx *cx,
			  const struct adv_ast *alter)
{
	const struct adv_pat_table *t = adv_pat_find_table(
		cx, alter->table->schema, alter->table->name);
	const struct adv_ast *c;

	for (c = alter->cmds; c != NULL; c = c->next) {
		const struct adv_ast *k = c->constraint;

		if (c->op == ADV_ALTER_ADD_COLUMN && c->coldef != NULL &&
		    (c->coldef->flags2 & ADV_AST2_PRIMARY_KEY))
			return 1;
		if (c->op == ADV_ALTER_ADD_CONSTRAINT && k != NULL &&
		    k->kind == ADV_AST_CONSTRAINT) {
			if (k->op == ADV_CONS_PRIMARY)
				return 1;
			if (k->op == ADV_CONS_UNIQUE &&
			    state_keys_not_null(t, k->cols))
				return 1;
		}
		if (c->op == ADV_ALTER_ADD_INDEX && k != NULL &&
		    (k->flags & ADV_ASTF_UNIQUE) && k->where == NULL &&
		    state_keys_not_null(t, k->args))
			return 1;
	}
	return 0;
}

static void check_primary_key(struct adv_pat_ctx *cx,
			      const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	struct keyless_memo *m = keyless_of(cx);

	for (n = st->root; n != NULL; n = n->next) {
		if (n->table == NULL || n->table->name == NULL)
			continue;
		if (n->kind == ADV_AST_CREATE_TABLE && names_table(n)) {
			if (n->coldefs == NULL ||
			    (n->flags & (ADV_ASTF_TEMPORARY |
					 ADV_ASTF_AS_SELECT | ADV_ASTF_LIKE)) ||
			    ms_temp_name(st, n->table->name)) {
				keyless_forget(m, n->table);
				continue;
			}
			if (create_has_key(n))
				keyless_forget(m, n->table);
			else
				keyless_add(m, n->table);
		} else if (n->kind == ADV_AST_ALTER_TABLE && names_table(n)) {
			if (alter_adds_key(cx, n))
				keyless_forget(m, n->table);
		} else if (n->kind == ADV_AST_CREATE_INDEX) {
			const struct adv_pat_table *t = adv_pat_find_table(
				cx, n->table->schema, n->table->name);

			if ((n->flags & ADV_ASTF_UNIQUE) && n->where == NULL &&
			    state_keys_not_null(t, n->args))
				keyless_forget(m, n->table);
		}
	}
}

static int state_has_key(const struct adv_pat_table *t)
{
	size_t i;
	size_t j;

	for (i = 0; i < t->nidx; i++) {
		const struct adv_pat_index *ix = &t->idx[i];

		if (ix->primary)
			return 1;
		if (!ix->unique || ix->partial || ix->ncols == 0)
			continue;
		for (j = 0; j < ix->ncols; j++) {
			const struct adv_pat_column *col;

			if (ix->cols[j] == NULL)
				break;
			col = adv_pat_table_column(t, ix->cols[j]);
			if (col == NULL || !col->not_null)
				break;
		}
		if (j == ix->ncols)
			return 1;
	}
	return 0;
}

static void finish_primary_key(struct adv_pat_ctx *cx)
{
	struct keyless_memo *m = keyless_of(cx);
	size_t i;

	for (i = 0; i < m->ntables; i++) {
		const struct keyless *k = &m->tables[i];
		const struct adv_pat_table *t =
			adv_pat_find_table(cx, k->schema, k->name);

		if (t == NULL || t->temporary || state_has_key(t))
			continue;
		adv_pat_report_at(cx, &t->place, t->schema, t->name,
				  "table '%s' has no primary key and "
				  "no unique key on NOT NULL columns",
				  t->name);
	}
}

/* ---- column type rules ---- */

static void float_column(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
			 const struct column_decl *d)
{
	char label[96];

	if (d->type->cls != ADV_TYPE_FLOAT)
		return;
	type_label(d->type, label, sizeof(label));
	adv_pat_report(cx, st, d->loc,
		       "column '%s' is %s, a binary floating-point type",
		       d->column, label);
}

static void check_float(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	each_column(cx, st, float_column);
}

static void enum_column(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
			const struct column_decl *d)
{
	if (d->type->cls != ADV_TYPE_ENUM)
		return;
	adv_pat_report(cx, st, d->loc, "column '%s' is %s(...)", d->column,
		       d->type->name != NULL ? d->type->name : "enum");
}

/* A list of at least two constants: the value list of IN or ANY(ARRAY). */
static int constant_list(const struct adv_ast *first)
{
	const struct adv_ast *a;
	size_t n = 0;

	for (a = first; a != NULL; a = a->next) {
		if (!adv_pat_is_constant(a))
			return 0;
		n++;
	}
	return n >= 2;
}

static const struct adv_ast *strip_casts(const struct adv_ast *e)
{
	while (e != NULL && e->kind == ADV_AST_CAST)
		e = e->args;
	return e;
}

static int enum_visit(const struct adv_ast *node,
		      const struct adv_ast_path *path, void *data)
{
	const struct adv_ast **hit = data;
	const struct adv_ast *arr;

	(void)path;
	if (node->kind == ADV_AST_IN && !(node->flags & ADV_ASTF_NEGATED) &&
	    node->sub == NULL && node->args != NULL &&
	    adv_pat_has_column(node->args) && constant_list(node->args->next)) {
		*hit = node;
		return -1;
	}
	/* pg_dump writes IN lists as col = ANY (ARRAY[...]) */
	if (node->kind == ADV_AST_ANY_ALL && node->op == ADV_SUBLINK_ANY &&
	    name_is(node->name, "=") && node->args != NULL &&
	    adv_pat_has_column(node->args)) {
		arr = strip_casts(node->args->next);
		if (arr != NULL && arr->kind == ADV_AST_LIST &&
		    constant_list(arr->args)) {
			*hit = node;
			return -1;
		}
	}
	return 0;
}

static int first_column_visit(const struct adv_ast *node,
			      const struct adv_ast_path *path, void *data)
{
	const struct adv_ast **col = data;

	(void)path;
	if (node->kind != ADV_AST_COLUMN)
		return 0;
	*col = node;
	return -1;
}

/* The first column referenced in e (the subject of IN / = ANY). */
static const struct adv_ast *first_column(const struct adv_ast *e)
{
	const struct adv_ast *col = NULL;

	if (e != NULL)
		adv_ast_walk(e, ADV_WALK_NO_SUBQUERY, first_column_visit, &col);
	return col;
}

/*
 * Value-list CHECKs found in one statement, by the place of the list: a
 * column constraint may be seen both in its column and in the table's
 * list of constraints.
 */
struct enum_seen {
	int locs[32];
	size_t n;
};

static int enum_seen_before(struct enum_seen *seen, int loc)
{
	size_t i;

	if (loc < 0)
		return 0;
	for (i = 0; i < seen->n; i++) {
		if (seen->locs[i] == loc)
			return 1;
	}
	if (seen->n < sizeof(seen->locs) / sizeof(seen->locs[0]))
		seen->locs[seen->n++] = loc;
	return 0;
}

static void enum_check_constraint(struct adv_pat_ctx *cx,
				  const struct adv_pat_stmt *st,
				  struct enum_seen *seen,
				  const struct adv_ast *k,
				  const struct adv_ast *fallback)
{
	const struct adv_ast *hit = NULL;
	const struct adv_ast *col;

	if (k == NULL || k->kind != ADV_AST_CONSTRAINT ||
	    k->op != ADV_CONS_CHECK || k->args == NULL)
		return;
	adv_ast_walk(k->args, 0, enum_visit, &hit);
	if (hit == NULL || enum_seen_before(seen, hit->loc))
		return;
	col = first_column(hit->args);
	adv_pat_report(cx, st, hit->loc >= 0 ? hit->loc : loc_of(k, fallback),
		       "CHECK constraint%s%s%s lists the values allowed in "
		       "'%s'",
		       k->name != NULL ? " '" : "",
		       k->name != NULL ? k->name : "",
		       k->name != NULL ? "'" : "",
		       col != NULL && col->name != NULL ? col->name : "?");
}

/* PostgreSQL CREATE TYPE name AS ENUM: the tree says CREATE TYPE only. */
static int tokens_say_enum_type(const struct adv_pat_stmt *st)
{
	size_t i;
	int seen_as = 0;

	for (i = 0; i < st->ntoks; i++) {
		const struct adv_sql_token *t = &st->toks[i];
		const char *s = st->text + t->offset;

		if (t->kind != ADV_TOK_WORD)
			continue;
		if (seen_as)
			return t->length == 4 && strncasecmp(s, "enum", 4) == 0;
		if (t->length == 2 && strncasecmp(s, "as", 2) == 0)
			seen_as = 1;
	}
	return 0;
}

static void check_enum(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	struct enum_seen seen = {{0}, 0};
	const struct adv_ast *n;
	const struct adv_ast *c;
	const struct adv_ast *k;

	each_column(cx, st, enum_column);
	for (n = st->root; n != NULL; n = n->next) {
		if (n->kind == ADV_AST_CREATE_TABLE && names_table(n)) {
			for (c = n->constraints; c != NULL; c = c->next)
				enum_check_constraint(cx, st, &seen, c, n);
			for (c = n->coldefs; c != NULL; c = c->next) {
				for (k = c->constraints; k != NULL; k = k->next)
					enum_check_constraint(cx, st, &seen, k,
							      c);
			}
		} else if (n->kind == ADV_AST_ALTER_TABLE && names_table(n)) {
			for (c = n->cmds; c != NULL; c = c->next) {
				if (c->op == ADV_ALTER_ADD_CONSTRAINT)
					enum_check_constraint(cx, st, &seen,
							      c->constraint, c);
				if (c->coldef == NULL)
					continue;
				for (k = c->coldef->constraints; k != NULL;
				     k = k->next)
					enum_check_constraint(cx, st, &seen, k,
							      c);
			}
		} else if (n->kind == ADV_AST_CREATE_OTHER &&
			   n->op == ADV_OBJ_TYPE &&
			   st->dialect == ADV_DIALECT_PG &&
			   tokens_say_enum_type(st)) {
			adv_pat_report(cx, st, n->loc, "type '%s' is an ENUM",
				       n->name != NULL ? n->name : "?");
		}
	}
}

/* Fixed-length by nature: hashes, UUIDs and other codes of one length. */
static int fixed_length_name(const char *column)
{
	static const char *const words[] = {"uuid",   "guid",	    "hash",
					    "md5",    "sha",	    "checksum",
					    "digest", "fingerprint"};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (contains_ci(column, words[i]))
			return 1;
	}
	return 0;
}

static void char_column(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
			const struct column_decl *d)
{
	char label[96];

	if (d->type->cls != ADV_TYPE_CHAR)
		return;
	type_label(d->type, label, sizeof(label));
	if (st->dialect == ADV_DIALECT_PG) {
		adv_pat_report(cx, st, d->loc,
			       "column '%s' is %s: blank-padded, no faster "
			       "than text or varchar",
			       d->column, label);
		return;
	}
	if ((double)d->type->len <= adv_pat_thr(cx, 0) && d->type->len != -2)
		return;
	if (fixed_length_name(d->column))
		return;
	adv_pat_report(cx, st, d->loc,
		       "column '%s' is %s: every value is padded to %d "
		       "characters",
		       d->column, label, d->type->len);
}

static void check_fixed_char(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st)
{
	each_column(cx, st, char_column);
}

static int is_nextval(const struct adv_ast *e)
{
	return e != NULL && e->kind == ADV_AST_FUNC &&
	       name_is(e->name, "nextval");
}

static int small_int(enum adv_type_class cls)
{
	return cls == ADV_TYPE_SMALLINT || cls == ADV_TYPE_MEDIUMINT ||
	       cls == ADV_TYPE_INT || cls == ADV_TYPE_SERIAL ||
	       cls == ADV_TYPE_SMALLSERIAL;
}

static void surrogate_column(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st,
			     const struct column_decl *d)
{
	const struct adv_ast_type *t = d->type;
	int generated;
	char label[96];

	if (t->array || !small_int(t->cls))
		return;
	generated = t->cls == ADV_TYPE_SERIAL ||
		    t->cls == ADV_TYPE_SMALLSERIAL ||
		    (d->coldef != NULL &&
		     ((d->coldef->flags2 & ADV_AST2_AUTO_INCREMENT) ||
		      is_nextval(d->coldef->dflt)));
	if (!generated)
		return;
	type_label(t, label, sizeof(label));
	adv_pat_report(cx, st, d->loc,
		       "generated key column '%s' is %s, which can run out of "
		       "values",
		       d->column, label);
}

static void check_int_surrogate(struct adv_pat_ctx *cx,
				const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	const struct adv_ast *c;

	each_column(cx, st, surrogate_column);
	/* pg_dump: ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval(..) */
	for (n = st->root; n != NULL; n = n->next) {
		const struct adv_pat_table *t;

		if (n->kind != ADV_AST_ALTER_TABLE || !names_table(n))
			continue;
		t = adv_pat_find_table(cx, n->table->schema, n->table->name);
		for (c = n->cmds; c != NULL; c = c->next) {
			const struct adv_pat_column *col;
			char label[96];

			if (c->op != ADV_ALTER_SET_DEFAULT ||
			    !is_nextval(c->dflt) || t == NULL)
				continue;
			col = adv_pat_table_column(t, c->name);
			if (col == NULL || col->type.array ||
			    !small_int(col->type.cls) ||
			    col->type.cls == ADV_TYPE_SERIAL ||
			    col->type.cls == ADV_TYPE_SMALLSERIAL)
				continue;
			type_label(&col->type, label, sizeof(label));
			adv_pat_report_table(cx, st, loc_of(c, n), t->schema,
					     t->name,
					     "column '%s' (%s) takes its "
					     "values from a sequence and can "
					     "run out of them",
					     col->name, label);
		}
	}
}

static void serial_column(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
			  const struct column_decl *d)
{
	if (d->type->cls != ADV_TYPE_SERIAL &&
	    d->type->cls != ADV_TYPE_SMALLSERIAL &&
	    d->type->cls != ADV_TYPE_BIGSERIAL)
		return;
	adv_pat_report(cx, st, d->loc, "column '%s' is %s", d->column,
		       d->type->name != NULL ? d->type->name : "serial");
}

static void check_serial(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	each_column(cx, st, serial_column);
}

static void timestamp_column(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st,
			     const struct column_decl *d)
{
	if (d->type->cls != ADV_TYPE_TIMESTAMP)
		return;
	adv_pat_report(cx, st, d->loc,
		       "column '%s' is timestamp without time zone", d->column);
}

static void check_timestamp(struct adv_pat_ctx *cx,
			    const struct adv_pat_stmt *st)
{
	each_column(cx, st, timestamp_column);
}

/* ---- indexes and foreign keys, at the end of the input ---- */

static void cols_label(char *const *cols, size_t ncols, struct adv_buf *out)
{
	size_t i;

	for (i = 0; i < ncols; i++) {
		if (i > 0)
			adv_buf_addstr(out, ", ");
		adv_buf_addstr(out, cols[i] != NULL ? cols[i] : "(expression)");
	}
}

static int method_is_btree(const char *method)
{
	return method == NULL || adv_pat_ieq(method, "btree");
}

/* The index can find the rows of the foreign key's columns. */
static int index_serves_fk(const struct adv_pat_index *ix,
			   const struct adv_pat_fk *fk)
{
	size_t i;
	size_t j;

	if (ix->partial || ix->ncols < fk->ncols || fk->ncols == 0)
		return 0;
	if (!method_is_btree(ix->method) &&
	    !(adv_pat_ieq(ix->method, "hash") && fk->ncols == 1))
		return 0;
	/* the leading columns, in any order */
	for (i = 0; i < fk->ncols; i++) {
		for (j = 0; j < fk->ncols; j++) {
			if (ix->cols[j] != NULL && fk->cols[i] != NULL &&
			    strcmp(ix->cols[j], fk->cols[i]) == 0)
				break;
		}
		if (j == fk->ncols)
			return 0;
	}
	return 1;
}

static void finish_fk_index(struct adv_pat_ctx *cx)
{
	size_t ti;
	size_t f;
	size_t i;

	for (ti = 0; ti < adv_pat_table_count(cx); ti++) {
		const struct adv_pat_table *t = adv_pat_table_at(cx, ti);

		for (f = 0; f < t->nfk; f++) {
			const struct adv_pat_fk *fk = &t->fks[f];
			struct adv_buf cols;

			for (i = 0; i < t->nidx; i++) {
				if (index_serves_fk(&t->idx[i], fk))
					break;
			}
			if (i < t->nidx || fk->ncols == 0)
				continue;
			adv_buf_init(&cols);
			cols_label(fk->cols, fk->ncols, &cols);
			adv_pat_report_at(
				cx, &fk->place, t->schema, t->name,
				"foreign key %s%s%s(%s) -> '%s' has no "
				"index on '%s' leading with its "
				"columns",
				fk->name != NULL ? "'" : "",
				fk->name != NULL ? fk->name : "",
				fk->name != NULL ? "' " : "", cols.data,
				fk->ref_table != NULL ? fk->ref_table : "?",
				t->name);
			adv_buf_release(&cols);
		}
	}
}

static void finish_too_many_indexes(struct adv_pat_ctx *cx)
{
	double limit = adv_pat_thr(cx, 0);
	size_t ti;

	for (ti = 0; ti < adv_pat_table_count(cx); ti++) {
		const struct adv_pat_table *t = adv_pat_table_at(cx, ti);
		size_t over;

		if ((double)t->nidx <= limit || limit < 0)
			continue;
		over = (size_t)limit;
		adv_pat_report_at(cx, &t->idx[over].place, t->schema, t->name,
				  "table '%s' has %zu indexes, more than %zu",
				  t->name, t->nidx, over);
	}
}

static int rank_index(const struct adv_pat_index *ix)
{
	return (ix->primary ? 4 : 0) + (ix->unique ? 2 : 0) +
	       (ix->constraint ? 1 : 0);
}

static int same_method(const struct adv_pat_index *a,
		       const struct adv_pat_index *b)
{
	if (method_is_btree(a->method) || method_is_btree(b->method))
		return method_is_btree(a->method) && method_is_btree(b->method);
	return adv_pat_ieq(a->method, b->method);
}

/* a's key columns are the first columns of b's (all plain columns). */
static int is_prefix(const struct adv_pat_index *a,
		     const struct adv_pat_index *b)
{
	size_t i;

	if (a->ncols == 0 || a->ncols > b->ncols)
		return 0;
	for (i = 0; i < a->ncols; i++) {
		if (a->cols[i] == NULL || b->cols[i] == NULL ||
		    strcmp(a->cols[i], b->cols[i]) != 0)
			return 0;
	}
	return 1;
}

/*
 * Whether index r (at position ri) is made redundant by index k (at ki):
 * the same key, where the weaker one (or the later one of two equals) is
 * reported, or a left prefix of a longer B-tree key, unless r enforces
 * uniqueness.
 */
static int redundant(const struct adv_pat_index *r, size_t ri,
		     const struct adv_pat_index *k, size_t ki)
{
	if (r->partial || k->partial || !same_method(r, k) || !is_prefix(r, k))
		return 0;
	if (r->ncols == k->ncols) {
		if (rank_index(r) != rank_index(k))
			return rank_index(r) < rank_index(k);
		return ri > ki;
	}
	return method_is_btree(r->method) && !r->unique && !r->primary;
}

static void index_label(const struct adv_pat_index *ix, struct adv_buf *out)
{
	if (ix->primary)
		adv_buf_addstr(out, "the primary key");
	else if (ix->name != NULL)
		adv_buf_addf(out, "index '%s'", ix->name);
	else
		adv_buf_addstr(out, ix->unique ? "a unique key" : "an index");
	adv_buf_addstr(out, " (");
	cols_label(ix->cols, ix->ncols, out);
	adv_buf_addstr(out, ")");
}

static void finish_duplicate_index(struct adv_pat_ctx *cx)
{
	size_t ti;
	size_t r;
	size_t k;

	for (ti = 0; ti < adv_pat_table_count(cx); ti++) {
		const struct adv_pat_table *t = adv_pat_table_at(cx, ti);

		for (r = 0; r < t->nidx; r++) {
			struct adv_buf a;
			struct adv_buf b;

			for (k = 0; k < t->nidx; k++) {
				if (k != r &&
				    redundant(&t->idx[r], r, &t->idx[k], k))
					break;
			}
			if (k == t->nidx)
				continue;
			adv_buf_init(&a);
			adv_buf_init(&b);
			index_label(&t->idx[r], &a);
			index_label(&t->idx[k], &b);
			adv_pat_report_at(cx, &t->idx[r].place, t->schema,
					  t->name, "%s on '%s' %s %s", a.data,
					  t->name,
					  t->idx[r].ncols == t->idx[k].ncols
						  ? "duplicates"
						  : "is a left prefix of",
					  b.data);
			adv_buf_release(&a);
			adv_buf_release(&b);
		}
	}
}

/* ---- MySQL table options ---- */

static int transactional_engine(const char *engine)
{
	return adv_pat_ieq(engine, "innodb") || adv_pat_ieq(engine, "ndb") ||
	       adv_pat_ieq(engine, "ndbcluster") ||
	       adv_pat_ieq(engine, "rocksdb") || adv_pat_ieq(engine, "tokudb");
}

static void check_engine(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	const struct adv_ast *o;

	for (n = st->root; n != NULL; n = n->next) {
		if (n->kind == ADV_AST_CREATE_TABLE && names_table(n) &&
		    !(n->flags & ADV_ASTF_TEMPORARY)) {
			for (o = n->options; o != NULL; o = o->next) {
				if (o->kind != ADV_AST_OPTION ||
				    o->value == NULL ||
				    !(name_is(o->name, "engine") ||
				      name_is(o->name, "type")) ||
				    transactional_engine(o->value))
					continue;
				adv_pat_report_table(
					cx, st, loc_of(o, n), n->table->schema,
					n->table->name,
					"table '%s' uses ENGINE=%s",
					table_name(n->table), o->value);
			}
		} else if (n->kind == ADV_AST_ALTER_TABLE && names_table(n)) {
			for (o = n->cmds; o != NULL; o = o->next) {
				if (o->op != ADV_ALTER_ENGINE ||
				    o->value == NULL ||
				    transactional_engine(o->value))
					continue;
				adv_pat_report_table(
					cx, st, loc_of(o, n), n->table->schema,
					n->table->name,
					"ALTER TABLE '%s' switches to ENGINE=%s",
					table_name(n->table), o->value);
			}
		}
	}
}

/* Charsets that hold every Unicode character. */
static int full_unicode(const char *cs, int column)
{
	if (adv_pat_ieq(cs, "utf8mb4") || adv_pat_ieq(cs, "binary") ||
	    adv_pat_ieq(cs, "utf16") || adv_pat_ieq(cs, "utf16le") ||
	    adv_pat_ieq(cs, "utf32"))
		return 1;
	/* an ASCII column for codes and hashes is a deliberate choice */
	return column && adv_pat_ieq(cs, "ascii");
}

/* The charset a collation name belongs to: utf8mb3_bin -> utf8mb3. */
static void collation_charset(const char *collation, char *out, size_t size)
{
	size_t n = strcspn(collation, "_");

	if (n >= size)
		n = size - 1;
	memcpy(out, collation, n);
	out[n] = '\0';
}

static void check_charset(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	const struct adv_ast *c;

	for (n = st->root; n != NULL; n = n->next) {
		const struct adv_ast *cols = NULL;

		if (n->kind == ADV_AST_CREATE_TABLE && names_table(n)) {
			const struct adv_ast *cs = NULL;
			const struct adv_ast *coll = NULL;
			char derived[64];

			for (c = n->options; c != NULL; c = c->next) {
				if (c->kind != ADV_AST_OPTION ||
				    c->value == NULL)
					continue;
				if (name_is(c->name, "charset") ||
				    name_is(c->name, "character set"))
					cs = c;
				else if (name_is(c->name, "collate"))
					coll = c;
			}
			if (cs != NULL && !full_unicode(cs->value, 0)) {
				adv_pat_report_table(
					cx, st, loc_of(cs, n), n->table->schema,
					n->table->name,
					"table '%s' has CHARACTER SET %s",
					table_name(n->table), cs->value);
			} else if (cs == NULL && coll != NULL) {
				collation_charset(coll->value, derived,
						  sizeof(derived));
				if (!full_unicode(derived, 0))
					adv_pat_report_table(
						cx, st, loc_of(coll, n),
						n->table->schema,
						n->table->name,
						"table '%s' has COLLATE %s "
						"(character set %s)",
						table_name(n->table),
						coll->value, derived);
			}
			cols = n->coldefs;
			for (c = cols; c != NULL; c = c->next) {
				if (c->value == NULL ||
				    full_unicode(c->value, 1))
					continue;
				adv_pat_report(cx, st, loc_of(c, n),
					       "column '%s' has CHARACTER SET "
					       "%s",
					       c->name != NULL ? c->name : "?",
					       c->value);
			}
		} else if (n->kind == ADV_AST_ALTER_TABLE && names_table(n)) {
			for (c = n->cmds; c != NULL; c = c->next) {
				const struct adv_ast *d = c->coldef;

				if ((c->op == ADV_ALTER_CHARSET ||
				     c->op == ADV_ALTER_CONVERT_CHARSET) &&
				    c->value != NULL &&
				    !full_unicode(c->value, 0)) {
					adv_pat_report_table(
						cx, st, loc_of(c, n),
						n->table->schema,
						n->table->name,
						"ALTER TABLE '%s' sets "
						"CHARACTER SET %s",
						table_name(n->table), c->value);
				} else if (d != NULL && d->value != NULL &&
					   !full_unicode(d->value, 1)) {
					adv_pat_report(cx, st, loc_of(d, c),
						       "column '%s' has "
						       "CHARACTER SET %s",
						       d->name != NULL ? d->name
								       : "?",
						       d->value);
				}
			}
		}
	}
}

static int zero_date(const struct adv_ast *e)
{
	e = strip_casts(e);
	if (e == NULL || e->kind != ADV_AST_CONST || e->value == NULL)
		return 0;
	if (e->op == ADV_CONST_STRING)
		return strncmp(e->value, "0000-00-00", 10) == 0;
	return e->op == ADV_CONST_INT && strcmp(e->value, "0") == 0;
}

static int date_class(enum adv_type_class cls)
{
	return cls == ADV_TYPE_DATE || cls == ADV_TYPE_DATETIME ||
	       cls == ADV_TYPE_TIMESTAMP || cls == ADV_TYPE_TIMESTAMPTZ;
}

static void zero_date_column(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st,
			     const struct column_decl *d)
{
	if (d->coldef == NULL || !date_class(d->type->cls) ||
	    !zero_date(d->coldef->dflt))
		return;
	adv_pat_report(cx, st, loc_of(d->coldef->dflt, d->coldef),
		       "column '%s' defaults to the zero date", d->column);
}

static void check_zero_date(struct adv_pat_ctx *cx,
			    const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	const struct adv_ast *c;

	each_column(cx, st, zero_date_column);
	for (n = st->root; n != NULL; n = n->next) {
		const struct adv_pat_table *t;

		if (n->kind != ADV_AST_ALTER_TABLE || !names_table(n))
			continue;
		t = adv_pat_find_table(cx, n->table->schema, n->table->name);
		for (c = n->cmds; c != NULL; c = c->next) {
			const struct adv_pat_column *col;
			const struct adv_ast *v = strip_casts(c->dflt);

			if (c->op != ADV_ALTER_SET_DEFAULT || !zero_date(v))
				continue;
			col = t != NULL ? adv_pat_table_column(t, c->name)
					: NULL;
			/* an unknown column: only a zero-date string says
			 * that it is a date */
			if (col != NULL ? !date_class(col->type.cls)
					: v->op != ADV_CONST_STRING)
				continue;
			adv_pat_report(cx, st, loc_of(c->dflt, c),
				       "column '%s' defaults to the zero date",
				       c->name != NULL ? c->name : "?");
		}
	}
}

/* ---- identifier-too-long ---- */

/*
 * PostgreSQL truncates identifiers to 63 bytes while parsing, so the tree
 * never holds a longer name: the length is read from the token that was
 * truncated to it. MySQL (64) and SQL Server (128) count characters.
 */
struct long_names {
	struct adv_pat_ctx *cx;
	const struct adv_pat_stmt *st;
	size_t limit;
	/* tokens and names already reported */
	size_t done[32];
	size_t ndone;
};

static size_t utf8_chars(const char *s, size_t n)
{
	size_t i;
	size_t chars = 0;

	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			chars++;
	}
	return chars;
}

/* The identifier a token spells (unquoted, folded when unquoted). */
static void token_ident(const struct adv_pat_stmt *st,
			const struct adv_sql_token *t, struct adv_buf *out)
{
	const char *s = st->text + t->offset;
	size_t n = t->length;
	size_t i;

	if (t->kind == ADV_TOK_QIDENT && n >= 2) {
		char close = s[n - 1];

		for (i = 1; i + 1 < n; i++) {
			adv_buf_addch(out, s[i]);
			if (s[i] == close && i + 2 < n && s[i + 1] == close)
				i++;
		}
		return;
	}
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		adv_buf_addch(out, c);
	}
}

/* How many bytes of s to quote: at most 32, whole UTF-8 characters. */
static int clip32(const char *s)
{
	size_t n = strlen(s);

	if (n <= 32)
		return (int)n;
	n = 32;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return (int)n;
}

static int long_done(struct long_names *w, size_t key)
{
	size_t i;

	for (i = 0; i < w->ndone; i++) {
		if (w->done[i] == key)
			return 1;
	}
	if (w->ndone < sizeof(w->done) / sizeof(w->done[0]))
		w->done[w->ndone++] = key;
	return 0;
}

static void long_name(struct long_names *w, const char *kind, const char *name,
		      int loc)
{
	const struct adv_pat_stmt *st = w->st;
	size_t n;
	size_t i;

	if (name == NULL)
		return;
	n = strlen(name);
	if (st->dialect != ADV_DIALECT_PG) {
		size_t chars = utf8_chars(name, n);

		if (chars > w->limit && !long_done(w, (size_t)loc + 1 + n))
			adv_pat_report(w->cx, st, loc,
				       "%s name '%.*s...' is %zu characters "
				       "long (limit %zu)",
				       kind, clip32(name), name, chars,
				       w->limit);
		return;
	}
	/* truncation stops at a character boundary: up to 3 bytes short */
	if (n + 3 < w->limit)
		return;
	for (i = 0; i < st->ntoks; i++) {
		const struct adv_sql_token *t = &st->toks[i];
		struct adv_buf id;
		int hit;

		if (t->kind != ADV_TOK_WORD && t->kind != ADV_TOK_QIDENT)
			continue;
		if (t->length <= w->limit)
			continue;
		adv_buf_init(&id);
		token_ident(st, t, &id);
		hit = id.len > w->limit && strncmp(id.data, name, n) == 0;
		if (hit && !long_done(w, t->offset))
			adv_pat_report(w->cx, st, (int)t->offset,
				       "%s name '%.*s...' is %zu bytes long; "
				       "PostgreSQL truncates it to %zu",
				       kind, clip32(id.data), id.data, id.len,
				       w->limit);
		adv_buf_release(&id);
	}
}

static void long_constraints(struct long_names *w, const struct adv_ast *list,
			     const struct adv_ast *fallback)
{
	const struct adv_ast *k;

	for (k = list; k != NULL; k = k->next) {
		if (k->kind == ADV_AST_CREATE_INDEX)
			long_name(w, "index", k->name, loc_of(k, fallback));
		else
			long_name(w, "constraint", k->name,
				  loc_of(k, fallback));
	}
}

static void long_coldef(struct long_names *w, const struct adv_ast *c,
			const struct adv_ast *fallback)
{
	long_name(w, "column", c->name, loc_of(c, fallback));
	long_constraints(w, c->constraints, c);
}

static void check_identifier_length(struct adv_pat_ctx *cx,
				    const struct adv_pat_stmt *st)
{
	struct long_names w;
	const struct adv_ast *n;
	const struct adv_ast *c;

	memset(&w, 0, sizeof(w));
	w.cx = cx;
	w.st = st;
	w.limit = st->dialect == ADV_DIALECT_PG	  ? 63
		  : st->dialect == ADV_DIALECT_MY ? 64
						  : 128;
	for (n = st->root; n != NULL; n = n->next) {
		switch (n->kind) {
		case ADV_AST_CREATE_TABLE:
			if (n->table != NULL)
				long_name(&w, "table", n->table->name,
					  loc_of(n->table, n));
			for (c = n->coldefs; c != NULL; c = c->next)
				long_coldef(&w, c, n);
			long_constraints(&w, n->constraints, n);
			long_constraints(&w, n->indexes, n);
			break;
		case ADV_AST_CREATE_INDEX:
			long_name(&w, "index", n->name, n->loc);
			break;
		case ADV_AST_CREATE_VIEW:
			if (n->table != NULL)
				long_name(&w, "view", n->table->name,
					  loc_of(n->table, n));
			break;
		case ADV_AST_CREATE_OTHER:
			long_name(&w, "object", n->name, n->loc);
			break;
		case ADV_AST_ALTER_TABLE:
			for (c = n->cmds; c != NULL; c = c->next) {
				if (c->coldef != NULL)
					long_coldef(&w, c->coldef, c);
				if (c->constraint != NULL)
					long_constraints(&w, c->constraint, c);
				if (c->op == ADV_ALTER_RENAME_TABLE &&
				    c->table != NULL)
					long_name(&w, "table", c->table->name,
						  loc_of(c->table, c));
				else if (c->op == ADV_ALTER_RENAME_COLUMN)
					long_name(&w, "column", c->alias,
						  loc_of(c, n));
				else if (c->op == ADV_ALTER_RENAME_CONSTRAINT)
					long_name(&w, "constraint", c->alias,
						  loc_of(c, n));
			}
			break;
		default:
			break;
		}
	}
}

/* ---- the table ---- */

const struct adv_pat_rule adv_pat_rules_schema[] = {
	{
		.id = "comma-list-in-column",
		.category = "schema-design",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A list of values kept in one string column: "
			   "FIND_IN_SET(x, col), col LIKE '%,x,%', splitting "
			   "a column at commas, or a *_ids VARCHAR/TEXT "
			   "column.",
		.why = "The database cannot index, join or constrain the "
		       "values inside the string: every search is a full "
		       "scan, and no foreign key keeps the ids valid.",
		.fix = "Store one row per value in a junction table (or an "
		       "array column with a GIN index in PostgreSQL).",
		.example_fire = "SELECT id FROM articles "
				"WHERE tag_ids LIKE '%,42,%';",
		.example_quiet = "SELECT id FROM articles "
				 "WHERE title LIKE '%, Inc%';",
		.check = check_comma_list,
	},
	{
		.id = "table-without-primary-key",
		.category = "schema-design",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "CREATE TABLE with column definitions but neither a "
			   "PRIMARY KEY nor a UNIQUE key on NOT NULL columns "
			   "(none added later in the input either).",
		.why = "Rows cannot be addressed one by one: duplicates creep "
		       "in, logical replication cannot replicate UPDATE and "
		       "DELETE, and InnoDB falls back to a hidden row id.",
		.fix = "Declare a PRIMARY KEY (a natural key or a generated "
		       "bigint identity).",
		.example_fire = "CREATE TABLE audit_log (\n"
				"  happened_at timestamptz NOT NULL,\n"
				"  message text\n"
				");",
		.example_quiet = "CREATE TABLE audit_log (\n"
				 "  id bigint GENERATED ALWAYS AS IDENTITY "
				 "PRIMARY KEY,\n"
				 "  message text\n"
				 ");",
		.check = check_primary_key,
		.finish = finish_primary_key,
	},
	{
		.id = "float-for-exact-values",
		.category = "schema-design",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A FLOAT, REAL or DOUBLE PRECISION column.",
		.why = "Binary floating point cannot represent most decimal "
		       "fractions: amounts and quantities drift (0.1 + 0.2 "
		       "<> 0.3), and equality tests fail.",
		.fix = "Use NUMERIC/DECIMAL with an explicit scale for money "
		       "and counted quantities; keep floats for measurements.",
		.example_fire = "CREATE TABLE invoices (id bigint PRIMARY KEY, "
				"total double precision);",
		.example_quiet = "CREATE TABLE invoices (id bigint PRIMARY "
				 "KEY, total numeric(12, 2));",
		.check = check_float,
	},
	{
		.id = "enum-type",
		.category = "schema-design",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ENUM/SET column types, PostgreSQL CREATE TYPE ... "
			   "AS ENUM, or a CHECK constraint listing the allowed "
			   "values.",
		.why = "The domain's values live in the schema: adding or "
		       "renaming one is a DDL change (MySQL rebuilds the "
		       "table), and the list cannot carry attributes.",
		.fix = "Keep the values in a lookup table and reference it "
		       "with a foreign key.",
		.example_fire = "CREATE TABLE tickets (\n"
				"  id bigint PRIMARY KEY,\n"
				"  status text CHECK (status IN ('open', "
				"'closed'))\n"
				");",
		.example_quiet = "CREATE TABLE tickets (\n"
				 "  id bigint PRIMARY KEY,\n"
				 "  status text CHECK (status <> '')\n"
				 ");",
		.check = check_enum,
	},
	{
		.id = "fixed-char-type",
		.category = "schema-design",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "PostgreSQL: any char(n) column. MySQL and SQL "
			   "Server: CHAR(n) longer than max_length for data "
			   "that is not fixed-length by nature (hashes, "
			   "UUIDs).",
		.why = "char(n) pads every value with blanks: storage grows, "
		       "trailing spaces vanish in comparisons, and in "
		       "PostgreSQL it is never faster than text or varchar.",
		.fix = "Use varchar(n) or text (with a CHECK on the length "
		       "if one is needed).",
		.example_fire = "CREATE TABLE countries (\n"
				"  code char(2) PRIMARY KEY,\n"
				"  name text NOT NULL\n"
				");",
		.example_quiet = "CREATE TABLE countries (\n"
				 "  code text PRIMARY KEY CHECK (length(code) "
				 "= 2),\n"
				 "  name text NOT NULL\n"
				 ");",
		.thresholds = {{"max_length", 10,
				"CHAR length allowed in MySQL and SQL "
				"Server"}},
		.check = check_fixed_char,
	},
	{
		.id = "int-surrogate-key-overflow",
		.category = "schema-design",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "An auto-generated key (serial, smallserial, "
			   "IDENTITY, AUTO_INCREMENT, nextval() default) "
			   "declared as INT, SMALLINT or MEDIUMINT.",
		.why = "A 32-bit key runs out at about 2.1 billion values "
		       "(gaps from rollbacks included); widening it later "
		       "rewrites the table and every referencing one.",
		.fix = "Declare generated keys as BIGINT (bigserial, bigint "
		       "GENERATED ... AS IDENTITY, BIGINT AUTO_INCREMENT).",
		.example_fire = "CREATE TABLE events (\n"
				"  id serial PRIMARY KEY,\n"
				"  payload jsonb\n"
				");",
		.example_quiet = "CREATE TABLE events (\n"
				 "  id bigint GENERATED ALWAYS AS IDENTITY "
				 "PRIMARY KEY,\n"
				 "  payload jsonb\n"
				 ");",
		.check = check_int_surrogate,
	},
	{
		.id = "serial-instead-of-identity",
		.category = "schema-design",
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A serial, bigserial or smallserial column.",
		.why = "serial is a sequence plus a default: the sequence has "
		       "its own owner and grants, survives column changes "
		       "oddly, and explicit inserts can bypass it.",
		.fix = "Use bigint GENERATED ALWAYS (or BY DEFAULT) AS "
		       "IDENTITY (PostgreSQL 10+).",
		.example_fire = "CREATE TABLE events (\n"
				"  id bigserial PRIMARY KEY,\n"
				"  payload jsonb\n"
				");",
		.example_quiet = "CREATE TABLE events (\n"
				 "  id bigint GENERATED BY DEFAULT AS IDENTITY "
				 "PRIMARY KEY,\n"
				 "  payload jsonb\n"
				 ");",
		.check = check_serial,
	},
	{
		.id = "timestamp-without-time-zone",
		.category = "schema-design",
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A timestamp (without time zone) column.",
		.why = "The value does not say which UTC offset it was taken "
		       "in: clients in other time zones and daylight-saving "
		       "changes shift or duplicate instants.",
		.fix = "Use timestamptz; it stores an instant and converts to "
		       "the session's TimeZone on output.",
		.example_fire = "CREATE TABLE sessions (\n"
				"  id bigint PRIMARY KEY,\n"
				"  started_at timestamp NOT NULL\n"
				");",
		.example_quiet = "CREATE TABLE sessions (\n"
				 "  id bigint PRIMARY KEY,\n"
				 "  started_at timestamptz NOT NULL\n"
				 ");",
		.check = check_timestamp,
	},
	{
		.id = "foreign-key-without-index",
		.category = "schema-design",
		.dialects = ADV_PAT_PG | ADV_PAT_MS,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A foreign key whose columns do not lead any index "
			   "of its table (judged at the end of the input, for "
			   "tables created in it).",
		.why = "Deleting or updating a parent row must find the "
		       "child rows: without an index that is a full scan of "
		       "the child table per parent row, holding locks.",
		.fix = "Create an index whose leading columns are the foreign "
		       "key's columns (CONCURRENTLY on a live table).",
		.example_fire = "CREATE TABLE customers (id bigint PRIMARY "
				"KEY);\n"
				"CREATE TABLE orders (\n"
				"  id bigint PRIMARY KEY,\n"
				"  customer_id bigint NOT NULL REFERENCES "
				"customers (id)\n"
				");",
		.example_quiet = "CREATE TABLE customers (id bigint PRIMARY "
				 "KEY);\n"
				 "CREATE TABLE orders (\n"
				 "  id bigint PRIMARY KEY,\n"
				 "  customer_id bigint NOT NULL REFERENCES "
				 "customers (id)\n"
				 ");\n"
				 "CREATE INDEX orders_customer_id_idx ON "
				 "orders (customer_id);",
		.finish = finish_fk_index,
	},
	{
		.id = "too-many-indexes",
		.category = "schema-design",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A table created in the input ends up with more "
			   "than max_indexes indexes (key constraints "
			   "included).",
		.why = "Every index is written on every INSERT and on most "
		       "UPDATEs: write amplification, WAL volume, memory "
		       "pressure, and HOT updates become rare.",
		.fix = "Drop the indexes no query needs and merge the ones "
		       "that share leading columns.",
		.example_fire = "CREATE TABLE t (\n"
				"  id bigint PRIMARY KEY,\n"
				"  a int, b int, c int, d int, e int, f int, "
				"g int, h int, i int, j int\n"
				");\n"
				"CREATE INDEX ON t (a);\n"
				"CREATE INDEX ON t (b);\n"
				"CREATE INDEX ON t (c);\n"
				"CREATE INDEX ON t (d);\n"
				"CREATE INDEX ON t (e);\n"
				"CREATE INDEX ON t (f);\n"
				"CREATE INDEX ON t (g);\n"
				"CREATE INDEX ON t (h);\n"
				"CREATE INDEX ON t (i);\n"
				"CREATE INDEX ON t (j);",
		.example_quiet = "CREATE TABLE t (id bigint PRIMARY KEY, a "
				 "int, b int);\n"
				 "CREATE INDEX ON t (a, b);",
		.thresholds = {{"max_indexes", 10,
				"indexes on one table before it fires"}},
		.finish = finish_too_many_indexes,
	},
	{
		.id = "duplicate-index",
		.category = "schema-design",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "An index with the same key as another index of the "
			   "table, or whose key is a left prefix of another "
			   "B-tree index's key (both non-partial, same "
			   "method).",
		.why = "The other index already serves every lookup this one "
		       "does: it only costs writes, space and cache.",
		.fix = "Drop the redundant index; keep the unique index or "
		       "constraint when one of the two enforces uniqueness.",
		.example_fire = "CREATE TABLE orders (\n"
				"  id bigint PRIMARY KEY,\n"
				"  customer_id bigint NOT NULL,\n"
				"  created_at timestamptz\n"
				");\n"
				"CREATE INDEX orders_cust ON orders "
				"(customer_id);\n"
				"CREATE INDEX orders_cust_created ON orders "
				"(customer_id, created_at);",
		.example_quiet = "CREATE TABLE orders (\n"
				 "  id bigint PRIMARY KEY,\n"
				 "  customer_id bigint NOT NULL,\n"
				 "  created_at timestamptz\n"
				 ");\n"
				 "CREATE INDEX orders_created ON orders "
				 "(created_at);\n"
				 "CREATE INDEX orders_cust_created ON orders "
				 "(customer_id, created_at);",
		.finish = finish_duplicate_index,
	},
	{
		.id = "non-innodb-engine",
		.category = "schema-design",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "CREATE TABLE or ALTER TABLE with an ENGINE that is "
			   "not transactional (MyISAM, MEMORY, Aria, ARCHIVE, "
			   "...); temporary tables are exempt.",
		.why = "Without InnoDB there are no transactions, no crash "
		       "recovery and no row locks: a crash corrupts tables "
		       "and every write locks the whole table.",
		.fix = "Use ENGINE=InnoDB (the default since MySQL 5.5).",
		.example_fire = "CREATE TABLE hits (id BIGINT PRIMARY KEY) "
				"ENGINE=MyISAM;",
		.example_quiet = "CREATE TABLE hits (id BIGINT PRIMARY KEY) "
				 "ENGINE=InnoDB;",
		.check = check_engine,
	},
	{
		.id = "non-utf8mb4-charset",
		.category = "schema-design",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A table or column character set (or a collation "
			   "implying one) other than utf8mb4: utf8/utf8mb3, "
			   "latin1, ...; binary, and ascii columns, are "
			   "exempt.",
		.why = "utf8mb3 and the single-byte charsets cannot store "
		       "4-byte characters (emoji, many CJK characters): "
		       "inserts fail or silently truncate.",
		.fix = "Use CHARACTER SET utf8mb4 (with a utf8mb4_* "
		       "collation); convert existing tables with ALTER TABLE "
		       "... CONVERT TO CHARACTER SET utf8mb4.",
		.example_fire = "CREATE TABLE notes (id BIGINT PRIMARY KEY, "
				"body TEXT)\n"
				"  DEFAULT CHARSET=utf8;",
		.example_quiet = "CREATE TABLE notes (id BIGINT PRIMARY KEY, "
				 "body TEXT)\n"
				 "  DEFAULT CHARSET=utf8mb4;",
		.check = check_charset,
	},
	{
		.id = "zero-date-default",
		.category = "schema-design",
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A DATE, DATETIME or TIMESTAMP column whose default "
			   "is the zero date '0000-00-00' (or 0).",
		.why = "The zero date is rejected under the default sql_mode "
		       "(NO_ZERO_DATE, strict mode): the DDL or later inserts "
		       "fail, and clients map it to errors or nonsense.",
		.fix = "Make the column NULL-able with no default, or give it "
		       "a real default such as CURRENT_TIMESTAMP.",
		.example_fire = "CREATE TABLE logins (\n"
				"  id BIGINT PRIMARY KEY,\n"
				"  at DATETIME NOT NULL DEFAULT '0000-00-00 "
				"00:00:00'\n"
				");",
		.example_quiet = "CREATE TABLE logins (\n"
				 "  id BIGINT PRIMARY KEY,\n"
				 "  at DATETIME NOT NULL DEFAULT "
				 "CURRENT_TIMESTAMP\n"
				 ");",
		.check = check_zero_date,
	},
	{
		.id = "identifier-too-long",
		.category = "schema-design",
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A name being created (table, column, index, "
			   "constraint, view, ...) longer than the dialect's "
			   "limit: PostgreSQL 63 bytes, MySQL 64 characters, "
			   "SQL Server 128 characters.",
		.why = "PostgreSQL silently truncates the name, so two long "
		       "names can collide and later DDL naming the full name "
		       "misses; MySQL and SQL Server reject the statement.",
		.fix = "Choose a shorter name (abbreviate the table part of "
		       "index and constraint names).",
		.example_fire = "CREATE INDEX\n"
				"  "
				"orders_customer_id_created_at_status_shipping_"
				"country_partial_idx\n"
				"  ON orders (customer_id);",
		.example_quiet = "CREATE INDEX orders_customer_created_idx\n"
				 "  ON orders (customer_id, created_at);",
		.check = check_identifier_length,
	},
	{0},
};
