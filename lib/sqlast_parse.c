#include "sqlast.h"

#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "banned.h"

/*
 * The clause-level parser of MySQL/MariaDB and T-SQL statements: recursive
 * descent over the sqllex tokens (comments, hints and look-alike
 * characters dropped), building the shared tree of sqlast.h in the
 * caller's arena.
 *
 * A syntax error anywhere unwinds with longjmp to the entry point (or to
 * the innermost try_parse(), which then takes another reading of the same
 * tokens). Nothing but arena memory is allocated below the entry point, so
 * unwinding leaks nothing. Every loop consumes a token or stops, and
 * recursion is bounded by MAX_NESTING, so no input can loop or exhaust the
 * stack.
 */

#define MAX_NESTING (ADV_AST_PATH_MAX / 2)

struct parser {
	const char *text;
	size_t len;
	enum adv_sql_dialect dialect;
	struct adv_ast_parse *out;
	struct adv_ast_arena *arena;
	struct adv_sql_token *toks; /* code tokens, then one ADV_TOK_END */
	size_t ntoks;		    /* without the END */
	size_t pos;
	int depth;
	int in_body; /* inside a stored program body or a block */
	jmp_buf *fail;
};

/* A list under construction: O(1) appends. */
struct list {
	struct adv_ast *head;
	struct adv_ast *tail;
};

static void list_add(struct list *l, struct adv_ast *n)
{
	if (n == NULL)
		return;
	if (l->head == NULL)
		l->head = n;
	else
		l->tail->next = n;
	l->tail = n;
	while (l->tail->next != NULL)
		l->tail = l->tail->next;
}

/* Appends the list items to the list at *head. */
static void append_list(struct adv_ast **head, struct adv_ast *items)
{
	while (*head != NULL)
		head = &(*head)->next;
	*head = items;
}

/* ---- tokens ---- */

static const struct adv_sql_token *cur(const struct parser *ps)
{
	return &ps->toks[ps->pos];
}

static const struct adv_sql_token *peek(const struct parser *ps, size_t k)
{
	size_t i = ps->pos + k;

	if (i > ps->ntoks)
		i = ps->ntoks;
	return &ps->toks[i];
}

static void advance(struct parser *ps)
{
	if (ps->pos < ps->ntoks)
		ps->pos++;
}

static int at_end(const struct parser *ps)
{
	return ps->pos >= ps->ntoks;
}

static const char *tok_text(const struct parser *ps,
			    const struct adv_sql_token *t)
{
	return ps->text + t->offset;
}

static int tok_word(const struct parser *ps, const struct adv_sql_token *t,
		    const char *kw)
{
	size_t n = strlen(kw);

	return t->kind == ADV_TOK_WORD && t->length == n &&
	       strncasecmp(tok_text(ps, t), kw, n) == 0;
}

static int tok_op(const struct parser *ps, const struct adv_sql_token *t,
		  const char *op)
{
	size_t n = strlen(op);

	return t->kind == ADV_TOK_OP && t->length == n &&
	       memcmp(tok_text(ps, t), op, n) == 0;
}

static int is_kw(const struct parser *ps, const char *kw)
{
	return tok_word(ps, cur(ps), kw);
}

static int is_kw_at(const struct parser *ps, size_t k, const char *kw)
{
	return tok_word(ps, peek(ps, k), kw);
}

static int is_op(const struct parser *ps, const char *op)
{
	return tok_op(ps, cur(ps), op);
}

static int is_op_at(const struct parser *ps, size_t k, const char *op)
{
	return tok_op(ps, peek(ps, k), op);
}

static int accept_kw(struct parser *ps, const char *kw)
{
	if (!is_kw(ps, kw))
		return 0;
	advance(ps);
	return 1;
}

static int accept_op(struct parser *ps, const char *op)
{
	if (!is_op(ps, op))
		return 0;
	advance(ps);
	return 1;
}

/* ---- errors ---- */

static void fail_with(struct parser *ps, const struct adv_sql_token *t,
		      const char *what) __attribute__((noreturn));

static void fail_with(struct parser *ps, const struct adv_sql_token *t,
		      const char *what)
{
	const unsigned char *s = (const unsigned char *)tok_text(ps, t);
	size_t n = t->length;
	size_t cap, len, i;
	char *msg;

	if (t->kind == ADV_TOK_END) {
		cap = strlen(what) + sizeof(" at end of input");
		msg = adv_ast_alloc(ps->arena, cap);
		snprintf(msg, cap, "%s at end of input", what);
	} else {
		/* one line, not a whole unterminated string, whole UTF-8
		 * characters, control bytes shown as '?' */
		if (n > 40) {
			n = 40;
			while (n > 0 && (s[n] & 0xc0) == 0x80)
				n--;
		}
		for (i = 0; i < n; i++) {
			if (s[i] == '\n' || s[i] == '\r') {
				n = i;
				break;
			}
		}
		cap = strlen(what) + n + sizeof(" at or near \"\"");
		msg = adv_ast_alloc(ps->arena, cap);
		snprintf(msg, cap, "%s at or near \"", what);
		len = strlen(msg);
		for (i = 0; i < n; i++)
			msg[len++] =
				s[i] < 0x20 || s[i] == 0x7f ? '?' : (char)s[i];
		msg[len++] = '"';
		msg[len] = '\0';
	}
	ps->out->error = msg;
	ps->out->error_loc = (int)t->offset;
	longjmp(*ps->fail, 1);
}

static void fail_at(struct parser *ps, const struct adv_sql_token *t)
	__attribute__((noreturn));

static void fail_at(struct parser *ps, const struct adv_sql_token *t)
{
	fail_with(ps, t, "syntax error");
}

static void fail_here(struct parser *ps) __attribute__((noreturn));

static void fail_here(struct parser *ps)
{
	fail_at(ps, cur(ps));
}

static void expect_kw(struct parser *ps, const char *kw)
{
	if (!accept_kw(ps, kw))
		fail_here(ps);
}

static void expect_op(struct parser *ps, const char *op)
{
	if (!accept_op(ps, op))
		fail_here(ps);
}

static void enter(struct parser *ps)
{
	if (++ps->depth > MAX_NESTING)
		fail_with(ps, cur(ps), "statement nested too deeply");
}

static void leave(struct parser *ps)
{
	ps->depth--;
}

/*
 * Runs fn(ps, arg); when it fails, puts the position back where it was,
 * forgets the error and returns NULL, so that the caller can read the
 * same tokens another way. *ok says which happened.
 */
typedef struct adv_ast *(*parse_fn)(struct parser *ps, void *arg);

static struct adv_ast *try_parse(struct parser *ps, parse_fn fn, void *arg,
				 int *ok)
{
	jmp_buf here;
	jmp_buf *outer = ps->fail;
	size_t pos = ps->pos;
	int depth = ps->depth;
	int in_body = ps->in_body;
	struct adv_ast *res;

	/* the handler lives as long as this frame: restored on the way out */
	/* cppcheck-suppress autoVariables */
	ps->fail = &here;
	if (setjmp(here) != 0) {
		ps->fail = outer;
		ps->pos = pos;
		ps->depth = depth;
		ps->in_body = in_body;
		ps->out->error = NULL;
		ps->out->error_loc = -1;
		*ok = 0;
		return NULL;
	}
	res = fn(ps, arg);
	ps->fail = outer;
	*ok = 1;
	return res;
}

/* ---- nodes and names ---- */

static struct adv_ast *new_node(struct parser *ps, enum adv_ast_kind kind,
				const struct adv_sql_token *t)
{
	return adv_ast_new(ps->arena, kind, (int)t->offset);
}

static struct adv_ast *new_at(struct parser *ps, enum adv_ast_kind kind,
			      int loc)
{
	return adv_ast_new(ps->arena, kind, loc);
}

static char *tok_lower(struct parser *ps, const struct adv_sql_token *t)
{
	return adv_ast_strndup_lower(ps->arena, tok_text(ps, t), t->length);
}

static int is_ident_tok(const struct adv_sql_token *t)
{
	return t->kind == ADV_TOK_WORD || t->kind == ADV_TOK_QIDENT;
}

/* An identifier's name: folded when unquoted, exact without its quotes. */
static char *ident_text(struct parser *ps, const struct adv_sql_token *t)
{
	const char *s = tok_text(ps, t);
	char close;
	char *out;
	size_t i, o = 0;

	if (t->kind != ADV_TOK_QIDENT)
		return tok_lower(ps, t);
	close = s[0] == '[' ? ']' : s[0];
	out = adv_ast_alloc(ps->arena, t->length);
	for (i = 1; i + 1 < t->length; i++) {
		out[o++] = s[i];
		if (s[i] == close && i + 2 < t->length && s[i + 1] == close)
			i++;
	}
	out[o] = '\0';
	return out;
}

/* The text of a string literal without quotes, escapes resolved. */
static char *string_text(struct parser *ps, const struct adv_sql_token *t)
{
	const char *s = tok_text(ps, t);
	size_t start = 0, end = t->length;
	char *out;
	size_t i, o = 0;
	char q;

	if (t->flags & (ADV_TOKF_NATIONAL | ADV_TOKF_HEX | ADV_TOKF_BITS))
		start = 1;
	q = s[start];
	if (end > start + 1 && s[end - 1] == q)
		end--;
	out = adv_ast_alloc(ps->arena, t->length + 1);
	for (i = start + 1; i < end; i++) {
		char c = s[i];

		if (c == '\\' && (t->flags & ADV_TOKF_ESCAPES) && i + 1 < end) {
			char e = s[++i];

			switch (e) {
			case 'n':
				c = '\n';
				break;
			case 't':
				c = '\t';
				break;
			case 'r':
				c = '\r';
				break;
			case 'b':
				c = '\b';
				break;
			case 'Z':
				c = '\032';
				break;
			case '0':
			case '%':
			case '_':
				/* kept escaped: \% and \_ matter to LIKE,
				 * and a NUL would end the string */
				out[o++] = '\\';
				c = e;
				break;
			default:
				c = e;
				break;
			}
		} else if (c == q && i + 1 < end && s[i + 1] == q) {
			i++;
		}
		out[o++] = c;
	}
	out[o] = '\0';
	return out;
}

/* ---- keywords ---- */

/*
 * Words that end an expression or a FROM item where an alias could
 * follow: an implicit alias is never one of these. "hard" ones are never
 * a column name either (a primary expression that is one of them is a
 * syntax error, unless a '(' makes it a function call: LEFT(s, 3)).
 * Sorted for bsearch.
 */
struct keyword {
	const char *word;
	int hard;
};

static const struct keyword reserved_words[] = {
	{"all", 1},
	{"alter", 1},
	{"analyze", 0},
	{"and", 1},
	{"apply", 0},
	{"as", 1},
	{"asc", 0},
	{"backup", 0},
	{"begin", 0},
	{"between", 1},
	{"break", 0},
	{"bulk", 0},
	{"by", 1},
	{"call", 0},
	{"case", 1},
	{"checkpoint", 0},
	{"close", 0},
	{"collate", 0},
	{"commit", 0},
	{"continue", 0},
	{"create", 1},
	{"cross", 1},
	{"dbcc", 0},
	{"deallocate", 0},
	{"declare", 0},
	{"delete", 1},
	{"deny", 0},
	{"desc", 0},
	{"describe", 0},
	{"distinct", 1},
	{"distinctrow", 0},
	{"div", 0},
	{"do", 0},
	{"drop", 1},
	{"else", 1},
	{"elseif", 1},
	{"end", 0},
	{"escape", 0},
	{"except", 1},
	{"exec", 0},
	{"execute", 0},
	{"exists", 1},
	{"explain", 0},
	{"fetch", 0},
	{"flush", 0},
	{"for", 1},
	{"force", 0},
	{"from", 1},
	{"full", 0},
	{"go", 0},
	{"goto", 0},
	{"grant", 0},
	{"group", 1},
	{"handler", 0},
	{"having", 1},
	{"if", 0},
	{"ignore", 0},
	{"in", 1},
	{"inner", 1},
	{"insert", 1},
	{"intersect", 1},
	{"into", 1},
	{"is", 1},
	{"iterate", 0},
	{"join", 1},
	{"kill", 0},
	{"lateral", 0},
	{"leave", 0},
	{"left", 1},
	{"like", 1},
	{"limit", 1},
	{"load", 0},
	{"lock", 0},
	{"loop", 0},
	{"merge", 0},
	{"minus", 0},
	{"mod", 0},
	{"natural", 1},
	{"not", 1},
	{"null", 1},
	{"offset", 0},
	{"on", 1},
	{"open", 0},
	{"optimize", 0},
	{"option", 0},
	{"or", 1},
	{"order", 1},
	{"outer", 1},
	{"output", 0},
	{"partition", 0},
	{"pivot", 0},
	{"print", 0},
	{"procedure", 0},
	{"purge", 0},
	{"raiserror", 0},
	{"reconfigure", 0},
	{"regexp", 1},
	{"release", 0},
	{"rename", 0},
	{"repeat", 0},
	{"replace", 0},
	{"resignal", 0},
	{"restore", 0},
	{"return", 0},
	{"returning", 0},
	{"revoke", 0},
	{"right", 1},
	{"rlike", 1},
	{"rollback", 0},
	{"save", 0},
	{"savepoint", 0},
	{"select", 1},
	{"set", 1},
	{"show", 0},
	{"shutdown", 0},
	{"signal", 0},
	{"sounds", 0},
	{"start", 0},
	{"straight_join", 1},
	{"table", 1},
	{"tablesample", 0},
	{"then", 1},
	{"throw", 0},
	{"top", 0},
	{"truncate", 0},
	{"union", 1},
	{"unlock", 0},
	{"unpivot", 0},
	{"until", 0},
	{"update", 1},
	{"use", 0},
	{"using", 1},
	{"values", 1},
	{"waitfor", 0},
	{"when", 1},
	{"where", 1},
	{"while", 0},
	{"window", 0},
	{"with", 1},
	{"xor", 1},
};

static int keyword_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct keyword *)elem)->word);
}

/* The reserved_words entry of a WORD token, or NULL. */
static const struct keyword *reserved(const struct parser *ps,
				      const struct adv_sql_token *t)
{
	char low[24];
	size_t i;

	if (t->kind != ADV_TOK_WORD || t->length >= sizeof(low))
		return NULL;
	for (i = 0; i < t->length; i++) {
		char c = tok_text(ps, t)[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		low[i] = c;
	}
	low[i] = '\0';
	return bsearch(low, reserved_words,
		       sizeof(reserved_words) / sizeof(reserved_words[0]),
		       sizeof(reserved_words[0]), keyword_cmp);
}

static int is_reserved(const struct parser *ps, const struct adv_sql_token *t)
{
	return reserved(ps, t) != NULL;
}

static int is_hard_reserved(const struct parser *ps,
			    const struct adv_sql_token *t)
{
	const struct keyword *k = reserved(ps, t);

	return k != NULL && k->hard;
}

static int word_in(const struct parser *ps, const struct adv_sql_token *t,
		   const char *const *words)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++) {
		if (tok_word(ps, t, words[i]))
			return 1;
	}
	return 0;
}

/*
 * The words that start a T-SQL statement: where a batch without
 * semicolons goes on with the next statement. Not WITH: a statement
 * that starts with a CTE needs a ';' before it.
 */
static const char *const ms_stmt_words[] = {
	"select",    "insert",	   "update",	 "delete",	"merge",
	"create",    "alter",	   "drop",	 "truncate",	"declare",
	"set",	     "exec",	   "execute",	 "if",		"while",
	"begin",     "end",	   "else",	 "commit",	"rollback",
	"save",	     "print",	   "return",	 "use",		"open",
	"close",     "fetch",	   "deallocate", "raiserror",	"throw",
	"waitfor",   "break",	   "continue",	 "goto",	"grant",
	"revoke",    "deny",	   "dbcc",	 "backup",	"restore",
	"bulk",	     "checkpoint", "kill",	 "reconfigure", "shutdown",
	"go",	     "enable",	   "disable",	 "revert",	"readtext",
	"writetext", "updatetext", NULL};

static int ms_stmt_start(const struct parser *ps, const struct adv_sql_token *t)
{
	return ps->dialect == ADV_DIALECT_MS && word_in(ps, t, ms_stmt_words);
}

/* The end of the statement: ';', the end of the input or, in a T-SQL
 * batch, the start of the next statement. */
static int at_stmt_end(const struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);

	return at_end(ps) || tok_op(ps, t, ";") || ms_stmt_start(ps, t);
}

/* Skips a parenthesised group from its '(' to its ')'. */
static void skip_parens(struct parser *ps)
{
	int level = 0;

	expect_op(ps, "(");
	level = 1;
	while (level > 0) {
		if (at_end(ps))
			fail_here(ps);
		if (is_op(ps, "("))
			level++;
		else if (is_op(ps, ")"))
			level--;
		advance(ps);
	}
}

/*
 * Skips the rest of a statement this parser knows only by its first
 * words: up to ';' or the end, and in a T-SQL batch up to the next
 * statement word at parenthesis level 0 (keep lists words that do not
 * end it). A ')' at level 0 is left for the caller.
 */
static void skip_rest(struct parser *ps, const char *const *keep)
{
	int level = 0;

	while (!at_end(ps)) {
		const struct adv_sql_token *t = cur(ps);

		if (level == 0 && tok_op(ps, t, ";"))
			break;
		if (level == 0 && ms_stmt_start(ps, t) &&
		    (keep == NULL || !word_in(ps, t, keep)))
			break;
		if (tok_op(ps, t, "(")) {
			level++;
		} else if (tok_op(ps, t, ")")) {
			if (level == 0)
				break;
			level--;
		}
		advance(ps);
	}
}

/* Skips tokens to the ',' or ')' that ends a list item (level 0). */
static void skip_item(struct parser *ps)
{
	while (!at_end(ps) && !is_op(ps, ",") && !is_op(ps, ")") &&
	       !is_op(ps, ";")) {
		if (is_op(ps, "("))
			skip_parens(ps);
		else
			advance(ps);
	}
}

static char *parse_ident(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);

	if (!is_ident_tok(t))
		fail_here(ps);
	advance(ps);
	return ident_text(ps, t);
}

/* A name where a reserved word cannot be one: a column to assign, a
 * column in a list, the first part of a table name. */
static char *parse_name(struct parser *ps)
{
	if (is_hard_reserved(ps, cur(ps)))
		fail_here(ps);
	return parse_ident(ps);
}

/* A name that is not a reserved word (a label, an alias, a name in a
 * T-SQL statement that may be followed by the next statement). */
static int is_plain_name(const struct parser *ps, const struct adv_sql_token *t)
{
	return t->kind == ADV_TOK_QIDENT ||
	       (t->kind == ADV_TOK_WORD && !is_reserved(ps, t));
}

/* A dotted name: up to four parts; T-SQL db..table leaves a part NULL. */
struct qname {
	const struct adv_sql_token *first;
	char *part[4];
	int n;
};

static void parse_qname(struct parser *ps, struct qname *q)
{
	q->first = cur(ps);
	q->n = 0;
	q->part[q->n++] = parse_name(ps);
	while (q->n < 4 && is_op(ps, ".") && !is_op_at(ps, 1, "*")) {
		advance(ps);
		if (ps->dialect == ADV_DIALECT_MS && is_op(ps, ".")) {
			q->part[q->n++] = NULL;
			continue;
		}
		q->part[q->n++] = parse_ident(ps);
	}
}

static const char *qname_last(const struct qname *q)
{
	return q->part[q->n - 1];
}

static const char *qname_schema(const struct qname *q)
{
	return q->n >= 2 ? q->part[q->n - 2] : NULL;
}

static int is_temp_name(const struct parser *ps, const char *name)
{
	return ps->dialect == ADV_DIALECT_MS && name != NULL && name[0] == '#';
}

static struct adv_ast *table_from_qname(struct parser *ps,
					const struct qname *q)
{
	struct adv_ast *t = new_node(ps, ADV_AST_TABLE, q->first);

	t->name = qname_last(q);
	t->schema = qname_schema(q);
	if (is_temp_name(ps, t->name))
		t->flags |= ADV_ASTF_TEMPORARY;
	return t;
}

static struct adv_ast *parse_table_name(struct parser *ps)
{
	struct qname q;

	if (cur(ps)->kind == ADV_TOK_VARIABLE) {
		/* a T-SQL table variable */
		struct adv_ast *t = new_node(ps, ADV_AST_TABLE, cur(ps));

		t->name = tok_lower(ps, cur(ps));
		advance(ps);
		return t;
	}
	parse_qname(ps, &q);
	return table_from_qname(ps, &q);
}

/* The source text of tokens [from, to) in lower case. */
static char *text_between(struct parser *ps, size_t from, size_t to)
{
	size_t start, end;

	if (to <= from)
		return adv_ast_strdup(ps->arena, "");
	start = ps->toks[from].offset;
	end = ps->toks[to - 1].offset + ps->toks[to - 1].length;
	return adv_ast_strndup_lower(ps->arena, ps->text + start, end - start);
}

/* ---- data types ---- */

struct type_name {
	const char *name;
	enum adv_type_class cls;
	int national;
};

static const struct type_name type_names[] = {
	{"tinyint", ADV_TYPE_SMALLINT, 0},
	{"smallint", ADV_TYPE_SMALLINT, 0},
	{"int2", ADV_TYPE_SMALLINT, 0},
	{"mediumint", ADV_TYPE_MEDIUMINT, 0},
	{"middleint", ADV_TYPE_MEDIUMINT, 0},
	{"int3", ADV_TYPE_MEDIUMINT, 0},
	{"int", ADV_TYPE_INT, 0},
	{"integer", ADV_TYPE_INT, 0},
	{"int4", ADV_TYPE_INT, 0},
	{"bigint", ADV_TYPE_BIGINT, 0},
	{"int8", ADV_TYPE_BIGINT, 0},
	{"signed", ADV_TYPE_BIGINT, 0},
	{"unsigned", ADV_TYPE_BIGINT, 0},
	{"serial", ADV_TYPE_BIGINT, 0},
	{"decimal", ADV_TYPE_NUMERIC, 0},
	{"dec", ADV_TYPE_NUMERIC, 0},
	{"numeric", ADV_TYPE_NUMERIC, 0},
	{"fixed", ADV_TYPE_NUMERIC, 0},
	{"money", ADV_TYPE_NUMERIC, 0},
	{"smallmoney", ADV_TYPE_NUMERIC, 0},
	{"float", ADV_TYPE_FLOAT, 0},
	{"float4", ADV_TYPE_FLOAT, 0},
	{"float8", ADV_TYPE_FLOAT, 0},
	{"real", ADV_TYPE_FLOAT, 0},
	{"double", ADV_TYPE_FLOAT, 0},
	{"double precision", ADV_TYPE_FLOAT, 0},
	{"char", ADV_TYPE_CHAR, 0},
	{"character", ADV_TYPE_CHAR, 0},
	{"nchar", ADV_TYPE_CHAR, 1},
	{"national char", ADV_TYPE_CHAR, 1},
	{"national character", ADV_TYPE_CHAR, 1},
	{"varchar", ADV_TYPE_VARCHAR, 0},
	{"varchar2", ADV_TYPE_VARCHAR, 0},
	{"character varying", ADV_TYPE_VARCHAR, 0},
	{"char varying", ADV_TYPE_VARCHAR, 0},
	{"nvarchar", ADV_TYPE_VARCHAR, 1},
	{"national varchar", ADV_TYPE_VARCHAR, 1},
	{"national char varying", ADV_TYPE_VARCHAR, 1},
	{"national character varying", ADV_TYPE_VARCHAR, 1},
	{"nchar varying", ADV_TYPE_VARCHAR, 1},
	{"sysname", ADV_TYPE_VARCHAR, 1},
	{"text", ADV_TYPE_TEXT, 0},
	{"tinytext", ADV_TYPE_TEXT, 0},
	{"mediumtext", ADV_TYPE_TEXT, 0},
	{"longtext", ADV_TYPE_TEXT, 0},
	{"long", ADV_TYPE_TEXT, 0},
	{"long varchar", ADV_TYPE_TEXT, 0},
	{"ntext", ADV_TYPE_TEXT, 1},
	{"bool", ADV_TYPE_BOOL, 0},
	{"boolean", ADV_TYPE_BOOL, 0},
	{"bit", ADV_TYPE_BOOL, 0},
	{"date", ADV_TYPE_DATE, 0},
	{"time", ADV_TYPE_TIME, 0},
	{"datetime", ADV_TYPE_DATETIME, 0},
	{"datetime2", ADV_TYPE_DATETIME, 0},
	{"smalldatetime", ADV_TYPE_DATETIME, 0},
	{"datetimeoffset", ADV_TYPE_DATETIME, 0},
	{"timestamp", ADV_TYPE_DATETIME, 0},
	{"binary", ADV_TYPE_BINARY, 0},
	{"varbinary", ADV_TYPE_BINARY, 0},
	{"long varbinary", ADV_TYPE_BINARY, 0},
	{"blob", ADV_TYPE_BINARY, 0},
	{"tinyblob", ADV_TYPE_BINARY, 0},
	{"mediumblob", ADV_TYPE_BINARY, 0},
	{"longblob", ADV_TYPE_BINARY, 0},
	{"image", ADV_TYPE_BINARY, 0},
	{"uniqueidentifier", ADV_TYPE_UUID, 0},
	{"uuid", ADV_TYPE_UUID, 0},
	{"json", ADV_TYPE_JSON, 0},
	{"enum", ADV_TYPE_ENUM, 0},
	{"set", ADV_TYPE_ENUM, 0},
};

static void classify_type(struct adv_ast_type *ty)
{
	size_t i;

	ty->cls = ADV_TYPE_OTHER;
	for (i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++) {
		if (strcmp(ty->name, type_names[i].name) == 0) {
			ty->cls = type_names[i].cls;
			ty->national = type_names[i].national;
			return;
		}
	}
}

/* Second words of two-word type names. */
static const char *type_second_word(const char *first, struct parser *ps)
{
	if (strcmp(first, "double") == 0 && is_kw(ps, "precision"))
		return "precision";
	if ((strcmp(first, "character") == 0 || strcmp(first, "char") == 0 ||
	     strcmp(first, "nchar") == 0) &&
	    is_kw(ps, "varying"))
		return "varying";
	if (strcmp(first, "national") == 0) {
		if (is_kw(ps, "char"))
			return "char";
		if (is_kw(ps, "character"))
			return "character";
		if (is_kw(ps, "varchar"))
			return "varchar";
	}
	if (strcmp(first, "long") == 0) {
		if (is_kw(ps, "varchar"))
			return "varchar";
		if (is_kw(ps, "varbinary"))
			return "varbinary";
	}
	if ((strcmp(first, "signed") == 0 || strcmp(first, "unsigned") == 0) &&
	    (is_kw(ps, "integer") || is_kw(ps, "int")))
		return "";
	return NULL;
}

/*
 * A data type as written: name words, then (n[, m]), (max) or an ENUM
 * value list, then MySQL's UNSIGNED/ZEROFILL/BINARY. len is -1 without a
 * modifier and -2 for MAX.
 */
