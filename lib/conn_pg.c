/* The PostgreSQL driver: the only file that includes libpq-fe.h. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "buf.h"
#include "conn_int.h"
#include "signals.h"
#include "banned.h"

struct pg_conn {
	PGconn *pg;
	PGcancel *cancel;
};

static const char *pg_result_get(const struct adv_result *res, size_t row,
				 size_t col)
{
	PGresult *r = res->impl;

	if (PQgetisnull(r, (int)row, (int)col))
		return NULL;
	return PQgetvalue(r, (int)row, (int)col);
}

static const char *pg_result_name(const struct adv_result *res, size_t col)
{
	return PQfname(res->impl, (int)col);
}

static void pg_result_free(struct adv_result *res)
{
	PQclear(res->impl);
	free(res);
}

static const struct adv_result_ops pg_result_ops = {
	pg_result_get,
	pg_result_name,
	pg_result_free,
};

static void pg_cancel_now(void *arg)
{
	char errbuf[256];

	PQcancel(arg, errbuf, (int)sizeof(errbuf));
}

/* libpq messages end in newlines and may span lines; keep one line. */
static void set_pg_error(struct adv_error *err, enum adv_status status,
			 const char *prefix, const char *message)
{
	struct adv_buf b;
	size_t len;

	adv_buf_init(&b);
	adv_buf_addstr(&b, message == NULL ? "unknown error" : message);
	len = b.len;
	while (len > 0 && (b.data[len - 1] == '\n' || b.data[len - 1] == ' '))
		b.data[--len] = '\0';
	b.len = len;
	if (prefix != NULL)
		adv_error_set(err, status, "%s: %s", prefix, b.data);
	else
		adv_error_set(err, status, "%s", b.data);
	adv_buf_release(&b);
}

static enum adv_status pg_query(struct adv_conn *conn, const char *sql,
				int nparams, const char *const *params,
				struct adv_result **out, struct adv_error *err)
{
	struct pg_conn *pc = conn->impl;
	PGresult *r;
	ExecStatusType status;

	if (pc->cancel != NULL)
		adv_signals_set_cancel(pg_cancel_now, pc->cancel);
	r = PQexecParams(pc->pg, sql, nparams, NULL, params, NULL, NULL, 0);
	adv_signals_set_cancel(NULL, NULL);
	status = PQresultStatus(r);
	if (status == PGRES_TUPLES_OK) {
		struct adv_result *res;

		if (out == NULL) {
			PQclear(r);
			return ADV_OK;
		}
		res = adv_xcalloc(1, sizeof(*res));
		res->ops = &pg_result_ops;
		res->impl = r;
		res->nrows = (size_t)PQntuples(r);
		res->ncols = (size_t)PQnfields(r);
		*out = res;
		return ADV_OK;
	}
	if (status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY) {
		PQclear(r);
		return ADV_OK;
	}
	if (PQstatus(pc->pg) == CONNECTION_BAD) {
		set_pg_error(err, ADV_ECONNECT, "connection lost",
			     PQerrorMessage(pc->pg));
	} else {
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		const char *primary =
			PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);

		set_pg_error(err, ADV_ESERVER, NULL,
			     primary != NULL ? primary
					     : PQresultErrorMessage(r));
		if (err != NULL && state != NULL) {
			memcpy(err->sqlstate, state,
			       strlen(state) < 5 ? strlen(state) : 5);
			err->sqlstate[5] = '\0';
		}
	}
	PQclear(r);
	return err == NULL ? ADV_ESERVER : err->status;
}

static char *pg_quote_ident(struct adv_conn *conn, const char *name)
{
	struct pg_conn *pc = conn->impl;
	char *q = PQescapeIdentifier(pc->pg, name, strlen(name));
	char *copy;

	if (q == NULL)
		abort();
	copy = adv_xstrdup(q);
	PQfreemem(q);
	return copy;
}

