#include "unit.h"

#include "buf.h"
#include "sqllex.h"

/*
 * Tokens as "kind:text|kind:text", with "!" after the kind of an
 * unterminated token and "^" after one from a MySQL version comment.
 */
static char *lex(enum adv_sql_dialect d, unsigned opts, const char *text,
		 size_t len)
{
	struct adv_sql_tokens toks;
	struct adv_buf b;
	size_t i;

	adv_sql_tokens_init(&toks);
	adv_buf_init(&b);
	adv_sql_tokenize(text, len, d, opts, &toks, NULL);
	for (i = 0; i < toks.nr; i++) {
		const struct adv_sql_token *t = &toks.items[i];

		if (i > 0)
			adv_buf_addch(&b, '|');
		adv_buf_addstr(&b, adv_sql_tok_kind_name(t->kind));
		if (t->flags & ADV_TOKF_UNTERMINATED)
			adv_buf_addch(&b, '!');
		if (t->flags & ADV_TOKF_VERSIONED)
			adv_buf_addch(&b, '^');
		adv_buf_addch(&b, ':');
		adv_buf_add(&b, text + t->offset, t->length);
	}
	adv_sql_tokens_release(&toks);
	return adv_buf_detach(&b);
}

struct lex_case {
	enum adv_sql_dialect d;
	unsigned opts;
	const char *text;
	const char *want;
};

static void run_lex_cases(const struct lex_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *got = lex(cases[i].d, cases[i].opts, cases[i].text,
				strlen(cases[i].text));

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("dialect %d '%s':\n got %s\nwant %s",
				 cases[i].d, cases[i].text, got, cases[i].want);
		free(got);
	}
}

#define PG ADV_DIALECT_PG
#define MY ADV_DIALECT_MY
#define MS ADV_DIALECT_MS

static void adv_sql_lexer_next__comments__per_dialect(void **state)
{
	static const struct lex_case cases[] = {
		{PG, 0, "a -- c\nb", "word:a|comment:-- c|word:b"},
		{PG, 0, "a --c", "word:a|comment:--c"},
		{MS, 0, "a --c", "word:a|comment:--c"},
		{MY, 0, "a -- c\nb", "word:a|comment:-- c|word:b"},
		{MY, 0, "a --\tc", "word:a|comment:--\tc"},
		{MY, 0, "a --", "word:a|comment:--"},
		/* near miss: MySQL needs a blank after the dashes */
		{MY, 0, "a --c", "word:a|op:-|op:-|word:c"},
		{MY, 0, "5--1", "number:5|op:-|op:-|number:1"},
		{MY, 0, "a # c\nb", "word:a|comment:# c|word:b"},
		/* near miss: # is an operator in PostgreSQL */
		{PG, 0, "a # b", "word:a|op:#|word:b"},
		{MS, 0, "select * from #tmp, ##g",
		 "word:select|op:*|word:from|word:#tmp|op:,|word:##g"},
		{PG, 0, "a /* x */ b", "word:a|comment:/* x */|word:b"},
		{PG, 0, "/* a /* b */ c */ d",
		 "comment:/* a /* b */ c */|word:d"},
		{MS, 0, "/* a /* b */ c */ d",
		 "comment:/* a /* b */ c */|word:d"},
		/* near miss: MySQL block comments do not nest */
		{MY, 0, "/* a /* b */ c */ d",
		 "comment:/* a /* b */|word:c|op:*|op:/|word:d"},
		{PG, 0, "select /*+ SeqScan(t) */ 1",
		 "word:select|hint:/*+ SeqScan(t) */|number:1"},
		{MY, 0, "select /*+ BKA(t) */ 1",
		 "word:select|hint:/*+ BKA(t) */|number:1"},
		{MS, 0, "select /*+ x */ 1",
		 "word:select|comment:/*+ x */|number:1"},
		{MY, 0, "/*!40101 SET x=1 */;",
		 "word^:SET|word^:x|op^:=|number^:1|op:;"},
		{MY, 0, "/*!SET @a='*/'*/ b",
		 "word^:SET|variable^:@a|op^:=|string^:'*/'|word:b"},
		{MY, 0, "/*M!100100 SET a */", "word^:SET|word^:a"},
		{PG, 0, "/*!40101 x */", "comment:/*!40101 x */"},
	};

	(void)state;
	run_lex_cases(cases, UNIT_ARRAY_SIZE(cases));
}

