/* PostgreSQL SQL text through libpg_query: the only file with pg_query.h. */
#include "sqltext.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>

#include "buf.h"
#include "banned.h"

static enum adv_status pg_error(struct adv_error *err, const char *what,
				const PgQueryError *e)
{
	if (e->cursorpos > 0)
		return adv_error_set(err, ADV_EINPUT, "%s: %s at character %d",
				     what, e->message, e->cursorpos);
	return adv_error_set(err, ADV_EINPUT, "%s: %s", what, e->message);
}

enum adv_status adv_sql_parse(const char *sql, cJSON **tree,
			      struct adv_error *err)
{
	PgQueryParseResult r = pg_query_parse(sql);
	enum adv_status st = ADV_OK;

	*tree = NULL;
	if (r.error != NULL) {
		st = pg_error(err, "cannot parse the statement", r.error);
	} else {
		*tree = cJSON_Parse(r.parse_tree);
		/* the parser's JSON is well formed: what cJSON refuses is
		 * nesting past its limit, i.e. a statement nested too deeply */
		if (*tree == NULL)
			st = adv_error_set(
				err, ADV_EINPUT,
				"cannot analyse the statement: it is nested too deeply");
	}
	pg_query_free_parse_result(r);
	return st;
}

enum adv_status adv_sql_normalize(const char *sql, char **out,
				  struct adv_error *err)
{
	PgQueryNormalizeResult r = pg_query_normalize(sql);
	enum adv_status st = ADV_OK;

	*out = NULL;
	if (r.error != NULL)
		st = pg_error(err, "cannot normalize the statement", r.error);
	else
		*out = adv_xstrdup(r.normalized_query);
	pg_query_free_normalize_result(r);
	return st;
}

enum adv_status adv_sql_fingerprint(const char *sql, char out[17],
				    struct adv_error *err)
{
	PgQueryFingerprintResult r = pg_query_fingerprint(sql);
	enum adv_status st = ADV_OK;

	out[0] = '\0';
	if (r.error != NULL) {
		st = pg_error(err, "cannot fingerprint the statement", r.error);
	} else {
		size_t len = strlen(r.fingerprint_str);

		if (len > 16)
			len = 16;
		memcpy(out, r.fingerprint_str, len);
		out[len] = '\0';
	}
	pg_query_free_fingerprint_result(r);
	return st;
}

/* The highest "ParamRef" number anywhere in a parse tree. */
static int max_param_ref(const cJSON *node)
{
	const cJSON *child;
	int max = 0;

	if (cJSON_IsObject(node)) {
		const cJSON *ref =
			cJSON_GetObjectItemCaseSensitive(node, "ParamRef");
		const cJSON *num =
			cJSON_GetObjectItemCaseSensitive(ref, "number");

		if (cJSON_IsNumber(num) && num->valuedouble > max)
			max = (int)num->valuedouble;
	}
	cJSON_ArrayForEach (child, node) {
		int m = max_param_ref(child);

		if (m > max)
			max = m;
	}
	return max;
}

/*
 * Skips a string, quoted name, dollar-quoted body or comment starting at
 * p, returning the position after it, or p itself when none starts there.
 * Unterminated ones run to the end of the text.
 */
static const char *skip_quoted(const char *p, const char *end)
{
	const char *q;

	if (*p == '\'' ||
	    ((*p == 'E' || *p == 'e') && p + 1 < end && p[1] == '\'')) {
		int escapes = *p != '\'';

		q = p + (escapes ? 2 : 1);
		for (; q < end; q++) {
			if (escapes && *q == '\\' && q + 1 < end) {
				q++;
				continue;
			}
			if (*q == '\'') {
				if (q + 1 < end && q[1] == '\'') {
					q++;
					continue;
				}
				return q + 1;
			}
		}
		return end;
	}
	if (*p == '"') {
		for (q = p + 1; q < end; q++) {
			if (*q == '"') {
				if (q + 1 < end && q[1] == '"') {
					q++;
					continue;
				}
				return q + 1;
			}
		}
		return end;
	}
	if (*p == '-' && p + 1 < end && p[1] == '-') {
		for (q = p; q < end && *q != '\n'; q++)
			;
		return q;
	}
	if (*p == '/' && p + 1 < end && p[1] == '*') {
		int depth = 1;

		/* PostgreSQL's block comments nest */
		for (q = p + 2; q < end && depth > 0; q++) {
			if (*q == '/' && q + 1 < end && q[1] == '*') {
				depth++;
				q++;
			} else if (*q == '*' && q + 1 < end && q[1] == '/') {
				depth--;
				q++;
			}
		}
		return q;
	}
	if (*p == '$') {
		/* $tag$ ... $tag$, tag empty or an identifier */
		size_t taglen;

		for (q = p + 1;
		     q < end && (isalnum((unsigned char)*q) || *q == '_' ||
				 (unsigned char)*q >= 0x80);
		     q++)
			;
		if (q >= end || *q != '$' || isdigit((unsigned char)p[1]))
			return p;
		taglen = (size_t)(q - p) + 1;
		for (q = q + 1; q + taglen <= end; q++) {
			if (memcmp(q, p, taglen) == 0)
				return q + taglen;
		}
		return end;
	}
	return p;
}

