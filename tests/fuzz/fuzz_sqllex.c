/*
 * libFuzzer target for the SQL tokenizer and statement splitter.
 *
 * The first byte picks the dialect and the lexer options, the rest is the
 * script. Beyond the sanitizers, it aborts when the tokens do not tile the
 * input in order (with ADV_SQL_LEX_SPACE every byte belongs to exactly one
 * token, apart from MySQL version-comment markers and a leading byte order
 * mark), when a token is empty or out of bounds, when there are more
 * tokens or statements than bytes (a loop), when a statement lies outside
 * the input or overlaps the previous one or its note, when a note is not
 * on the statement's last line, or when an error message breaks the
 * message grammar.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sqllex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_error(const struct adv_sql_lexer *lx)
{
	struct adv_error err;

	adv_error_init(&err);
	if (adv_sql_lexer_error(lx, &err) == ADV_OK)
		return;
	if (err.message[0] == '\0' || strchr(err.message, '\n') != NULL)
		abort();
	if (lx->error_offset >= lx->len || lx->error_line == 0 ||
	    lx->error_column == 0)
		abort();
}

static void lex_all(const char *text, size_t len, enum adv_sql_dialect d,
		    unsigned opts)
{
	struct adv_sql_lexer lx;
	struct adv_sql_token tok;
	size_t last = 0, count = 0;
	unsigned last_line = 1;

	adv_sql_lexer_init(&lx, text, len, d, opts);
	while (adv_sql_lexer_next(&lx, &tok) != ADV_TOK_END) {
		if (tok.length == 0 || tok.offset < last ||
		    tok.offset + tok.length > len)
			abort();
		if ((opts & ADV_SQL_LEX_SPACE) != 0 && d != ADV_DIALECT_MY &&
		    tok.offset != last && !(last == 0 && tok.offset == 3))
			abort();
		if (tok.line < last_line || tok.column == 0)
			abort();
		if ((unsigned)tok.kind >= ADV_TOK_KIND_COUNT)
			abort();
		last = tok.offset + tok.length;
		last_line = tok.line;
		if (++count > len)
			abort();
	}
	if (tok.offset != len || tok.length != 0)
		abort();
	check_error(&lx);
}

/*
 * Whether only spaces and tabs lie between the note at note and the last
 * byte before them, which must be a terminator after the statement's end.
 */
static int after_terminator(const char *text, size_t end, size_t note)
{
	size_t i = note;

	while (i > end && (text[i - 1] == ' ' || text[i - 1] == '\t'))
		i--;
	return i > end && text[i - 1] != '\n' && text[i - 1] != '\r';
}

static void split_all(const char *text, size_t len, enum adv_sql_dialect d,
		      unsigned opts, struct adv_sql_tokens *toks)
{
	struct adv_sql_splitter sp;
	struct adv_sql_statement st;
	size_t last = 0, count = 0;

	adv_sql_splitter_init(&sp, text, len, d, opts);
	while (adv_sql_splitter_next(&sp, &st, toks)) {
		if (st.offset < last || st.offset + st.length > len ||
		    st.code_offset < st.offset ||
		    st.code_offset >= st.offset + st.length || st.line == 0)
			abort();
		if (toks->nr == 0 || toks->items[0].offset != st.offset)
			abort();
		/* a note follows the terminator on its line */
		if (st.note_length > 0 &&
		    (st.note_offset <= st.offset + st.length ||
		     st.note_offset + st.note_length > len ||
		     !after_terminator(text, st.offset + st.length,
				       st.note_offset)))
			abort();
		last = adv_sql_statement_end(&st);
		if (++count > len)
			abort();
	}
	check_error(&sp.lx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct adv_sql_tokens toks;
	enum adv_sql_dialect d;
	unsigned opts;
	const char *text;
	size_t len;

	if (size == 0)
		return 0;
	d = (enum adv_sql_dialect)(data[0] % 3);
	opts = (data[0] >> 2) &
	       (ADV_SQL_LEX_NO_BACKSLASH_ESCAPES | ADV_SQL_LEX_ANSI_QUOTES);
	text = (const char *)data + 1;
	len = size - 1;
	lex_all(text, len, d, opts | ADV_SQL_LEX_SPACE);
	lex_all(text, len, d, opts);
	split_all(text, len, d, opts, &toks);
	adv_sql_tokens_reset(&toks);
	return 0;
}