static void adv_sql_lexer_next__strings__per_dialect(void **state)
{
	static const struct lex_case cases[] = {
		{PG, 0, "'it''s' x", "string:'it''s'|word:x"},
		/* standard_conforming_strings: a backslash is just a byte */
		{PG, 0, "'a\\' x", "string:'a\\'|word:x"},
		{PG, 0, "E'a\\'b' x", "string:E'a\\'b'|word:x"},
		{PG, 0, "e'\\\\' x", "string:e'\\\\'|word:x"},
		{PG, 0, "U&'d\\0061t' x", "string:U&'d\\0061t'|word:x"},
		{PG, 0, "U&\"d!0061t\" x", "qident:U&\"d!0061t\"|word:x"},
		{PG, 0, "B'101' X'1F' N'n'",
		 "string:B'101'|string:X'1F'|string:N'n'"},
		{PG, 0, "\"a\"\"b\" c", "qident:\"a\"\"b\"|word:c"},
		{PG, 0, "$$a;'b$$ x", "string:$$a;'b$$|word:x"},
		{PG, 0, "$fn$ $$ $x$ $fn$;", "string:$fn$ $$ $x$ $fn$|op:;"},
		{PG, 0, "$a$x$b$y$a$", "string:$a$x$b$y$a$"},
		/* near miss: a $ inside an identifier is not a dollar quote */
		{PG, 0, "a$b$ c", "word:a$b$|word:c"},
		/* near miss: $1 is a parameter, not a quote */
		{PG, 0, "$1 + $12$", "param:$1|op:+|param:$12|op:$"},
		{PG, 0, "x::int", "word:x|op:::|word:int"},
		{MY, 0, "'a\\'b' \"c\\\"d\" x",
		 "string:'a\\'b'|string:\"c\\\"d\"|word:x"},
		{MY, 0, "'a''b' \"c\"\"d\"", "string:'a''b'|string:\"c\"\"d\""},
		{MY, ADV_SQL_LEX_NO_BACKSLASH_ESCAPES, "'a\\' x",
		 "string:'a\\'|word:x"},
		{MY, ADV_SQL_LEX_ANSI_QUOTES, "\"t\" 'x'",
		 "qident:\"t\"|string:'x'"},
		{MY, 0, "`a``b` c", "qident:`a``b`|word:c"},
		{MY, 0, "N'x' X'0A' B'1' _utf8mb4'y'",
		 "string:N'x'|string:X'0A'|string:B'1'|word:_utf8mb4|string:'y'"},
		{MS, 0, "[a]]b] c", "qident:[a]]b]|word:c"},
		{MS, 0, "N'it''s' \"q\"", "string:N'it''s'|qident:\"q\""},
		{MS, 0, "'a\\' x", "string:'a\\'|word:x"},
		{PG, 0, "a[1]", "word:a|op:[|number:1|op:]"},
	};

	(void)state;
	run_lex_cases(cases, UNIT_ARRAY_SIZE(cases));
}

