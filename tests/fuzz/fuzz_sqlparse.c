/*
 * libFuzzer target for the MySQL/T-SQL statement parser (sqlast_parse.c).
 *
 * The first byte picks the dialect (even: MySQL, odd: SQL Server), the
 * rest is the statement text. Beyond the sanitizers, it aborts when a
 * parse that succeeded has no statement, a node location outside the text,
 * a tree deeper than a walk can follow, or a node kind out of range; and
 * when a failed parse has no message, a message of several lines or an
 * error location outside the text.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sqlast.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct check {
	size_t len;
	int max_depth;
};

static int check_node(const struct adv_ast *n, const struct adv_ast_path *path,
		      void *data)
{
	struct check *c = data;

	if (n->loc < -1 || (n->loc >= 0 && (size_t)n->loc > c->len))
		abort();
	if ((int)n->kind <= ADV_AST_NONE || n->kind >= ADV_AST_KIND_COUNT)
		abort();
	if (path->depth > c->max_depth)
		c->max_depth = path->depth;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct adv_ast_parse p;
	enum adv_sql_dialect d;
	char *text;
	size_t len;

	if (size == 0)
		return 0;
	d = (data[0] & 1) != 0 ? ADV_DIALECT_MS : ADV_DIALECT_MY;
	len = size - 1;
	text = malloc(len + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data + 1, len);
	text[len] = '\0';
	adv_ast_parse_init(&p);
	if (adv_ast_parse_tokens(text, len, d, &p) == ADV_OK) {
		const struct adv_ast *s;
		struct check c = {len, 0};
		struct adv_buf b;

		if (p.stmts == NULL || p.error != NULL)
			abort();
		for (s = p.stmts; s != NULL; s = s->next)
			adv_ast_walk(s, 0, check_node, &c);
		if (c.max_depth >= ADV_AST_PATH_MAX)
			abort();
		adv_buf_init(&b);
		adv_ast_dump(p.stmts, &b);
		adv_buf_release(&b);
	} else {
		if (p.stmts != NULL || p.error == NULL || p.error[0] == '\0' ||
		    strchr(p.error, '\n') != NULL)
			abort();
		if (p.error_loc < 0 || (size_t)p.error_loc > len)
			abort();
	}
	adv_ast_parse_release(&p);
	free(text);
	return 0;
}
