#include "unit.h"

#include "buf.h"
#include "candidate.h"
#include "conn_int.h"
#include "sqlquote.h"
#include "whatif.h"

/*
 * A fake PostgreSQL session behind the driver interface (conn_int.h): it
 * answers the statements whatif.c sends the way PostgreSQL with hypopg
 * does, keeps count of the hypothetical indexes, and logs every statement
 * with its parameters, one per line, so that tests can assert on exactly
 * what a server would have seen.
 */
struct fake {
	struct adv_buf log;
	const char *schema;	  /* hypopg's schema */
	int no_hypopg;		  /* the extension is absent */
	const char *explain_json; /* what EXPLAIN returns */
	int fail_explain;	  /* EXPLAIN fails (42P01) this many times */
	int fail_prepare;	  /* PREPARE fails (42P18) */
	int fail_create;	  /* hypopg_create_index fails (XX000) */
	int fail_drop;		  /* hypopg_drop_index fails this many times */
	int fail_deallocate;	  /* DEALLOCATE fails this many times */
	const char *size_text;	  /* what hypopg_relation_size returns */
	int next_oid;
	int hypothetical; /* how many exist in the session */
	int explains;
};

struct fake_rows {
	char **values; /* nrows * ncols */
	char **names;
};

static const char *fake_get(const struct adv_result *res, size_t row,
			    size_t col)
{
	const struct fake_rows *r = res->impl;

	return r->values[row * res->ncols + col];
}

static const char *fake_name(const struct adv_result *res, size_t col)
{
	const struct fake_rows *r = res->impl;

	return r->names[col];
}

static void fake_result_free(struct adv_result *res)
{
	struct fake_rows *r = res->impl;
	size_t i;

	for (i = 0; i < res->nrows * res->ncols; i++)
		free(r->values[i]);
	for (i = 0; i < res->ncols; i++)
		free(r->names[i]);
	free(r->values);
	free(r->names);
	free(r);
	free(res);
}

static const struct adv_result_ops fake_result_ops = {
	fake_get,
	fake_name,
	fake_result_free,
};

/* A one-row result; values are ncols strings (NULL for SQL NULL). */
static struct adv_result *one_row(size_t ncols, const char *const *values)
{
	struct adv_result *res = adv_xcalloc(1, sizeof(*res));
	struct fake_rows *r = adv_xcalloc(1, sizeof(*r));
	size_t i;

	r->values = adv_xcalloc(ncols + 1, sizeof(*r->values));
	r->names = adv_xcalloc(ncols + 1, sizeof(*r->names));
	for (i = 0; i < ncols; i++) {
		r->values[i] = adv_xstrdup_or_null(values[i]);
		r->names[i] = adv_xstrfmt("c%zu", i);
	}
	res->ops = &fake_result_ops;
	res->impl = r;
	res->nrows = 1;
	res->ncols = ncols;
	return res;
}

static struct adv_result *no_rows(void)
{
	struct adv_result *res = one_row(0, NULL);

	res->nrows = 0;
	return res;
}

static enum adv_status fake_error(struct adv_error *err, const char *state,
				  const char *message)
{
	adv_error_set(err, ADV_ESERVER, "%s", message);
	memcpy(err->sqlstate, state, 6);
	return ADV_ESERVER;
}

static int take(int *counter)
{
	if (*counter <= 0)
		return 0;
	(*counter)--;
	return 1;
}

static enum adv_status fake_query(struct adv_conn *conn, const char *sql,
				  int nparams, const char *const *params,
				  struct adv_result **out,
				  struct adv_error *err)
{
	struct fake *f = conn->impl;
	struct adv_result *res = NULL;
	int i;

	adv_buf_addstr(&f->log, sql);
	for (i = 0; i < nparams; i++)
		adv_buf_addf(&f->log, " [%s]", params[i]);
	adv_buf_addch(&f->log, '\n');

