/*
 * Candidate indexes from one statement, in two steps: what the statement
 * asks of each table it touches (adv_stmt_analyse, over libpg_query's parse
 * tree), then the btree indexes that could answer that (adv_candidates_for).
 *
 * SQL text this file writes must equal what the server prints, because
 * adv_candidate_served_by compares text: an expression key as
 * pg_get_indexdef(index, n, true) prints it ("lower(email)",
 * "(id::text)"), a partial predicate as pg_get_expr(indpred, indrelid,
 * true) prints it ("status = 'failed'::text", "code::text = 'x'::text" for
 * a varchar, "n = 3" for an integer). Those forms come from the column's
 * data_type; identifiers are quoted only where quote_identifier() would.
 */
#include "advise_cand.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "sqlquote.h"
#include "sqltext.h"
#include "banned.h"

/* Subqueries nested deeper than this are not analysed. */
#define MAX_LEVELS 32
/* Expression trees deeper than this are not walked. */
#define MAX_WALK 400
/* A covering candidate adds at most this many INCLUDE columns. */
#define MAX_INCLUDE 3
/* Partial predicates kept per table use (a generated IN list written as
 * thousands of ANDs must not become thousands of candidates). */
#define MAX_PARTIALS 4

/* --- parse tree access --------------------------------------------------- */

static const cJSON *get(const cJSON *obj, const char *key)
{
	if (!cJSON_IsObject(obj))
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* The body of a node {"Type": {...}} when the node is of that type. */
static const cJSON *as(const cJSON *node, const char *type)
{
	const cJSON *body = get(node, type);

	return cJSON_IsObject(body) ? body : NULL;
}

static const char *get_str(const cJSON *obj, const char *key)
{
	const cJSON *v = get(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int str_is(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

/* The text of a {"String": {"sval": ...}} node. */
static const char *string_node(const cJSON *node)
{
	return get_str(as(node, "String"), "sval");
}

static const cJSON *last_item(const cJSON *list)
{
	const cJSON *item, *last = NULL;

	cJSON_ArrayForEach (item, list) {
		last = item;
	}
	return last;
}

/* Whether the list of names (an operator's) ends in op. */
static int op_is(const cJSON *expr, const char *op)
{
	return str_is(string_node(last_item(get(expr, "name"))), op);
}

static int is_range_op(const char *op)
{
	return str_is(op, "<") || str_is(op, "<=") || str_is(op, ">") ||
	       str_is(op, ">=");
}

/* Whether a subtree refers to no column and holds no subquery: a
 * constant, a parameter, or a function of those (now(), $1::int). */
static int is_const(const cJSON *node, int depth)
{
	const cJSON *child;

	if (depth > MAX_WALK)
		return 0;
	cJSON_ArrayForEach (child, node) {
		if (str_is(child->string, "ColumnRef") ||
		    str_is(child->string, "SubLink"))
			return 0;
		if ((cJSON_IsObject(child) || cJSON_IsArray(child)) &&
		    !is_const(child, depth + 1))
			return 0;
	}
	return 1;
}

/* --- identifiers and types as the server prints them --------------------- */

/*
 * PostgreSQL 15's keywords that quote_identifier() quotes (every category
 * but the unreserved one), each between spaces.
 */
static const char quoted_keywords[] =
	" all analyse analyze and any array as asc asymmetric authorization "
	"between bigint binary bit boolean both case cast char character "
	"check coalesce collate collation column concurrently constraint "
	"create cross current_catalog current_date current_role "
	"current_schema current_time current_timestamp current_user dec "
	"decimal default deferrable desc distinct do else end except exists "
	"extract false fetch float for foreign freeze from full grant "
	"greatest group grouping having ilike in initially inner inout int "
	"integer intersect interval into is isnull join lateral leading "
	"least left like limit localtime localtimestamp national natural "
	"nchar none normalize not notnull null nullif numeric offset on only "
	"or order out outer overlaps overlay placing position precision "
	"primary real references returning right row select session_user "
	"setof similar smallint some substring symmetric table tablesample "
	"then time timestamp to trailing treat trim true union unique user "
	"using values varchar variadic verbose when where window with "
	"xmlattributes xmlconcat xmlelement xmlexists xmlforest "
	"xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable ";

/* An identifier as quote_identifier() writes it: bare when it is lower
 * case letters, digits and '_' (not first a digit) and not a keyword. */
static void add_ident(struct adv_buf *b, const char *name)
{
	const char *p;
	int safe = (name[0] >= 'a' && name[0] <= 'z') || name[0] == '_';

	for (p = name; *p != '\0' && safe; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '_'))
			safe = 0;
	}
	if (safe && strlen(name) < 32) {
		char word[40];

		snprintf(word, sizeof(word), " %s ", name);
		if (strstr(quoted_keywords, word) != NULL)
			safe = 0;
	}
	if (safe) {
		adv_buf_addstr(b, name);
		return;
	}
	adv_buf_addch(b, '"');
	for (p = name; *p != '\0'; p++) {
		if (*p == '"')
			adv_buf_addch(b, '"');
		adv_buf_addch(b, *p);
	}
	adv_buf_addch(b, '"');
}

/* A data type without its modifiers, as a constant of it is labelled:
 * "character varying(20)" -> "character varying". Caller frees. */
static char *base_type(const char *data_type)
{
	struct adv_buf b;
	int depth = 0;
	const char *p;

	adv_buf_init(&b);
	for (p = data_type; *p != '\0'; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (depth == 0)
			adv_buf_addch(&b, *p);
	}
	return adv_buf_detach(&b);
}

static int starts_with(const char *s, const char *prefix)
{
	return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Character types reach text functions through an implicit cast that
 * the server prints: lower(code::text). */
static int is_char_type(const char *data_type)
{
	return starts_with(data_type, "character");
}

static int is_datetime_type(const char *type)
{
	return starts_with(type, "date") || starts_with(type, "time") ||
	       starts_with(type, "interval");
}

/* Types without a btree operator class: never an index key. */
static int btree_indexable(const char *data_type)
{
	static const char *const no_btree[] = {
		"json", "xml",	"point",   "line",   "lseg",
		"box",	"path", "polygon", "circle",
	};
	size_t i;

	for (i = 0; i < sizeof(no_btree) / sizeof(no_btree[0]); i++) {
		if (streq(data_type, no_btree[i]))
			return 0;
	}
	return 1;
}

/* The name of a cast's type as format_type() prints it; NULL for what
 * this file does not print (modifiers, arrays, %TYPE). Caller frees. */
static char *cast_type_name(const cJSON *type_name)
{
	static const char *const names[][2] = {
		{"bool", "boolean"},
		{"bpchar", "character"},
		{"float4", "real"},
		{"float8", "double precision"},
		{"int2", "smallint"},
		{"int4", "integer"},
		{"int8", "bigint"},
		{"interval", "interval"},
		{"numeric", "numeric"},
		{"time", "time without time zone"},
		{"timestamp", "timestamp without time zone"},
		{"timestamptz", "timestamp with time zone"},
		{"timetz", "time with time zone"},
		{"varbit", "bit varying"},
		{"varchar", "character varying"},
	};
	const cJSON *list = get(type_name, "names");
	int n = cJSON_GetArraySize(list);
	const char *first, *last;
	struct adv_buf b;
	size_t i;

	if (cJSON_GetArraySize(get(type_name, "typmods")) > 0 ||
	    cJSON_GetArraySize(get(type_name, "arrayBounds")) > 0 ||
	    cJSON_IsTrue(get(type_name, "setof")) ||
	    cJSON_IsTrue(get(type_name, "pct_type")) || n < 1 || n > 2)
		return NULL;
	first = string_node(cJSON_GetArrayItem(list, 0));
	last = string_node(cJSON_GetArrayItem(list, n - 1));
	if (first == NULL || last == NULL)
		return NULL;
	if (n == 2 && strcmp(first, "pg_catalog") == 0) {
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			if (strcmp(last, names[i][0]) == 0)
				return adv_xstrdup(names[i][1]);
		}
	}
	adv_buf_init(&b);
	if (n == 2 && strcmp(first, "pg_catalog") != 0) {
		add_ident(&b, first);
		adv_buf_addch(&b, '.');
	}
	add_ident(&b, last);
	return adv_buf_detach(&b);
}

/* --- analysis state ------------------------------------------------------ */

struct range_item {
	const char *name; /* what qualifies its columns: alias, else relname */
	const char *relname;
	long use; /* index into out->tables; -1: not a catalog table */
};

/* One query level: its FROM list, in the order written. */
struct scope {
	const struct scope *parent;
	struct range_item *items;
	size_t nitems, alloc;
	const char **ctes; /* WITH names: relations that are not tables */
	size_t nctes, ctes_alloc;
	const cJSON *targets; /* the select list, for ORDER BY 1 and aliases */
};

/* A constant predicate, kept until the statement's joins are known. */
struct pending_partial {
	long use;
	char *column;
	char *text;
};

struct analysis {
	const struct adv_model_snapshot *cat;
	struct adv_stmt_use *out;
	size_t tables_alloc;
	struct pending_partial *partials;
	size_t npartials, partials_alloc;
	int level;
};

/* A column, or an expression on one column, of one table use. */
struct keyref {
	long use;
	const char *column;
	char *expression; /* owned */
};

static void scope_init(struct scope *s, const struct scope *parent)
{
	memset(s, 0, sizeof(*s));
	s->parent = parent;
}

static void scope_release(struct scope *s)
{
	free(s->items);
	free(s->ctes);
}

static void push_item(struct scope *s, const char *name, const char *relname,
		      long use)
{
	ADV_ALLOC_GROW(s->items, s->nitems + 1, s->alloc);
	s->items[s->nitems].name = name;
	s->items[s->nitems].relname = relname;
	s->items[s->nitems].use = use;
	s->nitems++;
}

static int is_cte(const struct scope *s, const char *name)
{
	size_t i;

	for (; s != NULL; s = s->parent) {
		for (i = 0; i < s->nctes; i++) {
			if (strcmp(s->ctes[i], name) == 0)
				return 1;
		}
	}
	return 0;
}

static struct adv_table_use *use_at(const struct analysis *a, long use)
{
	return &a->out->tables[use];
}

static const struct adv_model_column *column_of(const struct analysis *a,
						long use, const char *column)
{
	const struct adv_table_use *u = use_at(a, use);

	return adv_model_find_column(a->cat, u->schema, u->table, column);
}

/* 1: the table has the column; 0: it has column records, none of that
 * name; -1: it has no column records (unknown). */
static int has_column(const struct analysis *a, long use, const char *column)
{
	const struct adv_table_use *u = use_at(a, use);
	struct adv_model_column *const *first;
	size_t n;

	if (column_of(a, use, column) != NULL)
		return 1;
	adv_model_table_columns(a->cat, u->schema, u->table, &first, &n);
	return n > 0 ? 0 : -1;
}

/*
 * The table of an unqualified relation: in schema public, else in the one
 * schema that has a table of that name (the usual search_path, and the
 * unambiguous case of any other).
 */
static const struct adv_model_table *find_table(
	const struct adv_model_snapshot *cat, const char *schema,
	const char *rel)
{
	const struct adv_model_table *hit;
	size_t i, n = 0;

	if (cat == NULL || rel == NULL)
		return NULL;
	if (schema != NULL)
		return adv_model_find_table(cat, schema, rel);
	hit = adv_model_find_table(cat, "public", rel);
	if (hit != NULL)
		return hit;
	for (i = 0; i < cat->ntables; i++) {
		if (strcmp(cat->tables[i]->table, rel) == 0) {
			hit = cat->tables[i];
			n++;
		}
	}
	return n == 1 ? hit : NULL;
}

static long new_use(struct analysis *a, const struct adv_model_table *t)
{
	struct adv_table_use *u;

	ADV_ALLOC_GROW(a->out->tables, a->out->ntables + 1, a->tables_alloc);
	u = &a->out->tables[a->out->ntables];
	memset(u, 0, sizeof(*u));
	u->schema = adv_xstrdup(t->schema);
	u->table = adv_xstrdup(t->table);
	return (long)a->out->ntables++;
}

static void add_col_use(struct adv_col_use **arr, size_t *n, const char *column,
			const char *expression, int desc)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		if (streq((*arr)[i].column, column) &&
		    streq((*arr)[i].expression, expression))
			return;
	}
	*arr = adv_xrealloc(*arr, (*n + 1) * sizeof(**arr));
	(*arr)[*n].column = adv_xstrdup_or_null(column);
	(*arr)[*n].expression = adv_xstrdup_or_null(expression);
	(*arr)[*n].desc = desc;
	(*n)++;
}

