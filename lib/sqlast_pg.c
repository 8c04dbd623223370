/*
 * PostgreSQL statements to the shared statement tree of sqlast.h.
 *
 * libpg_query runs PostgreSQL's own grammar and prints the raw parse tree
 * as JSON; this file maps that JSON onto struct adv_ast nodes. A node of
 * the parse tree is a one-member object {"Kind": {fields}}; fields that
 * hold their default value (0, false, empty) are left out of the JSON, so
 * every lookup here treats a missing member as that default.
 *
 * Names arrive folded as PostgreSQL folds them (unquoted identifiers in
 * lower case, quoted ones exactly). Locations are byte offsets into the
 * text; where the parser records none, the tree gets the nearest one that
 * means the same place (the left operand of a binary operator, the first
 * keyword of a nested query found through the tokens).
 */
#include "sqlast.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <pg_query.h>

#include "banned.h"

/*
 * The longest run of operators (1+1+...) or of joins and set operations
 * handed to libpg_query. Such chains make left-deep trees that bison's
 * stack does not bound, and libpg_query's recursive JSON writer overflows
 * the C stack somewhere past 50,000 levels; a statement with a chain this
 * long would be refused as nested too deeply after parsing anyway.
 */
#define PG_CHAIN_MAX 2000

static const char too_deep[] = "statement nested too deeply";

struct pg_conv {
	struct adv_ast_arena *arena;
	const char *text;
	size_t len;
	struct adv_sql_tokens toks; /* of the whole text, comments included */
};

/* A list under construction: appending is O(1). */
struct list {
	struct adv_ast *head;
	struct adv_ast **tail;
};

static void list_init(struct list *l)
{
	l->head = NULL;
	l->tail = &l->head;
}

/* Appends node (NULL is ignored) and any nodes chained after it. */
static void list_add(struct list *l, struct adv_ast *node)
{
	if (node == NULL)
		return;
	*l->tail = node;
	while (node->next != NULL)
		node = node->next;
	l->tail = &node->next;
}