	if (strstr(sql, "pg_catalog.pg_extension") != NULL) {
		const char *row[] = {"1.3.1", f->schema};

		res = f->no_hypopg ? no_rows() : one_row(2, row);
	} else if (strstr(sql, ".hypopg_reset()") != NULL) {
		const char *row[] = {""};

		f->hypothetical = 0;
		res = one_row(1, row);
	} else if (strstr(sql, ".hypopg_create_index($1)") != NULL) {
		char oid[16], name[32];
		const char *row[] = {oid, name};

		if (f->fail_create)
			return fake_error(
				err, "XX000",
				"hypopg: column \"x\" does not exist");
		snprintf(oid, sizeof(oid), "%d", f->next_oid);
		snprintf(name, sizeof(name), "<%d>btree_hypo", f->next_oid);
		f->next_oid++;
		f->hypothetical++;
		res = one_row(2, row);
	} else if (strstr(sql, ".hypopg_drop_index(o)") != NULL) {
		const char *p;

		if (take(&f->fail_drop))
			return fake_error(
				err, "57014",
				"canceling statement due to user request");
		f->hypothetical--;
		for (p = params[0]; *p != '\0'; p++) {
			if (*p == ',')
				f->hypothetical--;
		}
		res = no_rows();
	} else if (strstr(sql, ".hypopg_relation_size($1)") != NULL) {
		const char *row[] = {f->size_text};

		res = one_row(1, row);
	} else if (strstr(sql, "current_setting('plan_cache_mode')") != NULL) {
		const char *row[] = {"auto", "force_generic_plan"};

		res = one_row(2, row);
	} else if (strstr(sql, "set_config('plan_cache_mode', $1") != NULL) {
		res = no_rows();
	} else if (strncmp(sql, "PREPARE ", 8) == 0) {
		if (f->fail_prepare)
			return fake_error(
				err, "42P18",
				"could not determine data type of parameter $1");
	} else if (strncmp(sql, "EXPLAIN ", 8) == 0) {
		const char *row[] = {f->explain_json};

		f->explains++;
		if (take(&f->fail_explain))
			return fake_error(err, "42P01",
					  "relation \"nosuch\" does not exist");
		res = one_row(1, row);
	} else if (strncmp(sql, "DEALLOCATE ", 11) == 0) {
		if (take(&f->fail_deallocate))
			return fake_error(err, "08006", "connection lost");
	} else {
		return fake_error(err, "42601", "the fake does not know this");
	}
	if (out != NULL)
		*out = res;
	else
		adv_result_free(res);
	return ADV_OK;
}

static char *fake_quote_ident(struct adv_conn *conn, const char *name)
{
	struct adv_buf b;

	(void)conn;
	adv_buf_init(&b);
	adv_sql_ident(&b, ADV_ENGINE_POSTGRESQL, name);
	return adv_buf_detach(&b);
}

static void fake_close(struct adv_conn *conn)
{
	struct fake *f = conn->impl;

	adv_buf_release(&f->log);
	free(f);
	conn->impl = NULL;
}

static const struct adv_conn_ops fake_ops = {
	fake_query,
	fake_quote_ident,
	fake_close,
};

/* {"Plan": {"Node Type": ..., "Total Cost": 40.5, "Plans": [index scan]}} */
#define PLAN_WITH(name)                                                      \
	"[{\"Plan\": {\"Node Type\": \"Bitmap Heap Scan\", \"Total Cost\": " \
	"40.5, \"Plans\": [{\"Node Type\": \"Bitmap Index Scan\", \"Index "  \
	"Name\": \"" name "\", \"Total Cost\": 4.1}]}}]"
#define PLAN_SEQ \
	"[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Total Cost\": 2185}}]"

static struct adv_conn *fake_conn(struct fake **out)
{
	struct adv_conn *conn = adv_xcalloc(1, sizeof(*conn));
	struct fake *f = adv_xcalloc(1, sizeof(*f));

	adv_buf_init(&f->log);
	f->schema = "public";
	f->explain_json = PLAN_SEQ;
	f->size_text = "8192";
	f->next_oid = 1000;
	conn->ops = &fake_ops;
	conn->impl = f;
	conn->engine = ADV_ENGINE_POSTGRESQL;
	conn->database = adv_xstrdup("shop");
	conn->server_version = 150004;
	*out = f;
	return conn;
}

/* A candidate on public.t (or table) with one key column. */
static struct adv_candidate *cand(const char *table, const char *column)
{
	struct adv_candidate *c = adv_xcalloc(1, sizeof(*c));

	c->schema = adv_xstrdup("public");
	c->table = adv_xstrdup(table);
	c->keys = adv_xcalloc(1, sizeof(*c->keys));
	c->keys[0].column = adv_xstrdup(column);
	c->nkeys = 1;
	c->size_bytes = -1;
	return c;
}