enum use_list { USE_EQ, USE_RANGE, USE_JOIN, USE_SORT, USE_READ };

static void note(struct analysis *a, const struct keyref *r,
		 enum use_list which, int desc)
{
	struct adv_table_use *u = use_at(a, r->use);
	const char *col = r->expression != NULL ? NULL : r->column;

	switch (which) {
	case USE_EQ:
		add_col_use(&u->eq, &u->neq, col, r->expression, 0);
		break;
	case USE_RANGE:
		add_col_use(&u->range, &u->nrange, col, r->expression, 0);
		break;
	case USE_JOIN:
		add_col_use(&u->join, &u->njoin, col, r->expression, 0);
		break;
	case USE_SORT:
		add_col_use(&u->sort, &u->nsort, col, r->expression, desc);
		break;
	case USE_READ:
		add_col_use(&u->read, &u->nread, r->column, NULL, 0);
		break;
	}
}

/* --- column references --------------------------------------------------- */

/* The use of an unqualified column: the one table of the innermost level
 * that has it; unresolved when ambiguous or when a relation whose columns
 * are unknown could hold it. */
static long lookup_unqualified(const struct analysis *a, const struct scope *s,
			       const char *column)
{
	for (; s != NULL; s = s->parent) {
		long found = -1, unknown_use = -1;
		size_t i, nfound = 0, nunknown = 0;

		for (i = 0; i < s->nitems; i++) {
			long use = s->items[i].use;

			if (use < 0) {
				nunknown++;
				continue;
			}
			switch (has_column(a, use, column)) {
			case 1:
				found = use;
				nfound++;
				break;
			case -1:
				unknown_use = use;
				nunknown++;
				break;
			default:
				break;
			}
		}
		if (nfound == 1)
			return found;
		if (nfound > 1)
			return -1;
		if (s->nitems == 1 && unknown_use >= 0)
			return unknown_use;
		if (nunknown > 0)
			return -1;
	}
	return -1;
}

static const struct range_item *find_item(const struct analysis *a,
					  const struct scope *s,
					  const char *schema, const char *name)
{
	size_t i;

	for (; s != NULL; s = s->parent) {
		for (i = 0; i < s->nitems; i++) {
			const struct range_item *it = &s->items[i];

			if (!streq(it->name, name))
				continue;
			if (schema == NULL)
				return it;
			/* schema.table.column names the table itself */
			if (it->use >= 0 && streq(it->relname, name) &&
			    strcmp(use_at(a, it->use)->schema, schema) == 0)
				return it;
		}
	}
	return NULL;
}

enum ref_kind { REF_NONE, REF_COLUMN, REF_STAR };

/*
 * Resolves a ColumnRef body: REF_COLUMN with *use and *column, REF_STAR
 * for t.* (*use set) or * (*use -1: every table of the level).
 */
static enum ref_kind resolve_ref(const struct analysis *a,
				 const struct scope *s, const cJSON *colref,
				 long *use, const char **column)
{
	const cJSON *fields = get(colref, "fields");
	int n = cJSON_GetArraySize(fields);
	const cJSON *last = cJSON_GetArrayItem(fields, n - 1);
	const struct range_item *it;
	const char *qual = NULL, *schema = NULL;

	*use = -1;
	*column = NULL;
	if (n < 1 || n > 4)
		return REF_NONE;
	if (n >= 2)
		qual = string_node(cJSON_GetArrayItem(fields, n - 2));
	if (n >= 3)
		schema = string_node(cJSON_GetArrayItem(fields, n - 3));
	if (as(last, "A_Star") != NULL) {
		if (n == 1)
			return REF_STAR;
		it = qual != NULL ? find_item(a, s, schema, qual) : NULL;
		if (it == NULL || it->use < 0)
			return REF_NONE;
		*use = it->use;
		return REF_STAR;
	}
	*column = string_node(last);
	if (*column == NULL)
		return REF_NONE;
	if (n == 1) {
		*use = lookup_unqualified(a, s, *column);
	} else {
		it = qual != NULL ? find_item(a, s, schema, qual) : NULL;
		if (it != NULL && it->use >= 0 &&
		    has_column(a, it->use, *column) != 0)
			*use = it->use;
	}
	return *use >= 0 ? REF_COLUMN : REF_NONE;
}

static int resolve_column(const struct analysis *a, const struct scope *s,
			  const cJSON *node, long *use, const char **column)
{
	const cJSON *colref = as(node, "ColumnRef");

	return colref != NULL &&
	       resolve_ref(a, s, colref, use, column) == REF_COLUMN;
}

