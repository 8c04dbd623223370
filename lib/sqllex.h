#ifndef ADV_SQLLEX_H
#define ADV_SQLLEX_H

#include <stddef.h>

#include "status.h"

/*
 * A dialect-aware SQL tokenizer and statement splitter for PostgreSQL,
 * MySQL/MariaDB and SQL Server (T-SQL). It is the lexical layer under the
 * SQL pattern rules and the fingerprints: it knows each dialect's comments,
 * quoting and parameters, so that no rule ever looks inside a string, a
 * comment or a dollar-quoted body.
 *
 * Nothing is copied and nothing is allocated per token: a token is a kind
 * plus a byte range of the caller's buffer, which must outlive the lexer
 * and every token taken from it. The buffer is (pointer, length); it may
 * contain NUL bytes (each one is a one-byte ADV_TOK_OP). Time is linear in
 * the input, and the only memory that grows is a struct adv_sql_tokens
 * the caller chooses to fill.
 *
 * Malformed input never fails the scan: an unterminated string, quoted
 * identifier, dollar quote or block comment becomes one token running to
 * the end of the input, flagged ADV_TOKF_UNTERMINATED, and the lexer keeps
 * the first such error (kind and position) for adv_sql_lexer_error().
 */

enum adv_sql_dialect {
	ADV_DIALECT_PG, /* PostgreSQL, standard_conforming_strings on */
	ADV_DIALECT_MY, /* MySQL and MariaDB */
	ADV_DIALECT_MS	/* SQL Server, QUOTED_IDENTIFIER on */
};

enum adv_tok_kind {
	ADV_TOK_END = 0,    /* end of input; offset = length, length 0 */
	ADV_TOK_WORD,	    /* keyword or unquoted identifier */
	ADV_TOK_QIDENT,	    /* "x", `x`, [x], U&"x", quotes included */
	ADV_TOK_STRING,	    /* '..', E'..', N'..', B'..', X'..', $t$..$t$ */
	ADV_TOK_NUMBER,	    /* 12, 1.5e3, .5, 0x1F, 0b101 (MySQL) */
	ADV_TOK_PARAM,	    /* $1 (PostgreSQL), ? (MySQL, SQL Server) */
	ADV_TOK_VARIABLE,   /* @var, @@sysvar (MySQL); @p, @@IDENTITY (MS) */
	ADV_TOK_OP,	    /* operator or punctuation: ; ( :: <> ->> ... */
	ADV_TOK_COMMENT,    /* -- .., # .. (MySQL), block comment */
	ADV_TOK_HINT,	    /* optimizer hint comment (PG, MySQL) */
	ADV_TOK_SPACE,	    /* only with ADV_SQL_LEX_SPACE */
	ADV_TOK_SUSPICIOUS, /* one invisible or look-alike code point */
	ADV_TOK_KIND_COUNT
};

/* Token flags. */
#define ADV_TOKF_UNTERMINATED 0x01u /* runs to the end of the input */
#define ADV_TOKF_VERSIONED    0x02u /* inside a MySQL slash-star-! comment */
#define ADV_TOKF_ESCAPES      0x04u /* string with backslash escapes */
#define ADV_TOKF_NATIONAL     0x08u /* N'..' */
#define ADV_TOKF_BITS	      0x10u /* B'..' */
#define ADV_TOKF_HEX	      0x20u /* X'..' */
#define ADV_TOKF_UNICODE      0x40u /* U&'..' or U&".." */
#define ADV_TOKF_DOLLAR	      0x80u /* $tag$..$tag$ */

/*
 * One token: a byte range [offset, offset + length) of the input, and the
 * 1-based line and column of its first byte. Lines are counted by '\n'
 * (so CRLF is one line break; a lone '\r' is an ordinary character);
 * columns count code points, i.e. every byte that is not a UTF-8
 * continuation byte (10xxxxxx).
 */
struct adv_sql_token {
	enum adv_tok_kind kind;
	unsigned flags;
	size_t offset;
	size_t length;
	unsigned line;
	unsigned column;
};

/*
 * Lexer options: ADV_SQL_LEX_SPACE emits ADV_TOK_SPACE tokens; the other
 * two are MySQL's sql_mode flags NO_BACKSLASH_ESCAPES and ANSI_QUOTES
 * (".." is then an identifier), ignored for the other dialects.
 */
