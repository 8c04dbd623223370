#include "sqlast.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

/* ---- the arena ---- */

struct adv_ast_chunk {
	struct adv_ast_chunk *prev;
	size_t size;
	/* max_align_t keeps the payload aligned for any node */
	max_align_t data[];
};

#define ARENA_CHUNK 16384

void adv_ast_arena_init(struct adv_ast_arena *a)
{
	a->chunks = NULL;
	a->used = 0;
}

void adv_ast_arena_release(struct adv_ast_arena *a)
{
	struct adv_ast_chunk *c = a->chunks;

	while (c != NULL) {
		struct adv_ast_chunk *prev = c->prev;

		free(c);
		c = prev;
	}
	a->chunks = NULL;
	a->used = 0;
}

void *adv_ast_alloc(struct adv_ast_arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	size_t need = (size + align - 1) / align * align;
	char *p;

	if (need == 0)
		need = align;
	if (a->chunks == NULL || a->used + need > a->chunks->size) {
		size_t cap = need > ARENA_CHUNK ? need : ARENA_CHUNK;
		struct adv_ast_chunk *c =
			adv_xmalloc(sizeof(struct adv_ast_chunk) + cap);

		c->prev = a->chunks;
		c->size = cap;
		a->chunks = c;
		a->used = 0;
	}
	p = (char *)a->chunks->data + a->used;
	a->used += need;
	memset(p, 0, need);
	return p;
}

struct adv_ast *adv_ast_new(struct adv_ast_arena *a, enum adv_ast_kind kind,
			    int loc)
{
	struct adv_ast *n = adv_ast_alloc(a, sizeof(*n));

	n->kind = kind;
	n->loc = loc;
	n->type.len = -1;
	return n;
}

char *adv_ast_strndup(struct adv_ast_arena *a, const char *s, size_t n)
{
	char *p = adv_ast_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *adv_ast_strdup(struct adv_ast_arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return adv_ast_strndup(a, s, strlen(s));
}

char *adv_ast_strndup_lower(struct adv_ast_arena *a, const char *s, size_t n)
{
	char *p = adv_ast_strndup(a, s, n);
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] - 'A' + 'a');
	}
	return p;
}

void adv_ast_append(struct adv_ast **head, struct adv_ast *item)
{
	while (*head != NULL)
		head = &(*head)->next;
	*head = item;
}

size_t adv_ast_list_len(const struct adv_ast *list)
{
	size_t n = 0;

	for (; list != NULL; list = list->next)
		n++;
	return n;
}

void adv_ast_parse_init(struct adv_ast_parse *p)
{
	adv_ast_arena_init(&p->arena);
	p->stmts = NULL;
	p->error = NULL;
	p->error_loc = -1;
}

void adv_ast_parse_release(struct adv_ast_parse *p)
{
	adv_ast_arena_release(&p->arena);
	p->stmts = NULL;
	p->error = NULL;
	p->error_loc = -1;
}

enum adv_status adv_ast_parse(const char *text, size_t len,
			      enum adv_sql_dialect dialect,
			      struct adv_ast_parse *p)
{
	if (dialect == ADV_DIALECT_PG)
		return adv_ast_parse_pg(text, len, p);
	return adv_ast_parse_tokens(text, len, dialect, p);
}

/* ---- walking ---- */

struct walk {
	unsigned how;
	adv_ast_walk_fn fn;
	void *data;
	struct adv_ast_path path;
};

static int walk_node(struct walk *w, const struct adv_ast *node);

static int walk_list(struct walk *w, const struct adv_ast *parent,
		     enum adv_ast_field field, const struct adv_ast *list)
{
	int d = w->path.depth;

	if (list == NULL)
		return 0;
	if (d >= ADV_AST_PATH_MAX)
		return 0;
	w->path.node[d] = parent;
	w->path.field[d] = field;
	w->path.depth = d + 1;
	for (; list != NULL; list = list->next) {
		if (walk_node(w, list) < 0) {
			w->path.depth = d;
			return -1;
		}
	}
	w->path.depth = d;
	return 0;
}

static int is_subquery_boundary(const struct adv_ast *node, int is_root)
{
	switch (node->kind) {
	case ADV_AST_SUBLINK:
	case ADV_AST_SUBQUERY:
	case ADV_AST_CTE:
		return 1;
	case ADV_AST_IN:
		return node->sub != NULL;
	case ADV_AST_SELECT:
		return !is_root;
	default:
		return 0;
	}
}

