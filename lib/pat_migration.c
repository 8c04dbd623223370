#include "patterns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "banned.h"

/*
 * The migration-safety rules (catalog section 3.7): DDL that takes strong
 * locks for long, rewrites tables, breaks running application versions or
 * cannot be retried.
 *
 * A table created earlier in the same input is empty and unknown to any
 * running application, so the rules about lock duration (index builds,
 * constraint validation, rewrites) stay silent for it; the rules about
 * lost data and renamed objects do not.
 */

/* ---- small helpers ---- */

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

/* The statement names its table (the parsers always should). */
static int names_table(const struct adv_ast *n)
{
	return n->table != NULL && n->table->name != NULL;
}

/* The table the statement acts on was created earlier in the input. */
static const struct adv_pat_table *fresh_table(const struct adv_pat_ctx *cx,
					       const struct adv_ast *table)
{
	if (table == NULL || table->name == NULL)
		return NULL;
	return adv_pat_find_table(cx, table->schema, table->name);
}

/*
 * One subcommand of an ALTER TABLE in the statement, with what the
 * migration rules ask of it: the ALTER, which names its table, and the
 * state of that table when the script created it earlier (a new, empty
 * table is exempt from most of them), else NULL.
 */
struct alter_cmd {
	const struct adv_ast *alter;
	const struct adv_ast *cmd;
	const struct adv_pat_table *fresh;
};

/*
 * Moves *it (zeroed to start) to the next subcommand of the ALTER TABLEs
 * of st, in order; 0 when there is none.
 */
static int next_alter_cmd(const struct adv_pat_ctx *cx,
			  const struct adv_pat_stmt *st, struct alter_cmd *it)
{
	const struct adv_ast *n;

	if (it->cmd != NULL && it->cmd->next != NULL) {
		it->cmd = it->cmd->next;
		return 1;
	}
	for (n = it->alter == NULL ? st->root : it->alter->next; n != NULL;
	     n = n->next) {
		if (n->kind != ADV_AST_ALTER_TABLE || !names_table(n) ||
		    n->cmds == NULL)
			continue;
		it->alter = n;
		it->cmd = n->cmds;
		it->fresh = fresh_table(cx, n->table);
		return 1;
	}
	return 0;
}

/* The table created in the input that has an index of that name. */
static const struct adv_pat_table *index_table(const struct adv_pat_ctx *cx,
					       const struct adv_ast *index)
{
	size_t i;
	size_t j;

	if (index == NULL || index->name == NULL)
		return NULL;
	for (i = 0; i < adv_pat_table_count(cx); i++) {
		const struct adv_pat_table *t = adv_pat_table_at(cx, i);

		if (index->schema != NULL && t->schema != NULL &&
		    strcmp(index->schema, t->schema) != 0)
			continue;
		for (j = 0; j < t->nidx; j++) {
			if (t->idx[j].name != NULL &&
			    strcmp(t->idx[j].name, index->name) == 0)
				return t;
		}
	}
	return NULL;
}

static int ms_temp_name(const struct adv_pat_stmt *st, const char *name)
{
	return st->dialect == ADV_DIALECT_MS && name != NULL && name[0] == '#';
}

/* A word token (case-insensitive) among the statement's code tokens. */
static int tok_is(const struct adv_pat_stmt *st, const struct adv_sql_token *t,
		  const char *word)
{
	size_t n = strlen(word);

	return t->kind == ADV_TOK_WORD && t->length == n &&
	       strncasecmp(st->text + t->offset, word, n) == 0;
}

/* The index of the n-th code token from the end (0 = the last), or -1. */
static long code_tok_from_end(const struct adv_pat_stmt *st, size_t n)
{
	size_t i = st->ntoks;

	while (i > 0) {
		const struct adv_sql_token *t = &st->toks[--i];

		if (t->kind == ADV_TOK_COMMENT || t->kind == ADV_TOK_SPACE ||
		    t->kind == ADV_TOK_HINT)
			continue;
		if (n == 0)
			return (long)i;
		n--;
	}
	return -1;
}

static const struct adv_sql_token *first_code_tok(const struct adv_pat_stmt *st)
{
	size_t i;

	for (i = 0; i < st->ntoks; i++) {
		const struct adv_sql_token *t = &st->toks[i];

		if (t->kind != ADV_TOK_COMMENT && t->kind != ADV_TOK_SPACE &&
		    t->kind != ADV_TOK_HINT)
			return t;
	}
	return NULL;
}

/* ---- state the rules keep between statements ---- */

/*
 * A CHECK (col IS NOT NULL) constraint added in the input, for
 * pg-set-not-null: silent once such a constraint was validated.
 */
struct notnull_check {
	char *schema;
	char *table;
	char *constraint; /* may be NULL */
	char *column;
	int validated;
};

/* What pg-set-not-null and migration-missing-timeouts remember in a run
 * (adv_pat_rule_memory). */
struct memo {
	struct notnull_check *checks;
	size_t nchecks;
	size_t alloc;
	/* migration-missing-timeouts reported since lock_timeout was last
	 * seen set */
	int timeout_reported;
};

static const char memo_key;

static void memo_release(void *mem)
{
	struct memo *m = mem;
	size_t i;

	for (i = 0; i < m->nchecks; i++) {
		free(m->checks[i].schema);
		free(m->checks[i].table);
		free(m->checks[i].constraint);
		free(m->checks[i].column);
	}
	free(m->checks);
}

static struct memo *memo_of(struct adv_pat_ctx *cx)
{
	return adv_pat_rule_memory(cx, &memo_key, sizeof(struct memo),
				   memo_release);
}

static void memo_add_check(struct memo *m, const struct adv_ast *table,
			   const char *constraint, const char *column,
			   int validated)
{
	struct notnull_check *c;

	ADV_ALLOC_GROW(m->checks, m->nchecks + 1, m->alloc);
	c = &m->checks[m->nchecks++];
	c->schema = adv_xstrdup_or_null(table->schema);
	c->table = adv_xstrdup(table->name);
	c->constraint = adv_xstrdup_or_null(constraint);
	c->column = adv_xstrdup(column);
	c->validated = validated;
}

static int memo_same_table(const struct notnull_check *c,
			   const struct adv_ast *table)
{
	if (table == NULL || table->name == NULL ||
	    strcmp(c->table, table->name) != 0)
		return 0;
	return c->schema == NULL || table->schema == NULL ||
	       strcmp(c->schema, table->schema) == 0;
}

static void memo_validate(struct memo *m, const struct adv_ast *table,
			  const char *constraint)
{
	size_t i;

	for (i = 0; i < m->nchecks; i++) {
		struct notnull_check *c = &m->checks[i];

		if (memo_same_table(c, table) && c->constraint != NULL &&
		    constraint != NULL &&
		    strcmp(c->constraint, constraint) == 0)
			c->validated = 1;
	}
}

static void memo_drop_constraint(struct memo *m, const struct adv_ast *table,
				 const char *constraint)
{
	size_t i;

	for (i = 0; i < m->nchecks; i++) {
		struct notnull_check *c = &m->checks[i];

		if (memo_same_table(c, table) && c->constraint != NULL &&
		    constraint != NULL &&
		    strcmp(c->constraint, constraint) == 0)
			c->validated = 0;
	}
}

static int memo_validated(const struct memo *m, const struct adv_ast *table,
			  const char *column)
{
	size_t i;

	for (i = 0; i < m->nchecks; i++) {
		const struct notnull_check *c = &m->checks[i];

		if (c->validated && memo_same_table(c, table) &&
		    column != NULL && strcmp(c->column, column) == 0)
			return 1;
	}
	return 0;
}

/* ---- alter-charset-not-converting ---- */

static void check_alter_charset(struct adv_pat_ctx *cx,
				const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	const struct adv_ast *c;

	for (n = st->root; n != NULL; n = n->next) {
		const struct adv_ast *set = NULL;
		int converts = 0;

		if (n->kind != ADV_AST_ALTER_TABLE || !names_table(n))
			continue;
		for (c = n->cmds; c != NULL; c = c->next) {
			if (c->op == ADV_ALTER_CHARSET && set == NULL)
				set = c;
			else if (c->op == ADV_ALTER_CONVERT_CHARSET)
				converts = 1;
		}
		if (set == NULL || converts)
			continue;
		adv_pat_report_table(
			cx, st, loc_of(set, n), n->table->schema,
			n->table->name,
			"ALTER TABLE '%s' CHARACTER SET %s changes "
			"only the default for new columns",
			table_name(n->table),
			set->value != NULL ? set->value : "");
	}
}

/* ---- CONCURRENTLY ---- */