#define ADV_SQL_LEX_SPACE		 0x01u
#define ADV_SQL_LEX_NO_BACKSLASH_ESCAPES 0x02u
#define ADV_SQL_LEX_ANSI_QUOTES		 0x04u

/* The first lexical error of an input. */
enum adv_sql_lex_error {
	ADV_SQL_LEX_OK = 0,
	ADV_SQL_LEX_UNTERMINATED_STRING,
	ADV_SQL_LEX_UNTERMINATED_QIDENT,
	ADV_SQL_LEX_UNTERMINATED_DOLLAR,
	ADV_SQL_LEX_UNTERMINATED_COMMENT
};

/*
 * The lexer state; the caller owns the struct, which holds no allocated
 * memory (there is no _release). Treat the fields as private except the
 * error fields, which describe the first lexical error so far: error is
 * ADV_SQL_LEX_OK or the kind, and error_offset/line/column the position of
 * the opening quote or comment.
 */
struct adv_sql_lexer {
	const unsigned char *text;
	size_t len;
	enum adv_sql_dialect dialect;
	unsigned options;
	size_t pos;
	/* where line/column were last computed */
	size_t track_offset;
	unsigned track_line;
	unsigned track_column;
	/* inside a MySQL version comment, opened at version_start */
	int in_version;
	size_t version_start;
	unsigned version_line;
	unsigned version_column;
	enum adv_sql_lex_error error;
	size_t error_offset;
	unsigned error_line;
	unsigned error_column;
};

/* Starts a scan of text[0, len) in dialect with ADV_SQL_LEX_* options. */
void adv_sql_lexer_init(struct adv_sql_lexer *lx, const char *text, size_t len,
			enum adv_sql_dialect dialect, unsigned options);

/*
 * Fills *tok with the next token and returns its kind. At the end of the
 * input it returns ADV_TOK_END, and keeps returning it when called again.
 * Every other token is at least one byte long. Never fails.
 *
 * Block comments nest in PostgreSQL and in SQL Server, as their own
 * scanners do, and not in MySQL.
 *
 * A MySQL version comment's opener (slash-star-!, optional digits, also
 * MariaDB's slash-star-M-!) and its closing star-slash are not tokens: the
 * code between them is tokenized as usual and flagged ADV_TOKF_VERSIONED,
 * whatever the version number. A version comment without its closer is
 * an ADV_SQL_LEX_UNTERMINATED_COMMENT error at the opener.
 */
enum adv_tok_kind adv_sql_lexer_next(struct adv_sql_lexer *lx,
				     struct adv_sql_token *tok);

/*
 * ADV_OK when the input so far had no lexical error; otherwise
 * ADV_EINPUT with a message such as "unterminated string literal at line
 * 3, column 7" in err (which may be NULL).
 */
enum adv_status adv_sql_lexer_error(const struct adv_sql_lexer *lx,
				    struct adv_error *err);

/* "word", "string", ... for messages and tests; "?" for a bad value. */
const char *adv_sql_tok_kind_name(enum adv_tok_kind kind);

/*
 * A growable array of tokens; the caller owns the struct, the array
 * belongs to it and is freed by _release. _reset empties it and keeps the
 * memory, so that a loop over statements reuses one array.
 */
struct adv_sql_tokens {
	struct adv_sql_token *items;
	size_t nr;
	size_t alloc;
};

void adv_sql_tokens_init(struct adv_sql_tokens *toks);
void adv_sql_tokens_reset(struct adv_sql_tokens *toks);
void adv_sql_tokens_release(struct adv_sql_tokens *toks);

/*
 * Appends every token of text[0, len) to toks (without the ADV_TOK_END).
 * Returns ADV_OK, or ADV_EINPUT when the input has a lexical error: toks
 * is then filled all the same (the unterminated token runs to the end) and
 * err says what and where. Out of memory aborts, as everywhere.
 */
enum adv_status adv_sql_tokenize(const char *text, size_t len,
				 enum adv_sql_dialect dialect, unsigned options,
				 struct adv_sql_tokens *toks,
				 struct adv_error *err);

/*
 * One statement of a script.
 *
 * [offset, offset + length) is its text: from the first comment or code
 * token after the previous statement (comments of skipped empty
 * statements included, so a "-- ip-patterns: ignore rule" line before a
 * statement is part of it) to the end of the last token before the
 * terminator; the terminator is not included. A comment after a
 * terminator belongs to the next statement, even on the same line.
 * code_offset, line and column are those of the first code token (not a
 * comment or hint): what a finding names as file:line. first_line is the
 * line of offset.
 *
 * batch is the 0-based T-SQL batch (GO count so far; always 0 for other
 * dialects). go_count is N of the "GO N" line that ended this statement
 * (1 for a bare GO) and 0 when something else ended it.
 */
