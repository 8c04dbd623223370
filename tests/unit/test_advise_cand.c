#include "unit.h"

#include "advise_cand.h"

/*
 * One catalog for every case, built from records as ip-collect writes
 * them: a shop with users, orders, shipments (which already has a covering
 * index), a table in another schema and a table name in two schemas. Each
 * case analyses one statement and compares the candidates' identities
 * (adv_candidate_key), in the order they were proposed.
 */

#define SRC                                                          \
	"{\"engine\":\"postgresql\",\"host\":\"db1\",\"port\":5432," \
	"\"database\":\"shop\",\"cluster\":\"7301234567890123456\"," \
	"\"role\":\"primary\"}"
#define REC(type, rest)                   \
	"{\"type\":\"" type "\",\"v\":1," \
	"\"ts\":\"2026-11-21T10:00:00.000000Z\",\"src\":" SRC rest "}"

#define TABLE(schema, table, rows)                                          \
	REC("table", ",\"schema\":\"" schema "\",\"table\":\"" table        \
		     "\",\"kind\":\"table\",\"is_partition\":false,"        \
		     "\"size_bytes\":8192000,\"estimated_rows\":" #rows "," \
		     "\"n_tup_ins\":0,\"n_tup_upd\":0,\"n_tup_del\":0,"     \
		     "\"n_tup_hot_upd\":0")

/* A column with statistics; coll is JSON (null or "\"C\""). */
#define COLUMN(schema, table, column, pos, type, coll, n_distinct)      \
	REC("column", ",\"schema\":\"" schema "\",\"table\":\"" table   \
		      "\",\"column\":\"" column "\",\"position\":" #pos \
		      ",\"data_type\":\"" type "\",\"not_null\":false," \
		      "\"default\":null,\"collation\":" coll            \
		      ",\"null_frac\":0.01,\"n_distinct\":" #n_distinct \
		      ",\"correlation\":0.1,\"avg_width\":8")
#define INT(table, column, pos, n_distinct) \
	COLUMN("public", table, column, pos, "integer", "null", n_distinct)
#define TEXT(table, column, pos, n_distinct) \
	COLUMN("public", table, column, pos, "text", "\"default\"", n_distinct)
#define TS(table, column, pos, n_distinct)                               \
	COLUMN("public", table, column, pos, "timestamp with time zone", \
	       "null", n_distinct)

#define KEY(column) "{\"column\":\"" column "\",\"direction\":\"asc\"}"
#define INDEX(table, name, keys, include)                                 \
	REC("index", ",\"schema\":\"public\",\"table\":\"" table          \
		     "\",\"index\":\"" name "\",\"method\":\"btree\","    \
		     "\"is_unique\":false,\"is_primary\":false,"          \
		     "\"is_valid\":true,\"is_ready\":true,\"keys\":" keys \
		     ",\"include\":" include ",\"predicate\":null")

static const char *const catalog_records[] = {
	REC("snapshot", ",\"server_version\":\"15.18\","
			"\"stats_reset\":null,\"postmaster_start\":null"),
	TABLE("public", "users", 100000),
	INT("users", "id", 1, -1),
	TEXT("users", "email", 2, -1),
	TEXT("users", "name", 3, -0.8),
	TEXT("users", "status", 4, 5),
	TS("users", "created_at", 5, -0.9),
	INT("users", "org_id", 6, 500),
	TS("users", "deleted_at", 7, -0.1),
	TABLE("public", "orders", 1000000),
	/* out of position order, and one column twice (input read twice) */
	INT("orders", "user_id", 2, -0.08),
	INT("orders", "id", 1, -1),
	TEXT("orders", "status", 3, 4),
	COLUMN("public", "orders", "total", 4, "numeric", "null", -0.5),
	TS("orders", "created_at", 5, -1),
	COLUMN("public", "orders", "code", 6, "character varying(20)", "\"C\"",
	       -1),
	TS("orders", "created_at", 5, -1),
	TABLE("public", "shipments", 50000),
	INT("shipments", "id", 1, -1),
	INT("shipments", "order_id", 2, -1),
	TEXT("shipments", "carrier", 3, 6),
	TS("shipments", "shipped_at", 4, -0.9),
	TABLE("audit", "log", 10000),
	COLUMN("audit", "log", "id", 1, "integer", "null", -1),
	COLUMN("audit", "log", "actor", 2, "text", "\"default\"", 40),
	COLUMN("audit", "log", "at", 3, "timestamp with time zone", "null", -1),
	TABLE("public", "items", 10),
	TABLE("sales", "items", 10),
	/* a table without column records (never analysed, or grep'ed) */
	TABLE("public", "bare", 10),
	INDEX("users", "users_pkey", "[" KEY("id") "]", "[]"),
	INDEX("orders", "orders_pkey", "[" KEY("id") "]", "[]"),
	INDEX("shipments", "shipments_order_shipped",
	      "[" KEY("order_id") "," KEY("shipped_at") "]", "[\"carrier\"]"),
};