static void check_create_index(struct adv_pat_ctx *cx,
			       const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;

	for (n = st->root; n != NULL; n = n->next) {
		if (n->kind != ADV_AST_CREATE_INDEX ||
		    (n->flags & (ADV_ASTF_CONCURRENTLY | ADV_ASTF_ONLY)) ||
		    n->table == NULL || fresh_table(cx, n->table) != NULL)
			continue;
		adv_pat_report_table(
			cx, st, n->loc, n->table->schema, n->table->name,
			"CREATE %sINDEX%s%s%s on '%s' without "
			"CONCURRENTLY blocks writes to the table "
			"while it builds",
			(n->flags & ADV_ASTF_UNIQUE) ? "UNIQUE " : "",
			n->name != NULL ? " '" : "",
			n->name != NULL ? n->name : "",
			n->name != NULL ? "'" : "", table_name(n->table));
	}
}

static void check_drop_index(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	const struct adv_ast *a;

	for (n = st->root; n != NULL; n = n->next) {
		if (n->kind != ADV_AST_DROP || n->op != ADV_OBJ_INDEX ||
		    (n->flags & ADV_ASTF_CONCURRENTLY))
			continue;
		for (a = n->args; a != NULL; a = a->next) {
			if (index_table(cx, a) == NULL)
				break;
		}
		if (a == NULL)
			continue;
		adv_pat_report(cx, st, loc_of(a, n),
			       "DROP INDEX '%s' without CONCURRENTLY takes an "
			       "ACCESS EXCLUSIVE lock on its table",
			       a->name != NULL ? a->name : "");
	}
}

static void check_reindex(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;

	for (n = st->root; n != NULL; n = n->next) {
		const struct adv_ast *obj;

		if (n->kind != ADV_AST_REINDEX ||
		    (n->flags & ADV_ASTF_CONCURRENTLY) ||
		    n->op == ADV_OBJ_SYSTEM)
			continue;
		obj = n->args;
		if (n->op == ADV_OBJ_TABLE && fresh_table(cx, obj) != NULL)
			continue;
		if (n->op == ADV_OBJ_INDEX && index_table(cx, obj) != NULL)
			continue;
		adv_pat_report(
			cx, st, n->loc,
			"REINDEX%s%s%s without CONCURRENTLY blocks writes "
			"while it rebuilds",
			obj != NULL && obj->name != NULL ? " '" : "",
			obj != NULL && obj->name != NULL ? obj->name : "",
			obj != NULL && obj->name != NULL ? "'" : "");
	}
}

/* REFRESH ... WITH NO DATA empties the view; it cannot be concurrent. */
static int refresh_no_data(const struct adv_pat_stmt *st)
{
	long last = code_tok_from_end(st, 0);
	long before = code_tok_from_end(st, 1);

	return last >= 0 && before >= 0 &&
	       tok_is(st, &st->toks[last], "data") &&
	       tok_is(st, &st->toks[before], "no");
}

static void check_refresh(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;

	for (n = st->root; n != NULL; n = n->next) {
		if (n->kind != ADV_AST_REFRESH ||
		    (n->flags & ADV_ASTF_CONCURRENTLY) || refresh_no_data(st))
			continue;
		adv_pat_report(cx, st, n->loc,
			       "REFRESH MATERIALIZED VIEW '%s' without "
			       "CONCURRENTLY blocks every reader of the view",
			       table_name(n->table));
	}
}

static void check_concurrent_in_txn(struct adv_pat_ctx *cx,
				    const struct adv_pat_stmt *st)
{
	const struct adv_pat_place *begin;
	const struct adv_ast *n;
	const struct adv_ast *c;

	if (adv_pat_txn_depth(cx) <= 0)
		return;
	begin = adv_pat_txn_place(cx);
	for (n = st->root; n != NULL; n = n->next) {
		const char *what = NULL;
		int loc = n->loc;

		if (!(n->flags & ADV_ASTF_CONCURRENTLY) &&
		    n->kind != ADV_AST_ALTER_TABLE)
			continue;
		if (n->kind == ADV_AST_CREATE_INDEX)
			what = "CREATE INDEX CONCURRENTLY";
		else if (n->kind == ADV_AST_DROP && n->op == ADV_OBJ_INDEX)
			what = "DROP INDEX CONCURRENTLY";
		else if (n->kind == ADV_AST_REINDEX)
			what = "REINDEX CONCURRENTLY";
		for (c = n->kind == ADV_AST_ALTER_TABLE ? n->cmds : NULL;
		     c != NULL; c = c->next) {
			if (c->op == ADV_ALTER_DETACH_PARTITION &&
			    (c->flags & ADV_ASTF_CONCURRENTLY)) {
				what = "DETACH PARTITION CONCURRENTLY";
				loc = loc_of(c, n);
			}
		}
		if (what == NULL)
			continue;
		if (begin != NULL)
			adv_pat_report(cx, st, loc,
				       "%s inside the transaction opened at "
				       "line %u fails",
				       what, begin->line);
		else
			adv_pat_report(cx, st, loc,
				       "%s inside a transaction block fails",
				       what);
	}
}

/* ---- ADD COLUMN ---- */

/* Functions whose value changes per row: a default over them is
 * evaluated for every existing row, rewriting the table. */
static int volatile_function(const char *name)
{
	/* VOLATILE in pg_proc; now() and friends are STABLE */
	static const char *const names[] = {
		"random",	    "random_normal",	"gen_random_uuid",
		"gen_random_bytes", "uuid_generate_v1", "uuid_generate_v1mc",
		"uuid_generate_v4", "uuid_generate_v7", "uuidv4",
		"uuidv7",	    "clock_timestamp",	"timeofday",
		"nextval"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (name != NULL && strcmp(name, names[i]) == 0)
			return 1;
	}
	return 0;
}

static int volatile_visit(const struct adv_ast *node,
			  const struct adv_ast_path *path, void *data)
{
	const struct adv_ast **hit = data;

	(void)path;
	if (node->kind == ADV_AST_FUNC && volatile_function(node->name)) {
		*hit = node;
		return -1;
	}
	return 0;
}

static int serial_type(enum adv_type_class cls)
{
	return cls == ADV_TYPE_SERIAL || cls == ADV_TYPE_SMALLSERIAL ||
	       cls == ADV_TYPE_BIGSERIAL;
}

static void check_volatile_default(struct adv_pat_ctx *cx,
				   const struct adv_pat_stmt *st)
{
	struct alter_cmd a = {0};

	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;
		const struct adv_ast *d = a.cmd->coldef;
		const struct adv_ast *hit = NULL;
		const char *col;

		if (a.fresh != NULL || a.cmd->op != ADV_ALTER_ADD_COLUMN ||
		    d == NULL)
			continue;
		col = d->name != NULL ? d->name : "?";
		if (d->dflt != NULL)
			adv_ast_walk(d->dflt, 0, volatile_visit, &hit);
		if (hit != NULL)
			adv_pat_report_table(
				cx, st, loc_of(hit, d), tbl->schema, tbl->name,
				"ADD COLUMN '%s' with default %s() "
				"rewrites every row of '%s'",
				col, hit->name, table_name(tbl));
		else if (serial_type(d->type.cls) ||
			 (d->flags2 & ADV_AST2_AUTO_INCREMENT))
			adv_pat_report_table(cx, st, loc_of(d, a.cmd),
					     tbl->schema, tbl->name,
					     "ADD COLUMN '%s' numbered from a "
					     "sequence rewrites every row of "
					     "'%s'",
					     col, table_name(tbl));
		else if (d->flags2 & ADV_AST2_GENERATED)
			adv_pat_report_table(
				cx, st, loc_of(d, a.cmd), tbl->schema,
				tbl->name,
				"ADD COLUMN '%s' GENERATED ... "
				"STORED rewrites every row of '%s'",
				col, table_name(tbl));
	}
}

static void check_not_null_no_default(struct adv_pat_ctx *cx,
				      const struct adv_pat_stmt *st)
{
	struct alter_cmd a = {0};

	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;
		const struct adv_ast *d = a.cmd->coldef;

		if (a.fresh != NULL || a.cmd->op != ADV_ALTER_ADD_COLUMN ||
		    d == NULL || d->dflt != NULL || serial_type(d->type.cls) ||
		    (d->flags2 &
		     (ADV_AST2_GENERATED | ADV_AST2_AUTO_INCREMENT)))
			continue;
		if (!(d->flags2 & (ADV_AST2_NOT_NULL | ADV_AST2_PRIMARY_KEY)))
			continue;
		adv_pat_report_table(
			cx, st, loc_of(d, a.cmd), tbl->schema, tbl->name,
			"ADD COLUMN '%s' NOT NULL without a "
			"DEFAULT fails when '%s' has rows",
			d->name != NULL ? d->name : "?", table_name(tbl));
	}
}

/* ---- NOT NULL ---- */