static size_t count_lines(const char *log, const char *prefix)
{
	size_t n = 0;
	const char *p = log;

	while (*p != '\0') {
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			n++;
		p = strchr(p, '\n');
		if (p == NULL)
			break;
		p++;
	}
	return n;
}

/* The fixture of most tests: an open session and candidates a, b, c. */
struct fixture {
	struct adv_conn *conn;
	struct fake *fake;
	struct adv_whatif *w;
	struct adv_candidate *a, *b, *c;
	struct adv_error err;
};

static int setup(void **state)
{
	struct fixture *fx = adv_xcalloc(1, sizeof(*fx));

	fx->conn = fake_conn(&fx->fake);
	adv_error_init(&fx->err);
	assert_int_equal(adv_whatif_open(fx->conn, &fx->w, &fx->err), ADV_OK);
	fx->a = cand("t", "a");
	fx->b = cand("t", "b");
	fx->c = cand("t", "c");
	adv_buf_reset(&fx->fake->log);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	adv_whatif_free(fx->w);
	adv_conn_free(fx->conn);
	adv_candidate_free(fx->a);
	adv_candidate_free(fx->b);
	adv_candidate_free(fx->c);
	free(fx);
	return 0;
}

static void adv_whatif_open__no_hypopg__eserver_naming_database_and_package(
	void **state)
{
	static const struct {
		int version;
		const char *package;
	} cases[] = {
		{150004, "postgresql-15-hypopg"},
		{160002, "postgresql-16-hypopg"},
		{90624, "postgresql-9.6-hypopg"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct fake *f;
		struct adv_conn *conn = fake_conn(&f);
		struct adv_whatif *w = NULL;
		struct adv_error err;
		char *want = adv_xstrfmt(
			"hypopg is not installed in database 'shop': CREATE EXTENSION hypopg (Debian package %s)",
			cases[i].package);

		f->no_hypopg = 1;
		conn->server_version = cases[i].version;
		adv_error_init(&err);
		assert_int_equal(adv_whatif_open(conn, &w, &err), ADV_ESERVER);
		assert_null(w);
		assert_string_equal(err.message, want);
		unit_assert_not_contains(f->log.data, "hypopg_reset");
		free(want);
		adv_conn_free(conn);
	}
}

static void adv_whatif_open__schema_needs_quoting__functions_qualified(
	void **state)
{
	struct fake *f;
	struct adv_conn *conn = fake_conn(&f);
	struct adv_whatif *w = NULL;
	struct adv_candidate *a = cand("t", "a");
	struct adv_error err;
	double bytes = 0;

	(void)state;
	f->schema = "hy\"po; x";
	adv_error_init(&err);
	assert_int_equal(adv_whatif_open(conn, &w, &err), ADV_OK);
	unit_assert_contains(f->log.data,
			     "SELECT \"hy\"\"po; x\".hypopg_reset()\n");
	assert_int_equal(adv_whatif_size(w, a, &bytes, &err), ADV_OK);
	unit_assert_contains(
		f->log.data,
		"SELECT indexrelid, indexname FROM \"hy\"\"po; x\".hypopg_create_index($1) "
		"[CREATE INDEX ON \"public\".\"t\" USING btree (\"a\")]\n");
	unit_assert_contains(
		f->log.data,
		"SELECT \"hy\"\"po; x\".hypopg_relation_size($1) [1000]\n");
	adv_whatif_free(w);
	adv_candidate_free(a);
	adv_conn_free(conn);
}

static void adv_whatif_open__not_postgresql__eusage(void **state)
{
	struct fake *f;
	struct adv_conn *conn = fake_conn(&f);
	struct adv_whatif *w = NULL;
	struct adv_error err;

	(void)state;
	conn->engine = ADV_ENGINE_MYSQL;
	adv_error_init(&err);
	assert_int_equal(adv_whatif_open(conn, &w, &err), ADV_EUSAGE);
	assert_null(w);
	assert_string_equal(f->log.data, "");
	adv_conn_free(conn);
}

static void adv_whatif_cost__plan__total_cost_and_used_per_position(
	void **state)
{
	struct fixture *fx = *state;
	/* a sorts first, so it is created first: b is <1001> */
	const struct adv_candidate *config[] = {fx->b, fx->a, fx->b};
	unsigned char used[3] = {9, 9, 9};
	double cost = 0;

	fx->fake->explain_json =
		"[{\"Plan\": {\"Node Type\": \"Nested Loop\", \"Total Cost\": 123.5, "
		"\"Plans\": [{\"Node Type\": \"Index Scan\", \"Index Name\": \"t_pkey\"}, "
		"{\"Node Type\": \"Hash\", \"Plans\": [{\"Node Type\": \"Bitmap Heap Scan\", "
		"\"Plans\": [{\"Node Type\": \"Bitmap Index Scan\", "
		"\"Index Name\": \"<1001>btree_hypo\"}]}]}]}}]";
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 1", config, 3, &cost,
					 used, &fx->err),
			 ADV_OK);
	assert_true(cost == 123.5);
	assert_int_equal(used[0], 1);
	assert_int_equal(used[1], 0);
	assert_int_equal(used[2], 1);
	assert_int_equal(fx->fake->hypothetical, 2);
	assert_int_equal(adv_whatif_calls(fx->w), 1);
	assert_int_equal(
		count_lines(fx->fake->log.data, "SELECT indexrelid, indexname"),
		2);
	unit_assert_contains(fx->fake->log.data,
			     "EXPLAIN (FORMAT JSON) SELECT 1\n");
}