static int first_loc(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

static int ascii_lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* ---- reading the JSON ---- */

static const cJSON *member(const cJSON *obj, const char *key)
{
	if (!cJSON_IsObject(obj))
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static const char *member_str(const cJSON *obj, const char *key)
{
	const cJSON *v = member(obj, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int member_int(const cJSON *obj, const char *key, int def)
{
	const cJSON *v = member(obj, key);

	return cJSON_IsNumber(v) ? v->valueint : def;
}

static int member_true(const cJSON *obj, const char *key)
{
	return cJSON_IsTrue(member(obj, key));
}

static int member_is(const cJSON *obj, const char *key, const char *value)
{
	const char *s = member_str(obj, key);

	return s != NULL && strcmp(s, value) == 0;
}

/* The first element of a JSON array, NULL for anything else. */
static const cJSON *items(const cJSON *arr)
{
	return arr != NULL && cJSON_IsArray(arr) ? arr->child : NULL;
}

static int count(const cJSON *arr)
{
	return cJSON_IsArray(arr) ? cJSON_GetArraySize(arr) : 0;
}

static int location(const struct pg_conv *c, const cJSON *obj)
{
	int loc = member_int(obj, "location", -1);

	if (loc < 0 || (size_t)loc > c->len)
		return -1;
	return loc;
}

/*
 * A parse-tree node {"Kind": {...}}: its kind ("" for an empty node or
 * something else) and, in *body, its fields.
 */
static const char *node_kind(const cJSON *node, const cJSON **body)
{
	const cJSON *inner = cJSON_IsObject(node) ? node->child : NULL;

	*body = inner;
	if (inner == NULL || inner->string == NULL || inner->next != NULL)
		return "";
	return inner->string;
}

/* The body of node when it is of kind, else NULL. */
static const cJSON *node_of(const cJSON *node, const char *kind)
{
	const cJSON *body;

	if (strcmp(node_kind(node, &body), kind) != 0)
		return NULL;
	return body;
}

/* The text of a String node ("" when empty), NULL for another node. */
static const char *string_value(const cJSON *node)
{
	const cJSON *body = node_of(node, "String");
	const char *s;

	if (body == NULL)
		return NULL;
	s = member_str(body, "sval");
	return s != NULL ? s : "";
}

/* Name i of a list of String nodes, from the end when i < 0. */
static const char *name_at(const cJSON *list, int i)
{
	int n = count(list);

	if (i < 0)
		i += n;
	if (i < 0 || i >= n)
		return NULL;
	return string_value(cJSON_GetArrayItem(list, i));
}

static int name_is(const cJSON *list, int i, const char *name)
{
	const char *s = name_at(list, i);

	return s != NULL && strcmp(s, name) == 0;
}

/* ---- the arena ---- */

static char *dup(struct pg_conv *c, const char *s)
{
	return adv_ast_strdup(c->arena, s);
}

static char *dup_lower(struct pg_conv *c, const char *s)
{
	if (s == NULL)
		return NULL;
	return adv_ast_strndup_lower(c->arena, s, strlen(s));
}

static char *dup_int(struct pg_conv *c, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	return dup(c, buf);
}

static struct adv_ast *mk(struct pg_conv *c, enum adv_ast_kind kind, int loc)
{
	return adv_ast_new(c->arena, kind, loc);
}

/* ---- the tokens ---- */

/* Index of the first token at or after byte offset off. */
static size_t tok_from(const struct pg_conv *c, size_t off)
{
	size_t lo = 0, hi = c->toks.nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->toks.items[mid].offset < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Token i, case-insensitively equal to the lower-case text (n bytes). */
static int tok_eq(const struct pg_conv *c, size_t i, const char *text, size_t n)
{
	const struct adv_sql_token *t = &c->toks.items[i];
	size_t k;

	if (t->length != n)
		return 0;
	for (k = 0; k < n; k++) {
		if (ascii_lower((unsigned char)c->text[t->offset + k]) !=
		    text[k])
			return 0;
	}
	return 1;
}

static int tok_is(const struct pg_conv *c, size_t i, enum adv_tok_kind kind,
		  const char *text)
{
	const struct adv_sql_token *t = &c->toks.items[i];

	if (t->kind != kind ||
	    ascii_lower((unsigned char)c->text[t->offset]) != text[0])
		return 0;
	return tok_eq(c, i, text, strlen(text));
}

static int tok_word_in(const struct pg_conv *c, size_t i,
		       const char *const *words)
{
	const struct adv_sql_token *t = &c->toks.items[i];
	int first;

	if (t->kind != ADV_TOK_WORD)
		return 0;
	first = ascii_lower((unsigned char)c->text[t->offset]);
	for (; *words != NULL; words++) {
		if ((*words)[0] == first &&
		    tok_eq(c, i, *words, strlen(*words)))
			return 1;
	}
	return 0;
}

static int tok_is_code(const struct pg_conv *c, size_t i)
{
	enum adv_tok_kind k = c->toks.items[i].kind;

	return k != ADV_TOK_COMMENT && k != ADV_TOK_HINT && k != ADV_TOK_SPACE;
}

/* The first code character at or after off (a statement's start). */
static int code_start(const struct pg_conv *c, int off)
{
	size_t i;

	for (i = tok_from(c, (size_t)off); i < c->toks.nr; i++) {
		if (tok_is_code(c, i))
			return (int)c->toks.items[i].offset;
	}
	return off;
}

/* The character of a one-byte operator token, else 0. */
static int punct(const struct pg_conv *c, size_t i)
{
	const struct adv_sql_token *t = &c->toks.items[i];

	if (t->kind != ADV_TOK_OP || t->length != 1)
		return 0;
	return (unsigned char)c->text[t->offset];
}

static const char *const query_words[] = {"select", "values", "with",	"table",
					  "insert", "update", "delete", NULL};
static const char *const create_words[] = {"create", NULL};

/*
 * Where a nested statement starts: the last of words (its possible first
 * keywords) before inner, the first thing inside it that the parser
 * placed; -1 when there is none.
 */
static int keyword_before(const struct pg_conv *c, int inner,
			  const char *const *words)
{
	size_t i;

	if (inner < 0)
		return -1;
	i = tok_from(c, (size_t)inner);
	while (i > 0) {
		i--;
		if (tok_word_in(c, i, words))
			return (int)c->toks.items[i].offset;
	}
	return -1;
}

static const char *const list_end_words[] = {
	"from",	     "into",   "where",	    "group", "having", "window",
	"order",     "limit",  "offset",    "fetch", "for",    "union",
	"intersect", "except", "returning", "on",    NULL};

/*
 * 1 when the select-list item starting at loc ends in an alias written
 * without AS: its last token (before the ',' or the clause that ends the
 * list) is a name and the token before that is not AS.
 */
static int alias_is_implicit(const struct pg_conv *c, int loc)
{
	size_t i, last = SIZE_MAX, prev = SIZE_MAX;
	int depth = 0;

	if (loc < 0)
		return 0;
	for (i = tok_from(c, (size_t)loc); i < c->toks.nr; i++) {
		const struct adv_sql_token *t = &c->toks.items[i];
		int ch = punct(c, i);

		if (!tok_is_code(c, i))
			continue;
		if (ch == '(' || ch == '[') {
			depth++;
		} else if (ch == ')' || ch == ']') {
			if (depth == 0)
				break;
			depth--;
		} else if (depth == 0 && (ch == ',' || ch == ';')) {
			break;
		} else if (depth == 0 && t->kind == ADV_TOK_WORD &&
			   tok_word_in(c, i, list_end_words)) {
			break;
		}
		prev = last;
		last = i;
	}
	if (last == SIZE_MAX || prev == SIZE_MAX)
		return 0;
	if (c->toks.items[last].kind != ADV_TOK_WORD &&
	    c->toks.items[last].kind != ADV_TOK_QIDENT)
		return 0;
	return !tok_is(c, last, ADV_TOK_WORD, "as") &&
	       !tok_is(c, prev, ADV_TOK_WORD, "as");
}

/* 1 when CREATE INDEX names its access method (USING before the '('). */
static int using_written(const struct pg_conv *c, int rel_loc)
{
	size_t i;

	if (rel_loc < 0)
		return 1;
	for (i = tok_from(c, (size_t)rel_loc); i < c->toks.nr; i++) {
		if (punct(c, i) == '(')
			return 0;
		if (tok_is(c, i, ADV_TOK_WORD, "using"))
			return 1;
	}
	return 0;
}

#define W_CHAIN 1u /* an operator that makes a chain longer */
#define W_BREAK 2u /* ends a chain */
#define W_STACK 4u /* a join or a set operation */

static const struct {
	const char *word;
	unsigned cls;
} chain_table[] = {
	{"collate", W_CHAIN},
	{"at", W_CHAIN},
	{"is", W_CHAIN},
	{"isnull", W_CHAIN},
	{"notnull", W_CHAIN},
	{"like", W_CHAIN},
	{"ilike", W_CHAIN},
	{"similar", W_CHAIN},
	{"and", W_BREAK},
	{"or", W_BREAK},
	{"when", W_BREAK},
	{"then", W_BREAK},
	{"else", W_BREAK},
	{"end", W_BREAK},
	{"case", W_BREAK},
	{"select", W_BREAK},
	{"from", W_BREAK},
	{"where", W_BREAK},
	{"having", W_BREAK},
	{"on", W_BREAK},
	{"set", W_BREAK},
	{"values", W_BREAK},
	{"returning", W_BREAK},
	{"by", W_BREAK},
	{"limit", W_BREAK},
	{"offset", W_BREAK},
	{"using", W_BREAK},
	{"into", W_BREAK},
	{"between", W_BREAK},
	{"in", W_BREAK},
	{"union", W_BREAK | W_STACK},
	{"intersect", W_BREAK | W_STACK},
	{"except", W_BREAK | W_STACK},
	{"join", W_BREAK | W_STACK},
};

static unsigned word_class(const struct pg_conv *c, size_t i)
{
	const struct adv_sql_token *t = &c->toks.items[i];
	int first = ascii_lower((unsigned char)c->text[t->offset]);
	size_t k;

	for (k = 0; k < sizeof(chain_table) / sizeof(chain_table[0]); k++) {
		if (chain_table[k].word[0] == first &&
		    tok_eq(c, i, chain_table[k].word,
			   strlen(chain_table[k].word)))
			return chain_table[k].cls;
	}
	return 0;
}

/*
 * 1 (and *where) when one parenthesis level holds a chain of more than
 * PG_CHAIN_MAX operators, or of joins and set operations.
 */
static int chain_too_long(const struct pg_conv *c, int *where)
{
	size_t i, levels = 1, depth = 0;
	unsigned *chain, *stack;
	int bad = 0;

	for (i = 0; i < c->toks.nr; i++) {
		int ch = punct(c, i);

		if (ch == '(' || ch == '[')
			levels++;
	}
	chain = adv_xcalloc(levels, sizeof(*chain));
	stack = adv_xcalloc(levels, sizeof(*stack));
	for (i = 0; i < c->toks.nr && !bad; i++) {
		enum adv_tok_kind kind = c->toks.items[i].kind;
		int ch = punct(c, i);

		if (ch == '(' || ch == '[') {
			depth++;
			chain[depth] = 0;
			stack[depth] = 0;
		} else if (ch == ')' || ch == ']') {
			if (depth > 0)
				depth--;
		} else if (ch == ',') {
			chain[depth] = 0;
		} else if (ch == ';') {
			chain[depth] = 0;
			stack[depth] = 0;
		} else if (kind == ADV_TOK_OP && ch != '.') {
			chain[depth]++;
		} else if (kind == ADV_TOK_WORD) {
			unsigned cls = word_class(c, i);

			if ((cls & W_CHAIN) != 0)
				chain[depth]++;
			if ((cls & W_BREAK) != 0)
				chain[depth] = 0;
			if ((cls & W_STACK) != 0)
				stack[depth]++;
		}
		if (chain[depth] > PG_CHAIN_MAX ||
		    stack[depth] > PG_CHAIN_MAX) {
			bad = 1;
			*where = (int)c->toks.items[i].offset;
		}
	}
	free(chain);
	free(stack);
	return bad;
}

/* ---- the text ---- */

/* Skips blanks and comments from p; returns the next code position. */
static size_t skip_blank(const struct pg_conv *c, size_t p)
{
	size_t i = tok_from(c, p);

	for (; i < c->toks.nr; i++) {
		if (tok_is_code(c, i))
			return c->toks.items[i].offset;
	}
	return c->len;
}

/*
 * The text of an integer constant at loc. libpg_query prints a negative
 * integer constant without its value ("ival": {}), as it does zero, so the
 * digits are read back from the statement.
 */
static char *int_text(struct pg_conv *c, int loc)
{
	size_t p, start;
	int neg = 0;
	char buf[64];
	size_t n = 0;

	if (loc < 0)
		return dup(c, "0");
	p = (size_t)loc;
	if (p < c->len && c->text[p] == '-') {
		neg = 1;
		p = skip_blank(c, p + 1);
	}
	start = p;
	while (p < c->len && c->text[p] >= '0' && c->text[p] <= '9' &&
	       p - start < sizeof(buf) - 2)
		p++;
	if (p == start)
		return dup(c, "0");
	if (neg)
		buf[n++] = '-';
	memcpy(buf + n, c->text + start, p - start);
	n += p - start;
	buf[n] = '\0';
	return dup(c, buf);
}

/*
 * The lower-case statement word(s) at loc for an OTHER node: "grant",
 * "comment", and for CREATE/ALTER/DROP/SET the next word too ("create
 * role", "alter sequence", "set constraints").
 */
static const char *stmt_word(struct pg_conv *c, int loc, const char *kind)
{
	static const char *const skip[] = {
		"or",	  "replace", "temp",	"temporary",  "unlogged",
		"global", "local",   "trusted", "procedural", NULL};
	char buf[64];
	size_t n = 0, i;
	int words = 0;

	if (loc >= 0) {
		for (i = tok_from(c, (size_t)loc); i < c->toks.nr && words < 2;
		     i++) {
			const struct adv_sql_token *t = &c->toks.items[i];
			size_t k;

			if (!tok_is_code(c, i))
				continue;
			if (t->kind != ADV_TOK_WORD)
				break;
			if (words == 1 && tok_word_in(c, i, skip))
				continue;
			if (n + t->length + 2 > sizeof(buf))
				break;
			if (words == 1)
				buf[n++] = ' ';
			for (k = 0; k < t->length; k++)
				buf[n++] = (char)ascii_lower(
					(unsigned char)c->text[t->offset + k]);
			words++;
			buf[n] = '\0';
			if (words == 1 && strcmp(buf, "create") != 0 &&
			    strcmp(buf, "alter") != 0 &&
			    strcmp(buf, "drop") != 0 && strcmp(buf, "set") != 0)
				break;
		}
	}
	if (n > 0)
		return dup(c, buf);
	/* "CreateRoleStmt" -> "createrole": better than nothing */
	n = strlen(kind);
	if (n > 4 && strcmp(kind + n - 4, "Stmt") == 0)
		n -= 4;
	return adv_ast_strndup_lower(c->arena, kind, n);
}

/* ---- forward declarations ---- */

static struct adv_ast *expr(struct pg_conv *c, const cJSON *node);
static struct adv_ast *stmt(struct pg_conv *c, const cJSON *node, int loc);
static struct adv_ast *from_item(struct pg_conv *c, const cJSON *node);

static struct adv_ast *expr_list(struct pg_conv *c, const cJSON *arr)
{
	struct list l;
	const cJSON *item;

	list_init(&l);
	for (item = items(arr); item != NULL; item = item->next)
		list_add(&l, expr(c, item));
	return l.head;
}

/* COLUMN nodes for a list of String nodes (USING, key columns, ...). */
static struct adv_ast *name_columns(struct pg_conv *c, const cJSON *arr)
{
	struct list l;
	const cJSON *item;

	list_init(&l);
	for (item = items(arr); item != NULL; item = item->next) {
		const char *s = string_value(item);
		struct adv_ast *col;

		if (s == NULL)
			continue;
		col = mk(c, ADV_AST_COLUMN, -1);
		col->name = dup(c, s);
		list_add(&l, col);
	}
	return l.head;
}

/*
 * A RangeVar (not wrapped in a node) as a TABLE. inh false means ONLY
 * where ONLY can be written (scan, ALTER, TRUNCATE, ...), which is what
 * with_only says.
 */
static struct adv_ast *range_var(struct pg_conv *c, const cJSON *rv,
				 int with_only)
{
	struct adv_ast *t;

	if (!cJSON_IsObject(rv))
		return NULL;
	t = mk(c, ADV_AST_TABLE, location(c, rv));
	t->schema = dup(c, member_str(rv, "schemaname"));
	t->name = dup(c, member_str(rv, "relname"));
	t->alias = dup(c, member_str(member(rv, "alias"), "aliasname"));
	if (with_only && !member_true(rv, "inh"))
		t->flags |= ADV_ASTF_ONLY;
	if (member_is(rv, "relpersistence", "t"))
		t->flags |= ADV_ASTF_TEMPORARY;
	return t;
}

/* A TABLE named by a list of String nodes: [[catalog.]schema.]name. */
static struct adv_ast *named_table(struct pg_conv *c, const cJSON *names,
				   int loc)
{
	struct adv_ast *t;
	const char *name = name_at(names, -1);

	if (name == NULL)
		return NULL;
	t = mk(c, ADV_AST_TABLE, loc);
	t->name = dup(c, name);
	t->schema = dup(c, name_at(names, -2));
	return t;
}

/* The value of a DefElem argument or a constant as text, or NULL. */
static const char *value_text(struct pg_conv *c, const cJSON *node)
{
	const cJSON *body;
	const char *kind = node_kind(node, &body);

	if (strcmp(kind, "String") == 0)
		return string_value(node);
	if (strcmp(kind, "Integer") == 0)
		return dup_int(c, member_int(body, "ival", 0));
	if (strcmp(kind, "Float") == 0) {
		const char *s = member_str(body, "fval");

		return s != NULL ? s : "0";
	}
	if (strcmp(kind, "Boolean") == 0)
		return member_true(body, "boolval") ? "true" : "false";
	if (strcmp(kind, "A_Const") == 0) {
		struct adv_ast *k = expr(c, node);

		return k != NULL ? k->value : NULL;
	}
	if (strcmp(kind, "TypeCast") == 0)
		return value_text(c, member(body, "arg"));
	if (strcmp(kind, "TypeName") == 0)
		return name_at(member(body, "names"), -1);
	if (strcmp(kind, "List") == 0)
		return value_text(c, items(member(body, "items")));
	return NULL;
}

/* A boolean option: no argument is true, and so is anything but false. */
static int def_true(struct pg_conv *c, const cJSON *defelem)
{
	const cJSON *arg = member(defelem, "arg");
	const char *s;

	if (arg == NULL)
		return 1;
	s = value_text(c, arg);
	if (s == NULL)
		return 1;
	return strcmp(s, "false") != 0 && strcmp(s, "off") != 0 &&
	       strcmp(s, "0") != 0 && strcmp(s, "no") != 0;
}

/* The DefElem named name in a list of DefElem nodes, or NULL. */
static const cJSON *find_def(const cJSON *arr, const char *name)
{
	const cJSON *item;

	for (item = items(arr); item != NULL; item = item->next) {
		const cJSON *d = node_of(item, "DefElem");

		if (d != NULL && member_is(d, "defname", name))
			return d;
	}
	return NULL;
}

static struct adv_ast *options(struct pg_conv *c, const cJSON *arr)
{
	struct list l;
	const cJSON *item;

	list_init(&l);
	for (item = items(arr); item != NULL; item = item->next) {
		const cJSON *d = node_of(item, "DefElem");
		struct adv_ast *o;

		if (d == NULL)
			continue;
		o = mk(c, ADV_AST_OPTION, location(c, d));
		o->name = dup_lower(c, member_str(d, "defname"));
		o->value = dup_lower(c, value_text(c, member(d, "arg")));
		list_add(&l, o);
	}
	return l.head;
}

/* ---- generic descent ---- */

struct found {
	struct list args;
	struct list subs;
	struct list tables;
};

static int is_stmt_kind(const char *kind)
{
	size_t n = strlen(kind);

	return n > 4 && strcmp(kind + n - 4, "Stmt") == 0;
}

static const char *const expr_kinds[] = {
	"A_ArrayExpr",	    "A_Const",	    "A_Expr",	"A_Indirection",
	"BoolExpr",	    "BooleanTest",  "CaseExpr", "CoalesceExpr",
	"CollateClause",    "ColumnRef",    "FuncCall", "GroupingFunc",
	"MinMaxExpr",	    "NullTest",	    "ParamRef", "RowExpr",
	"SQLValueFunction", "SetToDefault", "SubLink",	"TypeCast",
	"XmlExpr",	    "XmlSerialize", NULL};

static int is_expr_kind(const char *kind)
{
	const char *const *k;

	for (k = expr_kinds; *k != NULL; k++) {
		if (strcmp(kind, *k) == 0)
			return 1;
	}
	return 0;
}

/*
 * Collects the expressions, queries and tables anywhere below v, for the
 * statements and expressions this file knows only by their children.
 */
static void collect(struct pg_conv *c, const cJSON *v, struct found *f)
{
	const cJSON *body, *item;
	const char *kind;

	if (cJSON_IsArray(v)) {
		for (item = v->child; item != NULL; item = item->next)
			collect(c, item, f);
		return;
	}
	if (!cJSON_IsObject(v))
		return;
	kind = node_kind(v, &body);
	if (kind[0] >= 'A' && kind[0] <= 'Z') {
		if (is_stmt_kind(kind))
			list_add(&f->subs, stmt(c, v, -1));
		else if (is_expr_kind(kind))
			list_add(&f->args, expr(c, v));
		else
			collect(c, body, f);
		return;
	}
	if (member_str(v, "relname") != NULL) {
		list_add(&f->tables, range_var(c, v, 0));
		return;
	}
	for (item = v->child; item != NULL; item = item->next)
		collect(c, item, f);
}

static void found_init(struct found *f)
{
	list_init(&f->args);
	list_init(&f->subs);
	list_init(&f->tables);
}

/* ---- types ---- */

static const struct {
	const char *name;
	enum adv_type_class cls;
} pg_types[] = {
	{"bigint", ADV_TYPE_BIGINT},
	{"bigserial", ADV_TYPE_BIGSERIAL},
	{"bool", ADV_TYPE_BOOL},
	{"boolean", ADV_TYPE_BOOL},
	{"bpchar", ADV_TYPE_CHAR},
	{"bytea", ADV_TYPE_BINARY},
	{"char", ADV_TYPE_CHAR},
	{"character", ADV_TYPE_CHAR},
	{"citext", ADV_TYPE_TEXT},
	{"date", ADV_TYPE_DATE},
	{"decimal", ADV_TYPE_NUMERIC},
	{"float", ADV_TYPE_FLOAT},
	{"float4", ADV_TYPE_FLOAT},
	{"float8", ADV_TYPE_FLOAT},
	{"int", ADV_TYPE_INT},
	{"int2", ADV_TYPE_SMALLINT},
	{"int4", ADV_TYPE_INT},
	{"int8", ADV_TYPE_BIGINT},
	{"integer", ADV_TYPE_INT},
	{"interval", ADV_TYPE_INTERVAL},
	{"json", ADV_TYPE_JSON},
	{"jsonb", ADV_TYPE_JSON},
	{"money", ADV_TYPE_NUMERIC},
	{"numeric", ADV_TYPE_NUMERIC},
	{"real", ADV_TYPE_FLOAT},
	{"serial", ADV_TYPE_SERIAL},
	{"serial2", ADV_TYPE_SMALLSERIAL},
	{"serial4", ADV_TYPE_SERIAL},
	{"serial8", ADV_TYPE_BIGSERIAL},
	{"smallint", ADV_TYPE_SMALLINT},
	{"smallserial", ADV_TYPE_SMALLSERIAL},
	{"text", ADV_TYPE_TEXT},
	{"time", ADV_TYPE_TIME},
	{"timestamp", ADV_TYPE_TIMESTAMP},
	{"timestamptz", ADV_TYPE_TIMESTAMPTZ},
	{"timetz", ADV_TYPE_TIME},
	{"uuid", ADV_TYPE_UUID},
	{"varchar", ADV_TYPE_VARCHAR},
};

static enum adv_type_class type_class(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(pg_types) / sizeof(pg_types[0]); i++) {
		if (strcmp(name, pg_types[i].name) == 0)
			return pg_types[i].cls;
	}
	return ADV_TYPE_OTHER;
}

/*
 * A TypeName (not wrapped): the name is PostgreSQL's internal one, the
 * grammar having already mapped integer to pg_catalog.int4, varchar to
 * pg_catalog.varchar and so on.
 */
static void type_name(struct pg_conv *c, const cJSON *tn,
		      struct adv_ast_type *out)
{
	const cJSON *names = member(tn, "names");
	const char *base = name_at(names, -1);
	const char *schema = count(names) >= 2 ? name_at(names, -2) : NULL;
	const cJSON *mod;

	out->cls = ADV_TYPE_OTHER;
	out->name = NULL;
	out->len = -1;
	out->national = 0;
	out->array = 0;
	if (base == NULL)
		return;
	out->name = dup(c, base);
	out->array = count(member(tn, "arrayBounds")) > 0;
	if (member_true(tn, "pct_type"))
		return;
	if (schema == NULL || strcmp(schema, "pg_catalog") == 0)
		out->cls = type_class(base);
	mod = node_of(items(member(tn, "typmods")), "A_Const");
	/* an interval's modifier is a field mask, not a length */
	if (mod != NULL && member(mod, "ival") != NULL &&
	    out->cls != ADV_TYPE_INTERVAL)
		out->len = member_int(member(mod, "ival"), "ival", 0);
}

/* ---- expressions ---- */

static struct adv_ast *a_const(struct pg_conv *c, const cJSON *body)
{
	int loc = location(c, body);
	struct adv_ast *k = mk(c, ADV_AST_CONST, loc);
	const cJSON *v;

	if (member_true(body, "isnull")) {
		k->op = ADV_CONST_NULL;
		k->value = "null";
	} else if ((v = member(body, "ival")) != NULL) {
		const cJSON *iv = member(v, "ival");

		k->op = ADV_CONST_INT;
		if (cJSON_IsNumber(iv))
			k->value = dup_int(c, (long long)iv->valuedouble);
		else
			k->value = int_text(c, loc);
	} else if ((v = member(body, "fval")) != NULL) {
		const char *s = member_str(v, "fval");

		k->op = ADV_CONST_FLOAT;
		k->value = dup(c, s != NULL ? s : "0");
	} else if ((v = member(body, "boolval")) != NULL) {
		k->op = ADV_CONST_BOOL;
		k->value = member_true(v, "boolval") ? "true" : "false";
	} else if ((v = member(body, "bsval")) != NULL) {
		const char *s = member_str(v, "bsval");

		k->op = ADV_CONST_BITS;
		k->value = dup(c, s != NULL ? s : "");
	} else {
		const char *s = member_str(member(body, "sval"), "sval");

		k->op = ADV_CONST_STRING;
		k->value = dup(c, s != NULL ? s : "");
	}
	return k;
}

static struct adv_ast *column_ref(struct pg_conv *c, const cJSON *body)
{
	const cJSON *fields = member(body, "fields");
	int n = count(fields);
	const cJSON *last = cJSON_GetArrayItem(fields, n - 1);
	struct adv_ast *col;

	if (node_of(last, "A_Star") != NULL) {
		col = mk(c, ADV_AST_STAR, location(c, body));
	} else {
		const char *name = string_value(last);

		col = mk(c, ADV_AST_COLUMN, location(c, body));
		col->name = dup(c, name != NULL ? name : "");
	}
	if (n >= 2)
		col->qual = dup(c, name_at(fields, n - 2));
	if (n >= 3)
		col->schema = dup(c, name_at(fields, n - 3));
	return col;
}

static struct adv_ast *sort_by(struct pg_conv *c, const cJSON *body)
{
	struct adv_ast *arg = expr(c, member(body, "node"));
	struct adv_ast *s;
	const char *dir = member_str(body, "sortby_dir");
	const char *nulls = member_str(body, "sortby_nulls");

	s = mk(c, ADV_AST_SORT, arg != NULL ? arg->loc : location(c, body));
	s->args = arg;
	if (dir != NULL && strcmp(dir, "SORTBY_ASC") == 0) {
		s->op = ADV_SORT_ASC;
	} else if (dir != NULL && strcmp(dir, "SORTBY_DESC") == 0) {
		s->op = ADV_SORT_DESC;
	} else if (dir != NULL && strcmp(dir, "SORTBY_USING") == 0) {
		const char *op = name_at(member(body, "useOp"), -1);

		s->name = dup(c, op);
		if (op != NULL && op[0] == '<')
			s->op = ADV_SORT_ASC;
		else if (op != NULL && op[0] == '>')
			s->op = ADV_SORT_DESC;
	}
	if (nulls != NULL && strcmp(nulls, "SORTBY_NULLS_FIRST") == 0)
		s->flags2 |= ADV_AST2_NULLS_FIRST;
	else if (nulls != NULL && strcmp(nulls, "SORTBY_NULLS_LAST") == 0)
		s->flags2 |= ADV_AST2_NULLS_LAST;
	return s;
}

static struct adv_ast *sort_list(struct pg_conv *c, const cJSON *arr)
{
	struct list l;
	const cJSON *item;

	list_init(&l);
	for (item = items(arr); item != NULL; item = item->next) {
		const cJSON *body = node_of(item, "SortBy");

		if (body != NULL)
			list_add(&l, sort_by(c, body));
		else
			list_add(&l, expr(c, item));
	}
	return l.head;
}

static int is_pg_catalog(const char *schema)
{
	return schema == NULL || strcmp(schema, "pg_catalog") == 0;
}

static struct adv_ast *func_call(struct pg_conv *c, const cJSON *body)
{
	const cJSON *names = member(body, "funcname");
	const cJSON *args = member(body, "args");
	const cJSON *over = member(body, "over");
	const char *name = name_at(names, -1);
	const char *schema = count(names) >= 2 ? name_at(names, -2) : NULL;
	int sql_syntax = member_is(body, "funcformat", "COERCE_SQL_SYNTAX");
	int loc = location(c, body);
	struct adv_ast *f;
	struct list order;

	if (name == NULL)
		name = "";
	/* the SQL spellings (EXTRACT, TRIM, x AT TIME ZONE z, ...) call
	 * pg_catalog functions the user did not name */
	if (sql_syntax && schema != NULL && strcmp(schema, "pg_catalog") == 0)
		schema = NULL;
	if (sql_syntax && strcmp(name, "timezone") == 0 && count(args) == 2) {
		struct adv_ast *zone = expr(c, cJSON_GetArrayItem(args, 0));
		struct adv_ast *value = expr(c, cJSON_GetArrayItem(args, 1));
		struct list l;

		f = mk(c, ADV_AST_EXPR,
		       first_loc(value ? value->loc : -1, loc));
		f->value = "at time zone";
		list_init(&l);
		list_add(&l, value);
		list_add(&l, zone);
		f->args = l.head;
		return f;
	}
	f = mk(c, ADV_AST_FUNC, loc);
	f->name = dup(c, name);
	f->schema = dup(c, schema);
	f->args = expr_list(c, args);
	if (member_true(body, "agg_star"))
		f->flags2 |= ADV_AST2_AGG_STAR;
	if (member_true(body, "agg_distinct"))
		f->flags |= ADV_ASTF_DISTINCT;
	if (is_pg_catalog(schema) && adv_ast_aggregate_function(name))
		f->flags2 |= ADV_AST2_AGGREGATE;
	if (sql_syntax ||
	    (schema != NULL && strcmp(schema, "pg_catalog") == 0) ||
	    (schema == NULL && adv_ast_builtin_function(name, ADV_DIALECT_PG)))
		f->flags2 |= ADV_AST2_BUILTIN;
	/* FILTER (WHERE ...), the aggregate's ORDER BY, the window's
	 * PARTITION BY and ORDER BY: kept so that every column reference of
	 * the statement is in the tree */
	f->where = expr(c, member(body, "agg_filter"));
	list_init(&order);
	list_add(&order, sort_list(c, member(body, "agg_order")));
	if (over != NULL) {
		f->flags2 |= ADV_AST2_WINDOW;
		f->group = expr_list(c, member(over, "partitionClause"));
		list_add(&order, sort_list(c, member(over, "orderClause")));
	}
	f->order = order.head;
	return f;
}

static const struct {
	const char *op;
	enum adv_like_type like;
	int negated;
	const char *word; /* as written in x op ANY (...) */
} like_ops[] = {
	{"~~", ADV_LIKE_LIKE, 0, "like"},
	{"!~~", ADV_LIKE_LIKE, 1, "not like"},
	{"~~*", ADV_LIKE_ILIKE, 0, "ilike"},
	{"!~~*", ADV_LIKE_ILIKE, 1, "not ilike"},
	{"~", ADV_LIKE_REGEX, 0, NULL},
	{"!~", ADV_LIKE_REGEX, 1, NULL},
	{"~*", ADV_LIKE_REGEX, 0, NULL},
	{"!~*", ADV_LIKE_REGEX, 1, NULL},
};

static int like_op(const char *op)
{
	size_t i;

	for (i = 0; op != NULL && i < sizeof(like_ops) / sizeof(like_ops[0]);
	     i++) {
		if (strcmp(op, like_ops[i].op) == 0)
			return (int)i;
	}
	return -1;
}

/* subject LIKE pattern [ESCAPE e]: the parser wraps pattern and escape in
 * like_escape() / similar_to_escape(), which are undone here. */
static struct adv_ast *like(struct pg_conv *c, int loc, enum adv_like_type op,
			    int negated, const cJSON *lexpr, const cJSON *rexpr)
{
	struct adv_ast *n;
	const cJSON *fb = node_of(rexpr, "FuncCall");
	const cJSON *names = member(fb, "funcname");
	const char *fname = name_at(names, -1);
	struct list l;

	list_init(&l);
	list_add(&l, expr(c, lexpr));
	if (fb != NULL && count(names) == 2 &&
	    name_is(names, 0, "pg_catalog") && fname != NULL &&
	    (strcmp(fname, "like_escape") == 0 ||
	     strcmp(fname, "similar_to_escape") == 0))
		list_add(&l, expr_list(c, member(fb, "args")));
	else
		list_add(&l, expr(c, rexpr));
	n = mk(c, ADV_AST_LIKE, first_loc(l.head ? l.head->loc : -1, loc));
	n->op = op;
	if (negated)
		n->flags |= ADV_ASTF_NEGATED;
	n->args = l.head;
	return n;
}

/* Left then right operand (either may be absent). */
static struct adv_ast *operands(struct pg_conv *c, const cJSON *body)
{
	struct list l;

	list_init(&l);
	list_add(&l, expr(c, member(body, "lexpr")));
	list_add(&l, expr(c, member(body, "rexpr")));
	return l.head;
}

static struct adv_ast *a_expr(struct pg_conv *c, const cJSON *body)
{
	const char *kind = member_str(body, "kind");
	const char *op = name_at(member(body, "name"), -1);
	const cJSON *lexpr = member(body, "lexpr");
	const cJSON *rexpr = member(body, "rexpr");
	int loc = location(c, body);
	struct adv_ast *n;
	int li;

	if (kind == NULL)
		kind = "";
	if (op == NULL)
		op = "";
	li = like_op(op);
	if (strcmp(kind, "AEXPR_OP") == 0) {
		if (lexpr != NULL && li >= 0)
			return like(c, loc, like_ops[li].like,
				    like_ops[li].negated, lexpr, rexpr);
		n = mk(c, ADV_AST_OP, loc);
		n->name = dup_lower(c, op);
		n->args = operands(c, body);
	} else if (strcmp(kind, "AEXPR_OP_ANY") == 0 ||
		   strcmp(kind, "AEXPR_OP_ALL") == 0) {
		n = mk(c, ADV_AST_ANY_ALL, loc);
		n->op = kind[10] == 'N' ? ADV_SUBLINK_ANY : ADV_SUBLINK_ALL;
		n->name = li >= 0 && like_ops[li].word != NULL
				  ? like_ops[li].word
				  : dup_lower(c, op);
		n->args = operands(c, body);
	} else if (strcmp(kind, "AEXPR_DISTINCT") == 0 ||
		   strcmp(kind, "AEXPR_NOT_DISTINCT") == 0) {
		n = mk(c, ADV_AST_DISTINCT_FROM, loc);
		if (kind[6] == 'N')
			n->flags |= ADV_ASTF_NEGATED;
		n->args = operands(c, body);
	} else if (strcmp(kind, "AEXPR_NULLIF") == 0) {
		n = mk(c, ADV_AST_FUNC, loc);
		n->name = "nullif";
		n->flags2 |= ADV_AST2_BUILTIN;
		n->args = operands(c, body);
		return n;
	} else if (strcmp(kind, "AEXPR_IN") == 0) {
		const cJSON *list = node_of(rexpr, "List");
		struct list l;

		n = mk(c, ADV_AST_IN, loc);
		if (strcmp(op, "<>") == 0)
			n->flags |= ADV_ASTF_NEGATED;
		list_init(&l);
		list_add(&l, expr(c, lexpr));
		if (list != NULL)
			list_add(&l, expr_list(c, member(list, "items")));
		else
			list_add(&l, expr(c, rexpr));
		n->args = l.head;
	} else if (strcmp(kind, "AEXPR_LIKE") == 0 ||
		   strcmp(kind, "AEXPR_ILIKE") == 0 ||
		   strcmp(kind, "AEXPR_SIMILAR") == 0) {
		enum adv_like_type t = ADV_LIKE_LIKE;

		if (kind[6] == 'I')
			t = ADV_LIKE_ILIKE;
		else if (kind[6] == 'S')
			t = ADV_LIKE_SIMILAR;
		return like(c, loc, t, op[0] == '!', lexpr, rexpr);
	} else if (strncmp(kind, "AEXPR_BETWEEN", 13) == 0 ||
		   strncmp(kind, "AEXPR_NOT_BETWEEN", 17) == 0) {
		const cJSON *list = node_of(rexpr, "List");
		struct list l;

		n = mk(c, ADV_AST_BETWEEN, loc);
		if (strncmp(kind, "AEXPR_NOT_", 10) == 0)
			n->flags |= ADV_ASTF_NEGATED;
		if (strstr(kind, "_SYM") != NULL)
			n->flags2 |= ADV_AST2_SYMMETRIC;
		list_init(&l);
		list_add(&l, expr(c, lexpr));
		if (list != NULL)
			list_add(&l, expr_list(c, member(list, "items")));
		else
			list_add(&l, expr(c, rexpr));
		n->args = l.head;
	} else {
		n = mk(c, ADV_AST_EXPR, loc);
		n->value = dup_lower(
			c, strncmp(kind, "AEXPR_", 6) == 0 ? kind + 6 : kind);
		n->name = dup_lower(c, op);
		n->args = operands(c, body);
	}
	if (lexpr != NULL && n->args != NULL)
		n->loc = first_loc(n->args->loc, n->loc);
	return n;
}

static struct adv_ast *bool_expr(struct pg_conv *c, const cJSON *body)
{
	const char *op = member_str(body, "boolop");
	enum adv_ast_kind kind = ADV_AST_NOT;
	struct adv_ast *n;
	const cJSON *item;
	struct list l;

	if (op != NULL && strcmp(op, "AND_EXPR") == 0)
		kind = ADV_AST_AND;
	else if (op != NULL && strcmp(op, "OR_EXPR") == 0)
		kind = ADV_AST_OR;
	list_init(&l);
	for (item = items(member(body, "args")); item != NULL;
	     item = item->next) {
		struct adv_ast *a = expr(c, item);

		if (a != NULL && a->kind == kind && kind != ADV_AST_NOT)
			list_add(&l, a->args);
		else
			list_add(&l, a);
	}
	/* x NOT IN (SELECT ...) is NOT (x IN (SELECT ...)) in the tree */
	if (kind == ADV_AST_NOT && l.head != NULL && l.head->next == NULL &&
	    l.head->kind == ADV_AST_IN && l.head->sub != NULL &&
	    (l.head->flags & ADV_ASTF_NEGATED) == 0) {
		l.head->flags |= ADV_ASTF_NEGATED;
		return l.head;
	}
	n = mk(c, kind, location(c, body));
	n->args = l.head;
	if (kind != ADV_AST_NOT && l.head != NULL)
		n->loc = first_loc(l.head->loc, n->loc);
	return n;
}

static struct adv_ast *sub_link(struct pg_conv *c, const cJSON *body)
{
	const char *type = member_str(body, "subLinkType");
	const char *op = name_at(member(body, "operName"), -1);
	struct adv_ast *test = expr(c, member(body, "testexpr"));
	struct adv_ast *sub = stmt(c, member(body, "subselect"), -1);
	int loc = first_loc(test != NULL ? test->loc : -1, location(c, body));
	struct adv_ast *n;

	if (type == NULL)
		type = "";
	if (strcmp(type, "ANY_SUBLINK") == 0 &&
	    (op == NULL || strcmp(op, "=") == 0)) {
		n = mk(c, ADV_AST_IN, loc);
		n->args = test;
		n->sub = sub;
		return n;
	}
	n = mk(c, ADV_AST_SUBLINK, loc);
	if (strcmp(type, "EXISTS_SUBLINK") == 0)
		n->op = ADV_SUBLINK_EXISTS;
	else if (strcmp(type, "ANY_SUBLINK") == 0)
		n->op = ADV_SUBLINK_ANY;
	else if (strcmp(type, "ALL_SUBLINK") == 0)
		n->op = ADV_SUBLINK_ALL;
	else if (strcmp(type, "ARRAY_SUBLINK") == 0)
		n->op = ADV_SUBLINK_ARRAY;
	else
		n->op = ADV_SUBLINK_SCALAR; /* EXPR, ROWCOMPARE, MULTIEXPR */
	n->name = dup_lower(c, op);
	n->args = test;
	n->sub = sub;
	return n;
}

static struct adv_ast *type_cast(struct pg_conv *c, const cJSON *body)
{
	const cJSON *tn = member(body, "typeName");
	const cJSON *arg = member(body, "arg");
	const cJSON *k = node_of(arg, "A_Const");
	const cJSON *names = member(tn, "names");
	int tloc = location(c, tn);
	struct adv_ast *n, *x;

	/* N'x' is the grammar's bpchar cast of 'x' at the N */
	if (location(c, body) < 0 && k != NULL && member(k, "sval") != NULL &&
	    count(names) == 2 && name_is(names, 0, "pg_catalog") &&
	    name_is(names, 1, "bpchar") && tloc >= 0 &&
	    location(c, k) == tloc + 1 &&
	    (c->text[tloc] == 'N' || c->text[tloc] == 'n')) {
		x = a_const(c, k);
		x->loc = tloc;
		x->flags |= ADV_ASTF_NATIONAL;
		return x;
	}
	x = expr(c, arg);
	n = mk(c, ADV_AST_CAST, location(c, body));
	n->args = x;
	type_name(c, tn, &n->type);
	n->loc = first_loc(first_loc(n->loc, x != NULL ? x->loc : -1), tloc);
	return n;
}

static struct adv_ast *case_expr(struct pg_conv *c, const cJSON *body)
{
	struct adv_ast *n = mk(c, ADV_AST_CASE, location(c, body));
	const cJSON *item;
	struct list l;

	list_init(&l);
	for (item = items(member(body, "args")); item != NULL;
	     item = item->next) {
		const cJSON *w = node_of(item, "CaseWhen");
		struct adv_ast *when;
		struct list wl;

		if (w == NULL)
			continue;
		when = mk(c, ADV_AST_CASE_WHEN, location(c, w));
		list_init(&wl);
		list_add(&wl, expr(c, member(w, "expr")));
		list_add(&wl, expr(c, member(w, "result")));
		when->args = wl.head;
		list_add(&l, when);
	}
	list_add(&l, expr(c, member(body, "defresult")));
	n->args = l.head;
	n->quals = expr(c, member(body, "arg"));
	return n;
}

static struct adv_ast *func_node(struct pg_conv *c, int loc, const char *name,
				 const cJSON *args)
{
	struct adv_ast *f = mk(c, ADV_AST_FUNC, loc);

	f->name = name;
	f->flags2 |= ADV_AST2_BUILTIN;
	f->args = expr_list(c, args);
	return f;
}

/* CURRENT_DATE, LOCALTIMESTAMP(3), CURRENT_USER, ... */
static struct adv_ast *sql_value_function(struct pg_conv *c, const cJSON *body)
{
	const char *op = member_str(body, "op");
	size_t n;

	if (op == NULL)
		op = "";
	if (strncmp(op, "SVFOP_", 6) == 0)
		op += 6;
	n = strlen(op);
	if (n > 2 && strcmp(op + n - 2, "_N") == 0)
		n -= 2;
	return func_node(c, location(c, body),
			 adv_ast_strndup_lower(c->arena, op, n), NULL);
}

static struct adv_ast *indirection(struct pg_conv *c, const cJSON *body)
{
	struct adv_ast *x = expr(c, member(body, "arg"));
	struct adv_ast *n = mk(c, ADV_AST_EXPR, x != NULL ? x->loc : -1);
	const cJSON *item;
	struct list l;

	n->value = "indirection";
	list_init(&l);
	list_add(&l, x);
	for (item = items(member(body, "indirection")); item != NULL;
	     item = item->next) {
		const cJSON *ix = node_of(item, "A_Indices");
		const char *field = string_value(item);

		if (ix != NULL) {
			list_add(&l, expr(c, member(ix, "lidx")));
			list_add(&l, expr(c, member(ix, "uidx")));
		} else if (field != NULL) {
			n->name = dup(c, field);
		}
	}
	n->args = l.head;
	return n;
}

static struct adv_ast *grouping_set(struct pg_conv *c, const cJSON *body)
{
	const char *kind = member_str(body, "kind");
	struct adv_ast *n = mk(c, ADV_AST_EXPR, location(c, body));

	if (kind == NULL)
		kind = "";
	if (strcmp(kind, "GROUPING_SET_ROLLUP") == 0)
		n->value = "rollup";
	else if (strcmp(kind, "GROUPING_SET_CUBE") == 0)
		n->value = "cube";
	else if (strcmp(kind, "GROUPING_SET_SETS") == 0)
		n->value = "grouping sets";
	else if (strcmp(kind, "GROUPING_SET_EMPTY") == 0)
		n->value = "empty grouping set";
	else
		n->value = "grouping set";
	n->args = expr_list(c, member(body, "content"));
	return n;
}

/* An expression known only by its children: EXPR named after its kind. */
static struct adv_ast *other_expr(struct pg_conv *c, const char *kind,
				  const cJSON *body)
{
	struct adv_ast *n = mk(c, ADV_AST_EXPR, location(c, body));
	struct found f;

	n->value = dup_lower(c, kind);
	found_init(&f);
	collect(c, body, &f);
	list_add(&f.args, f.tables.head);
	n->args = f.args.head;
	n->sub = f.subs.head;
	return n;
}

static struct adv_ast *expr(struct pg_conv *c, const cJSON *node)
{
	const cJSON *body;
	const char *kind = node_kind(node, &body);
	struct adv_ast *n;

	if (kind[0] == '\0')
		return NULL;
	if (strcmp(kind, "ColumnRef") == 0)
		return column_ref(c, body);
	if (strcmp(kind, "A_Const") == 0)
		return a_const(c, body);
	if (strcmp(kind, "ParamRef") == 0) {
		int num = member_int(body, "number", 0);

		n = mk(c, ADV_AST_PARAM, location(c, body));
		n->op = num;
		n->value = adv_ast_strndup(c->arena, "$", 1);
		if (num > 0) {
			char buf[24];

			snprintf(buf, sizeof(buf), "$%d", num);
			n->value = dup(c, buf);
		}
		return n;
	}
	if (strcmp(kind, "FuncCall") == 0)
		return func_call(c, body);
	if (strcmp(kind, "A_Expr") == 0)
		return a_expr(c, body);
	if (strcmp(kind, "BoolExpr") == 0)
		return bool_expr(c, body);
	if (strcmp(kind, "NullTest") == 0) {
		struct adv_ast *x = expr(c, member(body, "arg"));

		n = mk(c, ADV_AST_NULLTEST,
		       first_loc(x != NULL ? x->loc : -1, location(c, body)));
		if (member_is(body, "nulltesttype", "IS_NOT_NULL"))
			n->flags |= ADV_ASTF_NEGATED;
		n->args = x;
		return n;
	}
	if (strcmp(kind, "BooleanTest") == 0) {
		struct adv_ast *x = expr(c, member(body, "arg"));
		const char *t = member_str(body, "booltesttype");

		n = mk(c, ADV_AST_BOOLTEST,
		       first_loc(x != NULL ? x->loc : -1, location(c, body)));
		if (t == NULL)
			t = "";
		if (strncmp(t, "IS_NOT_", 7) == 0) {
			n->flags |= ADV_ASTF_NEGATED;
			t += 7;
		} else if (strncmp(t, "IS_", 3) == 0) {
			t += 3;
		}
		n->value = dup_lower(c, t);
		n->args = x;
		return n;
	}
	if (strcmp(kind, "SubLink") == 0)
		return sub_link(c, body);
	if (strcmp(kind, "TypeCast") == 0)
		return type_cast(c, body);
	if (strcmp(kind, "CaseExpr") == 0)
		return case_expr(c, body);
	if (strcmp(kind, "CoalesceExpr") == 0)
		return func_node(c, location(c, body), "coalesce",
				 member(body, "args"));
	if (strcmp(kind, "MinMaxExpr") == 0)
		return func_node(c, location(c, body),
				 member_is(body, "op", "IS_LEAST") ? "least"
								   : "greatest",
				 member(body, "args"));
	if (strcmp(kind, "SQLValueFunction") == 0)
		return sql_value_function(c, body);
	if (strcmp(kind, "GroupingFunc") == 0) {
		n = func_node(c, location(c, body), "grouping",
			      member(body, "args"));
		n->flags2 |= ADV_AST2_AGGREGATE;
		return n;
	}
	if (strcmp(kind, "A_ArrayExpr") == 0) {
		n = mk(c, ADV_AST_LIST, location(c, body));
		n->flags2 |= ADV_AST2_ARRAY;
		n->args = expr_list(c, member(body, "elements"));
		return n;
	}
	if (strcmp(kind, "RowExpr") == 0) {
		n = mk(c, ADV_AST_LIST, location(c, body));
		n->args = expr_list(c, member(body, "args"));
		return n;
	}
	if (strcmp(kind, "List") == 0) {
		n = mk(c, ADV_AST_LIST, -1);
		n->args = expr_list(c, member(body, "items"));
		if (n->args != NULL)
			n->loc = n->args->loc;
		return n;
	}
	if (strcmp(kind, "SetToDefault") == 0)
		return mk(c, ADV_AST_DEFAULT, location(c, body));
	if (strcmp(kind, "CollateClause") == 0) {
		struct adv_ast *x = expr(c, member(body, "arg"));

		n = mk(c, ADV_AST_EXPR,
		       first_loc(x != NULL ? x->loc : -1, location(c, body)));
		n->value = "collate";
		n->name = dup(c, name_at(member(body, "collname"), -1));
		n->args = x;
		return n;
	}
	if (strcmp(kind, "A_Indirection") == 0)
		return indirection(c, body);
	if (strcmp(kind, "GroupingSet") == 0)
		return grouping_set(c, body);
	if (strcmp(kind, "NamedArgExpr") == 0) {
		n = mk(c, ADV_AST_EXPR, location(c, body));
		n->value = "named argument";
		n->name = dup(c, member_str(body, "name"));
		n->args = expr(c, member(body, "arg"));
		return n;
	}
	if (strcmp(kind, "CurrentOfExpr") == 0) {
		n = mk(c, ADV_AST_EXPR, -1);
		n->value = "current of";
		n->name = dup(c, member_str(body, "cursor_name"));
		return n;
	}
	if (strcmp(kind, "String") == 0 || strcmp(kind, "Integer") == 0 ||
	    strcmp(kind, "Float") == 0 || strcmp(kind, "Boolean") == 0) {
		n = mk(c, ADV_AST_CONST, -1);
		n->value = dup(c, value_text(c, node));
		n->op = kind[0] == 'S'	 ? ADV_CONST_STRING
			: kind[0] == 'I' ? ADV_CONST_INT
			: kind[0] == 'F' ? ADV_CONST_FLOAT
					 : ADV_CONST_BOOL;
		return n;
	}
	if (is_stmt_kind(kind))
		return stmt(c, node, -1);
	return other_expr(c, kind, body);
}

/* ---- queries ---- */

static struct adv_ast *with_clause(struct pg_conv *c, const cJSON *wc)
{
	struct list l;
	const cJSON *item;
	int recursive = member_true(wc, "recursive");

	list_init(&l);
	for (item = items(member(wc, "ctes")); item != NULL;
	     item = item->next) {
		const cJSON *b = node_of(item, "CommonTableExpr");
		struct adv_ast *cte;

		if (b == NULL)
			continue;
		cte = mk(c, ADV_AST_CTE, location(c, b));
		cte->name = dup(c, member_str(b, "ctename"));
		cte->cols = name_columns(c, member(b, "aliascolnames"));
		cte->sub = stmt(c, member(b, "ctequery"), -1);
		if (recursive)
			cte->flags |= ADV_ASTF_RECURSIVE;
		list_add(&l, cte);
	}
	return l.head;
}

/* SELECT list or RETURNING list. */
static struct adv_ast *target_list(struct pg_conv *c, const cJSON *arr)
{
	struct list l;
	const cJSON *item;

	list_init(&l);
	for (item = items(arr); item != NULL; item = item->next) {
		const cJSON *rt = node_of(item, "ResTarget");
		const char *alias;
		struct adv_ast *t, *val;

		if (rt == NULL)
			continue;
		val = expr(c, member(rt, "val"));
		t = mk(c, ADV_AST_TARGET, location(c, rt));
		if (t->loc < 0 && val != NULL)
			t->loc = val->loc;
		t->args = val;
		alias = member_str(rt, "name");
		if (alias != NULL) {
			t->alias = dup(c, alias);
			if (alias_is_implicit(c, t->loc))
				t->flags2 |= ADV_AST2_IMPLICIT_ALIAS;
		}
		list_add(&l, t);
	}
	return l.head;
}

/* UPDATE ... SET and ON CONFLICT DO UPDATE SET items. */
static struct adv_ast *assign_list(struct pg_conv *c, const cJSON *arr)
{
	struct list l;
	const cJSON *item;

	list_init(&l);
	for (item = items(arr); item != NULL; item = item->next) {
		const cJSON *rt = node_of(item, "ResTarget");
		const cJSON *val, *multi;
		struct adv_ast *a;

		if (rt == NULL)
			continue;
		a = mk(c, ADV_AST_ASSIGN, location(c, rt));
		a->name = dup(c, member_str(rt, "name"));
		val = member(rt, "val");
		multi = node_of(val, "MultiAssignRef");
		if (multi != NULL) {
			/* SET (a, b) = (1, 2): each column gets its item;
			 * SET (a, b) = (SELECT ...): the first gets the query
			 */
			const cJSON *source = member(multi, "source");
			const cJSON *row = node_of(source, "RowExpr");
			int colno = member_int(multi, "colno", 1);

			if (row != NULL)
				a->args = expr(c, cJSON_GetArrayItem(
							  member(row, "args"),
							  colno - 1));
			else if (colno == 1)
				a->args = expr(c, source);
		} else {
			a->args = expr(c, val);
		}
		list_add(&l, a);
	}
	return l.head;
}

static struct adv_ast *values_rows(struct pg_conv *c, const cJSON *arr)
{
	struct list l;
	const cJSON *item;

	list_init(&l);
	for (item = items(arr); item != NULL; item = item->next) {
		struct adv_ast *row = mk(c, ADV_AST_LIST, -1);

		row->args =
			expr_list(c, member(node_of(item, "List"), "items"));
		if (row->args != NULL)
			row->loc = row->args->loc;
		list_add(&l, row);
	}
	return l.head;
}

static struct adv_ast *from_list(struct pg_conv *c, const cJSON *arr)
{
	struct list l;
	const cJSON *item;

	list_init(&l);
	for (item = items(arr); item != NULL; item = item->next)
		list_add(&l, from_item(c, item));
	return l.head;
}

static void set_alias(struct pg_conv *c, struct adv_ast *n, const cJSON *alias)
{
	n->alias = dup(c, member_str(alias, "aliasname"));
	n->cols = name_columns(c, member(alias, "colnames"));
}

static struct adv_ast *range_function(struct pg_conv *c, const cJSON *body)
{
	struct adv_ast *n = mk(c, ADV_AST_FUNCTION_TABLE, -1);
	const cJSON *fns = member(body, "functions");
	const cJSON *item;
	struct list l;

	/* each item is a List (function call, column definitions) */
	list_init(&l);
	for (item = items(fns); item != NULL; item = item->next)
		list_add(&l, expr(c, items(member(node_of(item, "List"),
						  "items"))));
	if (l.head != NULL && l.head->next == NULL &&
	    l.head->kind == ADV_AST_FUNC) {
		n->name = l.head->name;
		n->schema = l.head->schema;
		n->args = l.head->args;
		n->loc = l.head->loc;
	} else {
		n->name = "rows from";
		n->args = l.head;
		if (l.head != NULL)
			n->loc = l.head->loc;
	}
	set_alias(c, n, member(body, "alias"));
	if (member_true(body, "lateral"))
		n->flags |= ADV_ASTF_LATERAL;
	return n;
}

static struct adv_ast *join_expr(struct pg_conv *c, const cJSON *body)
{
	const char *type = member_str(body, "jointype");
	struct adv_ast *n = mk(c, ADV_AST_JOIN, -1);

	n->larg = from_item(c, member(body, "larg"));
	n->rarg = from_item(c, member(body, "rarg"));
	n->quals = expr(c, member(body, "quals"));
	n->cols = name_columns(c, member(body, "usingClause"));
	n->alias = dup(c, member_str(member(body, "alias"), "aliasname"));
	if (n->larg != NULL)
		n->loc = n->larg->loc;
	if (member_true(body, "isNatural"))
		n->flags |= ADV_ASTF_NATURAL;
	if (n->rarg != NULL && (n->rarg->flags & ADV_ASTF_LATERAL) != 0)
		n->flags |= ADV_ASTF_LATERAL;
	if (type == NULL)
		type = "";
	if (strcmp(type, "JOIN_LEFT") == 0) {
		n->op = ADV_JOIN_LEFT;
	} else if (strcmp(type, "JOIN_RIGHT") == 0) {
		n->op = ADV_JOIN_RIGHT;
	} else if (strcmp(type, "JOIN_FULL") == 0) {
		n->op = ADV_JOIN_FULL;
	} else if (n->quals == NULL && n->cols == NULL &&
		   (n->flags & ADV_ASTF_NATURAL) == 0) {
		/* the grammar wants ON or USING after a plain JOIN, so an
		 * inner join without either was written CROSS JOIN */
		n->op = ADV_JOIN_CROSS;
		n->flags |= ADV_ASTF_CROSS;
	} else {
		n->op = ADV_JOIN_INNER;
	}
	return n;
}

static struct adv_ast *from_item(struct pg_conv *c, const cJSON *node)
{
	const cJSON *body;
	const char *kind = node_kind(node, &body);
	struct adv_ast *n;

	if (strcmp(kind, "RangeVar") == 0)
		return range_var(c, body, 1);
	if (strcmp(kind, "JoinExpr") == 0)
		return join_expr(c, body);
	if (strcmp(kind, "RangeSubselect") == 0) {
		n = mk(c, ADV_AST_SUBQUERY, -1);
		n->sub = stmt(c, member(body, "subquery"), -1);
		set_alias(c, n, member(body, "alias"));
		if (member_true(body, "lateral"))
			n->flags |= ADV_ASTF_LATERAL;
		if (n->sub != NULL && n->sub->loc > 0) {
			/* the derived table starts at its parenthesis */
			size_t i = tok_from(c, (size_t)n->sub->loc);

			while (i > 0 && !tok_is_code(c, i - 1))
				i--;
			if (i > 0 && tok_is(c, i - 1, ADV_TOK_OP, "("))
				n->loc = (int)c->toks.items[i - 1].offset;
			else
				n->loc = n->sub->loc;
		}
		return n;
	}
	if (strcmp(kind, "RangeFunction") == 0)
		return range_function(c, body);
	if (strcmp(kind, "RangeTableSample") == 0) {
		n = from_item(c, member(body, "relation"));
		if (n != NULL)
			n->args = expr_list(c, member(body, "args"));
		return n;
	}
	if (kind[0] == '\0')
		return NULL;
	/* XMLTABLE and the like */
	n = other_expr(c, kind, body);
	n->kind = ADV_AST_FUNCTION_TABLE;
	n->name = n->value;
	n->value = NULL;
	set_alias(c, n, member(body, "alias"));
	if (member_true(body, "lateral"))
		n->flags |= ADV_ASTF_LATERAL;
	return n;
}

/* The first place any direct child of n was found at, or -1. */
static int earliest_child(const struct adv_ast *n)
{
	const struct adv_ast *const kids[] = {
		n->with,  n->args,	n->targets, n->from,  n->where,
		n->group, n->having,	n->order,   n->limit, n->offset,
		n->into,  n->larg,	n->table,   n->cols,  n->values,
		n->set,	  n->returning, n->sub};
	int best = -1;
	size_t i;

	for (i = 0; i < sizeof(kids) / sizeof(kids[0]); i++) {
		if (kids[i] != NULL)
			best = first_loc(best, kids[i]->loc);
	}
	return best;
}

/* Only a VALUES list: INSERT takes its rows directly. */
static int plain_values(const cJSON *sel)
{
	return member(sel, "valuesLists") != NULL &&
	       member(sel, "withClause") == NULL &&
	       member(sel, "sortClause") == NULL &&
	       member(sel, "limitCount") == NULL &&
	       member(sel, "limitOffset") == NULL &&
	       member(sel, "lockingClause") == NULL;
}

static struct adv_ast *select_stmt(struct pg_conv *c, const cJSON *body,
				   int loc)
{
	struct adv_ast *s = mk(c, ADV_AST_SELECT, loc);
	const char *op = member_str(body, "op");
	const cJSON *limit = member(body, "limitCount");
	const cJSON *k, *item;

	s->with = with_clause(c, member(body, "withClause"));
	if (op != NULL && strcmp(op, "SETOP_NONE") != 0) {
		if (strcmp(op, "SETOP_UNION") == 0)
			s->op = ADV_SETOP_UNION;
		else if (strcmp(op, "SETOP_INTERSECT") == 0)
			s->op = ADV_SETOP_INTERSECT;
		else
			s->op = ADV_SETOP_EXCEPT;
		if (member_true(body, "all"))
			s->flags |= ADV_ASTF_ALL;
		s->larg = select_stmt(c, member(body, "larg"), -1);
		s->rarg = select_stmt(c, member(body, "rarg"), -1);
	} else {
		const cJSON *distinct = member(body, "distinctClause");

		if (count(distinct) == 1 && items(distinct)->child == NULL) {
			s->flags |= ADV_ASTF_DISTINCT;
		} else if (count(distinct) > 0) {
			s->flags |= ADV_ASTF_DISTINCT_ON;
			s->args = expr_list(c, distinct);
		}
		s->targets = target_list(c, member(body, "targetList"));
		s->into = range_var(
			c, member(member(body, "intoClause"), "rel"), 0);
		s->from = from_list(c, member(body, "fromClause"));
		s->where = expr(c, member(body, "whereClause"));
		s->group = expr_list(c, member(body, "groupClause"));
		s->having = expr(c, member(body, "havingClause"));
		if (member(body, "valuesLists") != NULL) {
			s->flags |= ADV_ASTF_VALUES;
			s->values = values_rows(c, member(body, "valuesLists"));
		}
	}
	s->order = sort_list(c, member(body, "sortClause"));
	/* LIMIT ALL and LIMIT NULL are no limit */
	k = node_of(limit, "A_Const");
	if (k == NULL || !member_true(k, "isnull"))
		s->limit = expr(c, limit);
	s->offset = expr(c, member(body, "limitOffset"));
	for (item = items(member(body, "lockingClause")); item != NULL;
	     item = item->next) {
		const cJSON *lc = node_of(item, "LockingClause");

		if (member_is(lc, "strength", "LCS_FORUPDATE") ||
		    member_is(lc, "strength", "LCS_FORNOKEYUPDATE"))
			s->flags |= ADV_ASTF_FOR_UPDATE;
	}
	if (s->loc < 0) {
		if (s->larg != NULL && s->with == NULL)
			s->loc = s->larg->loc;
		else
			s->loc = keyword_before(c, earliest_child(s),
						query_words);
	}
	return s;
}

static struct adv_ast *insert_stmt(struct pg_conv *c, const cJSON *body,
				   int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_INSERT, loc);
	const cJSON *sel = member(body, "selectStmt");
	const cJSON *conflict = member(body, "onConflictClause");
	const cJSON *item;
	struct list cols;

	n->with = with_clause(c, member(body, "withClause"));
	n->table = range_var(c, member(body, "relation"), 0);
	list_init(&cols);
	for (item = items(member(body, "cols")); item != NULL;
	     item = item->next) {
		const cJSON *rt = node_of(item, "ResTarget");
		struct adv_ast *col;

		if (rt == NULL)
			continue;
		col = mk(c, ADV_AST_COLUMN, location(c, rt));
		col->name = dup(c, member_str(rt, "name"));
		list_add(&cols, col);
	}
	n->cols = cols.head;
	if (sel == NULL)
		n->flags |= ADV_ASTF_DEFAULT_VALUES;
	else if (plain_values(node_of(sel, "SelectStmt")))
		n->values = values_rows(
			c, member(node_of(sel, "SelectStmt"), "valuesLists"));
	else
		n->sub = stmt(c, sel, -1);
	if (conflict != NULL) {
		/* DO UPDATE SET ... [WHERE ...]: the assignments in quals,
		 * the condition in where */
		n->flags |= ADV_ASTF_ON_CONFLICT;
		n->quals = assign_list(c, member(conflict, "targetList"));
		n->where = expr(c, member(conflict, "whereClause"));
	}
	n->returning = target_list(c, member(body, "returningList"));
	return n;
}

static struct adv_ast *update_stmt(struct pg_conv *c, const cJSON *body,
				   int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_UPDATE, loc);

	n->with = with_clause(c, member(body, "withClause"));
	n->table = range_var(c, member(body, "relation"), 1);
	n->set = assign_list(c, member(body, "targetList"));
	n->from = from_list(c, member(body, "fromClause"));
	n->where = expr(c, member(body, "whereClause"));
	n->returning = target_list(c, member(body, "returningList"));
	return n;
}

static struct adv_ast *delete_stmt(struct pg_conv *c, const cJSON *body,
				   int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_DELETE, loc);

	n->with = with_clause(c, member(body, "withClause"));
	n->table = range_var(c, member(body, "relation"), 1);
	n->from = from_list(c, member(body, "usingClause"));
	n->where = expr(c, member(body, "whereClause"));
	n->returning = target_list(c, member(body, "returningList"));
	return n;
}

/* ---- DDL ---- */

static struct adv_ast *constraint(struct pg_conv *c, const cJSON *b)
{
	struct adv_ast *k = mk(c, ADV_AST_CONSTRAINT, location(c, b));
	const char *type = member_str(b, "contype");

	if (type == NULL)
		type = "";
	k->name = dup(c, member_str(b, "conname"));
	if (strcmp(type, "CONSTR_PRIMARY") == 0 ||
	    strcmp(type, "CONSTR_UNIQUE") == 0) {
		k->op = type[7] == 'P' ? ADV_CONS_PRIMARY : ADV_CONS_UNIQUE;
		k->cols = name_columns(c, member(b, "keys"));
		k->value = dup(c, member_str(b, "indexname"));
	} else if (strcmp(type, "CONSTR_FOREIGN") == 0) {
		k->op = ADV_CONS_FOREIGN;
		k->cols = name_columns(c, member(b, "fk_attrs"));
		k->table = range_var(c, member(b, "pktable"), 0);
		k->include = name_columns(c, member(b, "pk_attrs"));
	} else if (strcmp(type, "CONSTR_CHECK") == 0) {
		k->op = ADV_CONS_CHECK;
		k->args = expr(c, member(b, "raw_expr"));
	} else if (strcmp(type, "CONSTR_EXCLUSION") == 0) {
		const cJSON *item;
		struct list l;

		k->op = ADV_CONS_EXCLUSION;
		list_init(&l);
		/* each item is a List (index element, operator) */
		for (item = items(member(b, "exclusions")); item != NULL;
		     item = item->next) {
			const cJSON *el = node_of(
				items(member(node_of(item, "List"), "items")),
				"IndexElem");
			const char *name = member_str(el, "name");

			if (name != NULL) {
				struct adv_ast *col = mk(c, ADV_AST_COLUMN, -1);

				col->name = dup(c, name);
				list_add(&l, col);
			} else {
				list_add(&l, expr(c, member(el, "expr")));
			}
		}
		k->args = l.head;
		k->where = expr(c, member(b, "where_clause"));
	} else if (strcmp(type, "CONSTR_NOTNULL") == 0) {
		k->op = ADV_CONS_NOT_NULL;
	} else {
		k->op = ADV_CONS_OTHER;
	}
	if (member_true(b, "skip_validation"))
		k->flags2 |= ADV_AST2_NOT_VALID;
	if (member_true(b, "deferrable") || member_true(b, "initdeferred"))
		k->flags2 |= ADV_AST2_DEFERRABLE;
	return k;
}

/*
 * A column definition. Its PRIMARY KEY, UNIQUE, REFERENCES and CHECK
 * constraints go to its own list and, as copies with cols set to the
 * column, to table_cons (when not NULL).
 */
static struct adv_ast *column_def(struct pg_conv *c, const cJSON *body,
				  struct list *table_cons)
{
	struct adv_ast *d = mk(c, ADV_AST_COLDEF, location(c, body));
	struct adv_ast *prev = NULL, *k;
	const cJSON *item;
	struct list cons;

	d->name = dup(c, member_str(body, "colname"));
	type_name(c, member(body, "typeName"), &d->type);
	if (d->type.cls == ADV_TYPE_SERIAL ||
	    d->type.cls == ADV_TYPE_BIGSERIAL ||
	    d->type.cls == ADV_TYPE_SMALLSERIAL)
		d->flags2 |= ADV_AST2_AUTO_INCREMENT;
	if (member_true(body, "is_not_null"))
		d->flags2 |= ADV_AST2_NOT_NULL;
	d->dflt = expr(c, member(body, "raw_default"));
	list_init(&cons);
	for (item = items(member(body, "constraints")); item != NULL;
	     item = item->next) {
		const cJSON *b = node_of(item, "Constraint");
		const char *type = member_str(b, "contype");

		if (type == NULL)
			continue;
		if (strcmp(type, "CONSTR_NOTNULL") == 0) {
			d->flags2 |= ADV_AST2_NOT_NULL;
		} else if (strcmp(type, "CONSTR_NULL") == 0) {
			d->flags2 |= ADV_AST2_NULL_EXPLICIT;
		} else if (strcmp(type, "CONSTR_DEFAULT") == 0) {
			d->dflt = expr(c, member(b, "raw_expr"));
		} else if (strcmp(type, "CONSTR_IDENTITY") == 0) {
			d->flags2 |= ADV_AST2_AUTO_INCREMENT;
		} else if (strcmp(type, "CONSTR_GENERATED") == 0) {
			/* the generation expression stands where a default
			 * would: the column is filled without one */
			d->flags2 |= ADV_AST2_GENERATED;
			d->dflt = expr(c, member(b, "raw_expr"));
		} else if (strcmp(type, "CONSTR_ATTR_DEFERRABLE") == 0 ||
			   strcmp(type, "CONSTR_ATTR_DEFERRED") == 0) {
			if (prev != NULL)
				prev->flags2 |= ADV_AST2_DEFERRABLE;
		} else if (strncmp(type, "CONSTR_ATTR_", 12) == 0) {
			continue;
		} else {
			prev = constraint(c, b);
			if (prev->op == ADV_CONS_PRIMARY)
				d->flags2 |= ADV_AST2_PRIMARY_KEY;
			else if (prev->op == ADV_CONS_UNIQUE)
				d->flags |= ADV_ASTF_UNIQUE;
			prev->cols = mk(c, ADV_AST_COLUMN, d->loc);
			prev->cols->name = d->name;
			list_add(&cons, prev);
		}
	}
	d->constraints = cons.head;
	for (k = d->constraints; k != NULL && table_cons != NULL; k = k->next) {
		struct adv_ast *copy = adv_ast_alloc(c->arena, sizeof(*copy));

		*copy = *k;
		copy->next = NULL;
		list_add(table_cons, copy);
	}
	return d;
}

static struct adv_ast *create_table(struct pg_conv *c, const cJSON *body,
				    int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_CREATE_TABLE, loc);
	const cJSON *item;
	struct list coldefs, cons;

	n->table = range_var(c, member(body, "relation"), 0);
	if (n->table != NULL && (n->table->flags & ADV_ASTF_TEMPORARY) != 0)
		n->flags |= ADV_ASTF_TEMPORARY;
	if (member_true(body, "if_not_exists"))
		n->flags |= ADV_ASTF_IF_NOT_EXISTS;
	if (member(body, "partspec") != NULL)
		n->flags |= ADV_ASTF_PARTITIONED;
	list_init(&coldefs);
	list_init(&cons);
	for (item = items(member(body, "tableElts")); item != NULL;
	     item = item->next) {
		const cJSON *b;
		const char *kind = node_kind(item, &b);

		if (strcmp(kind, "ColumnDef") == 0)
			list_add(&coldefs, column_def(c, b, &cons));
		else if (strcmp(kind, "Constraint") == 0)
			list_add(&cons, constraint(c, b));
		else if (strcmp(kind, "TableLikeClause") == 0)
			n->flags |= ADV_ASTF_LIKE;
	}
	for (item = items(member(body, "constraints")); item != NULL;
	     item = item->next) {
		const cJSON *b = node_of(item, "Constraint");

		if (b != NULL)
			list_add(&cons, constraint(c, b));
	}
	n->coldefs = coldefs.head;
	n->constraints = cons.head;
	n->options = options(c, member(body, "options"));
	return n;
}