static void adv_sql_lexer_next__params_numbers_ops__per_dialect(void **state)
{
	static const struct lex_case cases[] = {
		{MY, 0, "a=? and @v:=@@global.x",
		 "word:a|op:=|param:?|word:and|variable:@v|op::=|"
		 "variable:@@global|op:.|word:x"},
		{MY, 0, "@'my var' @`b`", "variable:@'my var'|variable:@`b`"},
		{MS, 0, "@p1 = @@IDENTITY, ?",
		 "variable:@p1|op:=|variable:@@IDENTITY|op:,|param:?"},
		{PG, 0, "j ? 'k' and j ?| a",
		 "word:j|op:?|string:'k'|word:and|word:j|op:?||word:a"},
		{PG, 0, "@ -5", "op:@|op:-|number:5"},
		{PG, 0, "a=-1", "word:a|op:=|op:-|number:1"},
		{PG, 0, "a<>b a@>-1",
		 "word:a|op:<>|word:b|word:a|op:@>-|number:1"},
		{PG, 0, "1.5e3 .5 1_000 0x1F",
		 "number:1.5e3|number:.5|"
		 "number:1_000|number:0x1F"},
		{MY, 0, "0x1F 0b101 1abc 2",
		 "number:0x1F|number:0b101|"
		 "word:1abc|number:2"},
		{MY, 0, "a<=>b->>'$.x'",
		 "word:a|op:<=>|word:b|op:->>|"
		 "string:'$.x'"},
		{MS, 0, "a!<b x+=1 0x",
		 "word:a|op:!<|word:b|word:x|op:+=|"
		 "number:1|number:0x"},
		{MS, 0, "$action a$b", "word:$action|word:a$b"},
		{MS, 0, "GOTO go_x", "word:GOTO|word:go_x"},
	};

	(void)state;
	run_lex_cases(cases, UNIT_ARRAY_SIZE(cases));
}

static void adv_sql_lexer_next__unicode__suspicious_outside_strings(
	void **state)
{
	static const struct lex_case cases[] = {
		{PG, 0, "caf\xc3\xa9 \xe8\xa1\xa8",
		 "word:caf\xc3\xa9|word:\xe8\xa1\xa8"},
		{PG, 0,
		 "a\xe2\x80\x8b"
		 "b",
		 "word:a|suspicious:\xe2\x80\x8b|word:b"},
		{MY, 0,
		 "select\xc2\xa0"
		 "1",
		 "word:select|suspicious:\xc2\xa0|number:1"},
		{MS, 0, "\xe2\x80\x9cx\xe2\x80\x9d",
		 "suspicious:\xe2\x80\x9c|word:x|suspicious:\xe2\x80\x9d"},
		{PG, 0,
		 "\xe2\x80\x98"
		 "a\xe2\x80\x99 \xef\xbc\x87",
		 "suspicious:\xe2\x80\x98|word:a|suspicious:\xe2\x80\x99|"
		 "suspicious:\xef\xbc\x87"},
		/* near miss: inside strings and comments they are content */
		{PG, 0, "'\xe2\x80\x8b' -- \xc2\xa0",
		 "string:'\xe2\x80\x8b'|comment:-- \xc2\xa0"},
		/* a byte order mark at the start is not reported */
		{PG, 0, "\xef\xbb\xbfselect", "word:select"},
	};

	(void)state;
	run_lex_cases(cases, UNIT_ARRAY_SIZE(cases));
}