static void parse_type(struct parser *ps, struct adv_ast_type *ty)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_buf b;
	const char *second;
	char *first;

	memset(ty, 0, sizeof(*ty));
	ty->len = -1;
	if (!is_ident_tok(t))
		fail_here(ps);
	if (is_op_at(ps, 1, ".")) {
		/* a user-defined type: dbo.phone */
		struct qname q;

		parse_qname(ps, &q);
		ty->name = qname_last(&q);
		ty->cls = ADV_TYPE_OTHER;
	} else {
		first = ident_text(ps, t);
		advance(ps);
		adv_buf_init(&b);
		adv_buf_addstr(&b, first);
		for (;;) {
			second = type_second_word(b.data, ps);
			if (second == NULL)
				break;
			if (second[0] != '\0') {
				adv_buf_addch(&b, ' ');
				adv_buf_addstr(&b, second);
			}
			advance(ps);
		}
		ty->name = adv_ast_strdup(ps->arena, b.data);
		adv_buf_release(&b);
		classify_type(ty);
	}
	if (is_op(ps, "(")) {
		if (ty->cls == ADV_TYPE_ENUM) {
			skip_parens(ps);
		} else {
			advance(ps);
			if (cur(ps)->kind == ADV_TOK_NUMBER) {
				long v =
					strtol(tok_text(ps, cur(ps)), NULL, 10);

				ty->len = v > INT_MAX ? INT_MAX : (int)v;
				advance(ps);
			} else if (accept_kw(ps, "max")) {
				ty->len = -2;
			} else {
				fail_here(ps);
			}
			while (accept_op(ps, ",")) {
				if (cur(ps)->kind != ADV_TOK_NUMBER)
					fail_here(ps);
				advance(ps);
			}
			expect_op(ps, ")");
		}
	}
	if (ps->dialect == ADV_DIALECT_MY) {
		while (accept_kw(ps, "unsigned") || accept_kw(ps, "signed") ||
		       accept_kw(ps, "zerofill") || accept_kw(ps, "array") ||
		       (ty->cls != ADV_TYPE_BINARY && accept_kw(ps, "binary")))
			;
	}
}

/* ---- expressions ---- */

enum prec {
	P_NONE = 0,
	P_ASSIGN, /* MySQL := */
	P_OR,
	P_XOR,
	P_AND,
	P_NOT,
	P_CMP,
	P_BITOR,
	P_BITAND,
	P_SHIFT,
	P_ADD,
	P_MUL,
	P_BITXOR,
	P_UNARY
};

static struct adv_ast *parse_expr_prec(struct parser *ps, int min);
static struct adv_ast *parse_query(struct parser *ps);
static struct adv_ast *parse_sort_list(struct parser *ps);

static struct adv_ast *parse_expr(struct parser *ps)
{
	return parse_expr_prec(ps, P_ASSIGN);
}

/* A comma-separated list of expressions. */
static struct adv_ast *parse_expr_list(struct parser *ps)
{
	struct list l = {NULL, NULL};

	do {
		list_add(&l, parse_expr(ps));
	} while (accept_op(ps, ","));
	return l.head;
}

/* The precedence of the binary operator at t, P_NONE when t is none. */
static int binop_prec(const struct parser *ps, const struct adv_sql_token *t)
{
	int my = ps->dialect == ADV_DIALECT_MY;

	if (t->kind == ADV_TOK_WORD) {
		if (tok_word(ps, t, "or"))
			return P_OR;
		if (tok_word(ps, t, "and"))
			return P_AND;
		if (my && tok_word(ps, t, "xor"))
			return P_XOR;
		if (my && (tok_word(ps, t, "div") || tok_word(ps, t, "mod")))
			return P_MUL;
		if (tok_word(ps, t, "is") || tok_word(ps, t, "in") ||
		    tok_word(ps, t, "like") || tok_word(ps, t, "between") ||
		    tok_word(ps, t, "regexp") || tok_word(ps, t, "rlike"))
			return P_CMP;
		if (my && tok_word(ps, t, "sounds") &&
		    tok_word(ps, t + 1, "like"))
			return P_CMP;
		if (my && tok_word(ps, t, "member") &&
		    tok_word(ps, t + 1, "of"))
			return P_CMP;
		if (tok_word(ps, t, "not") &&
		    (tok_word(ps, t + 1, "in") || tok_word(ps, t + 1, "like") ||
		     tok_word(ps, t + 1, "between") ||
		     tok_word(ps, t + 1, "regexp") ||
		     tok_word(ps, t + 1, "rlike")))
			return P_CMP;
		return P_NONE;
	}
	if (t->kind != ADV_TOK_OP)
		return P_NONE;
	if (tok_op(ps, t, "=") || tok_op(ps, t, "<>") || tok_op(ps, t, "!=") ||
	    tok_op(ps, t, "<") || tok_op(ps, t, "<=") || tok_op(ps, t, ">") ||
	    tok_op(ps, t, ">=") || tok_op(ps, t, "<=>") ||
	    tok_op(ps, t, "!<") || tok_op(ps, t, "!>"))
		return P_CMP;
	if (tok_op(ps, t, "+") || tok_op(ps, t, "-"))
		return P_ADD;
	if (tok_op(ps, t, "*") || tok_op(ps, t, "/") || tok_op(ps, t, "%"))
		return P_MUL;
	if (tok_op(ps, t, "<<") || tok_op(ps, t, ">>"))
		return P_SHIFT;
	if (my) {
		if (tok_op(ps, t, "||"))
			return P_OR;
		if (tok_op(ps, t, "&&"))
			return P_AND;
		if (tok_op(ps, t, ":="))
			return P_ASSIGN;
		if (tok_op(ps, t, "|"))
			return P_BITOR;
		if (tok_op(ps, t, "&"))
			return P_BITAND;
		if (tok_op(ps, t, "^"))
			return P_BITXOR;
		return P_NONE;
	}
	/* T-SQL: bit operators and || rank with + and - */
	if (tok_op(ps, t, "|") || tok_op(ps, t, "&") || tok_op(ps, t, "^") ||
	    tok_op(ps, t, "||"))
		return P_ADD;
	return P_NONE;
}

/*
 * left AND/OR right, nested nodes of the same kind flattened. chain is
 * the argument list of the node the caller's loop built last, so that
 * "a AND b AND c ..." costs linear time.
 */
static struct adv_ast *bool_node(struct parser *ps, enum adv_ast_kind kind,
				 struct adv_ast *left, struct adv_ast *right,
				 struct list *chain)
{
	struct adv_ast *n = left;

	if (left->kind != kind || chain->head == NULL ||
	    chain->head != left->args) {
		n = new_at(ps, kind, left->loc);
		chain->head = NULL;
		chain->tail = NULL;
		list_add(chain, left->kind == kind ? left->args : left);
	}
	list_add(chain, right->kind == kind ? right->args : right);
	n->args = chain->head;
	return n;
}

static struct adv_ast *op_node(struct parser *ps, const char *name,
			       struct adv_ast *left, struct adv_ast *right)
{
	struct adv_ast *n = new_at(ps, ADV_AST_OP, left->loc);

	n->name = adv_ast_strdup(ps->arena, name);
	n->args = left;
	left->next = right;
	return n;
}

/* The index of the token after the group that opens at index i. */
static size_t after_parens(const struct parser *ps, size_t i)
{
	int level = 0;

	while (i < ps->ntoks) {
		if (tok_op(ps, &ps->toks[i], "("))
			level++;
		else if (tok_op(ps, &ps->toks[i], ")"))
			level--;
		i++;
		if (level <= 0)
			break;
	}
	return i;
}

/* Whether a query (SELECT, WITH, VALUES) starts at token index i, after
 * any number of '('. */
static int query_at(const struct parser *ps, size_t i, int values)
{
	while (i < ps->ntoks && tok_op(ps, &ps->toks[i], "("))
		i++;
	return tok_word(ps, &ps->toks[i], "select") ||
	       tok_word(ps, &ps->toks[i], "with") ||
	       (values && tok_word(ps, &ps->toks[i], "values"));
}

static struct adv_ast *paren_query_fn(struct parser *ps, void *arg)
{
	struct adv_ast *q;

	(void)arg;
	expect_op(ps, "(");
	q = parse_query(ps);
	expect_op(ps, ")");
	return q;
}

/*
 * '(' query ')' at the current token, or NULL (position unchanged) when
 * the parenthesis holds something else. "((SELECT 1) + 1)" is read as
 * a query first and, when that fails, as an expression.
 */
static struct adv_ast *maybe_paren_query(struct parser *ps)
{
	int ok;
	struct adv_ast *q;

	if (!is_op(ps, "(") || !query_at(ps, ps->pos + 1, 0))
		return NULL;
	if (!is_op_at(ps, 1, "("))
		return paren_query_fn(ps, NULL);
	q = try_parse(ps, paren_query_fn, NULL, &ok);
	return ok ? q : NULL;
}

static struct adv_ast *const_node(struct parser *ps,
				  const struct adv_sql_token *t,
				  enum adv_const_type type, const char *value)
{
	struct adv_ast *n = new_node(ps, ADV_AST_CONST, t);

	n->op = type;
	n->value = value;
	return n;
}

/* A number: INT, FLOAT, or BITS for 0x1F / 0b101 (value x1F / b101). */
static struct adv_ast *number_const(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	const char *s = tok_text(ps, t);
	enum adv_const_type type = ADV_CONST_INT;
	size_t i;

	advance(ps);
	if (t->length >= 2 && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X' || s[1] == 'b')) {
		char *v = adv_ast_strndup(ps->arena, s + 1, t->length - 1);

		v[0] = s[1] == 'b' ? 'b' : 'x';
		return const_node(ps, t, ADV_CONST_BITS, v);
	}
	for (i = 0; i < t->length; i++) {
		if (s[i] == '.' || s[i] == 'e' || s[i] == 'E')
			type = ADV_CONST_FLOAT;
	}
	return const_node(ps, t, type,
			  adv_ast_strndup(ps->arena, s, t->length));
}

/* A string literal; MySQL joins adjacent literals ('a' 'b' is 'ab'). */
static struct adv_ast *string_const(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n;

	advance(ps);
	if (t->flags & (ADV_TOKF_HEX | ADV_TOKF_BITS)) {
		char *body = string_text(ps, t);
		size_t cap = strlen(body) + 2;
		char *v = adv_ast_alloc(ps->arena, cap);

		snprintf(v, cap, "%c%s", (t->flags & ADV_TOKF_HEX) ? 'x' : 'b',
			 body);
		return const_node(ps, t, ADV_CONST_BITS, v);
	}
	n = const_node(ps, t, ADV_CONST_STRING, string_text(ps, t));
	if (t->flags & ADV_TOKF_NATIONAL)
		n->flags |= ADV_ASTF_NATIONAL;
	while (ps->dialect == ADV_DIALECT_MY &&
	       cur(ps)->kind == ADV_TOK_STRING &&
	       (cur(ps)->flags & (ADV_TOKF_HEX | ADV_TOKF_BITS)) == 0) {
		const char *more = string_text(ps, cur(ps));
		size_t cap = strlen(n->value) + strlen(more) + 1;
		char *v = adv_ast_alloc(ps->arena, cap);

		snprintf(v, cap, "%s%s", n->value, more);
		n->value = v;
		advance(ps);
	}
	return n;
}

static struct adv_ast *func_node(struct parser *ps, int loc, const char *name,
				 const char *schema)
{
	struct adv_ast *f = new_at(ps, ADV_AST_FUNC, loc);

	f->name = name;
	f->schema = schema;
	if (schema == NULL) {
		if (adv_ast_aggregate_function(name))
			f->flags2 |= ADV_AST2_AGGREGATE;
		if (adv_ast_builtin_function(name, ps->dialect))
			f->flags2 |= ADV_AST2_BUILTIN;
	}
	return f;
}

static struct adv_ast *parse_case(struct parser *ps)
{
	struct adv_ast *c = new_node(ps, ADV_AST_CASE, cur(ps));
	struct list l = {NULL, NULL};

	expect_kw(ps, "case");
	if (!is_kw(ps, "when"))
		c->quals = parse_expr(ps);
	if (!is_kw(ps, "when"))
		fail_here(ps);
	while (is_kw(ps, "when")) {
		struct adv_ast *w = new_node(ps, ADV_AST_CASE_WHEN, cur(ps));

		advance(ps);
		w->args = parse_expr(ps);
		expect_kw(ps, "then");
		w->args->next = parse_expr(ps);
		list_add(&l, w);
	}
	if (accept_kw(ps, "else"))
		list_add(&l, parse_expr(ps));
	expect_kw(ps, "end");
	c->args = l.head;
	return c;
}

/* CHARACTER SET x, CHARSET x, COLLATE x after a type in a CAST. */
static void skip_charset_collate(struct parser *ps)
{
	for (;;) {
		if (is_kw(ps, "character") && is_kw_at(ps, 1, "set")) {
			advance(ps);
			advance(ps);
			parse_ident(ps);
		} else if (accept_kw(ps, "charset") ||
			   accept_kw(ps, "collate")) {
			if (cur(ps)->kind == ADV_TOK_STRING)
				advance(ps);
			else
				parse_ident(ps);
		} else {
			return;
		}
	}
}

/* CAST(x AS t), TRY_CAST, CONVERT(t, x) (T-SQL), CONVERT(x, t) and
 * CONVERT(x USING cs) (MySQL), TRY_CONVERT: a CAST node. */
static struct adv_ast *parse_cast(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *c = new_node(ps, ADV_AST_CAST, t);
	int convert =
		tok_word(ps, t, "convert") || tok_word(ps, t, "try_convert");

	advance(ps);
	expect_op(ps, "(");
	if (!convert) {
		c->args = parse_expr(ps);
		expect_kw(ps, "as");
		parse_type(ps, &c->type);
		skip_charset_collate(ps);
	} else if (ps->dialect == ADV_DIALECT_MS) {
		parse_type(ps, &c->type);
		expect_op(ps, ",");
		c->args = parse_expr(ps);
		if (accept_op(ps, ","))
			parse_expr(ps); /* the style number */
	} else {
		c->args = parse_expr(ps);
		if (accept_kw(ps, "using")) {
			c->type.name = "char";
			c->type.cls = ADV_TYPE_VARCHAR;
			c->type.len = -1;
			c->value = parse_ident(ps);
		} else {
			expect_op(ps, ",");
			parse_type(ps, &c->type);
			skip_charset_collate(ps);
		}
	}
	expect_op(ps, ")");
	return c;
}

static const char *const interval_units[] = {"microsecond",
					     "second",
					     "minute",
					     "hour",
					     "day",
					     "week",
					     "month",
					     "quarter",
					     "year",
					     "second_microsecond",
					     "minute_microsecond",
					     "minute_second",
					     "hour_microsecond",
					     "hour_second",
					     "hour_minute",
					     "day_microsecond",
					     "day_second",
					     "day_minute",
					     "day_hour",
					     "year_month",
					     NULL};

/* MySQL INTERVAL expr unit: EXPR "interval" with the unit as name. */
static struct adv_ast *parse_interval(struct parser *ps)
{
	struct adv_ast *n = new_node(ps, ADV_AST_EXPR, cur(ps));

	expect_kw(ps, "interval");
	n->value = "interval";
	n->args = parse_expr(ps);
	if (!word_in(ps, cur(ps), interval_units))
		fail_here(ps);
	n->name = tok_lower(ps, cur(ps));
	advance(ps);
	return n;
}

/* OVER (PARTITION BY ... ORDER BY ... frame) or OVER name: the
 * partition goes to group, the order to order, the frame is skipped. */
static void parse_over(struct parser *ps, struct adv_ast *f)
{
	expect_kw(ps, "over");
	f->flags2 |= ADV_AST2_WINDOW;
	if (!is_op(ps, "(")) {
		parse_ident(ps);
		return;
	}
	advance(ps);
	if (is_plain_name(ps, cur(ps)) && !is_kw(ps, "partition") &&
	    !is_kw(ps, "order") && !is_kw(ps, "rows") && !is_kw(ps, "range") &&
	    !is_kw(ps, "groups"))
		advance(ps); /* a named window it extends */
	if (is_kw(ps, "partition") && is_kw_at(ps, 1, "by")) {
		advance(ps);
		advance(ps);
		f->group = parse_expr_list(ps);
	}
	if (is_kw(ps, "order") && is_kw_at(ps, 1, "by")) {
		advance(ps);
		advance(ps);
		/* after the aggregate's own ORDER BY, if any */
		append_list(&f->order, parse_sort_list(ps));
	}
	while (!is_op(ps, ")")) {
		if (at_end(ps))
			fail_here(ps);
		if (is_op(ps, "("))
			skip_parens(ps);
		else
			advance(ps);
	}
	advance(ps);
}

static const char *const datepart_functions[] = {"dateadd",
						 "datediff",
						 "datediff_big",
						 "datepart",
						 "datename",
						 "datetrunc",
						 "date_bucket",
						 "timestampdiff",
						 "timestampadd",
						 "get_format",
						 NULL};

/* A function's arguments after its '(' up to and with the ')'. */
static void parse_func_args(struct parser *ps, struct adv_ast *f)
{
	struct list l = {NULL, NULL};
	const char *name = f->name;

	if (accept_op(ps, ")"))
		return;
	if (is_op(ps, "*") && is_op_at(ps, 1, ")")) {
		f->flags2 |= ADV_AST2_AGG_STAR;
		advance(ps);
		advance(ps);
		return;
	}
	if (f->schema == NULL && strcmp(name, "extract") == 0) {
		if (!is_ident_tok(cur(ps)))
			fail_here(ps);
		list_add(&l, const_node(ps, cur(ps), ADV_CONST_STRING,
					tok_lower(ps, cur(ps))));
		advance(ps);
		expect_kw(ps, "from");
		list_add(&l, parse_expr(ps));
		f->args = l.head;
		expect_op(ps, ")");
		return;
	}
	if (f->schema == NULL && strcmp(name, "trim") == 0) {
		struct adv_ast *chars = NULL;

		if (accept_kw(ps, "both") || accept_kw(ps, "leading") ||
		    accept_kw(ps, "trailing")) {
			if (!is_kw(ps, "from"))
				chars = parse_expr(ps);
			expect_kw(ps, "from");
			list_add(&l, parse_expr(ps));
		} else {
			chars = parse_expr(ps);
			if (accept_kw(ps, "from")) {
				list_add(&l, parse_expr(ps));
			} else {
				list_add(&l, chars);
				chars = NULL;
				if (accept_op(ps, ","))
					chars = parse_expr(ps);
			}
		}
		list_add(&l, chars);
		f->args = l.head;
		expect_op(ps, ")");
		return;
	}
	if (f->schema == NULL && strcmp(name, "position") == 0) {
		list_add(&l, parse_expr_prec(ps, P_BITOR));
		expect_kw(ps, "in");
		list_add(&l, parse_expr(ps));
		f->args = l.head;
		expect_op(ps, ")");
		return;
	}
	if (f->schema == NULL && is_ident_tok(cur(ps)) &&
	    is_op_at(ps, 1, ",")) {
		size_t i;

		for (i = 0; datepart_functions[i] != NULL; i++) {
			if (strcmp(name, datepart_functions[i]) == 0) {
				list_add(&l,
					 const_node(ps, cur(ps),
						    ADV_CONST_STRING,
						    tok_lower(ps, cur(ps))));
				advance(ps);
				advance(ps);
				break;
			}
		}
	}
	if (accept_kw(ps, "distinct") || accept_kw(ps, "distinctrow"))
		f->flags |= ADV_ASTF_DISTINCT;
	else
		accept_kw(ps, "all");
	do {
		list_add(&l, parse_expr(ps));
		if (f->schema == NULL &&
		    (strcmp(name, "substring") == 0 ||
		     strcmp(name, "substr") == 0) &&
		    accept_kw(ps, "from")) {
			list_add(&l, parse_expr(ps));
			if (accept_kw(ps, "for"))
				list_add(&l, parse_expr(ps));
		}
	} while (accept_op(ps, ","));
	if (is_kw(ps, "order") && is_kw_at(ps, 1, "by")) {
		advance(ps);
		advance(ps);
		f->order = parse_sort_list(ps);
	}
	if (accept_kw(ps, "separator")) {
		if (cur(ps)->kind != ADV_TOK_STRING)
			fail_here(ps);
		list_add(&l, string_const(ps));
	}
	if (accept_kw(ps, "using")) /* MySQL CHAR(x USING cs) */
		parse_ident(ps);
	if (accept_kw(ps, "as")) { /* T-SQL PARSE(x AS t USING c) */
		struct adv_ast_type ty;

		parse_type(ps, &ty);
		if (accept_kw(ps, "using"))
			list_add(&l, parse_expr(ps));
	}
	f->args = l.head;
	expect_op(ps, ")");
}

/* name( ... ) [WITHIN GROUP (...)] [OVER ...] with the name read. */
static struct adv_ast *parse_func_rest(struct parser *ps, int loc,
				       const char *name, const char *schema)
{
	struct adv_ast *f = func_node(ps, loc, name, schema);

	expect_op(ps, "(");
	parse_func_args(ps, f);
	if (is_kw(ps, "within") && is_kw_at(ps, 1, "group")) {
		advance(ps);
		advance(ps);
		expect_op(ps, "(");
		expect_kw(ps, "order");
		expect_kw(ps, "by");
		f->order = parse_sort_list(ps);
		expect_op(ps, ")");
	}
	if ((is_kw(ps, "ignore") || is_kw(ps, "respect")) &&
	    is_kw_at(ps, 1, "nulls")) {
		advance(ps);
		advance(ps);
	}
	if (is_kw(ps, "from") &&
	    (is_kw_at(ps, 1, "first") || is_kw_at(ps, 1, "last")) &&
	    is_kw_at(ps, 2, "over")) {
		advance(ps);
		advance(ps);
	}
	if (is_kw(ps, "over"))
		parse_over(ps, f);
	return f;
}

/* MySQL MATCH (cols) AGAINST (expr [modifier]): FUNC "match". */
static struct adv_ast *parse_match(struct parser *ps)
{
	struct adv_ast *f = func_node(ps, (int)cur(ps)->offset, "match", NULL);
	struct list l = {NULL, NULL};

	expect_kw(ps, "match");
	expect_op(ps, "(");
	list_add(&l, parse_expr_list(ps));
	expect_op(ps, ")");
	expect_kw(ps, "against");
	expect_op(ps, "(");
	list_add(&l, parse_expr_prec(ps, P_BITOR));
	while (accept_kw(ps, "in") || accept_kw(ps, "natural") ||
	       accept_kw(ps, "language") || accept_kw(ps, "boolean") ||
	       accept_kw(ps, "mode") || accept_kw(ps, "with") ||
	       accept_kw(ps, "query") || accept_kw(ps, "expansion"))
		;
	expect_op(ps, ")");
	f->args = l.head;
	return f;
}

/* Functions written without parentheses. */
static const char *const niladic_functions[] = {
	"current_timestamp", "current_date",
	"current_time",	     "current_user",
	"localtime",	     "localtimestamp",
	"utc_date",	     "utc_time",
	"utc_timestamp",     NULL};
static const char *const ms_niladic_functions[] = {"session_user",
						   "system_user", "user", NULL};

/* Hard reserved words that are also function names: LEFT(s, 3). */
static const char *const reserved_functions[] = {"left", "right", "insert",
						 "values", NULL};

/* DATE '...', TIME '...', TIMESTAMP '...': a CAST of the string. */
static struct adv_ast *typed_literal(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *c = new_node(ps, ADV_AST_CAST, t);

	c->type.name = tok_lower(ps, t);
	c->type.len = -1;
	classify_type(&c->type);
	advance(ps);
	c->args = string_const(ps);
	return c;
}

/* An identifier chain: column, t.*, or a function call. */
static struct adv_ast *parse_name_primary(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	char *part[4];
	int n = 0;
	struct adv_ast *c;

	part[n++] = parse_ident(ps);
	while (is_op(ps, ".")) {
		if (is_op_at(ps, 1, "*")) {
			struct adv_ast *s = new_node(ps, ADV_AST_STAR, t);

			advance(ps);
			advance(ps);
			s->qual = part[n - 1];
			s->schema = n >= 2 ? part[n - 2] : NULL;
			return s;
		}
		if (n == 4)
			fail_here(ps);
		advance(ps);
		part[n++] = parse_ident(ps);
	}
	if (is_op(ps, "("))
		return parse_func_rest(ps, (int)t->offset, part[n - 1],
				       n >= 2 ? part[n - 2] : NULL);
	c = new_node(ps, ADV_AST_COLUMN, t);
	c->name = part[n - 1];
	c->qual = n >= 2 ? part[n - 2] : NULL;
	c->schema = n >= 3 ? part[n - 3] : NULL;
	return c;
}

/* A '(' in an expression: a subquery, a parenthesised expression or a
 * row (LIST). */
static struct adv_ast *parse_paren_primary(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *q = maybe_paren_query(ps);
	struct adv_ast *e;

	if (q != NULL) {
		struct adv_ast *s = new_node(ps, ADV_AST_SUBLINK, t);

		s->op = ADV_SUBLINK_SCALAR;
		s->sub = q;
		return s;
	}
	expect_op(ps, "(");
	e = parse_expr(ps);
	if (is_op(ps, ",")) {
		struct adv_ast *l = new_node(ps, ADV_AST_LIST, t);

		advance(ps);
		e->next = parse_expr_list(ps);
		l->args = e;
		e = l;
	}
	expect_op(ps, ")");
	return e;
}

/* ODBC escapes: {d '..'}, {t '..'}, {ts '..'}, {fn f(..)}. */
static struct adv_ast *parse_odbc(struct parser *ps)
{
	struct adv_ast *e;

	expect_op(ps, "{");
	if ((is_kw(ps, "d") || is_kw(ps, "t") || is_kw(ps, "ts")) &&
	    peek(ps, 1)->kind == ADV_TOK_STRING) {
		const struct adv_sql_token *t = cur(ps);

		e = new_node(ps, ADV_AST_CAST, t);
		e->type.name = tok_word(ps, t, "d")   ? "date"
			       : tok_word(ps, t, "t") ? "time"
						      : "timestamp";
		e->type.len = -1;
		classify_type(&e->type);
		advance(ps);
		e->args = string_const(ps);
	} else {
		expect_kw(ps, "fn");
		e = parse_expr(ps);
	}
	expect_op(ps, "}");
	return e;
}

