/*
 * What-if costing with HypoPG. The session's hypothetical indexes are kept
 * equal to the configuration being costed (a map of candidate key to
 * hypopg's oid and name), then the statement is explained; EXPLAIN without
 * ANALYZE plans and never executes, so write statements are safe. Every
 * statement runs on its own (the session is not in a transaction block),
 * so one that fails leaves nothing behind: hypothetical indexes are not
 * transactional, and a failed PREPARE or EXPLAIN only ends its own
 * implicit transaction.
 *
 * Two things about the server shape the code:
 *
 * - adv_conn_query speaks the extended query protocol, whose Parse message
 *   makes every $n of "EXPLAIN ... $1" a parameter of the protocol
 *   statement: the server wants a value for it ("bind message supplies 0
 *   parameters", seen on 15), and with one the planner folds it in as a
 *   constant, which is a custom plan. EXPLAIN (GENERIC_PLAN) on 16+ only
 *   takes over $n when no such hook is installed, so it fails the same way
 *   over this protocol. PREPARE analyses its query on its own, so a
 *   parameterised statement is costed on every version as PREPARE +
 *   EXPLAIN EXECUTE (NULL, ...) under plan_cache_mode = force_generic_plan.
 *
 * - A prepared statement's cached generic plan does not see hypothetical
 *   indexes created or dropped after it was built: HypoPG sends no relcache
 *   invalidation. Checked on 15 with hypopg 1.3.1: the plan kept its seq
 *   scan after hypopg_create_index, and once hypopg_reset had removed the
 *   index its plan used, EXECUTE failed with "cache lookup failed for
 *   index". So every EXPLAIN gets a statement of its own, deallocated right
 *   after.
 */
#include "whatif.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "parse.h"
#include "sqltext.h"
#include "banned.h"

/* Bytes of a statement quoted in an error message. */
#define WHATIF_PREVIEW 60

/* A hypothetical index that exists in the session now. */
struct hypo_index {
	char *key;  /* adv_candidate_key */
	char *oid;  /* indexrelid, as the server printed it */
	char *name; /* hypopg's name for it, which EXPLAIN prints */
};

/*
 * A remembered answer: a cost (with a used flag per distinct candidate of
 * its configuration, in key order) or a size. The key is bytes with NUL
 * separators, so len is what counts.
 */
struct memo_entry {
	char *key;
	size_t len;
	uint64_t hash;
	double value;
	unsigned char *used;
};

/* Open addressing, linear probing; cap is 0 or a power of two. */
struct memo {
	struct memo_entry **slots;
	size_t cap;
	size_t n;
};

/*
 * present mirrors the server's hypothetical indexes unless present_unknown
 * is set (a drop failed half-way), in which case the next call resets them
 * before relying on it.
 */
struct adv_whatif {
	struct adv_conn *conn;
	char *hypopg_schema; /* quoted: the session's search_path is pg_catalog
			      */
	struct hypo_index *present;
	size_t npresent, present_alloc;
	int present_unknown;
	char *saved_plan_cache_mode; /* NULL until we change it */
	unsigned long prepared;	     /* names ip_whatif_1, ip_whatif_2, ... */
	unsigned long *leftover;     /* statements DEALLOCATE failed for */
	size_t nleftover, leftover_alloc;
	unsigned long calls;
	struct memo costs;
	struct memo sizes;
};

/*
 * A configuration seen through its candidates' keys: distinct keys in
 * sorted order (the identity of the set, whatever the caller's order and
 * repetitions) and, for each position of config, its distinct key.
 */
struct config_view {
	char **keys; /* per config position */
	size_t n;
	const char **distinct;
	const struct adv_candidate **distinct_cand;
	size_t ndistinct;
	size_t *slot; /* config position -> index in distinct */
};

struct keyed_pos {
	const char *key;
	size_t pos;
};