static int walk_node(struct walk *w, const struct adv_ast *n)
{
	int r = w->fn(n, &w->path, w->data);

	if (r < 0)
		return -1;
	if (r > 0)
		return 0;
	if ((w->how & ADV_WALK_NO_SUBQUERY) != 0 &&
	    is_subquery_boundary(n, w->path.depth == 0))
		return 0;
#define WALK(f, field)                                \
	do {                                          \
		if (walk_list(w, n, field, n->f) < 0) \
			return -1;                    \
	} while (0)
	WALK(with, ADV_F_WITH);
	WALK(args, ADV_F_ARGS);
	WALK(targets, ADV_F_TARGETS);
	WALK(table, ADV_F_TABLE);
	WALK(cols, ADV_F_COLS);
	WALK(from, ADV_F_FROM);
	WALK(where, ADV_F_WHERE);
	WALK(group, ADV_F_GROUP);
	WALK(having, ADV_F_HAVING);
	WALK(order, ADV_F_ORDER);
	WALK(limit, ADV_F_LIMIT);
	WALK(offset, ADV_F_OFFSET);
	WALK(into, ADV_F_INTO);
	WALK(larg, ADV_F_LARG);
	WALK(rarg, ADV_F_RARG);
	WALK(sub, ADV_F_SUB);
	WALK(values, ADV_F_VALUES);
	WALK(set, ADV_F_SET);
	WALK(returning, ADV_F_RETURNING);
	WALK(quals, ADV_F_QUALS);
	WALK(options, ADV_F_OPTIONS);
	WALK(coldefs, ADV_F_COLDEFS);
	WALK(constraints, ADV_F_CONSTRAINTS);
	WALK(indexes, ADV_F_INDEXES);
	WALK(cmds, ADV_F_CMDS);
	WALK(coldef, ADV_F_COLDEF);
	WALK(constraint, ADV_F_CONSTRAINT);
	WALK(include, ADV_F_INCLUDE);
	WALK(dflt, ADV_F_DFLT);
	WALK(hints, ADV_F_HINTS);
#undef WALK
	return 0;
}

int adv_ast_walk(const struct adv_ast *node, unsigned how, adv_ast_walk_fn fn,
		 void *data)
{
	struct walk *w;
	int r;

	if (node == NULL)
		return 0;
	w = adv_xmalloc(sizeof(*w));
	w->how = how;
	w->fn = fn;
	w->data = data;
	w->path.depth = 0;
	r = walk_node(w, node);
	free(w);
	return r;
}

const struct adv_ast *adv_ast_path_find(const struct adv_ast_path *path,
					enum adv_ast_kind kind,
					enum adv_ast_field *field)
{
	int i;

	for (i = path->depth - 1; i >= 0; i--) {
		if (path->node[i]->kind == kind) {
			if (field != NULL)
				*field = path->field[i];
			return path->node[i];
		}
	}
	return NULL;
}

static int is_query_kind(enum adv_ast_kind k)
{
	return k == ADV_AST_SELECT || k == ADV_AST_INSERT ||
	       k == ADV_AST_UPDATE || k == ADV_AST_DELETE;
}

int adv_ast_path_in(const struct adv_ast_path *path, enum adv_ast_field field,
		    int stop_at_query)
{
	int i;

	for (i = path->depth - 1; i >= 0; i--) {
		if (path->field[i] == field)
			return 1;
		if (stop_at_query && is_query_kind(path->node[i]->kind))
			return 0;
	}
	return 0;
}

/* ---- names and dumps ---- */