static struct adv_ast *parse_word_primary(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	const struct adv_sql_token *next = peek(ps, 1);
	int my = ps->dialect == ADV_DIALECT_MY;
	int paren = tok_op(ps, next, "(");

	if (t->kind == ADV_TOK_QIDENT)
		return parse_name_primary(ps);
	if (tok_word(ps, t, "null")) {
		advance(ps);
		return const_node(ps, t, ADV_CONST_NULL, "null");
	}
	if (tok_word(ps, t, "true") || tok_word(ps, t, "false")) {
		advance(ps);
		return const_node(ps, t, ADV_CONST_BOOL, tok_lower(ps, t));
	}
	if (tok_word(ps, t, "case"))
		return parse_case(ps);
	if (paren &&
	    (tok_word(ps, t, "cast") || tok_word(ps, t, "try_cast") ||
	     tok_word(ps, t, "convert") || tok_word(ps, t, "try_convert")))
		return parse_cast(ps);
	if (tok_word(ps, t, "exists")) {
		struct adv_ast *s = new_node(ps, ADV_AST_SUBLINK, t);

		advance(ps);
		s->op = ADV_SUBLINK_EXISTS;
		if (!is_op(ps, "(") || !query_at(ps, ps->pos + 1, 0))
			fail_here(ps);
		s->sub = paren_query_fn(ps, NULL);
		return s;
	}
	if (my && tok_word(ps, t, "interval") &&
	    (!paren || word_in(ps, &ps->toks[after_parens(ps, ps->pos + 1)],
			       interval_units)))
		return parse_interval(ps);
	if ((tok_word(ps, t, "date") || tok_word(ps, t, "time") ||
	     tok_word(ps, t, "timestamp")) &&
	    next->kind == ADV_TOK_STRING)
		return typed_literal(ps);
	if (tok_word(ps, t, "row") && paren) {
		struct adv_ast *l = new_node(ps, ADV_AST_LIST, t);

		advance(ps);
		advance(ps);
		if (!is_op(ps, ")"))
			l->args = parse_expr_list(ps);
		expect_op(ps, ")");
		return l;
	}
	if (tok_word(ps, t, "default") && !paren) {
		advance(ps);
		return new_node(ps, ADV_AST_DEFAULT, t);
	}
	if (my && tok_word(ps, t, "binary") && !paren) {
		struct adv_ast *c = new_node(ps, ADV_AST_CAST, t);

		advance(ps);
		c->type.name = "binary";
		c->type.cls = ADV_TYPE_BINARY;
		c->type.len = -1;
		c->args = parse_expr_prec(ps, P_UNARY);
		return c;
	}
	if (my && tok_word(ps, t, "match") && paren)
		return parse_match(ps);
	if (!paren && (word_in(ps, t, niladic_functions) ||
		       (!my && word_in(ps, t, ms_niladic_functions)))) {
		advance(ps);
		return func_node(ps, (int)t->offset, tok_lower(ps, t), NULL);
	}
	if (!my && tok_word(ps, t, "next") && tok_word(ps, next, "value") &&
	    tok_word(ps, peek(ps, 2), "for")) {
		struct adv_ast *f;
		struct qname q;

		advance(ps);
		advance(ps);
		advance(ps);
		f = func_node(ps, (int)t->offset, "next value for", NULL);
		parse_qname(ps, &q);
		f->value = qname_last(&q);
		return f;
	}
	if (my && t->length > 1 && tok_text(ps, t)[0] == '_' &&
	    next->kind == ADV_TOK_STRING) {
		advance(ps); /* a character set introducer: _utf8mb4'x' */
		return string_const(ps);
	}
	if (is_hard_reserved(ps, t) &&
	    !(paren && word_in(ps, t, reserved_functions)))
		fail_here(ps);
	return parse_name_primary(ps);
}

static struct adv_ast *parse_primary(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);

	switch (t->kind) {
	case ADV_TOK_NUMBER:
		return number_const(ps);
	case ADV_TOK_STRING:
		return string_const(ps);
	case ADV_TOK_PARAM: {
		struct adv_ast *p = new_node(ps, ADV_AST_PARAM, t);

		p->value =
			adv_ast_strndup(ps->arena, tok_text(ps, t), t->length);
		advance(ps);
		return p;
	}
	case ADV_TOK_VARIABLE: {
		struct adv_ast *v = new_node(ps, ADV_AST_VARIABLE, t);
		size_t end = t->offset + t->length;

		advance(ps);
		/* @@session.sql_mode */
		while (is_op(ps, ".") && cur(ps)->offset == end &&
		       peek(ps, 1)->kind == ADV_TOK_WORD &&
		       peek(ps, 1)->offset == end + 1) {
			end = peek(ps, 1)->offset + peek(ps, 1)->length;
			advance(ps);
			advance(ps);
		}
		v->value = adv_ast_strndup_lower(ps->arena, tok_text(ps, t),
						 end - t->offset);
		return v;
	}
	case ADV_TOK_WORD:
	case ADV_TOK_QIDENT:
		return parse_word_primary(ps);
	case ADV_TOK_OP:
		if (tok_op(ps, t, "("))
			return parse_paren_primary(ps);
		if (tok_op(ps, t, "{"))
			return parse_odbc(ps);
		if (tok_op(ps, t, ":") && peek(ps, 1)->kind == ADV_TOK_WORD &&
		    peek(ps, 1)->offset == t->offset + 1) {
			struct adv_ast *p = new_node(ps, ADV_AST_PARAM, t);

			p->value = adv_ast_strndup(ps->arena, tok_text(ps, t),
						   1 + peek(ps, 1)->length);
			advance(ps);
			advance(ps);
			return p;
		}
		break;
	default:
		break;
	}
	fail_here(ps);
}

/* Postfix forms: COLLATE x, AT TIME ZONE z, MySQL -> and ->>. */
static struct adv_ast *parse_postfix(struct parser *ps, struct adv_ast *e)
{
	for (;;) {
		if (accept_kw(ps, "collate")) {
			struct adv_ast *c = new_at(ps, ADV_AST_EXPR, e->loc);

			c->value = "collate";
			if (cur(ps)->kind == ADV_TOK_STRING) {
				c->name = string_text(ps, cur(ps));
				advance(ps);
			} else {
				c->name = parse_ident(ps);
			}
			c->args = e;
			e = c;
		} else if (is_kw(ps, "at") && is_kw_at(ps, 1, "time") &&
			   is_kw_at(ps, 2, "zone")) {
			struct adv_ast *z = new_at(ps, ADV_AST_EXPR, e->loc);

			advance(ps);
			advance(ps);
			advance(ps);
			z->value = "at time zone";
			z->args = e;
			e->next = parse_expr_prec(ps, P_UNARY);
			e = z;
		} else if (ps->dialect == ADV_DIALECT_MS && is_op(ps, ".") &&
			   peek(ps, 1)->kind == ADV_TOK_WORD &&
			   is_op_at(ps, 2, "(")) {
			/* a method of an xml value: (...).value('.', 't') */
			struct adv_ast *f;

			advance(ps);
			f = func_node(ps, e->loc, tok_lower(ps, cur(ps)), NULL);
			f->flags2 &= ~(ADV_AST2_AGGREGATE | ADV_AST2_BUILTIN);
			advance(ps);
			expect_op(ps, "(");
			if (!is_op(ps, ")"))
				e->next = parse_expr_list(ps);
			expect_op(ps, ")");
			f->args = e;
			e = f;
		} else if (ps->dialect == ADV_DIALECT_MY &&
			   (is_op(ps, "->") || is_op(ps, "->>"))) {
			char *name = tok_lower(ps, cur(ps));

			advance(ps);
			if (cur(ps)->kind != ADV_TOK_STRING)
				fail_here(ps);
			e = op_node(ps, name, e, string_const(ps));
		} else {
			return e;
		}
	}
}

/* NOT, unary operators, then a primary with its postfix forms. */
static struct adv_ast *parse_prefix(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	int my = ps->dialect == ADV_DIALECT_MY;

	if (tok_word(ps, t, "not")) {
		struct adv_ast *n = new_node(ps, ADV_AST_NOT, t);

		advance(ps);
		n->args = parse_expr_prec(ps, P_NOT);
		return n;
	}
	if (my && tok_op(ps, t, "!")) {
		struct adv_ast *n = new_node(ps, ADV_AST_NOT, t);

		advance(ps);
		n->args = parse_expr_prec(ps, P_UNARY);
		return n;
	}
	if (tok_op(ps, t, "-") && peek(ps, 1)->kind == ADV_TOK_NUMBER) {
		/* a negative number is one constant, as PostgreSQL has it */
		struct adv_ast *c;
		char *v;

		advance(ps);
		c = number_const(ps);
		if (c->op != ADV_CONST_BITS) {
			size_t cap = strlen(c->value) + 2;

			v = adv_ast_alloc(ps->arena, cap);
			snprintf(v, cap, "-%s", c->value);
			c->value = v;
			c->loc = (int)t->offset;
			return parse_postfix(ps, c);
		}
		return op_node(ps, "-", c, NULL);
	}
	if (tok_op(ps, t, "-") || tok_op(ps, t, "~") || tok_op(ps, t, "+")) {
		struct adv_ast *n = new_node(ps, ADV_AST_OP, t);

		advance(ps);
		n->name = tok_lower(ps, t);
		n->args = parse_expr_prec(ps, P_UNARY);
		if (tok_op(ps, t, "+"))
			return n->args;
		return n;
	}
	return parse_postfix(ps, parse_primary(ps));
}

/* x [NOT] IN (list | query) with x read. */
static struct adv_ast *parse_in(struct parser *ps, struct adv_ast *left,
				int negated)
{
	struct adv_ast *n = new_at(ps, ADV_AST_IN, left->loc);
	struct adv_ast *q;

	if (negated)
		n->flags |= ADV_ASTF_NEGATED;
	n->args = left;
	q = maybe_paren_query(ps);
	if (q != NULL) {
		n->sub = q;
		return n;
	}
	expect_op(ps, "(");
	left->next = parse_expr_list(ps);
	expect_op(ps, ")");
	return n;
}

/* A comparison-level operator after left: =, IS, IN, LIKE, ... */
static struct adv_ast *parse_comparison(struct parser *ps, struct adv_ast *left)
{
	const struct adv_sql_token *t = cur(ps);
	int negated = 0;
	struct adv_ast *n;

	if (accept_kw(ps, "is")) {
		if (accept_kw(ps, "not"))
			negated = 1;
		if (accept_kw(ps, "null")) {
			n = new_at(ps, ADV_AST_NULLTEST, left->loc);
		} else if (is_kw(ps, "true") || is_kw(ps, "false") ||
			   is_kw(ps, "unknown")) {
			n = new_at(ps, ADV_AST_BOOLTEST, left->loc);
			n->value = tok_lower(ps, cur(ps));
			advance(ps);
		} else if (accept_kw(ps, "distinct")) {
			expect_kw(ps, "from");
			n = new_at(ps, ADV_AST_DISTINCT_FROM, left->loc);
			n->args = left;
			left->next = parse_expr_prec(ps, P_CMP + 1);
			if (negated)
				n->flags |= ADV_ASTF_NEGATED;
			return n;
		} else {
			fail_here(ps);
		}
		if (negated)
			n->flags |= ADV_ASTF_NEGATED;
		n->args = left;
		return n;
	}
	if (accept_kw(ps, "not"))
		negated = 1;
	if (accept_kw(ps, "in"))
		return parse_in(ps, left, negated);
	if (accept_kw(ps, "between")) {
		n = new_at(ps, ADV_AST_BETWEEN, left->loc);
		if (negated)
			n->flags |= ADV_ASTF_NEGATED;
		n->args = left;
		left->next = parse_expr_prec(ps, P_BITOR);
		expect_kw(ps, "and");
		left->next->next = parse_expr_prec(ps, P_BITOR);
		return n;
	}
	if (is_kw(ps, "like") || is_kw(ps, "regexp") || is_kw(ps, "rlike")) {
		n = new_at(ps, ADV_AST_LIKE, left->loc);
		n->op = is_kw(ps, "like") ? ADV_LIKE_LIKE : ADV_LIKE_REGEX;
		advance(ps);
		if (negated)
			n->flags |= ADV_ASTF_NEGATED;
		n->args = left;
		left->next = parse_expr_prec(ps, P_BITOR);
		if (n->op == ADV_LIKE_LIKE && accept_kw(ps, "escape"))
			left->next->next = parse_expr_prec(ps, P_UNARY);
		return n;
	}
	if (negated)
		fail_here(ps);
	if (is_kw(ps, "sounds")) {
		advance(ps);
		advance(ps);
		return op_node(ps, "sounds like", left,
			       parse_expr_prec(ps, P_BITOR));
	}
	if (is_kw(ps, "member")) {
		advance(ps);
		advance(ps);
		expect_op(ps, "(");
		n = op_node(ps, "member of", left, parse_expr(ps));
		expect_op(ps, ")");
		return n;
	}
	/* a comparison operator */
	advance(ps);
	if ((is_kw(ps, "any") || is_kw(ps, "some") || is_kw(ps, "all")) &&
	    is_op_at(ps, 1, "(")) {
		struct adv_ast *q;

		n = new_at(ps, ADV_AST_SUBLINK, left->loc);
		n->op = is_kw(ps, "all") ? ADV_SUBLINK_ALL : ADV_SUBLINK_ANY;
		n->name = tok_lower(ps, t);
		advance(ps);
		q = maybe_paren_query(ps);
		if (q == NULL)
			fail_here(ps);
		n->sub = q;
		n->args = left;
		return n;
	}
	if (tok_op(ps, t, "<=>")) {
		n = new_at(ps, ADV_AST_DISTINCT_FROM, left->loc);
		n->flags |= ADV_ASTF_NEGATED;
		n->args = left;
		left->next = parse_expr_prec(ps, P_CMP + 1);
		return n;
	}
	return op_node(ps, tok_lower(ps, t), left,
		       parse_expr_prec(ps, P_CMP + 1));
}

/*
 * Precedence climbing: the operators at or above min, left-associative
 * (MySQL's "a = b = 'x'" is (a = b) = 'x'), := right-associative.
 */
static struct adv_ast *parse_expr_prec(struct parser *ps, int min)
{
	struct list chain = {NULL, NULL};
	struct adv_ast *left;

	enter(ps);
	left = parse_prefix(ps);
	for (;;) {
		const struct adv_sql_token *t = cur(ps);
		int prec = binop_prec(ps, t);

		if (prec == P_NONE || prec < min)
			break;
		if (prec == P_CMP) {
			left = parse_comparison(ps, left);
			continue;
		}
		advance(ps);
		if (prec == P_ASSIGN) {
			struct adv_ast *a = new_at(ps, ADV_AST_EXPR, left->loc);

			a->value = "assign";
			a->args = left;
			left->next = parse_expr_prec(ps, P_ASSIGN);
			left = a;
		} else if (prec == P_OR) {
			left = bool_node(ps, ADV_AST_OR, left,
					 parse_expr_prec(ps, P_OR + 1), &chain);
		} else if (prec == P_AND) {
			left = bool_node(ps, ADV_AST_AND, left,
					 parse_expr_prec(ps, P_AND + 1),
					 &chain);
		} else {
			left = op_node(ps, tok_lower(ps, t), left,
				       parse_expr_prec(ps, prec + 1));
		}
	}
	leave(ps);
	return left;
}

static struct adv_ast *parse_sort_item(struct parser *ps)
{
	struct adv_ast *e = parse_expr(ps);
	struct adv_ast *s = new_at(ps, ADV_AST_SORT, e->loc);

	s->args = e;
	if (accept_kw(ps, "asc"))
		s->op = ADV_SORT_ASC;
	else if (accept_kw(ps, "desc"))
		s->op = ADV_SORT_DESC;
	if (is_kw(ps, "nulls") &&
	    (is_kw_at(ps, 1, "first") || is_kw_at(ps, 1, "last"))) {
		advance(ps);
		s->flags2 |= is_kw(ps, "first") ? ADV_AST2_NULLS_FIRST
						: ADV_AST2_NULLS_LAST;
		advance(ps);
	}
	return s;
}

static struct adv_ast *parse_sort_list(struct parser *ps)
{
	struct list l = {NULL, NULL};

	do {
		list_add(&l, parse_sort_item(ps));
	} while (accept_op(ps, ","));
	return l.head;
}

/* ---- queries ---- */

static struct adv_ast *parse_table_ref(struct parser *ps);

/* A parenthesised list of column names: (a, b, c). */
static struct adv_ast *parse_column_list(struct parser *ps)
{
	struct list l = {NULL, NULL};

	expect_op(ps, "(");
	do {
		struct adv_ast *c = new_node(ps, ADV_AST_COLUMN, cur(ps));

		c->name = parse_name(ps);
		/* a qualified name in an INSERT list: keep the column */
		while (accept_op(ps, ".")) {
			c->qual = c->name;
			c->name = parse_ident(ps);
		}
		list_add(&l, c);
	} while (accept_op(ps, ","));
	expect_op(ps, ")");
	return l.head;
}

/* WITH [RECURSIVE] name [(cols)] AS (query), ... */
static struct adv_ast *parse_ctes(struct parser *ps)
{
	struct list l = {NULL, NULL};
	int recursive;

	expect_kw(ps, "with");
	recursive = accept_kw(ps, "recursive");
	do {
		struct adv_ast *cte = new_node(ps, ADV_AST_CTE, cur(ps));

		cte->name = parse_ident(ps);
		if (is_op(ps, "("))
			cte->cols = parse_column_list(ps);
		expect_kw(ps, "as");
		if (!is_op(ps, "(") || !query_at(ps, ps->pos + 1, 1))
			fail_here(ps);
		cte->sub = paren_query_fn(ps, NULL);
		if (recursive)
			cte->flags |= ADV_ASTF_RECURSIVE;
		list_add(&l, cte);
	} while (accept_op(ps, ","));
	return l.head;
}

/* [AS] alias after a select-list item or a FROM item. */
static void parse_alias(struct parser *ps, struct adv_ast *n, int strings)
{
	const struct adv_sql_token *t = cur(ps);

	if (accept_kw(ps, "as")) {
		t = cur(ps);
		if (strings && t->kind == ADV_TOK_STRING) {
			n->alias = string_text(ps, t);
			advance(ps);
		} else {
			n->alias = parse_ident(ps);
		}
		return;
	}
	if (is_plain_name(ps, t) ||
	    (strings && t->kind == ADV_TOK_STRING &&
	     (t->flags & (ADV_TOKF_HEX | ADV_TOKF_BITS)) == 0)) {
		n->alias = t->kind == ADV_TOK_STRING ? string_text(ps, t)
						     : ident_text(ps, t);
		n->flags2 |= ADV_AST2_IMPLICIT_ALIAS;
		advance(ps);
	}
}

/* T-SQL compound assignment operators: SET @x += 1. */
static int is_assign_op(const struct parser *ps, const struct adv_sql_token *t)
{
	static const char *const ops[] = {
		"=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", NULL};
	size_t i;

	for (i = 0; ops[i] != NULL; i++) {
		if (tok_op(ps, t, ops[i]))
			return 1;
	}
	return 0;
}

static struct adv_ast *parse_target(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	const struct adv_sql_token *next = peek(ps, 1);
	struct adv_ast *tg = new_node(ps, ADV_AST_TARGET, t);
	int ms = ps->dialect == ADV_DIALECT_MS;

	if (tok_op(ps, t, "*")) {
		tg->args = new_node(ps, ADV_AST_STAR, t);
		advance(ps);
		return tg;
	}
	if (ms && (is_plain_name(ps, t) || t->kind == ADV_TOK_STRING) &&
	    tok_op(ps, next, "=")) {
		/* T-SQL SELECT alias = expr */
		tg->alias = t->kind == ADV_TOK_STRING ? string_text(ps, t)
						      : ident_text(ps, t);
		advance(ps);
		advance(ps);
		tg->args = parse_expr(ps);
		return tg;
	}
	if (ms && t->kind == ADV_TOK_VARIABLE && is_assign_op(ps, next)) {
		/* T-SQL SELECT @v = expr assigns a variable */
		struct adv_ast *a = new_node(ps, ADV_AST_EXPR, t);

		a->value = "assign";
		if (!tok_op(ps, next, "="))
			a->name = tok_lower(ps, next);
		a->args = parse_primary(ps);
		advance(ps);
		a->args->next = parse_expr(ps);
		tg->args = a;
		return tg;
	}
	tg->args = parse_expr(ps);
	parse_alias(ps, tg, 1);
	return tg;
}

static struct adv_ast *parse_targets(struct parser *ps)
{
	struct list l = {NULL, NULL};

	do {
		list_add(&l, parse_target(ps));
	} while (accept_op(ps, ","));
	return l.head;
}

/* TOP n | TOP (expr) [PERCENT] [WITH TIES], at TOP. */
static struct adv_ast *parse_top(struct parser *ps)
{
	struct adv_ast *e;

	expect_kw(ps, "top");
	if (accept_op(ps, "(")) {
		e = parse_expr(ps);
		expect_op(ps, ")");
	} else {
		e = parse_expr_prec(ps, P_UNARY);
	}
	accept_kw(ps, "percent");
	if (is_kw(ps, "with") && is_kw_at(ps, 1, "ties")) {
		advance(ps);
		advance(ps);
	}
	return e;
}

static const char *const outfile_words[] = {
	"fields",   "columns", "terminated", "by",	 "optionally",
	"enclosed", "escaped", "lines",	     "starting", NULL};

/*
 * After INTO in a query: T-SQL's new table (TABLE), MySQL's variables
 * (VARIABLE list) or OUTFILE/DUMPFILE name (a string CONST).
 */
static struct adv_ast *parse_into(struct parser *ps)
{
	struct list l = {NULL, NULL};

	if (ps->dialect == ADV_DIALECT_MS)
		return parse_table_name(ps);
	if (accept_kw(ps, "outfile") || accept_kw(ps, "dumpfile")) {
		struct adv_ast *f;

		if (cur(ps)->kind != ADV_TOK_STRING)
			fail_here(ps);
		f = string_const(ps);
		for (;;) {
			if (accept_kw(ps, "character")) {
				expect_kw(ps, "set");
				parse_ident(ps);
			} else if (accept_kw(ps, "charset")) {
				parse_ident(ps);
			} else if (word_in(ps, cur(ps), outfile_words) ||
				   cur(ps)->kind == ADV_TOK_STRING) {
				advance(ps);
			} else {
				break;
			}
		}
		return f;
	}
	do {
		const struct adv_sql_token *t = cur(ps);
		struct adv_ast *v;

		if (t->kind == ADV_TOK_VARIABLE) {
			v = parse_primary(ps);
		} else {
			v = new_node(ps, ADV_AST_VARIABLE, t);
			v->value = parse_ident(ps);
		}
		list_add(&l, v);
	} while (accept_op(ps, ","));
	return l.head;
}

/* Words that are T-SQL table hints in WITH (...) or t (nolock). */
static const char *const ms_table_hints[] = {"nolock",
					     "readuncommitted",
					     "readcommitted",
					     "readcommittedlock",
					     "repeatableread",
					     "serializable",
					     "holdlock",
					     "updlock",
					     "xlock",
					     "tablock",
					     "tablockx",
					     "paglock",
					     "rowlock",
					     "nowait",
					     "readpast",
					     "snapshot",
					     "index",
					     "forceseek",
					     "forcescan",
					     "noexpand",
					     "keepidentity",
					     "keepdefaults",
					     "ignore_constraints",
					     "ignore_triggers",
					     "spatial_window_max_cells",
					     NULL};

/* T-SQL table hints: (NOLOCK, INDEX(ix), INDEX = ix, ...) at '('. */
static struct adv_ast *parse_ms_hints(struct parser *ps)
{
	struct list l = {NULL, NULL};

	expect_op(ps, "(");
	do {
		const struct adv_sql_token *t = cur(ps);
		struct adv_ast *h = new_node(ps, ADV_AST_HINT, t);
		struct list args = {NULL, NULL};

		if (t->kind != ADV_TOK_WORD)
			fail_here(ps);
		h->name = tok_lower(ps, t);
		advance(ps);
		if (accept_op(ps, "(")) {
			while (!accept_op(ps, ")")) {
				const struct adv_sql_token *a = cur(ps);

				if (at_end(ps))
					fail_here(ps);
				if (is_op(ps, "(")) {
					skip_parens(ps);
					continue;
				}
				if (is_ident_tok(a) ||
				    a->kind == ADV_TOK_NUMBER)
					list_add(&args,
						 const_node(ps, a,
							    ADV_CONST_STRING,
							    ident_text(ps, a)));
				advance(ps);
			}
		} else if (accept_op(ps, "=")) {
			const struct adv_sql_token *a = cur(ps);

			if (!is_ident_tok(a) && a->kind != ADV_TOK_NUMBER)
				fail_here(ps);
			list_add(&args, const_node(ps, a, ADV_CONST_STRING,
						   ident_text(ps, a)));
			advance(ps);
		}
		h->args = args.head;
		list_add(&l, h);
		accept_op(ps, ",");
	} while (!is_op(ps, ")"));
	expect_op(ps, ")");
	return l.head;
}

/* MySQL USE/FORCE/IGNORE {INDEX|KEY} [FOR ...] (names), repeated. */
static struct adv_ast *parse_my_index_hints(struct parser *ps)
{
	struct list l = {NULL, NULL};

	while ((is_kw(ps, "use") || is_kw(ps, "force") ||
		is_kw(ps, "ignore")) &&
	       (is_kw_at(ps, 1, "index") || is_kw_at(ps, 1, "key"))) {
		const struct adv_sql_token *t = cur(ps);
		struct adv_ast *h = new_node(ps, ADV_AST_HINT, t);
		struct list args = {NULL, NULL};
		size_t cap = t->length + sizeof(" index");
		char *name = adv_ast_alloc(ps->arena, cap);

		snprintf(name, cap, "%s index", tok_lower(ps, t));
		h->name = name;
		advance(ps);
		advance(ps);
		if (accept_kw(ps, "for")) {
			if (accept_kw(ps, "join")) {
				h->value = "join";
			} else if (accept_kw(ps, "order")) {
				expect_kw(ps, "by");
				h->value = "order by";
			} else {
				expect_kw(ps, "group");
				expect_kw(ps, "by");
				h->value = "group by";
			}
		}
		expect_op(ps, "(");
		while (!is_op(ps, ")")) {
			const struct adv_sql_token *a = cur(ps);

			if (!is_ident_tok(a))
				fail_here(ps);
			list_add(&args, const_node(ps, a, ADV_CONST_STRING,
						   ident_text(ps, a)));
			advance(ps);
			if (!accept_op(ps, ","))
				break;
		}
		expect_op(ps, ")");
		h->args = args.head;
		list_add(&l, h);
	}
	return l.head;
}

/* A T-SQL legacy hint list right after a table name: t (nolock). */
static int ms_legacy_hint_at(const struct parser *ps)
{
	return ps->dialect == ADV_DIALECT_MS && is_op(ps, "(") &&
	       word_in(ps, peek(ps, 1), ms_table_hints) &&
	       (is_op_at(ps, 2, ")") || is_op_at(ps, 2, ",") ||
		is_op_at(ps, 2, "(") || is_op_at(ps, 2, "="));
}

static struct adv_ast *func_table_args_fn(struct parser *ps, void *arg)
{
	struct adv_ast *args = NULL;

	(void)arg;
	expect_op(ps, "(");
	if (!is_op(ps, ")"))
		args = parse_expr_list(ps);
	expect_op(ps, ")");
	return args;
}

/* The alias and hints after a FROM item. */
static void parse_table_suffix(struct parser *ps, struct adv_ast *n)
{
	struct list hints = {NULL, NULL};
	int ms = ps->dialect == ADV_DIALECT_MS;

	if (ps->dialect == ADV_DIALECT_MY && is_kw(ps, "partition") &&
	    is_op_at(ps, 1, "(")) {
		advance(ps);
		skip_parens(ps);
	}
	if (ms && ms_legacy_hint_at(ps))
		list_add(&hints, parse_ms_hints(ps));
	parse_alias(ps, n, 0);
	if ((n->kind == ADV_AST_SUBQUERY ||
	     n->kind == ADV_AST_FUNCTION_TABLE) &&
	    n->alias != NULL && is_op(ps, "("))
		n->cols = parse_column_list(ps);
	if (ms && accept_kw(ps, "tablesample")) {
		accept_kw(ps, "system");
		skip_parens(ps);
		if (accept_kw(ps, "repeatable"))
			skip_parens(ps);
	}
	if (ms && is_kw(ps, "with") && is_op_at(ps, 1, "(")) {
		advance(ps);
		list_add(&hints, parse_ms_hints(ps));
	}
	if (ms && ms_legacy_hint_at(ps))
		list_add(&hints, parse_ms_hints(ps));
	if (ms && n->alias == NULL && hints.head != NULL)
		parse_alias(ps, n, 0); /* also seen: t WITH (NOLOCK) a */
	if (ps->dialect == ADV_DIALECT_MY)
		list_add(&hints, parse_my_index_hints(ps));
	if (hints.head != NULL)
		n->hints = hints.head;
}