static const struct {
	const char *subtype;
	enum adv_alter_type op;
} alter_types[] = {
	{"AT_AddColumn", ADV_ALTER_ADD_COLUMN},
	{"AT_DropColumn", ADV_ALTER_DROP_COLUMN},
	{"AT_AlterColumnType", ADV_ALTER_COLUMN_TYPE},
	{"AT_SetNotNull", ADV_ALTER_SET_NOT_NULL},
	{"AT_DropNotNull", ADV_ALTER_DROP_NOT_NULL},
	{"AT_ColumnDefault", ADV_ALTER_SET_DEFAULT},
	{"AT_AddConstraint", ADV_ALTER_ADD_CONSTRAINT},
	{"AT_DropConstraint", ADV_ALTER_DROP_CONSTRAINT},
	{"AT_ValidateConstraint", ADV_ALTER_VALIDATE_CONSTRAINT},
	{"AT_AttachPartition", ADV_ALTER_ATTACH_PARTITION},
	{"AT_DetachPartition", ADV_ALTER_DETACH_PARTITION},
	/* the other forms of ALTER [COLUMN] x ... */
	{"AT_SetStatistics", ADV_ALTER_OTHER_COLUMN},
	{"AT_SetOptions", ADV_ALTER_OTHER_COLUMN},
	{"AT_ResetOptions", ADV_ALTER_OTHER_COLUMN},
	{"AT_SetStorage", ADV_ALTER_OTHER_COLUMN},
	{"AT_SetCompression", ADV_ALTER_OTHER_COLUMN},
	{"AT_AddIdentity", ADV_ALTER_OTHER_COLUMN},
	{"AT_SetIdentity", ADV_ALTER_OTHER_COLUMN},
	{"AT_DropIdentity", ADV_ALTER_OTHER_COLUMN},
	{"AT_DropExpression", ADV_ALTER_OTHER_COLUMN},
	{"AT_AlterColumnGenericOptions", ADV_ALTER_OTHER_COLUMN},
};