static void adv_whatif_cost__same_set_any_order__cached_without_server(
	void **state)
{
	struct fixture *fx = *state;
	const struct adv_candidate *ab[] = {fx->a, fx->b};
	const struct adv_candidate *ba[] = {fx->b, fx->a};
	const struct adv_candidate *baa[] = {fx->b, fx->a, fx->a};
	const struct adv_candidate *none[] = {NULL};
	unsigned char used[3];
	double cost = 0;
	size_t logged;

	fx->fake->explain_json = PLAN_WITH("<1000>btree_hypo");
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 1", ab, 2, &cost, used,
					 &fx->err),
			 ADV_OK);
	logged = fx->fake->log.len;
	fx->fake->explain_json = PLAN_SEQ; /* a second EXPLAIN would see it */
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 1", ba, 2, &cost, used,
					 &fx->err),
			 ADV_OK);
	assert_true(cost == 40.5);
	assert_int_equal(used[0], 0);
	assert_int_equal(used[1], 1);
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 1", baa, 3, &cost, used,
					 &fx->err),
			 ADV_OK);
	assert_int_equal(used[2], 1);
	assert_int_equal(fx->fake->log.len, logged);
	assert_int_equal(adv_whatif_calls(fx->w), 1);
	/* another statement, or another set, is another question */
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 2", ab, 2, &cost, NULL,
					 &fx->err),
			 ADV_OK);
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 1", none, 0, &cost,
					 NULL, &fx->err),
			 ADV_OK);
	assert_true(cost == 2185);
	assert_int_equal(adv_whatif_calls(fx->w), 3);
}

static void adv_whatif_cost__set_changes__drops_unwanted_creates_missing(
	void **state)
{
	struct fixture *fx = *state;
	const struct adv_candidate *ab[] = {fx->a, fx->b};
	const struct adv_candidate *bc[] = {fx->b, fx->c};
	const struct adv_candidate *c[] = {fx->c};
	double cost = 0;

	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 1", ab, 2, &cost, NULL,
					 &fx->err),
			 ADV_OK);
	adv_buf_reset(&fx->fake->log);
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 1", bc, 2, &cost, NULL,
					 &fx->err),
			 ADV_OK);
	assert_string_equal(
		fx->fake->log.data,
		"SELECT \"public\".hypopg_drop_index(o) FROM pg_catalog.unnest($1::pg_catalog.oid[]) AS o [{1000}]\n"
		"SELECT indexrelid, indexname FROM \"public\".hypopg_create_index($1) "
		"[CREATE INDEX ON \"public\".\"t\" USING btree (\"c\")]\n"
		"EXPLAIN (FORMAT JSON) SELECT 1\n");
	assert_int_equal(fx->fake->hypothetical, 2);
	adv_buf_reset(&fx->fake->log);
	/* everything goes but one: one statement still */
	assert_int_equal(
		adv_whatif_cost(fx->w, "SELECT 2", c, 1, &cost, NULL, &fx->err),
		ADV_OK);
	assert_int_equal(count_lines(fx->fake->log.data,
				     "SELECT \"public\".hypopg_drop_index"),
			 1);
	unit_assert_contains(fx->fake->log.data, "[{1001}]");
	assert_int_equal(fx->fake->hypothetical, 1);
	adv_buf_reset(&fx->fake->log);
	/* everything goes: a reset */
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 3", NULL, 0, &cost,
					 NULL, &fx->err),
			 ADV_OK);
	assert_string_equal(fx->fake->log.data,
			    "SELECT \"public\".hypopg_reset()\n"
			    "EXPLAIN (FORMAT JSON) SELECT 3\n");
	assert_int_equal(fx->fake->hypothetical, 0);
}