static struct adv_ast *parse_table_primary(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n;

	enter(ps);
	if (is_op(ps, "(")) {
		struct adv_ast *q = NULL;
		int ok = 0;

		if (query_at(ps, ps->pos + 1, 1))
			q = try_parse(ps, paren_query_fn, NULL, &ok);
		if (ok) {
			n = new_node(ps, ADV_AST_SUBQUERY, t);
			n->sub = q;
		} else {
			advance(ps);
			n = parse_table_ref(ps);
			while (is_op(ps, ",")) {
				struct adv_ast *j =
					new_at(ps, ADV_AST_JOIN, n->loc);

				advance(ps);
				j->op = ADV_JOIN_CROSS;
				j->larg = n;
				j->rarg = parse_table_ref(ps);
				n = j;
			}
			expect_op(ps, ")");
			leave(ps);
			return n;
		}
	} else if (is_kw(ps, "lateral") && is_op_at(ps, 1, "(")) {
		advance(ps);
		n = new_node(ps, ADV_AST_SUBQUERY, t);
		n->flags |= ADV_ASTF_LATERAL;
		n->sub = paren_query_fn(ps, NULL);
	} else if (t->kind == ADV_TOK_VARIABLE) {
		n = parse_table_name(ps);
	} else {
		struct qname q;

		if (is_hard_reserved(ps, t))
			fail_here(ps);
		parse_qname(ps, &q);
		if (is_op(ps, "(") && !ms_legacy_hint_at(ps)) {
			int ok;

			n = new_node(ps, ADV_AST_FUNCTION_TABLE, t);
			n->name = qname_last(&q);
			n->schema = qname_schema(&q);
			n->args = try_parse(ps, func_table_args_fn, NULL, &ok);
			if (!ok)
				skip_parens(
					ps); /* JSON_TABLE(... COLUMNS ...) */
		} else {
			n = table_from_qname(ps, &q);
		}
	}
	parse_table_suffix(ps, n);
	if (ps->dialect == ADV_DIALECT_MS &&
	    (is_kw(ps, "pivot") || is_kw(ps, "unpivot")) &&
	    is_op_at(ps, 1, "(")) {
		advance(ps);
		skip_parens(ps);
		accept_kw(ps, "as");
		parse_ident(ps);
	}
	leave(ps);
	return n;
}

static struct adv_ast *parse_table_ref(struct parser *ps)
{
	struct adv_ast *left = parse_table_primary(ps);
	int ms = ps->dialect == ADV_DIALECT_MS;

	for (;;) {
		struct adv_ast *j;
		int op = ADV_JOIN_INNER;
		unsigned flags = 0;
		int apply = 0, straight = 0;
		struct adv_ast *hint = NULL;

		if (accept_kw(ps, "natural"))
			flags |= ADV_ASTF_NATURAL;
		if (accept_kw(ps, "inner")) {
			op = ADV_JOIN_INNER;
		} else if (ms && is_kw(ps, "cross") &&
			   is_kw_at(ps, 1, "apply")) {
			advance(ps);
			advance(ps);
			flags |= ADV_ASTF_CROSS | ADV_ASTF_LATERAL;
			apply = 1;
		} else if (ms && is_kw(ps, "outer") &&
			   is_kw_at(ps, 1, "apply")) {
			advance(ps);
			advance(ps);
			op = ADV_JOIN_LEFT;
			flags |= ADV_ASTF_LATERAL;
			apply = 1;
		} else if (accept_kw(ps, "cross")) {
			op = ADV_JOIN_CROSS;
			flags |= ADV_ASTF_CROSS;
		} else if (accept_kw(ps, "left")) {
			op = ADV_JOIN_LEFT;
			accept_kw(ps, "outer");
		} else if (accept_kw(ps, "right")) {
			op = ADV_JOIN_RIGHT;
			accept_kw(ps, "outer");
		} else if (accept_kw(ps, "full")) {
			op = ADV_JOIN_FULL;
			accept_kw(ps, "outer");
		} else if (ps->dialect == ADV_DIALECT_MY &&
			   accept_kw(ps, "straight_join")) {
			flags |= ADV_ASTF_STRAIGHT_JOIN;
			straight = 1;
		} else if (!is_kw(ps, "join")) {
			if (flags & ADV_ASTF_NATURAL)
				fail_here(ps);
			break;
		}
		if (ms && !apply &&
		    (is_kw(ps, "loop") || is_kw(ps, "hash") ||
		     is_kw(ps, "merge") || is_kw(ps, "remote"))) {
			hint = new_node(ps, ADV_AST_HINT, cur(ps));
			hint->name = tok_lower(ps, cur(ps));
			advance(ps);
		}
		if (!apply && !straight)
			expect_kw(ps, "join");
		/* a join starts where its left side does, as in the
		 * PostgreSQL trees */
		j = new_at(ps, ADV_AST_JOIN, left->loc);
		j->op = op;
		j->flags = flags;
		j->hints = hint;
		j->larg = left;
		j->rarg = parse_table_primary(ps);
		if (!apply && accept_kw(ps, "on")) {
			j->quals = parse_expr(ps);
		} else if (!apply && accept_kw(ps, "using")) {
			j->cols = parse_column_list(ps);
		}
		left = j;
	}
	return left;
}

static struct adv_ast *parse_from_list(struct parser *ps)
{
	struct list l = {NULL, NULL};

	do {
		list_add(&l, parse_table_ref(ps));
	} while (accept_op(ps, ","));
	return l.head;
}

/* T-SQL OPTION (RECOMPILE, HASH JOIN, MAXDOP 1, ...): HINT nodes. */
static struct adv_ast *parse_query_options(struct parser *ps)
{
	struct list l = {NULL, NULL};

	expect_kw(ps, "option");
	expect_op(ps, "(");
	do {
		const struct adv_sql_token *t = cur(ps);
		struct adv_ast *h = new_node(ps, ADV_AST_HINT, t);
		struct list args = {NULL, NULL};
		size_t first = ps->pos;

		while (cur(ps)->kind == ADV_TOK_WORD)
			advance(ps);
		if (ps->pos == first)
			fail_here(ps);
		h->name = text_between(ps, first, ps->pos);
		while (!is_op(ps, ",") && !is_op(ps, ")")) {
			const struct adv_sql_token *a = cur(ps);

			if (at_end(ps))
				fail_here(ps);
			if (is_op(ps, "(")) {
				size_t end = after_parens(ps, ps->pos);

				for (; ps->pos < end; advance(ps)) {
					if (cur(ps)->kind == ADV_TOK_STRING)
						list_add(
							&args,
							const_node(
								ps, cur(ps),
								ADV_CONST_STRING,
								string_text(
									ps,
									cur(ps))));
				}
				continue;
			}
			if (a->kind == ADV_TOK_NUMBER)
				list_add(&args, number_const(ps));
			else if (a->kind == ADV_TOK_STRING)
				list_add(&args, string_const(ps));
			else
				advance(ps);
		}
		h->args = args.head;
		list_add(&l, h);
	} while (accept_op(ps, ","));
	expect_op(ps, ")");
	return l.head;
}

/* T-SQL FOR XML/JSON/BROWSE after a query: skipped. */
static const char *const for_xml_words[] = {"raw",
					    "auto",
					    "explicit",
					    "path",
					    "type",
					    "root",
					    "elements",
					    "binary",
					    "base64",
					    "xmldata",
					    "xmlschema",
					    "xsinil",
					    "absent",
					    "without_array_wrapper",
					    "include_null_values",
					    NULL};

static void skip_for_xml(struct parser *ps)
{
	advance(ps); /* FOR */
	advance(ps); /* XML, JSON, BROWSE */
	for (;;) {
		if (word_in(ps, cur(ps), for_xml_words)) {
			advance(ps);
			if (is_op(ps, "("))
				skip_parens(ps);
		} else if (!accept_op(ps, ",")) {
			return;
		}
	}
}

/* ORDER BY, LIMIT, OFFSET/FETCH, INTO, locking clauses, OPTION after a
 * query body, in any order. */
static void parse_query_tail(struct parser *ps, struct adv_ast *q)
{
	int my = ps->dialect == ADV_DIALECT_MY;

	for (;;) {
		if (is_kw(ps, "order") && is_kw_at(ps, 1, "by")) {
			advance(ps);
			advance(ps);
			q->order = parse_sort_list(ps);
		} else if (my && accept_kw(ps, "limit")) {
			struct adv_ast *a = parse_expr(ps);

			if (accept_op(ps, ",")) {
				q->offset = a;
				q->limit = parse_expr(ps);
			} else if (accept_kw(ps, "offset")) {
				q->limit = a;
				q->offset = parse_expr(ps);
			} else {
				q->limit = a;
			}
		} else if (!my && accept_kw(ps, "offset")) {
			q->offset = parse_expr(ps);
			if (!accept_kw(ps, "rows"))
				expect_kw(ps, "row");
		} else if (is_kw(ps, "fetch") && (is_kw_at(ps, 1, "first") ||
						  is_kw_at(ps, 1, "next"))) {
			advance(ps);
			advance(ps);
			q->limit = parse_expr(ps);
			if (!accept_kw(ps, "rows"))
				expect_kw(ps, "row");
			if (!accept_kw(ps, "only")) {
				expect_kw(ps, "with");
				expect_kw(ps, "ties");
			}
		} else if (my && q->into == NULL && accept_kw(ps, "into")) {
			q->into = parse_into(ps);
		} else if (is_kw(ps, "for") && (is_kw_at(ps, 1, "update") ||
						is_kw_at(ps, 1, "share"))) {
			advance(ps);
			advance(ps);
			q->flags |= ADV_ASTF_FOR_UPDATE;
			if (accept_kw(ps, "of")) {
				do {
					struct qname n;

					parse_qname(ps, &n);
				} while (accept_op(ps, ","));
			}
			if (!accept_kw(ps, "nowait") && is_kw(ps, "skip") &&
			    is_kw_at(ps, 1, "locked")) {
				advance(ps);
				advance(ps);
			}
		} else if (my && is_kw(ps, "lock") && is_kw_at(ps, 1, "in")) {
			advance(ps);
			advance(ps);
			expect_kw(ps, "share");
			expect_kw(ps, "mode");
			q->flags |= ADV_ASTF_FOR_UPDATE;
		} else if (!my && is_kw(ps, "for") &&
			   (is_kw_at(ps, 1, "xml") || is_kw_at(ps, 1, "json") ||
			    is_kw_at(ps, 1, "browse"))) {
			skip_for_xml(ps);
		} else if (!my && is_kw(ps, "option") && is_op_at(ps, 1, "(")) {
			append_list(&q->options, parse_query_options(ps));
		} else {
			return;
		}
	}
}

/* SELECT [modifiers] targets [INTO] [FROM] [WHERE] [GROUP BY] [HAVING]. */
static struct adv_ast *parse_select_core(struct parser *ps)
{
	struct adv_ast *s = new_node(ps, ADV_AST_SELECT, cur(ps));
	int my = ps->dialect == ADV_DIALECT_MY;

	expect_kw(ps, "select");
	for (;;) {
		if (accept_kw(ps, "all")) {
			continue;
		} else if (accept_kw(ps, "distinct") ||
			   (my && accept_kw(ps, "distinctrow"))) {
			s->flags |= ADV_ASTF_DISTINCT;
		} else if (my && accept_kw(ps, "straight_join")) {
			s->flags |= ADV_ASTF_STRAIGHT_JOIN;
		} else if (my && accept_kw(ps, "sql_calc_found_rows")) {
			s->flags |= ADV_ASTF_CALC_FOUND_ROWS;
		} else if (my && (accept_kw(ps, "high_priority") ||
				  accept_kw(ps, "sql_small_result") ||
				  accept_kw(ps, "sql_big_result") ||
				  accept_kw(ps, "sql_buffer_result") ||
				  accept_kw(ps, "sql_cache") ||
				  accept_kw(ps, "sql_no_cache"))) {
			continue;
		} else if (!my && is_kw(ps, "top")) {
			s->limit = parse_top(ps);
			s->flags |= ADV_ASTF_TOP;
		} else {
			break;
		}
	}
	s->targets = parse_targets(ps);
	if (accept_kw(ps, "into"))
		s->into = parse_into(ps);
	if (accept_kw(ps, "from")) {
		if (my && is_kw(ps, "dual") && !is_op_at(ps, 1, "."))
			advance(ps);
		else
			s->from = parse_from_list(ps);
	}
	if (accept_kw(ps, "where"))
		s->where = parse_expr(ps);
	if (is_kw(ps, "group") && is_kw_at(ps, 1, "by")) {
		struct list l = {NULL, NULL};

		advance(ps);
		advance(ps);
		if (!my)
			accept_kw(ps, "all");
		do {
			if (is_kw(ps, "grouping") && is_kw_at(ps, 1, "sets")) {
				struct adv_ast *f =
					func_node(ps, (int)cur(ps)->offset,
						  "grouping sets", NULL);

				advance(ps);
				advance(ps);
				expect_op(ps, "(");
				f->args = parse_expr_list(ps);
				expect_op(ps, ")");
				list_add(&l, f);
			} else {
				list_add(&l, parse_expr(ps));
			}
			if (!accept_kw(ps, "asc"))
				accept_kw(ps, "desc");
		} while (accept_op(ps, ","));
		s->group = l.head;
		if (is_kw(ps, "with") &&
		    (is_kw_at(ps, 1, "rollup") || is_kw_at(ps, 1, "cube"))) {
			advance(ps);
			advance(ps);
		}
	}
	if (accept_kw(ps, "having"))
		s->having = parse_expr(ps);
	if (my && is_kw(ps, "window") && is_ident_tok(peek(ps, 1)) &&
	    is_kw_at(ps, 2, "as")) {
		advance(ps);
		do {
			parse_ident(ps);
			expect_kw(ps, "as");
			skip_parens(ps);
		} while (accept_op(ps, ","));
	}
	return s;
}

/* VALUES (..), (..) or MySQL VALUES ROW(..), ROW(..) as a query. */
static struct adv_ast *parse_values_query(struct parser *ps)
{
	struct adv_ast *s = new_node(ps, ADV_AST_SELECT, cur(ps));
	struct list l = {NULL, NULL};

	expect_kw(ps, "values");
	s->flags |= ADV_ASTF_VALUES;
	do {
		const struct adv_sql_token *t = cur(ps);
		struct adv_ast *row = new_node(ps, ADV_AST_LIST, t);

		accept_kw(ps, "row");
		expect_op(ps, "(");
		if (!is_op(ps, ")"))
			row->args = parse_expr_list(ps);
		expect_op(ps, ")");
		list_add(&l, row);
	} while (accept_op(ps, ","));
	s->values = l.head;
	return s;
}

static struct adv_ast *parse_set_expr(struct parser *ps);

static struct adv_ast *parse_set_primary(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);

	if (is_op(ps, "(")) {
		if (!query_at(ps, ps->pos + 1, 1))
			fail_at(ps, peek(ps, 1));
		return paren_query_fn(ps, NULL);
	}
	if (is_kw(ps, "select"))
		return parse_select_core(ps);
	if (is_kw(ps, "values"))
		return parse_values_query(ps);
	if (ps->dialect == ADV_DIALECT_MY && is_kw(ps, "table")) {
		/* MySQL 8 TABLE t: SELECT * FROM t */
		struct adv_ast *s = new_node(ps, ADV_AST_SELECT, t);
		struct adv_ast *tg = new_node(ps, ADV_AST_TARGET, t);

		advance(ps);
		tg->args = new_node(ps, ADV_AST_STAR, t);
		s->targets = tg;
		s->from = parse_table_name(ps);
		return s;
	}
	fail_here(ps);
}

static struct adv_ast *setop_node(struct parser *ps, int op,
				  struct adv_ast *left)
{
	struct adv_ast *s = new_at(ps, ADV_AST_SELECT, left->loc);

	s->op = op;
	s->larg = left;
	if (accept_kw(ps, "all"))
		s->flags |= ADV_ASTF_ALL;
	else
		accept_kw(ps, "distinct");
	return s;
}

static struct adv_ast *parse_set_term(struct parser *ps)
{
	struct adv_ast *left = parse_set_primary(ps);

	while (accept_kw(ps, "intersect")) {
		struct adv_ast *s = setop_node(ps, ADV_SETOP_INTERSECT, left);

		s->rarg = parse_set_primary(ps);
		left = s;
	}
	return left;
}

static struct adv_ast *parse_set_expr(struct parser *ps)
{
	struct adv_ast *left = parse_set_term(ps);

	for (;;) {
		int op;
		struct adv_ast *s;

		if (accept_kw(ps, "union"))
			op = ADV_SETOP_UNION;
		else if (accept_kw(ps, "except") ||
			 (ps->dialect == ADV_DIALECT_MY &&
			  accept_kw(ps, "minus")))
			op = ADV_SETOP_EXCEPT;
		else
			break;
		s = setop_node(ps, op, left);
		s->rarg = parse_set_term(ps);
		left = s;
	}
	return left;
}

/* A whole query: [WITH ...] body [ORDER BY ...] [LIMIT ...] .... */
static struct adv_ast *parse_query(struct parser *ps)
{
	struct adv_ast *with = NULL;
	struct adv_ast *q;

	enter(ps);
	if (is_kw(ps, "with"))
		with = parse_ctes(ps);
	q = parse_set_expr(ps);
	parse_query_tail(ps, q);
	if (with != NULL) {
		if (q->with != NULL)
			fail_here(ps);
		q->with = with;
	}
	leave(ps);
	return q;
}

/* ---- DML ---- */

/* col = expr [, ...] (UPDATE SET, INSERT ... SET, ON DUPLICATE KEY). */
static struct adv_ast *parse_assignments(struct parser *ps)
{
	struct list l = {NULL, NULL};

	do {
		const struct adv_sql_token *t = cur(ps);
		struct adv_ast *a = new_node(ps, ADV_AST_ASSIGN, t);

		if (t->kind == ADV_TOK_VARIABLE && is_op_at(ps, 1, "=") &&
		    is_ident_tok(peek(ps, 2)) &&
		    is_assign_op(ps, peek(ps, 3))) {
			/* T-SQL @v = col = expr: the column is what the
			 * rules care about */
			advance(ps);
			advance(ps);
			t = cur(ps);
			a->loc = (int)t->offset;
		}
		if (t->kind == ADV_TOK_VARIABLE) {
			/* T-SQL SET @v = expr */
			a->name = tok_lower(ps, t);
			advance(ps);
		} else {
			char *part[3];
			int n = 0;

			part[n++] = parse_name(ps);
			while (n < 3 && accept_op(ps, "."))
				part[n++] = parse_ident(ps);
			a->name = part[n - 1];
			a->qual = n >= 2 ? part[n - 2] : NULL;
			a->schema = n >= 3 ? part[n - 3] : NULL;
		}
		if (!is_assign_op(ps, cur(ps)))
			fail_here(ps);
		if (!is_op(ps, "="))
			a->value = tok_lower(ps, cur(ps));
		advance(ps);
		a->args = parse_expr(ps);
		list_add(&l, a);
	} while (accept_op(ps, ","));
	return l.head;
}

/* T-SQL OUTPUT inserted.x, ... [INTO @t [(cols)]]: the targets. */
static struct adv_ast *parse_output(struct parser *ps)
{
	struct adv_ast *targets;

	expect_kw(ps, "output");
	targets = parse_targets(ps);
	if (accept_kw(ps, "into")) {
		parse_table_name(ps);
		if (is_op(ps, "("))
			parse_column_list(ps);
	}
	return targets;
}

static void parse_ms_statement_options(struct parser *ps, struct adv_ast *n)
{
	if (ps->dialect == ADV_DIALECT_MS && is_kw(ps, "option") &&
	    is_op_at(ps, 1, "("))
		append_list(&n->options, parse_query_options(ps));
}

/* The rows of VALUES (..), (..) (MySQL also VALUE and ROW(..)). */
static struct adv_ast *parse_values_rows(struct parser *ps)
{
	struct list l = {NULL, NULL};

	do {
		const struct adv_sql_token *t = cur(ps);
		struct adv_ast *row = new_node(ps, ADV_AST_LIST, t);

		accept_kw(ps, "row");
		expect_op(ps, "(");
		if (!is_op(ps, ")"))
			row->args = parse_expr_list(ps);
		expect_op(ps, ")");
		list_add(&l, row);
	} while (accept_op(ps, ","));
	return l.head;
}

static struct adv_ast *parse_exec(struct parser *ps);

static struct adv_ast *parse_insert(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n = new_node(ps, ADV_AST_INSERT, t);
	int my = ps->dialect == ADV_DIALECT_MY;

	if (accept_kw(ps, "replace"))
		n->flags |= ADV_ASTF_REPLACE;
	else
		expect_kw(ps, "insert");
	while (my &&
	       (accept_kw(ps, "low_priority") || accept_kw(ps, "delayed") ||
		accept_kw(ps, "high_priority") || accept_kw(ps, "ignore")))
		;
	if (!my && is_kw(ps, "top")) {
		n->limit = parse_top(ps);
		n->flags |= ADV_ASTF_TOP;
	}
	accept_kw(ps, "into");
	n->table = parse_table_name(ps);
	if (my && is_kw(ps, "partition") && is_op_at(ps, 1, "(")) {
		advance(ps);
		skip_parens(ps);
	}
	if (!my && is_kw(ps, "with") && is_op_at(ps, 1, "(")) {
		advance(ps);
		n->table->hints = parse_ms_hints(ps);
	}
	if (is_op(ps, "(") && !query_at(ps, ps->pos + 1, 0))
		n->cols = parse_column_list(ps);
	if (!my && is_kw(ps, "output"))
		n->returning = parse_output(ps);
	if (accept_kw(ps, "values") || (my && accept_kw(ps, "value"))) {
		n->values = parse_values_rows(ps);
	} else if (my && accept_kw(ps, "set")) {
		n->set = parse_assignments(ps);
	} else if (is_kw(ps, "default") && is_kw_at(ps, 1, "values")) {
		advance(ps);
		advance(ps);
		n->flags |= ADV_ASTF_DEFAULT_VALUES;
	} else if (!my && (is_kw(ps, "exec") || is_kw(ps, "execute"))) {
		n->sub = parse_exec(ps);
	} else {
		n->sub = parse_query(ps);
	}
	if (my && is_kw(ps, "as") && is_ident_tok(peek(ps, 1))) {
		/* MySQL 8 row alias: VALUES (..) AS new (a, b) */
		advance(ps);
		parse_ident(ps);
		if (is_op(ps, "("))
			parse_column_list(ps);
	}
	if (my && is_kw(ps, "on") && is_kw_at(ps, 1, "duplicate")) {
		advance(ps);
		advance(ps);
		expect_kw(ps, "key");
		expect_kw(ps, "update");
		n->flags |= ADV_ASTF_ON_CONFLICT;
		n->quals = parse_assignments(ps);
	}
	parse_ms_statement_options(ps, n);
	return n;
}

/* A copy of the first base table of a FROM item, for the table of a
 * multi-table UPDATE or DELETE. */
static struct adv_ast *first_table(struct parser *ps, const struct adv_ast *n)
{
	struct adv_ast *copy;

	while (n != NULL && n->kind == ADV_AST_JOIN)
		n = n->larg;
	if (n == NULL || n->kind != ADV_AST_TABLE)
		return NULL;
	copy = new_at(ps, ADV_AST_TABLE, n->loc);
	copy->name = n->name;
	copy->schema = n->schema;
	copy->alias = n->alias;
	copy->flags = n->flags;
	return copy;
}

/* WHERE cond, or T-SQL's WHERE CURRENT OF cursor. */
static struct adv_ast *parse_where(struct parser *ps)
{
	if (ps->dialect == ADV_DIALECT_MS && is_kw(ps, "current") &&
	    is_kw_at(ps, 1, "of")) {
		struct adv_ast *e = new_node(ps, ADV_AST_EXPR, cur(ps));

		advance(ps);
		advance(ps);
		e->value = "current of";
		accept_kw(ps, "global");
		if (cur(ps)->kind == ADV_TOK_VARIABLE) {
			e->name = tok_lower(ps, cur(ps));
			advance(ps);
		} else {
			e->name = parse_ident(ps);
		}
		return e;
	}
	return parse_expr(ps);
}

static struct adv_ast *parse_update(struct parser *ps)
{
	struct adv_ast *n = new_node(ps, ADV_AST_UPDATE, cur(ps));
	int my = ps->dialect == ADV_DIALECT_MY;

	expect_kw(ps, "update");
	if (my) {
		struct adv_ast *refs;

		while (accept_kw(ps, "low_priority") || accept_kw(ps, "ignore"))
			;
		refs = parse_from_list(ps);
		if (refs->next == NULL && refs->kind == ADV_AST_TABLE) {
			n->table = refs;
		} else {
			n->table = first_table(ps, refs);
			n->from = refs;
		}
	} else {
		if (is_kw(ps, "top")) {
			n->limit = parse_top(ps);
			n->flags |= ADV_ASTF_TOP;
		}
		n->table = parse_table_primary(ps);
	}
	expect_kw(ps, "set");
	n->set = parse_assignments(ps);
	if (!my && is_kw(ps, "output"))
		n->returning = parse_output(ps);
	if (!my && accept_kw(ps, "from"))
		n->from = parse_from_list(ps);
	if (accept_kw(ps, "where"))
		n->where = parse_where(ps);
	if (my && is_kw(ps, "order") && is_kw_at(ps, 1, "by")) {
		advance(ps);
		advance(ps);
		n->order = parse_sort_list(ps);
	}
	if (my && accept_kw(ps, "limit"))
		n->limit = parse_expr(ps);
	parse_ms_statement_options(ps, n);
	return n;
}

/* MySQL DELETE targets: t1[.*], t2[.*] (the tables rows are deleted
 * from in a multi-table DELETE). */
static struct adv_ast *parse_delete_targets(struct parser *ps)
{
	struct list l = {NULL, NULL};

	do {
		struct adv_ast *t = parse_table_name(ps);

		if (is_op(ps, ".") && is_op_at(ps, 1, "*")) {
			advance(ps);
			advance(ps);
		}
		list_add(&l, t);
	} while (accept_op(ps, ","));
	return l.head;
}

static struct adv_ast *parse_delete(struct parser *ps)
{
	struct adv_ast *n = new_node(ps, ADV_AST_DELETE, cur(ps));
	int my = ps->dialect == ADV_DIALECT_MY;