static struct adv_ast *alter_cmd(struct pg_conv *c, const cJSON *b)
{
	struct adv_ast *cmd = mk(c, ADV_AST_ALTER_CMD, -1);
	const char *subtype = member_str(b, "subtype");
	const cJSON *def = member(b, "def");
	const cJSON *db;
	const char *def_kind = node_kind(def, &db);
	size_t i;

	cmd->op = ADV_ALTER_OTHER;
	for (i = 0; subtype != NULL &&
		    i < sizeof(alter_types) / sizeof(alter_types[0]);
	     i++) {
		if (strcmp(subtype, alter_types[i].subtype) == 0)
			cmd->op = alter_types[i].op;
	}
	cmd->name = dup(c, member_str(b, "name"));
	if (member_is(b, "behavior", "DROP_CASCADE"))
		cmd->flags |= ADV_ASTF_CASCADE;
	if (member_true(b, "missing_ok"))
		cmd->flags |= cmd->op == ADV_ALTER_ADD_COLUMN
				      ? ADV_ASTF_IF_NOT_EXISTS
				      : ADV_ASTF_IF_EXISTS;
	switch (cmd->op) {
	case ADV_ALTER_ADD_COLUMN:
		if (strcmp(def_kind, "ColumnDef") == 0) {
			cmd->coldef = column_def(c, db, NULL);
			cmd->name = cmd->coldef->name;
			cmd->loc = cmd->coldef->loc;
		}
		break;
	case ADV_ALTER_COLUMN_TYPE:
		if (strcmp(def_kind, "ColumnDef") == 0) {
			type_name(c, member(db, "typeName"), &cmd->type);
			/* the USING expression */
			cmd->args = expr(c, member(db, "raw_default"));
			cmd->loc = location(c, db);
		}
		break;
	case ADV_ALTER_SET_DEFAULT:
		cmd->dflt = expr(c, def);
		if (cmd->dflt == NULL)
			cmd->op = ADV_ALTER_DROP_DEFAULT;
		break;
	case ADV_ALTER_ADD_CONSTRAINT:
		if (strcmp(def_kind, "Constraint") == 0) {
			cmd->constraint = constraint(c, db);
			cmd->name = cmd->constraint->name;
			cmd->loc = cmd->constraint->loc;
		}
		break;
	case ADV_ALTER_ATTACH_PARTITION:
	case ADV_ALTER_DETACH_PARTITION: {
		const cJSON *pc = node_of(def, "PartitionCmd");

		cmd->table = range_var(c, member(pc, "name"), 0);
		if (cmd->table != NULL)
			cmd->loc = cmd->table->loc;
		if (member_true(pc, "concurrent"))
			cmd->flags |= ADV_ASTF_CONCURRENTLY;
		break;
	}
	default:
		break;
	}
	return cmd;
}

