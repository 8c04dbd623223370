#include "unit.h"

#include "sqlquote.h"

struct ident_case {
	enum adv_engine engine;
	const char *name;
	const char *want;
};

static void adv_sql_ident__table__always_quoted_engine_rule(void **state)
{
	static const struct ident_case cases[] = {
		{ADV_ENGINE_POSTGRESQL, "orders", "\"orders\""},
		{ADV_ENGINE_POSTGRESQL, "Orders", "\"Orders\""},
		{ADV_ENGINE_POSTGRESQL, "select", "\"select\""},
		{ADV_ENGINE_POSTGRESQL, "my table", "\"my table\""},
		{ADV_ENGINE_POSTGRESQL, "a\"b", "\"a\"\"b\""},
		{ADV_ENGINE_POSTGRESQL, "\"", "\"\"\"\""},
		{ADV_ENGINE_POSTGRESQL, "x; DROP TABLE y; --",
		 "\"x; DROP TABLE y; --\""},
		{ADV_ENGINE_POSTGRESQL, "it's", "\"it's\""},
		{ADV_ENGINE_POSTGRESQL, "caf\xc3\xa9", "\"caf\xc3\xa9\""},
		{ADV_ENGINE_POSTGRESQL, "\xe8\xa1\xa8", "\"\xe8\xa1\xa8\""},
		{ADV_ENGINE_POSTGRESQL, "", "\"\""},
		{ADV_ENGINE_POSTGRESQL, "a`b]c", "\"a`b]c\""},
		{ADV_ENGINE_MYSQL, "orders", "`orders`"},
		{ADV_ENGINE_MYSQL, "my table", "`my table`"},
		{ADV_ENGINE_MYSQL, "a`b", "`a``b`"},
		{ADV_ENGINE_MYSQL, "a\"b", "`a\"b`"},
		{ADV_ENGINE_MYSQL, "x; DROP TABLE y", "`x; DROP TABLE y`"},
		{ADV_ENGINE_MYSQL, "caf\xc3\xa9", "`caf\xc3\xa9`"},
		{ADV_ENGINE_MSSQL, "orders", "[orders]"},
		{ADV_ENGINE_MSSQL, "my table", "[my table]"},
		{ADV_ENGINE_MSSQL, "a]b", "[a]]b]"},
		{ADV_ENGINE_MSSQL, "a[b", "[a[b]"},
		{ADV_ENGINE_MSSQL, "]]", "[]]]]]"},
		{ADV_ENGINE_MSSQL, "x; DROP TABLE y", "[x; DROP TABLE y]"},
		{ADV_ENGINE_MSSQL, "caf\xc3\xa9", "[caf\xc3\xa9]"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_buf b;

		adv_buf_init(&b);
		adv_sql_ident(&b, cases[i].engine, cases[i].name);
		if (strcmp(b.data, cases[i].want) != 0)
			fail_msg("engine %d '%s': %s, want %s", cases[i].engine,
				 cases[i].name, b.data, cases[i].want);
		adv_buf_release(&b);
	}
}

static void adv_sql_ident__existing_buffer__appended(void **state)
{
	struct adv_buf b;

	(void)state;
	adv_buf_init(&b);
	adv_buf_addstr(&b, "DROP INDEX ");
	adv_sql_ident(&b, ADV_ENGINE_POSTGRESQL, "x");
	assert_string_equal(b.data, "DROP INDEX \"x\"");
	adv_buf_release(&b);
}

static void adv_sql_qualified__schema_and_name__both_quoted(void **state)
{
	static const struct {
		enum adv_engine engine;
		const char *schema, *name, *want;
	} cases[] = {
		{ADV_ENGINE_POSTGRESQL, "public", "orders",
		 "\"public\".\"orders\""},
		{ADV_ENGINE_POSTGRESQL, "my schema", "a.b",
		 "\"my schema\".\"a.b\""},
		{ADV_ENGINE_POSTGRESQL, NULL, "orders", "\"orders\""},
		{ADV_ENGINE_MYSQL, "shop", "a`b", "`shop`.`a``b`"},
		{ADV_ENGINE_MSSQL, "dbo", "a]b", "[dbo].[a]]b]"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_buf b;

		adv_buf_init(&b);
		adv_sql_qualified(&b, cases[i].engine, cases[i].schema,
				  cases[i].name);
		assert_string_equal(b.data, cases[i].want);
		adv_buf_release(&b);
	}
}

static void adv_sql_literal__table__single_quotes_doubled(void **state)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"plain", "'plain'"},
		{"it's", "'it''s'"},
		{"''", "''''''"},
		{"a\\b", "'a\\b'"},
		{"x'; DROP TABLE y; --", "'x''; DROP TABLE y; --'"},
		{"caf\xc3\xa9", "'caf\xc3\xa9'"},
		{"", "''"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_buf b;

		adv_buf_init(&b);
		adv_sql_literal(&b, cases[i].text);
		assert_string_equal(b.data, cases[i].want);
		adv_buf_release(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_sql_ident__table__always_quoted_engine_rule),
		cmocka_unit_test(adv_sql_ident__existing_buffer__appended),
		cmocka_unit_test(
			adv_sql_qualified__schema_and_name__both_quoted),
		cmocka_unit_test(adv_sql_literal__table__single_quotes_doubled),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