static struct adv_model model;
static const struct adv_model_snapshot *catalog;

static int setup(void **state)
{
	size_t i;

	(void)state;
	adv_model_init(&model);
	for (i = 0; i < UNIT_ARRAY_SIZE(catalog_records); i++) {
		struct adv_error err;
		cJSON *rec = unit_json(catalog_records[i]);

		adv_error_init(&err);
		if (adv_model_add(&model, rec, "fixture", &err) != ADV_OK)
			fail_msg("record %zu: %s", i, err.message);
		cJSON_Delete(rec);
	}
	adv_model_finish(&model);
	assert_int_equal(model.nsnapshots, 1);
	catalog = model.snapshots[0];
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	adv_model_release(&model);
	return 0;
}

/* The keys of the statement's candidates, one per line; caller frees. */
static char *candidates_with(const char *sql, const struct adv_cand_opts *opts,
			     int *is_write)
{
	struct adv_stmt_use use;
	struct adv_cand_set set;
	struct adv_error err;
	struct adv_buf out;
	int *ids = NULL;
	size_t nids = 0, i;

	adv_error_init(&err);
	if (adv_stmt_analyse(sql, catalog, &use, &err) != ADV_OK)
		fail_msg("'%s': %s", sql, err.message);
	adv_cand_set_init(&set);
	assert_int_equal(adv_candidates_for(&use, catalog, opts, &set, &ids,
					    &nids, &err),
			 ADV_OK);
	adv_buf_init(&out);
	for (i = 0; i < nids; i++) {
		assert_true(ids[i] >= 0 && (size_t)ids[i] < set.n);
		adv_buf_addf(&out, "%s\n", set.keys[ids[i]]);
	}
	if (is_write != NULL)
		*is_write = use.is_write;
	free(ids);
	adv_cand_set_release(&set);
	adv_stmt_use_release(&use);
	return adv_buf_detach(&out);
}

static void expect(const char *sql, const char *expected)
{
	char *got = candidates_with(sql, NULL, NULL);

	if (strcmp(got, expected) != 0)
		fail_msg("'%s'\nexpected:\n%sgot:\n%s", sql, expected, got);
	free(got);
}

#define USERS	  "\"public\".\"users\""
#define ORDERS	  "\"public\".\"orders\""
#define SHIPMENTS "\"public\".\"shipments\""

/* --- the model's columns ------------------------------------------------- */

static void adv_model_find_column__known_and_unknown__found_or_null(
	void **state)
{
	const struct adv_model_column *c;

	(void)state;
	c = adv_model_find_column(catalog, "public", "orders", "code");
	assert_non_null(c);
	assert_string_equal(c->data_type, "character varying(20)");
	assert_string_equal(c->collation, "C");
	assert_int_equal(c->position, 6);
	assert_int_equal(c->has_stats, 1);
	assert_true(c->n_distinct == -1);
	assert_int_equal(c->not_null, 0);
	assert_null(adv_model_find_column(catalog, "public", "orders", "nope"));
	assert_null(adv_model_find_column(catalog, "sales", "orders", "id"));
	assert_null(adv_model_find_column(catalog, NULL, "orders", "id"));
}