static void remember_not_null_checks(struct memo *m,
				     const struct adv_ast *table,
				     const struct adv_ast *k, int validated)
{
	const struct adv_ast *e = k->args;
	const struct adv_ast *a;

	if (e == NULL)
		return;
	if (e->kind == ADV_AST_AND)
		a = e->args;
	else
		a = e;
	for (; a != NULL; a = e->kind == ADV_AST_AND ? a->next : NULL) {
		if (a->kind == ADV_AST_NULLTEST &&
		    (a->flags & ADV_ASTF_NEGATED) && a->args != NULL &&
		    a->args->kind == ADV_AST_COLUMN && a->args->name != NULL)
			memo_add_check(m, table, k->name, a->args->name,
				       validated);
	}
}

static void check_set_not_null(struct adv_pat_ctx *cx,
			       const struct adv_pat_stmt *st)
{
	struct memo *m = memo_of(cx);
	struct alter_cmd a = {0};

	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;
		const struct adv_ast *c = a.cmd;
		const struct adv_ast *k = c->constraint;

		if (c->op == ADV_ALTER_ADD_CONSTRAINT && k != NULL &&
		    k->kind == ADV_AST_CONSTRAINT && k->op == ADV_CONS_CHECK)
			remember_not_null_checks(
				m, tbl, k, !(k->flags2 & ADV_AST2_NOT_VALID));
		else if (c->op == ADV_ALTER_VALIDATE_CONSTRAINT)
			memo_validate(m, tbl, c->name);
		else if (c->op == ADV_ALTER_DROP_CONSTRAINT)
			memo_drop_constraint(m, tbl, c->name);
		else if (c->op == ADV_ALTER_SET_NOT_NULL && a.fresh == NULL &&
			 !memo_validated(m, tbl, c->name))
			adv_pat_report_table(
				cx, st, loc_of(c, a.alter), tbl->schema,
				tbl->name,
				"SET NOT NULL on '%s.%s' scans the "
				"table under an ACCESS EXCLUSIVE "
				"lock",
				table_name(tbl),
				c->name != NULL ? c->name : "?");
	}
}

/* ---- ADD CONSTRAINT on a table with rows ---- */

enum add_kind { ADD_FK, ADD_CHECK, ADD_UNIQUE, ADD_PK };

/* The subcommand adds a constraint of that kind in the slow way. */
static int adds_slowly(const struct adv_ast *cmd, enum add_kind kind)
{
	const struct adv_ast *k = cmd->constraint;
	const struct adv_ast *d = cmd->coldef;
	const struct adv_ast *ck;

	if (cmd->op == ADV_ALTER_ADD_CONSTRAINT && k != NULL &&
	    k->kind == ADV_AST_CONSTRAINT) {
		switch (kind) {
		case ADD_FK:
			return k->op == ADV_CONS_FOREIGN &&
			       !(k->flags2 & ADV_AST2_NOT_VALID);
		case ADD_CHECK:
			return k->op == ADV_CONS_CHECK &&
			       !(k->flags2 & ADV_AST2_NOT_VALID);
		case ADD_UNIQUE:
			return k->op == ADV_CONS_UNIQUE && k->value == NULL;
		case ADD_PK:
			return k->op == ADV_CONS_PRIMARY && k->value == NULL;
		}
		return 0;
	}
	if (cmd->op != ADV_ALTER_ADD_COLUMN || d == NULL)
		return 0;
	/* inline constraints of the new column */
	if (kind == ADD_UNIQUE && (d->flags & ADV_ASTF_UNIQUE))
		return 1;
	if (kind == ADD_PK && (d->flags2 & ADV_AST2_PRIMARY_KEY))
		return 1;
	for (ck = d->constraints; ck != NULL; ck = ck->next) {
		if (ck->kind != ADV_AST_CONSTRAINT)
			continue;
		if ((kind == ADD_FK && ck->op == ADV_CONS_FOREIGN) ||
		    (kind == ADD_UNIQUE && ck->op == ADV_CONS_UNIQUE) ||
		    (kind == ADD_PK && ck->op == ADV_CONS_PRIMARY))
			return 1;
	}
	return 0;
}

static void check_add_constraint(struct adv_pat_ctx *cx,
				 const struct adv_pat_stmt *st,
				 enum add_kind kind)
{
	static const char *const word[] = {
		[ADD_FK] = "FOREIGN KEY",
		[ADD_CHECK] = "CHECK",
		[ADD_UNIQUE] = "UNIQUE",
		[ADD_PK] = "PRIMARY KEY",
	};
	static const char *const what[] = {
		[ADD_FK] = "checks every row while blocking writes to both "
			   "tables",
		[ADD_CHECK] = "scans every row under an ACCESS EXCLUSIVE lock",
		[ADD_UNIQUE] = "builds its index under an ACCESS EXCLUSIVE "
			       "lock",
		[ADD_PK] = "builds its index under an ACCESS EXCLUSIVE lock",
	};
	struct alter_cmd a = {0};

	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;
		const struct adv_ast *c = a.cmd;
		const struct adv_ast *k = c->constraint;
		const char *name = table_name(tbl);

		if (a.fresh != NULL || !adds_slowly(c, kind))
			continue;
		if (c->op == ADV_ALTER_ADD_COLUMN)
			adv_pat_report_table(
				cx, st, loc_of(c->coldef, c), tbl->schema,
				tbl->name, "ADD COLUMN '%s' %s on '%s' %s",
				c->coldef->name != NULL ? c->coldef->name : "?",
				kind == ADD_FK ? "REFERENCES" : word[kind],
				name, what[kind]);
		else if (k->name != NULL)
			adv_pat_report_table(
				cx, st, loc_of(k, c), tbl->schema, tbl->name,
				"ADD CONSTRAINT '%s' %s on '%s'%s %s", k->name,
				word[kind], name,
				kind <= ADD_CHECK ? " without NOT VALID" : "",
				what[kind]);
		else
			adv_pat_report_table(
				cx, st, loc_of(k, c), tbl->schema, tbl->name,
				"ADD %s on '%s'%s %s", word[kind], name,
				kind <= ADD_CHECK ? " without NOT VALID" : "",
				what[kind]);
	}
}

static void check_add_fk(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	check_add_constraint(cx, st, ADD_FK);
}

static void check_add_check(struct adv_pat_ctx *cx,
			    const struct adv_pat_stmt *st)
{
	check_add_constraint(cx, st, ADD_CHECK);
}

static void check_add_unique(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st)
{
	check_add_constraint(cx, st, ADD_UNIQUE);
}

static void check_add_pk(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	check_add_constraint(cx, st, ADD_PK);
}

/* ---- alter-column-type ---- */

static void type_label(const struct adv_ast_type *t, char *out, size_t size)
{
	const char *name = t->name != NULL ? t->name : "?";
	const char *arr = t->array ? "[]" : "";

	if (t->len >= 0)
		snprintf(out, size, "%s(%d)%s", name, t->len, arr);
	else if (t->len == -2)
		snprintf(out, size, "%s(max)%s", name, arr);
	else
		snprintf(out, size, "%s%s", name, arr);
}

static int same_type(const struct adv_ast_type *a, const struct adv_ast_type *b)
{
	if (a->cls != b->cls || a->len != b->len || a->array != b->array)
		return 0;
	if (a->name == NULL || b->name == NULL)
		return a->cls != ADV_TYPE_OTHER;
	return adv_pat_ieq(a->name, b->name);
}

/* A change that needs neither a rewrite nor a scan. */
static int cheap_type_change(enum adv_sql_dialect dialect,
			     const struct adv_ast_type *old,
			     const struct adv_ast_type *to_type)
{
	if (old != NULL && same_type(old, to_type))
		return 1;
	if (to_type->array || (old != NULL && old->array))
		return 0;
	if (dialect == ADV_DIALECT_PG) {
		int from_string = old == NULL || old->cls == ADV_TYPE_VARCHAR ||
				  old->cls == ADV_TYPE_TEXT;

		/* binary coercible: varchar(n) -> text / varchar */
		if (from_string &&
		    (to_type->cls == ADV_TYPE_TEXT ||
		     (to_type->cls == ADV_TYPE_VARCHAR && to_type->len == -1)))
			return 1;
		return old != NULL && old->cls == ADV_TYPE_VARCHAR &&
		       to_type->cls == ADV_TYPE_VARCHAR && old->len > 0 &&
		       to_type->len >= old->len;
	}
	if (dialect == ADV_DIALECT_MS) {
		/* widening a variable-length column is metadata only */
		return old != NULL && old->cls == to_type->cls &&
		       (to_type->cls == ADV_TYPE_VARCHAR ||
			to_type->cls == ADV_TYPE_BINARY) &&
		       old->name != NULL && to_type->name != NULL &&
		       adv_pat_ieq(old->name, to_type->name) && old->len > 0 &&
		       to_type->len >= old->len;
	}
	return 0;
}