static void adv_whatif_cost__parameters__prepared_generic_plan_each_time(
	void **state)
{
	struct fixture *fx = *state;
	const struct adv_candidate *a[] = {fx->a};
	double cost = 0;

	assert_int_equal(
		adv_whatif_cost(fx->w,
				"SELECT * FROM t WHERE a = $1 AND b = $3", NULL,
				0, &cost, NULL, &fx->err),
		ADV_OK);
	assert_int_equal(
		adv_whatif_cost(fx->w,
				"SELECT * FROM t WHERE a = $1 AND b = $3", a, 1,
				&cost, NULL, &fx->err),
		ADV_OK);
	assert_string_equal(
		fx->fake->log.data,
		"SELECT pg_catalog.current_setting('plan_cache_mode'), "
		"pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', false)\n"
		"PREPARE ip_whatif_1 AS SELECT * FROM t WHERE a = $1 AND b = $3\n"
		"EXPLAIN (FORMAT JSON) EXECUTE ip_whatif_1(NULL, NULL, NULL)\n"
		"DEALLOCATE ip_whatif_1\n"
		"SELECT indexrelid, indexname FROM \"public\".hypopg_create_index($1) "
		"[CREATE INDEX ON \"public\".\"t\" USING btree (\"a\")]\n"
		"PREPARE ip_whatif_2 AS SELECT * FROM t WHERE a = $1 AND b = $3\n"
		"EXPLAIN (FORMAT JSON) EXECUTE ip_whatif_2(NULL, NULL, NULL)\n"
		"DEALLOCATE ip_whatif_2\n");
	assert_int_equal(adv_whatif_calls(fx->w), 2);
}

/* The interface speaks the extended protocol, where "EXPLAIN (GENERIC_PLAN)
 * ... $1" would need a value for $1: PREPARE is used on 16+ as well. */
static void adv_whatif_cost__postgresql_16__prepared_too(void **state)
{
	struct fixture *fx = *state;
	double cost = 0;

	fx->conn->server_version = 160002;
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT $1::int", NULL, 0,
					 &cost, NULL, &fx->err),
			 ADV_OK);
	unit_assert_contains(
		fx->fake->log.data,
		"EXPLAIN (FORMAT JSON) EXECUTE ip_whatif_1(NULL)\n");
	unit_assert_not_contains(fx->fake->log.data, "GENERIC_PLAN");
}

static void adv_whatif_cost__prepare_fails__eserver_nothing_to_deallocate(
	void **state)
{
	struct fixture *fx = *state;
	double cost = -1;

	fx->fake->fail_prepare = 1;
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT * FROM t WHERE a = $2",
					 NULL, 0, &cost, NULL, &fx->err),
			 ADV_ESERVER);
	assert_string_equal(fx->err.sqlstate, "42P18");
	assert_string_equal(
		fx->err.message,
		"cannot plan 'SELECT * FROM t WHERE a = $2': could not determine data type of parameter $1");
	assert_true(cost == -1);
	assert_int_equal(adv_whatif_calls(fx->w), 0);
	unit_assert_not_contains(fx->fake->log.data, "DEALLOCATE");
}

static void adv_whatif_cost__explain_fails__deallocated_and_session_usable(
	void **state)
{
	struct fixture *fx = *state;
	const struct adv_candidate *a[] = {fx->a};
	unsigned char used[1] = {0};
	double cost = 0;

	fx->fake->fail_explain = 2;
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT * FROM nosuch", a, 1,
					 &cost, used, &fx->err),
			 ADV_ESERVER);
	assert_string_equal(fx->err.sqlstate, "42P01");
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT $1 FROM nosuch", a, 1,
					 &cost, used, &fx->err),
			 ADV_ESERVER);
	unit_assert_contains(fx->fake->log.data, "DEALLOCATE ip_whatif_1\n");
	assert_int_equal(adv_whatif_calls(fx->w), 2);
	/* failures are not cached: the same question goes to the server */
	fx->fake->explain_json = PLAN_WITH("<1000>btree_hypo");
	assert_int_equal(adv_whatif_cost(fx->w, "SELECT * FROM nosuch", a, 1,
					 &cost, used, &fx->err),
			 ADV_OK);
	assert_true(cost == 40.5);
	assert_int_equal(used[0], 1);
	assert_int_equal(adv_whatif_calls(fx->w), 3);
	/* the hypothetical index survived the failures */
	assert_int_equal(
		count_lines(fx->fake->log.data, "SELECT indexrelid, indexname"),
		1);
}