static void adv_model_table_columns__unordered_input__position_order_deduped(
	void **state)
{
	struct adv_model_column *const *first;
	size_t n;

	(void)state;
	adv_model_table_columns(catalog, "public", "orders", &first, &n);
	assert_int_equal(n, 6);
	assert_string_equal(first[0]->column, "id");
	assert_string_equal(first[1]->column, "user_id");
	assert_string_equal(first[4]->column, "created_at");
	assert_string_equal(first[5]->column, "code");
	adv_model_table_columns(catalog, "public", "bare", &first, &n);
	assert_int_equal(n, 0);
	assert_null(first);
	adv_model_table_columns(catalog, "audit", "log", &first, &n);
	assert_int_equal(n, 3);
	assert_string_equal(first[2]->column, "at");
}

static void adv_model_add__column_with_wrong_types__einput(void **state)
{
	static const char *const bad[] = {
		REC("column", ",\"schema\":\"public\",\"table\":\"t\","
			      "\"column\":\"c\",\"n_distinct\":\"many\""),
		REC("column", ",\"schema\":\"public\",\"table\":\"t\","
			      "\"column\":\"c\",\"position\":0"),
		REC("column", ",\"schema\":\"public\",\"table\":\"t\""),
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(bad); i++) {
		struct adv_model m;
		struct adv_error err;
		cJSON *rec = unit_json(bad[i]);

		adv_model_init(&m);
		adv_error_init(&err);
		assert_int_equal(adv_model_add(&m, rec, "f:1", &err),
				 ADV_EINPUT);
		unit_assert_contains(err.message, "f:1");
		cJSON_Delete(rec);
		adv_model_release(&m);
	}
}

/* --- what a statement asks of its tables --------------------------------- */

static void adv_stmt_analyse__aliases_and_unqualified__resolved(void **state)
{
	struct adv_stmt_use use;
	struct adv_error err;
	const struct adv_table_use *o, *u;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(
		adv_stmt_analyse("SELECT u.name FROM orders AS o, users u"
				 " WHERE user_id = u.id AND email = $1"
				 " AND total > 100 ORDER BY name LIMIT 5",
				 catalog, &use, &err),
		ADV_OK);
	assert_int_equal(use.ntables, 2);
	assert_int_equal(use.is_write, 0);
	o = &use.tables[0];
	u = &use.tables[1];
	assert_string_equal(o->table, "orders");
	assert_int_equal(o->neq, 0);
	assert_int_equal(o->njoin, 1);
	assert_string_equal(o->join[0].column, "user_id");
	assert_int_equal(o->nrange, 1);
	assert_string_equal(o->range[0].column, "total");
	assert_int_equal(o->nsort, 0);
	assert_int_equal(o->has_limit, 1);
	assert_string_equal(u->table, "users");
	assert_int_equal(u->neq, 1);
	assert_string_equal(u->eq[0].column, "email");
	assert_int_equal(u->njoin, 1);
	assert_string_equal(u->join[0].column, "id");
	assert_int_equal(u->nsort, 1);
	assert_string_equal(u->sort[0].column, "name");
	assert_int_equal(u->nread, 3);
	assert_int_equal(u->read_all, 0);
	adv_stmt_use_release(&use);
}

static void adv_stmt_analyse__schemas__public_first_then_unique(void **state)
{
	struct adv_stmt_use use;
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_stmt_analyse("SELECT * FROM log, items, nowhere",
					  catalog, &use, &err),
			 ADV_OK);
	assert_int_equal(use.ntables, 2);
	assert_string_equal(use.tables[0].schema, "audit");
	assert_string_equal(use.tables[0].table, "log");
	assert_int_equal(use.tables[0].read_all, 1);
	assert_string_equal(use.tables[1].schema, "public");
	assert_string_equal(use.tables[1].table, "items");
	adv_stmt_use_release(&use);
}

static void adv_stmt_analyse__syntax_error__einput_with_position(void **state)
{
	struct adv_stmt_use use;
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_stmt_analyse("SELECT FROM WHERE orders id = 1",
					  catalog, &use, &err),
			 ADV_EINPUT);
	unit_assert_contains(err.message, "at character");
	assert_int_equal(use.ntables, 0);
	adv_stmt_use_release(&use);
}