/*
 * Places the subcommands of ALTER TABLE name cmd, cmd, ...: each at its
 * first word, found by splitting the text after the table name at the
 * commas outside parentheses (the parser records no place for them).
 * Left alone when the split does not give one piece per command.
 */
static void place_cmds(const struct pg_conv *c, const struct adv_ast *table,
		       struct adv_ast *cmds)
{
	size_t i, n = 0, want = adv_ast_list_len(cmds);
	int starts[64];
	int depth = 0, expect_name = 1, at_start = 1;
	struct adv_ast *cmd;

	if (table == NULL || table->loc < 0 || want == 0 ||
	    want > sizeof(starts) / sizeof(starts[0]))
		return;
	i = tok_from(c, (size_t)table->loc);
	/* the name: ident [. ident [. ident]] */
	for (; i < c->toks.nr; i++) {
		enum adv_tok_kind k = c->toks.items[i].kind;

		if (!tok_is_code(c, i))
			continue;
		if (expect_name && (k == ADV_TOK_WORD || k == ADV_TOK_QIDENT)) {
			expect_name = 0;
		} else if (!expect_name && punct(c, i) == '.') {
			expect_name = 1;
		} else {
			break;
		}
	}
	for (; i < c->toks.nr; i++) {
		int ch = punct(c, i);

		if (!tok_is_code(c, i))
			continue;
		if (ch == ';')
			break;
		if (depth == 0 && ch == ',') {
			at_start = 1;
			continue;
		}
		if (at_start) {
			if (n == want)
				return;
			starts[n++] = (int)c->toks.items[i].offset;
			at_start = 0;
		}
		if (ch == '(' || ch == '[')
			depth++;
		else if ((ch == ')' || ch == ']') && depth > 0)
			depth--;
	}
	if (n != want)
		return;
	for (i = 0, cmd = cmds; cmd != NULL && i < n; cmd = cmd->next, i++)
		cmd->loc = starts[i];
}