static uint64_t memo_hash(const char *key, size_t len)
{
	uint64_t h = 14695981039346656037ULL; /* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static struct memo_entry *memo_find(const struct memo *m, const char *key,
				    size_t len, uint64_t hash)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = hash & (m->cap - 1); m->slots[i] != NULL;
	     i = (i + 1) & (m->cap - 1)) {
		struct memo_entry *e = m->slots[i];

		if (e->hash == hash && e->len == len &&
		    memcmp(e->key, key, len) == 0)
			return e;
	}
	return NULL;
}

static void memo_place(struct memo_entry **slots, size_t cap,
		       struct memo_entry *e)
{
	size_t i = e->hash & (cap - 1);

	while (slots[i] != NULL)
		i = (i + 1) & (cap - 1);
	slots[i] = e;
}

/* Takes ownership of e, whose key must not be in m yet. */
static void memo_add(struct memo *m, struct memo_entry *e)
{
	size_t i;

	if ((m->n + 1) * 4 > m->cap * 3) {
		size_t cap = m->cap == 0 ? 64 : m->cap * 2;
		struct memo_entry **slots = adv_xcalloc(cap, sizeof(*slots));

		for (i = 0; i < m->cap; i++) {
			if (m->slots[i] != NULL)
				memo_place(slots, cap, m->slots[i]);
		}
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	memo_place(m->slots, m->cap, e);
	m->n++;
}

/* Adds an entry for the bytes in key, leaving key empty. */
static struct memo_entry *memo_add_buf(struct memo *m, struct adv_buf *key,
				       uint64_t hash, double value)
{
	struct memo_entry *e = adv_xcalloc(1, sizeof(*e));

	e->len = key->len;
	e->key = adv_buf_detach(key);
	e->hash = hash;
	e->value = value;
	memo_add(m, e);
	return e;
}

static void memo_release(struct memo *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		if (m->slots[i] == NULL)
			continue;
		free(m->slots[i]->key);
		free(m->slots[i]->used);
		free(m->slots[i]);
	}
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

static int cmp_keyed_pos(const void *a, const void *b)
{
	const struct keyed_pos *x = a;
	const struct keyed_pos *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return 0;
}

static void view_init(struct config_view *v,
		      const struct adv_candidate *const *config, size_t n)
{
	struct keyed_pos *sorted = adv_xcalloc(n + 1, sizeof(*sorted));
	size_t i;

	memset(v, 0, sizeof(*v));
	v->n = n;
	v->keys = adv_xcalloc(n + 1, sizeof(*v->keys));
	v->distinct = adv_xcalloc(n + 1, sizeof(*v->distinct));
	v->distinct_cand = adv_xcalloc(n + 1, sizeof(*v->distinct_cand));
	v->slot = adv_xcalloc(n + 1, sizeof(*v->slot));
	for (i = 0; i < n; i++) {
		struct adv_buf b;

		adv_buf_init(&b);
		adv_candidate_key(&b, config[i]);
		v->keys[i] = adv_buf_detach(&b);
		sorted[i].key = v->keys[i];
		sorted[i].pos = i;
	}
	if (n > 1)
		qsort(sorted, n, sizeof(*sorted), cmp_keyed_pos);
	for (i = 0; i < n; i++) {
		if (v->ndistinct == 0 ||
		    strcmp(sorted[i].key, v->distinct[v->ndistinct - 1]) != 0) {
			v->distinct[v->ndistinct] = sorted[i].key;
			v->distinct_cand[v->ndistinct] = config[sorted[i].pos];
			v->ndistinct++;
		}
		v->slot[sorted[i].pos] = v->ndistinct - 1;
	}
	free(sorted);
}

static void view_release(struct config_view *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->keys[i]);
	free(v->keys);
	free(v->distinct);
	free(v->distinct_cand);
	free(v->slot);
	memset(v, 0, sizeof(*v));
}

static int view_has(const struct config_view *v, const char *key)
{
	size_t lo = 0, hi = v->ndistinct;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, v->distinct[mid]);

		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* The statement, then each distinct candidate key, each ending in NUL. */
static void cost_key(struct adv_buf *b, const char *sql,
		     const struct config_view *v)
{
	size_t i;

	adv_buf_add(b, sql, strlen(sql) + 1);
	for (i = 0; i < v->ndistinct; i++)
		adv_buf_add(b, v->distinct[i], strlen(v->distinct[i]) + 1);
}

/* The start of a statement for messages, on one line, cut at a character
 * boundary. */
static void sql_preview(char *out, size_t cap, const char *sql)
{
	size_t len = 0;
	const char *p = sql;
	int space = 0;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	for (; *p != '\0' && len + 4 < cap; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = 1;
			continue;
		}
		if (space && len > 0)
			out[len++] = ' ';
		space = 0;
		out[len++] = *p;
	}
	if (*p != '\0') {
		size_t start = len;

		/* drop a character that the cut left incomplete */
		while (start > 0 &&
		       ((unsigned char)out[start - 1] & 0xC0) == 0x80)
			start--;
		if (start > 0 && (unsigned char)out[start - 1] >= 0xC0) {
			unsigned char lead = (unsigned char)out[start - 1];
			size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;

			if (len - (start - 1) < need)
				len = start - 1;
		}
		memcpy(out + len, "...", 3);
		len += 3;
	}
	out[len] = '\0';
}