/* Functions that are no index expression on one column: aggregates,
 * window functions, and volatile or stable ones. */
static int unindexable_function(const char *name)
{
	static const char *const names[] = {
		"age",	       "array_agg", "avg",	  "bool_and",
		"bool_or",     "count",	    "dense_rank", "every",
		"first_value", "json_agg",  "jsonb_agg",  "lag",
		"last_value",  "lead",	    "max",	  "min",
		"nextval",     "ntile",	    "random",	  "rank",
		"row_number",  "stddev",    "string_agg", "sum",
		"to_char",     "variance",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i]) == 0)
			return 1;
	}
	return 0;
}

/* lower(col) as pg_get_indexdef prints it, or NULL. */
static char *function_expression(const struct analysis *a,
				 const struct scope *s, const cJSON *fn,
				 long *use, const char **column)
{
	const cJSON *names = get(fn, "funcname");
	const cJSON *args = get(fn, "args");
	int nnames = cJSON_GetArraySize(names);
	const char *name = string_node(last_item(names));
	const char *schema = NULL;
	const char *format = get_str(fn, "funcformat");
	const struct adv_model_column *col;
	struct adv_buf b;

	if (nnames == 2)
		schema = string_node(cJSON_GetArrayItem(names, 0));
	if (name == NULL || nnames < 1 || nnames > 2 ||
	    cJSON_GetArraySize(args) != 1 || get(fn, "over") != NULL ||
	    get(fn, "agg_filter") != NULL || get(fn, "agg_order") != NULL ||
	    cJSON_IsTrue(get(fn, "agg_star")) ||
	    cJSON_IsTrue(get(fn, "agg_distinct")) ||
	    cJSON_IsTrue(get(fn, "func_variadic")) ||
	    (format != NULL && strcmp(format, "COERCE_EXPLICIT_CALL") != 0) ||
	    unindexable_function(name))
		return NULL;
	if (!resolve_column(a, s, cJSON_GetArrayItem(args, 0), use, column))
		return NULL;
	col = column_of(a, *use, *column);
	/* date() of a timestamptz depends on the time zone */
	if (strcmp(name, "date") == 0 &&
	    (col == NULL || streq(col->data_type, "timestamp with time zone")))
		return NULL;
	adv_buf_init(&b);
	if (schema != NULL && strcmp(schema, "pg_catalog") != 0) {
		add_ident(&b, schema);
		adv_buf_addch(&b, '.');
	}
	add_ident(&b, name);
	adv_buf_addch(&b, '(');
	add_ident(&b, *column);
	if (col != NULL && is_char_type(col->data_type))
		adv_buf_addstr(&b, "::text");
	adv_buf_addch(&b, ')');
	return adv_buf_detach(&b);
}

/* (col::type) as pg_get_indexdef prints it, or NULL. */
static char *cast_expression(const struct analysis *a, const struct scope *s,
			     const cJSON *cast, long *use, const char **column)
{
	const struct adv_model_column *col;
	struct adv_buf b;
	char *type;

	if (!resolve_column(a, s, get(cast, "arg"), use, column))
		return NULL;
	type = cast_type_name(get(cast, "typeName"));
	if (type == NULL)
		return NULL;
	col = column_of(a, *use, *column);
	/* casts to and from date and time types depend on settings */
	if (col == NULL ||
	    ((is_datetime_type(type) || is_datetime_type(col->data_type)) &&
	     !streq(type, col->data_type))) {
		free(type);
		return NULL;
	}
	adv_buf_init(&b);
	adv_buf_addch(&b, '(');
	add_ident(&b, *column);
	adv_buf_addf(&b, "::%s)", type);
	free(type);
	return adv_buf_detach(&b);
}

/* Whether node is a column of a table use, or an indexable expression
 * of one column. ref->expression is the caller's to free. */
static int keyref_of(const struct analysis *a, const struct scope *s,
		     const cJSON *node, struct keyref *ref)
{
	const cJSON *body;

	ref->use = -1;
	ref->column = NULL;
	ref->expression = NULL;
	if (resolve_column(a, s, node, &ref->use, &ref->column))
		return 1;
	body = as(node, "FuncCall");
	if (body != NULL)
		ref->expression = function_expression(a, s, body, &ref->use,
						      &ref->column);
	body = as(node, "TypeCast");
	if (body != NULL)
		ref->expression =
			cast_expression(a, s, body, &ref->use, &ref->column);
	if (ref->expression == NULL) {
		ref->use = -1;
		return 0;
	}
	return 1;
}

static int same_ref(const struct keyref *x, const struct keyref *y)
{
	return x->use == y->use && streq(x->column, y->column) &&
	       streq(x->expression, y->expression);
}

/* --- partial index predicates -------------------------------------------- */

static int all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return 0;
	}
	return 1;
}

/* A decimal literal as the parser keeps it: digits with one point. */
static int plain_decimal(const char *s)
{
	int points = 0;

	if (*s < '0' || *s > '9')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s == '.')
			points++;
		else if (*s < '0' || *s > '9')
			return 0;
	}
	return points == 1;
}

/*
 * "col = literal" as pg_get_expr(indpred, indrelid, true) prints it for
 * the column's type, or NULL for a type or literal whose printed form this
 * does not know. The server labels a literal with its type ('x'::text),
 * compares a varchar through text and prints integers bare.
 */
static char *predicate_text(const struct adv_model_column *col,
			    const cJSON *aconst)
{
	const char *sval = get_str(get(aconst, "sval"), "sval");
	const char *fval = get_str(get(aconst, "fval"), "fval");
	const cJSON *ival = get(aconst, "ival");
	const cJSON *boolval = get(aconst, "boolval");
	char *type = base_type(col->data_type);
	struct adv_buf b;
	int ok = 1;

	adv_buf_init(&b);
	add_ident(&b, col->column);
	if (strcmp(type, "character varying") == 0)
		adv_buf_addstr(&b, "::text");
	adv_buf_addstr(&b, " = ");
	if (cJSON_IsObject(ival) && !cJSON_IsNumber(get(ival, "ival"))) {
		/* libpg_query 15 writes zero and negative integers alike as
		 * an empty object (pganalyze/libpg_query#243): unknown */
		ok = 0;
	} else if (cJSON_IsObject(ival)) {
		double n = get(ival, "ival")->valuedouble;

		if (strcmp(type, "integer") == 0 ||
		    strcmp(type, "bigint") == 0 ||
		    strcmp(type, "smallint") == 0) {
			if (n >= 0)
				adv_buf_addf(&b, "%.0f", n);
			else
				adv_buf_addf(&b, "'%.0f'::integer", n);
		} else if (strcmp(type, "numeric") == 0) {
			if (n >= 0)
				adv_buf_addf(&b, "%.0f::numeric", n);
			else
				adv_buf_addf(&b, "'%.0f'::integer::numeric", n);
		} else if (strcmp(type, "double precision") == 0 ||
			   strcmp(type, "real") == 0) {
			if (n >= 0)
				adv_buf_addf(&b, "%.0f::double precision", n);
			else
				ok = 0;
		} else {
			ok = 0;
		}
	} else if (fval != NULL) {
		if (strcmp(type, "numeric") == 0 && plain_decimal(fval))
			adv_buf_addstr(&b, fval);
		else if (strcmp(type, "numeric") == 0)
			adv_buf_addf(&b, "'%s'::numeric", fval);
		else if ((strcmp(type, "double precision") == 0 ||
			  strcmp(type, "real") == 0) &&
			 plain_decimal(fval))
			adv_buf_addf(&b, "%s::double precision", fval);
		else
			ok = 0;
	} else if (cJSON_IsObject(boolval)) {
		if (strcmp(type, "boolean") == 0)
			adv_buf_addstr(&b, cJSON_IsTrue(get(boolval, "boolval"))
						   ? "true"
						   : "false");
		else
			ok = 0;
	} else if (sval != NULL) {
		if (strcmp(type, "integer") == 0 && all_digits(sval) &&
		    strlen(sval) <= 9 && (sval[0] != '0' || sval[1] == '\0')) {
			adv_buf_addstr(&b, sval);
		} else if (strcmp(type, "boolean") == 0 ||
			   strcmp(type, "integer") == 0) {
			ok = 0;
		} else {
			const char *label = type;

			if (strcmp(type, "character varying") == 0)
				label = "text";
			else if (strcmp(type, "character") == 0)
				label = "bpchar";
			adv_sql_literal(&b, sval);
			adv_buf_addf(&b, "::%s", label);
		}
	} else {
		ok = 0; /* NULL, bit strings */
	}
	free(type);
	if (!ok) {
		adv_buf_release(&b);
		return NULL;
	}
	return adv_buf_detach(&b);
}