static void adv_stmt_analyse__subqueries_and_ctes__analysed_not_crashing(
	void **state)
{
	struct adv_stmt_use use;
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(
		adv_stmt_analyse(
			"WITH users AS (SELECT user_id FROM orders"
			"  WHERE status = $1)"
			" SELECT * FROM users"
			" WHERE user_id IN (SELECT o.user_id FROM orders o"
			"  WHERE o.code = $2)"
			" AND EXISTS (SELECT 1 FROM shipments s"
			"  WHERE s.order_id = users.user_id)"
			" UNION SELECT id FROM (SELECT id FROM public.users"
			"  WHERE org_id = 3) sub"
			" UNION SELECT x FROM generate_series(1, 3) g(x)",
			catalog, &use, &err),
		ADV_OK);
	/* the CTE named users hides the table (public.users does not);
	 * the correlated outer column joins shipments */
	assert_int_equal(use.ntables, 4);
	assert_string_equal(use.tables[0].table, "orders");
	assert_string_equal(use.tables[0].eq[0].column, "status");
	assert_string_equal(use.tables[1].table, "orders");
	assert_string_equal(use.tables[1].eq[0].column, "code");
	assert_string_equal(use.tables[2].table, "shipments");
	assert_string_equal(use.tables[2].join[0].column, "order_id");
	assert_string_equal(use.tables[3].table, "users");
	assert_string_equal(use.tables[3].eq[0].column, "org_id");
	adv_stmt_use_release(&use);
}

/* --- candidates ---------------------------------------------------------- */

static void adv_candidates_for__point_lookup__key_and_covering(void **state)
{
	(void)state;
	expect("SELECT name FROM users WHERE email = $1",
	       USERS "(\"email\")\n" USERS "(\"email\") INCLUDE (\"name\")\n");
}

static void adv_candidates_for__two_equalities__most_selective_first(
	void **state)
{
	(void)state;
	expect("SELECT id FROM users WHERE status = $1 AND org_id = $2",
	       USERS "(\"status\")\n" USERS "(\"org_id\")\n" USERS
		     "(\"org_id\", \"status\")\n" USERS
		     "(\"org_id\", \"status\") INCLUDE (\"id\")\n");
}

static void adv_candidates_for__equality_and_range__range_last(void **state)
{
	(void)state;
	expect("SELECT id FROM orders WHERE created_at >= $2 AND user_id = $1",
	       ORDERS "(\"user_id\")\n" ORDERS "(\"created_at\")\n" ORDERS
		      "(\"user_id\", \"created_at\")\n" ORDERS
		      "(\"user_id\", \"created_at\") INCLUDE (\"id\")\n");
}

static void adv_candidates_for__order_by_desc_limit__eq_then_sort(void **state)
{
	(void)state;
	expect("SELECT * FROM orders WHERE user_id = $1"
	       " ORDER BY created_at DESC LIMIT 10",
	       ORDERS "(\"user_id\")\n" ORDERS
		      "(\"user_id\", \"created_at\" DESC)\n");
	/* top-N with a range on another column: the order still pays */
	expect("SELECT * FROM orders WHERE user_id = $1 AND total > 10"
	       " ORDER BY created_at DESC LIMIT 10",
	       ORDERS "(\"user_id\")\n" ORDERS "(\"total\")\n" ORDERS
		      "(\"user_id\", \"total\")\n" ORDERS
		      "(\"user_id\", \"created_at\" DESC)\n");
	/* a range read backwards is the same index */
	expect("SELECT * FROM orders WHERE created_at > $1"
	       " ORDER BY created_at DESC LIMIT 5",
	       ORDERS "(\"created_at\")\n");
	/* the order of two tables: no index delivers it */
	expect("SELECT * FROM orders o JOIN users u ON u.id = o.user_id"
	       " ORDER BY u.name, o.created_at LIMIT 10",
	       ORDERS "(\"user_id\")\n");
}