static void adv_sql_lexer_next__unterminated__reported_and_bounded(void **state)
{
	static const struct {
		enum adv_sql_dialect d;
		const char *text;
		enum adv_sql_lex_error error;
		unsigned line, column;
		const char *want;
	} cases[] = {
		{PG, "x 'abc", ADV_SQL_LEX_UNTERMINATED_STRING, 1, 3,
		 "word:x|string!:'abc"},
		{PG, "x\n  E'ab\\'", ADV_SQL_LEX_UNTERMINATED_STRING, 2, 3,
		 "word:x|string!:E'ab\\'"},
		{PG, "\"ab", ADV_SQL_LEX_UNTERMINATED_QIDENT, 1, 1,
		 "qident!:\"ab"},
		{PG, "a $q$ body $Q$", ADV_SQL_LEX_UNTERMINATED_DOLLAR, 1, 3,
		 "word:a|string!:$q$ body $Q$"},
		{PG, "/* a /* b */", ADV_SQL_LEX_UNTERMINATED_COMMENT, 1, 1,
		 "comment!:/* a /* b */"},
		{MY, "`ab", ADV_SQL_LEX_UNTERMINATED_QIDENT, 1, 1,
		 "qident!:`ab"},
		{MY, "'a\\'", ADV_SQL_LEX_UNTERMINATED_STRING, 1, 1,
		 "string!:'a\\'"},
		{MY, "'a\\", ADV_SQL_LEX_UNTERMINATED_STRING, 1, 1,
		 "string!:'a\\"},
		{MY, "/*!50100 SELECT 1", ADV_SQL_LEX_UNTERMINATED_COMMENT, 1,
		 1, "word^:SELECT|number^:1"},
		{MS, "[a", ADV_SQL_LEX_UNTERMINATED_QIDENT, 1, 1, "qident!:[a"},
		{MS, "N'", ADV_SQL_LEX_UNTERMINATED_STRING, 1, 1, "string!:N'"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_sql_tokens toks;
		struct adv_error err;
		char *got;

		adv_sql_tokens_init(&toks);
		adv_error_init(&err);
		assert_int_equal(adv_sql_tokenize(cases[i].text,
						  strlen(cases[i].text),
						  cases[i].d, 0, &toks, &err),
				 ADV_EINPUT);
		unit_assert_contains(err.message, "unterminated");
		adv_sql_tokens_release(&toks);

		{
			struct adv_sql_lexer lx;
			struct adv_sql_token t;

			adv_sql_lexer_init(&lx, cases[i].text,
					   strlen(cases[i].text), cases[i].d,
					   0);
			while (adv_sql_lexer_next(&lx, &t) != ADV_TOK_END)
				;
			assert_int_equal(lx.error, cases[i].error);
			assert_int_equal(lx.error_line, cases[i].line);
			assert_int_equal(lx.error_column, cases[i].column);
			/* END is sticky */
			assert_int_equal(adv_sql_lexer_next(&lx, &t),
					 ADV_TOK_END);
			assert_int_equal(t.offset, strlen(cases[i].text));
		}
		got = lex(cases[i].d, 0, cases[i].text, strlen(cases[i].text));
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("'%s': got %s want %s", cases[i].text, got,
				 cases[i].want);
		free(got);
	}
}

static void adv_sql_lexer_error__clean_input__ok(void **state)
{
	struct adv_sql_tokens toks;
	struct adv_error err;

	(void)state;
	adv_sql_tokens_init(&toks);
	adv_error_init(&err);
	assert_int_equal(adv_sql_tokenize("select 1", 8, PG, 0, &toks, &err),
			 ADV_OK);
	assert_int_equal(toks.nr, 2);
	adv_sql_tokenize("'x", 2, PG, 0, &toks, &err);
	assert_string_equal(err.message,
			    "unterminated string literal at line 1, column 1");
	adv_sql_tokens_release(&toks);
}

static void adv_sql_lexer_next__crlf_and_utf8__line_column(void **state)
{
	/* é is two bytes, 表 three: columns count code points */
	static const char text[] = "SELECT\r\n  caf\xc3\xa9, \xe8\xa1\xa8 x\r\n"
				   "'a\nb' y\n\t-- c\nz";
	static const struct {
		const char *tok;
		unsigned line, column;
	} want[] = {
		{"SELECT", 1, 1}, {"caf\xc3\xa9", 2, 3},
		{",", 2, 7},	  {"\xe8\xa1\xa8", 2, 9},
		{"x", 2, 11},	  {"'a\nb'", 3, 1},
		{"y", 4, 4},	  {"-- c", 5, 2},
		{"z", 6, 1},
	};
	struct adv_sql_lexer lx;
	struct adv_sql_token t;
	size_t i = 0;

	(void)state;
	adv_sql_lexer_init(&lx, text, strlen(text), PG, 0);
	while (adv_sql_lexer_next(&lx, &t) != ADV_TOK_END) {
		assert_true(i < UNIT_ARRAY_SIZE(want));
		assert_int_equal(t.length, strlen(want[i].tok));
		assert_memory_equal(text + t.offset, want[i].tok, t.length);
		if (t.line != want[i].line || t.column != want[i].column)
			fail_msg("'%s' at %u:%u, want %u:%u", want[i].tok,
				 t.line, t.column, want[i].line,
				 want[i].column);
		i++;
	}
	assert_int_equal(i, UNIT_ARRAY_SIZE(want));
}

static void adv_sql_lexer_next__space_option__covers_every_byte(void **state)
{
	static const char text[] = " select\t'a'  -- x\n\r\n1 ";
	struct adv_sql_lexer lx;
	struct adv_sql_token t;
	size_t next = 0, spaces = 0;

	(void)state;
	adv_sql_lexer_init(&lx, text, strlen(text), MY, ADV_SQL_LEX_SPACE);
	while (adv_sql_lexer_next(&lx, &t) != ADV_TOK_END) {
		assert_int_equal(t.offset, next);
		next += t.length;
		if (t.kind == ADV_TOK_SPACE)
			spaces++;
	}
	assert_int_equal(next, strlen(text));
	assert_int_equal(spaces, 5);
}

static void adv_sql_lexer_next__nul_bytes__tokenized(void **state)
{
	static const char text[] = "a\0'b\0c' \0";
	char *got;

	(void)state;
	got = lex(PG, 0, text, sizeof(text) - 1);
	assert_int_equal(memcmp(got, "word:a|op:\0|string:'b\0c'|op:\0", 30),
			 0);
	free(got);
}

/* Statements as "line:text" joined by "\n", with "#batch" for T-SQL. */
static char *split(enum adv_sql_dialect d, const char *text)
{
	struct adv_sql_splitter sp;
	struct adv_sql_statement st;
	struct adv_sql_tokens toks;
	struct adv_buf b;

	adv_buf_init(&b);
	adv_sql_tokens_init(&toks);
	adv_sql_splitter_init(&sp, text, strlen(text), d, 0);
	while (adv_sql_splitter_next(&sp, &st, &toks)) {
		if (b.len > 0)
			adv_buf_addch(&b, '\n');
		adv_buf_addf(&b, "%u:", st.line);
		adv_buf_add(&b, text + st.offset, st.length);
		if (d == MS)
			adv_buf_addf(&b, "#%u", st.batch);
		if (st.go_count > 0)
			adv_buf_addf(&b, "*%u", st.go_count);
		if (st.note_length > 0) {
			adv_buf_addstr(&b, " note[");
			adv_buf_add(&b, text + st.note_offset, st.note_length);
			adv_buf_addch(&b, ']');
		}
		/* the tokens are those of the statement text */
		assert_true(toks.nr > 0);
		assert_int_equal(toks.items[0].offset, st.offset);
		assert_int_equal(toks.items[toks.nr - 1].offset +
					 toks.items[toks.nr - 1].length,
				 st.offset + st.length);
	}
	assert_int_equal(adv_sql_splitter_next(&sp, &st, &toks), 0);
	adv_sql_tokens_release(&toks);
	return adv_buf_detach(&b);
}

static void run_split_cases(const struct lex_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *got = split(cases[i].d, cases[i].text);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("dialect %d '%s':\n got [%s]\nwant [%s]",
				 cases[i].d, cases[i].text, got, cases[i].want);
		free(got);
	}
}

