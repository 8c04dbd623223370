#include "sqlquote.h"

#include "banned.h"

void adv_sql_ident(struct adv_buf *b, enum adv_engine engine, const char *name)
{
	char open = '"', close = '"';
	const char *p;

	if (engine == ADV_ENGINE_MYSQL) {
		open = '`';
		close = '`';
	} else if (engine == ADV_ENGINE_MSSQL) {
		open = '[';
		close = ']';
	}
	adv_buf_addch(b, open);
	for (p = name; *p != '\0'; p++) {
		if (*p == close)
			adv_buf_addch(b, close);
		adv_buf_addch(b, *p);
	}
	adv_buf_addch(b, close);
}

void adv_sql_qualified(struct adv_buf *b, enum adv_engine engine,
		       const char *schema, const char *name)
{
	if (schema != NULL) {
		adv_sql_ident(b, engine, schema);
		adv_buf_addch(b, '.');
	}
	adv_sql_ident(b, engine, name);
}

void adv_sql_literal(struct adv_buf *b, const char *text)
{
	const char *p;

	adv_buf_addch(b, '\'');
	for (p = text; *p != '\0'; p++) {
		if (*p == '\'')
			adv_buf_addch(b, '\'');
		adv_buf_addch(b, *p);
	}
	adv_buf_addch(b, '\'');
}