/*
 * col = 'literal' on a column with few distinct values (a status, a
 * kind): a partial index for that value can be small and selective. A
 * column with many values (a customer, a product) is not a category: the
 * literal there stands for whatever value the next call brings, and an
 * index for just that one would help nobody. A column whose n_distinct is
 * negative (it grows with the table) is key-like, not a category.
 */
#define MAX_CATEGORY_VALUES 50

static void maybe_partial(struct analysis *a, const struct keyref *ref,
			  const cJSON *value)
{
	const struct adv_model_column *col;
	const cJSON *cast = as(value, "TypeCast");
	const cJSON *aconst;
	struct pending_partial *p;
	char *text;

	if (ref->expression != NULL)
		return;
	col = column_of(a, ref->use, ref->column);
	if (col == NULL || !col->has_stats || col->n_distinct < 3 ||
	    col->n_distinct > MAX_CATEGORY_VALUES || col->data_type == NULL ||
	    !btree_indexable(col->data_type))
		return;
	if (cast != NULL) {
		/* a label that is the column's own type changes nothing */
		char *type = cast_type_name(get(cast, "typeName"));
		char *base = base_type(col->data_type);
		int same = type != NULL &&
			   (strcmp(type, base) == 0 ||
			    (strcmp(type, "text") == 0 &&
			     strcmp(base, "character varying") == 0));

		free(type);
		free(base);
		if (!same)
			return;
		value = get(cast, "arg");
	}
	aconst = as(value, "A_Const");
	if (aconst == NULL)
		return;
	text = predicate_text(col, aconst);
	if (text == NULL)
		return;
	ADV_ALLOC_GROW(a->partials, a->npartials + 1, a->partials_alloc);
	p = &a->partials[a->npartials++];
	p->use = ref->use;
	p->column = adv_xstrdup(ref->column);
	p->text = text;
}

/* --- predicates ---------------------------------------------------------- */

static void walk(struct analysis *a, const struct scope *s, const cJSON *node,
		 int depth);
static void analyse_query(struct analysis *a, const cJSON *node,
			  const struct scope *parent);

/* LIKE 'abc%' is a range on a btree only in the C collation. */
static int like_prefix_usable(const struct analysis *a,
			      const struct keyref *ref, const cJSON *pattern)
{
	const struct adv_model_column *col;
	const char *text;

	if (as(pattern, "TypeCast") != NULL)
		pattern = get(as(pattern, "TypeCast"), "arg");
	text = get_str(get(as(pattern, "A_Const"), "sval"), "sval");
	if (text == NULL || text[0] == '\0' || text[0] == '%' ||
	    text[0] == '_' || text[0] == '\\' || ref->expression != NULL)
		return 0;
	col = column_of(a, ref->use, ref->column);
	return col == NULL || col->collation == NULL ||
	       strcmp(col->collation, "C") == 0 ||
	       strcmp(col->collation, "POSIX") == 0;
}

/* All of node's columns come from elsewhere than use: other tables, a
 * derived table, an outer query (a.x = b.y + 1, a correlated
 * o.user_id = outer.id). */
static int refers_only_elsewhere(const struct analysis *a,
				 const struct scope *s, const cJSON *node,
				 long use, int *seen, int depth)
{
	const cJSON *child;

	if (depth > MAX_WALK)
		return 0;
	cJSON_ArrayForEach (child, node) {
		if (str_is(child->string, "SubLink"))
			return 0;
		if (str_is(child->string, "ColumnRef")) {
			long u;
			const char *c;

			if (resolve_ref(a, s, child, &u, &c) == REF_STAR ||
			    u == use)
				return 0;
			*seen = 1;
		} else if ((cJSON_IsObject(child) || cJSON_IsArray(child)) &&
			   !refers_only_elsewhere(a, s, child, use, seen,
						  depth + 1)) {
			return 0;
		}
	}
	return 1;
}

/* Whether an item of an OR is an equality on ref's target, filling ref. */
static int equality_item(const struct analysis *a, const struct scope *s,
			 const cJSON *node, struct keyref *ref)
{
	const cJSON *e = as(node, "A_Expr");
	const cJSON *nt = as(node, "NullTest");
	const char *kind;

	if (nt != NULL)
		return str_is(get_str(nt, "nulltesttype"), "IS_NULL") &&
		       keyref_of(a, s, get(nt, "arg"), ref);
	if (e == NULL || !op_is(e, "="))
		return 0;
	kind = get_str(e, "kind");
	if (str_is(kind, "AEXPR_OP")) {
		if (is_const(get(e, "rexpr"), 0) &&
		    keyref_of(a, s, get(e, "lexpr"), ref))
			return 1;
		return is_const(get(e, "lexpr"), 0) &&
		       keyref_of(a, s, get(e, "rexpr"), ref);
	}
	if (str_is(kind, "AEXPR_IN") || str_is(kind, "AEXPR_OP_ANY"))
		return is_const(get(e, "rexpr"), 0) &&
		       keyref_of(a, s, get(e, "lexpr"), ref);
	return 0;
}

/* col = a OR col = b is col IN (a, b); any other OR filters nothing an
 * index key could use. */
static void or_conjunct(struct analysis *a, const struct scope *s,
			const cJSON *args)
{
	struct keyref first = {-1, NULL, NULL}, ref;
	const cJSON *arg;
	int ok = cJSON_GetArraySize(args) > 0;

	cJSON_ArrayForEach (arg, args) {
		if (!ok)
			break;
		if (!equality_item(a, s, arg, &ref)) {
			ok = 0;
			break;
		}
		if (first.use < 0) {
			first = ref;
			continue;
		}
		ok = same_ref(&first, &ref);
		free(ref.expression);
	}
	if (ok && first.use >= 0)
		note(a, &first, USE_EQ, 0);
	free(first.expression);
}

static void op_conjunct(struct analysis *a, const struct scope *s,
			const cJSON *e, const char *op)
{
	const cJSON *lexpr = get(e, "lexpr"), *rexpr = get(e, "rexpr");
	struct keyref l, r;
	int lk = keyref_of(a, s, lexpr, &l);
	int rk = keyref_of(a, s, rexpr, &r);
	int eq = strcmp(op, "=") == 0;
	int seen = 0;

	if (lk && rk) {
		if (eq && l.use != r.use) {
			note(a, &l, USE_JOIN, 0);
			note(a, &r, USE_JOIN, 0);
		}
	} else if (lk && is_const(rexpr, 0)) {
		note(a, &l, eq ? USE_EQ : USE_RANGE, 0);
		if (eq)
			maybe_partial(a, &l, rexpr);
	} else if (rk && is_const(lexpr, 0)) {
		note(a, &r, eq ? USE_EQ : USE_RANGE, 0);
		if (eq)
			maybe_partial(a, &r, lexpr);
	} else if (eq && lk &&
		   refers_only_elsewhere(a, s, rexpr, l.use, &seen, 0) &&
		   seen) {
		note(a, &l, USE_JOIN, 0);
	} else if (eq && rk &&
		   refers_only_elsewhere(a, s, lexpr, r.use, &seen, 0) &&
		   seen) {
		note(a, &r, USE_JOIN, 0);
	}
	free(l.expression);
	free(r.expression);
}

static void expr_conjunct(struct analysis *a, const struct scope *s,
			  const cJSON *e)
{
	const char *kind = get_str(e, "kind");
	const char *op = string_node(last_item(get(e, "name")));
	struct keyref ref;

	if (op == NULL || kind == NULL)
		return;
	if (strcmp(kind, "AEXPR_OP") == 0) {
		if (strcmp(op, "=") == 0 || is_range_op(op))
			op_conjunct(a, s, e, op);
		return;
	}
	if (!keyref_of(a, s, get(e, "lexpr"), &ref))
		return;
	if ((strcmp(kind, "AEXPR_IN") == 0 ||
	     strcmp(kind, "AEXPR_OP_ANY") == 0) &&
	    strcmp(op, "=") == 0 && is_const(get(e, "rexpr"), 0))
		note(a, &ref, USE_EQ, 0);
	else if ((strcmp(kind, "AEXPR_BETWEEN") == 0 ||
		  strcmp(kind, "AEXPR_BETWEEN_SYM") == 0) &&
		 is_const(get(e, "rexpr"), 0))
		note(a, &ref, USE_RANGE, 0);
	else if (strcmp(kind, "AEXPR_LIKE") == 0 && strcmp(op, "~~") == 0 &&
		 like_prefix_usable(a, &ref, get(e, "rexpr")))
		note(a, &ref, USE_RANGE, 0);
	free(ref.expression);
}