static struct adv_ast *alter_table(struct pg_conv *c, const cJSON *body,
				   int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_ALTER_TABLE, loc);
	const cJSON *item;
	struct list cmds;

	n->table = range_var(c, member(body, "relation"), 1);
	if (n->table != NULL && (n->table->flags & ADV_ASTF_ONLY) != 0)
		n->flags |= ADV_ASTF_ONLY;
	if (member_true(body, "missing_ok"))
		n->flags |= ADV_ASTF_IF_EXISTS;
	list_init(&cmds);
	for (item = items(member(body, "cmds")); item != NULL;
	     item = item->next) {
		const cJSON *b = node_of(item, "AlterTableCmd");

		if (b != NULL)
			list_add(&cmds, alter_cmd(c, b));
	}
	n->cmds = cmds.head;
	place_cmds(c, n->table, n->cmds);
	return n;
}

/* ALTER TABLE ... RENAME [COLUMN | CONSTRAINT] x TO y, or NULL for the
 * renames of other objects. */
static struct adv_ast *rename_stmt(struct pg_conv *c, const cJSON *body,
				   int loc)
{
	const char *type = member_str(body, "renameType");
	struct adv_ast *n, *cmd;

	if (type == NULL)
		return NULL;
	cmd = mk(c, ADV_AST_ALTER_CMD, -1);
	if (strcmp(type, "OBJECT_COLUMN") == 0 &&
	    member_is(body, "relationType", "OBJECT_TABLE")) {
		cmd->op = ADV_ALTER_RENAME_COLUMN;
	} else if (strcmp(type, "OBJECT_TABCONSTRAINT") == 0) {
		cmd->op = ADV_ALTER_RENAME_CONSTRAINT;
	} else if (strcmp(type, "OBJECT_TABLE") == 0) {
		cmd->op = ADV_ALTER_RENAME_TABLE;
		cmd->table = mk(c, ADV_AST_TABLE, -1);
		cmd->table->name = dup(c, member_str(body, "newname"));
	} else {
		return NULL;
	}
	cmd->name = dup(c, member_str(body, "subname"));
	cmd->alias = dup(c, member_str(body, "newname"));
	n = mk(c, ADV_AST_ALTER_TABLE, loc);
	n->table = range_var(c, member(body, "relation"), 1);
	if (n->table != NULL && (n->table->flags & ADV_ASTF_ONLY) != 0)
		n->flags |= ADV_ASTF_ONLY;
	if (member_true(body, "missing_ok"))
		n->flags |= ADV_ASTF_IF_EXISTS;
	n->cmds = cmd;
	place_cmds(c, n->table, n->cmds);
	return n;
}