	expect_kw(ps, "delete");
	if (my) {
		while (accept_kw(ps, "low_priority") ||
		       accept_kw(ps, "quick") || accept_kw(ps, "ignore"))
			;
		if (accept_kw(ps, "from")) {
			size_t start = ps->pos;
			struct adv_ast *first;

			/* FROM t [AS a] or FROM t1, t2 USING refs */
			first = parse_table_primary(ps);
			if (is_op(ps, ",") || is_kw(ps, "using") ||
			    (is_op(ps, ".") && is_op_at(ps, 1, "*"))) {
				ps->pos = start;
				n->table = parse_delete_targets(ps);
				expect_kw(ps, "using");
				n->from = parse_from_list(ps);
			} else {
				n->table = first;
			}
		} else {
			n->table = parse_delete_targets(ps);
			expect_kw(ps, "from");
			n->from = parse_from_list(ps);
		}
	} else {
		if (is_kw(ps, "top")) {
			n->limit = parse_top(ps);
			n->flags |= ADV_ASTF_TOP;
		}
		accept_kw(ps, "from");
		n->table = parse_table_primary(ps);
		if (is_kw(ps, "output"))
			n->returning = parse_output(ps);
		if (accept_kw(ps, "from"))
			n->from = parse_from_list(ps);
	}
	if (accept_kw(ps, "where"))
		n->where = parse_where(ps);
	if (my && is_kw(ps, "order") && is_kw_at(ps, 1, "by")) {
		advance(ps);
		advance(ps);
		n->order = parse_sort_list(ps);
	}
	if (my && accept_kw(ps, "limit"))
		n->limit = parse_expr(ps);
	parse_ms_statement_options(ps, n);
	return n;
}

/* ---- DDL ---- */

/*
 * Key parts: (a, b(10) DESC, (expr)). For an index, a COLUMN or an
 * expression, wrapped in a SORT when a direction is written; for a
 * constraint, the COLUMN nodes only.
 */
static struct adv_ast *parse_keys(struct parser *ps, int for_index)
{
	struct list l = {NULL, NULL};

	expect_op(ps, "(");
	do {
		const struct adv_sql_token *t = cur(ps);
		struct adv_ast *k;

		if (is_op(ps, "(")) {
			advance(ps);
			k = parse_expr(ps);
			expect_op(ps, ")");
		} else {
			k = new_node(ps, ADV_AST_COLUMN, t);
			k->name = parse_ident(ps);
			if (is_op(ps, "("))
				skip_parens(ps); /* a prefix length */
		}
		if (is_kw(ps, "asc") || is_kw(ps, "desc")) {
			if (for_index) {
				struct adv_ast *s =
					new_at(ps, ADV_AST_SORT, k->loc);

				s->op = is_kw(ps, "asc") ? ADV_SORT_ASC
							 : ADV_SORT_DESC;
				s->args = k;
				k = s;
			}
			advance(ps);
		}
		if (for_index || k->kind == ADV_AST_COLUMN)
			list_add(&l, k);
	} while (accept_op(ps, ","));
	expect_op(ps, ")");
	return l.head;
}

/* T-SQL WITH (ONLINE = ON, ...) or MySQL ALGORITHM = x: OPTION nodes. */
static struct adv_ast *option_node(struct parser *ps,
				   const struct adv_sql_token *t,
				   const char *name)
{
	struct adv_ast *o = new_node(ps, ADV_AST_OPTION, t);
	const struct adv_sql_token *v;

	o->name = name;
	accept_op(ps, "=");
	v = cur(ps);
	if (v->kind == ADV_TOK_STRING) {
		char *s = string_text(ps, v);

		o->value = adv_ast_strndup_lower(ps->arena, s, strlen(s));
		advance(ps);
	} else if (is_ident_tok(v) || v->kind == ADV_TOK_NUMBER) {
		o->value = v->kind == ADV_TOK_QIDENT ? ident_text(ps, v)
						     : tok_lower(ps, v);
		advance(ps);
	} else if (is_op(ps, "(")) {
		skip_parens(ps);
	} else {
		fail_here(ps);
	}
	return o;
}

static struct adv_ast *parse_with_options(struct parser *ps)
{
	struct list l = {NULL, NULL};

	expect_op(ps, "(");
	do {
		const struct adv_sql_token *t = cur(ps);

		if (t->kind != ADV_TOK_WORD)
			fail_here(ps);
		advance(ps);
		if (is_op(ps, "=")) {
			list_add(&l, option_node(ps, t, tok_lower(ps, t)));
		} else {
			struct adv_ast *o = new_node(ps, ADV_AST_OPTION, t);

			o->name = tok_lower(ps, t);
			list_add(&l, o);
		}
		skip_item(ps);
	} while (accept_op(ps, ","));
	expect_op(ps, ")");
	return l.head;
}

/*
 * What may follow the key list of an index or a key constraint: USING,
 * COMMENT, INCLUDE, WHERE, WITH (...), ON filegroup, ALGORITHM, LOCK, ...
 * ix is the CREATE_INDEX node to fill, or NULL to skip them.
 */
static void parse_index_options(struct parser *ps, struct adv_ast *ix)
{
	int ms = ps->dialect == ADV_DIALECT_MS;

	for (;;) {
		const struct adv_sql_token *t = cur(ps);

		if (accept_kw(ps, "using")) {
			char *m = parse_ident(ps);

			if (ix != NULL && ix->value == NULL)
				ix->value = m;
		} else if (accept_kw(ps, "key_block_size") ||
			   accept_kw(ps, "comment") ||
			   accept_kw(ps, "engine_attribute") ||
			   accept_kw(ps, "secondary_engine_attribute")) {
			accept_op(ps, "=");
			advance(ps);
		} else if (accept_kw(ps, "visible") ||
			   accept_kw(ps, "invisible") ||
			   accept_kw(ps, "ignored") ||
			   accept_kw(ps, "not_ignored")) {
			continue;
		} else if (is_kw(ps, "with") && is_kw_at(ps, 1, "parser")) {
			advance(ps);
			advance(ps);
			parse_ident(ps);
		} else if (ms && is_kw(ps, "include") && is_op_at(ps, 1, "(")) {
			struct adv_ast *cols;

			advance(ps);
			cols = parse_column_list(ps);
			if (ix != NULL)
				ix->include = cols;
		} else if (ms && ix != NULL && accept_kw(ps, "where")) {
			ix->where = parse_expr(ps);
		} else if (ms && is_kw(ps, "with") && is_op_at(ps, 1, "(")) {
			struct adv_ast *opts;

			advance(ps);
			opts = parse_with_options(ps);
			if (ix != NULL)
				append_list(&ix->options, opts);
		} else if (ms && is_kw(ps, "with") &&
			   is_kw_at(ps, 1, "fillfactor")) {
			advance(ps);
			advance(ps);
			expect_op(ps, "=");
			advance(ps);
		} else if (ms &&
			   (is_kw(ps, "on") || is_kw(ps, "filestream_on")) &&
			   is_ident_tok(peek(ps, 1)) &&
			   !is_kw_at(ps, 1, "delete") &&
			   !is_kw_at(ps, 1, "update")) {
			advance(ps);
			parse_ident(ps);
			if (is_op(ps, "("))
				skip_parens(ps);
		} else if (!ms &&
			   (is_kw(ps, "algorithm") || is_kw(ps, "lock"))) {
			struct adv_ast *o;

			advance(ps);
			o = option_node(ps, t, tok_lower(ps, t));
			if (ix != NULL)
				append_list(&ix->options, o);
		} else {
			return;
		}
	}
}

/* ON DELETE/UPDATE actions, MATCH, NOT FOR REPLICATION after REFERENCES. */
static void skip_fk_actions(struct parser *ps)
{
	for (;;) {
		if (is_kw(ps, "on") &&
		    (is_kw_at(ps, 1, "delete") || is_kw_at(ps, 1, "update"))) {
			advance(ps);
			advance(ps);
			if (accept_kw(ps, "set")) {
				if (!accept_kw(ps, "null"))
					expect_kw(ps, "default");
			} else if (accept_kw(ps, "no")) {
				expect_kw(ps, "action");
			} else if (!accept_kw(ps, "cascade")) {
				expect_kw(ps, "restrict");
			}
		} else if (accept_kw(ps, "match")) {
			parse_ident(ps);
		} else if (is_kw(ps, "not") && is_kw_at(ps, 1, "for")) {
			advance(ps);
			advance(ps);
			expect_kw(ps, "replication");
		} else {
			return;
		}
	}
}

/* REFERENCES t [(cols)] [actions] into constraint c. */
static void parse_references(struct parser *ps, struct adv_ast *c)
{
	expect_kw(ps, "references");
	c->op = ADV_CONS_FOREIGN;
	c->table = parse_table_name(ps);
	if (is_op(ps, "("))
		c->include = parse_column_list(ps);
	skip_fk_actions(ps);
}

/* The body of a table constraint from PRIMARY, UNIQUE, FOREIGN or
 * CHECK, into c. */
static void parse_constraint_body(struct parser *ps, struct adv_ast *c)
{
	int ms = ps->dialect == ADV_DIALECT_MS;

	if (accept_kw(ps, "primary")) {
		expect_kw(ps, "key");
		c->op = ADV_CONS_PRIMARY;
		if (!accept_kw(ps, "clustered"))
			accept_kw(ps, "nonclustered");
		if (accept_kw(ps, "using"))
			parse_ident(ps);
		c->cols = parse_keys(ps, 0);
		parse_index_options(ps, NULL);
	} else if (accept_kw(ps, "unique")) {
		c->op = ADV_CONS_UNIQUE;
		if (!accept_kw(ps, "key"))
			accept_kw(ps, "index");
		if (!accept_kw(ps, "clustered"))
			accept_kw(ps, "nonclustered");
		if (!ms && is_ident_tok(cur(ps)) && !is_kw(ps, "using")) {
			char *name = parse_ident(ps);

			if (c->name == NULL)
				c->name = name;
		}
		if (accept_kw(ps, "using"))
			parse_ident(ps);
		c->cols = parse_keys(ps, 0);
		parse_index_options(ps, NULL);
	} else if (accept_kw(ps, "foreign")) {
		expect_kw(ps, "key");
		if (is_ident_tok(cur(ps))) {
			char *name = parse_ident(ps);

			if (c->name == NULL)
				c->name = name;
		}
		c->cols = parse_column_list(ps);
		parse_references(ps, c);
	} else if (accept_kw(ps, "check")) {
		c->op = ADV_CONS_CHECK;
		expect_op(ps, "(");
		c->args = parse_expr(ps);
		expect_op(ps, ")");
		if (is_kw(ps, "not") && is_kw_at(ps, 1, "for")) {
			advance(ps);
			advance(ps);
			expect_kw(ps, "replication");
		}
		if (is_kw(ps, "not") && is_kw_at(ps, 1, "enforced")) {
			advance(ps);
			advance(ps);
		} else {
			accept_kw(ps, "enforced");
		}
	} else {
		fail_here(ps);
	}
}

/* [CONSTRAINT [name]] at the current token: the name, or NULL. */
static char *parse_constraint_name(struct parser *ps)
{
	if (!accept_kw(ps, "constraint"))
		return NULL;
	if (is_kw(ps, "primary") || is_kw(ps, "unique") ||
	    is_kw(ps, "foreign") || is_kw(ps, "check"))
		return NULL;
	return parse_ident(ps);
}

/* An inline INDEX/KEY/FULLTEXT/SPATIAL definition: a CREATE_INDEX. */
static struct adv_ast *parse_inline_index(struct parser *ps)
{
	struct adv_ast *ix = new_node(ps, ADV_AST_CREATE_INDEX, cur(ps));

	if (is_kw(ps, "fulltext") || is_kw(ps, "spatial")) {
		ix->value = tok_lower(ps, cur(ps));
		advance(ps);
		if (!accept_kw(ps, "index"))
			accept_kw(ps, "key");
	} else if (!accept_kw(ps, "index")) {
		expect_kw(ps, "key");
	}
	if (is_ident_tok(cur(ps)) && !is_kw(ps, "using"))
		ix->name = parse_ident(ps);
	if (ps->dialect == ADV_DIALECT_MS) {
		if (accept_kw(ps, "unique"))
			ix->flags |= ADV_ASTF_UNIQUE;
		if (accept_kw(ps, "clustered"))
			ix->value = "clustered";
		else
			accept_kw(ps, "nonclustered");
	}
	if (accept_kw(ps, "using"))
		ix->value = parse_ident(ps);
	ix->args = parse_keys(ps, 1);
	parse_index_options(ps, ix);
	return ix;
}

/* A column constraint, stored in the COLDEF and copied to the table's
 * constraints (cons may be NULL). */
static struct adv_ast *column_constraint(struct parser *ps, struct adv_ast *def,
					 struct list *cons,
					 const struct adv_sql_token *t, int op,
					 char *name)
{
	struct adv_ast *c = new_node(ps, ADV_AST_CONSTRAINT, t);
	struct adv_ast *col = new_at(ps, ADV_AST_COLUMN, def->loc);

	col->name = def->name;
	c->op = op;
	c->name = name;
	c->cols = col;
	adv_ast_append(&def->constraints, c);
	if (cons != NULL) {
		struct adv_ast *copy = new_node(ps, ADV_AST_CONSTRAINT, t);

		*copy = *c;
		copy->next = NULL;
		list_add(cons, copy);
	}
	return c;
}

/* Fills the constraint copies in cons after c's fields are set. */
static void sync_copy(struct list *cons, const struct adv_ast *c)
{
	struct adv_ast *next;

	if (cons == NULL || cons->tail == NULL)
		return;
	next = cons->tail->next;
	*cons->tail = *c;
	cons->tail->next = next;
}

/* A column definition; its constraints are copied to cons. */
static struct adv_ast *parse_coldef(struct parser *ps, struct list *cons)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *d = new_node(ps, ADV_AST_COLDEF, t);
	int ms = ps->dialect == ADV_DIALECT_MS;

	d->name = parse_name(ps);
	if (ms && accept_kw(ps, "as")) {
		d->flags2 |= ADV_AST2_GENERATED;
		d->dflt = parse_expr(ps);
		accept_kw(ps, "persisted");
	} else {
		parse_type(ps, &d->type);
		if (d->type.name != NULL && strcmp(d->type.name, "serial") == 0)
			d->flags2 |=
				ADV_AST2_AUTO_INCREMENT | ADV_AST2_NOT_NULL;
	}
	for (;;) {
		const struct adv_sql_token *a = cur(ps);
		char *cname = NULL;

		if (accept_kw(ps, "constraint")) {
			if (is_ident_tok(cur(ps)) && !is_kw(ps, "primary") &&
			    !is_kw(ps, "unique") && !is_kw(ps, "check") &&
			    !is_kw(ps, "references") && !is_kw(ps, "default") &&
			    !is_kw(ps, "foreign"))
				cname = parse_ident(ps);
		}
		if (is_kw(ps, "not") && is_kw_at(ps, 1, "null")) {
			advance(ps);
			advance(ps);
			d->flags2 |= ADV_AST2_NOT_NULL;
		} else if (is_kw(ps, "not") && is_kw_at(ps, 1, "for")) {
			advance(ps);
			advance(ps);
			expect_kw(ps, "replication");
		} else if (accept_kw(ps, "null")) {
			d->flags2 |= ADV_AST2_NULL_EXPLICIT;
		} else if (accept_kw(ps, "default")) {
			d->dflt = parse_expr(ps);
		} else if (is_kw(ps, "on") && is_kw_at(ps, 1, "update")) {
			advance(ps);
			advance(ps);
			parse_expr(ps);
		} else if (accept_kw(ps, "auto_increment") ||
			   accept_kw(ps, "autoincrement")) {
			d->flags2 |= ADV_AST2_AUTO_INCREMENT;
		} else if (accept_kw(ps, "identity")) {
			d->flags2 |= ADV_AST2_AUTO_INCREMENT;
			if (is_op(ps, "("))
				skip_parens(ps);
		} else if (is_kw(ps, "generated") || is_kw(ps, "as")) {
			if (accept_kw(ps, "generated")) {
				if (!accept_kw(ps, "always")) {
					expect_kw(ps, "by");
					expect_kw(ps, "default");
				}
			}
			expect_kw(ps, "as");
			if (accept_kw(ps, "identity")) {
				d->flags2 |= ADV_AST2_AUTO_INCREMENT;
				if (is_op(ps, "("))
					skip_parens(ps);
			} else if (accept_kw(ps, "row")) {
				if (!accept_kw(ps, "start"))
					expect_kw(ps, "end");
				accept_kw(ps, "hidden");
			} else {
				d->flags2 |= ADV_AST2_GENERATED;
				expect_op(ps, "(");
				d->dflt = parse_expr(ps);
				expect_op(ps, ")");
				if (!accept_kw(ps, "virtual") &&
				    !accept_kw(ps, "stored") &&
				    !accept_kw(ps, "persistent"))
					accept_kw(ps, "persisted");
			}
		} else if (is_kw(ps, "primary") || (!ms && is_kw(ps, "key"))) {
			if (accept_kw(ps, "primary"))
				expect_kw(ps, "key");
			else
				advance(ps);
			if (!accept_kw(ps, "clustered"))
				accept_kw(ps, "nonclustered");
			if (!accept_kw(ps, "asc"))
				accept_kw(ps, "desc");
			d->flags2 |= ADV_AST2_PRIMARY_KEY;
			column_constraint(ps, d, cons, a, ADV_CONS_PRIMARY,
					  cname);
		} else if (accept_kw(ps, "unique")) {
			if (!accept_kw(ps, "key"))
				accept_kw(ps, "index");
			if (!accept_kw(ps, "clustered"))
				accept_kw(ps, "nonclustered");
			d->flags |= ADV_ASTF_UNIQUE;
			column_constraint(ps, d, cons, a, ADV_CONS_UNIQUE,
					  cname);
		} else if (is_kw(ps, "check")) {
			struct adv_ast *c = column_constraint(
				ps, d, cons, a, ADV_CONS_CHECK, cname);

			parse_constraint_body(ps, c);
			sync_copy(cons, c);
		} else if (is_kw(ps, "references") ||
			   (is_kw(ps, "foreign") && is_kw_at(ps, 1, "key"))) {
			struct adv_ast *c = column_constraint(
				ps, d, cons, a, ADV_CONS_FOREIGN, cname);

			if (accept_kw(ps, "foreign"))
				expect_kw(ps, "key");
			parse_references(ps, c);
			sync_copy(cons, c);
		} else if (is_kw(ps, "character") && is_kw_at(ps, 1, "set")) {
			advance(ps);
			advance(ps);
			d->value = parse_ident(ps);
		} else if (accept_kw(ps, "charset")) {
			d->value = parse_ident(ps);
		} else if (accept_kw(ps, "collate")) {
			if (cur(ps)->kind == ADV_TOK_STRING)
				advance(ps);
			else
				parse_ident(ps);
		} else if (accept_kw(ps, "comment")) {
			if (cur(ps)->kind != ADV_TOK_STRING)
				fail_here(ps);
			advance(ps);
		} else if (is_kw(ps, "serial") && is_kw_at(ps, 1, "default")) {
			advance(ps);
			advance(ps);
			expect_kw(ps, "value");
			d->flags2 |=
				ADV_AST2_AUTO_INCREMENT | ADV_AST2_NOT_NULL;
			d->flags |= ADV_ASTF_UNIQUE;
		} else if (accept_kw(ps, "column_format") ||
			   accept_kw(ps, "storage") || accept_kw(ps, "srid")) {
			advance(ps);
		} else if (accept_kw(ps, "engine_attribute") ||
			   accept_kw(ps, "secondary_engine_attribute")) {
			accept_op(ps, "=");
			advance(ps);
		} else if ((is_kw(ps, "masked") || is_kw(ps, "encrypted")) &&
			   is_kw_at(ps, 1, "with")) {
			advance(ps);
			advance(ps);
			skip_parens(ps);
		} else if (accept_kw(ps, "visible") ||
			   accept_kw(ps, "invisible") ||
			   accept_kw(ps, "rowguidcol") ||
			   accept_kw(ps, "sparse") ||
			   accept_kw(ps, "filestream") ||
			   accept_kw(ps, "persisted") ||
			   accept_kw(ps, "hidden")) {
			continue;
		} else {
			if (cname != NULL)
				fail_here(ps);
			break;
		}
	}
	return d;
}

/* MySQL [FIRST | AFTER col] after a column in ALTER TABLE. */
static void skip_column_position(struct parser *ps)
{
	if (accept_kw(ps, "first"))
		return;
	if (accept_kw(ps, "after"))
		parse_ident(ps);
}

/* One element of a CREATE TABLE (...) list. */
static void parse_table_element(struct parser *ps, struct list *cols,
				struct list *cons, struct list *idx)
{
	const struct adv_sql_token *t = cur(ps);

	if (is_kw(ps, "constraint") || is_kw(ps, "primary") ||
	    is_kw(ps, "unique") || is_kw(ps, "foreign") ||
	    (is_kw(ps, "check") && is_op_at(ps, 1, "("))) {
		struct adv_ast *c = new_node(ps, ADV_AST_CONSTRAINT, t);

		c->name = parse_constraint_name(ps);
		parse_constraint_body(ps, c);
		list_add(cons, c);
	} else if ((is_kw(ps, "index") || is_kw(ps, "key") ||
		    is_kw(ps, "fulltext") || is_kw(ps, "spatial")) &&
		   !is_op_at(ps, 1, ",") && !is_op_at(ps, 1, ")")) {
		list_add(idx, parse_inline_index(ps));
	} else if (is_kw(ps, "period") && is_kw_at(ps, 1, "for")) {
		skip_item(ps);
	} else {
		list_add(cols, parse_coldef(ps, cons));
	}
}

static const char *const ctas_words[] = {"select",  "as",	 "ignore",
					 "replace", "with",	 "values",
					 "table",   "partition", NULL};

/* MySQL table options: ENGINE=x, DEFAULT CHARSET=x, COLLATE x, ... */
static struct adv_ast *parse_table_options(struct parser *ps)
{
	struct list l = {NULL, NULL};

	for (;;) {
		const struct adv_sql_token *t;
		const char *name;

		if (is_op(ps, ",") && peek(ps, 1)->kind == ADV_TOK_WORD)
			advance(ps);
		t = cur(ps);
		if (t->kind != ADV_TOK_WORD || word_in(ps, t, ctas_words))
			break;
		if (is_kw(ps, "default") && !is_op_at(ps, 1, "=")) {
			advance(ps);
			t = cur(ps);
		}
		if (is_kw(ps, "character") && is_kw_at(ps, 1, "set")) {
			advance(ps);
			name = "charset";
		} else if (is_kw(ps, "charset")) {
			name = "charset";
		} else if ((is_kw(ps, "data") || is_kw(ps, "index")) &&
			   is_kw_at(ps, 1, "directory")) {
			name = is_kw(ps, "data") ? "data directory"
						 : "index directory";
			advance(ps);
		} else if (cur(ps)->kind == ADV_TOK_WORD) {
			name = tok_lower(ps, cur(ps));
		} else {
			fail_here(ps);
		}
		advance(ps);
		list_add(&l, option_node(ps, t, name));
	}
	return l.head;
}

/* MySQL PARTITION BY ...: skipped up to a query or the end. */
static void skip_partitioning(struct parser *ps)
{
	while (!at_end(ps) && !is_op(ps, ";") && !is_kw(ps, "select") &&
	       !is_kw(ps, "as") && !is_op(ps, ")")) {
		if (is_op(ps, "("))
			skip_parens(ps);
		else
			advance(ps);
	}
}

static struct adv_ast *parse_create_table(struct parser *ps,
					  const struct adv_sql_token *start,
					  unsigned flags)
{
	struct adv_ast *n = new_node(ps, ADV_AST_CREATE_TABLE, start);
	int my = ps->dialect == ADV_DIALECT_MY;

	n->flags = flags;
	expect_kw(ps, "table");
	if (is_kw(ps, "if") && is_kw_at(ps, 1, "not")) {
		advance(ps);
		advance(ps);
		expect_kw(ps, "exists");
		n->flags |= ADV_ASTF_IF_NOT_EXISTS;
	}
	n->table = parse_table_name(ps);
	if (n->flags & ADV_ASTF_TEMPORARY)
		n->table->flags |= ADV_ASTF_TEMPORARY;
	if (n->table->flags & ADV_ASTF_TEMPORARY)
		n->flags |= ADV_ASTF_TEMPORARY;
	if (accept_kw(ps, "like")) {
		n->flags |= ADV_ASTF_LIKE;
		n->from = parse_table_name(ps);
		return n;
	}
	if (is_op(ps, "(") && is_kw_at(ps, 1, "like")) {
		advance(ps);
		advance(ps);
		n->flags |= ADV_ASTF_LIKE;
		n->from = parse_table_name(ps);
		expect_op(ps, ")");
		return n;
	}
	if (is_op(ps, "(") && !query_at(ps, ps->pos + 1, 0)) {
		struct list cols = {NULL, NULL}, cons = {NULL, NULL},
			    idx = {NULL, NULL};

		advance(ps);
		do {
			parse_table_element(ps, &cols, &cons, &idx);
		} while (accept_op(ps, ","));
		expect_op(ps, ")");
		n->coldefs = cols.head;
		n->constraints = cons.head;
		n->indexes = idx.head;
	}
	if (my) {
		n->options = parse_table_options(ps);
		if (is_kw(ps, "partition") && is_kw_at(ps, 1, "by")) {
			n->flags |= ADV_ASTF_PARTITIONED;
			skip_partitioning(ps);
		}
		if (!accept_kw(ps, "ignore"))
			accept_kw(ps, "replace");
	} else {
		for (;;) {
			if ((accept_kw(ps, "on") ||
			     accept_kw(ps, "textimage_on") ||
			     accept_kw(ps, "filestream_on"))) {
				parse_ident(ps);
				if (is_op(ps, "(")) {
					n->flags |= ADV_ASTF_PARTITIONED;
					skip_parens(ps);
				}
			} else if (is_kw(ps, "with") && is_op_at(ps, 1, "(")) {
				advance(ps);
				append_list(&n->options,
					    parse_with_options(ps));
			} else {
				break;
			}
		}
	}
	if (is_kw(ps, "as") || is_kw(ps, "select") || is_kw(ps, "with") ||
	    (is_op(ps, "(") && query_at(ps, ps->pos + 1, 0))) {
		accept_kw(ps, "as");
		n->flags |= ADV_ASTF_AS_SELECT;
		n->sub = parse_query(ps);
	}
	if (n->coldefs == NULL && n->sub == NULL)
		fail_here(ps);
	return n;
}

static struct adv_ast *parse_create_index(struct parser *ps,
					  const struct adv_sql_token *start,
					  unsigned flags, const char *method)
{
	struct adv_ast *n = new_node(ps, ADV_AST_CREATE_INDEX, start);

	n->flags = flags;
	n->value = method;
	expect_kw(ps, "index");
	if (is_kw(ps, "if") && is_kw_at(ps, 1, "not")) {
		advance(ps);
		advance(ps);
		expect_kw(ps, "exists");
		n->flags |= ADV_ASTF_IF_NOT_EXISTS;
	}
	n->name = parse_ident(ps);
	if (accept_kw(ps, "using"))
		n->value = parse_ident(ps);
	expect_kw(ps, "on");
	n->table = parse_table_name(ps);
	if (accept_kw(ps, "using"))
		n->value = parse_ident(ps);
	n->args = parse_keys(ps, 1);
	parse_index_options(ps, n);
	return n;
}