/* One AND-ed condition: what it tells an index about its columns. */
static void conjunct(struct analysis *a, const struct scope *s,
		     const cJSON *node, int depth)
{
	const cJSON *body, *arg;
	struct keyref ref;

	if (depth > MAX_WALK)
		return;
	body = as(node, "BoolExpr");
	if (body != NULL) {
		const char *boolop = get_str(body, "boolop");
		const cJSON *args = get(body, "args");

		if (str_is(boolop, "AND_EXPR")) {
			cJSON_ArrayForEach (arg, args) {
				conjunct(a, s, arg, depth + 1);
			}
		} else if (str_is(boolop, "OR_EXPR")) {
			or_conjunct(a, s, args);
		} else if (str_is(boolop, "NOT_EXPR") &&
			   cJSON_GetArraySize(args) == 1 &&
			   resolve_column(a, s, cJSON_GetArrayItem(args, 0),
					  &ref.use, &ref.column)) {
			/* NOT flag is flag = false */
			ref.expression = NULL;
			note(a, &ref, USE_EQ, 0);
		}
		return;
	}
	body = as(node, "A_Expr");
	if (body != NULL) {
		expr_conjunct(a, s, body);
		return;
	}
	body = as(node, "NullTest");
	if (body != NULL) {
		if (str_is(get_str(body, "nulltesttype"), "IS_NULL") &&
		    keyref_of(a, s, get(body, "arg"), &ref)) {
			note(a, &ref, USE_EQ, 0);
			free(ref.expression);
		}
		return;
	}
	body = as(node, "SubLink");
	if (body != NULL) {
		/* col IN (SELECT ...) is a semi-join on col */
		const cJSON *oper = get(body, "operName");

		if (str_is(get_str(body, "subLinkType"), "ANY_SUBLINK") &&
		    (oper == NULL ||
		     str_is(string_node(last_item(oper)), "=")) &&
		    keyref_of(a, s, get(body, "testexpr"), &ref)) {
			note(a, &ref, USE_JOIN, 0);
			free(ref.expression);
		}
		return;
	}
	if (resolve_column(a, s, node, &ref.use, &ref.column)) {
		/* a boolean column alone: flag = true */
		ref.expression = NULL;
		note(a, &ref, USE_EQ, 0);
	}
}

/* --- reads and subqueries ------------------------------------------------ */

static void read_ref(struct analysis *a, const struct scope *s,
		     const cJSON *colref)
{
	struct keyref ref = {-1, NULL, NULL};
	size_t i;

	switch (resolve_ref(a, s, colref, &ref.use, &ref.column)) {
	case REF_COLUMN:
		note(a, &ref, USE_READ, 0);
		break;
	case REF_STAR:
		if (ref.use >= 0) {
			use_at(a, ref.use)->read_all = 1;
			break;
		}
		for (i = 0; i < s->nitems; i++) {
			if (s->items[i].use >= 0)
				use_at(a, s->items[i].use)->read_all = 1;
		}
		break;
	case REF_NONE:
		break;
	}
}

/* Every column a subtree reads, and the subqueries in it. */
static void walk(struct analysis *a, const struct scope *s, const cJSON *node,
		 int depth)
{
	const cJSON *child;

	if (depth > MAX_WALK)
		return;
	cJSON_ArrayForEach (child, node) {
		if (str_is(child->string, "ColumnRef")) {
			read_ref(a, s, child);
		} else if (str_is(child->string, "SubLink")) {
			walk(a, s, get(child, "testexpr"), depth + 1);
			analyse_query(a, get(child, "subselect"), s);
		} else if (str_is(child->string, "SelectStmt")) {
			analyse_query(a, node, s);
		} else if (cJSON_IsObject(child) || cJSON_IsArray(child)) {
			walk(a, s, child, depth + 1);
		}
	}
}

/* --- FROM ---------------------------------------------------------------- */

struct quals {
	const cJSON **items;
	size_t n, alloc;
};

static void push_qual(struct quals *q, const cJSON *node)
{
	if (node == NULL)
		return;
	ADV_ALLOC_GROW(q->items, q->n + 1, q->alloc);
	q->items[q->n++] = node;
}

/* The use among items [lo, hi) that has column, for JOIN ... USING. */
static long use_in_range(const struct analysis *a, const struct scope *s,
			 size_t lo, size_t hi, const char *column)
{
	long found = -1, unknown = -1;
	size_t i, nfound = 0;

	for (i = lo; i < hi; i++) {
		long use = s->items[i].use;
		int has;

		if (use < 0)
			continue;
		has = has_column(a, use, column);
		if (has == 1) {
			found = use;
			nfound++;
		} else if (has == -1) {
			unknown = use;
		}
	}
	if (nfound == 1)
		return found;
	return nfound == 0 && hi - lo == 1 ? unknown : -1;
}

static long add_relation(struct analysis *a, struct scope *s,
			 const cJSON *rangevar)
{
	const char *rel = get_str(rangevar, "relname");
	const char *schema = get_str(rangevar, "schemaname");
	const char *alias = get_str(get(rangevar, "alias"), "aliasname");
	const struct adv_model_table *t = NULL;
	long use = -1;

	if (rel == NULL)
		return -1;
	if (schema != NULL || !is_cte(s, rel))
		t = find_table(a->cat, schema, rel);
	if (t != NULL)
		use = new_use(a, t);
	push_item(s, alias != NULL ? alias : rel, rel, use);
	return use;
}

static void add_from(struct analysis *a, struct scope *s, const cJSON *node,
		     struct quals *quals, int depth)
{
	const cJSON *body;

	if (depth > MAX_WALK)
		return;
	body = as(node, "RangeVar");
	if (body != NULL) {
		add_relation(a, s, body);
		return;
	}
	body = as(node, "JoinExpr");
	if (body != NULL) {
		size_t lo = s->nitems, mid;
		const cJSON *name;

		add_from(a, s, get(body, "larg"), quals, depth + 1);
		mid = s->nitems;
		add_from(a, s, get(body, "rarg"), quals, depth + 1);
		push_qual(quals, get(body, "quals"));
		cJSON_ArrayForEach (name, get(body, "usingClause")) {
			struct keyref l = {-1, NULL, NULL},
				      r = {-1, NULL, NULL};
			const char *column = string_node(name);

			if (column == NULL)
				continue;
			l.use = use_in_range(a, s, lo, mid, column);
			r.use = use_in_range(a, s, mid, s->nitems, column);
			l.column = r.column = column;
			if (l.use >= 0) {
				note(a, &l, USE_JOIN, 0);
				note(a, &l, USE_READ, 0);
			}
			if (r.use >= 0) {
				note(a, &r, USE_JOIN, 0);
				note(a, &r, USE_READ, 0);
			}
		}
		return;
	}
	body = as(node, "RangeSubselect");
	if (body != NULL) {
		struct scope outer;

		/* without LATERAL it sees the outer levels and the WITH
		 * names, not its siblings in FROM */
		scope_init(&outer, s->parent);
		outer.ctes = s->ctes;
		outer.nctes = s->nctes;
		analyse_query(a, get(body, "subquery"),
			      cJSON_IsTrue(get(body, "lateral")) ? s : &outer);
		push_item(s, get_str(get(body, "alias"), "aliasname"), NULL,
			  -1);
		return;
	}
	body = as(node, "RangeFunction");
	if (body != NULL) {
		walk(a, s, get(body, "functions"), 0);
		push_item(s, get_str(get(body, "alias"), "aliasname"), NULL,
			  -1);
		return;
	}
	body = as(node, "RangeTableSample");
	if (body != NULL)
		add_from(a, s, get(body, "relation"), quals, depth + 1);
}

/* --- query levels -------------------------------------------------------- */

static void add_ctes(struct analysis *a, struct scope *s, const cJSON *with)
{
	const cJSON *cte;

	cJSON_ArrayForEach (cte, get(with, "ctes")) {
		const char *name =
			get_str(as(cte, "CommonTableExpr"), "ctename");

		if (name == NULL)
			continue;
		ADV_ALLOC_GROW(s->ctes, s->nctes + 1, s->ctes_alloc);
		s->ctes[s->nctes++] = name;
	}
	/* after the names, so a recursive reference is not a table */
	cJSON_ArrayForEach (cte, get(with, "ctes")) {
		analyse_query(a, get(as(cte, "CommonTableExpr"), "ctequery"),
			      s);
	}
}

