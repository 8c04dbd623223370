#include "conn.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conn_int.h"
#include "banned.h"

const char *adv_engine_name(enum adv_engine engine)
{
	switch (engine) {
	case ADV_ENGINE_POSTGRESQL:
		return "postgresql";
	case ADV_ENGINE_MYSQL:
		return "mysql";
	case ADV_ENGINE_MSSQL:
		return "mssql";
	}
	return "postgresql";
}

int adv_engine_from_target(const char *target, enum adv_engine *out)
{
	static const struct {
		const char *scheme;
		enum adv_engine engine;
	} schemes[] = {
		{"postgresql://", ADV_ENGINE_POSTGRESQL},
		{"postgres://", ADV_ENGINE_POSTGRESQL},
		{"mysql://", ADV_ENGINE_MYSQL},
		{"mariadb://", ADV_ENGINE_MYSQL},
		{"mssql://", ADV_ENGINE_MSSQL},
		{"sqlserver://", ADV_ENGINE_MSSQL},
	};
	size_t i;
	const char *sep;

	*out = ADV_ENGINE_POSTGRESQL;
	if (target == NULL)
		return 0;
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		if (strncmp(target, schemes[i].scheme,
			    strlen(schemes[i].scheme)) == 0) {
			*out = schemes[i].engine;
			return 0;
		}
	}
	sep = strstr(target, "://");
	if (sep != NULL && strchr(target, '=') == NULL &&
	    strchr(target, ' ') == NULL)
		return -1;
	return 0;
}

enum adv_status adv_conn_open(const struct adv_conn_params *params,
			      struct adv_conn **out, struct adv_error *err)
{
	enum adv_engine engine;

	*out = NULL;
	if (adv_engine_from_target(params->target, &engine) != 0)
		return adv_error_set(err, ADV_EUSAGE,
				     "unknown URI scheme in '%.*s'",
				     (int)(strstr(params->target, "://") -
					   params->target + 3),
				     params->target);
	switch (engine) {
	case ADV_ENGINE_POSTGRESQL:
		return adv_conn_pg_open(params, out, err);
	case ADV_ENGINE_MYSQL:
	case ADV_ENGINE_MSSQL:
		break;
	}
	return adv_error_set(err, ADV_EUSAGE,
			     "the %s driver is not part of this build yet",
			     adv_engine_name(engine));
}

char *adv_conn_params_display(const struct adv_conn_params *params)
{
	enum adv_engine engine;

	if (adv_engine_from_target(params->target, &engine) != 0)
		return adv_xstrdup("(unknown URI scheme)");
	switch (engine) {
	case ADV_ENGINE_POSTGRESQL:
		return adv_conn_pg_display(params);
	case ADV_ENGINE_MYSQL:
	case ADV_ENGINE_MSSQL:
		break;
	}
	return adv_xstrfmt("%s://", adv_engine_name(engine));
}

void adv_conn_free(struct adv_conn *conn)
{
	if (conn == NULL)
		return;
	conn->ops->close(conn);
	free(conn->host);
	free(conn->database);
	free(conn->user);
	free(conn);
}

enum adv_status adv_conn_query(struct adv_conn *conn, const char *sql,
			       int nparams, const char *const *params,
			       struct adv_result **out, struct adv_error *err)
{
	if (out != NULL)
		*out = NULL;
	if (conn->echo != NULL)
		conn->echo(sql, conn->echo_ctx);
	return conn->ops->query(conn, sql, nparams, params, out, err);
}

enum adv_status adv_conn_exec(struct adv_conn *conn, const char *sql,
			      struct adv_error *err)
{
	struct adv_result *res = NULL;
	enum adv_status st = adv_conn_query(conn, sql, 0, NULL, &res, err);

	adv_result_free(res);
	return st;
}

void adv_conn_set_echo(struct adv_conn *conn, adv_echo_fn fn, void *ctx)
{
	conn->echo = fn;
	conn->echo_ctx = ctx;
}

enum adv_engine adv_conn_engine(const struct adv_conn *conn)
{
	return conn->engine;
}

const char *adv_conn_host(const struct adv_conn *conn)
{
	return conn->host;
}

int adv_conn_port(const struct adv_conn *conn)
{
	return conn->port;
}

const char *adv_conn_database(const struct adv_conn *conn)
{
	return conn->database;
}

const char *adv_conn_user(const struct adv_conn *conn)
{
	return conn->user;
}

int adv_conn_server_version(const struct adv_conn *conn)
{
	return conn->server_version;
}

char *adv_conn_quote_ident(struct adv_conn *conn, const char *name)
{
	return conn->ops->quote_ident(conn, name);
}

size_t adv_result_rows(const struct adv_result *res)
{
	return res == NULL ? 0 : res->nrows;
}

size_t adv_result_cols(const struct adv_result *res)
{
	return res == NULL ? 0 : res->ncols;
}

const char *adv_result_name(const struct adv_result *res, size_t col)
{
	if (res == NULL || col >= res->ncols)
		return NULL;
	return res->ops->name(res, col);
}

int adv_result_col(const struct adv_result *res, const char *name)
{
	size_t i;

	for (i = 0; res != NULL && i < res->ncols; i++) {
		if (strcmp(res->ops->name(res, i), name) == 0)
			return (int)i;
	}
	return -1;
}

const char *adv_result_get(const struct adv_result *res, size_t row, size_t col)
{
	if (res == NULL || row >= res->nrows || col >= res->ncols)
		return NULL;
	return res->ops->get(res, row, col);
}

void adv_result_free(struct adv_result *res)
{
	if (res != NULL)
		res->ops->free(res);
}