static struct hypo_index *present_find(struct adv_whatif *w, const char *key)
{
	size_t i;

	for (i = 0; i < w->npresent; i++) {
		if (strcmp(w->present[i].key, key) == 0)
			return &w->present[i];
	}
	return NULL;
}

static void hypo_index_release(struct hypo_index *h)
{
	free(h->key);
	free(h->oid);
	free(h->name);
}

static void present_clear(struct adv_whatif *w)
{
	size_t i;

	for (i = 0; i < w->npresent; i++)
		hypo_index_release(&w->present[i]);
	w->npresent = 0;
}

static enum adv_status reset_all(struct adv_whatif *w, struct adv_error *err)
{
	char *sql = adv_xstrfmt("SELECT %s.hypopg_reset()", w->hypopg_schema);
	enum adv_status st = adv_conn_exec(w->conn, sql, err);

	if (st == ADV_OK) {
		present_clear(w);
		w->present_unknown = 0;
	} else {
		adv_error_prefix(err, "cannot remove the hypothetical indexes");
	}
	free(sql);
	return st;
}

static enum adv_status ensure_known(struct adv_whatif *w, struct adv_error *err)
{
	if (!w->present_unknown)
		return ADV_OK;
	return reset_all(w, err);
}

static enum adv_status create_hypo(struct adv_whatif *w,
				   const struct adv_candidate *c,
				   const char *key, struct adv_error *err)
{
	struct adv_buf ddl;
	struct adv_result *res = NULL;
	struct hypo_index *h;
	const char *param;
	const char *oid;
	const char *name;
	char *sql;
	enum adv_status st;

	adv_buf_init(&ddl);
	adv_candidate_ddl(&ddl, ADV_ENGINE_POSTGRESQL, c, NULL, 0);
	sql = adv_xstrfmt(
		"SELECT indexrelid, indexname FROM %s.hypopg_create_index($1)",
		w->hypopg_schema);
	param = ddl.data;
	st = adv_conn_query(w->conn, sql, 1, &param, &res, err);
	if (st != ADV_OK) {
		adv_error_prefix(err, "cannot create hypothetical index '%s'",
				 key);
		goto cleanup;
	}
	oid = adv_result_get(res, 0, 0);
	name = adv_result_get(res, 0, 1);
	if (adv_result_rows(res) != 1 || oid == NULL || name == NULL) {
		st = adv_error_set(
			err, ADV_ESERVER,
			"hypopg_create_index returned no index for '%s'", key);
		goto cleanup;
	}
	ADV_ALLOC_GROW(w->present, w->npresent + 1, w->present_alloc);
	h = &w->present[w->npresent++];
	h->key = adv_xstrdup(key);
	h->oid = adv_xstrdup(oid);
	h->name = adv_xstrdup(name);
cleanup:
	adv_result_free(res);
	free(sql);
	adv_buf_release(&ddl);
	return st;
}

