#include "unit.h"

#include "buf.h"
#include "candidate.h"
#include "sqltext.h"

/*
 * Candidate indexes: their identity (adv_candidate_key), the DDL that
 * creates them, whether an existing index already serves one, and the set
 * that dedupes them. Candidates and indexes are built from small specs;
 * expected texts are written out in full.
 */

struct key_spec {
	const char *column;
	const char *expression;
	int desc;
};

struct cand_spec {
	const char *schema;
	const char *table;
	struct key_spec keys[4];
	const char *include[4];
	const char *predicate;
};

static struct adv_candidate *cand_from(const struct cand_spec *s)
{
	struct adv_candidate *c = adv_xcalloc(1, sizeof(*c));
	size_t i;

	c->schema = adv_xstrdup_or_null(s->schema);
	c->table = adv_xstrdup(s->table);
	c->keys = adv_xcalloc(4, sizeof(*c->keys));
	for (i = 0; i < 4 && (s->keys[i].column != NULL ||
			      s->keys[i].expression != NULL);
	     i++) {
		c->keys[i].column = adv_xstrdup_or_null(s->keys[i].column);
		c->keys[i].expression =
			adv_xstrdup_or_null(s->keys[i].expression);
		c->keys[i].desc = s->keys[i].desc;
	}
	c->nkeys = i;
	c->include = adv_xcalloc(4, sizeof(*c->include));
	for (i = 0; i < 4 && s->include[i] != NULL; i++)
		c->include[i] = adv_xstrdup(s->include[i]);
	c->ninclude = i;
	c->predicate = adv_xstrdup_or_null(s->predicate);
	c->id = -1;
	c->size_bytes = -1;
	return c;
}

static char *key_of(const struct adv_candidate *c)
{
	struct adv_buf b;

	adv_buf_init(&b);
	adv_candidate_key(&b, c);
	return adv_buf_detach(&b);
}

static char *key_of_spec(const struct cand_spec *s)
{
	struct adv_candidate *c = cand_from(s);
	char *key = key_of(c);

	adv_candidate_free(c);
	return key;
}

#define ORDERS "\"public\".\"orders\""

/* --- adv_candidate_key ---------------------------------------------------- */