static int own_use(const struct scope *s, long use)
{
	size_t i;

	for (i = 0; i < s->nitems; i++) {
		if (s->items[i].use == use)
			return 1;
	}
	return 0;
}

/* ORDER BY 2 and ORDER BY alias name select-list entries. */
static const cJSON *output_column(const struct scope *s, const cJSON *node)
{
	const cJSON *aconst = as(node, "A_Const");
	const cJSON *colref = as(node, "ColumnRef");
	const cJSON *target;

	if (aconst != NULL) {
		const cJSON *ival = get(get(aconst, "ival"), "ival");

		if (!cJSON_IsNumber(ival) || ival->valuedouble < 1)
			return node;
		target = cJSON_GetArrayItem(s->targets,
					    (int)ival->valuedouble - 1);
		return get(as(target, "ResTarget"), "val");
	}
	if (colref != NULL && cJSON_GetArraySize(get(colref, "fields")) == 1) {
		const char *name = string_node(
			cJSON_GetArrayItem(get(colref, "fields"), 0));

		cJSON_ArrayForEach (target, s->targets) {
			const cJSON *rt = as(target, "ResTarget");

			if (name != NULL && str_is(get_str(rt, "name"), name))
				return get(rt, "val");
		}
	}
	return node;
}

/*
 * The order the statement needs: its GROUP BY keys when it groups (a later
 * ORDER BY sorts the groups, which no index delivers), else its ORDER BY.
 * An index can deliver it only when every key is a column (or expression)
 * of one table of this level, and NULLS FIRST/LAST is the default for the
 * direction or the column is NOT NULL.
 */
static void analyse_order(struct analysis *a, const struct scope *s,
			  const cJSON *sel)
{
	const cJSON *group = get(sel, "groupClause");
	int grouped = cJSON_GetArraySize(group) > 0;
	const cJSON *list = grouped ? group : get(sel, "sortClause");
	int n = cJSON_GetArraySize(list), i, ok = 1;
	struct keyref *refs;
	int *desc;

	if (n == 0)
		return;
	refs = adv_xcalloc((size_t)n, sizeof(*refs));
	desc = adv_xcalloc((size_t)n, sizeof(*desc));
	for (i = 0; i < n && ok; i++) {
		const cJSON *item = cJSON_GetArrayItem(list, i);
		const cJSON *sortby = as(item, "SortBy");
		const cJSON *node = grouped ? item : get(sortby, "node");
		const char *dir = get_str(sortby, "sortby_dir");
		const char *nulls = get_str(sortby, "sortby_nulls");

		desc[i] = str_is(dir, "SORTBY_DESC");
		if (!grouped &&
		    (str_is(dir, "SORTBY_USING") ||
		     cJSON_GetArraySize(get(sortby, "useOp")) > 0)) {
			ok = 0;
			break;
		}
		if (!keyref_of(a, s, output_column(s, node), &refs[i]) ||
		    !own_use(s, refs[i].use) ||
		    (i > 0 && refs[i].use != refs[0].use)) {
			ok = 0;
			break;
		}
		if ((str_is(nulls, "SORTBY_NULLS_FIRST") && !desc[i]) ||
		    (str_is(nulls, "SORTBY_NULLS_LAST") && desc[i])) {
			const struct adv_model_column *col =
				refs[i].expression == NULL
					? column_of(a, refs[i].use,
						    refs[i].column)
					: NULL;

			if (col == NULL || col->not_null != 1)
				ok = 0;
		}
	}
	for (i = 0; i < n; i++) {
		if (ok)
			note(a, &refs[i], USE_SORT, desc[i]);
		free(refs[i].expression);
	}
	free(refs);
	free(desc);
}

static int has_limit(const cJSON *sel)
{
	const cJSON *count = get(sel, "limitCount");

	if (count == NULL)
		return 0;
	/* LIMIT ALL and LIMIT NULL limit nothing */
	return !cJSON_IsTrue(get(as(count, "A_Const"), "isnull"));
}

/* The filters of a level: WHERE and the join conditions. */
static void analyse_filters(struct analysis *a, const struct scope *s,
			    const cJSON *where, const struct quals *quals)
{
	size_t i;

	conjunct(a, s, where, 0);
	walk(a, s, where, 0);
	for (i = 0; i < quals->n; i++) {
		conjunct(a, s, quals->items[i], 0);
		walk(a, s, quals->items[i], 0);
	}
}

static void analyse_select(struct analysis *a, const cJSON *sel,
			   const struct scope *parent)
{
	struct scope s;
	struct quals quals = {NULL, 0, 0};
	const char *op = get_str(sel, "op");
	const cJSON *item;
	size_t i;

	if (!cJSON_IsObject(sel))
		return;
	scope_init(&s, parent);
	if (op != NULL && strcmp(op, "SETOP_NONE") != 0) {
		/* WITH of a UNION belongs to both arms */
		add_ctes(a, &s, get(sel, "withClause"));
		analyse_select(a, get(sel, "larg"), &s);
		analyse_select(a, get(sel, "rarg"), &s);
		scope_release(&s);
		return;
	}
	s.targets = get(sel, "targetList");
	add_ctes(a, &s, get(sel, "withClause"));
	cJSON_ArrayForEach (item, get(sel, "fromClause")) {
		add_from(a, &s, item, &quals, 0);
	}
	analyse_filters(a, &s, get(sel, "whereClause"), &quals);
	walk(a, &s, s.targets, 0);
	walk(a, &s, get(sel, "valuesLists"), 0);
	walk(a, &s, get(sel, "havingClause"), 0);
	walk(a, &s, get(sel, "groupClause"), 0);
	walk(a, &s, get(sel, "windowClause"), 0);
	walk(a, &s, get(sel, "distinctClause"), 0);
	/* ORDER BY alias and ORDER BY 1 read through the select list */
	walk(a, &s, get(sel, "sortClause"), 0);
	analyse_order(a, &s, sel);
	if (has_limit(sel)) {
		for (i = 0; i < s.nitems; i++) {
			if (s.items[i].use >= 0)
				use_at(a, s.items[i].use)->has_limit = 1;
		}
	}
	free(quals.items);
	scope_release(&s);
}

/* UPDATE and DELETE: the target table and its WHERE (rows to find), the
 * other tables of FROM or USING, RETURNING. */
static void analyse_modify(struct analysis *a, const cJSON *stmt,
			   const char *from_key, const struct scope *parent)
{
	struct scope s;
	struct quals quals = {NULL, 0, 0};
	const cJSON *item;

	scope_init(&s, parent);
	add_ctes(a, &s, get(stmt, "withClause"));
	add_relation(a, &s, get(stmt, "relation"));
	cJSON_ArrayForEach (item, get(stmt, from_key)) {
		add_from(a, &s, item, &quals, 0);
	}
	analyse_filters(a, &s, get(stmt, "whereClause"), &quals);
	/* SET col = expr reads what expr reads, not col */
	cJSON_ArrayForEach (item, get(stmt, "targetList")) {
		walk(a, &s, get(as(item, "ResTarget"), "val"), 0);
	}
	walk(a, &s, get(stmt, "returningList"), 0);
	a->out->is_write = 1;
	free(quals.items);
	scope_release(&s);
}

static void analyse_insert(struct analysis *a, const cJSON *stmt,
			   const struct scope *parent)
{
	struct scope s;

	scope_init(&s, parent);
	add_ctes(a, &s, get(stmt, "withClause"));
	/* the rows come from the SELECT, which cannot see the target */
	analyse_query(a, get(stmt, "selectStmt"), &s);
	add_relation(a, &s, get(stmt, "relation"));
	walk(a, &s, get(stmt, "returningList"), 0);
	a->out->is_write = 1;
	scope_release(&s);
}

static void analyse_query(struct analysis *a, const cJSON *node,
			  const struct scope *parent)
{
	const cJSON *body;

	if (node == NULL || a->level >= MAX_LEVELS)
		return;
	a->level++;
	if ((body = as(node, "SelectStmt")) != NULL)
		analyse_select(a, body, parent);
	else if ((body = as(node, "UpdateStmt")) != NULL)
		analyse_modify(a, body, "fromClause", parent);
	else if ((body = as(node, "DeleteStmt")) != NULL)
		analyse_modify(a, body, "usingClause", parent);
	else if ((body = as(node, "InsertStmt")) != NULL)
		analyse_insert(a, body, parent);
	else if ((body = as(node, "ExplainStmt")) != NULL)
		analyse_query(a, get(body, "query"), parent);
	else if ((body = as(node, "CreateTableAsStmt")) != NULL)
		analyse_query(a, get(body, "query"), parent);
	a->level--;
}

