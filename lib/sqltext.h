#ifndef ADV_SQLTEXT_H
#define ADV_SQLTEXT_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "status.h"

/*
 * PostgreSQL SQL text through libpg_query, the real PostgreSQL parser.
 * With sqlast_pg.c (which builds the pattern rules' tree from the same
 * parser) the only files that include pg_query.h.
 */

/*
 * Parses sql into the parse tree as JSON (libpg_query's JSON output, the
 * "stmts" array of RawStmt). A syntax error is ADV_EINPUT with the
 * parser's message and the 1-based character position.
 */
enum adv_status adv_sql_parse(const char *sql, cJSON **tree,
			      struct adv_error *err);

/* Constants replaced by $n, as pg_stat_statements shows queries. */
enum adv_status adv_sql_normalize(const char *sql, char **out,
				  struct adv_error *err);

/* libpg_query's fingerprint: 16 lower-case hex digits plus NUL. */
enum adv_status adv_sql_fingerprint(const char *sql, char out[17],
				    struct adv_error *err);

/* The highest $n parameter number in sql (0 when none). */
int adv_sql_max_param(const char *sql);

/*
 * One statement of a script: its text (without the terminating ';'), the
 * 1-based line it starts on, and the calls weight given by a
 * "-- calls: N" comment inside or right before it (1 without one).
 */
struct adv_sql_stmt {
	char *text;
	long line;
	double calls;
};

/*
 * Splits a PostgreSQL script into statements with the real scanner (so
 * semicolons in strings, comments and dollar quotes are not splits). A
 * script that does not scan is ADV_EINPUT naming name:line.
 */
enum adv_status adv_sql_split(const char *script, const char *name,
			      struct adv_sql_stmt **out, size_t *n,
			      struct adv_error *err);
void adv_sql_stmts_free(struct adv_sql_stmt *stmts, size_t n);

#endif