static void adv_candidate_key__specs__canonical_quoted_text(void **state)
{
	static const struct {
		struct cand_spec spec;
		const char *expected;
	} cases[] = {
		{{"public", "orders", {{"user_id", NULL, 0}}, {NULL}, NULL},
		 ORDERS "(\"user_id\")"},
		{{"public",
		  "orders",
		  {{"user_id", NULL, 0}, {"created_at", NULL, 1}},
		  {NULL},
		  NULL},
		 ORDERS "(\"user_id\", \"created_at\" DESC)"},
		{{"public", "users", {{NULL, "lower(email)", 0}}, {NULL}, NULL},
		 "\"public\".\"users\"((lower(email)))"},
		{{"public",
		  "users",
		  {{NULL, "lower(email)", 1}, {"id", NULL, 0}},
		  {NULL},
		  NULL},
		 "\"public\".\"users\"((lower(email)) DESC, \"id\")"},
		/* INCLUDE columns in name order */
		{{"public",
		  "orders",
		  {{"user_id", NULL, 0}},
		  {"total", "id"},
		  NULL},
		 ORDERS "(\"user_id\") INCLUDE (\"id\", \"total\")"},
		{{"public",
		  "orders",
		  {{"created_at", NULL, 0}},
		  {NULL},
		  "status = 'failed'::text"},
		 ORDERS "(\"created_at\") WHERE status = 'failed'::text"},
		{{"public",
		  "orders",
		  {{"created_at", NULL, 0}},
		  {"id"},
		  "status = 'failed'::text"},
		 ORDERS "(\"created_at\") INCLUDE (\"id\") WHERE status = "
			"'failed'::text"},
		/* quotes doubled, everything else kept */
		{{"my schema",
		  "or\"ders",
		  {{"a\"b", NULL, 0}, {"na\xc3\xafve; x", NULL, 0}},
		  {"c d"},
		  NULL},
		 "\"my schema\".\"or\"\"ders\"(\"a\"\"b\", \"na\xc3\xafve; x\")"
		 " INCLUDE (\"c d\")"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		char *key = key_of_spec(&cases[i].spec);

		if (strcmp(key, cases[i].expected) != 0)
			fail_msg("case %zu:\nexpected %s\ngot      %s", i,
				 cases[i].expected, key);
		free(key);
	}
}

static void adv_candidate_key__include_order__same_identity(void **state)
{
	static const struct cand_spec a = {"public",
					   "orders",
					   {{"user_id", NULL, 0}},
					   {"total", "id", "code"},
					   NULL};
	static const struct cand_spec b = {"public",
					   "orders",
					   {{"user_id", NULL, 0}},
					   {"code", "total", "id"},
					   NULL};
	char *ka = key_of_spec(&a);
	char *kb = key_of_spec(&b);

	(void)state;
	assert_string_equal(ka, kb);
	free(ka);
	free(kb);
}

static void adv_candidate_key__near_misses__different_identities(void **state)
{
	static const struct {
		struct cand_spec a, b;
	} cases[] = {
		/* one column with a quote and comma, or two columns */
		{{"public", "t", {{"a\", \"b", NULL, 0}}, {NULL}, NULL},
		 {"public",
		  "t",
		  {{"a", NULL, 0}, {"b", NULL, 0}},
		  {NULL},
		  NULL}},
		/* key order matters */
		{{"public",
		  "t",
		  {{"a", NULL, 0}, {"b", NULL, 0}},
		  {NULL},
		  NULL},
		 {"public",
		  "t",
		  {{"b", NULL, 0}, {"a", NULL, 0}},
		  {NULL},
		  NULL}},
		/* direction */
		{{"public", "t", {{"a", NULL, 0}}, {NULL}, NULL},
		 {"public", "t", {{"a", NULL, 1}}, {NULL}, NULL}},
		/* a key is not an INCLUDE column */
		{{"public",
		  "t",
		  {{"a", NULL, 0}, {"b", NULL, 0}},
		  {NULL},
		  NULL},
		 {"public", "t", {{"a", NULL, 0}}, {"b"}, NULL}},
		/* partial or not, and which predicate */
		{{"public", "t", {{"a", NULL, 0}}, {NULL}, NULL},
		 {"public", "t", {{"a", NULL, 0}}, {NULL}, "b IS NULL"}},
		{{"public", "t", {{"a", NULL, 0}}, {NULL}, "b IS NULL"},
		 {"public", "t", {{"a", NULL, 0}}, {NULL}, "c IS NULL"}},
		/* a column, or an expression of the same text */
		{{"public", "t", {{"a", NULL, 0}}, {NULL}, NULL},
		 {"public", "t", {{NULL, "a", 0}}, {NULL}, NULL}},
		/* where schema and table split */
		{{"a.b", "c", {{"x", NULL, 0}}, {NULL}, NULL},
		 {"a", "b.c", {{"x", NULL, 0}}, {NULL}, NULL}},
		{{"public", "t", {{"a", NULL, 0}}, {NULL}, NULL},
		 {"sales", "t", {{"a", NULL, 0}}, {NULL}, NULL}},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		char *ka = key_of_spec(&cases[i].a);
		char *kb = key_of_spec(&cases[i].b);

		if (strcmp(ka, kb) == 0)
			fail_msg("case %zu: both are %s", i, ka);
		free(ka);
		free(kb);
	}
}

/* --- adv_candidate_ddl ---------------------------------------------------- */

static void adv_candidate_ddl__name_and_concurrently__exact_text(void **state)
{
	static const struct {
		struct cand_spec spec;
		const char *name;
		int concurrently;
		const char *expected;
	} cases[] = {
		{{"public", "orders", {{"user_id", NULL, 0}}, {NULL}, NULL},
		 NULL,
		 0,
		 "CREATE INDEX ON " ORDERS " USING btree (\"user_id\")"},
		{{"public", "orders", {{"user_id", NULL, 0}}, {NULL}, NULL},
		 NULL,
		 1,
		 "CREATE INDEX CONCURRENTLY ON " ORDERS
		 " USING btree (\"user_id\")"},
		{{"public", "orders", {{"user_id", NULL, 0}}, {NULL}, NULL},
		 "orders_user_id_idx",
		 0,
		 "CREATE INDEX \"orders_user_id_idx\" ON " ORDERS
		 " USING btree (\"user_id\")"},
		{{"public", "orders", {{"user_id", NULL, 0}}, {NULL}, NULL},
		 "orders_user_id_idx",
		 1,
		 "CREATE INDEX CONCURRENTLY \"orders_user_id_idx\" ON " ORDERS
		 " USING btree (\"user_id\")"},
		/* expressions in parentheses, DESC, INCLUDE sorted, WHERE */
		{{"public",
		  "users",
		  {{NULL, "lower(email)", 1},
		   {"id", NULL, 0},
		   {"org_id", NULL, 1}},
		  {"status", "name"},
		  "deleted_at IS NULL"},
		 "users_expr_id_org_id_idx",
		 1,
		 "CREATE INDEX CONCURRENTLY \"users_expr_id_org_id_idx\" ON "
		 "\"public\".\"users\" USING btree ((lower(email)) DESC, \"id\","
		 " \"org_id\" DESC) INCLUDE (\"name\", \"status\") WHERE "
		 "deleted_at IS NULL"},
		{{"public", "t", {{NULL, "(a + b)", 0}}, {NULL}, NULL},
		 NULL,
		 0,
		 "CREATE INDEX ON \"public\".\"t\" USING btree (((a + b)))"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_candidate *c = cand_from(&cases[i].spec);
		struct adv_buf b;

		adv_buf_init(&b);
		adv_buf_addstr(&b, "-- ");
		adv_candidate_ddl(&b, ADV_ENGINE_POSTGRESQL, c, cases[i].name,
				  cases[i].concurrently);
		/* appended, not overwritten */
		if (strncmp(b.data, "-- ", 3) != 0 ||
		    strcmp(b.data + 3, cases[i].expected) != 0)
			fail_msg("case %zu:\nexpected -- %s\ngot      %s", i,
				 cases[i].expected, b.data);
		adv_buf_release(&b);
		adv_candidate_free(c);
	}
}

static const char *tree_str(const cJSON *obj, const char *key)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

/*
 * Names with quotes, spaces, semicolons, comment markers and non-ASCII
 * letters: the DDL is exactly one CREATE INDEX, and the parser reads the
 * names back unchanged.
 */
static void adv_candidate_ddl__hostile_names__one_statement_names_intact(
	void **state)
{
	static const struct cand_spec spec = {
		"my \"schema\"",
		"t\"; DROP TABLE x; --",
		{{"na\xc3\xafve col", NULL, 0},
		 {"a\"\"b", NULL, 1},
		 {"/* c */ d", NULL, 0}},
		{"e;f", "\xe6\x97\xa5\xe6\x9c\xac"},
		NULL};
	static const char *const name = "ix\"; DELETE FROM y; --";
	struct adv_candidate *c = cand_from(&spec);
	struct adv_error err;
	struct adv_buf b;
	cJSON *tree = NULL;
	const cJSON *stmts, *ix, *rel, *params, *p;
	static const char *const expected_keys[] = {"na\xc3\xafve col",
						    "a\"\"b", "/* c */ d"};
	size_t k = 0;

	(void)state;
	adv_buf_init(&b);
	adv_candidate_ddl(&b, ADV_ENGINE_POSTGRESQL, c, name, 1);
	assert_string_equal(
		b.data,
		"CREATE INDEX CONCURRENTLY \"ix\"\"; DELETE FROM y; --\" ON "
		"\"my \"\"schema\"\"\".\"t\"\"; DROP TABLE x; --\" USING btree "
		"(\"na\xc3\xafve col\", \"a\"\"\"\"b\" DESC, \"/* c */ d\") "
		"INCLUDE (\"e;f\", \"\xe6\x97\xa5\xe6\x9c\xac\")");
	adv_error_init(&err);
	if (adv_sql_parse(b.data, &tree, &err) != ADV_OK)
		fail_msg("'%s': %s", b.data, err.message);
	stmts = cJSON_GetObjectItemCaseSensitive(tree, "stmts");
	assert_int_equal(cJSON_GetArraySize(stmts), 1);
	ix = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(stmts, 0),
						 "stmt"),
		"IndexStmt");
	assert_non_null(ix);
	assert_string_equal(tree_str(ix, "idxname"), name);
	assert_true(cJSON_IsTrue(
		cJSON_GetObjectItemCaseSensitive(ix, "concurrent")));
	rel = cJSON_GetObjectItemCaseSensitive(ix, "relation");
	assert_string_equal(tree_str(rel, "schemaname"), spec.schema);
	assert_string_equal(tree_str(rel, "relname"), spec.table);
	params = cJSON_GetObjectItemCaseSensitive(ix, "indexParams");
	assert_int_equal(cJSON_GetArraySize(params), 3);
	cJSON_ArrayForEach (p, params) {
		const cJSON *elem =
			cJSON_GetObjectItemCaseSensitive(p, "IndexElem");

		assert_string_equal(tree_str(elem, "name"), expected_keys[k]);
		k++;
	}
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
				 ix, "indexIncludingParams")),
			 2);
	cJSON_Delete(tree);
	adv_buf_release(&b);
	adv_candidate_free(c);
}