static void check_column_type(struct adv_pat_ctx *cx,
			      const struct adv_pat_stmt *st)
{
	struct alter_cmd a = {0};

	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;
		const struct adv_ast *c = a.cmd;
		const struct adv_ast_type *to_type;
		const struct adv_pat_column *col = NULL;
		const char *name = c->name;
		char from[96];
		char to[96];

		if (c->op != ADV_ALTER_COLUMN_TYPE)
			continue;
		to_type = c->coldef != NULL ? &c->coldef->type : &c->type;
		if (name == NULL && c->coldef != NULL)
			name = c->coldef->name;
		if (to_type->name == NULL && to_type->cls == ADV_TYPE_OTHER)
			continue;
		if (a.fresh != NULL && name != NULL)
			col = adv_pat_table_column(a.fresh, name);
		if (cheap_type_change(st->dialect,
				      col != NULL ? &col->type : NULL, to_type))
			continue;
		type_label(to_type, to, sizeof(to));
		if (col != NULL) {
			type_label(&col->type, from, sizeof(from));
			adv_pat_report_table(
				cx, st, loc_of(c, a.alter), tbl->schema,
				tbl->name,
				"column '%s.%s' changes type from %s to %s",
				table_name(tbl), name, from, to);
		} else {
			adv_pat_report_table(
				cx, st, loc_of(c, a.alter), tbl->schema,
				tbl->name, "column '%s.%s' changes type to %s",
				table_name(tbl), name != NULL ? name : "?", to);
		}
	}
}

/* ---- renames and drops ---- */

/* T-SQL EXEC sp_rename 'old', 'new' [, 'COLUMN' | 'OBJECT' | ...]. */
static const char *sp_rename_kind(const struct adv_ast *n)
{
	const struct adv_ast *a;
	size_t i = 0;

	if (n->kind != ADV_AST_CALL || n->name == NULL ||
	    !adv_pat_ieq(n->name, "sp_rename"))
		return NULL;
	for (a = n->args; a != NULL; a = a->next, i++) {
		if (i == 2)
			return a->kind == ADV_AST_CONST && a->value != NULL
				       ? a->value
				       : "";
	}
	return i == 2 ? "object" : NULL;
}

static int column_renamed_by_change(const struct adv_ast *cmd)
{
	return cmd->op == ADV_ALTER_COLUMN_TYPE && cmd->coldef != NULL &&
	       cmd->name != NULL && cmd->coldef->name != NULL &&
	       !adv_pat_ieq(cmd->name, cmd->coldef->name);
}

static void check_rename_column(struct adv_pat_ctx *cx,
				const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	struct alter_cmd a = {0};

	for (n = st->root; n != NULL; n = n->next) {
		const char *kind = sp_rename_kind(n);

		if (kind != NULL && adv_pat_ieq(kind, "column"))
			adv_pat_report(cx, st, n->loc,
				       "sp_rename renames column '%s'",
				       n->args != NULL && n->args->value != NULL
					       ? n->args->value
					       : "?");
	}
	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;
		const struct adv_ast *c = a.cmd;

		if (c->op == ADV_ALTER_RENAME_COLUMN)
			adv_pat_report_table(
				cx, st, loc_of(c, a.alter), tbl->schema,
				tbl->name, "column '%s.%s' is renamed to '%s'",
				table_name(tbl),
				c->name != NULL ? c->name : "?",
				c->alias != NULL ? c->alias : "?");
		else if (column_renamed_by_change(c))
			adv_pat_report_table(
				cx, st, loc_of(c, a.alter), tbl->schema,
				tbl->name,
				"CHANGE renames column '%s.%s' to '%s'",
				table_name(tbl), c->name, c->coldef->name);
	}
}

static void check_rename_table(struct adv_pat_ctx *cx,
			       const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	struct alter_cmd a = {0};

	for (n = st->root; n != NULL; n = n->next) {
		const char *kind = sp_rename_kind(n);

		if (kind != NULL && adv_pat_ieq(kind, "object"))
			adv_pat_report(cx, st, n->loc, "sp_rename renames '%s'",
				       n->args != NULL && n->args->value != NULL
					       ? n->args->value
					       : "an object");
	}
	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;

		if (a.cmd->op != ADV_ALTER_RENAME_TABLE)
			continue;
		adv_pat_report_table(cx, st, loc_of(a.cmd, a.alter),
				     tbl->schema, tbl->name,
				     "table '%s' is renamed to '%s'",
				     table_name(tbl), table_name(a.cmd->table));
	}
}

static void check_drop_column(struct adv_pat_ctx *cx,
			      const struct adv_pat_stmt *st)
{
	struct alter_cmd a = {0};

	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;

		if (a.cmd->op != ADV_ALTER_DROP_COLUMN)
			continue;
		adv_pat_report_table(
			cx, st, loc_of(a.cmd, a.alter), tbl->schema, tbl->name,
			"column '%s.%s' is dropped", table_name(tbl),
			a.cmd->name != NULL ? a.cmd->name : "?");
	}
}

static void check_drop_table(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	const struct adv_ast *a;

	for (n = st->root; n != NULL; n = n->next) {
		if (n->kind != ADV_AST_DROP || n->op != ADV_OBJ_TABLE ||
		    (n->flags & ADV_ASTF_TEMPORARY))
			continue;
		for (a = n->args; a != NULL; a = a->next) {
			const struct adv_pat_table *t = fresh_table(cx, a);

			if ((a->flags & ADV_ASTF_TEMPORARY) ||
			    ms_temp_name(st, a->name) ||
			    (t != NULL && t->temporary))
				continue;
			adv_pat_report_table(cx, st, loc_of(a, n), a->schema,
					     a->name, "DROP TABLE '%s%s%s'",
					     a->schema != NULL ? a->schema : "",
					     a->schema != NULL ? "." : "",
					     table_name(a));
		}
	}
}

static void check_drop_database(struct adv_pat_ctx *cx,
				const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;

	for (n = st->root; n != NULL; n = n->next) {
		const char *name;

		if (n->kind != ADV_AST_DROP)
			continue;
		name = n->args != NULL && n->args->name != NULL ? n->args->name
								: "?";
		/* MySQL's SCHEMA is a DATABASE */
		if (n->op == ADV_OBJ_DATABASE ||
		    (n->op == ADV_OBJ_SCHEMA && st->dialect == ADV_DIALECT_MY))
			adv_pat_report(cx, st, n->loc, "DROP DATABASE '%s'",
				       name);
		else if (n->op == ADV_OBJ_SCHEMA &&
			 (n->flags & ADV_ASTF_CASCADE))
			adv_pat_report(cx, st, n->loc,
				       "DROP SCHEMA '%s' CASCADE drops every "
				       "object in it",
				       name);
	}
}

static void check_drop_not_null(struct adv_pat_ctx *cx,
				const struct adv_pat_stmt *st)
{
	struct alter_cmd a = {0};

	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;
		const struct adv_ast *c = a.cmd;
		const struct adv_ast *d = c->coldef;
		const struct adv_pat_column *col;

		if (c->op == ADV_ALTER_DROP_NOT_NULL) {
			adv_pat_report_table(cx, st, loc_of(c, a.alter),
					     tbl->schema, tbl->name,
					     "column '%s.%s' becomes nullable",
					     table_name(tbl),
					     c->name != NULL ? c->name : "?");
			continue;
		}
		/*
		 * MySQL MODIFY/CHANGE and T-SQL ALTER COLUMN restate the
		 * whole column: leaving out NOT NULL drops it.
		 */
		if (c->op != ADV_ALTER_COLUMN_TYPE || d == NULL ||
		    a.fresh == NULL || st->dialect == ADV_DIALECT_PG)
			continue;
		col = adv_pat_table_column(a.fresh,
					   c->name != NULL ? c->name : d->name);
		if (col == NULL || !col->not_null ||
		    (d->flags2 & (ADV_AST2_NOT_NULL | ADV_AST2_PRIMARY_KEY)))
			continue;
		adv_pat_report_table(cx, st, loc_of(d, c), tbl->schema,
				     tbl->name,
				     "column '%s.%s' was NOT NULL and is "
				     "restated without it",
				     table_name(tbl), col->name);
	}
}

/*
 * What a constraint name says by convention: 1 a primary key (*_pkey,
 * *_pk, pk_*, T-SQL's PK__*), 2 a foreign key (*_fkey, *_fk, fk_*), else 0.
 */
static int key_constraint_name(const char *name)
{
	size_t n;

	if (name == NULL)
		return 0;
	n = strlen(name);
	if (strncasecmp(name, "pk_", 3) == 0 ||
	    (n > 5 && adv_pat_ieq(name + n - 5, "_pkey")) ||
	    (n > 3 && adv_pat_ieq(name + n - 3, "_pk")))
		return 1;
	if (strncasecmp(name, "fk_", 3) == 0 ||
	    (n > 5 && adv_pat_ieq(name + n - 5, "_fkey")) ||
	    (n > 3 && adv_pat_ieq(name + n - 3, "_fk")))
		return 2;
	return 0;
}