static void pg_close(struct adv_conn *conn)
{
	struct pg_conn *pc = conn->impl;

	if (pc == NULL)
		return;
	adv_signals_set_cancel(NULL, NULL);
	if (pc->cancel != NULL)
		PQfreeCancel(pc->cancel);
	PQfinish(pc->pg);
	free(pc);
	conn->impl = NULL;
}

static const struct adv_conn_ops pg_ops = {
	pg_query,
	pg_quote_ident,
	pg_close,
};

/* "host:port" for messages, from what libpq attempted. */
static char *describe_target(PGconn *pg)
{
	const char *host = pg != NULL ? PQhost(pg) : NULL;
	const char *port = pg != NULL ? PQport(pg) : NULL;

	if (host == NULL || host[0] == '\0')
		host = "localhost";
	if (port == NULL || port[0] == '\0')
		port = "5432";
	return adv_xstrfmt("%s:%s", host, port);
}

static PGconn *try_connect(const struct adv_conn_params *params,
			   const char *password)
{
	const char *keys[10];
	const char *values[10];
	int n = 0;

	/* Earlier keys are overridden by the expanded dbname, later ones
	 * override it: flags that psql treats as defaults go first. */
	if (getenv("PGCONNECT_TIMEOUT") == NULL) {
		keys[n] = "connect_timeout";
		values[n++] = "10";
	}
	if (params->host != NULL) {
		keys[n] = "host";
		values[n++] = params->host;
	}
	if (params->port != NULL) {
		keys[n] = "port";
		values[n++] = params->port;
	}
	if (params->user != NULL) {
		keys[n] = "user";
		values[n++] = params->user;
	}
	if (password != NULL) {
		keys[n] = "password";
		values[n++] = password;
	}
	if (params->target != NULL) {
		keys[n] = "dbname";
		values[n++] = params->target;
	}
	keys[n] = "fallback_application_name";
	values[n++] = params->application_name != NULL
			      ? params->application_name
			      : "indexpilot";
	keys[n] = NULL;
	values[n] = NULL;
	return PQconnectdbParams(keys, values, 1);
}

static void wipe(char *s)
{
	volatile char *p = s;

	if (s == NULL)
		return;
	while (*p != '\0')
		*p++ = '\0';
}

enum adv_status adv_conn_pg_open(const struct adv_conn_params *params,
				 struct adv_conn **out, struct adv_error *err)
{
	PGconn *pg;
	char *password = NULL;
	char *where;
	struct adv_conn *conn;
	struct pg_conn *pc;
	struct adv_buf setup;
	enum adv_status st;

	*out = NULL;
	if (params->target != NULL && strchr(params->target, '=') != NULL &&
	    strstr(params->target, "://") == NULL) {
		char *parse_err = NULL;
		PQconninfoOption *opts =
			PQconninfoParse(params->target, &parse_err);

		if (opts == NULL) {
			set_pg_error(err, ADV_EUSAGE,
				     "invalid connection string", parse_err);
			PQfreemem(parse_err);
			return ADV_EUSAGE;
		}
		PQconninfoFree(opts);
	}
	if (params->password_mode == ADV_PASSWORD_FORCE &&
	    params->prompt != NULL)
		password = params->prompt("Password: ", params->prompt_ctx);
	pg = try_connect(params, password);
	if (PQstatus(pg) == CONNECTION_BAD && PQconnectionNeedsPassword(pg) &&
	    password == NULL && params->password_mode == ADV_PASSWORD_AUTO &&
	    params->prompt != NULL && isatty(STDIN_FILENO)) {
		PQfinish(pg);
		password = params->prompt("Password: ", params->prompt_ctx);
		pg = try_connect(params, password);
	}
	wipe(password);
	free(password);
	if (pg == NULL)
		return adv_error_set(err, ADV_ECONNECT,
				     "cannot connect: out of memory");
	if (PQstatus(pg) == CONNECTION_BAD) {
		char *prefix;

		where = describe_target(pg);
		prefix = adv_xstrfmt("cannot connect to '%s'", where);
		set_pg_error(err, ADV_ECONNECT, prefix, PQerrorMessage(pg));
		free(prefix);
		free(where);
		PQfinish(pg);
		return ADV_ECONNECT;
	}
	PQsetClientEncoding(pg, "UTF8");
	pc = adv_xcalloc(1, sizeof(*pc));
	pc->pg = pg;
	pc->cancel = PQgetCancel(pg);
	conn = adv_xcalloc(1, sizeof(*conn));
	conn->ops = &pg_ops;
	conn->impl = pc;
	conn->engine = ADV_ENGINE_POSTGRESQL;
	conn->host = adv_xstrdup(PQhost(pg) != NULL ? PQhost(pg) : "");
	conn->port =
		(int)strtol(PQport(pg) != NULL ? PQport(pg) : "0", NULL, 10);
	conn->database = adv_xstrdup(PQdb(pg) != NULL ? PQdb(pg) : "");
	conn->user = adv_xstrdup(PQuser(pg) != NULL ? PQuser(pg) : "");
	conn->server_version = PQserverVersion(pg);
	conn->echo = params->echo;
	conn->echo_ctx = params->echo_ctx;