static const char *const kind_names[ADV_AST_KIND_COUNT] = {
	[ADV_AST_NONE] = "none",
	[ADV_AST_SELECT] = "select",
	[ADV_AST_INSERT] = "insert",
	[ADV_AST_UPDATE] = "update",
	[ADV_AST_DELETE] = "delete",
	[ADV_AST_CREATE_TABLE] = "create-table",
	[ADV_AST_ALTER_TABLE] = "alter-table",
	[ADV_AST_CREATE_INDEX] = "create-index",
	[ADV_AST_DROP] = "drop",
	[ADV_AST_CREATE_OTHER] = "create",
	[ADV_AST_CREATE_VIEW] = "create-view",
	[ADV_AST_TRUNCATE] = "truncate",
	[ADV_AST_REINDEX] = "reindex",
	[ADV_AST_REFRESH] = "refresh",
	[ADV_AST_VACUUM] = "vacuum",
	[ADV_AST_CLUSTER] = "cluster",
	[ADV_AST_TRANSACTION] = "transaction",
	[ADV_AST_SET] = "set",
	[ADV_AST_DECLARE_CURSOR] = "declare-cursor",
	[ADV_AST_EXPLAIN] = "explain",
	[ADV_AST_CALL] = "call",
	[ADV_AST_OTHER] = "other",
	[ADV_AST_TABLE] = "table",
	[ADV_AST_SUBQUERY] = "subquery",
	[ADV_AST_FUNCTION_TABLE] = "function-table",
	[ADV_AST_JOIN] = "join",
	[ADV_AST_CTE] = "cte",
	[ADV_AST_COLUMN] = "column",
	[ADV_AST_STAR] = "star",
	[ADV_AST_CONST] = "const",
	[ADV_AST_PARAM] = "param",
	[ADV_AST_VARIABLE] = "variable",
	[ADV_AST_FUNC] = "func",
	[ADV_AST_OP] = "op",
	[ADV_AST_AND] = "and",
	[ADV_AST_OR] = "or",
	[ADV_AST_NOT] = "not",
	[ADV_AST_LIKE] = "like",
	[ADV_AST_IN] = "in",
	[ADV_AST_BETWEEN] = "between",
	[ADV_AST_NULLTEST] = "nulltest",
	[ADV_AST_BOOLTEST] = "booltest",
	[ADV_AST_DISTINCT_FROM] = "distinct-from",
	[ADV_AST_SUBLINK] = "sublink",
	[ADV_AST_ANY_ALL] = "any-all",
	[ADV_AST_CAST] = "cast",
	[ADV_AST_CASE] = "case",
	[ADV_AST_CASE_WHEN] = "when",
	[ADV_AST_LIST] = "list",
	[ADV_AST_DEFAULT] = "default",
	[ADV_AST_EXPR] = "expr",
	[ADV_AST_TARGET] = "target",
	[ADV_AST_SORT] = "sort",
	[ADV_AST_ASSIGN] = "assign",
	[ADV_AST_COLDEF] = "coldef",
	[ADV_AST_CONSTRAINT] = "constraint",
	[ADV_AST_ALTER_CMD] = "alter-cmd",
	[ADV_AST_OPTION] = "option",
	[ADV_AST_HINT] = "hint",
};

const char *adv_ast_kind_name(enum adv_ast_kind kind)
{
	if ((int)kind < 0 || kind >= ADV_AST_KIND_COUNT ||
	    kind_names[kind] == NULL)
		return "?";
	return kind_names[kind];
}

static const char *const setop_names[] = {"none", "union", "intersect",
					  "except"};
static const char *const join_names[] = {"inner", "left", "right", "full",
					 "cross"};
static const char *const const_names[] = {"int",  "float", "string",
					  "null", "bool",  "bits"};
static const char *const like_names[] = {"like", "ilike", "similar", "regex"};
static const char *const sublink_names[] = {"exists", "scalar", "any", "all",
					    "array"};
static const char *const sort_names[] = {"default", "asc", "desc"};
static const char *const txn_names[] = {
	"begin",     "commit",		"rollback",
	"savepoint", "release",		"rollback-to",
	"prepare",   "commit-prepared", "rollback-prepared"};
static const char *const obj_names[] = {
	"other",   "table",    "index",	    "view",	"matview",
	"schema",  "database", "sequence",  "function", "procedure",
	"trigger", "type",     "extension", "system"};
static const char *const cons_names[] = {"primary", "unique",	 "foreign",
					 "check",   "exclusion", "not-null",
					 "other"};
static const char *const alter_names[] = {"other",
					  "add-column",
					  "drop-column",
					  "column-type",
					  "set-not-null",
					  "drop-not-null",
					  "set-default",
					  "drop-default",
					  "add-constraint",
					  "drop-constraint",
					  "drop-primary-key",
					  "drop-foreign-key",
					  "validate-constraint",
					  "rename-column",
					  "rename-table",
					  "rename-constraint",
					  "attach-partition",
					  "detach-partition",
					  "charset",
					  "convert-charset",
					  "engine",
					  "add-index",
					  "drop-index",
					  "other-column"};