/*
 * What the state says a constraint of a table created in the input is:
 * 1 its primary key, 2 a foreign key, 0 another constraint, -1 unknown.
 */
static int state_constraint_kind(const struct adv_pat_table *t,
				 const char *name)
{
	size_t i;

	if (t == NULL || name == NULL)
		return -1;
	for (i = 0; i < t->nidx; i++) {
		if (t->idx[i].name != NULL && strcmp(t->idx[i].name, name) == 0)
			return t->idx[i].primary ? 1 : 0;
	}
	for (i = 0; i < t->nfk; i++) {
		if (t->fks[i].name != NULL && strcmp(t->fks[i].name, name) == 0)
			return 2;
	}
	for (i = 0; i < t->nchecks; i++) {
		if (t->checks[i].name != NULL &&
		    strcmp(t->checks[i].name, name) == 0)
			return 0;
	}
	return -1;
}

static void check_drop_key(struct adv_pat_ctx *cx,
			   const struct adv_pat_stmt *st)
{
	struct alter_cmd a = {0};

	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *tbl = a.alter->table;
		const struct adv_ast *c = a.cmd;
		int kind;

		if (c->op == ADV_ALTER_DROP_PRIMARY_KEY) {
			kind = 1;
		} else if (c->op == ADV_ALTER_DROP_FOREIGN_KEY) {
			kind = 2;
		} else if (c->op == ADV_ALTER_DROP_CONSTRAINT) {
			kind = state_constraint_kind(a.fresh, c->name);
			if (kind < 0)
				kind = key_constraint_name(c->name);
		} else {
			continue;
		}
		if (kind == 0)
			continue;
		adv_pat_report_table(cx, st, loc_of(c, a.alter), tbl->schema,
				     tbl->name, "%s%s%s%s of '%s' is dropped",
				     kind == 1 ? "primary key" : "foreign key",
				     c->name != NULL ? " '" : "",
				     c->name != NULL ? c->name : "",
				     c->name != NULL ? "'" : "",
				     table_name(tbl));
	}
}

/* ---- table rewrites and partitions ---- */

static void check_vacuum_full(struct adv_pat_ctx *cx,
			      const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;

	for (n = st->root; n != NULL; n = n->next) {
		if (n->kind == ADV_AST_VACUUM && (n->flags & ADV_ASTF_FULL) &&
		    !(n->flags & ADV_ASTF_ANALYZE_ONLY))
			adv_pat_report(cx, st, n->loc,
				       "VACUUM FULL%s%s%s rewrites under an "
				       "ACCESS EXCLUSIVE lock",
				       n->args != NULL ? " '" : "",
				       n->args != NULL ? table_name(n->args)
						       : "",
				       n->args != NULL ? "'" : "");
		else if (n->kind == ADV_AST_CLUSTER)
			adv_pat_report(cx, st, n->loc,
				       "CLUSTER%s%s%s rewrites under an ACCESS "
				       "EXCLUSIVE lock",
				       n->table != NULL ? " '" : "",
				       n->table != NULL ? table_name(n->table)
							: "",
				       n->table != NULL ? "'" : "");
	}
}

static void check_detach(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st)
{
	struct alter_cmd a = {0};

	while (next_alter_cmd(cx, st, &a)) {
		const struct adv_ast *c = a.cmd;

		if (a.fresh != NULL || c->op != ADV_ALTER_DETACH_PARTITION ||
		    (c->flags & ADV_ASTF_CONCURRENTLY))
			continue;
		adv_pat_report_table(
			cx, st, loc_of(c, a.alter), a.alter->table->schema,
			a.alter->table->name,
			"DETACH PARTITION '%s' without "
			"CONCURRENTLY locks '%s' ACCESS "
			"EXCLUSIVE",
			table_name(c->table), table_name(a.alter->table));
	}
}

/* ---- migration-missing-timeouts ---- */

/*
 * What in the statement queues for a strong lock on an existing object:
 * the statement's words, or NULL; *obj names the object when one is known.
 */
static const char *lock_taker(const struct adv_pat_ctx *cx,
			      const struct adv_ast *n,
			      const struct adv_ast **obj)
{
	const struct adv_ast *a;

	*obj = n->table;
	switch (n->kind) {
	case ADV_AST_ALTER_TABLE:
		return fresh_table(cx, n->table) == NULL ? "ALTER TABLE" : NULL;
	case ADV_AST_CREATE_INDEX:
		if (n->flags & ADV_ASTF_CONCURRENTLY)
			return NULL;
		return fresh_table(cx, n->table) == NULL ? "CREATE INDEX on"
							 : NULL;
	case ADV_AST_DROP:
		for (a = n->args; a != NULL; a = a->next) {
			*obj = a;
			if (n->op == ADV_OBJ_INDEX &&
			    !(n->flags & ADV_ASTF_CONCURRENTLY) &&
			    index_table(cx, a) == NULL)
				return "DROP INDEX";
			if (n->op == ADV_OBJ_TABLE &&
			    !(n->flags & ADV_ASTF_TEMPORARY) &&
			    fresh_table(cx, a) == NULL)
				return "DROP TABLE";
			if (n->op == ADV_OBJ_VIEW)
				return "DROP VIEW";
			if (n->op == ADV_OBJ_MATVIEW)
				return "DROP MATERIALIZED VIEW";
		}
		return NULL;
	case ADV_AST_TRUNCATE:
		for (a = n->args; a != NULL; a = a->next) {
			*obj = a;
			if (fresh_table(cx, a) == NULL)
				return "TRUNCATE";
		}
		return NULL;
	case ADV_AST_REINDEX:
		*obj = n->args;
		if (n->flags & ADV_ASTF_CONCURRENTLY)
			return NULL;
		if (n->op == ADV_OBJ_TABLE && fresh_table(cx, n->args) != NULL)
			return NULL;
		if (n->op == ADV_OBJ_INDEX && index_table(cx, n->args) != NULL)
			return NULL;
		return "REINDEX";
	case ADV_AST_VACUUM:
		*obj = NULL;
		if (!(n->flags & ADV_ASTF_FULL) ||
		    (n->flags & ADV_ASTF_ANALYZE_ONLY))
			return NULL;
		for (a = n->args; a != NULL; a = a->next) {
			*obj = a;
			if (fresh_table(cx, a) == NULL)
				return "VACUUM FULL";
		}
		return n->args == NULL ? "VACUUM FULL" : NULL;
	case ADV_AST_CLUSTER:
		return n->table == NULL || fresh_table(cx, n->table) == NULL
			       ? "CLUSTER"
			       : NULL;
	case ADV_AST_REFRESH:
		return "REFRESH MATERIALIZED VIEW";
	default:
		return NULL;
	}
}

static void check_timeouts(struct adv_pat_ctx *cx,
			   const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;
	struct memo *m = memo_of(cx);

	if (adv_pat_lock_timeout_set(cx)) {
		m->timeout_reported = 0;
		return;
	}
	if (m->timeout_reported)
		return;
	for (n = st->root; n != NULL; n = n->next) {
		const struct adv_ast *obj;
		const char *what = lock_taker(cx, n, &obj);

		if (what == NULL)
			continue;
		if (obj != NULL && obj->name != NULL)
			adv_pat_report(cx, st, n->loc,
				       "%s '%s' queues for its lock with no "
				       "lock_timeout set earlier in the script",
				       what, obj->name);
		else
			adv_pat_report(cx, st, n->loc,
				       "%s queues for its locks with no "
				       "lock_timeout set earlier in the script",
				       what);
		m->timeout_reported = 1;
		return;
	}
}

/* ---- non-idempotent-ddl ---- */

/* A T-SQL statement guarded by IF [NOT] EXISTS / IF OBJECT_ID(...). */
static int ms_guarded(const struct adv_pat_stmt *st, const struct adv_ast *n)
{
	const struct adv_sql_token *first = first_code_tok(st);
	const struct adv_ast *p;

	if (st->dialect != ADV_DIALECT_MS)
		return 0;
	if (first != NULL && tok_is(st, first, "if"))
		return 1;
	for (p = st->root; p != NULL && p != n; p = p->next) {
		if (p->kind == ADV_AST_OTHER && p->value != NULL &&
		    strncmp(p->value, "if", 2) == 0)
			return 1;
	}
	return 0;
}

/*
 * The clause that makes a CREATE of this kind re-runnable in the dialect,
 * or NULL when the dialect has none (T-SQL CREATE TABLE, MySQL CREATE
 * INDEX): the rule only asks for what can be written.
 */