/* A constant predicate on a join column is not a partial index: the
 * join, not the constant, finds the rows. The first MAX_PARTIALS of a
 * table are kept. */
static void finish_partials(struct analysis *a)
{
	size_t i, j;

	for (i = 0; i < a->npartials; i++) {
		struct pending_partial *p = &a->partials[i];
		struct adv_table_use *u = use_at(a, p->use);
		int keep = u->npartial < MAX_PARTIALS;

		for (j = 0; j < u->njoin && keep; j++) {
			if (streq(u->join[j].column, p->column))
				keep = 0;
		}
		for (j = 0; j < u->npartial && keep; j++) {
			if (strcmp(u->partial[j], p->text) == 0)
				keep = 0;
		}
		if (keep) {
			u->partial = adv_xrealloc(u->partial,
						  (u->npartial + 1) *
							  sizeof(*u->partial));
			u->partial[u->npartial++] = p->text;
			p->text = NULL;
		}
		free(p->text);
		free(p->column);
	}
	free(a->partials);
	a->partials = NULL;
	a->npartials = 0;
}

enum adv_status adv_stmt_analyse(const char *sql,
				 const struct adv_model_snapshot *catalog,
				 struct adv_stmt_use *out,
				 struct adv_error *err)
{
	struct analysis a;
	cJSON *tree = NULL;
	const cJSON *raw;
	enum adv_status st;

	memset(out, 0, sizeof(*out));
	if (sql == NULL)
		return adv_error_set(err, ADV_EINTERNAL,
				     "adv_stmt_analyse: no statement");
	st = adv_sql_parse(sql, &tree, err);
	if (st != ADV_OK)
		return st;
	memset(&a, 0, sizeof(a));
	a.cat = catalog;
	a.out = out;
	cJSON_ArrayForEach (raw, get(tree, "stmts")) {
		analyse_query(&a, get(raw, "stmt"), NULL);
	}
	finish_partials(&a);
	cJSON_Delete(tree);
	return ADV_OK;
}

static void free_col_uses(struct adv_col_use *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].column);
		free(v[i].expression);
	}
	free(v);
}

void adv_stmt_use_release(struct adv_stmt_use *u)
{
	size_t i, j;

	if (u == NULL)
		return;
	for (i = 0; i < u->ntables; i++) {
		struct adv_table_use *t = &u->tables[i];

		free(t->schema);
		free(t->table);
		free_col_uses(t->eq, t->neq);
		free_col_uses(t->range, t->nrange);
		free_col_uses(t->join, t->njoin);
		free_col_uses(t->sort, t->nsort);
		free_col_uses(t->read, t->nread);
		for (j = 0; j < t->npartial; j++)
			free(t->partial[j]);
		free(t->partial);
	}
	free(u->tables);
	memset(u, 0, sizeof(*u));
}

/* --- candidates ---------------------------------------------------------- */

/* A key a candidate may take, with what orders it among the others. */
struct key_src {
	const char *column;
	const char *expression;
	int desc;
	double distinct; /* estimated distinct values; 0 unknown */
	size_t order;	 /* position in the statement */
};

struct builder {
	const struct adv_model_snapshot *cat;
	const struct adv_table_use *use;
	const struct adv_model_table *table;
	size_t width;
	int no_expression;
	struct adv_cand_set *set;
	int *ids;
	size_t nids, ids_alloc;
};

static double distinct_of(const struct builder *b, const char *column)
{
	const struct adv_model_column *col;
	double rows = b->table->estimated_rows;

	if (column == NULL)
		return 0;
	col = adv_model_find_column(b->cat, b->use->schema, b->use->table,
				    column);
	if (col == NULL || !col->has_stats || col->n_distinct == 0)
		return 0;
	if (col->n_distinct > 0)
		return col->n_distinct;
	return -col->n_distinct * (rows >= 1 ? rows : 1);
}

/* Expressions first (they are what the statement filters on, as written),
 * then columns by decreasing distinct values, then statement order. */
static int cmp_selectivity(const void *x, const void *y)
{
	const struct key_src *a = x, *b = y;

	if ((a->column == NULL) != (b->column == NULL))
		return a->column == NULL ? -1 : 1;
	if (a->distinct != b->distinct)
		return a->distinct > b->distinct ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static int in_keys(const struct key_src *v, size_t n, const char *column,
		   const char *expression)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (streq(v[i].column, column) &&
		    streq(v[i].expression, expression))
			return 1;
	}
	return 0;
}

/* Appends uses to v (deduplicated, not those in skip), returns the count. */
static size_t gather(const struct builder *b, struct key_src *v, size_t n,
		     const struct adv_col_use *uses, size_t nuses,
		     const struct key_src *skip, size_t nskip)
{
	size_t i;

	for (i = 0; i < nuses; i++) {
		const struct adv_col_use *u = &uses[i];

		if (u->column == NULL && u->expression == NULL)
			continue;
		if (u->expression != NULL && b->no_expression)
			continue;
		if (in_keys(v, n, u->column, u->expression) ||
		    in_keys(skip, nskip, u->column, u->expression))
			continue;
		v[n].column = u->column;
		v[n].expression = u->expression;
		v[n].desc = u->desc;
		v[n].distinct = distinct_of(b, u->column);
		v[n].order = n;
		n++;
	}
	return n;
}

static struct adv_candidate *cand_new(const struct builder *b)
{
	struct adv_candidate *c = adv_xcalloc(1, sizeof(*c));

	c->schema = adv_xstrdup(b->use->schema);
	c->table = adv_xstrdup(b->use->table);
	c->keys = adv_xcalloc(b->width + 1, sizeof(*c->keys));
	c->size_bytes = -1;
	c->partitioned = str_is(b->table->kind, "partitioned");
	return c;
}

static int cand_has_column(const struct adv_candidate *c, const char *column)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		if (streq(c->keys[i].column, column))
			return 1;
	}
	for (i = 0; i < c->ninclude; i++) {
		if (strcmp(c->include[i], column) == 0)
			return 1;
	}
	return 0;
}

/* Appends a key unless the candidate is full, has it already, or the
 * column's type has no btree ordering. */
static void cand_push(const struct builder *b, struct adv_candidate *c,
		      const char *column, const char *expression, int desc)
{
	struct adv_cand_key *k;
	size_t i;

	if (c->nkeys >= b->width)
		return;
	for (i = 0; i < c->nkeys; i++) {
		if (streq(c->keys[i].column, column) &&
		    streq(c->keys[i].expression, expression))
			return;
	}
	if (column != NULL) {
		const struct adv_model_column *col = adv_model_find_column(
			b->cat, b->use->schema, b->use->table, column);

		if (col != NULL && !btree_indexable(col->data_type))
			return;
	}
	k = &c->keys[c->nkeys++];
	k->column = adv_xstrdup_or_null(column);
	k->expression = adv_xstrdup_or_null(expression);
	k->desc = desc;
}

static void flip_from(struct adv_candidate *c, size_t from)
{
	size_t i;

	for (i = from; i < c->nkeys; i++)
		c->keys[i].desc = !c->keys[i].desc;
}

/*
 * Whether an existing index serves c. After `prefix` equality keys the
 * order of the rest can be read backwards as well, so (a, b) serves
 * (a, b DESC) when a is fixed by an equality.
 */
static int served(const struct builder *b, struct adv_candidate *c,
		  size_t prefix)
{
	size_t i;

	for (i = 0; i < b->cat->nindexes; i++) {
		const struct adv_model_index *ix = b->cat->indexes[i];
		int hit;

		if (!streq(ix->schema, c->schema) ||
		    !streq(ix->table, c->table))
			continue;
		if (adv_candidate_served_by(c, ix))
			return 1;
		if (prefix == 0 || prefix >= c->nkeys)
			continue;
		flip_from(c, prefix);
		hit = adv_candidate_served_by(c, ix);
		flip_from(c, prefix);
		if (hit)
			return 1;
	}
	return 0;
}

/* The id of a candidate in the set that is c read backwards after its
 * equality prefix ((a) and (a DESC)), or -1. */
static int reversed_twin(const struct builder *b, struct adv_candidate *c,
			 size_t prefix)
{
	struct adv_buf key;
	int id = -1;
	size_t i;

	if (prefix >= c->nkeys)
		return -1;
	adv_buf_init(&key);
	flip_from(c, prefix);
	adv_candidate_key(&key, c);
	flip_from(c, prefix);
	for (i = 0; i < b->set->n && id < 0; i++) {
		if (strcmp(b->set->keys[i], key.data) == 0)
			id = (int)i;
	}
	adv_buf_release(&key);
	return id;
}