int adv_sql_max_param(const char *sql)
{
	const char *end = sql + strlen(sql);
	const char *p;
	cJSON *tree = NULL;
	int max = 0;

	/* the parser is exact; the scan below serves text that does not
	 * parse (the caller then fails on it anyway) */
	if (adv_sql_parse(sql, &tree, NULL) == ADV_OK) {
		max = max_param_ref(tree);
		cJSON_Delete(tree);
		return max;
	}
	for (p = sql; p < end;) {
		const char *next = skip_quoted(p, end);

		if (next != p) {
			p = next;
			continue;
		}
		if (*p == '$' && isdigit((unsigned char)p[1]) &&
		    (p == sql || !(isalnum((unsigned char)p[-1]) ||
				   p[-1] == '_' || p[-1] == '$'))) {
			int n = 0;

			p++;
			while (isdigit((unsigned char)*p) && n < 100000) {
				n = n * 10 + (*p - '0');
				p++;
			}
			if (n > max)
				max = n;
			continue;
		}
		p++;
	}
	return max;
}

/* The weight of a statement: a "-- calls: N" comment (or "--calls:")
 * within its text, which, as the scanner splits, includes the comments
 * right before it; the same words inside a string do not count. -1 when
 * there is none. */
static double calls_of(const char *text, size_t len)
{
	const char *end = text + len;
	const char *p = text;

	while (p < end) {
		const char *next = skip_quoted(p, end);

		if (next == p) {
			p++;
			continue;
		}
		if (*p == '-') {
			const char *q = p + 2;

			while (q < next && (*q == ' ' || *q == '\t'))
				q++;
			if ((size_t)(next - q) > 6 &&
			    strncmp(q, "calls:", 6) == 0) {
				q += 6;
				while (q < next && (*q == ' ' || *q == '\t'))
					q++;
				if (q < next &&
				    (isdigit((unsigned char)*q) || *q == '.')) {
					char num[32];
					size_t n = 0;

					while (q < next &&
					       n + 1 < sizeof(num) &&
					       (isdigit((unsigned char)*q) ||
						*q == '.' || *q == 'e' ||
						*q == 'E'))
						num[n++] = *q++;
					num[n] = '\0';
					return strtod(num, NULL);
				}
			}
		}
		p = next;
	}
	return -1;
}

/* Whether text holds anything but whitespace and comments. */
static int has_code(const char *p, size_t len, size_t *first)
{
	size_t i = 0;

	while (i < len) {
		if (isspace((unsigned char)p[i])) {
			i++;
		} else if (p[i] == '-' && i + 1 < len && p[i + 1] == '-') {
			while (i < len && p[i] != '\n')
				i++;
		} else if (p[i] == '/' && i + 1 < len && p[i + 1] == '*') {
			i += 2;
			while (i + 1 < len && !(p[i] == '*' && p[i + 1] == '/'))
				i++;
			i += 2;
		} else {
			*first = i;
			return 1;
		}
	}
	return 0;
}

/*
 * How much of p[0, end) up to the end of its line holds only ';', blanks
 * and comments: after a statement's span, that is the statement's note
 * (the comment after its semicolon on the same line); at the start of the
 * next span, the part that is the note of the statement before. 0 when
 * the line has code.
 */
static size_t note_length(const char *p, const char *end)
{
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	const char *q = p;
	size_t first;

	if (eol == NULL)
		eol = end;
	while (q < eol && (*q == ';' || *q == ' ' || *q == '\t' || *q == '\r'))
		q++;
	if (has_code(q, (size_t)(eol - q), &first))
		return 0;
	return (size_t)(eol - p);
}

enum adv_status adv_sql_split(const char *script, const char *name,
			      struct adv_sql_stmt **out, size_t *n,
			      struct adv_error *err)
{
	PgQuerySplitResult r = pg_query_split_with_scanner(script);
	const char *script_end = script + strlen(script);
	struct adv_sql_stmt *stmts = NULL;
	size_t count = 0, alloc = 0;
	int i;

	*out = NULL;
	*n = 0;
	if (r.error != NULL) {
		long line = 1;
		int k;

		for (k = 0; k < r.error->cursorpos - 1 && script[k] != '\0';
		     k++)
			line += script[k] == '\n';
		adv_error_set(err, ADV_EINPUT, "%s at '%s:%ld'",
			      r.error->message, name, line);
		pg_query_free_split_result(r);
		return ADV_EINPUT;
	}
	for (i = 0; i < r.n_stmts; i++) {
		const char *text = script + r.stmts[i]->stmt_location;
		size_t len = (size_t)r.stmts[i]->stmt_len;
		size_t first = 0, k, lead;
		long line = 1;
		struct adv_sql_stmt *s;

		if (!has_code(text, len, &first))
			continue;
		for (k = 0; k < (size_t)r.stmts[i]->stmt_location + first; k++)
			line += script[k] == '\n';
		ADV_ALLOC_GROW(stmts, count + 1, alloc);
		s = &stmts[count++];
		while (len > first && isspace((unsigned char)text[len - 1]))
			len--;
		s->text = adv_xmalloc(len - first + 1);
		memcpy(s->text, text + first, len - first);
		s->text[len - first] = '\0';
		s->line = line;
		/*
		 * The comments above it and inside it, but not the first line
		 * of its span when that is the note of the statement before;
		 * then its own note.
		 */
		lead = r.stmts[i]->stmt_location > 0
			       ? note_length(text, text + r.stmts[i]->stmt_len)
			       : 0;
		s->calls = calls_of(text + lead,
				    (size_t)r.stmts[i]->stmt_len - lead);
		if (s->calls < 0) {
			const char *after = text + r.stmts[i]->stmt_len;

			s->calls =
				calls_of(after, note_length(after, script_end));
		}
		if (s->calls < 0)
			s->calls = 1;
	}
	pg_query_free_split_result(r);
	*out = stmts;
	*n = count;
	return ADV_OK;
}

void adv_sql_stmts_free(struct adv_sql_stmt *stmts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(stmts[i].text);
	free(stmts);
}