static void adv_candidate_ddl__other_engines__their_quoting(void **state)
{
	static const struct cand_spec spec = {
		"app", "or`d]ers", {{"user_id", NULL, 0}}, {NULL}, NULL};
	struct adv_candidate *c = cand_from(&spec);
	struct adv_buf b;

	(void)state;
	adv_buf_init(&b);
	adv_candidate_ddl(&b, ADV_ENGINE_MYSQL, c, "i", 0);
	assert_string_equal(b.data, "CREATE INDEX `i` ON `app`.`or``d]ers` "
				    "USING btree (`user_id`)");
	adv_buf_reset(&b);
	adv_candidate_ddl(&b, ADV_ENGINE_MSSQL, c, "i", 0);
	assert_string_equal(b.data, "CREATE INDEX [i] ON [app].[or`d]]ers] "
				    "USING btree ([user_id])");
	adv_buf_release(&b);
	adv_candidate_free(c);
}

/* --- adv_candidate_served_by ---------------------------------------------- */

struct ix_key_spec {
	const char *column;
	const char *expression;
	const char *direction;
};

struct ix_spec {
	const char *schema;
	const char *table;
	const char *method;
	int is_valid;
	struct ix_key_spec keys[4];
	const char *include[4];
	const char *predicate;
};

/* An index over the spec's strings (nothing to free but the arrays). */
static void index_from(const struct ix_spec *s, struct adv_model_index *ix,
		       struct adv_model_key keys[4], char *include[4])
{
	size_t i;