	/* Our queries qualify every name; a safe search_path makes sure a
	 * user's objects can never shadow a catalog function. The statement
	 * is marked with the program's name, as the collector marks its own,
	 * so that it can be told apart in pg_stat_statements. */
	adv_buf_init(&setup);
	adv_buf_addf(
		&setup,
		"/* %s */ SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', false), "
		"pg_catalog.set_config('statement_timeout', '%d', false)",
		params->application_name != NULL ? params->application_name
						 : "indexpilot",
		params->statement_timeout_ms);
	st = adv_conn_query(conn, setup.data, 0, NULL, NULL, err);
	adv_buf_release(&setup);
	if (st != ADV_OK) {
		adv_error_prefix(err, "cannot set up the session on '%s:%d'",
				 conn->host, conn->port);
		adv_conn_free(conn);
		return st;
	}
	*out = conn;
	return ADV_OK;
}

char *adv_conn_pg_display(const struct adv_conn_params *params)
{
	const char *host = params->host, *port = params->port,
		   *user = params->user, *dbname = params->target;
	PQconninfoOption *opts = NULL, *o;
	char *result;
	struct adv_buf b;

	if (params->target != NULL && (strchr(params->target, '=') != NULL ||
				       strstr(params->target, "://") != NULL)) {
		char *parse_err = NULL;

		opts = PQconninfoParse(params->target, &parse_err);
		PQfreemem(parse_err);
		dbname = NULL;
		for (o = opts; o != NULL && o->keyword != NULL; o++) {
			if (o->val == NULL || o->val[0] == '\0')
				continue;
			if ((strcmp(o->keyword, "host") == 0 ||
			     strcmp(o->keyword, "hostaddr") == 0) &&
			    host == NULL)
				host = o->val;
			else if (strcmp(o->keyword, "port") == 0 &&
				 port == NULL)
				port = o->val;
			else if (strcmp(o->keyword, "user") == 0 &&
				 user == NULL)
				user = o->val;
			else if (strcmp(o->keyword, "dbname") == 0)
				dbname = o->val;
		}
		if (opts == NULL)
			dbname = "(unparsable connection string)";
	}
	if (host == NULL)
		host = getenv("PGHOST");
	if (port == NULL)
		port = getenv("PGPORT");
	adv_buf_init(&b);
	if (user != NULL)
		adv_buf_addf(&b, "%s@", user);
	adv_buf_addf(&b, "%s:%s", host != NULL ? host : "localhost",
		     port != NULL ? port : "5432");
	if (dbname != NULL)
		adv_buf_addf(&b, "/%s", dbname);
	result = adv_buf_detach(&b);
	if (opts != NULL)
		PQconninfoFree(opts);
	return result;
}
