#ifndef ADV_CONN_INT_H
#define ADV_CONN_INT_H

/* Private to conn.c and the drivers: the vtables behind the interface. */

#include "conn.h"

struct adv_result_ops {
	const char *(*get)(const struct adv_result *res, size_t row,
			   size_t col);
	const char *(*name)(const struct adv_result *res, size_t col);
	void (*free)(struct adv_result *res);
};

struct adv_result {
	const struct adv_result_ops *ops;
	void *impl;
	size_t nrows;
	size_t ncols;
};

struct adv_conn_ops {
	enum adv_status (*query)(struct adv_conn *conn, const char *sql,
				 int nparams, const char *const *params,
				 struct adv_result **out,
				 struct adv_error *err);
	char *(*quote_ident)(struct adv_conn *conn, const char *name);
	void (*close)(struct adv_conn *conn);
};

struct adv_conn {
	const struct adv_conn_ops *ops;
	void *impl;
	enum adv_engine engine;
	char *host;
	int port;
	char *database;
	char *user;
	int server_version;
	adv_echo_fn echo;
	void *echo_ctx;
};

enum adv_status adv_conn_pg_open(const struct adv_conn_params *params,
				 struct adv_conn **out, struct adv_error *err);

char *adv_conn_pg_display(const struct adv_conn_params *params);

#endif