	memset(ix, 0, sizeof(*ix));
	memset(keys, 0, 4 * sizeof(*keys));
	ix->schema = (char *)s->schema;
	ix->table = (char *)s->table;
	ix->name = (char *)"ix";
	ix->method = (char *)(s->method != NULL ? s->method : "btree");
	ix->is_valid = s->is_valid;
	ix->is_ready = 1;
	ix->is_partitioned = 0;
	for (i = 0; i < 4 && (s->keys[i].column != NULL ||
			      s->keys[i].expression != NULL);
	     i++) {
		keys[i].column = (char *)s->keys[i].column;
		keys[i].expression = (char *)s->keys[i].expression;
		keys[i].direction = (char *)s->keys[i].direction;
		keys[i].opclass_default = 1;
	}
	ix->keys = keys;
	ix->nkeys = i;
	for (i = 0; i < 4 && s->include[i] != NULL; i++)
		include[i] = (char *)s->include[i];
	ix->include = include;
	ix->ninclude = i;
	ix->predicate = (char *)s->predicate;
}

#define FAILED "status = 'failed'::text"

/* The candidates of the served-by cases. */
static const struct cand_spec c_user = {
	"public", "orders", {{"user_id", NULL, 0}}, {NULL}, NULL};
static const struct cand_spec c_user_created_desc = {
	"public",
	"orders",
	{{"user_id", NULL, 0}, {"created_at", NULL, 1}},
	{NULL},
	NULL};
static const struct cand_spec c_user_covering = {
	"public", "orders", {{"user_id", NULL, 0}}, {"total", "status"}, NULL};
static const struct cand_spec c_created_failed = {
	"public", "orders", {{"created_at", NULL, 0}}, {NULL}, FAILED};
static const struct cand_spec c_lower_email = {
	"public", "users", {{NULL, "lower(email)", 0}}, {NULL}, NULL};
static const struct cand_spec c_email = {
	"public", "users", {{"email", NULL, 0}}, {NULL}, NULL};