static void adv_candidates_for__join_filtered_on_one_side__both_sides(
	void **state)
{
	(void)state;
	/* users(id) is the primary key: not proposed again */
	expect("SELECT o.total FROM users u JOIN orders o ON o.user_id = u.id"
	       " WHERE u.email = $1",
	       USERS "(\"email\")\n" USERS "(\"email\", \"id\")\n" ORDERS
		     "(\"user_id\")\n" ORDERS
		     "(\"user_id\") INCLUDE (\"total\")\n");
	expect("SELECT s.carrier FROM orders JOIN shipments s USING (id)"
	       " WHERE orders.code = $1",
	       ORDERS "(\"code\")\n" ORDERS "(\"code\", \"id\")\n" SHIPMENTS
		      "(\"id\")\n" SHIPMENTS
		      "(\"id\") INCLUDE (\"carrier\")\n");
}

static void adv_candidates_for__in_and_any__equalities(void **state)
{
	(void)state;
	expect("SELECT id FROM orders WHERE status IN ('new', 'paid')"
	       " AND user_id = ANY($1)",
	       ORDERS "(\"status\")\n" ORDERS "(\"user_id\")\n" ORDERS
		      "(\"user_id\", \"status\")\n" ORDERS
		      "(\"user_id\", \"status\") INCLUDE (\"id\")\n");
	expect("SELECT 1 FROM orders WHERE status = 'new' OR status = $1",
	       ORDERS "(\"status\")\n");
	/* an OR of two columns filters nothing an index key could use */
	expect("SELECT 1 FROM orders WHERE status = $2 OR user_id = $1", "");
}

static void adv_candidates_for__is_null__equality(void **state)
{
	(void)state;
	expect("SELECT count(*) FROM users WHERE deleted_at IS NULL"
	       " AND org_id = $1",
	       USERS "(\"deleted_at\")\n" USERS "(\"org_id\")\n" USERS
		     "(\"deleted_at\", \"org_id\")\n");
	expect("SELECT count(*) FROM users WHERE deleted_at IS NOT NULL", "");
}

static void adv_candidates_for__function_of_column__expression_key(void **state)
{
	struct adv_cand_opts opts = {3, 0, 0, 1};
	char *got;

	(void)state;
	expect("SELECT id FROM users WHERE lower(email) = $1",
	       USERS "((lower(email)))\n" USERS
		     "((lower(email))) INCLUDE (\"email\", \"id\")\n");
	/* a varchar reaches lower() through text, as the server prints */
	expect("SELECT * FROM orders WHERE upper(code) = 'AB' AND id::text = $1",
	       ORDERS "((upper(code::text)))\n" ORDERS "(((id::text)))\n" ORDERS
		      "((upper(code::text)), ((id::text)))\n");
	/* not immutable: no index can have it */
	expect("SELECT * FROM users WHERE created_at::date = $1", "");
	got = candidates_with("SELECT id FROM users WHERE lower(email) = $1",
			      &opts, NULL);
	assert_string_equal(got, "");
	free(got);
}

static void adv_candidates_for__like_prefix__only_in_c_collation(void **state)
{
	(void)state;
	expect("SELECT id FROM orders WHERE code LIKE 'AB%'",
	       ORDERS "(\"code\")\n" ORDERS "(\"code\") INCLUDE (\"id\")\n");
	expect("SELECT id FROM users WHERE name LIKE 'Sm%'", "");
	expect("SELECT id FROM orders WHERE code LIKE '%AB'", "");
}

static void adv_candidates_for__constant_on_category__partial(void **state)
{
	size_t npartial = 0;
	const char *p;
	char *got;

	(void)state;
	expect("SELECT id, total FROM orders WHERE status = 'failed'"
	       " AND created_at > $1",
	       ORDERS
	       "(\"status\")\n" ORDERS "(\"created_at\")\n" ORDERS
	       "(\"status\", \"created_at\")\n" ORDERS
	       "(\"status\", \"created_at\") INCLUDE (\"id\", \"total\")\n" ORDERS
	       "(\"created_at\") WHERE status = 'failed'::text\n");
	/* quotes doubled; no other key: the column read */
	expect("SELECT count(*) FROM shipments WHERE carrier = 'O''Hare'",
	       SHIPMENTS "(\"carrier\")\n" SHIPMENTS
			 "(\"carrier\") WHERE carrier = 'O''Hare'::text\n");
	/* near misses: a parameter, a key-like column */
	expect("SELECT count(*) FROM shipments WHERE carrier = $1",
	       SHIPMENTS "(\"carrier\")\n");
	expect("SELECT count(*) FROM users WHERE email = 'a@b.c'",
	       USERS "(\"email\")\n");
	/* constants written out by the thousand: a few partials only */
	got = candidates_with("SELECT 1 FROM shipments WHERE carrier = 'a'"
			      " AND carrier = 'b' AND carrier = 'c'"
			      " AND carrier = 'd' AND carrier = 'e'",
			      NULL, NULL);
	for (p = got; (p = strstr(p, " WHERE ")) != NULL; p++)
		npartial++;
	assert_int_equal(npartial, 4);
	free(got);
}

