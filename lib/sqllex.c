#include "sqllex.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/*
 * A hand-written scanner: one switch on the first byte of a token, each
 * case consuming at least one byte, so that it cannot loop. Positions
 * (line, column) are computed lazily, by walking forward from the last
 * token, which keeps the whole scan linear.
 */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_hex(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * The length of the invisible or look-alike code point at p, 0 when there
 * is none: NBSP, the U+2000 spaces and zero-width characters, curly quotes,
 * U+202F, U+2060, U+3000, U+FEFF and full-width quotes.
 */
static size_t suspicious_len(const unsigned char *s, size_t p, size_t n)
{
	if (s[p] == 0xc2 && p + 1 < n && s[p + 1] == 0xa0)
		return 2;
	if (p + 2 >= n)
		return 0;
	if (s[p] == 0xe2 && s[p + 1] == 0x80) {
		unsigned char c = s[p + 2];

		if (c <= 0x8f) /* U+2000..U+200F spaces, ZWSP, ZWJ, marks */
			return 3;
		if (c >= 0x98 && c <= 0x9f) /* U+2018..U+201F quotes */
			return 3;
		if (c == 0xaf) /* U+202F narrow NBSP */
			return 3;
		return 0;
	}
	if (s[p] == 0xe2 && s[p + 1] == 0x81 && s[p + 2] == 0xa0) /* U+2060 */
		return 3;
	if (s[p] == 0xe3 && s[p + 1] == 0x80 && s[p + 2] == 0x80) /* U+3000 */
		return 3;
	if (s[p] == 0xef && s[p + 1] == 0xbb && s[p + 2] == 0xbf) /* U+FEFF */
		return 3;
	if (s[p] == 0xef && s[p + 1] == 0xbc &&
	    (s[p + 2] == 0x82 || s[p + 2] == 0x87)) /* U+FF02, U+FF07 */
		return 3;
	return 0;
}

static int is_word_start(const struct adv_sql_lexer *lx, size_t p)
{
	unsigned char c = lx->text[p];

	if (is_alpha(c) || c == '_')
		return 1;
	if (c >= 0x80)
		return suspicious_len(lx->text, p, lx->len) == 0;
	if (c == '$')
		return lx->dialect != ADV_DIALECT_PG;
	if (c == '#')
		return lx->dialect == ADV_DIALECT_MS;
	return 0;
}

static int is_word_char(const struct adv_sql_lexer *lx, size_t p)
{
	unsigned char c = lx->text[p];

	if (is_alpha(c) || is_digit(c) || c == '_' || c == '$')
		return 1;
	if (c >= 0x80)
		return suspicious_len(lx->text, p, lx->len) == 0;
	if (c == '#' || c == '@')
		return lx->dialect == ADV_DIALECT_MS;
	return 0;
}

static size_t scan_word(const struct adv_sql_lexer *lx, size_t p)
{
	while (p < lx->len && is_word_char(lx, p))
		p++;
	return p;
}

/* Brings the line/column tracker forward to off (never backwards). */
static void track_to(struct adv_sql_lexer *lx, size_t off)
{
	const unsigned char *s = lx->text;
	size_t i = lx->track_offset;
	unsigned line = lx->track_line;
	unsigned col = lx->track_column;

	for (; i < off; i++) {
		if (s[i] == '\n') {
			line++;
			col = 1;
		} else if ((s[i] & 0xc0) != 0x80) {
			col++;
		}
	}
	if (off > lx->track_offset) {
		lx->track_offset = off;
		lx->track_line = line;
		lx->track_column = col;
	}
}

static void set_error(struct adv_sql_lexer *lx, enum adv_sql_lex_error e,
		      size_t off)
{
	if (lx->error != ADV_SQL_LEX_OK)
		return;
	lx->error = e;
	lx->error_offset = off;
	if (lx->in_version && off == lx->version_start) {
		/* the tracker has moved past the opener */
		lx->error_line = lx->version_line;
		lx->error_column = lx->version_column;
		return;
	}
	track_to(lx, off);
	lx->error_line = lx->track_line;
	lx->error_column = lx->track_column;
}

static enum adv_tok_kind emit(struct adv_sql_lexer *lx,
			      struct adv_sql_token *tok, enum adv_tok_kind kind,
			      size_t start, size_t end, unsigned flags)
{
	track_to(lx, start);
	tok->kind = kind;
	tok->flags = flags | (lx->in_version ? ADV_TOKF_VERSIONED : 0u);
	tok->offset = start;
	tok->length = end - start;
	tok->line = lx->track_line;
	tok->column = lx->track_column;
	lx->pos = end;
	return kind;
}

/*
 * The end of a quoted token whose opening quote is at q: the quote doubled
 * is the quote itself, and with backslash a backslash escapes the next
 * byte. Returns len and sets *unterminated when the quote never closes.
 */
static size_t scan_quoted(const struct adv_sql_lexer *lx, size_t q,
			  unsigned char close, int backslash, int *unterminated)
{
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	size_t i = q + 1;

	*unterminated = 0;
	while (i < n) {
		unsigned char c = s[i];

		if (c == '\\' && backslash) {
			i += 2;
			continue;
		}
		if (c == close) {
			if (i + 1 < n && s[i + 1] == close) {
				i += 2;
				continue;
			}
			return i + 1;
		}
		i++;
	}
	*unterminated = 1;
	return n;
}

static enum adv_tok_kind quoted(struct adv_sql_lexer *lx,
				struct adv_sql_token *tok, size_t start,
				size_t q, enum adv_tok_kind kind, int backslash,
				unsigned flags)
{
	unsigned char open = lx->text[q];
	unsigned char close = open == '[' ? ']' : open;
	int unterminated;
	size_t end = scan_quoted(lx, q, close, backslash, &unterminated);

	if (backslash)
		flags |= ADV_TOKF_ESCAPES;
	if (unterminated) {
		set_error(lx,
			  kind == ADV_TOK_QIDENT
				  ? ADV_SQL_LEX_UNTERMINATED_QIDENT
				  : ADV_SQL_LEX_UNTERMINATED_STRING,
			  start);
		flags |= ADV_TOKF_UNTERMINATED;
	}
	return emit(lx, tok, kind, start, end, flags);
}

/* Whether '..' strings of this lexer take backslash escapes (MySQL). */
static int my_backslash(const struct adv_sql_lexer *lx)
{
	return lx->dialect == ADV_DIALECT_MY &&
	       (lx->options & ADV_SQL_LEX_NO_BACKSLASH_ESCAPES) == 0;
}

/*
 * A block comment from p ("/" "*"), nesting in PostgreSQL and SQL Server,
 * as their scanners do; MySQL ends it at the first star-slash.
 */
static enum adv_tok_kind block_comment(struct adv_sql_lexer *lx,
				       struct adv_sql_token *tok, size_t p,
				       enum adv_tok_kind kind)
{
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	int nests = lx->dialect != ADV_DIALECT_MY;
	size_t depth = 1;
	size_t i = p + 2;

	while (i < n) {
		if (s[i] == '*' && i + 1 < n && s[i + 1] == '/') {
			i += 2;
			depth--;
			if (depth == 0)
				return emit(lx, tok, kind, p, i, 0);
			continue;
		}
		if (nests && s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
			i += 2;
			depth++;
			continue;
		}
		i++;
	}
	set_error(lx, ADV_SQL_LEX_UNTERMINATED_COMMENT, p);
	return emit(lx, tok, kind, p, n, ADV_TOKF_UNTERMINATED);
}

static enum adv_tok_kind line_comment(struct adv_sql_lexer *lx,
				      struct adv_sql_token *tok, size_t p)
{
	const unsigned char *nl = memchr(lx->text + p, '\n', lx->len - p);
	size_t end = nl == NULL ? lx->len : (size_t)(nl - lx->text);

	return emit(lx, tok, ADV_TOK_COMMENT, p, end, 0);
}

/*
 * PostgreSQL's $tag$ opener at p: returns the length of the tag including
 * both dollars, or 0 when p does not start one.
 */
static size_t dollar_tag(const struct adv_sql_lexer *lx, size_t p)
{
	const unsigned char *s = lx->text;
	size_t i = p + 1;

	if (i < lx->len && s[i] == '$')
		return 2;
	if (i >= lx->len || !(is_alpha(s[i]) || s[i] == '_' || s[i] >= 0x80))
		return 0;
	while (i < lx->len && (is_alpha(s[i]) || is_digit(s[i]) ||
			       s[i] == '_' || s[i] >= 0x80))
		i++;
	if (i < lx->len && s[i] == '$')
		return i + 1 - p;
	return 0;
}

static enum adv_tok_kind dollar_quote(struct adv_sql_lexer *lx,
				      struct adv_sql_token *tok, size_t p,
				      size_t taglen)
{
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	size_t i = p + taglen;

	while (i < n) {
		const unsigned char *d = memchr(s + i, '$', n - i);

		if (d == NULL)
			break;
		i = (size_t)(d - s);
		if (n - i >= taglen && memcmp(s + i, s + p, taglen) == 0)
			return emit(lx, tok, ADV_TOK_STRING, p, i + taglen,
				    ADV_TOKF_DOLLAR);
		i++;
	}
	set_error(lx, ADV_SQL_LEX_UNTERMINATED_DOLLAR, p);
	return emit(lx, tok, ADV_TOK_STRING, p, n,
		    ADV_TOKF_DOLLAR | ADV_TOKF_UNTERMINATED);
}

static size_t scan_digits(const struct adv_sql_lexer *lx, size_t i)
{
	const unsigned char *s = lx->text;
	int underscores = lx->dialect == ADV_DIALECT_PG;

	while (i < lx->len) {
		if (is_digit(s[i])) {
			i++;
		} else if (underscores && s[i] == '_' && i + 1 < lx->len &&
			   is_digit(s[i + 1])) {
			i += 2;
		} else {
			break;
		}
	}
	return i;
}

static enum adv_tok_kind number(struct adv_sql_lexer *lx,
				struct adv_sql_token *tok, size_t p)
{
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	size_t i = p;

	if (s[p] == '0' && p + 1 < n && (s[p + 1] == 'x' || s[p + 1] == 'X') &&
	    (lx->dialect == ADV_DIALECT_MS ||
	     (p + 2 < n && is_hex(s[p + 2])))) {
		i = p + 2;
		while (i < n && is_hex(s[i]))
			i++;
	} else if (lx->dialect == ADV_DIALECT_MY && s[p] == '0' && p + 2 < n &&
		   s[p + 1] == 'b' && (s[p + 2] == '0' || s[p + 2] == '1')) {
		i = p + 2;
		while (i < n && (s[i] == '0' || s[i] == '1'))
			i++;
	} else {
		i = scan_digits(lx, i);
		if (i < n && s[i] == '.') {
			i = scan_digits(lx, i + 1);
		}
		if (i < n && (s[i] == 'e' || s[i] == 'E')) {
			size_t e = i + 1;

			if (e < n && (s[e] == '+' || s[e] == '-'))
				e++;
			if (e < n && is_digit(s[e]))
				i = scan_digits(lx, e);
		}
	}
	/* MySQL identifiers may start with digits: 1abc, 0x1g, 2e */
	if (lx->dialect == ADV_DIALECT_MY && i < n && is_word_char(lx, i) &&
	    s[p] != '.') {
		size_t j = i;

		while (j > p && s[j - 1] != '.')
			j--;
		if (j == p)
			return emit(lx, tok, ADV_TOK_WORD, p, scan_word(lx, i),
				    0);
	}
	return emit(lx, tok, ADV_TOK_NUMBER, p, i, 0);
}

static int is_pg_op_char(unsigned char c)
{
	return c != '\0' && strchr("+-*/<>=~!@#%^&|`?", c) != NULL;
}

/*
 * A PostgreSQL operator: the longest run of operator characters, stopping
 * before a comment start, and not ending in + or - unless it holds one of
 * ~!@#%^&|`? (so that "a=-1" is = then -).
 */
static enum adv_tok_kind pg_operator(struct adv_sql_lexer *lx,
				     struct adv_sql_token *tok, size_t p)
{
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	size_t i = p;
	int special = 0;

	while (i < n && is_pg_op_char(s[i])) {
		if (i > p && i + 1 < n &&
		    ((s[i] == '-' && s[i + 1] == '-') ||
		     (s[i] == '/' && s[i + 1] == '*')))
			break;
		if (strchr("~!@#%^&|`?", s[i]) != NULL)
			special = 1;
		i++;
	}
	if (!special) {
		while (i - p > 1 && (s[i - 1] == '+' || s[i - 1] == '-'))
			i--;
	}
	return emit(lx, tok, ADV_TOK_OP, p, i, 0);
}

/* The fixed multi-byte operators of MySQL and SQL Server, longest first. */
static const char *const my_ops[] = {"<=>", "->>", "<=", ">=", "<>", "!=",
				     "<<",  ">>",  "||", "&&", ":=", "->"};
static const char *const ms_ops[] = {"<=", ">=", "<>", "!=", "!<", "!>",
				     "::", "+=", "-=", "*=", "/=", "%=",
				     "&=", "|=", "^=", "||", "<<", ">>"};

static enum adv_tok_kind fixed_operator(struct adv_sql_lexer *lx,
					struct adv_sql_token *tok, size_t p)
{
	const char *const *ops = my_ops;
	size_t nops = sizeof(my_ops) / sizeof(my_ops[0]);
	size_t i;

	if (lx->dialect == ADV_DIALECT_MS) {
		ops = ms_ops;
		nops = sizeof(ms_ops) / sizeof(ms_ops[0]);
	}
	for (i = 0; i < nops; i++) {
		size_t l = strlen(ops[i]);

		if (lx->len - p >= l && memcmp(lx->text + p, ops[i], l) == 0)
			return emit(lx, tok, ADV_TOK_OP, p, p + l, 0);
	}
	return emit(lx, tok, ADV_TOK_OP, p, p + 1, 0);
}

/* @var, @@sysvar, @'quoted' (MySQL), @p, @@IDENTITY (SQL Server). */
static enum adv_tok_kind variable(struct adv_sql_lexer *lx,
				  struct adv_sql_token *tok, size_t p)
{
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	size_t i = p + 1;

	if (i < n && s[i] == '@')
		i++;
	if (lx->dialect == ADV_DIALECT_MY && i == p + 1 && i < n &&
	    (s[i] == '\'' || s[i] == '"' || s[i] == '`')) {
		int unterminated;
		size_t end = scan_quoted(lx, i, s[i],
					 s[i] != '`' && my_backslash(lx),
					 &unterminated);
		unsigned flags = 0;

		if (unterminated) {
			set_error(lx,
				  s[i] == '`' ? ADV_SQL_LEX_UNTERMINATED_QIDENT
					      : ADV_SQL_LEX_UNTERMINATED_STRING,
				  p);
			flags = ADV_TOKF_UNTERMINATED;
		}
		return emit(lx, tok, ADV_TOK_VARIABLE, p, end, flags);
	}
	if (i < n && is_word_char(lx, i))
		return emit(lx, tok, ADV_TOK_VARIABLE, p, scan_word(lx, i), 0);
	return fixed_operator(lx, tok, p);
}

/* A letter that may prefix a quote: E'..', N'..', B'..', X'..', U&'..'. */
static int prefixed(struct adv_sql_lexer *lx, struct adv_sql_token *tok,
		    size_t p)
{
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	unsigned char c = s[p] | 0x20;
	enum adv_sql_dialect d = lx->dialect;

	if (p + 1 >= n)
		return 0;
	if (s[p + 1] == '\'') {
		if (c == 'n') {
			quoted(lx, tok, p, p + 1, ADV_TOK_STRING,
			       my_backslash(lx), ADV_TOKF_NATIONAL);
			return 1;
		}
		if (d == ADV_DIALECT_PG && c == 'e') {
			quoted(lx, tok, p, p + 1, ADV_TOK_STRING, 1, 0);
			return 1;
		}
		if (d != ADV_DIALECT_MS && (c == 'b' || c == 'x')) {
			quoted(lx, tok, p, p + 1, ADV_TOK_STRING, 0,
			       c == 'b' ? ADV_TOKF_BITS : ADV_TOKF_HEX);
			return 1;
		}
		return 0;
	}
	if (d == ADV_DIALECT_PG && c == 'u' && s[p + 1] == '&' && p + 2 < n &&
	    (s[p + 2] == '\'' || s[p + 2] == '"')) {
		quoted(lx, tok, p, p + 2,
		       s[p + 2] == '"' ? ADV_TOK_QIDENT : ADV_TOK_STRING, 0,
		       ADV_TOKF_UNICODE);
		return 1;
	}
	return 0;
}

void adv_sql_lexer_init(struct adv_sql_lexer *lx, const char *text, size_t len,
			enum adv_sql_dialect dialect, unsigned options)
{
	memset(lx, 0, sizeof(*lx));
	lx->text = (const unsigned char *)text;
	lx->len = text == NULL ? 0 : len;
	lx->dialect = dialect;
	lx->options = options;
	lx->track_line = 1;
	lx->track_column = 1;
	/* a UTF-8 byte order mark opens many files saved on Windows */
	if (lx->len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		lx->pos = 3;
		lx->track_offset = 3;
	}
}

enum adv_tok_kind adv_sql_lexer_next(struct adv_sql_lexer *lx,
				     struct adv_sql_token *tok)
{
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	enum adv_sql_dialect d = lx->dialect;
	size_t p;
	unsigned char c, c1;

again:
	p = lx->pos;
	if (p >= n) {
		if (lx->in_version) {
			set_error(lx, ADV_SQL_LEX_UNTERMINATED_COMMENT,
				  lx->version_start);
			lx->in_version = 0;
		}
		return emit(lx, tok, ADV_TOK_END, n, n, 0);
	}
	c = s[p];
	c1 = p + 1 < n ? s[p + 1] : '\0';

	if (is_space(c)) {
		size_t i = p + 1;

		while (i < n && is_space(s[i]))
			i++;
		if ((lx->options & ADV_SQL_LEX_SPACE) == 0) {
			lx->pos = i;
			goto again;
		}
		return emit(lx, tok, ADV_TOK_SPACE, p, i, 0);
	}
	if (lx->in_version && c == '*' && c1 == '/') {
		lx->pos = p + 2;
		lx->in_version = 0;
		goto again;
	}
	if (c == '-' && c1 == '-' &&
	    (d != ADV_DIALECT_MY || p + 2 >= n || s[p + 2] <= ' '))
		return line_comment(lx, tok, p);
	if (c == '#' && d == ADV_DIALECT_MY)
		return line_comment(lx, tok, p);
	if (c == '/' && c1 == '*') {
		unsigned char c2 = p + 2 < n ? s[p + 2] : '\0';

		if (d == ADV_DIALECT_MY && !lx->in_version &&
		    (c2 == '!' ||
		     (c2 == 'M' && p + 3 < n && s[p + 3] == '!'))) {
			size_t i = p + (c2 == '!' ? 3 : 4);

			while (i < n && is_digit(s[i]))
				i++;
			track_to(lx, p);
			lx->in_version = 1;
			lx->version_start = p;
			lx->version_line = lx->track_line;
			lx->version_column = lx->track_column;
			lx->pos = i;
			goto again;
		}
		if (d != ADV_DIALECT_MS && c2 == '+')
			return block_comment(lx, tok, p, ADV_TOK_HINT);
		return block_comment(lx, tok, p, ADV_TOK_COMMENT);
	}

	switch (c) {
	case '\'':
		return quoted(lx, tok, p, p, ADV_TOK_STRING, my_backslash(lx),
			      0);
	case '"':
		if (d == ADV_DIALECT_MY &&
		    (lx->options & ADV_SQL_LEX_ANSI_QUOTES) == 0)
			return quoted(lx, tok, p, p, ADV_TOK_STRING,
				      my_backslash(lx), 0);
		return quoted(lx, tok, p, p, ADV_TOK_QIDENT, 0, 0);
	case '`':
		if (d == ADV_DIALECT_MY)
			return quoted(lx, tok, p, p, ADV_TOK_QIDENT, 0, 0);
		break;
	case '[':
		if (d == ADV_DIALECT_MS)
			return quoted(lx, tok, p, p, ADV_TOK_QIDENT, 0, 0);
		return emit(lx, tok, ADV_TOK_OP, p, p + 1, 0);
	case '$':
		if (d == ADV_DIALECT_PG) {
			size_t taglen;

			if (is_digit(c1)) {
				size_t i = p + 1;

				while (i < n && is_digit(s[i]))
					i++;
				return emit(lx, tok, ADV_TOK_PARAM, p, i, 0);
			}
			taglen = dollar_tag(lx, p);
			if (taglen > 0)
				return dollar_quote(lx, tok, p, taglen);
			return emit(lx, tok, ADV_TOK_OP, p, p + 1, 0);
		}
		break;
	case '?':
		if (d != ADV_DIALECT_PG)
			return emit(lx, tok, ADV_TOK_PARAM, p, p + 1, 0);
		break;
	case '@':
		if (d != ADV_DIALECT_PG)
			return variable(lx, tok, p);
		break;
	case ':':
		if (c1 == ':' || c1 == '=')
			return emit(lx, tok, ADV_TOK_OP, p, p + 2, 0);
		return emit(lx, tok, ADV_TOK_OP, p, p + 1, 0);
	case '.':
		if (is_digit(c1))
			return number(lx, tok, p);
		return emit(lx, tok, ADV_TOK_OP, p, p + 1, 0);
	case '(':
	case ')':
	case ',':
	case ';':
	case ']':
	case '{':
	case '}':
		return emit(lx, tok, ADV_TOK_OP, p, p + 1, 0);
	default:
		break;
	}

	if (is_digit(c))
		return number(lx, tok, p);
	if (c >= 0x80) {
		size_t sl = suspicious_len(s, p, n);

		if (sl > 0)
			return emit(lx, tok, ADV_TOK_SUSPICIOUS, p, p + sl, 0);
	}
	if (is_word_start(lx, p)) {
		if (prefixed(lx, tok, p))
			return tok->kind;
		return emit(lx, tok, ADV_TOK_WORD, p, scan_word(lx, p + 1), 0);
	}
	if (d == ADV_DIALECT_PG && is_pg_op_char(c))
		return pg_operator(lx, tok, p);
	return fixed_operator(lx, tok, p);
}

enum adv_status adv_sql_lexer_error(const struct adv_sql_lexer *lx,
				    struct adv_error *err)
{
	static const char *const what[] = {"", "string literal",
					   "quoted identifier", "dollar quote",
					   "comment"};

	if (lx->error == ADV_SQL_LEX_OK)
		return ADV_OK;
	return adv_error_set(err, ADV_EINPUT,
			     "unterminated %s at line %u, column %u",
			     what[lx->error], lx->error_line, lx->error_column);
}

const char *adv_sql_tok_kind_name(enum adv_tok_kind kind)
{
	static const char *const names[ADV_TOK_KIND_COUNT] = {
		"end",	   "word",  "qident",	"string",
		"number",  "param", "variable", "op",
		"comment", "hint",  "space",	"suspicious"};

	if ((unsigned)kind >= ADV_TOK_KIND_COUNT)
		return "?";
	return names[kind];
}

void adv_sql_tokens_init(struct adv_sql_tokens *toks)
{
	toks->items = NULL;
	toks->nr = 0;
	toks->alloc = 0;
}

void adv_sql_tokens_reset(struct adv_sql_tokens *toks)
{
	toks->nr = 0;
}

void adv_sql_tokens_release(struct adv_sql_tokens *toks)
{
	free(toks->items);
	adv_sql_tokens_init(toks);
}

static void tokens_add(struct adv_sql_tokens *toks,
		       const struct adv_sql_token *tok)
{
	ADV_ALLOC_GROW(toks->items, toks->nr + 1, toks->alloc);
	toks->items[toks->nr++] = *tok;
}

enum adv_status adv_sql_tokenize(const char *text, size_t len,
				 enum adv_sql_dialect dialect, unsigned options,
				 struct adv_sql_tokens *toks,
				 struct adv_error *err)
{
	struct adv_sql_lexer lx;
	struct adv_sql_token tok;

	adv_sql_lexer_init(&lx, text, len, dialect, options);
	while (adv_sql_lexer_next(&lx, &tok) != ADV_TOK_END)
		tokens_add(toks, &tok);
	return adv_sql_lexer_error(&lx, err);
}

/* --- statement splitter --- */

static int word_is(const struct adv_sql_lexer *lx,
		   const struct adv_sql_token *tok, const char *word)
{
	size_t l = strlen(word);
	size_t i;

	if (tok->kind != ADV_TOK_WORD || tok->length != l)
		return 0;
	for (i = 0; i < l; i++) {
		unsigned char c = lx->text[tok->offset + i];

		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		if (c != (unsigned char)word[i])
			return 0;
	}
	return 1;
}

/* Only blanks between the start of the line and off. */
static int at_line_start(const struct adv_sql_lexer *lx, size_t off)
{
	while (off > 0) {
		unsigned char c = lx->text[off - 1];

		if (c == '\n')
			return 1;
		if (c != ' ' && c != '\t')
			return 0;
		off--;
	}
	return 1;
}

static size_t skip_blanks(const struct adv_sql_lexer *lx, size_t i)
{
	while (i < lx->len && (lx->text[i] == ' ' || lx->text[i] == '\t'))
		i++;
	return i;
}

static size_t line_end(const struct adv_sql_lexer *lx, size_t i)
{
	const unsigned char *nl = memchr(lx->text + i, '\n', lx->len - i);

	return nl == NULL ? lx->len : (size_t)(nl - lx->text);
}

/*
 * The rest of a "GO [count] [-- comment]" line after the GO at off: the
 * end of the line in *eol and the count in *count, or 0 when it is not one.
 */
static int go_line(const struct adv_sql_lexer *lx, size_t off, size_t *eol,
		   unsigned *count)
{
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	size_t i = skip_blanks(lx, off + 2);
	unsigned long c = 1;

	if (i < n && is_digit(s[i])) {
		c = 0;
		while (i < n && is_digit(s[i])) {
			if (c < 100000000ul)
				c = c * 10 + (unsigned long)(s[i] - '0');
			i++;
		}
		i = skip_blanks(lx, i);
	}
	if (i + 1 < n && s[i] == '-' && s[i + 1] == '-')
		i = line_end(lx, i);
	if (i < n && s[i] == '\r')
		i++;
	if (i < n && s[i] != '\n')
		return 0;
	*eol = i;
	*count = (unsigned)c;
	return 1;
}

/*
 * "DELIMITER xx" after the word at off: sets the delimiter when the line
 * names a usable one and returns the end of the line, or returns 0 when
 * this is not a DELIMITER command (no blank after the word).
 */
static size_t delimiter_line(struct adv_sql_splitter *sp, size_t off)
{
	const struct adv_sql_lexer *lx = &sp->lx;
	const unsigned char *s = lx->text;
	size_t n = lx->len;
	size_t i = off + 9;
	size_t start, end;

	if (i < n && s[i] != ' ' && s[i] != '\t')
		return 0;
	i = skip_blanks(lx, i);
	start = i;
	if (i < n && (s[i] == '\'' || s[i] == '"' || s[i] == '`')) {
		const unsigned char *q =
			memchr(s + i + 1, s[i], line_end(lx, i + 1) - (i + 1));

		start = i + 1;
		end = q == NULL ? start : (size_t)(q - s);
	} else {
		while (i < n && !is_space(s[i]))
			i++;
		end = i;
	}
	if (end > start && end - start <= ADV_SQL_DELIMITER_MAX) {
		memcpy(sp->delimiter, s + start, end - start);
		sp->delimiter_len = end - start;
		sp->delimiter[sp->delimiter_len] = '\0';
	}
	return line_end(lx, end);
}

/*
 * Where the MySQL delimiter starts inside tok, as an index into the token,
 * or tok->length when it does not.
 */
static size_t find_delimiter(const struct adv_sql_splitter *sp,
			     const struct adv_sql_token *tok)
{
	const struct adv_sql_lexer *lx = &sp->lx;
	size_t k;

	switch (tok->kind) {
	case ADV_TOK_WORD:
	case ADV_TOK_NUMBER:
	case ADV_TOK_PARAM:
	case ADV_TOK_VARIABLE:
	case ADV_TOK_OP:
	case ADV_TOK_SUSPICIOUS:
		break;
	default:
		return tok->length;
	}
	for (k = 0; k < tok->length; k++) {
		size_t at = tok->offset + k;

		if (lx->text[at] == (unsigned char)sp->delimiter[0] &&
		    lx->len - at >= sp->delimiter_len &&
		    memcmp(lx->text + at, sp->delimiter, sp->delimiter_len) ==
			    0)
			return k;
	}
	return tok->length;
}

void adv_sql_splitter_init(struct adv_sql_splitter *sp, const char *text,
			   size_t len, enum adv_sql_dialect dialect,
			   unsigned options)
{
	memset(sp, 0, sizeof(*sp));
	adv_sql_lexer_init(&sp->lx, text, len, dialect, options);
	sp->delimiter[0] = ';';
	sp->delimiter_len = 1;
}

/* What the splitter knows about the statement being read. */
struct stmt_state {
	int started;
	size_t code_tokens;
	size_t last_end;
	/* PostgreSQL: CREATE .. FUNCTION/PROCEDURE .. BEGIN ATOMIC */
	int is_create;
	int is_routine;
	int prev_begin;
	size_t atomic_depth;
	/* SQL Server: CREATE/ALTER [OR ALTER] PROCEDURE.. runs to GO */
	int ms_create;
	int ms_or;
	int batch_body;
};

static void note_code(const struct adv_sql_lexer *lx, struct stmt_state *ss,
		      const struct adv_sql_token *tok)
{
	size_t nth = ss->code_tokens;

	if (lx->dialect == ADV_DIALECT_PG) {
		if (nth == 0 && word_is(lx, tok, "CREATE"))
			ss->is_create = 1;
		if (ss->is_create && (word_is(lx, tok, "FUNCTION") ||
				      word_is(lx, tok, "PROCEDURE")))
			ss->is_routine = 1;
		if (ss->atomic_depth == 0) {
			if (ss->is_routine && ss->prev_begin &&
			    word_is(lx, tok, "ATOMIC"))
				ss->atomic_depth = 1;
		} else if (word_is(lx, tok, "BEGIN") ||
			   word_is(lx, tok, "CASE")) {
			ss->atomic_depth++;
		} else if (word_is(lx, tok, "END")) {
			ss->atomic_depth--;
		}
		ss->prev_begin = word_is(lx, tok, "BEGIN");
	} else if (lx->dialect == ADV_DIALECT_MS) {
		if (nth == 0)
			ss->ms_create = word_is(lx, tok, "CREATE") ||
					word_is(lx, tok, "ALTER");
		else if (nth == 1 && ss->ms_create && word_is(lx, tok, "OR"))
			ss->ms_or = 1;
		else if (ss->ms_create &&
			 ((nth == 1 && !ss->ms_or) ||
			  (nth == 3 && ss->ms_or)) &&
			 (word_is(lx, tok, "PROCEDURE") ||
			  word_is(lx, tok, "PROC") ||
			  word_is(lx, tok, "FUNCTION") ||
			  word_is(lx, tok, "TRIGGER") ||
			  word_is(lx, tok, "VIEW")))
			ss->batch_body = 1;
	}
}

static void start_at(struct stmt_state *ss, struct adv_sql_statement *stmt,
		     const struct adv_sql_token *tok)
{
	if (ss->started)
		return;
	ss->started = 1;
	stmt->offset = tok->offset;
	stmt->first_line = tok->line;
}

/*
 * A comment that starts on the line of a statement's terminator, with
 * only spaces or tabs before it, is the statement's note ("DROP TABLE t;
 * -- ip-patterns: ignore drop-table", "SELECT ...; -- calls: 50"): the
 * lexer moves past it, so that it does not go with the next statement.
 * Anything else (a newline first, code, an unterminated comment) is left
 * where it is.
 */
static void take_note(struct adv_sql_lexer *lx, struct adv_sql_statement *stmt)
{
	struct adv_sql_lexer before = *lx;
	struct adv_sql_token tok;
	enum adv_tok_kind kind = adv_sql_lexer_next(lx, &tok);
	size_t i;

	if (kind == ADV_TOK_SPACE)
		kind = adv_sql_lexer_next(lx, &tok);
	if (kind != ADV_TOK_COMMENT || (tok.flags & ADV_TOKF_UNTERMINATED)) {
		*lx = before;
		return;
	}
	for (i = before.pos; i < tok.offset; i++) {
		if (lx->text[i] != ' ' && lx->text[i] != '\t') {
			*lx = before;
			return;
		}
	}
	stmt->note_offset = tok.offset;
	stmt->note_length = tok.length;
}

static int finish(struct adv_sql_splitter *sp, struct stmt_state *ss,
		  struct adv_sql_statement *stmt, unsigned flags)
{
	stmt->length = ss->last_end - stmt->offset;
	stmt->flags |= flags;
	stmt->batch = sp->batch;
	return 1;
}

int adv_sql_splitter_next(struct adv_sql_splitter *sp,
			  struct adv_sql_statement *stmt,
			  struct adv_sql_tokens *toks)
{
	struct adv_sql_lexer *lx = &sp->lx;
	struct stmt_state ss;
	struct adv_sql_token tok;

	memset(stmt, 0, sizeof(*stmt));
	memset(&ss, 0, sizeof(ss));
	if (toks != NULL)
		adv_sql_tokens_reset(toks);
	if (sp->done)
		return 0;
	for (;;) {
		enum adv_tok_kind kind = adv_sql_lexer_next(lx, &tok);
		size_t k;

		if (kind == ADV_TOK_END) {
			sp->done = 1;
			if (ss.code_tokens == 0)
				return 0;
			return finish(sp, &ss, stmt, 0);
		}
		if (tok.flags & ADV_TOKF_UNTERMINATED)
			stmt->flags |= ADV_STMT_LEX_ERROR;
		if (kind == ADV_TOK_SPACE) {
			if (toks != NULL && ss.started)
				tokens_add(toks, &tok);
			continue;
		}
		if (kind == ADV_TOK_COMMENT || kind == ADV_TOK_HINT) {
			start_at(&ss, stmt, &tok);
			ss.last_end = tok.offset + tok.length;
			if (toks != NULL)
				tokens_add(toks, &tok);
			continue;
		}
		if (lx->dialect == ADV_DIALECT_MY && ss.code_tokens == 0 &&
		    word_is(lx, &tok, "DELIMITER") &&
		    at_line_start(lx, tok.offset)) {
			size_t eol = delimiter_line(sp, tok.offset);

			if (eol > 0) {
				lx->pos = eol;
				memset(&ss, 0, sizeof(ss));
				memset(stmt, 0, sizeof(*stmt));
				if (toks != NULL)
					adv_sql_tokens_reset(toks);
				continue;
			}
		}
		if (lx->dialect == ADV_DIALECT_MS && word_is(lx, &tok, "GO") &&
		    at_line_start(lx, tok.offset)) {
			size_t eol;
			unsigned count;

			if (go_line(lx, tok.offset, &eol, &count)) {
				lx->pos = eol;
				if (ss.code_tokens > 0) {
					stmt->go_count = count;
					finish(sp, &ss, stmt,
					       ADV_STMT_TERMINATED);
					sp->batch++;
					return 1;
				}
				sp->batch++;
				memset(&ss, 0, sizeof(ss));
				memset(stmt, 0, sizeof(*stmt));
				if (toks != NULL)
					adv_sql_tokens_reset(toks);
				continue;
			}
		}
		if (lx->dialect == ADV_DIALECT_MY) {
			k = find_delimiter(sp, &tok);
			if (k < tok.length) {
				lx->pos = tok.offset + k + sp->delimiter_len;
				if (k > 0) {
					tok.length = k;
					start_at(&ss, stmt, &tok);
					if (ss.code_tokens == 0) {
						stmt->code_offset = tok.offset;
						stmt->line = tok.line;
						stmt->column = tok.column;
					}
					ss.code_tokens++;
					ss.last_end = tok.offset + k;
					if (toks != NULL)
						tokens_add(toks, &tok);
				}
				if (ss.code_tokens > 0) {
					take_note(lx, stmt);
					return finish(sp, &ss, stmt,
						      ADV_STMT_TERMINATED);
				}
				continue;
			}
		} else if (kind == ADV_TOK_OP && tok.length == 1 &&
			   lx->text[tok.offset] == ';' &&
			   ss.atomic_depth == 0 && !ss.batch_body) {
			if (ss.code_tokens > 0) {
				take_note(lx, stmt);
				return finish(sp, &ss, stmt,
					      ADV_STMT_TERMINATED);
			}
			continue;
		}
		start_at(&ss, stmt, &tok);
		if (ss.code_tokens == 0) {
			stmt->code_offset = tok.offset;
			stmt->line = tok.line;
			stmt->column = tok.column;
		}
		note_code(lx, &ss, &tok);
		ss.code_tokens++;
		ss.last_end = tok.offset + tok.length;
		if (toks != NULL)
			tokens_add(toks, &tok);
	}
}