static void adv_sql_splitter_next__semicolons__outside_quotes(void **state)
{
	static const struct lex_case cases[] = {
		{PG, 0, "select 1; select 2;", "1:select 1\n1:select 2"},
		{PG, 0, "select 1;\nselect 2", "1:select 1\n2:select 2"},
		{PG, 0, "select ';'; select \";\"; -- ;\nselect 3",
		 "1:select ';'\n1:select \";\" note[-- ;]\n2:select 3"},
		/* a comment on the terminator's line is its statement's note */
		{PG, 0,
		 "drop table t; \t/* a\nb */ select 1;\n-- above 2\nselect 2;"
		 "-- x\n  -- y\nselect 3; select 4",
		 "1:drop table t note[/* a\nb */]\n2:select 1\n"
		 "4:-- above 2\nselect 2 note[-- x]\n6:-- y\nselect 3\n"
		 "6:select 4"},
		{PG, 0, "select 1; /* never closed", "1:select 1"},
		{PG, 0,
		 "create function f() returns int as $$ select 1; $$ "
		 "language sql; select 2",
		 "1:create function f() returns int as $$ select 1; $$ "
		 "language sql\n1:select 2"},
		{PG, 0, "select /* ; */ 1 ;;; \n\n", "1:select /* ; */ 1"},
		{PG, 0, ";;", ""},
		{PG, 0, "", ""},
		{PG, 0, "-- only a comment\n", ""},
		/* comments of empty statements stay with the next one */
		{PG, 0,
		 "select 1;\n-- ip-patterns: ignore select-star\n;\n"
		 "select * from t;",
		 "1:select 1\n4:-- ip-patterns: ignore select-star\n;\n"
		 "select * from t"},
		{MY, 0, "select 'a;\\';' ; select `;`",
		 "1:select 'a;\\';'\n"
		 "1:select `;`"},
		{MY, 0, "select 1 # ;\n; select 2",
		 "1:select 1 # ;\n2:select 2"},
		{MY, 0, "DELIMITER $$\nselect 1$$ # one\nselect 2$$",
		 "2:select 1 note[# one]\n3:select 2"},
		{MS, 0, "select [;]; select N';'",
		 "1:select [;]#0\n"
		 "1:select N';'#0"},
	};

	(void)state;
	run_split_cases(cases, UNIT_ARRAY_SIZE(cases));
}