/* Drops the hypothetical indexes that v does not want, in one statement. */
static enum adv_status drop_unwanted(struct adv_whatif *w,
				     const struct config_view *v,
				     struct adv_error *err)
{
	struct adv_buf oids;
	const char *param;
	char *sql = NULL;
	size_t i, kept = 0, drop = 0;
	enum adv_status st = ADV_OK;

	adv_buf_init(&oids);
	for (i = 0; i < w->npresent; i++) {
		if (view_has(v, w->present[i].key))
			continue;
		adv_buf_addstr(&oids, drop == 0 ? "{" : ",");
		adv_buf_addstr(&oids, w->present[i].oid);
		drop++;
	}
	if (drop == 0)
		goto cleanup;
	if (drop == w->npresent) {
		st = reset_all(w, err);
		goto cleanup;
	}
	adv_buf_addch(&oids, '}');
	param = oids.data;
	sql = adv_xstrfmt(
		"SELECT %s.hypopg_drop_index(o) FROM pg_catalog.unnest($1::pg_catalog.oid[]) AS o",
		w->hypopg_schema);
	st = adv_conn_query(w->conn, sql, 1, &param, NULL, err);
	if (st != ADV_OK) {
		/* some may be gone: reset before trusting present again */
		w->present_unknown = 1;
		adv_error_prefix(err, "cannot drop hypothetical indexes");
		goto cleanup;
	}
	for (i = 0; i < w->npresent; i++) {
		if (view_has(v, w->present[i].key))
			w->present[kept++] = w->present[i];
		else
			hypo_index_release(&w->present[i]);
	}
	w->npresent = kept;
cleanup:
	free(sql);
	adv_buf_release(&oids);
	return st;
}

/*
 * Makes the session's hypothetical indexes exactly v's candidates and puts
 * their hypopg names in names[0..v->ndistinct), valid until the next change.
 */
static enum adv_status sync_present(struct adv_whatif *w,
				    const struct config_view *v,
				    const char **names, struct adv_error *err)
{
	size_t i;
	enum adv_status st;

	st = ensure_known(w, err);
	if (st == ADV_OK)
		st = drop_unwanted(w, v, err);
	for (i = 0; st == ADV_OK && i < v->ndistinct; i++) {
		if (present_find(w, v->distinct[i]) == NULL)
			st = create_hypo(w, v->distinct_cand[i], v->distinct[i],
					 err);
	}
	/* after every creation: present may have moved */
	for (i = 0; st == ADV_OK && i < v->ndistinct; i++)
		names[i] = present_find(w, v->distinct[i])->name;
	return st;
}

static void deallocate(struct adv_whatif *w, unsigned long id)
{
	struct adv_error ignored;
	char *sql = adv_xstrfmt("DEALLOCATE ip_whatif_%lu", id);

	adv_error_init(&ignored);
	if (adv_conn_exec(w->conn, sql, &ignored) != ADV_OK) {
		/* the connection is probably gone; adv_whatif_free retries */
		ADV_ALLOC_GROW(w->leftover, w->nleftover + 1,
			       w->leftover_alloc);
		w->leftover[w->nleftover++] = id;
	}
	free(sql);
}

/* The generic plan of a statement with nparams parameters: see the top. */
static enum adv_status explain_generic(struct adv_whatif *w, const char *sql,
				       int nparams, struct adv_result **res,
				       struct adv_error *err)
{
	struct adv_buf text;
	struct adv_result *setting = NULL;
	unsigned long id;
	int i;
	enum adv_status st = ADV_OK;