static void adv_whatif_cost__create_fails__eserver_naming_candidate(
	void **state)
{
	struct fixture *fx = *state;
	const struct adv_candidate *a[] = {fx->a};
	double cost = 0;

	fx->fake->fail_create = 1;
	assert_int_equal(
		adv_whatif_cost(fx->w, "SELECT 1", a, 1, &cost, NULL, &fx->err),
		ADV_ESERVER);
	assert_string_equal(
		fx->err.message,
		"cannot create hypothetical index '\"public\".\"t\"(\"a\")': hypopg: column \"x\" does not exist");
	assert_int_equal(adv_whatif_calls(fx->w), 0);
}

static void adv_whatif_cost__drop_fails__reset_before_next_use(void **state)
{
	struct fixture *fx = *state;
	const struct adv_candidate *ab[] = {fx->a, fx->b};
	const struct adv_candidate *b[] = {fx->b};
	double cost = 0;

	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 1", ab, 2, &cost, NULL,
					 &fx->err),
			 ADV_OK);
	fx->fake->fail_drop = 1;
	assert_int_equal(
		adv_whatif_cost(fx->w, "SELECT 1", b, 1, &cost, NULL, &fx->err),
		ADV_ESERVER);
	adv_buf_reset(&fx->fake->log);
	assert_int_equal(
		adv_whatif_cost(fx->w, "SELECT 1", b, 1, &cost, NULL, &fx->err),
		ADV_OK);
	assert_string_equal(
		fx->fake->log.data,
		"SELECT \"public\".hypopg_reset()\n"
		"SELECT indexrelid, indexname FROM \"public\".hypopg_create_index($1) "
		"[CREATE INDEX ON \"public\".\"t\" USING btree (\"b\")]\n"
		"EXPLAIN (FORMAT JSON) SELECT 1\n");
	assert_int_equal(fx->fake->hypothetical, 1);
}

static void adv_whatif_cost__malformed_plan__eserver_not_cached(void **state)
{
	static const char *const plans[] = {
		"",
		"not json",
		"{}",
		"[]",
		"[1]",
		"[{}]",
		"[{\"Plan\": []}]",
		"[{\"Plan\": {}}]",
		"[{\"Plan\": {\"Total Cost\": \"12\"}}]",
		"[{\"Plan\": {\"Total Cost\": null}}]",
		"[{\"Plan\": {\"Total Cost\": -1}}]",
		"[{\"Plan\": {\"Total Cost\": 1e999}}]",
		"[{\"Plan\": {\"Total Cost\": 1}}, 7]",
		"[{\"Plan\": {\"Total Cost\": 1}}, {\"Plan\": {}}]",
		"[{\"Plan\": {\"Total Cost\": 1",
		"[{\"Plan\": {\"Total Cost\": 1}}] trailing",
	};
	struct fixture *fx = *state;
	size_t i;

	for (i = 0; i < UNIT_ARRAY_SIZE(plans); i++) {
		double cost = -1;

		fx->fake->explain_json = plans[i];
		if (adv_whatif_cost(fx->w, "SELECT 1", NULL, 0, &cost, NULL,
				    &fx->err) != ADV_ESERVER)
			fail_msg("plan '%s' was accepted", plans[i]);
		unit_assert_contains(fx->err.message,
				     "cannot plan 'SELECT 1': ");
		assert_true(cost == -1);
	}
	assert_int_equal(adv_whatif_calls(fx->w), UNIT_ARRAY_SIZE(plans));
}

/* Odd shapes that still carry a cost: node fields of other types are not
 * errors, and a rule's extra statements add their costs. */