/* CREATE [OR REPLACE] VIEW name [(cols)] [WITH ...] AS query. */
static struct adv_ast *parse_create_view(struct parser *ps,
					 const struct adv_sql_token *start,
					 unsigned flags)
{
	struct adv_ast *n = new_node(ps, ADV_AST_CREATE_VIEW, start);

	n->op = ADV_OBJ_VIEW;
	n->flags = flags;
	expect_kw(ps, "view");
	if (is_kw(ps, "if") && is_kw_at(ps, 1, "not")) {
		advance(ps);
		advance(ps);
		expect_kw(ps, "exists");
		n->flags |= ADV_ASTF_IF_NOT_EXISTS;
	}
	n->table = parse_table_name(ps);
	if (is_op(ps, "("))
		n->cols = parse_column_list(ps);
	if (accept_kw(ps, "with")) {
		do {
			parse_ident(ps);
		} while (accept_op(ps, ","));
	}
	expect_kw(ps, "as");
	n->sub = parse_query(ps);
	if (is_kw(ps, "with") &&
	    (is_kw_at(ps, 1, "check") || is_kw_at(ps, 1, "cascaded") ||
	     is_kw_at(ps, 1, "local"))) {
		advance(ps);
		if (!accept_kw(ps, "cascaded"))
			accept_kw(ps, "local");
		expect_kw(ps, "check");
		expect_kw(ps, "option");
	}
	return n;
}

/* ---- ALTER TABLE, DROP, TRUNCATE, RENAME ---- */

static struct adv_ast *alter_cmd(struct parser *ps,
				 const struct adv_sql_token *t, int op)
{
	struct adv_ast *c = new_node(ps, ADV_AST_ALTER_CMD, t);

	c->op = op;
	return c;
}

static void accept_if_exists(struct parser *ps, struct adv_ast *n)
{
	if (is_kw(ps, "if") && is_kw_at(ps, 1, "exists")) {
		advance(ps);
		advance(ps);
		n->flags |= ADV_ASTF_IF_EXISTS;
	}
}

/* IF NOT EXISTS: ADV_ASTF_IF_NOT_EXISTS when it is there, else 0. */
static unsigned accept_if_not_exists_flag(struct parser *ps)
{
	if (!is_kw(ps, "if") || !is_kw_at(ps, 1, "not") ||
	    !is_kw_at(ps, 2, "exists"))
		return 0;
	advance(ps);
	advance(ps);
	advance(ps);
	return ADV_ASTF_IF_NOT_EXISTS;
}

static void accept_if_not_exists(struct parser *ps, struct adv_ast *n)
{
	n->flags |= accept_if_not_exists_flag(ps);
}

/* ADD COLUMN with a column definition. */
static struct adv_ast *add_column_cmd(struct parser *ps,
				      const struct adv_sql_token *t,
				      unsigned flags)
{
	struct adv_ast *c = alter_cmd(ps, t, ADV_ALTER_ADD_COLUMN);

	c->flags |= flags;
	c->coldef = parse_coldef(ps, NULL);
	c->name = c->coldef->name;
	return c;
}

/* ADD [CONSTRAINT x] PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK. */
static struct adv_ast *add_constraint_cmd(struct parser *ps,
					  const struct adv_sql_token *t,
					  int not_valid)
{
	struct adv_ast *c = alter_cmd(ps, t, ADV_ALTER_ADD_CONSTRAINT);
	struct adv_ast *k = new_node(ps, ADV_AST_CONSTRAINT, cur(ps));

	k->name = parse_constraint_name(ps);
	if (ps->dialect == ADV_DIALECT_MS && accept_kw(ps, "default")) {
		/* T-SQL ADD CONSTRAINT df DEFAULT expr FOR col */
		c->op = ADV_ALTER_SET_DEFAULT;
		c->dflt = parse_expr(ps);
		expect_kw(ps, "for");
		c->name = parse_ident(ps);
		return c;
	}
	parse_constraint_body(ps, k);
	if (not_valid)
		k->flags2 |= ADV_AST2_NOT_VALID;
	c->constraint = k;
	c->name = k->name;
	return c;
}

static struct adv_ast *add_index_cmd(struct parser *ps,
				     const struct adv_sql_token *t)
{
	struct adv_ast *c = alter_cmd(ps, t, ADV_ALTER_ADD_INDEX);

	c->constraint = parse_inline_index(ps);
	c->name = c->constraint->name;
	return c;
}

/* [DEFAULT] CHARACTER SET [=] x / CHARSET [=] x [COLLATE [=] y]: x. */
static char *parse_charset_value(struct parser *ps)
{
	char *v;

	if (accept_kw(ps, "character"))
		expect_kw(ps, "set");
	else
		expect_kw(ps, "charset");
	accept_op(ps, "=");
	if (cur(ps)->kind == ADV_TOK_STRING) {
		v = string_text(ps, cur(ps));
		advance(ps);
	} else {
		v = parse_ident(ps);
	}
	if (accept_kw(ps, "collate")) {
		accept_op(ps, "=");
		advance(ps);
	}
	return v;
}

/* An ALTER TABLE subcommand nobody looks into: name and value are its
 * first words, the rest up to the next ',' is skipped. */
static struct adv_ast *other_cmd(struct parser *ps,
				 const struct adv_sql_token *t)
{
	struct adv_ast *c = alter_cmd(ps, t, ADV_ALTER_OTHER);

	if (t->kind != ADV_TOK_WORD)
		fail_here(ps);
	c->name = tok_lower(ps, t);
	advance(ps);
	if (accept_op(ps, "=") || cur(ps)->kind == ADV_TOK_WORD ||
	    cur(ps)->kind == ADV_TOK_NUMBER) {
		const struct adv_sql_token *v = cur(ps);

		if (v->kind == ADV_TOK_WORD || v->kind == ADV_TOK_NUMBER)
			c->value = tok_lower(ps, v);
		else if (v->kind == ADV_TOK_STRING)
			c->value = string_text(ps, v);
	}
	while (!at_end(ps) && !is_op(ps, ",") && !is_op(ps, ";") &&
	       !is_op(ps, ")") && !ms_stmt_start(ps, cur(ps))) {
		if (is_op(ps, "("))
			skip_parens(ps);
		else
			advance(ps);
	}
	return c;
}

/* MySQL: one ALTER TABLE command (a list for ADD (a, b)). */
static struct adv_ast *parse_my_alter_cmd(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *c;

	if (accept_kw(ps, "add")) {
		unsigned flags;
		int column = accept_kw(ps, "column");

		flags = accept_if_not_exists_flag(ps);
		if (is_op(ps, "(")) {
			struct list l = {NULL, NULL};

			advance(ps);
			do {
				list_add(&l, add_column_cmd(ps, t, flags));
			} while (accept_op(ps, ","));
			expect_op(ps, ")");
			return l.head;
		}
		if (!column && (is_kw(ps, "index") || is_kw(ps, "key") ||
				is_kw(ps, "fulltext") || is_kw(ps, "spatial")))
			return add_index_cmd(ps, t);
		if (!column &&
		    (is_kw(ps, "constraint") || is_kw(ps, "primary") ||
		     is_kw(ps, "unique") || is_kw(ps, "foreign") ||
		     (is_kw(ps, "check") && is_op_at(ps, 1, "("))))
			return add_constraint_cmd(ps, t, 0);
		if (!column && is_kw(ps, "partition")) {
			ps->pos = (size_t)(t - ps->toks); /* back to ADD */
			return other_cmd(ps, t);
		}
		c = add_column_cmd(ps, t, flags);
		skip_column_position(ps);
		return c;
	}
	if (is_kw(ps, "alter") && !is_kw_at(ps, 1, "index") &&
	    !is_kw_at(ps, 1, "check") && !is_kw_at(ps, 1, "constraint")) {
		advance(ps);
		accept_kw(ps, "column");
		c = alter_cmd(ps, t, ADV_ALTER_OTHER_COLUMN);
		c->name = parse_ident(ps);
		if (is_kw(ps, "set") && is_kw_at(ps, 1, "default")) {
			advance(ps);
			advance(ps);
			c->op = ADV_ALTER_SET_DEFAULT;
			c->dflt = parse_expr(ps);
		} else if (is_kw(ps, "drop") && is_kw_at(ps, 1, "default")) {
			advance(ps);
			advance(ps);
			c->op = ADV_ALTER_DROP_DEFAULT;
		} else {
			accept_kw(ps, "set");
			if (!accept_kw(ps, "visible"))
				expect_kw(ps, "invisible");
		}
		return c;
	}
	if (accept_kw(ps, "change")) {
		struct adv_ast *rename;
		char *old;

		accept_kw(ps, "column");
		c = alter_cmd(ps, t, ADV_ALTER_COLUMN_TYPE);
		accept_if_exists(ps, c);
		old = parse_ident(ps);
		c->coldef = parse_coldef(ps, NULL);
		c->type = c->coldef->type;
		c->name = old;
		skip_column_position(ps);
		if (strcasecmp(old, c->coldef->name) == 0)
			return c;
		rename = alter_cmd(ps, t, ADV_ALTER_RENAME_COLUMN);
		rename->name = old;
		rename->alias = c->coldef->name;
		c->next = rename;
		return c;
	}
	if (accept_kw(ps, "modify")) {
		accept_kw(ps, "column");
		c = alter_cmd(ps, t, ADV_ALTER_COLUMN_TYPE);
		accept_if_exists(ps, c);
		c->coldef = parse_coldef(ps, NULL);
		c->type = c->coldef->type;
		c->name = c->coldef->name;
		skip_column_position(ps);
		return c;
	}
	if (accept_kw(ps, "drop")) {
		if (is_kw(ps, "primary") && is_kw_at(ps, 1, "key")) {
			advance(ps);
			advance(ps);
			return alter_cmd(ps, t, ADV_ALTER_DROP_PRIMARY_KEY);
		}
		if (is_kw(ps, "foreign") && is_kw_at(ps, 1, "key")) {
			advance(ps);
			advance(ps);
			c = alter_cmd(ps, t, ADV_ALTER_DROP_FOREIGN_KEY);
		} else if (accept_kw(ps, "index") || accept_kw(ps, "key")) {
			c = alter_cmd(ps, t, ADV_ALTER_DROP_INDEX);
		} else if (accept_kw(ps, "constraint") ||
			   accept_kw(ps, "check")) {
			c = alter_cmd(ps, t, ADV_ALTER_DROP_CONSTRAINT);
		} else if (is_kw(ps, "partition")) {
			ps->pos = (size_t)(t - ps->toks); /* back to DROP */
			return other_cmd(ps, t);
		} else {
			accept_kw(ps, "column");
			c = alter_cmd(ps, t, ADV_ALTER_DROP_COLUMN);
		}
		accept_if_exists(ps, c);
		c->name = parse_ident(ps);
		if (accept_kw(ps, "cascade"))
			c->flags |= ADV_ASTF_CASCADE;
		else
			accept_kw(ps, "restrict");
		return c;
	}
	if (accept_kw(ps, "rename")) {
		if (accept_kw(ps, "column")) {
			c = alter_cmd(ps, t, ADV_ALTER_RENAME_COLUMN);
			c->name = parse_ident(ps);
			expect_kw(ps, "to");
			c->alias = parse_ident(ps);
			return c;
		}
		if (accept_kw(ps, "index") || accept_kw(ps, "key")) {
			c = alter_cmd(ps, t, ADV_ALTER_OTHER);
			c->value = "rename index";
			c->name = parse_ident(ps);
			expect_kw(ps, "to");
			c->alias = parse_ident(ps);
			return c;
		}
		if (!accept_kw(ps, "to"))
			accept_kw(ps, "as");
		c = alter_cmd(ps, t, ADV_ALTER_RENAME_TABLE);
		c->table = parse_table_name(ps);
		c->alias = c->table->name;
		return c;
	}
	if (is_kw(ps, "convert") && is_kw_at(ps, 1, "to")) {
		advance(ps);
		advance(ps);
		c = alter_cmd(ps, t, ADV_ALTER_CONVERT_CHARSET);
		c->value = parse_charset_value(ps);
		return c;
	}
	if ((is_kw(ps, "default") &&
	     (is_kw_at(ps, 1, "character") || is_kw_at(ps, 1, "charset"))) ||
	    (is_kw(ps, "character") && is_kw_at(ps, 1, "set")) ||
	    is_kw(ps, "charset")) {
		accept_kw(ps, "default");
		c = alter_cmd(ps, t, ADV_ALTER_CHARSET);
		c->value = parse_charset_value(ps);
		return c;
	}
	if (accept_kw(ps, "engine")) {
		c = alter_cmd(ps, t, ADV_ALTER_ENGINE);
		accept_op(ps, "=");
		c->value = cur(ps)->kind == ADV_TOK_STRING
				   ? string_text(ps, cur(ps))
				   : (is_ident_tok(cur(ps))
					      ? ident_text(ps, cur(ps))
					      : NULL);
		if (c->value == NULL)
			fail_here(ps);
		c->value = adv_ast_strndup_lower(ps->arena, c->value,
						 strlen(c->value));
		advance(ps);
		return c;
	}
	return other_cmd(ps, t);
}

/* T-SQL: ALTER TABLE t [WITH CHECK|NOCHECK] ADD ... | DROP ... | ALTER
 * COLUMN ... | other. */
static struct adv_ast *parse_ms_alter_cmds(struct parser *ps)
{
	struct list l = {NULL, NULL};
	const struct adv_sql_token *t;
	int nocheck = 0;

	if (is_kw(ps, "with") &&
	    (is_kw_at(ps, 1, "check") || is_kw_at(ps, 1, "nocheck"))) {
		advance(ps);
		nocheck = is_kw(ps, "nocheck");
		advance(ps);
	}
	t = cur(ps);
	if (accept_kw(ps, "add")) {
		do {
			const struct adv_sql_token *e = cur(ps);

			if (is_kw(ps, "constraint") || is_kw(ps, "primary") ||
			    is_kw(ps, "unique") || is_kw(ps, "foreign") ||
			    (is_kw(ps, "check") && is_op_at(ps, 1, "(")))
				list_add(&l,
					 add_constraint_cmd(ps, e, nocheck));
			else if (is_kw(ps, "index"))
				list_add(&l, add_index_cmd(ps, e));
			else if (is_kw(ps, "period") && is_kw_at(ps, 1, "for"))
				list_add(&l, other_cmd(ps, e));
			else
				list_add(&l, add_column_cmd(ps, e, 0));
		} while (accept_op(ps, ","));
		return l.head;
	}
	if (is_kw(ps, "alter") && is_kw_at(ps, 1, "column")) {
		struct adv_ast *c;

		advance(ps);
		advance(ps);
		c = alter_cmd(ps, t, ADV_ALTER_COLUMN_TYPE);
		c->name = parse_ident(ps);
		if (accept_kw(ps, "add") || accept_kw(ps, "drop")) {
			/* ADD/DROP ROWGUIDCOL, PERSISTED, MASKED, ... */
			c->op = ADV_ALTER_OTHER_COLUMN;
			while (!at_stmt_end(ps) && !is_op(ps, ")")) {
				if (is_op(ps, "("))
					skip_parens(ps);
				else
					advance(ps);
			}
			return c;
		}
		parse_type(ps, &c->type);
		if (accept_kw(ps, "collate"))
			parse_ident(ps);
		list_add(&l, c);
		if (is_kw(ps, "not") && is_kw_at(ps, 1, "null")) {
			struct adv_ast *nn =
				alter_cmd(ps, cur(ps), ADV_ALTER_SET_NOT_NULL);

			advance(ps);
			advance(ps);
			nn->name = c->name;
			list_add(&l, nn);
		} else if (is_kw(ps, "null")) {
			struct adv_ast *nn =
				alter_cmd(ps, cur(ps), ADV_ALTER_DROP_NOT_NULL);

			advance(ps);
			nn->name = c->name;
			list_add(&l, nn);
		}
		accept_kw(ps, "sparse");
		if (is_kw(ps, "with") && is_op_at(ps, 1, "(")) {
			advance(ps);
			skip_parens(ps);
		}
		return l.head;
	}
	if (accept_kw(ps, "drop")) {
		/* DROP COLUMN a, b drops two columns: the kind carries on */
		int op = ADV_ALTER_DROP_CONSTRAINT;

		do {
			const struct adv_sql_token *e = cur(ps);
			struct adv_ast *c;

			if (accept_kw(ps, "column")) {
				op = ADV_ALTER_DROP_COLUMN;
			} else if (is_kw(ps, "period")) {
				list_add(&l, other_cmd(ps, e));
				continue;
			} else if (accept_kw(ps, "constraint")) {
				op = ADV_ALTER_DROP_CONSTRAINT;
			}
			c = alter_cmd(ps, e, op);
			accept_if_exists(ps, c);
			c->name = parse_ident(ps);
			if (is_kw(ps, "with") && is_op_at(ps, 1, "(")) {
				advance(ps);
				skip_parens(ps);
			}
			list_add(&l, c);
		} while (accept_op(ps, ","));
		return l.head;
	}
	return other_cmd(ps, t);
}

static struct adv_ast *parse_alter_table(struct parser *ps,
					 const struct adv_sql_token *start)
{
	struct adv_ast *n = new_node(ps, ADV_AST_ALTER_TABLE, start);
	struct list cmds = {NULL, NULL};

	expect_kw(ps, "table");
	accept_if_exists(ps, n);
	n->table = parse_table_name(ps);
	if (ps->dialect == ADV_DIALECT_MS) {
		list_add(&cmds, parse_ms_alter_cmds(ps));
	} else if (!at_end(ps) && !is_op(ps, ";")) {
		do {
			if (is_kw(ps, "partition") && is_kw_at(ps, 1, "by")) {
				n->flags |= ADV_ASTF_PARTITIONED;
				skip_partitioning(ps);
				break;
			}
			list_add(&cmds, parse_my_alter_cmd(ps));
		} while (accept_op(ps, ","));
	}
	n->cmds = cmds.head;
	return n;
}

static int object_type(const struct parser *ps, const struct adv_sql_token *t)
{
	static const struct {
		const char *word;
		int obj;
	} objs[] = {
		{"table", ADV_OBJ_TABLE},	  {"tables", ADV_OBJ_TABLE},
		{"view", ADV_OBJ_VIEW},		  {"index", ADV_OBJ_INDEX},
		{"database", ADV_OBJ_DATABASE},	  {"schema", ADV_OBJ_SCHEMA},
		{"procedure", ADV_OBJ_PROCEDURE}, {"proc", ADV_OBJ_PROCEDURE},
		{"function", ADV_OBJ_FUNCTION},	  {"trigger", ADV_OBJ_TRIGGER},
		{"sequence", ADV_OBJ_SEQUENCE},	  {"type", ADV_OBJ_TYPE},
	};
	size_t i;

	for (i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
		if (tok_word(ps, t, objs[i].word))
			return objs[i].obj;
	}
	return ADV_OBJ_OTHER;
}

static struct adv_ast *parse_drop(struct parser *ps)
{
	struct adv_ast *n = new_node(ps, ADV_AST_DROP, cur(ps));
	struct list l = {NULL, NULL};
	size_t temp_count = 0;

	expect_kw(ps, "drop");
	if (ps->dialect == ADV_DIALECT_MY && accept_kw(ps, "temporary"))
		n->flags |= ADV_ASTF_TEMPORARY;
	n->op = object_type(ps, cur(ps));
	if (n->op == ADV_OBJ_OTHER) {
		/* DROP USER, EVENT, ...: the object kind is all we keep */
		if (cur(ps)->kind != ADV_TOK_WORD)
			fail_here(ps);
		n->value = tok_lower(ps, cur(ps));
		advance(ps);
		skip_rest(ps, NULL);
		return n;
	}
	advance(ps);
	accept_if_exists(ps, n);
	do {
		struct qname q;
		struct adv_ast *t;

		parse_qname(ps, &q);
		t = table_from_qname(ps, &q);
		if (n->flags & ADV_ASTF_TEMPORARY)
			t->flags |= ADV_ASTF_TEMPORARY;
		if (t->flags & ADV_ASTF_TEMPORARY)
			temp_count++;
		if (n->op == ADV_OBJ_INDEX) {
			if (accept_kw(ps, "on")) {
				struct adv_ast *on = parse_table_name(ps);

				if (n->table == NULL)
					n->table = on;
			} else if (q.n >= 2 && n->table == NULL) {
				/* T-SQL DROP INDEX t.ix */
				struct adv_ast *on =
					new_node(ps, ADV_AST_TABLE, q.first);

				on->name = q.part[q.n - 2];
				on->schema = q.n >= 3 ? q.part[q.n - 3] : NULL;
				n->table = on;
				t->schema = NULL;
			}
		}
		list_add(&l, t);
	} while (accept_op(ps, ","));
	n->args = l.head;
	if (n->op == ADV_OBJ_TABLE && temp_count == adv_ast_list_len(n->args))
		n->flags |= ADV_ASTF_TEMPORARY; /* T-SQL: only #tables */
	if (accept_kw(ps, "cascade"))
		n->flags |= ADV_ASTF_CASCADE;
	else
		accept_kw(ps, "restrict");
	if (n->op == ADV_OBJ_INDEX && ps->dialect == ADV_DIALECT_MY) {
		while (is_kw(ps, "algorithm") || is_kw(ps, "lock")) {
			const struct adv_sql_token *t = cur(ps);

			advance(ps);
			append_list(&n->options,
				    option_node(ps, t, tok_lower(ps, t)));
		}
	}
	return n;
}

static struct adv_ast *parse_truncate(struct parser *ps)
{
	struct adv_ast *n = new_node(ps, ADV_AST_TRUNCATE, cur(ps));
	struct list l = {NULL, NULL};

	expect_kw(ps, "truncate");
	accept_kw(ps, "table");
	do {
		list_add(&l, parse_table_name(ps));
	} while (accept_op(ps, ","));
	n->args = l.head;
	if (accept_kw(ps, "cascade"))
		n->flags |= ADV_ASTF_CASCADE;
	return n;
}

/* MySQL RENAME TABLE a TO b, c TO d: one ALTER_TABLE per pair. */
static struct adv_ast *parse_rename(struct parser *ps)
{
	const struct adv_sql_token *start = cur(ps);
	struct list l = {NULL, NULL};

	expect_kw(ps, "rename");
	if (!accept_kw(ps, "table") && !accept_kw(ps, "tables")) {
		struct adv_ast *o = new_node(ps, ADV_AST_OTHER, start);

		o->value = "rename";
		skip_rest(ps, NULL);
		return o;
	}
	do {
		const struct adv_sql_token *t =
			l.head == NULL ? start : cur(ps);
		struct adv_ast *n = new_node(ps, ADV_AST_ALTER_TABLE, t);
		struct adv_ast *c;

		n->table = parse_table_name(ps);
		c = alter_cmd(ps, cur(ps), ADV_ALTER_RENAME_TABLE);
		expect_kw(ps, "to");
		c->table = parse_table_name(ps);
		c->alias = c->table->name;
		n->cmds = c;
		list_add(&l, n);
	} while (accept_op(ps, ","));
	return l.head;
}

/* ---- other statements ---- */

static struct adv_ast *parse_statement(struct parser *ps);

static struct adv_ast *other_node(struct parser *ps,
				  const struct adv_sql_token *t,
				  const char *value)
{
	struct adv_ast *n = new_node(ps, ADV_AST_OTHER, t);

	n->value = value;
	return n;
}

/* An OTHER statement known by its first word, the rest skipped. */
static struct adv_ast *skipped_stmt(struct parser *ps, const char *const *keep)
{
	struct adv_ast *n = other_node(ps, cur(ps), tok_lower(ps, cur(ps)));

	advance(ps);
	skip_rest(ps, keep);
	return n;
}

static const char *const block_end[] = {"end", NULL};
static const char *const my_if_end[] = {"elseif", "else", "end", NULL};
static const char *const my_case_end[] = {"when", "else", "end", NULL};
static const char *const my_repeat_end[] = {"until", NULL};

/*
 * Statements up to a word of stop (not consumed) or the end of the input:
 * the body of a block. Reaching the end is accepted, because a splitter
 * that cuts a stored program at its inner semicolons hands over the head
 * of a block without its END.
 */
static struct adv_ast *parse_stmt_list(struct parser *ps,
				       const char *const *stop)
{
	struct list l = {NULL, NULL};

	for (;;) {
		while (accept_op(ps, ";"))
			;
		if (at_end(ps) || (stop != NULL && word_in(ps, cur(ps), stop)))
			break;
		list_add(&l, parse_statement(ps));
	}
	return l.head;
}

/* END [IF|WHILE|LOOP|REPEAT|CASE|TRY|CATCH] [label] closing a block;
 * the end of the input is accepted for a cut-off block. */
static void parse_block_end(struct parser *ps, const char *what)
{
	if (at_end(ps))
		return;
	expect_kw(ps, "end");
	if (what != NULL)
		expect_kw(ps, what);
	if (ps->dialect == ADV_DIALECT_MY && is_plain_name(ps, cur(ps)))
		advance(ps); /* the label */
}

/* BEGIN ... END (T-SQL, MySQL compound statement), BEGIN TRY/CATCH. */
static struct adv_ast *parse_block(struct parser *ps)
{
	struct adv_ast *n = other_node(ps, cur(ps), "begin");
	const char *what = NULL;

	expect_kw(ps, "begin");
	if (ps->dialect == ADV_DIALECT_MS &&
	    (is_kw(ps, "try") || is_kw(ps, "catch"))) {
		what = is_kw(ps, "try") ? "try" : "catch";
		n->value = is_kw(ps, "try") ? "begin try" : "begin catch";
		advance(ps);
	}
	if (is_kw(ps, "not") && is_kw_at(ps, 1, "atomic")) {
		advance(ps);
		advance(ps);
	}
	ps->in_body++;
	n->sub = parse_stmt_list(ps, block_end);
	ps->in_body--;
	parse_block_end(ps, what);
	return n;
}

static struct adv_ast *txn_node(struct parser *ps,
				const struct adv_sql_token *t, int op)
{
	struct adv_ast *n = new_node(ps, ADV_AST_TRANSACTION, t);

	n->op = op;
	return n;
}

/* An optional T-SQL transaction name or @variable. */
static void parse_ms_txn_name(struct parser *ps, struct adv_ast *n)
{
	const struct adv_sql_token *t = cur(ps);

	if (t->kind == ADV_TOK_VARIABLE) {
		n->name = tok_lower(ps, t);
		advance(ps);
	} else if (is_plain_name(ps, t) && !ms_stmt_start(ps, t)) {
		n->name = ident_text(ps, t);
		advance(ps);
	}
}