static const char *const type_names[] = {
	"other",       "smallint",  "mediumint",   "int",      "bigint",
	"smallserial", "serial",    "bigserial",   "numeric",  "float",
	"char",	       "varchar",   "text",	   "bool",     "date",
	"time",	       "timestamp", "timestamptz", "datetime", "binary",
	"uuid",	       "json",	    "enum",	   "interval"};

#define NAME_OF(table, i)                                             \
	((i) >= 0 && (size_t)(i) < sizeof(table) / sizeof((table)[0]) \
		 ? (table)[i]                                         \
		 : "?")

static const char *op_name(const struct adv_ast *n)
{
	switch (n->kind) {
	case ADV_AST_SELECT:
		return n->op != 0 ? NAME_OF(setop_names, n->op) : NULL;
	case ADV_AST_JOIN:
		return NAME_OF(join_names, n->op);
	case ADV_AST_CONST:
		return NAME_OF(const_names, n->op);
	case ADV_AST_LIKE:
		return NAME_OF(like_names, n->op);
	case ADV_AST_SUBLINK:
	case ADV_AST_ANY_ALL:
		return NAME_OF(sublink_names, n->op);
	case ADV_AST_SORT:
		return n->op != 0 ? NAME_OF(sort_names, n->op) : NULL;
	case ADV_AST_TRANSACTION:
		return NAME_OF(txn_names, n->op);
	case ADV_AST_DROP:
	case ADV_AST_CREATE_OTHER:
	case ADV_AST_CREATE_VIEW:
	case ADV_AST_REINDEX:
		return NAME_OF(obj_names, n->op);
	case ADV_AST_CONSTRAINT:
		return NAME_OF(cons_names, n->op);
	case ADV_AST_ALTER_CMD:
		return NAME_OF(alter_names, n->op);
	default:
		return NULL;
	}
}

struct flag_name {
	unsigned bit;
	const char *name;
};

static const struct flag_name flag_names[] = {
	{ADV_ASTF_DISTINCT, "distinct"},
	{ADV_ASTF_DISTINCT_ON, "distinct-on"},
	{ADV_ASTF_ALL, "all"},
	{ADV_ASTF_TOP, "top"},
	{ADV_ASTF_CALC_FOUND_ROWS, "calc-found-rows"},
	{ADV_ASTF_STRAIGHT_JOIN, "straight-join"},
	{ADV_ASTF_FOR_UPDATE, "for-update"},
	{ADV_ASTF_VALUES, "values"},
	{ADV_ASTF_REPLACE, "replace"},
	{ADV_ASTF_ON_CONFLICT, "on-conflict"},
	{ADV_ASTF_DEFAULT_VALUES, "default-values"},
	{ADV_ASTF_TEMPORARY, "temporary"},
	{ADV_ASTF_IF_NOT_EXISTS, "if-not-exists"},
	{ADV_ASTF_IF_EXISTS, "if-exists"},
	{ADV_ASTF_AS_SELECT, "as-select"},
	{ADV_ASTF_PARTITIONED, "partitioned"},
	{ADV_ASTF_LIKE, "like"},
	{ADV_ASTF_ONLY, "only"},
	{ADV_ASTF_UNIQUE, "unique"},
	{ADV_ASTF_CONCURRENTLY, "concurrently"},
	{ADV_ASTF_CASCADE, "cascade"},
	{ADV_ASTF_OR_REPLACE, "or-replace"},
	{ADV_ASTF_FULL, "full"},
	{ADV_ASTF_ANALYZE_ONLY, "analyze-only"},
	{ADV_ASTF_LOCAL, "local"},
	{ADV_ASTF_RESET, "reset"},
	{ADV_ASTF_NATURAL, "natural"},
	{ADV_ASTF_CROSS, "cross"},
	{ADV_ASTF_LATERAL, "lateral"},
	{ADV_ASTF_RECURSIVE, "recursive"},
	{ADV_ASTF_NEGATED, "not"},
	{ADV_ASTF_NATIONAL, "national"},
};