static const char *create_guard(enum adv_sql_dialect d, enum adv_ast_kind kind,
				int op)
{
	int pg = d == ADV_DIALECT_PG;
	int my = d == ADV_DIALECT_MY;

	switch (kind) {
	case ADV_AST_CREATE_TABLE:
		return pg || my ? "IF NOT EXISTS" : NULL;
	case ADV_AST_CREATE_INDEX:
		return pg ? "IF NOT EXISTS" : NULL;
	case ADV_AST_CREATE_VIEW:
		if (op == ADV_OBJ_MATVIEW)
			return pg ? "IF NOT EXISTS" : NULL;
		return d == ADV_DIALECT_MS ? "OR ALTER" : "OR REPLACE";
	case ADV_AST_CREATE_OTHER:
		break;
	default:
		return NULL;
	}
	switch (op) {
	case ADV_OBJ_SCHEMA:
		return pg || my ? "IF NOT EXISTS" : NULL;
	case ADV_OBJ_DATABASE:
		return my ? "IF NOT EXISTS" : NULL;
	case ADV_OBJ_SEQUENCE:
	case ADV_OBJ_EXTENSION:
		return pg ? "IF NOT EXISTS" : NULL;
	case ADV_OBJ_FUNCTION:
	case ADV_OBJ_PROCEDURE:
	case ADV_OBJ_TRIGGER:
		return pg ? "OR REPLACE" : my ? "IF NOT EXISTS" : "OR ALTER";
	default:
		return NULL;
	}
}

static const char *obj_word(int op)
{
	switch (op) {
	case ADV_OBJ_TABLE:
		return "TABLE";
	case ADV_OBJ_INDEX:
		return "INDEX";
	case ADV_OBJ_VIEW:
		return "VIEW";
	case ADV_OBJ_MATVIEW:
		return "MATERIALIZED VIEW";
	case ADV_OBJ_SCHEMA:
		return "SCHEMA";
	case ADV_OBJ_DATABASE:
		return "DATABASE";
	case ADV_OBJ_SEQUENCE:
		return "SEQUENCE";
	case ADV_OBJ_FUNCTION:
		return "FUNCTION";
	case ADV_OBJ_PROCEDURE:
		return "PROCEDURE";
	case ADV_OBJ_TRIGGER:
		return "TRIGGER";
	case ADV_OBJ_TYPE:
		return "TYPE";
	case ADV_OBJ_EXTENSION:
		return "EXTENSION";
	default:
		return "object";
	}
}

static void idempotent_alter(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st,
			     const struct adv_ast *n)
{
	const struct adv_ast *c;

	for (c = n->cmds; c != NULL; c = c->next) {
		const char *what = NULL;
		const char *name = c->name;

		if (c->op == ADV_ALTER_ADD_COLUMN &&
		    !(c->flags & ADV_ASTF_IF_NOT_EXISTS)) {
			what = "ADD COLUMN '%s' without IF NOT EXISTS";
			if (c->coldef != NULL)
				name = c->coldef->name;
		} else if (c->op == ADV_ALTER_DROP_COLUMN &&
			   !(c->flags & ADV_ASTF_IF_EXISTS)) {
			what = "DROP COLUMN '%s' without IF EXISTS";
		} else if (c->op == ADV_ALTER_DROP_CONSTRAINT &&
			   !(c->flags & ADV_ASTF_IF_EXISTS)) {
			what = "DROP CONSTRAINT '%s' without IF EXISTS";
		}
		if (what != NULL)
			adv_pat_report(cx, st, loc_of(c, n), what,
				       name != NULL ? name : "?");
	}
}

static void check_idempotent(struct adv_pat_ctx *cx,
			     const struct adv_pat_stmt *st)
{
	const struct adv_ast *n;

	/* transactional DDL: a failed run leaves nothing behind */
	if (st->dialect != ADV_DIALECT_MY && adv_pat_txn_depth(cx) > 0)
		return;
	for (n = st->root; n != NULL; n = n->next) {
		if (ms_guarded(st, n))
			continue;
		const char *guard = create_guard(st->dialect, n->kind, n->op);
		const char *name = NULL;

		switch (n->kind) {
		case ADV_AST_CREATE_TABLE:
			if (guard == NULL ||
			    (n->flags &
			     (ADV_ASTF_IF_NOT_EXISTS | ADV_ASTF_TEMPORARY)) ||
			    n->table == NULL)
				break;
			adv_pat_report(cx, st, n->loc,
				       "CREATE TABLE '%s' without %s",
				       table_name(n->table), guard);
			break;
		case ADV_AST_CREATE_INDEX:
		case ADV_AST_CREATE_VIEW:
		case ADV_AST_CREATE_OTHER:
			if (guard == NULL ||
			    (n->flags &
			     (ADV_ASTF_IF_NOT_EXISTS | ADV_ASTF_OR_REPLACE)))
				break;
			if (n->kind == ADV_AST_CREATE_VIEW)
				name = table_name(n->table);
			else
				name = n->name != NULL ? n->name : "(unnamed)";
			adv_pat_report(cx, st, n->loc,
				       "CREATE %s '%s' without %s",
				       n->kind == ADV_AST_CREATE_INDEX
					       ? "INDEX"
					       : obj_word(n->op),
				       name, guard);
			break;
		case ADV_AST_DROP:
			/* DROP OWNED and the like have no IF EXISTS */
			if (n->op == ADV_OBJ_OTHER ||
			    (n->flags &
			     (ADV_ASTF_IF_EXISTS | ADV_ASTF_TEMPORARY)))
				break;
			if (n->op == ADV_OBJ_TABLE && n->args != NULL &&
			    ms_temp_name(st, n->args->name))
				break;
			adv_pat_report(cx, st, n->loc,
				       "DROP %s '%s' without IF EXISTS",
				       obj_word(n->op),
				       n->args != NULL ? table_name(n->args)
						       : "");
			break;
		case ADV_AST_ALTER_TABLE:
			if (st->dialect == ADV_DIALECT_PG)
				idempotent_alter(cx, st, n);
			break;
		default:
			break;
		}
	}
}

/* ---- the table ---- */

#define MIGRATION(id_) .id = (id_), .category = "migration-safety"