struct adv_sql_statement {
	size_t offset;
	size_t length;
	size_t code_offset;
	unsigned line;
	unsigned column;
	unsigned first_line;
	unsigned batch;
	unsigned go_count;
	unsigned flags;
	/*
	 * A comment after the terminator on the same line (note_length 0:
	 * none). It is not in the text of this statement nor of the next:
	 * the next one starts after it.
	 */
	size_t note_offset;
	size_t note_length;
};

/* Where the splitter goes on after stmt: past its note when it has one. */
static inline size_t adv_sql_statement_end(const struct adv_sql_statement *s)
{
	return s->note_length > 0 ? s->note_offset + s->note_length
				  : s->offset + s->length;
}

#define ADV_STMT_TERMINATED 0x01u /* ended by a delimiter or GO, not EOF */
#define ADV_STMT_LEX_ERROR  0x02u /* has an ADV_TOKF_UNTERMINATED token */

/* The longest MySQL DELIMITER honoured; a longer one is ignored. */
#define ADV_SQL_DELIMITER_MAX 32

/*
 * Splits a script into statements, one at a time, with the dialect's
 * rules:
 *
 * - PostgreSQL: ';' outside strings, comments and dollar quotes, except
 *   inside the BEGIN ATOMIC ... END body of a CREATE FUNCTION or CREATE
 *   PROCEDURE (CASE ... END and BEGIN ... END inside it are counted).
 * - MySQL: the delimiter, ';' until a "DELIMITER xx" line changes it, as
 *   the mysql client does. That line (the word DELIMITER first on its line,
 *   before any code of a statement, then blanks and the new delimiter up
 *   to the next blank) is not a statement, and comments before it are
 *   dropped. A delimiter other than ';' is found anywhere outside strings,
 *   quoted identifiers and comments, even inside a word ("END$$"). With
 *   the default ';', a stored program's BEGIN ... END is split at its
 *   inner semicolons, as the mysql client would.
 * - SQL Server: a line holding only GO (any case), optionally a count and
 *   a -- comment, ends a batch; GO inside a string, comment or identifier
 *   (GOTO, "GO", [GO]) does not. Within a batch, ';' separates statements
 *   where present, so a batch without semicolons is one statement.
 *   Comments in a batch without code are dropped at its GO. A batch
 *   starting with CREATE/ALTER (or CREATE OR ALTER) PROCEDURE, PROC,
 *   FUNCTION, TRIGGER or VIEW is one statement up to GO, because the body
 *   of such an object runs to the end of its batch.
 *
 * A comment that starts on the line of a statement's terminator (after
 * it, with only spaces or tabs between) is that statement's note. Other
 * comments go with the statement that follows them; statements holding
 * only comments or hints are skipped and their comments stay with the
 * next statement. A last statement without a terminator is
 * returned without ADV_STMT_TERMINATED.
 *
 * The splitter reads the caller's buffer, which must outlive it, and
 * allocates nothing: the caller owns the struct and there is no _release.
 */
struct adv_sql_splitter {
	struct adv_sql_lexer lx;
	char delimiter[ADV_SQL_DELIMITER_MAX + 1];
	size_t delimiter_len;
	unsigned batch;
	int done;
};

void adv_sql_splitter_init(struct adv_sql_splitter *sp, const char *text,
			   size_t len, enum adv_sql_dialect dialect,
			   unsigned options);

/*
 * Fills *stmt with the next statement and returns 1, or returns 0 at the
 * end of the script. When toks is not NULL it is reset and then holds the
 * statement's tokens (comments included, the terminator excluded, spaces
 * only with ADV_SQL_LEX_SPACE), so that a caller need not scan the text
 * twice; memory stays bounded by the longest statement. Lexical errors do
 * not stop the split: the statement is flagged ADV_STMT_LEX_ERROR and
 * adv_sql_lexer_error(&sp->lx, err) describes the first one.
 */
int adv_sql_splitter_next(struct adv_sql_splitter *sp,
			  struct adv_sql_statement *stmt,
			  struct adv_sql_tokens *toks);

#endif