static void adv_candidates_for__covering__small_include_only(void **state)
{
	(void)state;
	/* five other columns: no covering candidate */
	expect("SELECT id, total, status, code, created_at FROM orders"
	       " WHERE user_id = $1",
	       ORDERS "(\"user_id\")\n");
	expect("SELECT * FROM users WHERE org_id = $1", USERS "(\"org_id\")\n");
}

static void adv_candidates_for__update_delete__where_keys_no_covering(
	void **state)
{
	int is_write = 0;
	char *got;

	(void)state;
	got = candidates_with("UPDATE orders SET status = 'x' WHERE code = $1",
			      NULL, &is_write);
	assert_string_equal(got, ORDERS "(\"code\")\n");
	assert_int_equal(is_write, 1);
	free(got);
	got = candidates_with("DELETE FROM users WHERE org_id = $1"
			      " AND created_at < now() - interval '1 year'",
			      NULL, &is_write);
	assert_string_equal(got, USERS "(\"org_id\")\n" USERS
				       "(\"created_at\")\n" USERS
				       "(\"org_id\", \"created_at\")\n");
	assert_int_equal(is_write, 1);
	free(got);
}

static void adv_candidates_for__insert__write_without_candidates(void **state)
{
	struct adv_stmt_use use;
	struct adv_error err;
	int is_write = 0;
	char *got;

	(void)state;
	got = candidates_with("INSERT INTO orders (user_id, total)"
			      " VALUES ($1, $2)",
			      NULL, &is_write);
	assert_string_equal(got, "");
	assert_int_equal(is_write, 1);
	free(got);
	adv_error_init(&err);
	assert_int_equal(adv_stmt_analyse("INSERT INTO orders (user_id)"
					  " VALUES (1)",
					  catalog, &use, &err),
			 ADV_OK);
	assert_int_equal(use.ntables, 1);
	assert_int_equal(use.tables[0].neq + use.tables[0].nrange +
				 use.tables[0].njoin,
			 0);
	adv_stmt_use_release(&use);
}

static void adv_candidates_for__served_by_include_index__not_proposed(
	void **state)
{
	(void)state;
	/* shipments_order_shipped (order_id, shipped_at) INCLUDE (carrier)
	 * serves all but the range alone, even read backwards */
	expect("SELECT carrier FROM shipments WHERE order_id = $1"
	       " AND shipped_at > $2",
	       SHIPMENTS "(\"shipped_at\")\n");
	expect("SELECT carrier FROM shipments WHERE order_id = $1"
	       " ORDER BY shipped_at DESC LIMIT 1",
	       "");
	/* a near miss: an INCLUDE column the index lacks */
	expect("SELECT id FROM shipments WHERE order_id = $1",
	       SHIPMENTS "(\"order_id\") INCLUDE (\"id\")\n");
}

static void adv_candidates_for__unknown_table__nothing(void **state)
{
	(void)state;
	expect("SELECT * FROM nowhere WHERE a = 1", "");
	expect("SELECT * FROM sales.orders WHERE id = 1", "");
}

static void adv_candidates_for__table_without_columns__single_table_only(
	void **state)
{
	(void)state;
	/* unqualified columns of the only table are its own */
	expect("SELECT a FROM bare WHERE b = $1", "\"public\".\"bare\"(\"b\")\n"
						  "\"public\".\"bare\"(\"b\") "
						  "INCLUDE (\"a\")\n");
	/* with two tables they could be either's */
	expect("SELECT a FROM bare, items WHERE b = $1", "");
}