/* Adds c to the set unless it is empty or already served; takes c. */
static void offer(struct builder *b, struct adv_candidate *c, size_t prefix)
{
	int id;
	size_t i;

	if (c->nkeys == 0 || served(b, c, prefix)) {
		adv_candidate_free(c);
		return;
	}
	id = reversed_twin(b, c, prefix);
	if (id >= 0)
		adv_candidate_free(c);
	else
		id = adv_cand_set_add(b->set, c);
	for (i = 0; i < b->nids; i++) {
		if (b->ids[i] == id)
			return;
	}
	ADV_ALLOC_GROW(b->ids, b->nids + 1, b->ids_alloc);
	b->ids[b->nids++] = id;
}

/* Equality keys (up to the width), then the tail; skip_column is left
 * out. *prefix counts the equality keys taken. */
static struct adv_candidate *ordering(const struct builder *b,
				      const struct key_src *eq, size_t neq,
				      const struct key_src *tail, size_t ntail,
				      const char *skip_column, size_t *prefix)
{
	struct adv_candidate *c = cand_new(b);
	size_t i;

	for (i = 0; i < neq; i++) {
		if (skip_column == NULL || !streq(eq[i].column, skip_column))
			cand_push(b, c, eq[i].column, eq[i].expression, 0);
	}
	*prefix = c->nkeys;
	for (i = 0; i < ntail; i++) {
		if (skip_column == NULL || !streq(tail[i].column, skip_column))
			cand_push(b, c, tail[i].column, tail[i].expression,
				  tail[i].desc);
	}
	return c;
}

static void offer_ordering(struct builder *b, const struct key_src *eq,
			   size_t neq, const struct key_src *tail, size_t ntail)
{
	size_t prefix;
	struct adv_candidate *c =
		ordering(b, eq, neq, tail, ntail, NULL, &prefix);

	offer(b, c, prefix);
}

static void offer_single(struct builder *b, const struct key_src *k)
{
	struct adv_candidate *c = cand_new(b);

	cand_push(b, c, k->column, k->expression, 0);
	offer(b, c, 0);
}

/* INCLUDE the columns the statement reads beyond c's keys, when that
 * makes an index-only scan possible with at most MAX_INCLUDE of them. */
static int add_include(const struct builder *b, struct adv_candidate *c)
{
	const struct adv_table_use *u = b->use;
	size_t i, n = 0;

	for (i = 0; i < u->nread; i++) {
		const char *col = u->read[i].column;

		if (col != NULL && !cand_has_column(c, col))
			n++;
	}
	if (n == 0 || n > MAX_INCLUDE)
		return 0;
	c->include = adv_xcalloc(n + 1, sizeof(*c->include));
	for (i = 0; i < u->nread; i++) {
		const char *col = u->read[i].column;

		if (col != NULL && !cand_has_column(c, col))
			c->include[c->ninclude++] = adv_xstrdup(col);
	}
	return 1;
}

/* The column a partial predicate of ours is on: it starts with the
 * column's name as predicate_text writes it. */
static const char *partial_column(const struct adv_table_use *u,
				  const char *pred)
{
	size_t i;

	for (i = 0; i < u->neq; i++) {
		struct adv_buf b;
		int hit;

		if (u->eq[i].column == NULL)
			continue;
		adv_buf_init(&b);
		add_ident(&b, u->eq[i].column);
		hit = strncmp(pred, b.data, b.len) == 0 &&
		      (strncmp(pred + b.len, " = ", 3) == 0 ||
		       strncmp(pred + b.len, "::text = ", 9) == 0);
		adv_buf_release(&b);
		if (hit)
			return u->eq[i].column;
	}
	return NULL;
}

static void table_candidates(struct builder *b, const struct adv_stmt_use *st,
			     const struct adv_cand_opts *opts)
{
	const struct adv_table_use *u = b->use;
	size_t cap = u->neq + u->njoin + u->nrange + u->nsort + 1;
	struct key_src *eq = adv_xcalloc(cap, sizeof(*eq));
	struct key_src *range = adv_xcalloc(cap, sizeof(*range));
	struct key_src *sort = adv_xcalloc(cap, sizeof(*sort));
	struct key_src *best_tail = NULL;
	size_t neq, nrange, nsort, nbest_tail = 0, i, prefix = 0;
	int sort_ok;

	neq = gather(b, eq, 0, u->eq, u->neq, NULL, 0);
	neq = gather(b, eq, neq, u->join, u->njoin, NULL, 0);
	nrange = gather(b, range, 0, u->range, u->nrange, eq, neq);
	/* sorting on a column an equality fixes is free */
	nsort = gather(b, sort, 0, u->sort, u->nsort, eq, neq);
	for (i = 0; i < u->nsort && b->no_expression; i++) {
		/* without its expression keys no index has the order */
		if (u->sort[i].expression != NULL)
			nsort = 0;
	}
	sort_ok = nsort > 0 &&
		  (nrange == 0 ||
		   in_keys(range, nrange, sort[0].column, sort[0].expression));

	/* (a) each key alone, in statement order */
	for (i = 0; i < neq; i++)
		offer_single(b, &eq[i]);
	for (i = 0; i < nrange; i++)
		offer_single(b, &range[i]);

	qsort(eq, neq, sizeof(*eq), cmp_selectivity);

	/* (b) equality keys, then one range key, then the order */
	if (neq >= 2)
		offer_ordering(b, eq, neq, NULL, 0);
	for (i = 0; i < nrange && neq > 0; i++) {
		struct key_src r = range[i];

		if (sort_ok && streq(r.column, sort[0].column) &&
		    streq(r.expression, sort[0].expression))
			r.desc = sort[0].desc;
		offer_ordering(b, eq, neq, &r, 1);
	}
	if (sort_ok || (nsort > 0 && u->has_limit))
		offer_ordering(b, eq, neq, sort, nsort);

	if (sort_ok) {
		best_tail = sort;
		nbest_tail = nsort;
	} else if (nrange > 0) {
		best_tail = range;
		nbest_tail = 1;
	}

	/* (c) the best ordering, covering what the statement reads */
	if (!opts->no_include && !u->read_all && !st->is_write &&
	    neq + nbest_tail > 0) {
		struct adv_candidate *c = ordering(b, eq, neq, best_tail,
						   nbest_tail, NULL, &prefix);

		if (c->nkeys > 0 && add_include(b, c))
			offer(b, c, prefix);
		else
			adv_candidate_free(c);
	}

	/* (d) partial: the other keys, for the rows of one value */
	for (i = 0; i < u->npartial && !opts->no_partial; i++) {
		const char *pc = partial_column(u, u->partial[i]);
		struct adv_candidate *c = ordering(b, eq, neq, best_tail,
						   nbest_tail, pc, &prefix);
		size_t j;

		for (j = 0; j < u->nread && c->nkeys == 0; j++) {
			if (!streq(u->read[j].column, pc))
				cand_push(b, c, u->read[j].column, NULL, 0);
		}
		if (c->nkeys == 0 && pc != NULL)
			cand_push(b, c, pc, NULL, 0);
		c->predicate = adv_xstrdup(u->partial[i]);
		offer(b, c, prefix);
	}
	free(eq);
	free(range);
	free(sort);
}

enum adv_status adv_candidates_for(const struct adv_stmt_use *use,
				   const struct adv_model_snapshot *catalog,
				   const struct adv_cand_opts *opts,
				   struct adv_cand_set *set, int **ids,
				   size_t *nids, struct adv_error *err)
{
	static const struct adv_cand_opts defaults = {3, 0, 0, 0};
	struct builder b;
	size_t i;

	*ids = NULL;
	*nids = 0;
	if (use == NULL || catalog == NULL || set == NULL)
		return adv_error_set(err, ADV_EINTERNAL,
				     "adv_candidates_for: missing argument");
	if (opts == NULL)
		opts = &defaults;
	memset(&b, 0, sizeof(b));
	b.cat = catalog;
	b.set = set;
	b.width = opts->max_width > 0 ? opts->max_width : defaults.max_width;
	b.no_expression = opts->no_expression;
	for (i = 0; i < use->ntables; i++) {
		b.use = &use->tables[i];
		b.table = adv_model_find_table(catalog, b.use->schema,
					       b.use->table);
		if (b.table == NULL)
			continue;
		table_candidates(&b, use, opts);
	}
	*ids = b.ids;
	*nids = b.nids;
	return ADV_OK;
}