const struct adv_pat_rule adv_pat_rules_migration[] = {
	{
		MIGRATION("alter-charset-not-converting"),
		.dialects = ADV_PAT_MY,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER TABLE ... [DEFAULT] CHARACTER SET without "
			   "CONVERT TO CHARACTER SET.",
		.why = "Only the table's default for columns added later "
		       "changes; every existing column keeps its old "
		       "character set, so the migration silently does not do "
		       "what it says.",
		.fix = "Use ALTER TABLE ... CONVERT TO CHARACTER SET x "
		       "(rewrites the table: plan the lock), or change the "
		       "columns one by one.",
		.example_fire = "ALTER TABLE notes CHARACTER SET utf8mb4;",
		.example_quiet = "ALTER TABLE notes CONVERT TO CHARACTER SET "
				 "utf8mb4;",
		.check = check_alter_charset,
	},
	{
		MIGRATION("pg-create-index-not-concurrently"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "CREATE [UNIQUE] INDEX without CONCURRENTLY on a "
			   "table that was not created earlier in the input.",
		.why = "A plain index build holds a SHARE lock for its whole "
		       "duration: every INSERT, UPDATE and DELETE on the "
		       "table waits, minutes to hours on a large table.",
		.fix = "CREATE INDEX CONCURRENTLY (outside a transaction "
		       "block), and check for an INVALID index if it fails.",
		.example_fire = "CREATE INDEX orders_created_idx ON orders "
				"(created_at);",
		.example_quiet = "CREATE INDEX CONCURRENTLY orders_created_idx "
				 "ON orders (created_at);",
		.check = check_create_index,
	},
	{
		MIGRATION("pg-drop-index-not-concurrently"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "DROP INDEX without CONCURRENTLY (indexes of tables "
			   "created in the input are exempt).",
		.why = "DROP INDEX takes an ACCESS EXCLUSIVE lock on the "
		       "index's table: queued behind a long query, it blocks "
		       "every reader and writer.",
		.fix = "DROP INDEX CONCURRENTLY (outside a transaction block).",
		.example_fire = "DROP INDEX orders_created_idx;",
		.example_quiet = "DROP INDEX CONCURRENTLY orders_created_idx;",
		.check = check_drop_index,
	},
	{
		MIGRATION("pg-reindex-not-concurrently"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "REINDEX INDEX/TABLE/SCHEMA/DATABASE without "
			   "CONCURRENTLY (REINDEX SYSTEM cannot be concurrent "
			   "and is exempt).",
		.why = "REINDEX locks out writes to the table, and queries "
		       "that would use the index, until every index is "
		       "rebuilt.",
		.fix = "REINDEX ... CONCURRENTLY (PostgreSQL 12+), outside a "
		       "transaction block.",
		.example_fire = "REINDEX TABLE orders;",
		.example_quiet = "REINDEX TABLE CONCURRENTLY orders;",
		.check = check_reindex,
	},
	{
		MIGRATION("pg-refresh-matview-not-concurrently"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "REFRESH MATERIALIZED VIEW without CONCURRENTLY "
			   "(WITH NO DATA, which cannot be concurrent, is "
			   "exempt).",
		.why = "A plain refresh holds an ACCESS EXCLUSIVE lock on the "
		       "view while its query runs: every reader waits.",
		.fix = "Give the view a unique index and use REFRESH "
		       "MATERIALIZED VIEW CONCURRENTLY.",
		.example_fire = "REFRESH MATERIALIZED VIEW daily_sales;",
		.example_quiet = "REFRESH MATERIALIZED VIEW CONCURRENTLY "
				 "daily_sales;",
		.check = check_refresh,
	},
	{
		MIGRATION("pg-concurrent-index-in-transaction"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "CREATE INDEX, DROP INDEX or REINDEX CONCURRENTLY "
			   "(or DETACH PARTITION CONCURRENTLY) inside an "
			   "explicit transaction block.",
		.why = "PostgreSQL refuses to run these inside a transaction "
		       "block: the migration fails at this statement.",
		.fix = "Run the statement on its own, outside BEGIN ... "
		       "COMMIT (most migration tools have a per-migration "
		       "switch to disable the wrapping transaction).",
		.example_fire = "BEGIN;\nCREATE INDEX CONCURRENTLY "
				"orders_created_idx ON orders (created_at);\n"
				"COMMIT;",
		.example_quiet = "CREATE INDEX CONCURRENTLY orders_created_idx "
				 "ON orders (created_at);",
		.check = check_concurrent_in_txn,
	},
	{
		MIGRATION("pg-add-column-volatile-default"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER TABLE ... ADD COLUMN whose default is "
			   "volatile (random(), gen_random_uuid(), "
			   "clock_timestamp(), nextval(), serial or identity "
			   "columns, stored generated columns).",
		.why = "Each existing row needs its own value, so PostgreSQL "
		       "rewrites the whole table under an ACCESS EXCLUSIVE "
		       "lock; constant and stable defaults such as now() are "
		       "metadata-only since PostgreSQL 11.",
		.fix = "Add the column without a default (or with a constant "
		       "one), set the volatile default afterwards, and "
		       "backfill existing rows in batches.",
		.example_fire = "ALTER TABLE users ADD COLUMN api_key uuid "
				"DEFAULT gen_random_uuid();",
		.example_quiet = "ALTER TABLE users ADD COLUMN created_at "
				 "timestamptz DEFAULT now();",
		.check = check_volatile_default,
	},
	{
		MIGRATION("add-column-not-null-without-default"),
		.dialects = ADV_PAT_PG | ADV_PAT_MS,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER TABLE ... ADD COLUMN ... NOT NULL without a "
			   "DEFAULT (identity, serial and generated columns "
			   "fill themselves and are exempt).",
		.why = "On a table with rows the statement fails (the "
		       "existing rows would be NULL), and once it passes, "
		       "application versions that do not know the column "
		       "cannot insert.",
		.fix = "Add the column with a DEFAULT, or add it nullable, "
		       "backfill, then add the NOT NULL constraint safely.",
		.example_fire = "ALTER TABLE users ADD COLUMN tenant_id bigint "
				"NOT NULL;",
		.example_quiet =
			"ALTER TABLE users ADD COLUMN tenant_id bigint "
			"NOT NULL DEFAULT 0;",
		.check = check_not_null_no_default,
	},
	{
		MIGRATION("pg-set-not-null"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"ALTER COLUMN ... SET NOT NULL with no validated "
			"CHECK (col IS NOT NULL) added earlier in the input.",
		.why = "PostgreSQL scans the whole table to prove there is no "
		       "NULL, holding an ACCESS EXCLUSIVE lock; a validated "
		       "CHECK constraint lets it skip the scan (PostgreSQL "
		       "12+).",
		.fix = "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; "
		       "VALIDATE CONSTRAINT c; then SET NOT NULL and drop c.",
		.example_fire = "ALTER TABLE users ALTER COLUMN email SET NOT "
				"NULL;",
		.example_quiet = "ALTER TABLE users ADD CONSTRAINT "
				 "users_email_nn\n"
				 "  CHECK (email IS NOT NULL) NOT VALID;\n"
				 "ALTER TABLE users VALIDATE CONSTRAINT "
				 "users_email_nn;\n"
				 "ALTER TABLE users ALTER COLUMN email SET NOT "
				 "NULL;",
		.check = check_set_not_null,
	},
	{
		MIGRATION("pg-add-fk-without-not-valid"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER TABLE ... ADD FOREIGN KEY (or ADD COLUMN ... "
			   "REFERENCES) without NOT VALID on a table not "
			   "created earlier in the input.",
		.why = "Adding the constraint checks every existing row while "
		       "holding SHARE ROW EXCLUSIVE locks on both tables: "
		       "writes to either stop for the whole scan.",
		.fix = "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then "
		       "VALIDATE CONSTRAINT in a later step (it only takes a "
		       "SHARE UPDATE EXCLUSIVE lock).",
		.example_fire = "ALTER TABLE orders ADD CONSTRAINT "
				"orders_customer_fk\n"
				"  FOREIGN KEY (customer_id) REFERENCES "
				"customers (id);",
		.example_quiet = "ALTER TABLE orders ADD CONSTRAINT "
				 "orders_customer_fk\n"
				 "  FOREIGN KEY (customer_id) REFERENCES "
				 "customers (id) NOT VALID;",
		.check = check_add_fk,
	},
	{
		MIGRATION("pg-add-check-without-not-valid"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER TABLE ... ADD CONSTRAINT ... CHECK without "
			   "NOT VALID on a table not created earlier in the "
			   "input.",
		.why = "The constraint is checked against every existing row "
		       "under an ACCESS EXCLUSIVE lock: reads and writes wait "
		       "for the scan.",
		.fix = "ADD CONSTRAINT ... CHECK (...) NOT VALID, then "
		       "VALIDATE CONSTRAINT separately.",
		.example_fire = "ALTER TABLE orders ADD CONSTRAINT "
				"orders_qty_positive\n"
				"  CHECK (quantity > 0);",
		.example_quiet = "ALTER TABLE orders ADD CONSTRAINT "
				 "orders_qty_positive\n"
				 "  CHECK (quantity > 0) NOT VALID;",
		.check = check_add_check,
	},
	{
		MIGRATION("pg-add-unique-constraint-directly"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER TABLE ... ADD CONSTRAINT ... UNIQUE (or ADD "
			   "COLUMN ... UNIQUE) that builds its index, on a "
			   "table not created earlier in the input; UNIQUE "
			   "USING INDEX is the safe form.",
		.why = "The unique index is built while the table is locked "
		       "ACCESS EXCLUSIVE: nothing can read or write it until "
		       "the build ends.",
		.fix = "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT "
		       "... UNIQUE USING INDEX (instant).",
		.example_fire = "ALTER TABLE users ADD CONSTRAINT "
				"users_email_key UNIQUE (email);",
		.example_quiet = "ALTER TABLE users ADD CONSTRAINT "
				 "users_email_key\n"
				 "  UNIQUE USING INDEX users_email_idx;",
		.check = check_add_unique,
	},
	{
		MIGRATION("pg-add-primary-key-directly"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER TABLE ... ADD PRIMARY KEY (or ADD COLUMN ... "
			   "PRIMARY KEY) that builds its index, on a table not "
			   "created earlier in the input; PRIMARY KEY USING "
			   "INDEX is the safe form.",
		.why = "The key's index is built (and the columns checked for "
		       "NULLs) under an ACCESS EXCLUSIVE lock: the table is "
		       "unavailable until it finishes.",
		.fix = "CREATE UNIQUE INDEX CONCURRENTLY on NOT NULL columns, "
		       "then ADD CONSTRAINT ... PRIMARY KEY USING INDEX.",
		.example_fire = "ALTER TABLE events ADD PRIMARY KEY (id);",
		.example_quiet = "ALTER TABLE events ADD CONSTRAINT "
				 "events_pkey\n"
				 "  PRIMARY KEY USING INDEX events_id_idx;",
		.check = check_add_pk,
	},
	{
		MIGRATION("alter-column-type"),
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A column's type is changed (ALTER COLUMN TYPE, "
			   "MySQL MODIFY/CHANGE, T-SQL ALTER COLUMN). Exempt: "
			   "restating the same type; PostgreSQL varchar/text "
			   "to text or unbounded varchar, and varchar widening "
			   "when the old length is known; SQL Server widening "
			   "of a variable-length column.",
		.why = "Most type changes rewrite the table and its indexes "
		       "under an exclusive lock (PostgreSQL ACCESS EXCLUSIVE, "
		       "MySQL COPY algorithm), and clients reading the old "
		       "type can break.",
		.fix = "Add a new column of the new type, backfill in "
		       "batches, switch readers and writers, then drop the "
		       "old column.",
		.example_fire = "ALTER TABLE orders ALTER COLUMN quantity TYPE "
				"bigint;",
		.example_quiet = "ALTER TABLE events ADD CONSTRAINT "
				 "events_pkey\n"
				 "  PRIMARY KEY USING INDEX events_id_idx;",
		.check = check_column_type,
	},
	{
		MIGRATION("rename-column"),
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A column is renamed (RENAME COLUMN, MySQL CHANGE "
			   "old new, T-SQL sp_rename ... 'COLUMN').",
		.why = "Application versions still running during and after "
		       "the deployment use the old name and start failing.",
		.fix = "Expand and contract: add the new column, write both, "
		       "backfill, move readers, then drop the old one (or "
		       "keep a view with the old name).",
		.example_fire = "ALTER TABLE users RENAME COLUMN mail TO "
				"email;",
		.example_quiet = "ALTER TABLE users ADD COLUMN email text;",
		.check = check_rename_column,
	},
	{
		MIGRATION("rename-table"),
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A table is renamed (ALTER TABLE ... RENAME TO, "
			   "MySQL RENAME TABLE, T-SQL sp_rename).",
		.why = "Running application versions, views, functions and "
		       "jobs that name the table start failing at once.",
		.fix = "Create the new table (or a view under the new name), "
		       "migrate readers and writers, then drop the old name.",
		.example_fire = "ALTER TABLE customer RENAME TO customers;",
		.example_quiet = "ALTER TABLE customer RENAME COLUMN nm TO "
				 "name;",
		.check = check_rename_table,
	},
	{
		MIGRATION("drop-column"),
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER TABLE ... DROP COLUMN.",
		.why = "Readers and writers that still name the column fail, "
		       "and its data is gone for good.",
		.fix = "Stop using the column in every application version "
		       "first (and back its data up), then drop it in a "
		       "later release.",
		.example_fire = "ALTER TABLE users DROP COLUMN legacy_flags;",
		.example_quiet = "ALTER TABLE users ALTER COLUMN legacy_flags "
				 "DROP DEFAULT;",
		.check = check_drop_column,
	},
	{
		MIGRATION("drop-table"),
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "DROP TABLE of a table that is not temporary (DROP "
			   "TEMPORARY TABLE, tables created TEMPORARY earlier "
			   "in the input and T-SQL #tables are exempt).",
		.why = "The table's data is gone, and everything still "
		       "reading or writing it fails.",
		.fix = "Rename or move the table aside first and drop it in a "
		       "later release, after a backup.",
		.example_fire = "DROP TABLE order_archive;",
		.example_quiet = "CREATE TEMPORARY TABLE scratch (id bigint);\n"
				 "DROP TABLE scratch;",
		.check = check_drop_table,
	},
	{
		MIGRATION("drop-database"),
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_CRITICAL,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "DROP DATABASE, or DROP SCHEMA ... CASCADE (in "
			   "MySQL any DROP SCHEMA, a synonym of DROP "
			   "DATABASE).",
		.why = "Every table, view and function in it is destroyed at "
		       "once; a migration should never do that.",
		.fix = "Drop databases by hand, after a verified backup; drop "
		       "a schema's objects explicitly, without CASCADE.",
		.example_fire = "DROP SCHEMA reporting CASCADE;",
		.example_quiet = "DROP SCHEMA reporting;",
		.check = check_drop_database,
	},
	{
		MIGRATION("drop-not-null"),
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER COLUMN ... DROP NOT NULL, or a MySQL "
			   "MODIFY/CHANGE or T-SQL ALTER COLUMN that restates "
			   "a NOT NULL column (known from the input) without "
			   "NOT NULL.",
		.why = "NULLs can now reach code and reports that assumed "
		       "there were none.",
		.fix = "Keep the constraint, or make sure every reader "
		       "handles NULL before dropping it.",
		.example_fire = "ALTER TABLE users ALTER COLUMN email DROP NOT "
				"NULL;",
		.example_quiet = "ALTER TABLE users ALTER COLUMN email DROP "
				 "DEFAULT;",
		.check = check_drop_not_null,
	},
	{
		MIGRATION("drop-key-constraint"),
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "A primary key or foreign key is dropped (DROP "
			   "PRIMARY KEY, DROP FOREIGN KEY, or DROP CONSTRAINT "
			   "naming a key known from the input or named like "
			   "one: *_pkey, *_fkey, pk_*, fk_*).",
		.why = "Duplicates and orphan rows can enter; in MySQL, "
		       "dropping the primary key rebuilds the table.",
		.fix = "Replace the key in the same step (add the new one "
		       "first), or keep it.",
		.example_fire = "ALTER TABLE orders DROP CONSTRAINT "
				"orders_customer_id_fkey;",
		.example_quiet = "ALTER TABLE orders DROP CONSTRAINT "
				 "orders_qty_check;",
		.check = check_drop_key,
	},
	{
		MIGRATION("pg-vacuum-full-or-cluster"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_HIGH,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "VACUUM FULL or CLUSTER.",
		.why = "Both rewrite the table and all its indexes under an "
		       "ACCESS EXCLUSIVE lock, and need room for a full copy.",
		.fix = "Use pg_repack or pg_squeeze, which rewrite online; "
		       "plain VACUUM for routine cleanup.",
		.example_fire = "VACUUM FULL orders;",
		.example_quiet = "VACUUM (ANALYZE) orders;",
		.check = check_vacuum_full,
	},
	{
		MIGRATION("pg-detach-partition-not-concurrently"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_DEFAULT,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "ALTER TABLE ... DETACH PARTITION without "
			   "CONCURRENTLY, on a table not created earlier in "
			   "the input.",
		.why = "A plain detach takes an ACCESS EXCLUSIVE lock on the "
		       "partitioned table: queries on every partition wait.",
		.fix = "DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+, "
		       "outside a transaction block).",
		.example_fire = "ALTER TABLE measurements DETACH PARTITION "
				"measurements_2023;",
		.example_quiet = "ALTER TABLE measurements\n"
				 "  DETACH PARTITION measurements_2023 "
				 "CONCURRENTLY;",
		.check = check_detach,
	},
	{
		MIGRATION("migration-missing-timeouts"),
		.dialects = ADV_PAT_PG,
		.severity = ADV_SEV_MEDIUM,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary = "The first lock-taking statement on an existing "
			   "table (ALTER TABLE, CREATE INDEX, DROP, TRUNCATE, "
			   "REINDEX, VACUUM FULL, CLUSTER, REFRESH) with no "
			   "SET lock_timeout earlier in the script.",
		.why = "A DDL lock request queued behind a long transaction "
		       "blocks every later query on the table until it is "
		       "granted: a short migration becomes an outage.",
		.fix = "SET lock_timeout (e.g. '5s') and statement_timeout "
		       "at the start of the migration, and retry when it "
		       "times out.",
		.example_fire = "ALTER TABLE orders ADD COLUMN note text;",
		.example_quiet = "SET lock_timeout = '5s';\nALTER TABLE orders "
				 "ADD COLUMN note text;",
		.check = check_timeouts,
	},
	{
		MIGRATION("non-idempotent-ddl"),
		.dialects = ADV_PAT_ALL,
		.severity = ADV_SEV_LOW,
		.profile = ADV_PAT_PROFILE_EXTENDED,
		.input = ADV_PAT_INPUT_SQL,
		.summary =
			"CREATE without IF NOT EXISTS / OR REPLACE / OR ALTER "
			"where the dialect has the clause, DROP without IF "
			"EXISTS, and PostgreSQL ADD/DROP COLUMN and DROP "
			"CONSTRAINT without them; not inside a PostgreSQL or "
			"SQL Server transaction, not under a T-SQL IF "
			"guard.",
		.why = "When a migration stops half-way, running it again "
		       "fails at the first object that already exists (or "
		       "is already gone).",
		.fix = "Write CREATE ... IF NOT EXISTS, CREATE OR REPLACE (OR "
		       "ALTER), DROP ... IF EXISTS, or run the migration in "
		       "one transaction where DDL is transactional.",
		.example_fire = "CREATE TABLE IF NOT EXISTS t (id bigint "
				"PRIMARY KEY);\nCREATE INDEX t_id_idx ON t "
				"(id);",
		.example_quiet = "CREATE TABLE IF NOT EXISTS t (id bigint "
				 "PRIMARY KEY);\nCREATE INDEX IF NOT EXISTS "
				 "t_id_idx ON t (id);",
		.check = check_idempotent,
	},
	{0},
};