static void adv_candidates_for__max_width__truncated(void **state)
{
	struct adv_cand_opts opts = {2, 1, 1, 0};
	char *got;

	(void)state;
	got = candidates_with("SELECT 1 FROM users WHERE status = $1"
			      " AND org_id = $2 AND email = $3",
			      &opts, NULL);
	assert_string_equal(got, USERS
			    "(\"status\")\n" USERS "(\"org_id\")\n" USERS
			    "(\"email\")\n" USERS "(\"email\", \"org_id\")\n");
	free(got);
}

static void adv_candidates_for__ids__shared_set_dedupes(void **state)
{
	struct adv_stmt_use use;
	struct adv_cand_set set;
	struct adv_error err;
	int *ids1, *ids2;
	size_t n1, n2;

	(void)state;
	adv_error_init(&err);
	adv_cand_set_init(&set);
	assert_int_equal(adv_stmt_analyse("SELECT name FROM users"
					  " WHERE email = $1",
					  catalog, &use, &err),
			 ADV_OK);
	assert_int_equal(
		adv_candidates_for(&use, catalog, NULL, &set, &ids1, &n1, &err),
		ADV_OK);
	adv_stmt_use_release(&use);
	assert_int_equal(adv_stmt_analyse("SELECT id FROM users"
					  " WHERE email = 'x'",
					  catalog, &use, &err),
			 ADV_OK);
	assert_int_equal(
		adv_candidates_for(&use, catalog, NULL, &set, &ids2, &n2, &err),
		ADV_OK);
	adv_stmt_use_release(&use);
	assert_int_equal(n1, 2);
	assert_int_equal(n2, 2);
	assert_int_equal(ids1[0], ids2[0]);
	assert_int_not_equal(ids1[1], ids2[1]);
	assert_int_equal(set.n, 3);
	assert_true(set.items[0]->size_bytes < 0);
	free(ids1);
	free(ids2);
	adv_cand_set_release(&set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_model_find_column__known_and_unknown__found_or_null),
		cmocka_unit_test(
			adv_model_table_columns__unordered_input__position_order_deduped),
		cmocka_unit_test(
			adv_model_add__column_with_wrong_types__einput),
		cmocka_unit_test(
			adv_stmt_analyse__aliases_and_unqualified__resolved),
		cmocka_unit_test(
			adv_stmt_analyse__schemas__public_first_then_unique),
		cmocka_unit_test(
			adv_stmt_analyse__syntax_error__einput_with_position),
		cmocka_unit_test(
			adv_stmt_analyse__subqueries_and_ctes__analysed_not_crashing),
		cmocka_unit_test(
			adv_candidates_for__point_lookup__key_and_covering),
		cmocka_unit_test(
			adv_candidates_for__two_equalities__most_selective_first),
		cmocka_unit_test(
			adv_candidates_for__equality_and_range__range_last),
		cmocka_unit_test(
			adv_candidates_for__order_by_desc_limit__eq_then_sort),
		cmocka_unit_test(
			adv_candidates_for__join_filtered_on_one_side__both_sides),
		cmocka_unit_test(adv_candidates_for__in_and_any__equalities),
		cmocka_unit_test(adv_candidates_for__is_null__equality),
		cmocka_unit_test(
			adv_candidates_for__function_of_column__expression_key),
		cmocka_unit_test(
			adv_candidates_for__like_prefix__only_in_c_collation),
		cmocka_unit_test(
			adv_candidates_for__constant_on_category__partial),
		cmocka_unit_test(
			adv_candidates_for__covering__small_include_only),
		cmocka_unit_test(
			adv_candidates_for__update_delete__where_keys_no_covering),
		cmocka_unit_test(
			adv_candidates_for__insert__write_without_candidates),
		cmocka_unit_test(
			adv_candidates_for__served_by_include_index__not_proposed),
		cmocka_unit_test(adv_candidates_for__unknown_table__nothing),
		cmocka_unit_test(
			adv_candidates_for__table_without_columns__single_table_only),
		cmocka_unit_test(adv_candidates_for__max_width__truncated),
		cmocka_unit_test(adv_candidates_for__ids__shared_set_dedupes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