static void adv_sql_splitter_next__pg_begin_atomic__one_statement(void **state)
{
	static const struct lex_case cases[] = {
		{PG, 0,
		 "CREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
		 "BEGIN ATOMIC\n SELECT CASE WHEN true THEN 1 END;\n"
		 " SELECT 2;\nEND;\nSELECT 3;",
		 "1:CREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
		 "BEGIN ATOMIC\n SELECT CASE WHEN true THEN 1 END;\n"
		 " SELECT 2;\nEND\n6:SELECT 3"},
		{PG, 0,
		 "create or replace procedure p() begin atomic insert into "
		 "t values (1); end; call p()",
		 "1:create or replace procedure p() begin atomic insert into "
		 "t values (1); end\n1:call p()"},
		/* near miss: a transaction BEGIN is not a body */
		{PG, 0, "BEGIN; SELECT 1; END;", "1:BEGIN\n1:SELECT 1\n1:END"},
	};

	(void)state;
	run_split_cases(cases, UNIT_ARRAY_SIZE(cases));
}

static void adv_sql_splitter_next__mysql_delimiter__honoured(void **state)
{
	static const struct lex_case cases[] = {
		{MY, 0,
		 "DROP PROCEDURE IF EXISTS p;\nDELIMITER //\n"
		 "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\n"
		 "END //\nDELIMITER ;\nCALL p();",
		 "1:DROP PROCEDURE IF EXISTS p\n3:CREATE PROCEDURE p()\n"
		 "BEGIN\n  SELECT 1;\n  SELECT 2;\nEND\n9:CALL p()"},
		{MY, 0,
		 "delimiter $$\nCREATE TRIGGER t BEGIN SET x=1; END$$\n"
		 "delimiter ;\nSELECT 1",
		 "2:CREATE TRIGGER t BEGIN SET x=1; END\n4:SELECT 1"},
		{MY, 0, "DELIMITER ;;\nSELECT ';;';;\nSELECT 2;;",
		 "2:SELECT ';;'\n3:SELECT 2"},
		/* with the default delimiter, BEGIN ... END is split */
		{MY, 0, "CREATE PROCEDURE p() BEGIN SELECT 1; END;",
		 "1:CREATE PROCEDURE p() BEGIN SELECT 1\n1:END"},
		/* near miss: not first on its line, or part of a statement */
		{MY, 0, "SELECT 1 AS delimiter;", "1:SELECT 1 AS delimiter"},
		{MY, 0, "SELECT\ndelimiter FROM t;",
		 "1:SELECT\ndelimiter FROM t"},
		{MY, 0, "/*!50003 CREATE*/ /*!50003 TRIGGER t */;",
		 "1:CREATE*/ /*!50003 TRIGGER t"},
	};

	(void)state;
	run_split_cases(cases, UNIT_ARRAY_SIZE(cases));
}