static void adv_candidate_served_by__index_variants__documented_contract(
	void **state)
{
	static const struct {
		const struct cand_spec *cand;
		struct ix_spec ix;
		int expected;
		const char *why;
	} cases[] = {
		/* same keys */
		{&c_user,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}},
		  {NULL},
		  NULL},
		 1,
		 "same key"},
		{&c_user,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "desc"}},
		  {NULL},
		  NULL},
		 1,
		 "one key read backwards"},
		/* the candidate as a prefix */
		{&c_user,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}, {"created_at", NULL, "asc"}},
		  {NULL},
		  NULL},
		 1,
		 "longer index with the candidate as prefix"},
		{&c_user,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"created_at", NULL, "asc"}, {"user_id", NULL, "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "the column, but not leading"},
		{&c_user_created_desc,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "shorter index"},
		/* directions */
		{&c_user_created_desc,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}, {"created_at", NULL, "desc"}},
		  {NULL},
		  NULL},
		 1,
		 "same directions"},
		{&c_user_created_desc,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "desc"}, {"created_at", NULL, "asc"}},
		  {NULL},
		  NULL},
		 1,
		 "all directions reversed"},
		{&c_user_created_desc,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "desc"},
		   {"created_at", NULL, "asc"},
		   {"total", NULL, "desc"}},
		  {NULL},
		  NULL},
		 1,
		 "all reversed, longer"},
		{&c_user_created_desc,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}, {"created_at", NULL, "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "mixed: second key reversed only"},
		{&c_user_created_desc,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "desc"}, {"created_at", NULL, "desc"}},
		  {NULL},
		  NULL},
		 0,
		 "mixed: first key reversed only"},
		/* INCLUDE columns */
		{&c_user_covering,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}},
		  {"status", "total"},
		  NULL},
		 1,
		 "same INCLUDE columns in another order"},
		{&c_user_covering,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}, {"total", NULL, "asc"}},
		  {"status", "code"},
		  NULL},
		 1,
		 "one INCLUDE column a key, the other included"},
		{&c_user_covering,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"},
		   {"total", NULL, "asc"},
		   {"status", NULL, "asc"}},
		  {NULL},
		  NULL},
		 1,
		 "INCLUDE columns among the keys"},
		{&c_user_covering,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}},
		  {"total"},
		  NULL},
		 0,
		 "an INCLUDE column missing"},
		{&c_user_covering,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "no INCLUDE columns"},
		{&c_user,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}},
		  {"total"},
		  NULL},
		 1,
		 "extra INCLUDE columns"},
		/* predicates */
		{&c_created_failed,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"created_at", NULL, "asc"}},
		  {NULL},
		  FAILED},
		 1,
		 "identical predicate"},
		{&c_created_failed,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"created_at", NULL, "asc"}, {"id", NULL, "asc"}},
		  {NULL},
		  FAILED},
		 1,
		 "identical predicate, longer"},
		{&c_created_failed,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"created_at", NULL, "asc"}},
		  {NULL},
		  NULL},
		 1,
		 "a full index serves a partial candidate"},
		{&c_created_failed,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"created_at", NULL, "asc"}},
		  {NULL},
		  "status = 'new'::text"},
		 0,
		 "another predicate"},
		{&c_created_failed,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"created_at", NULL, "asc"}},
		  {NULL},
		  "status = 'failed'::text OR status = 'new'::text"},
		 0,
		 "an implied predicate is not checked"},
		{&c_user,
		 {"public",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}},
		  {NULL},
		  FAILED},
		 0,
		 "a partial index does not serve a full candidate"},
		/* expressions */
		{&c_lower_email,
		 {"public",
		  "users",
		  NULL,
		  1,
		  {{NULL, "lower(email)", "asc"}},
		  {NULL},
		  NULL},
		 1,
		 "same expression"},
		{&c_lower_email,
		 {"public",
		  "users",
		  NULL,
		  1,
		  {{"email", NULL, "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "the column, not the expression"},
		{&c_lower_email,
		 {"public",
		  "users",
		  NULL,
		  1,
		  {{NULL, "upper(email)", "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "another expression"},
		{&c_email,
		 {"public",
		  "users",
		  NULL,
		  1,
		  {{NULL, "lower(email)", "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "an expression of the column"},
		/* not usable at all */
		{&c_user,
		 {"public",
		  "orders",
		  NULL,
		  0,
		  {{"user_id", NULL, "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "invalid index"},
		{&c_user,
		 {"public",
		  "orders",
		  NULL,
		  -1,
		  {{"user_id", NULL, "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "validity unknown"},
		{&c_user,
		 {"public",
		  "users",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "other table"},
		{&c_user,
		 {"sales",
		  "orders",
		  NULL,
		  1,
		  {{"user_id", NULL, "asc"}},
		  {NULL},
		  NULL},
		 0,
		 "other schema"},
		{&c_user,
		 {"public",
		  "orders",
		  "hash",
		  1,
		  {{"user_id", NULL, NULL}},
		  {NULL},
		  NULL},
		 0,
		 "not a btree"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_candidate *c = cand_from(cases[i].cand);
		struct adv_model_index ix;
		struct adv_model_key keys[4];
		char *include[4];
		int got;

		index_from(&cases[i].ix, &ix, keys, include);
		got = adv_candidate_served_by(c, &ix);
		if (got != cases[i].expected)
			fail_msg("case %zu (%s): expected %d, got %d", i,
				 cases[i].why, cases[i].expected, got);
		adv_candidate_free(c);
	}
}

/* --- adv_cand_set_add ------------------------------------------------------
 */

static void adv_cand_set_add__distinct__ids_in_order_keys_parallel(void **state)
{
	static const struct cand_spec specs[] = {
		{"public", "orders", {{"user_id", NULL, 0}}, {NULL}, NULL},
		{"public",
		 "orders",
		 {{"user_id", NULL, 0}},
		 {"id", "total"},
		 NULL},
		{"public", "orders", {{"user_id", NULL, 1}}, {NULL}, NULL},
		{"public", "users", {{"user_id", NULL, 0}}, {NULL}, NULL},
	};
	struct adv_cand_set set;
	size_t i;

	(void)state;
	adv_cand_set_init(&set);
	assert_int_equal(set.n, 0);
	for (i = 0; i < UNIT_ARRAY_SIZE(specs); i++) {
		struct adv_candidate *c = cand_from(&specs[i]);

		assert_int_equal(adv_cand_set_add(&set, c), (int)i);
		assert_ptr_equal(set.items[i], c);
		assert_int_equal(c->id, (int)i);
	}
	assert_int_equal(set.n, UNIT_ARRAY_SIZE(specs));
	for (i = 0; i < set.n; i++) {
		char *key = key_of(set.items[i]);

		assert_string_equal(set.keys[i], key);
		free(key);
	}
	adv_cand_set_release(&set);
	assert_int_equal(set.n, 0);
	assert_null(set.items);
	/* released sets can be used again */
	adv_cand_set_add(&set, cand_from(&specs[0]));
	assert_int_equal(set.n, 1);
	adv_cand_set_release(&set);
}

static void adv_cand_set_add__duplicate__same_id_duplicate_freed(void **state)
{
	static const struct cand_spec first = {"public",
					       "orders",
					       {{"user_id", NULL, 0}},
					       {"total", "id"},
					       NULL};
	static const struct cand_spec other = {
		"public", "orders", {{"status", NULL, 0}}, {NULL}, NULL};
	static const struct cand_spec same = {"public",
					      "orders",
					      {{"user_id", NULL, 0}},
					      {"id", "total"},
					      NULL};
	struct adv_cand_set set;
	struct adv_candidate *kept;

	(void)state;
	adv_cand_set_init(&set);
	kept = cand_from(&first);
	assert_int_equal(adv_cand_set_add(&set, kept), 0);
	assert_int_equal(adv_cand_set_add(&set, cand_from(&other)), 1);
	/* the duplicate is freed (a leak shows under the sanitizers) */
	assert_int_equal(adv_cand_set_add(&set, cand_from(&same)), 0);
	assert_int_equal(adv_cand_set_add(&set, cand_from(&first)), 0);
	assert_int_equal(adv_cand_set_add(&set, cand_from(&other)), 1);
	assert_int_equal(set.n, 2);
	assert_ptr_equal(set.items[0], kept);
	assert_int_equal(kept->id, 0);
	assert_string_equal(set.items[0]->include[0], "total");
	adv_cand_set_release(&set);
}

static void adv_cand_set_add__many__grows_and_finds_each(void **state)
{
	struct adv_cand_set set;
	int i;

	(void)state;
	adv_cand_set_init(&set);
	for (i = 0; i < 100; i++) {
		struct cand_spec spec = {
			"public", "t", {{NULL, NULL, 0}}, {NULL}, NULL};
		char col[16];

		snprintf(col, sizeof(col), "c%d", i);
		spec.keys[0].column = col;
		assert_int_equal(adv_cand_set_add(&set, cand_from(&spec)), i);
	}
	for (i = 99; i >= 0; i--) {
		struct cand_spec spec = {
			"public", "t", {{NULL, NULL, 0}}, {NULL}, NULL};
		char col[16];

		snprintf(col, sizeof(col), "c%d", i);
		spec.keys[0].column = col;
		assert_int_equal(adv_cand_set_add(&set, cand_from(&spec)), i);
		assert_string_equal(set.items[i]->keys[0].column, col);
	}
	assert_int_equal(set.n, 100);
	assert_true(set.alloc >= 100);
	adv_cand_set_release(&set);
}

/* --- adv_candidate_dup ---------------------------------------------------- */

static void adv_candidate_dup__full__deep_copy_outlives_original(void **state)
{
	static const struct cand_spec spec = {
		"public",
		"users",
		{{NULL, "lower(email)", 1}, {"id", NULL, 0}},
		{"name", "status"},
		"deleted_at IS NULL"};
	struct adv_candidate *c = cand_from(&spec);
	struct adv_candidate *d;
	char *before, *after;
	size_t i;

	(void)state;
	c->id = 7;
	c->size_bytes = 123456;
	c->partitioned = 1;
	before = key_of(c);
	d = adv_candidate_dup(c);
	assert_ptr_not_equal(d, c);
	assert_ptr_not_equal(d->schema, c->schema);
	assert_ptr_not_equal(d->table, c->table);
	assert_ptr_not_equal(d->keys, c->keys);
	assert_ptr_not_equal(d->include, c->include);
	assert_ptr_not_equal(d->predicate, c->predicate);
	for (i = 0; i < c->nkeys; i++) {
		if (c->keys[i].column != NULL)
			assert_ptr_not_equal(d->keys[i].column,
					     c->keys[i].column);
		if (c->keys[i].expression != NULL)
			assert_ptr_not_equal(d->keys[i].expression,
					     c->keys[i].expression);
	}
	for (i = 0; i < c->ninclude; i++)
		assert_ptr_not_equal(d->include[i], c->include[i]);
	assert_int_equal(d->nkeys, 2);
	assert_int_equal(d->ninclude, 2);
	assert_int_equal(d->id, 7);
	assert_true(d->size_bytes == 123456);
	assert_int_equal(d->partitioned, 1);
	assert_null(d->keys[1].expression);
	assert_int_equal(d->keys[0].desc, 1);
	assert_int_equal(d->keys[1].desc, 0);
	/* the copy stands alone once the original is gone */
	adv_candidate_free(c);
	after = key_of(d);
	assert_string_equal(after, before);
	free(before);
	free(after);
	adv_candidate_free(d);
}

static void adv_candidate_dup__empty_parts__nulls_kept(void **state)
{
	static const struct cand_spec spec = {
		NULL, "t", {{"a", NULL, 0}}, {NULL}, NULL};
	struct adv_candidate *c = cand_from(&spec);
	struct adv_candidate *d;
	char *kc, *kd;

	(void)state;
	d = adv_candidate_dup(c);
	assert_null(d->schema);
	assert_null(d->predicate);
	assert_int_equal(d->ninclude, 0);
	assert_int_equal(d->nkeys, 1);
	kc = key_of(c);
	kd = key_of(d);
	assert_string_equal(kd, "\"t\"(\"a\")");
	assert_string_equal(kc, kd);
	free(kc);
	free(kd);
	adv_candidate_free(c);
	adv_candidate_free(d);
	adv_candidate_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_candidate_key__specs__canonical_quoted_text),
		cmocka_unit_test(
			adv_candidate_key__include_order__same_identity),
		cmocka_unit_test(
			adv_candidate_key__near_misses__different_identities),
		cmocka_unit_test(
			adv_candidate_ddl__name_and_concurrently__exact_text),
		cmocka_unit_test(
			adv_candidate_ddl__hostile_names__one_statement_names_intact),
		cmocka_unit_test(
			adv_candidate_ddl__other_engines__their_quoting),
		cmocka_unit_test(
			adv_candidate_served_by__index_variants__documented_contract),
		cmocka_unit_test(
			adv_cand_set_add__distinct__ids_in_order_keys_parallel),
		cmocka_unit_test(
			adv_cand_set_add__duplicate__same_id_duplicate_freed),
		cmocka_unit_test(adv_cand_set_add__many__grows_and_finds_each),
		cmocka_unit_test(
			adv_candidate_dup__full__deep_copy_outlives_original),
		cmocka_unit_test(adv_candidate_dup__empty_parts__nulls_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