static struct adv_ast *index_stmt(struct pg_conv *c, const cJSON *body, int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_CREATE_INDEX, loc);
	const char *method = member_str(body, "accessMethod");
	const cJSON *item;
	struct list keys, include;

	n->name = dup(c, member_str(body, "idxname"));
	n->table = range_var(c, member(body, "relation"), 1);
	if (n->table != NULL && (n->table->flags & ADV_ASTF_ONLY) != 0)
		n->flags |= ADV_ASTF_ONLY;
	list_init(&keys);
	for (item = items(member(body, "indexParams")); item != NULL;
	     item = item->next) {
		const cJSON *el = node_of(item, "IndexElem");
		const char *name = member_str(el, "name");
		const char *dir = member_str(el, "ordering");
		const char *nulls = member_str(el, "nulls_ordering");
		struct adv_ast *key;

		if (el == NULL)
			continue;
		if (name != NULL) {
			key = mk(c, ADV_AST_COLUMN, -1);
			key->name = dup(c, name);
		} else {
			key = expr(c, member(el, "expr"));
		}
		if ((dir != NULL && strcmp(dir, "SORTBY_DEFAULT") != 0) ||
		    (nulls != NULL &&
		     strcmp(nulls, "SORTBY_NULLS_DEFAULT") != 0)) {
			struct adv_ast *s = mk(c, ADV_AST_SORT,
					       key != NULL ? key->loc : -1);

			s->args = key;
			if (dir != NULL && strcmp(dir, "SORTBY_ASC") == 0)
				s->op = ADV_SORT_ASC;
			else if (dir != NULL && strcmp(dir, "SORTBY_DESC") == 0)
				s->op = ADV_SORT_DESC;
			if (nulls != NULL &&
			    strcmp(nulls, "SORTBY_NULLS_FIRST") == 0)
				s->flags2 |= ADV_AST2_NULLS_FIRST;
			else if (nulls != NULL &&
				 strcmp(nulls, "SORTBY_NULLS_LAST") == 0)
				s->flags2 |= ADV_AST2_NULLS_LAST;
			key = s;
		}
		list_add(&keys, key);
	}
	n->args = keys.head;
	list_init(&include);
	for (item = items(member(body, "indexIncludingParams")); item != NULL;
	     item = item->next) {
		const char *name =
			member_str(node_of(item, "IndexElem"), "name");
		struct adv_ast *col;

		if (name == NULL)
			continue;
		col = mk(c, ADV_AST_COLUMN, -1);
		col->name = dup(c, name);
		list_add(&include, col);
	}
	n->include = include.head;
	n->where = expr(c, member(body, "whereClause"));
	/* the grammar fills in "btree" when no USING was written */
	if (method != NULL &&
	    (strcmp(method, "btree") != 0 ||
	     using_written(c, n->table != NULL ? n->table->loc : -1)))
		n->value = dup(c, method);
	if (member_true(body, "unique"))
		n->flags |= ADV_ASTF_UNIQUE;
	if (member_true(body, "concurrent"))
		n->flags |= ADV_ASTF_CONCURRENTLY;
	if (member_true(body, "if_not_exists"))
		n->flags |= ADV_ASTF_IF_NOT_EXISTS;
	return n;
}

static const struct {
	const char *name;
	enum adv_obj_type obj;
} obj_types[] = {
	{"OBJECT_TABLE", ADV_OBJ_TABLE},
	{"OBJECT_FOREIGN_TABLE", ADV_OBJ_TABLE},
	{"OBJECT_INDEX", ADV_OBJ_INDEX},
	{"OBJECT_VIEW", ADV_OBJ_VIEW},
	{"OBJECT_MATVIEW", ADV_OBJ_MATVIEW},
	{"OBJECT_SCHEMA", ADV_OBJ_SCHEMA},
	{"OBJECT_DATABASE", ADV_OBJ_DATABASE},
	{"OBJECT_SEQUENCE", ADV_OBJ_SEQUENCE},
	{"OBJECT_FUNCTION", ADV_OBJ_FUNCTION},
	{"OBJECT_AGGREGATE", ADV_OBJ_FUNCTION},
	{"OBJECT_ROUTINE", ADV_OBJ_FUNCTION},
	{"OBJECT_PROCEDURE", ADV_OBJ_PROCEDURE},
	{"OBJECT_TRIGGER", ADV_OBJ_TRIGGER},
	{"OBJECT_EVENT_TRIGGER", ADV_OBJ_TRIGGER},
	{"OBJECT_TYPE", ADV_OBJ_TYPE},
	{"OBJECT_DOMAIN", ADV_OBJ_TYPE},
	{"OBJECT_EXTENSION", ADV_OBJ_EXTENSION},
};

static enum adv_obj_type obj_type(const char *name)
{
	size_t i;

	for (i = 0;
	     name != NULL && i < sizeof(obj_types) / sizeof(obj_types[0]);
	     i++) {
		if (strcmp(name, obj_types[i].name) == 0)
			return obj_types[i].obj;
	}
	return ADV_OBJ_OTHER;
}

static struct adv_ast *drop_stmt(struct pg_conv *c, const cJSON *body, int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_DROP, loc);
	const char *type = member_str(body, "removeType");
	/* DROP TRIGGER t ON tab, DROP RULE, DROP POLICY: [schema, tab, t] */
	int on_table = type != NULL && (strcmp(type, "OBJECT_TRIGGER") == 0 ||
					strcmp(type, "OBJECT_RULE") == 0 ||
					strcmp(type, "OBJECT_POLICY") == 0);
	const cJSON *item;
	struct list names;

	n->op = obj_type(type);
	list_init(&names);
	for (item = items(member(body, "objects")); item != NULL;
	     item = item->next) {
		const cJSON *b;
		const char *kind = node_kind(item, &b);
		const char *s = string_value(item);
		struct adv_ast *t = NULL;

		if (s != NULL) {
			t = mk(c, ADV_AST_TABLE, -1);
			t->name = dup(c, s);
		} else if (strcmp(kind, "List") == 0 && on_table) {
			const cJSON *parts = member(b, "items");
			int k = count(parts);

			t = mk(c, ADV_AST_TABLE, -1);
			t->name = dup(c, name_at(parts, -1));
			if (k >= 2 && n->table == NULL) {
				n->table = mk(c, ADV_AST_TABLE, -1);
				n->table->name = dup(c, name_at(parts, -2));
				n->table->schema = dup(c, name_at(parts, -3));
			}
		} else if (strcmp(kind, "List") == 0) {
			t = named_table(c, member(b, "items"), -1);
		} else if (strcmp(kind, "TypeName") == 0) {
			t = named_table(c, member(b, "names"), location(c, b));
		} else if (strcmp(kind, "ObjectWithArgs") == 0) {
			t = named_table(c, member(b, "objname"), -1);
		}
		list_add(&names, t);
	}
	n->args = names.head;
	if (member_true(body, "missing_ok"))
		n->flags |= ADV_ASTF_IF_EXISTS;
	if (member_true(body, "concurrent"))
		n->flags |= ADV_ASTF_CONCURRENTLY;
	if (member_is(body, "behavior", "DROP_CASCADE"))
		n->flags |= ADV_ASTF_CASCADE;
	return n;
}

static struct adv_ast *create_other(struct pg_conv *c, int loc,
				    enum adv_obj_type obj, const cJSON *names,
				    const cJSON *body)
{
	struct adv_ast *n = mk(c, ADV_AST_CREATE_OTHER, loc);

	n->op = obj;
	n->name = dup(c, name_at(names, -1));
	n->schema = dup(c, name_at(names, -2));
	if (member_true(body, "if_not_exists"))
		n->flags |= ADV_ASTF_IF_NOT_EXISTS;
	if (member_true(body, "replace"))
		n->flags |= ADV_ASTF_OR_REPLACE;
	return n;
}

/* CREATE of something named by a RangeVar (sequence, composite type). */
static struct adv_ast *create_other_rel(struct pg_conv *c, int loc,
					enum adv_obj_type obj, const cJSON *rv,
					const cJSON *body)
{
	struct adv_ast *n = create_other(c, loc, obj, NULL, body);

	n->name = dup(c, member_str(rv, "relname"));
	n->schema = dup(c, member_str(rv, "schemaname"));
	if (member_is(rv, "relpersistence", "t"))
		n->flags |= ADV_ASTF_TEMPORARY;
	return n;
}

static struct adv_ast *create_view(struct pg_conv *c, int loc,
				   enum adv_obj_type obj, const cJSON *rv,
				   const cJSON *query)
{
	struct adv_ast *n = mk(c, ADV_AST_CREATE_VIEW, loc);

	n->op = obj;
	n->table = range_var(c, rv, 0);
	n->sub = stmt(c, query, -1);
	if (n->table != NULL && (n->table->flags & ADV_ASTF_TEMPORARY) != 0)
		n->flags |= ADV_ASTF_TEMPORARY;
	return n;
}

static struct adv_ast *create_table_as(struct pg_conv *c, const cJSON *body,
				       int loc)
{
	const cJSON *into = member(body, "into");
	struct adv_ast *n;

	if (member_is(body, "objtype", "OBJECT_MATVIEW")) {
		n = create_view(c, loc, ADV_OBJ_MATVIEW, member(into, "rel"),
				member(body, "query"));
	} else {
		n = mk(c, ADV_AST_CREATE_TABLE, loc);
		n->flags |= ADV_ASTF_AS_SELECT;
		n->table = range_var(c, member(into, "rel"), 0);
		n->sub = stmt(c, member(body, "query"), -1);
		if (n->table != NULL &&
		    (n->table->flags & ADV_ASTF_TEMPORARY) != 0)
			n->flags |= ADV_ASTF_TEMPORARY;
	}
	if (member_true(body, "if_not_exists"))
		n->flags |= ADV_ASTF_IF_NOT_EXISTS;
	return n;
}

/* TABLE nodes for a list of RangeVar nodes. */
static struct adv_ast *table_list(struct pg_conv *c, const cJSON *arr,
				  const char *wrapper)
{
	struct list l;
	const cJSON *item;

	list_init(&l);
	for (item = items(arr); item != NULL; item = item->next) {
		const cJSON *b = node_of(item, wrapper);

		if (b != NULL && wrapper[0] == 'V')
			b = member(b, "relation"); /* VacuumRelation */
		list_add(&l, range_var(c, b, 1));
	}
	return l.head;
}

static struct adv_ast *reindex_stmt(struct pg_conv *c, const cJSON *body,
				    int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_REINDEX, loc);
	const char *kind = member_str(body, "kind");
	const cJSON *conc = find_def(member(body, "params"), "concurrently");

	if (kind == NULL)
		kind = "";
	if (strcmp(kind, "REINDEX_OBJECT_INDEX") == 0)
		n->op = ADV_OBJ_INDEX;
	else if (strcmp(kind, "REINDEX_OBJECT_TABLE") == 0)
		n->op = ADV_OBJ_TABLE;
	else if (strcmp(kind, "REINDEX_OBJECT_SCHEMA") == 0)
		n->op = ADV_OBJ_SCHEMA;
	else if (strcmp(kind, "REINDEX_OBJECT_DATABASE") == 0)
		n->op = ADV_OBJ_DATABASE;
	else if (strcmp(kind, "REINDEX_OBJECT_SYSTEM") == 0)
		n->op = ADV_OBJ_SYSTEM;
	n->args = range_var(c, member(body, "relation"), 0);
	if (n->args == NULL && member_str(body, "name") != NULL) {
		n->args = mk(c, ADV_AST_TABLE, -1);
		n->args->name = dup(c, member_str(body, "name"));
	}
	if (conc != NULL && def_true(c, conc))
		n->flags |= ADV_ASTF_CONCURRENTLY;
	return n;
}

static struct adv_ast *vacuum_stmt(struct pg_conv *c, const cJSON *body,
				   int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_VACUUM, loc);
	const cJSON *full = find_def(member(body, "options"), "full");

	n->args = table_list(c, member(body, "rels"), "VacuumRelation");
	if (full != NULL && def_true(c, full))
		n->flags |= ADV_ASTF_FULL;
	if (!member_true(body, "is_vacuumcmd"))
		n->flags |= ADV_ASTF_ANALYZE_ONLY;
	n->options = options(c, member(body, "options"));
	return n;
}

static const struct {
	const char *name;
	enum adv_txn_kind txn;
} txn_kinds[] = {
	{"TRANS_STMT_BEGIN", ADV_TXN_BEGIN},
	{"TRANS_STMT_START", ADV_TXN_BEGIN},
	{"TRANS_STMT_COMMIT", ADV_TXN_COMMIT},
	{"TRANS_STMT_ROLLBACK", ADV_TXN_ROLLBACK},
	{"TRANS_STMT_SAVEPOINT", ADV_TXN_SAVEPOINT},
	{"TRANS_STMT_RELEASE", ADV_TXN_RELEASE},
	{"TRANS_STMT_ROLLBACK_TO", ADV_TXN_ROLLBACK_TO},
	{"TRANS_STMT_PREPARE", ADV_TXN_PREPARE},
	{"TRANS_STMT_COMMIT_PREPARED", ADV_TXN_COMMIT_PREPARED},
	{"TRANS_STMT_ROLLBACK_PREPARED", ADV_TXN_ROLLBACK_PREPARED},
};

static struct adv_ast *transaction_stmt(struct pg_conv *c, const cJSON *body,
					int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_TRANSACTION, loc);
	const char *kind = member_str(body, "kind");
	const char *name = member_str(body, "savepoint_name");
	size_t i;

	for (i = 0;
	     kind != NULL && i < sizeof(txn_kinds) / sizeof(txn_kinds[0]);
	     i++) {
		if (strcmp(kind, txn_kinds[i].name) == 0)
			n->op = txn_kinds[i].txn;
	}
	n->name = dup(c, name != NULL ? name : member_str(body, "gid"));
	n->options = options(c, member(body, "options"));
	return n;
}