static struct adv_ast *parse_begin(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n;

	if (ps->dialect == ADV_DIALECT_MS) {
		if (is_kw_at(ps, 1, "distributed") &&
		    (is_kw_at(ps, 2, "tran") ||
		     is_kw_at(ps, 2, "transaction"))) {
			advance(ps);
			advance(ps);
			advance(ps);
			n = txn_node(ps, t, ADV_TXN_BEGIN);
			parse_ms_txn_name(ps, n);
			return n;
		}
		if (is_kw_at(ps, 1, "tran") || is_kw_at(ps, 1, "transaction")) {
			advance(ps);
			advance(ps);
			n = txn_node(ps, t, ADV_TXN_BEGIN);
			parse_ms_txn_name(ps, n);
			if (is_kw(ps, "with") && is_kw_at(ps, 1, "mark")) {
				advance(ps);
				advance(ps);
				if (cur(ps)->kind == ADV_TOK_STRING)
					advance(ps);
			}
			return n;
		}
		if (is_kw_at(ps, 1, "dialog") ||
		    is_kw_at(ps, 1, "conversation"))
			return skipped_stmt(ps, NULL);
		return parse_block(ps);
	}
	if (ps->in_body > 0 ||
	    (is_kw_at(ps, 1, "not") && is_kw_at(ps, 2, "atomic")))
		return parse_block(ps);
	advance(ps);
	accept_kw(ps, "work");
	return txn_node(ps, t, ADV_TXN_BEGIN);
}

/* COMMIT / ROLLBACK in both dialects. */
static struct adv_ast *parse_commit_rollback(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	int commit = is_kw(ps, "commit");
	struct adv_ast *n =
		txn_node(ps, t, commit ? ADV_TXN_COMMIT : ADV_TXN_ROLLBACK);

	advance(ps);
	if (ps->dialect == ADV_DIALECT_MS) {
		if (accept_kw(ps, "tran") || accept_kw(ps, "transaction"))
			parse_ms_txn_name(ps, n);
		else
			accept_kw(ps, "work");
		if (commit && is_kw(ps, "with") && is_op_at(ps, 1, "(")) {
			advance(ps);
			skip_parens(ps);
		}
		return n;
	}
	accept_kw(ps, "work");
	if (!commit && accept_kw(ps, "to")) {
		accept_kw(ps, "savepoint");
		n->op = ADV_TXN_ROLLBACK_TO;
		n->name = parse_ident(ps);
		return n;
	}
	if (accept_kw(ps, "and")) {
		accept_kw(ps, "no");
		expect_kw(ps, "chain");
	}
	if (!accept_kw(ps, "release") && is_kw(ps, "no") &&
	    is_kw_at(ps, 1, "release")) {
		advance(ps);
		advance(ps);
	}
	return n;
}

/* The value of a SET as text: a string without quotes, anything else as
 * written, in lower case. */
static char *set_value_text(struct parser *ps, size_t from, size_t to,
			    const struct adv_ast *e)
{
	if (e != NULL && e->kind == ADV_AST_CONST &&
	    e->op == ADV_CONST_STRING && to == from + 1)
		return adv_ast_strndup_lower(ps->arena, e->value,
					     strlen(e->value));
	return text_between(ps, from, to);
}

/* SET TRANSACTION ISOLATION LEVEL x [, READ ONLY|WRITE], at ISOLATION
 * or READ. */
static struct adv_ast *parse_set_transaction(struct parser *ps,
					     const struct adv_sql_token *t)
{
	struct list l = {NULL, NULL};

	do {
		struct adv_ast *n = new_node(ps, ADV_AST_SET, t);
		size_t from;

		if (accept_kw(ps, "isolation")) {
			expect_kw(ps, "level");
			n->name = "transaction_isolation";
			from = ps->pos;
			if (accept_kw(ps, "read")) {
				if (!accept_kw(ps, "uncommitted"))
					expect_kw(ps, "committed");
			} else if (accept_kw(ps, "repeatable")) {
				expect_kw(ps, "read");
			} else if (!accept_kw(ps, "serializable")) {
				expect_kw(ps, "snapshot");
			}
			n->value = text_between(ps, from, ps->pos);
		} else {
			expect_kw(ps, "read");
			n->name = "transaction_read_only";
			n->value = accept_kw(ps, "only") ? "on" : "off";
			if (strcmp(n->value, "off") == 0)
				expect_kw(ps, "write");
		}
		list_add(&l, n);
	} while (ps->dialect == ADV_DIALECT_MY && accept_op(ps, ","));
	return l.head;
}

/* A variable name for SET: @x stays @x, @@[scope.]x becomes x. */
static const char *set_var_name(struct parser *ps, struct adv_ast *v)
{
	static const char *const scopes[] = {"global.",	      "session.",
					     "local.",	      "persist.",
					     "persist_only.", NULL};
	const char *s = v->value;
	size_t i;

	if (s[0] != '@' || s[1] != '@')
		return v->value;
	s += 2;
	for (i = 0; scopes[i] != NULL; i++) {
		size_t n = strlen(scopes[i]);

		if (strncmp(s, scopes[i], n) == 0) {
			s += n;
			break;
		}
	}
	return adv_ast_strdup(ps->arena, s);
}

/* One MySQL SET assignment: [scope] name = value. */
static struct adv_ast *parse_my_set_item(struct parser *ps,
					 const struct adv_sql_token *t)
{
	static const char *const scope_words[] = {
		"global", "session", "local", "persist", "persist_only", NULL};
	struct adv_ast *n = new_node(ps, ADV_AST_SET, t);
	size_t from;

	if (word_in(ps, cur(ps), scope_words) && !is_op_at(ps, 1, "=") &&
	    !is_op_at(ps, 1, ":="))
		advance(ps);
	if (cur(ps)->kind == ADV_TOK_VARIABLE) {
		n->name = set_var_name(ps, parse_primary(ps));
	} else {
		n->name = parse_ident(ps);
		if (accept_op(ps, "."))
			n->name = parse_ident(ps);
	}
	if (!accept_op(ps, ":="))
		expect_op(ps, "=");
	from = ps->pos;
	if (cur(ps)->kind == ADV_TOK_WORD &&
	    (is_op_at(ps, 1, ",") || is_op_at(ps, 1, ";") ||
	     peek(ps, 1)->kind == ADV_TOK_END)) {
		if (is_kw(ps, "default"))
			n->flags |= ADV_ASTF_RESET;
		n->value = tok_lower(ps, cur(ps));
		advance(ps);
		return n;
	}
	n->args = parse_expr(ps);
	n->value = set_value_text(ps, from, ps->pos, n->args);
	return n;
}

static struct adv_ast *parse_declare_cursor_rest(struct parser *ps,
						 struct adv_ast *n);

static struct adv_ast *parse_set(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct list l = {NULL, NULL};

	expect_kw(ps, "set");
	if (ps->dialect == ADV_DIALECT_MY) {
		if ((is_kw(ps, "global") || is_kw(ps, "session") ||
		     is_kw(ps, "local")) &&
		    is_kw_at(ps, 1, "transaction"))
			advance(ps);
		if (accept_kw(ps, "transaction"))
			return parse_set_transaction(ps, t);
		if (is_kw(ps, "names") || is_kw(ps, "charset") ||
		    (is_kw(ps, "character") && is_kw_at(ps, 1, "set"))) {
			struct adv_ast *n = new_node(ps, ADV_AST_SET, t);

			n->name = is_kw(ps, "names") ? "names" : "charset";
			if (accept_kw(ps, "character"))
				advance(ps);
			else
				advance(ps);
			if (cur(ps)->kind == ADV_TOK_STRING) {
				n->value = string_text(ps, cur(ps));
				n->value = adv_ast_strndup_lower(
					ps->arena, n->value, strlen(n->value));
			} else if (is_ident_tok(cur(ps))) {
				n->value = tok_lower(ps, cur(ps));
			} else {
				fail_here(ps);
			}
			advance(ps);
			if (accept_kw(ps, "collate"))
				advance(ps);
			return n;
		}
		if (is_kw(ps, "statement")) {
			/* MariaDB SET STATEMENT var = x, ... FOR stmt */
			struct adv_ast *o = other_node(ps, t, "set statement");

			advance(ps);
			while (!at_end(ps) && !is_kw(ps, "for")) {
				if (is_op(ps, "("))
					skip_parens(ps);
				else
					advance(ps);
			}
			expect_kw(ps, "for");
			o->sub = parse_statement(ps);
			return o;
		}
		if (is_kw(ps, "password") || is_kw(ps, "role") ||
		    is_kw(ps, "default") || is_kw(ps, "resource")) {
			struct adv_ast *o = other_node(ps, t, "set");

			skip_rest(ps, NULL);
			return o;
		}
		do {
			list_add(&l, parse_my_set_item(ps, t));
		} while (accept_op(ps, ","));
		return l.head;
	}
	/* T-SQL */
	if (cur(ps)->kind == ADV_TOK_VARIABLE) {
		struct adv_ast *n = new_node(ps, ADV_AST_SET, t);
		size_t from;

		n->name = tok_lower(ps, cur(ps));
		advance(ps);
		if (!is_assign_op(ps, cur(ps)))
			fail_here(ps);
		advance(ps);
		if (is_kw(ps, "cursor")) {
			struct adv_ast *c =
				new_node(ps, ADV_AST_DECLARE_CURSOR, t);

			c->name = n->name;
			advance(ps);
			return parse_declare_cursor_rest(ps, c);
		}
		from = ps->pos;
		n->args = parse_expr(ps);
		n->value = set_value_text(ps, from, ps->pos, n->args);
		return n;
	}
	if (accept_kw(ps, "transaction"))
		return parse_set_transaction(ps, t);
	{
		struct list names = {NULL, NULL};
		struct adv_ast *n;
		const char *value;
		size_t from;

		do {
			const struct adv_sql_token *w = cur(ps);

			n = new_node(ps, ADV_AST_SET, t);
			if (w->kind != ADV_TOK_WORD)
				fail_here(ps);
			n->name = tok_lower(ps, w);
			advance(ps);
			if (strcmp(n->name, "statistics") == 0 &&
			    cur(ps)->kind == ADV_TOK_WORD) {
				size_t cap = strlen("statistics ") +
					     cur(ps)->length + 1;
				char *name = adv_ast_alloc(ps->arena, cap);

				snprintf(name, cap, "statistics %s",
					 tok_lower(ps, cur(ps)));
				n->name = name;
				advance(ps);
			} else if (strcmp(n->name, "identity_insert") == 0) {
				struct qname q;

				parse_qname(ps, &q);
				n->args = table_from_qname(ps, &q);
			}
			list_add(&names, n);
		} while (accept_op(ps, ","));
		from = ps->pos;
		if (accept_op(ps, "-") || accept_op(ps, "+")) {
			if (cur(ps)->kind != ADV_TOK_NUMBER)
				fail_here(ps);
		}
		if (at_end(ps) || is_op(ps, ";"))
			fail_here(ps);
		if (cur(ps)->kind == ADV_TOK_STRING) {
			char *s = string_text(ps, cur(ps));

			value = adv_ast_strndup_lower(ps->arena, s, strlen(s));
		} else {
			value = NULL;
		}
		advance(ps);
		if (value == NULL)
			value = text_between(ps, from, ps->pos);
		for (n = names.head; n != NULL; n = n->next)
			n->value = value;
		return names.head;
	}
}

static const char *const cursor_options[] = {"local",	     "global",
					     "forward_only", "scroll",
					     "static",	     "keyset",
					     "dynamic",	     "fast_forward",
					     "read_only",    "scroll_locks",
					     "optimistic",   "type_warning",
					     "insensitive",  NULL};

/* [options] FOR query [FOR READ ONLY | FOR UPDATE [OF ...]] after CURSOR. */
static struct adv_ast *parse_declare_cursor_rest(struct parser *ps,
						 struct adv_ast *n)
{
	while (word_in(ps, cur(ps), cursor_options))
		advance(ps);
	expect_kw(ps, "for");
	n->sub = parse_query(ps);
	if (is_kw(ps, "for") && is_kw_at(ps, 1, "read") &&
	    is_kw_at(ps, 2, "only")) {
		advance(ps);
		advance(ps);
		advance(ps);
	}
	return n;
}

static struct adv_ast *parse_declare(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n;
	struct list inits = {NULL, NULL};

	expect_kw(ps, "declare");
	/* DECLARE c [INSENSITIVE] [SCROLL] CURSOR ... FOR query */
	if (is_ident_tok(cur(ps))) {
		size_t i = 1;

		while (word_in(ps, peek(ps, i), cursor_options))
			i++;
		if (is_kw_at(ps, i, "cursor")) {
			n = new_node(ps, ADV_AST_DECLARE_CURSOR, t);
			n->name = parse_ident(ps);
			while (!accept_kw(ps, "cursor"))
				advance(ps);
			return parse_declare_cursor_rest(ps, n);
		}
	}
	n = other_node(ps, t, "declare");
	if (ps->dialect == ADV_DIALECT_MY) {
		if (is_kw(ps, "continue") || is_kw(ps, "exit") ||
		    is_kw(ps, "undo")) {
			/* DECLARE ... HANDLER FOR conditions statement */
			advance(ps);
			expect_kw(ps, "handler");
			expect_kw(ps, "for");
			do {
				if (accept_kw(ps, "sqlstate")) {
					accept_kw(ps, "value");
					advance(ps);
				} else if (accept_kw(ps, "not")) {
					expect_kw(ps, "found");
				} else if (cur(ps)->kind == ADV_TOK_NUMBER ||
					   is_ident_tok(cur(ps))) {
					advance(ps);
				} else {
					fail_here(ps);
				}
			} while (accept_op(ps, ","));
			ps->in_body++;
			n->sub = parse_statement(ps);
			ps->in_body--;
			return n;
		}
		do {
			parse_ident(ps);
		} while (accept_op(ps, ","));
		if (accept_kw(ps, "condition")) {
			skip_rest(ps, NULL);
			return n;
		}
		{
			struct adv_ast_type ty;

			parse_type(ps, &ty);
		}
		skip_charset_collate(ps);
		if (accept_kw(ps, "default"))
			n->args = parse_expr(ps);
		return n;
	}
	do {
		const struct adv_sql_token *v = cur(ps);

		if (v->kind != ADV_TOK_VARIABLE)
			fail_here(ps);
		advance(ps);
		accept_kw(ps, "as");
		if (accept_kw(ps, "table")) {
			skip_parens(ps);
		} else if (accept_kw(ps, "cursor")) {
			continue;
		} else {
			struct adv_ast_type ty;

			parse_type(ps, &ty);
			if (accept_op(ps, "="))
				list_add(&inits, parse_expr(ps));
		}
	} while (accept_op(ps, ","));
	n->args = inits.head;
	return n;
}

/* IF: T-SQL IF cond stmt [ELSE stmt]; MySQL IF cond THEN ... END IF. */
static struct adv_ast *parse_if(struct parser *ps)
{
	struct adv_ast *n = other_node(ps, cur(ps), "if");
	struct list conds = {NULL, NULL}, body = {NULL, NULL};

	expect_kw(ps, "if");
	list_add(&conds, parse_expr(ps));
	if (ps->dialect == ADV_DIALECT_MS) {
		list_add(&body, parse_statement(ps));
		while (is_op(ps, ";") && is_kw_at(ps, 1, "else"))
			advance(ps);
		if (accept_kw(ps, "else"))
			list_add(&body, parse_statement(ps));
	} else {
		expect_kw(ps, "then");
		list_add(&body, parse_stmt_list(ps, my_if_end));
		while (accept_kw(ps, "elseif")) {
			list_add(&conds, parse_expr(ps));
			expect_kw(ps, "then");
			list_add(&body, parse_stmt_list(ps, my_if_end));
		}
		if (accept_kw(ps, "else"))
			list_add(&body, parse_stmt_list(ps, my_if_end));
		parse_block_end(ps, "if");
	}
	n->args = conds.head;
	n->sub = body.head;
	return n;
}

/* WHILE: T-SQL WHILE cond stmt; MySQL WHILE cond DO ... END WHILE. */
static struct adv_ast *parse_while(struct parser *ps)
{
	struct adv_ast *n = other_node(ps, cur(ps), "while");

	expect_kw(ps, "while");
	n->args = parse_expr(ps);
	if (ps->dialect == ADV_DIALECT_MS) {
		n->sub = parse_statement(ps);
		return n;
	}
	expect_kw(ps, "do");
	n->sub = parse_stmt_list(ps, block_end);
	parse_block_end(ps, "while");
	return n;
}

/* MySQL LOOP ... END LOOP and REPEAT ... UNTIL cond END REPEAT. */
static struct adv_ast *parse_my_loop(struct parser *ps)
{
	int repeat = is_kw(ps, "repeat");
	struct adv_ast *n = other_node(ps, cur(ps), repeat ? "repeat" : "loop");

	advance(ps);
	n->sub = parse_stmt_list(ps, repeat ? my_repeat_end : block_end);
	if (repeat && accept_kw(ps, "until"))
		n->args = parse_expr(ps);
	parse_block_end(ps, repeat ? "repeat" : "loop");
	return n;
}

/* MySQL CASE statement: CASE [x] WHEN v THEN stmts ... END CASE. */
static struct adv_ast *parse_my_case_stmt(struct parser *ps)
{
	struct adv_ast *n = other_node(ps, cur(ps), "case");
	struct list conds = {NULL, NULL}, body = {NULL, NULL};

	expect_kw(ps, "case");
	if (!is_kw(ps, "when"))
		list_add(&conds, parse_expr(ps));
	while (accept_kw(ps, "when")) {
		list_add(&conds, parse_expr(ps));
		expect_kw(ps, "then");
		list_add(&body, parse_stmt_list(ps, my_case_end));
	}
	if (accept_kw(ps, "else"))
		list_add(&body, parse_stmt_list(ps, my_case_end));
	parse_block_end(ps, "case");
	n->args = conds.head;
	n->sub = body.head;
	return n;
}

/* A piece of a block cut off by a splitter: END ..., ELSE ..., ELSEIF
 * ..., UNTIL ...: OTHER nodes with what they hold. */
static struct adv_ast *parse_block_fragment(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n = other_node(ps, t, tok_lower(ps, t));

	advance(ps);
	if (tok_word(ps, t, "end")) {
		if (is_kw(ps, "if") || is_kw(ps, "while") ||
		    is_kw(ps, "loop") || is_kw(ps, "repeat") ||
		    is_kw(ps, "case") || is_kw(ps, "try") || is_kw(ps, "catch"))
			advance(ps);
		if (ps->dialect == ADV_DIALECT_MY && is_plain_name(ps, cur(ps)))
			advance(ps);
	} else if (tok_word(ps, t, "else")) {
		if (ps->dialect == ADV_DIALECT_MS)
			n->sub = parse_statement(ps);
		else
			n->sub = parse_stmt_list(ps, my_if_end);
	} else {
		/* ELSEIF cond THEN stmts, UNTIL cond */
		n->args = parse_expr(ps);
		if (accept_kw(ps, "then"))
			n->sub = parse_stmt_list(ps, my_if_end);
	}
	return n;
}

/* A T-SQL sp_rename string 'schema.table.column': its parts. */
static int split_object_name(struct parser *ps, const char *s, char **part,
			     int max)
{
	int n = 0;

	while (n < max) {
		const char *start = s;
		size_t len;

		if (*s == '[' || *s == '"') {
			char close = *s == '[' ? ']' : '"';
			const char *end = strchr(s + 1, close);

			if (end == NULL)
				return 0;
			part[n++] = adv_ast_strndup(ps->arena, s + 1,
						    (size_t)(end - s - 1));
			s = end + 1;
		} else {
			while (*s != '\0' && *s != '.')
				s++;
			len = (size_t)(s - start);
			if (len == 0)
				return 0;
			part[n++] =
				adv_ast_strndup_lower(ps->arena, start, len);
		}
		if (*s == '\0')
			return n;
		if (*s != '.')
			return 0;
		s++;
	}
	return 0;
}

/* EXEC sp_rename 'a', 'b' [, 'COLUMN'|'INDEX'|'OBJECT']: an ALTER_TABLE
 * with a rename command, or NULL when the arguments are not literals. */
static struct adv_ast *sp_rename(struct parser *ps, int loc,
				 struct adv_ast **arg, const char **argname,
				 int nargs)
{
	const char *objname = NULL, *newname = NULL, *objtype = NULL;
	const char **slot[3];
	char *part[4];
	int i, n, pos = 0;
	struct adv_ast *alter, *c;

	slot[0] = &objname;
	slot[1] = &newname;
	slot[2] = &objtype;
	for (i = 0; i < nargs; i++) {
		const char **dst = NULL;

		if (arg[i]->kind != ADV_AST_CONST ||
		    arg[i]->op != ADV_CONST_STRING)
			return NULL;
		if (argname[i] == NULL) {
			if (pos < 3)
				dst = slot[pos++];
		} else if (strcmp(argname[i], "@objname") == 0) {
			dst = &objname;
		} else if (strcmp(argname[i], "@newname") == 0) {
			dst = &newname;
		} else if (strcmp(argname[i], "@objtype") == 0) {
			dst = &objtype;
		}
		if (dst == NULL)
			return NULL;
		*dst = arg[i]->value;
	}
	if (objname == NULL || newname == NULL)
		return NULL;
	n = split_object_name(ps, objname, part, 4);
	if (n == 0)
		return NULL;
	alter = new_at(ps, ADV_AST_ALTER_TABLE, loc);
	alter->table = new_at(ps, ADV_AST_TABLE, loc);
	c = new_at(ps, ADV_AST_ALTER_CMD, loc);
	alter->cmds = c;
	if (objtype == NULL || strcasecmp(objtype, "object") == 0) {
		alter->table->name = part[n - 1];
		alter->table->schema = n >= 2 ? part[n - 2] : NULL;
		c->op = ADV_ALTER_RENAME_TABLE;
		c->table = new_at(ps, ADV_AST_TABLE, loc);
		c->table->name = adv_ast_strndup_lower(ps->arena, newname,
						       strlen(newname));
		c->alias = c->table->name;
		return alter;
	}
	if (n < 2)
		return NULL;
	alter->table->name = part[n - 2];
	alter->table->schema = n >= 3 ? part[n - 3] : NULL;
	c->name = part[n - 1];
	c->alias = adv_ast_strndup_lower(ps->arena, newname, strlen(newname));
	if (strcasecmp(objtype, "column") == 0) {
		c->op = ADV_ALTER_RENAME_COLUMN;
	} else if (strcasecmp(objtype, "index") == 0) {
		c->op = ADV_ALTER_OTHER;
		c->value = "rename index";
	} else {
		return NULL;
	}
	return alter;
}

#define MAX_EXEC_ARGS 8

/* T-SQL EXEC[UTE] [@ret =] proc [args] | EXEC ('sql'); MySQL CALL p(args)
 * and EXECUTE stmt [USING ...]. */
static struct adv_ast *parse_exec(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n;
	struct list args = {NULL, NULL};
	struct adv_ast *arg[MAX_EXEC_ARGS];
	const char *argname[MAX_EXEC_ARGS];
	int nargs = 0;
	struct qname q;

	if (accept_kw(ps, "call")) {
		n = new_node(ps, ADV_AST_CALL, t);
		parse_qname(ps, &q);
		n->name = qname_last(&q);
		n->schema = qname_schema(&q);
		if (accept_op(ps, "(")) {
			if (!is_op(ps, ")"))
				n->args = parse_expr_list(ps);
			expect_op(ps, ")");
		}
		return n;
	}
	if (ps->dialect == ADV_DIALECT_MY)
		return skipped_stmt(ps, NULL);
	advance(ps);
	if (is_op(ps, "(")) {
		/* dynamic SQL */
		n = other_node(ps, t, "exec");
		advance(ps);
		n->args = parse_expr_list(ps);
		expect_op(ps, ")");
		if (accept_kw(ps, "as")) {
			advance(ps);
			expect_op(ps, "=");
			advance(ps);
		}
		if (accept_kw(ps, "at"))
			parse_ident(ps);
		return n;
	}
	if (is_kw(ps, "as")) {
		/* EXECUTE AS USER = '...': a context switch, not a call */
		ps->pos = (size_t)(t - ps->toks);
		return skipped_stmt(ps, NULL);
	}
	if (cur(ps)->kind == ADV_TOK_VARIABLE && is_op_at(ps, 1, "=")) {
		advance(ps);
		advance(ps);
	}
	n = new_node(ps, ADV_AST_CALL, t);
	if (cur(ps)->kind == ADV_TOK_VARIABLE) {
		n->name = tok_lower(ps, cur(ps));
		advance(ps);
	} else {
		parse_qname(ps, &q);
		n->name = qname_last(&q);
		n->schema = qname_schema(&q);
	}
	if (!at_stmt_end(ps) && !is_kw(ps, "with") && !is_op(ps, ")")) {
		do {
			const char *name = NULL;
			struct adv_ast *e;

			if (cur(ps)->kind == ADV_TOK_VARIABLE &&
			    is_op_at(ps, 1, "=")) {
				name = tok_lower(ps, cur(ps));
				advance(ps);
				advance(ps);
			}
			e = parse_expr(ps);
			if (!accept_kw(ps, "output"))
				accept_kw(ps, "out");
			if (nargs < MAX_EXEC_ARGS) {
				arg[nargs] = e;
				argname[nargs] = name;
			}
			nargs++;
			list_add(&args, e);
		} while (accept_op(ps, ","));
	}
	n->args = args.head;
	if (is_kw(ps, "with") &&
	    (is_kw_at(ps, 1, "recompile") || is_kw_at(ps, 1, "result"))) {
		advance(ps);
		if (!accept_kw(ps, "recompile")) {
			advance(ps);
			while (!at_stmt_end(ps)) {
				if (is_op(ps, "("))
					skip_parens(ps);
				else
					advance(ps);
			}
		}
	}
	if (strcmp(n->name, "sp_rename") == 0 && nargs <= MAX_EXEC_ARGS &&
	    (n->schema == NULL || strcmp(n->schema, "sys") == 0 ||
	     strcmp(n->schema, "dbo") == 0)) {
		struct adv_ast *alter =
			sp_rename(ps, n->loc, arg, argname, nargs);

		if (alter != NULL)
			return alter;
	}
	return n;
}

/* GRANT/REVOKE/DENY: skipped; in a T-SQL batch up to TO/FROM and the
 * grantees, because the privilege list holds statement words. */
static struct adv_ast *parse_grant(struct parser *ps)
{
	struct adv_ast *n = other_node(ps, cur(ps), tok_lower(ps, cur(ps)));

	advance(ps);
	if (ps->dialect == ADV_DIALECT_MY) {
		skip_rest(ps, NULL);
		return n;
	}
	while (!at_end(ps) && !is_op(ps, ";") && !is_kw(ps, "to") &&
	       !is_kw(ps, "from"))
		advance(ps);
	if (accept_kw(ps, "to") || accept_kw(ps, "from")) {
		do {
			parse_ident(ps);
		} while (accept_op(ps, ","));
		if (is_kw(ps, "with") && is_kw_at(ps, 1, "grant")) {
			advance(ps);
			advance(ps);
			expect_kw(ps, "option");
		}
		accept_kw(ps, "cascade");
		if (accept_kw(ps, "as"))
			parse_ident(ps);
	}
	return n;
}

/* EXPLAIN/DESCRIBE: EXPLAIN of a statement, or OTHER for a table. */
static struct adv_ast *parse_explain(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n;

	advance(ps);
	for (;;) {
		if (accept_kw(ps, "format")) {
			expect_op(ps, "=");
			parse_ident(ps);
		} else if (!accept_kw(ps, "analyze") &&
			   !accept_kw(ps, "extended") &&
			   !accept_kw(ps, "partitions")) {
			break;
		}
	}
	if (is_kw(ps, "select") || is_kw(ps, "with") || is_kw(ps, "insert") ||
	    is_kw(ps, "replace") || is_kw(ps, "update") ||
	    is_kw(ps, "delete") || is_kw(ps, "table") || is_op(ps, "(")) {
		n = new_node(ps, ADV_AST_EXPLAIN, t);
		n->sub = parse_statement(ps);
		return n;
	}
	n = other_node(ps, t, tok_lower(ps, t));
	skip_rest(ps, NULL);
	return n;
}