static void adv_sql_splitter_next__tsql_go__ends_batch(void **state)
{
	static const struct lex_case cases[] = {
		{MS, 0, "SELECT 1\nSELECT 2\nGO\nSELECT 3\ngo 5\n",
		 "1:SELECT 1\nSELECT 2#0*1\n4:SELECT 3#1*5"},
		{MS, 0, "SELECT 1; SELECT 2\r\nGO\r\nSELECT 3",
		 "1:SELECT 1#0\n1:SELECT 2#0*1\n3:SELECT 3#1"},
		{MS, 0, "  GO  -- done\nSELECT 1", "2:SELECT 1#1"},
		/* near misses: in a string, comment, identifier, mid-line */
		{MS, 0, "SELECT 'x\nGO\n'\nGO", "1:SELECT 'x\nGO\n'#0*1"},
		{MS, 0, "SELECT 1 /*\nGO\n*/\nGO", "1:SELECT 1 /*\nGO\n*/#0*1"},
		{MS, 0, "SELECT 1\n[GO]\nGOTO x\nGO_1\nSELECT 2 GO",
		 "1:SELECT 1\n[GO]\nGOTO x\nGO_1\nSELECT 2 GO#0"},
		{MS, 0,
		 "CREATE OR ALTER PROCEDURE p AS\nBEGIN\n SELECT 1;\n"
		 " SELECT 2;\nEND;\nGO\nEXEC p;",
		 "1:CREATE OR ALTER PROCEDURE p AS\nBEGIN\n SELECT 1;\n"
		 " SELECT 2;\nEND;#0*1\n7:EXEC p#1"},
		{MS, 0, "CREATE TABLE procedure (a int); SELECT 1",
		 "1:CREATE TABLE procedure (a int)#0\n1:SELECT 1#0"},
	};

	(void)state;
	run_split_cases(cases, UNIT_ARRAY_SIZE(cases));
}

static void adv_sql_splitter_next__statement_fields__filled(void **state)
{
	static const char text[] = "select 1;\n  -- note\n  select 2";
	struct adv_sql_splitter sp;
	struct adv_sql_statement st;

	(void)state;
	adv_sql_splitter_init(&sp, text, strlen(text), PG, 0);
	assert_int_equal(adv_sql_splitter_next(&sp, &st, NULL), 1);
	assert_int_equal(st.flags, ADV_STMT_TERMINATED);
	assert_int_equal(adv_sql_splitter_next(&sp, &st, NULL), 1);
	assert_int_equal(st.offset, 12);
	assert_int_equal(st.first_line, 2);
	assert_int_equal(st.line, 3);
	assert_int_equal(st.column, 3);
	assert_int_equal(st.code_offset, 22);
	assert_int_equal(st.flags, 0);
	assert_int_equal(adv_sql_splitter_next(&sp, &st, NULL), 0);
}