/* SET name = value, SET LOCAL, RESET, SET TRANSACTION ISOLATION LEVEL. */
static struct adv_ast *set_stmt(struct pg_conv *c, const cJSON *body, int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_SET, loc);
	const char *kind = member_str(body, "kind");
	const cJSON *args = member(body, "args");
	const cJSON *item;

	if (kind == NULL)
		kind = "";
	if (member_true(body, "is_local"))
		n->flags |= ADV_ASTF_LOCAL;
	n->name = dup_lower(c, member_str(body, "name"));
	if (strcmp(kind, "VAR_SET_VALUE") == 0) {
		struct adv_buf b;

		adv_buf_init(&b);
		for (item = items(args); item != NULL; item = item->next) {
			const char *v = value_text(c, item);

			if (v == NULL)
				continue;
			if (b.len > 0)
				adv_buf_addstr(&b, ", ");
			adv_buf_addstr(&b, v);
		}
		n->value = adv_ast_strndup_lower(c->arena, b.data, b.len);
		adv_buf_release(&b);
	} else if (strcmp(kind, "VAR_SET_DEFAULT") == 0 ||
		   strcmp(kind, "VAR_RESET") == 0) {
		n->flags |= ADV_ASTF_RESET;
	} else if (strcmp(kind, "VAR_RESET_ALL") == 0) {
		n->flags |= ADV_ASTF_RESET;
		n->name = "all";
	} else if (strcmp(kind, "VAR_SET_MULTI") == 0) {
		/* SET TRANSACTION / SESSION CHARACTERISTICS AS TRANSACTION:
		 * a list of transaction modes, the isolation level first */
		const cJSON *d = find_def(args, "transaction_isolation");

		if (d == NULL)
			d = node_of(items(args), "DefElem");
		n->name = dup_lower(c, member_str(d, "defname"));
		n->value = dup_lower(c, value_text(c, member(d, "arg")));
		n->options = options(c, args);
	}
	return n;
}

static struct adv_ast *call_stmt(struct pg_conv *c, const cJSON *body, int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_CALL, loc);
	const cJSON *fc = member(body, "funccall");
	const cJSON *names = member(fc, "funcname");

	n->name = dup(c, name_at(names, -1));
	n->schema = dup(c, count(names) >= 2 ? name_at(names, -2) : NULL);
	n->args = expr_list(c, member(fc, "args"));
	return n;
}

/* A statement known by its first words, with what is found inside. */
static struct adv_ast *other_stmt(struct pg_conv *c, const char *kind,
				  const cJSON *body, int loc)
{
	struct adv_ast *n = mk(c, ADV_AST_OTHER, loc);
	struct found f;

	n->value = stmt_word(c, loc, kind);
	found_init(&f);
	collect(c, body, &f);
	n->args = f.args.head;
	n->sub = f.subs.head;
	n->table = f.tables.head;
	return n;
}

/* Names of CREATE statements the tree has no object kind for. */
static const char *const create_name_members[] = {
	"role",	    "policy_name", "tablespacename", "servername",
	"fdwname",  "pubname",	   "subname",	     "amname",
	"trigname", "plname",	   "rulename",	     NULL};

static struct adv_ast *stmt(struct pg_conv *c, const cJSON *node, int loc)
{
	const cJSON *b;
	const char *kind = node_kind(node, &b);
	struct adv_ast *n = NULL;

	if (kind[0] == '\0')
		return NULL;
	if (strcmp(kind, "SelectStmt") == 0)
		return select_stmt(c, b, loc);
	if (strcmp(kind, "InsertStmt") == 0)
		n = insert_stmt(c, b, loc);
	else if (strcmp(kind, "UpdateStmt") == 0)
		n = update_stmt(c, b, loc);
	else if (strcmp(kind, "DeleteStmt") == 0)
		n = delete_stmt(c, b, loc);
	else if (strcmp(kind, "CreateStmt") == 0)
		n = create_table(c, b, loc);
	else if (strcmp(kind, "CreateTableAsStmt") == 0)
		n = create_table_as(c, b, loc);
	else if (strcmp(kind, "AlterTableStmt") == 0 &&
		 member_is(b, "objtype", "OBJECT_TABLE"))
		n = alter_table(c, b, loc);
	else if (strcmp(kind, "RenameStmt") == 0)
		n = rename_stmt(c, b, loc);
	else if (strcmp(kind, "IndexStmt") == 0)
		n = index_stmt(c, b, loc);
	else if (strcmp(kind, "DropStmt") == 0)
		n = drop_stmt(c, b, loc);
	else if (strcmp(kind, "DropdbStmt") == 0) {
		n = mk(c, ADV_AST_DROP, loc);
		n->op = ADV_OBJ_DATABASE;
		n->args = mk(c, ADV_AST_TABLE, -1);
		n->args->name = dup(c, member_str(b, "dbname"));
		if (member_true(b, "missing_ok"))
			n->flags |= ADV_ASTF_IF_EXISTS;
	} else if (strcmp(kind, "CreateSchemaStmt") == 0) {
		struct found f;

		n = create_other(c, loc, ADV_OBJ_SCHEMA, NULL, b);
		n->name = dup(c, member_str(b, "schemaname"));
		found_init(&f);
		collect(c, member(b, "schemaElts"), &f);
		n->sub = f.subs.head;
	} else if (strcmp(kind, "CreatedbStmt") == 0) {
		n = create_other(c, loc, ADV_OBJ_DATABASE, NULL, b);
		n->name = dup(c, member_str(b, "dbname"));
	} else if (strcmp(kind, "CreateSeqStmt") == 0) {
		n = create_other_rel(c, loc, ADV_OBJ_SEQUENCE,
				     member(b, "sequence"), b);
	} else if (strcmp(kind, "CreateFunctionStmt") == 0) {
		struct found f;

		n = create_other(c, loc,
				 member_true(b, "is_procedure")
					 ? ADV_OBJ_PROCEDURE
					 : ADV_OBJ_FUNCTION,
				 member(b, "funcname"), b);
		/* BEGIN ATOMIC ... END */
		found_init(&f);
		collect(c, member(b, "sql_body"), &f);
		n->sub = f.subs.head;
	} else if (strcmp(kind, "CreateTrigStmt") == 0) {
		n = create_other(c, loc, ADV_OBJ_TRIGGER, NULL, b);
		n->name = dup(c, member_str(b, "trigname"));
		n->table = range_var(c, member(b, "relation"), 0);
		n->where = expr(c, member(b, "whenClause"));
	} else if (strcmp(kind, "CreateExtensionStmt") == 0) {
		n = create_other(c, loc, ADV_OBJ_EXTENSION, NULL, b);
		n->name = dup(c, member_str(b, "extname"));
	} else if (strcmp(kind, "DefineStmt") == 0) {
		const char *obj = member_str(b, "kind");
		enum adv_obj_type t = ADV_OBJ_OTHER;

		if (obj != NULL && strcmp(obj, "OBJECT_TYPE") == 0)
			t = ADV_OBJ_TYPE;
		else if (obj != NULL && strcmp(obj, "OBJECT_AGGREGATE") == 0)
			t = ADV_OBJ_FUNCTION;
		n = create_other(c, loc, t, member(b, "defnames"), b);
	} else if (strcmp(kind, "CompositeTypeStmt") == 0) {
		n = create_other_rel(c, loc, ADV_OBJ_TYPE, member(b, "typevar"),
				     b);
	} else if (strcmp(kind, "CreateEnumStmt") == 0 ||
		   strcmp(kind, "CreateRangeStmt") == 0) {
		n = create_other(c, loc, ADV_OBJ_TYPE, member(b, "typeName"),
				 b);
	} else if (strcmp(kind, "CreateDomainStmt") == 0) {
		n = create_other(c, loc, ADV_OBJ_TYPE, member(b, "domainname"),
				 b);
	} else if (strcmp(kind, "ViewStmt") == 0) {
		n = create_view(c, loc, ADV_OBJ_VIEW, member(b, "view"),
				member(b, "query"));
		if (member_true(b, "replace"))
			n->flags |= ADV_ASTF_OR_REPLACE;
	} else if (strcmp(kind, "TruncateStmt") == 0) {
		n = mk(c, ADV_AST_TRUNCATE, loc);
		n->args = table_list(c, member(b, "relations"), "RangeVar");
		if (member_is(b, "behavior", "DROP_CASCADE"))
			n->flags |= ADV_ASTF_CASCADE;
	} else if (strcmp(kind, "ReindexStmt") == 0) {
		n = reindex_stmt(c, b, loc);
	} else if (strcmp(kind, "RefreshMatViewStmt") == 0) {
		n = mk(c, ADV_AST_REFRESH, loc);
		n->table = range_var(c, member(b, "relation"), 0);
		if (member_true(b, "concurrent"))
			n->flags |= ADV_ASTF_CONCURRENTLY;
	} else if (strcmp(kind, "VacuumStmt") == 0) {
		n = vacuum_stmt(c, b, loc);
	} else if (strcmp(kind, "ClusterStmt") == 0) {
		n = mk(c, ADV_AST_CLUSTER, loc);
		n->table = range_var(c, member(b, "relation"), 0);
		n->name = dup(c, member_str(b, "indexname"));
	} else if (strcmp(kind, "TransactionStmt") == 0) {
		n = transaction_stmt(c, b, loc);
	} else if (strcmp(kind, "VariableSetStmt") == 0) {
		n = set_stmt(c, b, loc);
	} else if (strcmp(kind, "DeclareCursorStmt") == 0) {
		n = mk(c, ADV_AST_DECLARE_CURSOR, loc);
		n->name = dup(c, member_str(b, "portalname"));
		n->sub = stmt(c, member(b, "query"), -1);
	} else if (strcmp(kind, "ExplainStmt") == 0) {
		n = mk(c, ADV_AST_EXPLAIN, loc);
		n->sub = stmt(c, member(b, "query"), -1);
		n->options = options(c, member(b, "options"));
	} else if (strcmp(kind, "CallStmt") == 0) {
		n = call_stmt(c, b, loc);
	} else if (strncmp(kind, "Create", 6) == 0) {
		const char *const *m;

		n = other_stmt(c, kind, b, loc);
		n->kind = ADV_AST_CREATE_OTHER;
		n->op = ADV_OBJ_OTHER;
		for (m = create_name_members; *m != NULL && n->name == NULL;
		     m++)
			n->name = dup(c, member_str(b, *m));
		if (member_true(b, "if_not_exists"))
			n->flags |= ADV_ASTF_IF_NOT_EXISTS;
		if (member_true(b, "replace"))
			n->flags |= ADV_ASTF_OR_REPLACE;
	} else if (strncmp(kind, "Drop", 4) == 0) {
		/* DROP ROLE, DROP TABLESPACE, DROP OWNED, ... */
		n = other_stmt(c, kind, b, loc);
		n->kind = ADV_AST_DROP;
		n->op = ADV_OBJ_OTHER;
		if (member_true(b, "missing_ok"))
			n->flags |= ADV_ASTF_IF_EXISTS;
	}
	if (n == NULL)
		n = other_stmt(c, kind, b, loc);
	/* nested: in a CTE, a rule, PREPARE, EXPLAIN, CREATE SCHEMA ... */
	if (n->loc < 0 &&
	    (n->kind == ADV_AST_INSERT || n->kind == ADV_AST_UPDATE ||
	     n->kind == ADV_AST_DELETE))
		n->loc = keyword_before(c, earliest_child(n), query_words);
	else if (n->loc < 0 && (n->kind == ADV_AST_CREATE_TABLE ||
				n->kind == ADV_AST_CREATE_VIEW ||
				n->kind == ADV_AST_CREATE_INDEX ||
				n->kind == ADV_AST_CREATE_OTHER))
		n->loc = keyword_before(c, earliest_child(n), create_words);
	return n;
}

/* ---- the entry point ---- */

/* The byte offset of 1-based character pos (0: unknown) in text. */
static int char_to_byte(const char *text, size_t len, int pos)
{
	size_t i;
	int chars = 0;

	if (pos <= 0)
		return -1;
	for (i = 0; i < len; i++) {
		if (((unsigned char)text[i] & 0xC0) == 0x80)
			continue;
		if (++chars == pos)
			return (int)i;
	}
	return (int)len;
}

static enum adv_status parse_error(struct adv_ast_parse *p, const char *msg,
				   int loc)
{
	p->error = adv_ast_strdup(&p->arena, msg);
	p->error_loc = loc;
	p->stmts = NULL;
	return ADV_EINPUT;
}

/* The place of the first node found too deep (or of its nearest placed
 * ancestor). */
struct deep {
	int loc;
};

static int find_deep(const struct adv_ast *node,
		     const struct adv_ast_path *path, void *data)
{
	struct deep *d = data;
	int i;

	if (path->depth < ADV_AST_PATH_MAX)
		return 0;
	d->loc = node->loc;
	for (i = path->depth - 1; i >= 0 && d->loc < 0; i--)
		d->loc = path->node[i]->loc;
	return -1;
}

enum adv_status adv_ast_parse_pg(const char *text, size_t len,
				 struct adv_ast_parse *p)
{
	struct pg_conv c;
	PgQueryParseResult r;
	cJSON *tree = NULL;
	const cJSON *raw;
	struct list stmts;
	enum adv_status st = ADV_OK;
	int where = -1;

	memset(&r, 0, sizeof(r)); /* nothing for _free_ to free yet */
	c.arena = &p->arena;
	c.text = text;
	c.len = len;
	adv_sql_tokens_init(&c.toks);
	adv_sql_tokenize(text, len, ADV_DIALECT_PG, 0, &c.toks, NULL);
	if (chain_too_long(&c, &where)) {
		st = parse_error(p, too_deep, where);
		goto out;
	}

	r = pg_query_parse(text);
	if (r.error != NULL) {
		st = parse_error(p,
				 r.error->message != NULL ? r.error->message
							  : "syntax error",
				 char_to_byte(text, len, r.error->cursorpos));
		goto out;
	}
	/* the JSON is well formed: what cJSON refuses is nesting past its
	 * limit (1000 levels) */
	tree = cJSON_Parse(r.parse_tree);
	if (tree == NULL) {
		st = parse_error(p, too_deep, -1);
		goto out;
	}
	list_init(&stmts);
	for (raw = items(member(tree, "stmts")); raw != NULL; raw = raw->next) {
		int at = member_int(raw, "stmt_location", 0);
		struct adv_ast *n;
		struct deep d = {-1};

		if (at < 0 || (size_t)at > len)
			at = 0;
		n = stmt(&c, member(raw, "stmt"), code_start(&c, at));
		if (n == NULL)
			continue;
		if (adv_ast_walk(n, 0, find_deep, &d) < 0) {
			st = parse_error(p, too_deep, d.loc);
			goto out;
		}
		list_add(&stmts, n);
	}
	adv_ast_append(&p->stmts, stmts.head);
out:
	cJSON_Delete(tree);
	pg_query_free_parse_result(r);
	adv_sql_tokens_release(&c.toks);
	return st;
}
