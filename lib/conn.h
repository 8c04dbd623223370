#ifndef ADV_CONN_H
#define ADV_CONN_H

#include <stddef.h>

#include "status.h"

/*
 * One connection interface for every engine. A driver (conn_pg.c, and
 * conn_my.c / conn_tds.c as they arrive) is the only file that includes a
 * client library header; everything above sees struct adv_conn and
 * struct adv_result, whose values are text (NULL for SQL NULL), as every
 * client library can deliver them.
 */
enum adv_engine {
	ADV_ENGINE_POSTGRESQL = 0,
	ADV_ENGINE_MYSQL,
	ADV_ENGINE_MSSQL
};

const char *adv_engine_name(enum adv_engine engine);

enum adv_password_mode {
	ADV_PASSWORD_AUTO =
		0, /* prompt only if the server asks and stdin is a tty */
	ADV_PASSWORD_NEVER, /* -w */
	ADV_PASSWORD_FORCE  /* -W */
};

/* Asks the user for a password; returns a malloc'd string or NULL. */
typedef char *(*adv_prompt_fn)(const char *prompt, void *ctx);
/* Sees every statement sent (for --echo); never sees a password. */
typedef void (*adv_echo_fn)(const char *sql, void *ctx);

struct adv_conn_params {
	const char *target; /* -d: a name, a conninfo string or a URI */
	const char *host;
	const char *port;
	const char *user;
	enum adv_password_mode password_mode;
	adv_prompt_fn prompt;
	void *prompt_ctx;
	const char *application_name; /* fallback_application_name */
	int statement_timeout_ms;     /* 0: none */
	adv_echo_fn echo;	      /* sees the session setup too */
	void *echo_ctx;
};

/*
 * The engine a target names by its URI scheme: postgresql:// postgres://
 * mysql:// mariadb:// mssql:// sqlserver://; anything else (a database
 * name, a conninfo string) is PostgreSQL. Returns -1 for an unknown
 * "scheme://".
 */
int adv_engine_from_target(const char *target, enum adv_engine *out);

struct adv_conn;
struct adv_result;

/*
 * Connects. On failure returns ADV_ECONNECT (or ADV_EUSAGE for a malformed
 * target) with a message that names host and port and never the password.
 * A connected PostgreSQL session has search_path = pg_catalog, pg_temp,
 * the statement timeout set, and cancels its running statement on SIGINT.
 */
enum adv_status adv_conn_open(const struct adv_conn_params *params,
			      struct adv_conn **out, struct adv_error *err);
void adv_conn_free(struct adv_conn *conn);

/*
 * A description of where params point, for messages and records:
 * "user@host:port/dbname" with whatever is known, never a password (a
 * password inside a URI or conninfo string is dropped). Caller frees.
 */
char *adv_conn_params_display(const struct adv_conn_params *params);

/*
 * Runs one statement with optional text parameters ($1... in PostgreSQL).
 * *out receives the result (caller frees) for statements that return rows,
 * or NULL. A server error is ADV_ESERVER with err->sqlstate set; a lost
 * connection is ADV_ECONNECT.
 */
enum adv_status adv_conn_query(struct adv_conn *conn, const char *sql,
			       int nparams, const char *const *params,
			       struct adv_result **out, struct adv_error *err);
/* adv_conn_query that discards the result. */
enum adv_status adv_conn_exec(struct adv_conn *conn, const char *sql,
			      struct adv_error *err);

void adv_conn_set_echo(struct adv_conn *conn, adv_echo_fn fn, void *ctx);

enum adv_engine adv_conn_engine(const struct adv_conn *conn);
/* Host (or socket directory), port, database and user actually used. */
const char *adv_conn_host(const struct adv_conn *conn);
int adv_conn_port(const struct adv_conn *conn);
const char *adv_conn_database(const struct adv_conn *conn);
const char *adv_conn_user(const struct adv_conn *conn);
/* Server version as a number (PostgreSQL: 150018) and as text. */
int adv_conn_server_version(const struct adv_conn *conn);

/* Quotes an identifier with the driver's own rules; caller frees. */
char *adv_conn_quote_ident(struct adv_conn *conn, const char *name);

size_t adv_result_rows(const struct adv_result *res);
size_t adv_result_cols(const struct adv_result *res);
const char *adv_result_name(const struct adv_result *res, size_t col);
/* Column number by name, or -1. */
int adv_result_col(const struct adv_result *res, const char *name);
/* The value as text, or NULL for SQL NULL. Valid until the result is freed. */
const char *adv_result_get(const struct adv_result *res, size_t row,
			   size_t col);
void adv_result_free(struct adv_result *res);

#endif