	adv_buf_init(&text);
	if (w->saved_plan_cache_mode == NULL) {
		const char *old;

		st = adv_conn_query(
			w->conn,
			"SELECT pg_catalog.current_setting('plan_cache_mode'), "
			"pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', false)",
			0, NULL, &setting, err);
		if (st != ADV_OK) {
			adv_error_prefix(err, "cannot ask for generic plans");
			goto cleanup;
		}
		old = adv_result_get(setting, 0, 0);
		w->saved_plan_cache_mode =
			adv_xstrdup(old != NULL ? old : "auto");
	}
	id = ++w->prepared;
	adv_buf_addf(&text, "PREPARE ip_whatif_%lu AS ", id);
	adv_buf_addstr(&text, sql);
	st = adv_conn_query(w->conn, text.data, 0, NULL, NULL, err);
	if (st != ADV_OK)
		goto cleanup;
	adv_buf_reset(&text);
	adv_buf_addf(&text, "EXPLAIN (FORMAT JSON) EXECUTE ip_whatif_%lu(", id);
	for (i = 0; i < nparams; i++)
		adv_buf_addstr(&text, i == 0 ? "NULL" : ", NULL");
	adv_buf_addch(&text, ')');
	w->calls++;
	st = adv_conn_query(w->conn, text.data, 0, NULL, res, err);
	deallocate(w, id);
cleanup:
	adv_result_free(setting);
	adv_buf_release(&text);
	return st;
}

static enum adv_status explain(struct adv_whatif *w, const char *sql,
			       struct adv_result **res, struct adv_error *err)
{
	int nparams = adv_sql_max_param(sql);
	char *text;
	enum adv_status st;

	if (nparams > 0)
		return explain_generic(w, sql, nparams, res, err);
	text = adv_xstrfmt("EXPLAIN (FORMAT JSON) %s", sql);
	w->calls++;
	st = adv_conn_query(w->conn, text, 0, NULL, res, err);
	free(text);
	return st;
}

/* Sets used[i] when the plan under node scans with index names[i]. */
static void mark_used(const cJSON *node, const char *const *names, size_t n,
		      unsigned char *used)
{
	const cJSON *name =
		cJSON_GetObjectItemCaseSensitive(node, "Index Name");
	const cJSON *plans = cJSON_GetObjectItemCaseSensitive(node, "Plans");
	const cJSON *child;
	size_t i;

	if (cJSON_IsString(name)) {
		for (i = 0; i < n; i++) {
			if (strcmp(name->valuestring, names[i]) == 0)
				used[i] = 1;
		}
	}
	if (!cJSON_IsArray(plans))
		return;
	cJSON_ArrayForEach (child, plans) {
		if (cJSON_IsObject(child))
			mark_used(child, names, n, used);
	}
}

/*
 * Reads EXPLAIN (FORMAT JSON) output: an array with one {"Plan": ...} per
 * statement the rewriter produced (more than one with rules), all of which
 * run, so their total costs add up.
 */
static enum adv_status read_plan(const char *text, const char *const *names,
				 size_t n, double *cost, unsigned char *used,
				 struct adv_error *err)
{
	cJSON *doc = text != NULL ? cJSON_ParseWithOpts(text, NULL, 1) : NULL;
	const cJSON *item;
	double total = 0;
	enum adv_status st = ADV_OK;

	if (!cJSON_IsArray(doc) || cJSON_GetArraySize(doc) == 0) {
		st = adv_error_set(err, ADV_ESERVER,
				   "EXPLAIN returned no JSON plan");
		goto cleanup;
	}
	cJSON_ArrayForEach (item, doc) {
		const cJSON *plan =
			cJSON_GetObjectItemCaseSensitive(item, "Plan");
		const cJSON *tc;

		if (!cJSON_IsObject(plan)) {
			st = adv_error_set(err, ADV_ESERVER,
					   "EXPLAIN returned no \"Plan\"");
			goto cleanup;
		}
		tc = cJSON_GetObjectItemCaseSensitive(plan, "Total Cost");
		if (!cJSON_IsNumber(tc) || !isfinite(tc->valuedouble) ||
		    tc->valuedouble < 0) {
			st = adv_error_set(
				err, ADV_ESERVER,
				"EXPLAIN returned no valid \"Total Cost\"");
			goto cleanup;
		}
		total += tc->valuedouble;
		mark_used(plan, names, n, used);
	}
	*cost = total;
cleanup:
	cJSON_Delete(doc);
	return st;
}