/* An OTHER statement whose arguments are expressions: PRINT, RETURN,
 * DO, THROW, RAISERROR, WAITFOR. */
static struct adv_ast *parse_expr_stmt(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n = other_node(ps, t, tok_lower(ps, t));

	advance(ps);
	if (tok_word(ps, t, "waitfor")) {
		if (!accept_kw(ps, "delay") && !accept_kw(ps, "time")) {
			skip_rest(ps, NULL);
			return n;
		}
	}
	if (tok_word(ps, t, "raiserror") && accept_op(ps, "(")) {
		n->args = parse_expr_list(ps);
		expect_op(ps, ")");
		if (accept_kw(ps, "with")) {
			do {
				parse_ident(ps);
			} while (accept_op(ps, ","));
		}
		return n;
	}
	if (at_stmt_end(ps) || is_kw(ps, "end") || is_kw(ps, "else"))
		return n;
	n->args = parse_expr_list(ps);
	return n;
}

/* USE db, OPEN c, CLOSE c, DEALLOCATE c, GOTO l, LEAVE l, ITERATE l,
 * SAVEPOINT / SAVE TRAN / RELEASE SAVEPOINT. */
static struct adv_ast *parse_named_stmt(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	struct adv_ast *n;

	if (tok_word(ps, t, "savepoint") || tok_word(ps, t, "save") ||
	    tok_word(ps, t, "release")) {
		int op = tok_word(ps, t, "release") ? ADV_TXN_RELEASE
						    : ADV_TXN_SAVEPOINT;

		n = txn_node(ps, t, op);
		advance(ps);
		if (op == ADV_TXN_RELEASE)
			expect_kw(ps, "savepoint");
		else if (tok_word(ps, t, "save") && !accept_kw(ps, "tran"))
			expect_kw(ps, "transaction");
		if (cur(ps)->kind == ADV_TOK_VARIABLE) {
			n->name = tok_lower(ps, cur(ps));
			advance(ps);
		} else {
			n->name = parse_ident(ps);
		}
		return n;
	}
	n = other_node(ps, t, tok_lower(ps, t));
	advance(ps);
	if (tok_word(ps, t, "deallocate") && ps->dialect == ADV_DIALECT_MY)
		expect_kw(ps, "prepare");
	if (tok_word(ps, t, "open") || tok_word(ps, t, "close") ||
	    tok_word(ps, t, "deallocate"))
		accept_kw(ps, "global");
	if (cur(ps)->kind == ADV_TOK_VARIABLE) {
		n->name = tok_lower(ps, cur(ps));
		advance(ps);
	} else {
		n->name = parse_ident(ps);
	}
	return n;
}

/*
 * MySQL ANALYZE/OPTIMIZE/CHECK/REPAIR/CHECKSUM TABLE t, ... and LOCK
 * TABLES t READ, ...: OTHER with the tables in table; the rest skipped.
 */
static struct adv_ast *parse_table_stmt(struct parser *ps)
{
	struct adv_ast *n = other_node(ps, cur(ps), tok_lower(ps, cur(ps)));
	struct list l = {NULL, NULL};
	int lock = is_kw(ps, "lock");

	advance(ps);
	if (!accept_kw(ps, "no_write_to_binlog"))
		accept_kw(ps, "local");
	if (!accept_kw(ps, "table") && !accept_kw(ps, "tables")) {
		skip_rest(ps, NULL);
		return n;
	}
	do {
		struct adv_ast *t = parse_table_name(ps);

		if (lock) {
			if (!is_kw(ps, "read") && !is_kw(ps, "write") &&
			    !is_kw(ps, "low_priority"))
				parse_alias(ps, t, 0);
			if (accept_kw(ps, "read")) {
				accept_kw(ps, "local");
			} else {
				accept_kw(ps, "low_priority");
				expect_kw(ps, "write");
			}
		}
		list_add(&l, t);
	} while (accept_op(ps, ","));
	n->table = l.head;
	skip_rest(ps, NULL);
	return n;
}

/* T-SQL MERGE: skipped to its ';', which T-SQL requires (its WHEN
 * clauses hold UPDATE, INSERT and DELETE). */
static struct adv_ast *parse_merge(struct parser *ps)
{
	struct adv_ast *n = other_node(ps, cur(ps), "merge");

	advance(ps);
	while (!at_end(ps) && !is_op(ps, ";"))
		advance(ps);
	return n;
}

static const char *const skipped_words[] = {
	"show",	      "flush",	 "kill",       "handler",     "load",
	"purge",      "reset",	 "install",    "uninstall",   "help",
	"binlog",     "cache",	 "stop",       "change",      "shutdown",
	"restart",    "import",	 "clone",      "xa",	      "signal",
	"resignal",   "get",	 "prepare",    "dbcc",	      "backup",
	"restore",    "bulk",	 "checkpoint", "reconfigure", "revert",
	"setuser",    "enable",	 "disable",    "readtext",    "writetext",
	"updatetext", "send",	 "receive",    "move",	      "lock",
	"unlock",     "analyze", "optimize",   "check",	      "repair",
	"checksum",   "fetch",	 "start",      "execute",     "break",
	"continue",   NULL};

/* ---- CREATE and ALTER dispatch, stored programs ---- */

/* MySQL DEFINER = user: 'u'@'h', u@h, `u`@`h`, CURRENT_USER[()]. */
static void skip_definer(struct parser *ps)
{
	expect_op(ps, "=");
	if (accept_kw(ps, "current_user")) {
		if (accept_op(ps, "("))
			expect_op(ps, ")");
		return;
	}
	if (!is_ident_tok(cur(ps)) && cur(ps)->kind != ADV_TOK_STRING)
		fail_here(ps);
	advance(ps);
	if (cur(ps)->kind == ADV_TOK_VARIABLE)
		advance(ps);
}

/* ALGORITHM = x, DEFINER = u, SQL SECURITY x before VIEW/PROCEDURE. */
static int skip_view_prefix(struct parser *ps)
{
	if (ps->dialect != ADV_DIALECT_MY)
		return 0;
	if (accept_kw(ps, "algorithm")) {
		expect_op(ps, "=");
		parse_ident(ps);
		return 1;
	}
	if (accept_kw(ps, "definer")) {
		skip_definer(ps);
		return 1;
	}
	if (is_kw(ps, "sql") && is_kw_at(ps, 1, "security")) {
		advance(ps);
		advance(ps);
		parse_ident(ps);
		return 1;
	}
	return 0;
}

static struct adv_ast *body_stmt_fn(struct parser *ps, void *arg)
{
	struct adv_ast *body;

	(void)arg;
	ps->in_body++;
	if (ps->dialect == ADV_DIALECT_MS) {
		body = parse_stmt_list(ps, NULL);
	} else {
		body = parse_statement(ps);
		if (!at_end(ps) && !is_op(ps, ";"))
			fail_here(ps);
	}
	ps->in_body--;
	return body;
}

/* MySQL routine characteristics. */
static void skip_characteristics(struct parser *ps)
{
	for (;;) {
		if (accept_kw(ps, "comment")) {
			if (cur(ps)->kind != ADV_TOK_STRING)
				fail_here(ps);
			advance(ps);
		} else if (accept_kw(ps, "language")) {
			parse_ident(ps);
		} else if (accept_kw(ps, "deterministic")) {
			continue;
		} else if (is_kw(ps, "not") &&
			   is_kw_at(ps, 1, "deterministic")) {
			advance(ps);
			advance(ps);
		} else if (is_kw(ps, "contains") || is_kw(ps, "reads") ||
			   is_kw(ps, "modifies")) {
			advance(ps);
			expect_kw(ps, "sql");
			accept_kw(ps, "data");
		} else if (is_kw(ps, "no") && is_kw_at(ps, 1, "sql")) {
			advance(ps);
			advance(ps);
		} else if (is_kw(ps, "sql") && is_kw_at(ps, 1, "security")) {
			advance(ps);
			advance(ps);
			parse_ident(ps);
		} else {
			return;
		}
	}
}

/*
 * CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT: a CREATE_OTHER with the name
 * and, when it parses, the body statements in sub. A body that does not
 * parse is skipped to the end of the input (where a T-SQL body ends
 * anyway), so that the name is always there for the rules.
 */
static struct adv_ast *parse_routine(struct parser *ps,
				     const struct adv_sql_token *start,
				     unsigned flags)
{
	struct adv_ast *n = new_node(ps, ADV_AST_CREATE_OTHER, start);
	const struct adv_sql_token *kind = cur(ps);
	struct qname q;
	int ok;

	n->flags = flags;
	if (tok_word(ps, kind, "event")) {
		n->op = ADV_OBJ_OTHER;
		n->value = "event";
	} else {
		n->op = object_type(ps, kind);
	}
	advance(ps);
	accept_if_not_exists(ps, n);
	parse_qname(ps, &q);
	n->name = qname_last(&q);
	n->schema = qname_schema(&q);
	if (ps->dialect == ADV_DIALECT_MY) {
		if (n->op == ADV_OBJ_TRIGGER) {
			if (!accept_kw(ps, "before"))
				expect_kw(ps, "after");
			advance(ps); /* INSERT, UPDATE, DELETE */
			expect_kw(ps, "on");
			n->table = parse_table_name(ps);
			expect_kw(ps, "for");
			expect_kw(ps, "each");
			expect_kw(ps, "row");
			if (accept_kw(ps, "follows") ||
			    accept_kw(ps, "precedes"))
				parse_ident(ps);
		} else if (n->op == ADV_OBJ_OTHER) {
			while (!at_end(ps) && !is_kw(ps, "do"))
				advance(ps);
			expect_kw(ps, "do");
		} else {
			if (is_op(ps, "("))
				skip_parens(ps);
			if (accept_kw(ps, "returns")) {
				struct adv_ast_type ty;

				parse_type(ps, &ty);
				skip_charset_collate(ps);
			}
			skip_characteristics(ps);
		}
	} else {
		/* the header up to the AS that starts the body */
		for (;;) {
			if (at_end(ps))
				return n;
			if ((is_kw(ps, "execute") || is_kw(ps, "exec")) &&
			    is_kw_at(ps, 1, "as")) {
				advance(ps);
				advance(ps);
				advance(ps);
				continue;
			}
			if (is_op(ps, "(")) {
				ps->pos = after_parens(ps, ps->pos);
				continue;
			}
			if (n->op == ADV_OBJ_TRIGGER && n->table == NULL &&
			    is_kw(ps, "on") && is_ident_tok(peek(ps, 1))) {
				advance(ps);
				n->table = parse_table_name(ps);
				continue;
			}
			if (is_kw(ps, "as") &&
			    (ms_stmt_start(ps, peek(ps, 1)) ||
			     peek(ps, 1)->kind == ADV_TOK_END ||
			     is_op_at(ps, 1, "("))) {
				advance(ps);
				break;
			}
			advance(ps);
		}
	}
	n->sub = try_parse(ps, body_stmt_fn, NULL, &ok);
	if (!ok)
		ps->pos = ps->ntoks;
	return n;
}

static struct adv_ast *parse_create(struct parser *ps)
{
	const struct adv_sql_token *start = cur(ps);
	const struct adv_sql_token *t;
	unsigned flags = 0;
	const char *method = NULL;
	int ms = ps->dialect == ADV_DIALECT_MS;
	struct adv_ast *n;

	expect_kw(ps, "create");
	if (accept_kw(ps, "or")) {
		if (!accept_kw(ps, "replace"))
			expect_kw(ps, "alter");
		flags |= ADV_ASTF_OR_REPLACE;
	}
	for (;;) {
		if (skip_view_prefix(ps))
			continue;
		if (accept_kw(ps, "temporary") || accept_kw(ps, "temp")) {
			flags |= ADV_ASTF_TEMPORARY;
		} else if (accept_kw(ps, "unique")) {
			flags |= ADV_ASTF_UNIQUE;
		} else if (is_kw(ps, "fulltext") || is_kw(ps, "spatial") ||
			   (ms && is_kw(ps, "xml")) ||
			   (ms && is_kw(ps, "columnstore"))) {
			method = tok_lower(ps, cur(ps));
			advance(ps);
		} else if (ms && is_kw(ps, "clustered")) {
			if (method == NULL)
				method = "clustered";
			advance(ps);
		} else if ((ms && (accept_kw(ps, "nonclustered") ||
				   accept_kw(ps, "primary"))) ||
			   (!ms && (accept_kw(ps, "online") ||
				    accept_kw(ps, "offline") ||
				    accept_kw(ps, "aggregate")))) {
			continue;
		} else {
			break;
		}
	}
	t = cur(ps);
	if (tok_word(ps, t, "table"))
		return parse_create_table(ps, start, flags);
	if (tok_word(ps, t, "index"))
		return parse_create_index(ps, start, flags & ADV_ASTF_UNIQUE,
					  method);
	if (tok_word(ps, t, "view"))
		return parse_create_view(ps, start, flags);
	if (tok_word(ps, t, "procedure") || tok_word(ps, t, "proc") ||
	    tok_word(ps, t, "function") || tok_word(ps, t, "trigger") ||
	    tok_word(ps, t, "event"))
		return parse_routine(ps, start, flags);
	if (t->kind != ADV_TOK_WORD)
		fail_here(ps);
	n = new_node(ps, ADV_AST_CREATE_OTHER, start);
	n->flags = flags;
	n->op = object_type(ps, t);
	if (n->op == ADV_OBJ_OTHER)
		n->value = tok_lower(ps, t);
	advance(ps);
	accept_if_not_exists(ps, n);
	if (is_ident_tok(cur(ps))) {
		struct qname q;

		parse_qname(ps, &q);
		n->name = qname_last(&q);
		n->schema = qname_schema(&q);
	} else if (cur(ps)->kind == ADV_TOK_STRING) {
		n->name = string_text(ps, cur(ps));
		advance(ps);
	}
	skip_rest(ps, NULL);
	return n;
}

static struct adv_ast *parse_alter(struct parser *ps)
{
	static const char *const keep[] = {"set", "with", NULL};
	const struct adv_sql_token *start = cur(ps);
	const struct adv_sql_token *t;
	struct adv_ast *n;
	size_t cap;
	char *value;

	expect_kw(ps, "alter");
	if (ps->dialect == ADV_DIALECT_MY) {
		while (accept_kw(ps, "online") || accept_kw(ps, "offline") ||
		       accept_kw(ps, "ignore") || skip_view_prefix(ps))
			;
	}
	t = cur(ps);
	if (tok_word(ps, t, "table"))
		return parse_alter_table(ps, start);
	if (tok_word(ps, t, "view"))
		return parse_create_view(ps, start, ADV_ASTF_OR_REPLACE);
	if (ps->dialect == ADV_DIALECT_MS &&
	    (tok_word(ps, t, "procedure") || tok_word(ps, t, "proc") ||
	     tok_word(ps, t, "function") || tok_word(ps, t, "trigger")))
		return parse_routine(ps, start, ADV_ASTF_OR_REPLACE);
	if (t->kind != ADV_TOK_WORD)
		fail_here(ps);
	cap = t->length + sizeof("alter ");
	value = adv_ast_alloc(ps->arena, cap);
	snprintf(value, cap, "alter %s", tok_lower(ps, t));
	n = other_node(ps, start, value);
	advance(ps);
	if (tok_word(ps, t, "index") && ps->dialect == ADV_DIALECT_MS &&
	    is_ident_tok(cur(ps)) && is_kw_at(ps, 1, "on")) {
		/* ALTER INDEX ix|ALL ON t REBUILD ... */
		advance(ps);
		advance(ps);
		n->table = parse_table_name(ps);
	}
	skip_rest(ps, keep);
	return n;
}

/* WITH ctes followed by a query or a DML statement. */
static struct adv_ast *parse_with_stmt(struct parser *ps)
{
	const struct adv_sql_token *start = cur(ps);
	struct adv_ast *with = parse_ctes(ps);
	struct adv_ast *n;

	if (is_kw(ps, "insert") ||
	    (ps->dialect == ADV_DIALECT_MY && is_kw(ps, "replace"))) {
		n = parse_insert(ps);
	} else if (is_kw(ps, "update")) {
		n = parse_update(ps);
	} else if (is_kw(ps, "delete")) {
		n = parse_delete(ps);
	} else if (ps->dialect == ADV_DIALECT_MS && is_kw(ps, "merge")) {
		n = parse_merge(ps);
		n->loc = (int)start->offset;
		n->sub = with;
		return n;
	} else {
		n = parse_set_expr(ps);
		parse_query_tail(ps, n);
		if (n->with != NULL)
			fail_here(ps);
	}
	n->with = with;
	n->loc = (int)start->offset;
	return n;
}

/* MySQL START TRANSACTION [WITH CONSISTENT SNAPSHOT | READ ONLY | ...]. */
static struct adv_ast *parse_start(struct parser *ps)
{
	struct adv_ast *n = txn_node(ps, cur(ps), ADV_TXN_BEGIN);

	advance(ps);
	expect_kw(ps, "transaction");
	while (!at_end(ps) && !is_op(ps, ";")) {
		if (!accept_kw(ps, "with") && !accept_kw(ps, "consistent") &&
		    !accept_kw(ps, "snapshot") && !accept_kw(ps, "read") &&
		    !accept_kw(ps, "only") && !accept_kw(ps, "write") &&
		    !accept_op(ps, ","))
			fail_here(ps);
	}
	return n;
}

static struct adv_ast *parse_statement(struct parser *ps)
{
	const struct adv_sql_token *t = cur(ps);
	int my = ps->dialect == ADV_DIALECT_MY;
	int ms = !my;
	struct adv_ast *n;

	enter(ps);
	if (t->kind == ADV_TOK_WORD && is_op_at(ps, 1, ":") &&
	    !is_reserved(ps, t)) {
		/* a label */
		advance(ps);
		advance(ps);
		if (at_stmt_end(ps) || is_kw(ps, "end")) {
			n = other_node(ps, t, "label");
			n->name = tok_lower(ps, t);
			leave(ps);
			return n;
		}
		t = cur(ps);
	}
	if (tok_op(ps, t, "(") || tok_word(ps, t, "select") ||
	    tok_word(ps, t, "values") || (my && tok_word(ps, t, "table")))
		n = parse_query(ps);
	else if (t->kind != ADV_TOK_WORD)
		fail_here(ps);
	else if (tok_word(ps, t, "with"))
		n = parse_with_stmt(ps);
	else if (tok_word(ps, t, "insert") ||
		 (my && tok_word(ps, t, "replace")))
		n = parse_insert(ps);
	else if (ms && tok_word(ps, t, "update") &&
		 is_kw_at(ps, 1, "statistics")) {
		n = other_node(ps, t, "update statistics");
		advance(ps);
		advance(ps);
		n->table = parse_table_name(ps);
		skip_rest(ps, NULL);
	} else if (ms && tok_word(ps, t, "merge"))
		n = parse_merge(ps);
	else if (tok_word(ps, t, "update"))
		n = parse_update(ps);
	else if (tok_word(ps, t, "delete"))
		n = parse_delete(ps);
	else if (tok_word(ps, t, "create"))
		n = parse_create(ps);
	else if (tok_word(ps, t, "alter"))
		n = parse_alter(ps);
	else if (tok_word(ps, t, "drop"))
		n = parse_drop(ps);
	else if (tok_word(ps, t, "truncate"))
		n = parse_truncate(ps);
	else if (my && tok_word(ps, t, "rename"))
		n = parse_rename(ps);
	else if (tok_word(ps, t, "begin"))
		n = parse_begin(ps);
	else if (my && tok_word(ps, t, "start") &&
		 is_kw_at(ps, 1, "transaction"))
		n = parse_start(ps);
	else if (tok_word(ps, t, "commit") || tok_word(ps, t, "rollback"))
		n = parse_commit_rollback(ps);
	else if ((my && (tok_word(ps, t, "savepoint") ||
			 tok_word(ps, t, "release"))) ||
		 (ms && tok_word(ps, t, "save")))
		n = parse_named_stmt(ps);
	else if (tok_word(ps, t, "set"))
		n = parse_set(ps);
	else if (tok_word(ps, t, "declare"))
		n = parse_declare(ps);
	else if (tok_word(ps, t, "if"))
		n = parse_if(ps);
	else if (tok_word(ps, t, "while"))
		n = parse_while(ps);
	else if (my && (tok_word(ps, t, "loop") || tok_word(ps, t, "repeat")))
		n = parse_my_loop(ps);
	else if (my && tok_word(ps, t, "case"))
		n = parse_my_case_stmt(ps);
	else if (tok_word(ps, t, "end") || tok_word(ps, t, "else") ||
		 (my &&
		  (tok_word(ps, t, "elseif") || tok_word(ps, t, "until"))))
		n = parse_block_fragment(ps);
	else if (tok_word(ps, t, "call") ||
		 (ms &&
		  (tok_word(ps, t, "exec") || tok_word(ps, t, "execute"))))
		n = parse_exec(ps);
	else if (tok_word(ps, t, "grant") || tok_word(ps, t, "revoke") ||
		 (ms && tok_word(ps, t, "deny")))
		n = parse_grant(ps);
	else if (my && (tok_word(ps, t, "explain") ||
			tok_word(ps, t, "describe") || tok_word(ps, t, "desc")))
		n = parse_explain(ps);
	else if (tok_word(ps, t, "return") || (my && tok_word(ps, t, "do")) ||
		 (ms &&
		  (tok_word(ps, t, "print") || tok_word(ps, t, "throw") ||
		   tok_word(ps, t, "raiserror") || tok_word(ps, t, "waitfor"))))
		n = parse_expr_stmt(ps);
	else if (tok_word(ps, t, "use") || tok_word(ps, t, "open") ||
		 tok_word(ps, t, "close") ||
		 (tok_word(ps, t, "deallocate") &&
		  !(my && !is_kw_at(ps, 1, "prepare"))) ||
		 (ms && tok_word(ps, t, "goto")) ||
		 (my &&
		  (tok_word(ps, t, "leave") || tok_word(ps, t, "iterate"))))
		n = parse_named_stmt(ps);
	else if (my &&
		 (tok_word(ps, t, "analyze") || tok_word(ps, t, "optimize") ||
		  tok_word(ps, t, "check") || tok_word(ps, t, "repair") ||
		  tok_word(ps, t, "checksum") || tok_word(ps, t, "lock")))
		n = parse_table_stmt(ps);
	else if (word_in(ps, t, skipped_words))
		n = skipped_stmt(ps, NULL);
	else
		fail_here(ps);
	leave(ps);
	return n;
}

/* ---- the entry point ---- */

/* A node below which the tree is deeper than a walk can follow. */
static const struct adv_ast *too_deep(const struct adv_ast *n, int depth)
{
	for (; n != NULL; n = n->next) {
		const struct adv_ast *kids[] = {
			n->with,    n->args,	n->targets,	n->table,
			n->cols,    n->from,	n->where,	n->group,
			n->having,  n->order,	n->limit,	n->offset,
			n->into,    n->larg,	n->rarg,	n->sub,
			n->values,  n->set,	n->returning,	n->quals,
			n->options, n->coldefs, n->constraints, n->indexes,
			n->cmds,    n->coldef,	n->constraint,	n->include,
			n->dflt,    n->hints};
		size_t i;

		if (depth >= ADV_AST_PATH_MAX)
			return n;
		for (i = 0; i < sizeof(kids) / sizeof(kids[0]); i++) {
			const struct adv_ast *bad =
				too_deep(kids[i], depth + 1);

			if (bad != NULL)
				return bad;
		}
	}
	return NULL;
}

/* The token at byte offset loc (the first one after it if none starts
 * there). */
static const struct adv_sql_token *token_at(const struct parser *ps, int loc)
{
	size_t lo = 0, hi = ps->ntoks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ps->toks[mid].offset < (size_t)loc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return &ps->toks[lo];
}

static void parse_script(struct parser *ps)
{
	struct list l = {NULL, NULL};
	const struct adv_ast *bad;

	for (;;) {
		while (accept_op(ps, ";"))
			;
		if (ps->dialect == ADV_DIALECT_MS && accept_kw(ps, "go")) {
			if (cur(ps)->kind == ADV_TOK_NUMBER)
				advance(ps);
			continue;
		}
		if (at_end(ps))
			break;
		list_add(&l, parse_statement(ps));
		if (ps->dialect == ADV_DIALECT_MY && !at_end(ps) &&
		    !is_op(ps, ";"))
			fail_here(ps);
	}
	if (l.head == NULL)
		fail_here(ps);
	bad = too_deep(l.head, 0);
	if (bad != NULL)
		fail_with(ps, token_at(ps, bad->loc),
			  "statement nested too deeply");
	ps->out->stmts = l.head;
}

/* Runs the parser under its error handler: 0 when it failed. */
static int run_parser(struct parser *ps)
{
	jmp_buf top;

	/* the handler lives as long as this frame: cleared on the way out */
	/* cppcheck-suppress autoVariables */
	ps->fail = &top;
	if (setjmp(top) != 0) {
		ps->fail = NULL;
		return 0;
	}
	parse_script(ps);
	ps->fail = NULL;
	return 1;
}

enum adv_status adv_ast_parse_tokens(const char *text, size_t len,
				     enum adv_sql_dialect dialect,
				     struct adv_ast_parse *p)
{
	struct parser ps;
	struct adv_sql_lexer lx;
	struct adv_sql_token tok;
	struct adv_error err;
	size_t alloc = 0;
	int ok;

	p->stmts = NULL;
	p->error = NULL;
	p->error_loc = -1;
	if (len > INT_MAX) {
		p->error = adv_ast_strdup(&p->arena, "statement too long");
		return ADV_EINPUT;
	}
	memset(&ps, 0, sizeof(ps));
	ps.text = text;
	ps.len = len;
	ps.dialect = dialect;
	ps.out = p;
	ps.arena = &p->arena;
	adv_sql_lexer_init(&lx, text, len, dialect, 0);
	for (;;) {
		enum adv_tok_kind kind = adv_sql_lexer_next(&lx, &tok);

		if (kind == ADV_TOK_COMMENT || kind == ADV_TOK_HINT ||
		    kind == ADV_TOK_SPACE || kind == ADV_TOK_SUSPICIOUS)
			continue;
		ADV_ALLOC_GROW(ps.toks, ps.ntoks + 1, alloc);
		ps.toks[ps.ntoks] = tok;
		if (kind == ADV_TOK_END)
			break;
		ps.ntoks++;
	}
	adv_error_init(&err);
	if (adv_sql_lexer_error(&lx, &err) != ADV_OK) {
		p->error = adv_ast_strdup(&p->arena, err.message);
		p->error_loc = (int)lx.error_offset;
		free(ps.toks);
		return ADV_EINPUT;
	}
	ok = run_parser(&ps);
	free(ps.toks);
	if (!ok) {
		p->stmts = NULL;
		return ADV_EINPUT;
	}
	return ADV_OK;
}