static const struct flag_name flag2_names[] = {
	{ADV_AST2_SYMMETRIC, "symmetric"},
	{ADV_AST2_AGG_STAR, "agg-star"},
	{ADV_AST2_WINDOW, "window"},
	{ADV_AST2_AGGREGATE, "aggregate"},
	{ADV_AST2_BUILTIN, "builtin"},
	{ADV_AST2_ARRAY, "array"},
	{ADV_AST2_IMPLICIT_ALIAS, "implicit-alias"},
	{ADV_AST2_NULLS_FIRST, "nulls-first"},
	{ADV_AST2_NULLS_LAST, "nulls-last"},
	{ADV_AST2_NOT_NULL, "not-null"},
	{ADV_AST2_NULL_EXPLICIT, "null"},
	{ADV_AST2_PRIMARY_KEY, "primary-key"},
	{ADV_AST2_AUTO_INCREMENT, "auto-increment"},
	{ADV_AST2_GENERATED, "generated"},
	{ADV_AST2_NOT_VALID, "not-valid"},
	{ADV_AST2_DEFERRABLE, "deferrable"},
};

static void dump_str(struct adv_buf *out, const char *key, const char *s)
{
	const char *p;
	int plain = *s != '\0';

	for (p = s; *p != '\0' && plain; p++) {
		if (*p == ' ' || *p == '(' || *p == ')' || *p == '\'' ||
		    *p == '\\' || (unsigned char)*p < 0x20)
			plain = 0;
	}
	adv_buf_addf(out, " %s=", key);
	if (plain) {
		adv_buf_addstr(out, s);
		return;
	}
	adv_buf_addch(out, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '\'' || *p == '\\')
			adv_buf_addch(out, '\\');
		adv_buf_addch(out, *p);
	}
	adv_buf_addch(out, '\'');
}

static void dump_node(const struct adv_ast *n, struct adv_buf *out, int depth);

static void dump_list(const char *field, const struct adv_ast *list,
		      struct adv_buf *out, int depth)
{
	if (list == NULL)
		return;
	adv_buf_addf(out, " (%s:", field);
	for (; list != NULL; list = list->next) {
		adv_buf_addch(out, ' ');
		dump_node(list, out, depth + 1);
	}
	adv_buf_addch(out, ')');
}

static void dump_node(const struct adv_ast *n, struct adv_buf *out, int depth)
{
	const char *op = op_name(n);
	size_t i;

	if (depth > ADV_AST_PATH_MAX) {
		adv_buf_addstr(out, "...");
		return;
	}
	adv_buf_addch(out, '(');
	adv_buf_addstr(out, adv_ast_kind_name(n->kind));
	if (op != NULL)
		adv_buf_addf(out, ":%s", op);
	if (n->kind == ADV_AST_PARAM && n->op != 0)
		adv_buf_addf(out, ":%d", n->op);
	if (n->name != NULL)
		dump_str(out, "name", n->name);
	if (n->schema != NULL)
		dump_str(out, "schema", n->schema);
	if (n->qual != NULL)
		dump_str(out, "qual", n->qual);
	if (n->alias != NULL)
		dump_str(out, "alias", n->alias);
	if (n->value != NULL)
		dump_str(out, "value", n->value);
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
		if ((n->flags & flag_names[i].bit) != 0)
			adv_buf_addf(out, " %s", flag_names[i].name);
	}
	for (i = 0; i < sizeof(flag2_names) / sizeof(flag2_names[0]); i++) {
		if ((n->flags2 & flag2_names[i].bit) != 0)
			adv_buf_addf(out, " %s", flag2_names[i].name);
	}
	if (n->type.name != NULL || n->type.cls != ADV_TYPE_OTHER) {
		adv_buf_addf(out, " type=%s",
			     NAME_OF(type_names, (int)n->type.cls));
		if (n->type.name != NULL)
			adv_buf_addf(out, "/%s", n->type.name);
		if (n->type.len != -1)
			adv_buf_addf(out, "(%d)", n->type.len);
		if (n->type.array)
			adv_buf_addstr(out, "[]");
		if (n->type.national)
			adv_buf_addstr(out, "/n");
	}
	dump_list("with", n->with, out, depth);
	dump_list("table", n->table, out, depth);
	dump_list("cols", n->cols, out, depth);
	dump_list("args", n->args, out, depth);
	dump_list("targets", n->targets, out, depth);
	dump_list("from", n->from, out, depth);
	dump_list("where", n->where, out, depth);
	dump_list("group", n->group, out, depth);
	dump_list("having", n->having, out, depth);
	dump_list("order", n->order, out, depth);
	dump_list("limit", n->limit, out, depth);
	dump_list("offset", n->offset, out, depth);
	dump_list("into", n->into, out, depth);
	dump_list("larg", n->larg, out, depth);
	dump_list("rarg", n->rarg, out, depth);
	dump_list("sub", n->sub, out, depth);
	dump_list("values", n->values, out, depth);
	dump_list("set", n->set, out, depth);
	dump_list("returning", n->returning, out, depth);
	dump_list("quals", n->quals, out, depth);
	dump_list("options", n->options, out, depth);
	dump_list("coldefs", n->coldefs, out, depth);
	dump_list("constraints", n->constraints, out, depth);
	dump_list("indexes", n->indexes, out, depth);
	dump_list("cmds", n->cmds, out, depth);
	dump_list("coldef", n->coldef, out, depth);
	dump_list("constraint", n->constraint, out, depth);
	dump_list("include", n->include, out, depth);
	dump_list("dflt", n->dflt, out, depth);
	dump_list("hints", n->hints, out, depth);
	adv_buf_addch(out, ')');
}