static void adv_sql_splitter_next__unterminated__flagged(void **state)
{
	static const char text[] = "select 1; select 'abc; select 2;";
	struct adv_sql_splitter sp;
	struct adv_sql_statement st;
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	adv_sql_splitter_init(&sp, text, strlen(text), PG, 0);
	assert_int_equal(adv_sql_splitter_next(&sp, &st, NULL), 1);
	assert_int_equal(adv_sql_lexer_error(&sp.lx, &err), ADV_OK);
	assert_int_equal(adv_sql_splitter_next(&sp, &st, NULL), 1);
	assert_int_equal(st.length, strlen(text) - 10);
	assert_int_equal(st.flags, ADV_STMT_LEX_ERROR);
	assert_int_equal(adv_sql_lexer_error(&sp.lx, &err), ADV_EINPUT);
	assert_string_equal(err.message,
			    "unterminated string literal at line 1, column 18");
	assert_int_equal(adv_sql_splitter_next(&sp, &st, NULL), 0);
}

/*
 * Random bytes from an alphabet of the dangerous characters: every scan
 * ends, tokens tile the input in order within bounds, and the splitter's
 * statements lie inside the input and do not overlap.
 */
static void adv_sql_lexer_next__random_input__no_crash(void **state)
{
	static const char alphabet[] = "'\"`[]$@#?-/*!;:\\\nGOgo dDELIMITER"
				       "\xe2\x80\x8b\xc2\xa0\r0x1eEuU&+.";
	unsigned seed = 12345;
	char text[256];
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		size_t len, i;
		int d;

		seed = seed * 1103515245u + 12345u;
		len = (seed >> 16) % sizeof(text);
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] =
				alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		for (d = PG; d <= MS; d++) {
			struct adv_sql_lexer lx;
			struct adv_sql_token t;
			struct adv_sql_splitter sp;
			struct adv_sql_statement st;
			size_t last = 0, count = 0;

			adv_sql_lexer_init(&lx, text, len, d,
					   ADV_SQL_LEX_SPACE);
			while (adv_sql_lexer_next(&lx, &t) != ADV_TOK_END) {
				assert_true(t.length > 0);
				assert_true(t.offset >= last);
				assert_true(t.offset + t.length <= len);
				last = t.offset + t.length;
				assert_true(++count <= len);
			}
			adv_sql_splitter_init(&sp, text, len, d, 0);
			last = 0;
			count = 0;
			while (adv_sql_splitter_next(&sp, &st, NULL)) {
				assert_true(st.offset >= last);
				assert_true(st.offset + st.length <= len);
				assert_true(st.code_offset >= st.offset);
				last = st.offset + st.length;
				assert_true(++count <= len);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_sql_lexer_next__comments__per_dialect),
		cmocka_unit_test(adv_sql_lexer_next__strings__per_dialect),
		cmocka_unit_test(
			adv_sql_lexer_next__params_numbers_ops__per_dialect),
		cmocka_unit_test(
			adv_sql_lexer_next__unicode__suspicious_outside_strings),
		cmocka_unit_test(
			adv_sql_lexer_next__unterminated__reported_and_bounded),
		cmocka_unit_test(adv_sql_lexer_error__clean_input__ok),
		cmocka_unit_test(
			adv_sql_lexer_next__crlf_and_utf8__line_column),
		cmocka_unit_test(
			adv_sql_lexer_next__space_option__covers_every_byte),
		cmocka_unit_test(adv_sql_lexer_next__nul_bytes__tokenized),
		cmocka_unit_test(
			adv_sql_splitter_next__semicolons__outside_quotes),
		cmocka_unit_test(
			adv_sql_splitter_next__pg_begin_atomic__one_statement),
		cmocka_unit_test(
			adv_sql_splitter_next__mysql_delimiter__honoured),
		cmocka_unit_test(adv_sql_splitter_next__tsql_go__ends_batch),
		cmocka_unit_test(
			adv_sql_splitter_next__statement_fields__filled),
		cmocka_unit_test(adv_sql_splitter_next__unterminated__flagged),
		cmocka_unit_test(adv_sql_lexer_next__random_input__no_crash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