static void whatif_release(struct adv_whatif *w)
{
	if (w == NULL)
		return;
	present_clear(w);
	free(w->present);
	free(w->hypopg_schema);
	free(w->saved_plan_cache_mode);
	free(w->leftover);
	memo_release(&w->costs);
	memo_release(&w->sizes);
	free(w);
}

/* Debian's package name: postgresql-15-hypopg, postgresql-9.6-hypopg. */
static char *package_version(int server_version)
{
	if (server_version >= 100000)
		return adv_xstrfmt("%d", server_version / 10000);
	return adv_xstrfmt("%d.%d", server_version / 10000,
			   server_version / 100 % 100);
}

enum adv_status adv_whatif_open(struct adv_conn *conn, struct adv_whatif **out,
				struct adv_error *err)
{
	struct adv_whatif *w = NULL;
	struct adv_result *res = NULL;
	const char *schema;
	char *major = NULL;
	enum adv_status st;

	*out = NULL;
	if (adv_conn_engine(conn) != ADV_ENGINE_POSTGRESQL) {
		st = adv_error_set(
			err, ADV_EUSAGE,
			"what-if costing needs HypoPG on PostgreSQL, not '%s'",
			adv_engine_name(adv_conn_engine(conn)));
		goto cleanup;
	}
	st = adv_conn_query(
		conn,
		"SELECT e.extversion, n.nspname FROM pg_catalog.pg_extension e "
		"JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
		"WHERE e.extname = 'hypopg'",
		0, NULL, &res, err);
	if (st != ADV_OK) {
		adv_error_prefix(err, "cannot look for hypopg in database '%s'",
				 adv_conn_database(conn));
		goto cleanup;
	}
	schema = adv_result_get(res, 0, 1);
	if (schema == NULL) {
		major = package_version(adv_conn_server_version(conn));
		st = adv_error_set(
			err, ADV_ESERVER,
			"hypopg is not installed in database '%s': CREATE EXTENSION hypopg (Debian package postgresql-%s-hypopg)",
			adv_conn_database(conn), major);
		goto cleanup;
	}
	w = adv_xcalloc(1, sizeof(*w));
	w->conn = conn;
	w->hypopg_schema = adv_conn_quote_ident(conn, schema);
	/* a clean slate: another user of this session may have left some */
	st = reset_all(w, err);
	if (st != ADV_OK)
		goto cleanup;
	*out = w;
	w = NULL;
cleanup:
	whatif_release(w);
	free(major);
	adv_result_free(res);
	return st;
}

enum adv_status adv_whatif_cost(struct adv_whatif *w, const char *sql,
				const struct adv_candidate *const *config,
				size_t n, double *cost, unsigned char *used,
				struct adv_error *err)
{
	struct config_view v;
	struct adv_buf key;
	struct adv_result *res = NULL;
	struct memo_entry *entry;
	const char **names;
	unsigned char *distinct_used;
	char preview[WHATIF_PREVIEW + 4];
	double total = 0;
	uint64_t hash;
	size_t i;
	enum adv_status st = ADV_OK;