void adv_ast_dump(const struct adv_ast *node, struct adv_buf *out)
{
	for (; node != NULL; node = node->next) {
		dump_node(node, out, 0);
		if (node->next != NULL)
			adv_buf_addch(out, ' ');
	}
}

/* ---- function catalogues ---- */

static int name_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int in_sorted(const char *name, const char *const *list, size_t n)
{
	if (name == NULL)
		return 0;
	return bsearch(name, list, n, sizeof(list[0]), name_cmp) != NULL;
}

/* Sorted (strcmp order); the test checks the order. */
static const char *const aggregates[] = {
	"any_value",
	"approx_count_distinct",
	"array_agg",
	"avg",
	"bit_and",
	"bit_or",
	"bit_xor",
	"bool_and",
	"bool_or",
	"checksum_agg",
	"corr",
	"count",
	"count_big",
	"covar_pop",
	"covar_samp",
	"every",
	"group_concat",
	"grouping",
	"json_agg",
	"json_arrayagg",
	"json_object_agg",
	"json_objectagg",
	"jsonb_agg",
	"jsonb_object_agg",
	"listagg",
	"max",
	"min",
	"mode",
	"percentile_cont",
	"percentile_disc",
	"range_agg",
	"regr_avgx",
	"regr_count",
	"regr_slope",
	"std",
	"stddev",
	"stddev_pop",
	"stddev_samp",
	"stdev",
	"stdevp",
	"string_agg",
	"sum",
	"var",
	"var_pop",
	"var_samp",
	"variance",
	"varp",
	"xmlagg",
};

/*
 * Built-in scalar functions of the three dialects, one merged list (a
 * user function that shares a name with another dialect's built-in is
 * rare enough not to matter for udf-in-predicate). Sorted.
 */