static void adv_whatif_cost__odd_but_valid_plans__read(void **state)
{
	static const struct {
		const char *json;
		double cost;
		int used;
	} cases[] = {
		{"[{\"Plan\": {\"Total Cost\": 10, \"Plans\": \"x\"}}]", 10, 0},
		{"[{\"Plan\": {\"Total Cost\": 10, \"Index Name\": 5}}]", 10,
		 0},
		{"[{\"Plan\": {\"Total Cost\": 10, \"Plans\": [1, null, "
		 "{\"Index Name\": \"<1000>btree_hypo\"}]}}]",
		 10, 1},
		{"[{\"Plan\": {\"Total Cost\": 10}}, {\"Plan\": {\"Total Cost\": "
		 "2.5, \"Index Name\": \"<1000>btree_hypo\"}}]",
		 12.5, 1},
		{"[{\"Plan\": {\"Total Cost\": 0}}]", 0, 0},
	};
	struct fixture *fx = *state;
	const struct adv_candidate *a[] = {fx->a};
	size_t i;

	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		char *sql = adv_xstrfmt("SELECT %zu", i);
		unsigned char used[1] = {9};
		double cost = -1;

		fx->fake->explain_json = cases[i].json;
		assert_int_equal(adv_whatif_cost(fx->w, sql, a, 1, &cost, used,
						 &fx->err),
				 ADV_OK);
		if (cost != cases[i].cost || used[0] != cases[i].used)
			fail_msg("'%s': cost %g used %d", cases[i].json, cost,
				 used[0]);
		free(sql);
	}
}

static int valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		int n = *p < 0x80 ? 0 : *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : 1;
		int i;

		if (*p >= 0x80 && *p < 0xC0)
			return 0;
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		}
		p += n + 1;
	}
	return 1;
}

static void adv_whatif_cost__long_statement__message_quotes_its_start(
	void **state)
{
	struct fixture *fx = *state;
	struct adv_buf sql;
	size_t i;
	double cost = 0;

	adv_buf_init(&sql);
	adv_buf_addstr(&sql, "\n  SELECT\n\t'");
	for (i = 0; i < 100; i++)
		adv_buf_addstr(&sql, "\xc3\xa9"); /* é: cut inside, never */
	adv_buf_addstr(&sql, "' FROM nosuch");
	fx->fake->fail_explain = 1;
	assert_int_equal(adv_whatif_cost(fx->w, sql.data, NULL, 0, &cost, NULL,
					 &fx->err),
			 ADV_ESERVER);
	unit_assert_contains(fx->err.message, "cannot plan 'SELECT '\xc3\xa9");
	unit_assert_contains(fx->err.message, "...': relation");
	assert_true(valid_utf8(fx->err.message));
	assert_true(strlen(fx->err.message) < 120);
	adv_buf_release(&sql);
}

static void adv_whatif_cost__many_statements__all_cached(void **state)
{
	struct fixture *fx = *state;
	const struct adv_candidate *a[] = {fx->a};
	size_t i, round;

	for (round = 0; round < 2; round++) {
		for (i = 0; i < 500; i++) {
			char *sql = adv_xstrfmt("SELECT %zu", i);
			double cost = 0;

			assert_int_equal(adv_whatif_cost(fx->w, sql, a, i % 2,
							 &cost, NULL, &fx->err),
					 ADV_OK);
			assert_true(cost == 2185);
			free(sql);
		}
	}
	assert_int_equal(adv_whatif_calls(fx->w), 500);
}

static void adv_whatif_size__created_once_cached_cost_cache_intact(void **state)
{
	struct fixture *fx = *state;
	const struct adv_candidate *a[] = {fx->a};
	double bytes = 0, cost = 0;
	size_t logged;

	assert_int_equal(
		adv_whatif_cost(fx->w, "SELECT 1", a, 1, &cost, NULL, &fx->err),
		ADV_OK);
	fx->fake->size_text = "2260992";
	assert_int_equal(adv_whatif_size(fx->w, fx->a, &bytes, &fx->err),
			 ADV_OK);
	assert_true(bytes == 2260992);
	/* a is present already: no second hypothetical index */
	assert_int_equal(
		count_lines(fx->fake->log.data, "SELECT indexrelid, indexname"),
		1);
	assert_int_equal(adv_whatif_size(fx->w, fx->b, &bytes, &fx->err),
			 ADV_OK);
	assert_int_equal(fx->fake->hypothetical, 2);
	logged = fx->fake->log.len;
	assert_int_equal(adv_whatif_size(fx->w, fx->a, &bytes, &fx->err),
			 ADV_OK);
	assert_true(bytes == 2260992);
	assert_int_equal(
		adv_whatif_cost(fx->w, "SELECT 1", a, 1, &cost, NULL, &fx->err),
		ADV_OK);
	assert_int_equal(fx->fake->log.len, logged);
	assert_int_equal(adv_whatif_calls(fx->w), 1);
	/* the next miss brings the set back to the configuration */
	assert_int_equal(
		adv_whatif_cost(fx->w, "SELECT 2", a, 1, &cost, NULL, &fx->err),
		ADV_OK);
	assert_int_equal(fx->fake->hypothetical, 1);
}