	view_init(&v, config, n);
	names = adv_xcalloc(v.ndistinct + 1, sizeof(*names));
	distinct_used = adv_xcalloc(v.ndistinct + 1, 1);
	adv_buf_init(&key);
	cost_key(&key, sql, &v);
	hash = memo_hash(key.data, key.len);
	entry = memo_find(&w->costs, key.data, key.len, hash);
	if (entry == NULL) {
		st = sync_present(w, &v, names, err);
		if (st != ADV_OK)
			goto cleanup;
		st = explain(w, sql, &res, err);
		if (st == ADV_OK)
			st = read_plan(adv_result_get(res, 0, 0), names,
				       v.ndistinct, &total, distinct_used, err);
		if (st != ADV_OK) {
			sql_preview(preview, sizeof(preview), sql);
			adv_error_prefix(err, "cannot plan '%s'", preview);
			goto cleanup;
		}
		entry = memo_add_buf(&w->costs, &key, hash, total);
		entry->used = distinct_used;
		distinct_used = NULL;
	}
	*cost = entry->value;
	for (i = 0; used != NULL && i < n; i++)
		used[i] = entry->used[v.slot[i]];
cleanup:
	adv_result_free(res);
	adv_buf_release(&key);
	free(distinct_used);
	free(names);
	view_release(&v);
	return st;
}

enum adv_status adv_whatif_size(struct adv_whatif *w,
				const struct adv_candidate *c, double *bytes,
				struct adv_error *err)
{
	struct adv_buf key;
	struct adv_result *res = NULL;
	struct memo_entry *entry;
	struct hypo_index *h;
	const char *param;
	const char *value;
	char *sql = NULL;
	int64_t size = 0;
	uint64_t hash;
	enum adv_status st = ADV_OK;

	adv_buf_init(&key);
	adv_candidate_key(&key, c);
	hash = memo_hash(key.data, key.len);
	entry = memo_find(&w->sizes, key.data, key.len, hash);
	if (entry != NULL) {
		*bytes = entry->value;
		goto cleanup;
	}
	st = ensure_known(w, err);
	if (st != ADV_OK)
		goto cleanup;
	h = present_find(w, key.data);
	if (h == NULL) {
		st = create_hypo(w, c, key.data, err);
		if (st != ADV_OK)
			goto cleanup;
		h = present_find(w, key.data);
	}
	sql = adv_xstrfmt("SELECT %s.hypopg_relation_size($1)",
			  w->hypopg_schema);
	param = h->oid;
	st = adv_conn_query(w->conn, sql, 1, &param, &res, err);
	if (st != ADV_OK) {
		adv_error_prefix(err, "cannot estimate the size of '%s'",
				 key.data);
		goto cleanup;
	}
	value = adv_result_get(res, 0, 0);
	if (value == NULL || adv_parse_int64(value, 0, INT64_MAX, "size", &size,
					     NULL) != ADV_OK) {
		st = adv_error_set(
			err, ADV_ESERVER,
			"hypopg_relation_size returned '%s' for '%s'",
			value != NULL ? value : "NULL", key.data);
		goto cleanup;
	}
	*bytes = (double)size;
	memo_add_buf(&w->sizes, &key, hash, (double)size);
cleanup:
	adv_result_free(res);
	free(sql);
	adv_buf_release(&key);
	return st;
}

unsigned long adv_whatif_calls(const struct adv_whatif *w)
{
	return w == NULL ? 0 : w->calls;
}

void adv_whatif_free(struct adv_whatif *w)
{
	struct adv_error ignored;
	size_t i;
	char *sql;

	if (w == NULL)
		return;
	adv_error_init(&ignored);
	sql = adv_xstrfmt("SELECT %s.hypopg_reset()", w->hypopg_schema);
	adv_conn_exec(w->conn, sql, &ignored);
	free(sql);
	/* only ours: the caller may have prepared statements of its own */
	for (i = 0; i < w->nleftover; i++) {
		sql = adv_xstrfmt("DEALLOCATE ip_whatif_%lu", w->leftover[i]);
		adv_conn_exec(w->conn, sql, &ignored);
		free(sql);
	}
	if (w->saved_plan_cache_mode != NULL) {
		const char *param = w->saved_plan_cache_mode;

		adv_conn_query(
			w->conn,
			"SELECT pg_catalog.set_config('plan_cache_mode', $1, false)",
			1, &param, NULL, &ignored);
	}
	whatif_release(w);
}