static const char *const builtins[] = {
	"abs",
	"acos",
	"adddate",
	"addtime",
	"age",
	"array_length",
	"array_position",
	"array_to_string",
	"ascii",
	"asin",
	"atan",
	"atan2",
	"benchmark",
	"bin",
	"bit_length",
	"btrim",
	"cardinality",
	"cast",
	"cbrt",
	"ceil",
	"ceiling",
	"char",
	"char_length",
	"character_length",
	"charindex",
	"chr",
	"clock_timestamp",
	"coalesce",
	"concat",
	"concat_ws",
	"convert",
	"convert_tz",
	"cos",
	"cot",
	"crc32",
	"cume_dist",
	"curdate",
	"current_database",
	"current_date",
	"current_schema",
	"current_time",
	"current_timestamp",
	"current_user",
	"curtime",
	"database",
	"datalength",
	"date",
	"date_add",
	"date_bin",
	"date_format",
	"date_part",
	"date_sub",
	"date_trunc",
	"dateadd",
	"datediff",
	"datefromparts",
	"datename",
	"datepart",
	"datetrunc",
	"day",
	"dayname",
	"dayofmonth",
	"dayofweek",
	"dayofyear",
	"decode",
	"degrees",
	"dense_rank",
	"difference",
	"elt",
	"encode",
	"eomonth",
	"exp",
	"extract",
	"field",
	"find_in_set",
	"first_value",
	"floor",
	"format",
	"found_rows",
	"from_days",
	"from_unixtime",
	"gen_random_uuid",
	"generate_series",
	"get_lock",
	"getdate",
	"getutcdate",
	"greatest",
	"hashbytes",
	"hex",
	"host",
	"hour",
	"if",
	"ifnull",
	"iif",
	"inet_aton",
	"inet_ntoa",
	"initcap",
	"insert",
	"instr",
	"isdate",
	"isnull",
	"isnumeric",
	"json_array_length",
	"json_build_object",
	"json_contains",
	"json_extract",
	"json_extract_path_text",
	"json_length",
	"json_unquote",
	"json_value",
	"jsonb_array_length",
	"jsonb_build_object",
	"jsonb_extract_path_text",
	"jsonb_path_exists",
	"lag",
	"last_day",
	"last_insert_id",
	"last_value",
	"lcase",
	"lead",
	"least",
	"left",
	"len",
	"length",
	"ln",
	"load_file",
	"localtime",
	"localtimestamp",
	"locate",
	"log",
	"log10",
	"log2",
	"lower",
	"lpad",
	"ltrim",
	"make_date",
	"make_interval",
	"make_timestamp",
	"md5",
	"microsecond",
	"mid",
	"minute",
	"mod",
	"month",
	"monthname",
	"newid",
	"nextval",
	"now",
	"nth_value",
	"ntile",
	"nullif",
	"oct",
	"octet_length",
	"overlay",
	"patindex",
	"percent_rank",
	"pg_sleep",
	"pi",
	"position",
	"pow",
	"power",
	"quarter",
	"quote_ident",
	"quote_literal",
	"quotename",
	"radians",
	"rand",
	"random",
	"rank",
	"regexp_like",
	"regexp_match",
	"regexp_replace",
	"regexp_substr",
	"release_lock",
	"repeat",
	"replace",
	"replicate",
	"reverse",
	"right",
	"round",
	"row_number",
	"rpad",
	"rtrim",
	"scope_identity",
	"sec_to_time",
	"second",
	"session_user",
	"sha1",
	"sha2",
	"sign",
	"sin",
	"sleep",
	"soundex",
	"space",
	"split_part",
	"sqrt",
	"str",
	"str_to_date",
	"strftime",
	"string_to_array",
	"strpos",
	"stuff",
	"subdate",
	"substr",
	"substring",
	"substring_index",
	"subtime",
	"switchoffset",
	"sysdate",
	"sysdatetime",
	"sysdatetimeoffset",
	"system_user",
	"sysutcdatetime",
	"tan",
	"time",
	"time_format",
	"time_to_sec",
	"timediff",
	"timeofday",
	"timestamp",
	"timestampadd",
	"timestampdiff",
	"to_char",
	"to_date",
	"to_days",
	"to_number",
	"to_seconds",
	"to_timestamp",
	"to_tsquery",
	"to_tsvector",
	"todatetimeoffset",
	"translate",
	"trim",
	"trunc",
	"truncate",
	"try_cast",
	"try_convert",
	"ucase",
	"unhex",
	"unix_timestamp",
	"unnest",
	"upper",
	"user",
	"utc_date",
	"utc_timestamp",
	"uuid",
	"uuid_generate_v4",
	"uuid_short",
	"version",
	"week",
	"weekday",
	"weekofyear",
	"year",
	"yearweek",
};

int adv_ast_aggregate_function(const char *name)
{
	return in_sorted(name, aggregates,
			 sizeof(aggregates) / sizeof(aggregates[0]));
}

int adv_ast_builtin_function(const char *name, enum adv_sql_dialect dialect)
{
	(void)dialect;
	if (adv_ast_aggregate_function(name))
		return 1;
	/* pg_catalog functions such as pg_size_pretty, to_tsvector */
	if (name != NULL && strncmp(name, "pg_", 3) == 0)
		return 1;
	return in_sorted(name, builtins,
			 sizeof(builtins) / sizeof(builtins[0]));
}