static void adv_whatif_size__not_a_number__eserver(void **state)
{
	static const char *const values[] = {NULL, "", "abc", "-1", "12kB"};
	struct fixture *fx = *state;
	size_t i;

	for (i = 0; i < UNIT_ARRAY_SIZE(values); i++) {
		double bytes = -7;

		fx->fake->size_text = values[i];
		assert_int_equal(
			adv_whatif_size(fx->w, fx->a, &bytes, &fx->err),
			ADV_ESERVER);
		unit_assert_contains(fx->err.message,
				     "hypopg_relation_size returned");
		assert_true(bytes == -7);
	}
}

static void adv_whatif_free__session__reset_restored_leftovers_deallocated(
	void **state)
{
	struct fake *f;
	struct adv_conn *conn = fake_conn(&f);
	struct adv_whatif *w = NULL;
	struct adv_error err;
	double cost = 0;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_whatif_open(conn, &w, &err), ADV_OK);
	f->fail_deallocate = 1;
	assert_int_equal(adv_whatif_cost(w, "SELECT $1::int", NULL, 0, &cost,
					 NULL, &err),
			 ADV_OK);
	assert_int_equal(adv_whatif_cost(w, "SELECT $1::text", NULL, 0, &cost,
					 NULL, &err),
			 ADV_OK);
	adv_buf_reset(&f->log);
	adv_whatif_free(w);
	assert_string_equal(
		f->log.data,
		"SELECT \"public\".hypopg_reset()\n"
		"DEALLOCATE ip_whatif_1\n"
		"SELECT pg_catalog.set_config('plan_cache_mode', $1, false) [auto]\n");
	adv_conn_free(conn);
}

static void adv_whatif_free__no_parameters__plan_cache_mode_untouched(
	void **state)
{
	struct fixture *fx = *state;
	double cost = 0;

	assert_int_equal(adv_whatif_cost(fx->w, "SELECT 1", NULL, 0, &cost,
					 NULL, &fx->err),
			 ADV_OK);
	adv_whatif_free(fx->w);
	fx->w = NULL;
	unit_assert_not_contains(fx->fake->log.data, "plan_cache_mode");
	assert_int_equal(fx->fake->hypothetical, 0);
}

static void adv_whatif_free__null__nothing(void **state)
{
	(void)state;
	adv_whatif_free(NULL);
	assert_int_equal(adv_whatif_calls(NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_whatif_open__no_hypopg__eserver_naming_database_and_package),
		cmocka_unit_test(
			adv_whatif_open__schema_needs_quoting__functions_qualified),
		cmocka_unit_test(adv_whatif_open__not_postgresql__eusage),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__plan__total_cost_and_used_per_position,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__same_set_any_order__cached_without_server,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__set_changes__drops_unwanted_creates_missing,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__parameters__prepared_generic_plan_each_time,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__postgresql_16__prepared_too, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__prepare_fails__eserver_nothing_to_deallocate,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__explain_fails__deallocated_and_session_usable,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__create_fails__eserver_naming_candidate,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__drop_fails__reset_before_next_use,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__malformed_plan__eserver_not_cached,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__odd_but_valid_plans__read, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__long_statement__message_quotes_its_start,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_cost__many_statements__all_cached, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_size__created_once_cached_cost_cache_intact,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			adv_whatif_size__not_a_number__eserver, setup,
			teardown),
		cmocka_unit_test(
			adv_whatif_free__session__reset_restored_leftovers_deallocated),
		cmocka_unit_test_setup_teardown(
			adv_whatif_free__no_parameters__plan_cache_mode_untouched,
			setup, teardown),
		cmocka_unit_test(adv_whatif_free__null__nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
