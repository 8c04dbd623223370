#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "banned.h"

void adv_model_init(struct adv_model *m)
{
	memset(m, 0, sizeof(*m));
}

static void free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void free_index(struct adv_model_index *ix)
{
	size_t i;

	for (i = 0; i < ix->nkeys; i++) {
		free(ix->keys[i].column);
		free(ix->keys[i].expression);
		free(ix->keys[i].opclass);
		free(ix->keys[i].collation);
		free(ix->keys[i].direction);
		free(ix->keys[i].nulls);
	}
	free(ix->keys);
	free_strings(ix->include, ix->ninclude);
	free(ix->schema);
	free(ix->table);
	free(ix->name);
	free(ix->method);
	free(ix->constraint);
	free(ix->constraint_type);
	free(ix->predicate);
	free(ix->definition);
	free(ix->parent_schema);
	free(ix->parent_index);
	free(ix);
}

static void free_table(struct adv_model_table *t)
{
	free(t->schema);
	free(t->table);
	free(t->kind);
	free(t->parent_schema);
	free(t->parent_table);
	free(t);
}

static void free_qual(struct adv_model_qual *q)
{
	free(q->queryid);
	free(q->schema);
	free(q->table);
	free(q->column);
	free(q->operator);
	free(q->ref_schema);
	free(q->ref_table);
	free(q->ref_column);
	free(q);
}

static void free_statement(struct adv_model_statement *st)
{
	free(st->queryid);
	free(st->user);
	free(st->query);
	free(st);
}

static void free_constraint(struct adv_model_constraint *c)
{
	free(c->schema);
	free(c->table);
	free(c->name);
	free(c->type);
	free_strings(c->columns, c->ncolumns);
	free(c->ref_schema);
	free(c->ref_table);
	free_strings(c->ref_columns, c->nref_columns);
	free(c->index);
	free(c->definition);
	free(c);
}

static void free_column(struct adv_model_column *c)
{
	free(c->schema);
	free(c->table);
	free(c->column);
	free(c->data_type);
	free(c->collation);
	free(c);
}

static void free_snapshot(struct adv_model_snapshot *s)
{
	size_t i;

	for (i = 0; i < s->ntables; i++)
		free_table(s->tables[i]);
	for (i = 0; i < s->nstatements; i++)
		free_statement(s->statements[i]);
	free(s->statements);
	for (i = 0; i < s->nquals; i++)
		free_qual(s->quals[i]);
	free(s->quals);
	for (i = 0; i < s->nindexes; i++)
		free_index(s->indexes[i]);
	for (i = 0; i < s->nconstraints; i++)
		free_constraint(s->constraints[i]);
	for (i = 0; i < s->ncolumns; i++)
		free_column(s->columns[i]);
	free(s->tables);
	free(s->indexes);
	free(s->constraints);
	free(s->columns);
	free(s->index_by_name);
	free(s->table_by_name);
	free(s->column_by_name);
	free(s->column_by_position);
	adv_source_release(&s->src);
	free(s->ts);
	free(s->server_version);
	free(s->stats_reset);
	free(s->postmaster_start);
	free(s);
}

void adv_model_release(struct adv_model *m)
{
	size_t i;

	for (i = 0; i < m->nsnapshots; i++)
		free_snapshot(m->snapshots[i]);
	free(m->snapshots);
	adv_model_init(m);
}

static int same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int same_node(const struct adv_source *a, const struct adv_source *b)
{
	return same_str(a->engine, b->engine) && same_str(a->host, b->host) &&
	       a->port == b->port && same_str(a->database, b->database);
}

/* The snapshot a fact belongs to: same node and same ts. */
static struct adv_model_snapshot *snapshot_for(struct adv_model *m,
					       const struct adv_source *src,
					       const char *ts)
{
	struct adv_model_snapshot *s;
	size_t i;

	if (m->last_hit < m->nsnapshots) {
		s = m->snapshots[m->last_hit];
		if (same_str(s->ts, ts) && same_node(&s->src, src))
			return s;
	}
	for (i = m->nsnapshots; i-- > 0;) {
		s = m->snapshots[i];
		if (same_str(s->ts, ts) && same_node(&s->src, src)) {
			m->last_hit = i;
			return s;
		}
	}
	s = adv_xcalloc(1, sizeof(*s));
	adv_source_copy(&s->src, src);
	s->ts = adv_xstrdup_or_null(ts);
	if (ts == NULL || adv_ts_parse(ts, &s->ts_epoch) != 0)
		s->ts_epoch = 0;
	ADV_ALLOC_GROW(m->snapshots, m->nsnapshots + 1, m->snapshots_alloc);
	m->snapshots[m->nsnapshots++] = s;
	m->last_hit = m->nsnapshots - 1;
	return s;
}

/* Reading helpers: each sets *st on a type error and returns a default. */
struct reader {
	const cJSON *rec;
	const char *where;
	struct adv_error *err;
	enum adv_status st;
};

static char *r_str(struct reader *r, const char *key)
{
	const char *v = NULL;

	if (r->st == ADV_OK)
		r->st = adv_json_string(r->rec, key, r->where, &v, r->err);
	return adv_xstrdup_or_null(v);
}

static double r_num(struct reader *r, const char *key, int *present)
{
	double v = 0;
	int dummy;

	if (present == NULL)
		present = &dummy;
	*present = 0;
	if (r->st == ADV_OK)
		r->st = adv_json_number(r->rec, key, r->where, &v, present,
					r->err);
	return v;
}

/* Sizes and counters are whole numbers in [0, 2^53): anything else is a
 * corrupt record, and would overflow the integer conversions later. */
static void r_check_count(struct reader *r, const char *key, double v)
{
	if (r->st == ADV_OK && !(v >= 0 && v < 9007199254740992.0))
		r->st = adv_error_set(r->err, ADV_EINPUT,
				      "key '%s' is out of range at '%s'", key,
				      r->where);
}

static int r_bool(struct reader *r, const char *key)
{
	int v = -1;

	if (r->st == ADV_OK)
		r->st = adv_json_bool(r->rec, key, r->where, &v, r->err);
	return v;
}

static char **r_str_array(struct reader *r, const cJSON *obj, const char *key,
			  size_t *n)
{
	const cJSON *arr = NULL, *item;
	char **v = NULL;

	*n = 0;
	if (r->st == ADV_OK)
		r->st = adv_json_array(obj, key, r->where, &arr, r->err);
	if (r->st != ADV_OK || arr == NULL)
		return NULL;
	v = adv_xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*v));
	cJSON_ArrayForEach (item, arr) {
		if (!cJSON_IsString(item)) {
			r->st = adv_error_set(
				r->err, ADV_EINPUT,
				"key '%s' must be an array of strings at '%s'",
				key, r->where);
			break;
		}
		v[(*n)++] = adv_xstrdup(item->valuestring);
	}
	return v;
}

static void add_keys(struct reader *r, struct adv_model_index *ix)
{
	const cJSON *arr = NULL, *item;
	size_t i = 0;

	if (r->st == ADV_OK)
		r->st = adv_json_array(r->rec, "keys", r->where, &arr, r->err);
	if (r->st != ADV_OK || arr == NULL)
		return;
	ix->keys = adv_xcalloc((size_t)cJSON_GetArraySize(arr) + 1,
			       sizeof(*ix->keys));
	cJSON_ArrayForEach (item, arr) {
		struct reader kr = {item, r->where, r->err, ADV_OK};
		struct adv_model_key *k = &ix->keys[i];

		if (!cJSON_IsObject(item)) {
			r->st = adv_error_set(
				r->err, ADV_EINPUT,
				"key 'keys' must be an array of objects at '%s'",
				r->where);
			return;
		}
		k->column = r_str(&kr, "column");
		k->expression = r_str(&kr, "expression");
		k->opclass = r_str(&kr, "opclass");
		k->opclass_default = r_bool(&kr, "opclass_default");
		k->collation = r_str(&kr, "collation");
		k->direction = r_str(&kr, "direction");
		k->nulls = r_str(&kr, "nulls");
		i++;
		ix->nkeys = i;
		if (kr.st != ADV_OK) {
			r->st = kr.st;
			return;
		}
		if (k->column == NULL && k->expression == NULL) {
			r->st = adv_error_set(
				r->err, ADV_EINPUT,
				"index key without 'column' or 'expression' at '%s'",
				r->where);
			return;
		}
	}
}

static enum adv_status add_index(struct adv_model_snapshot *s, struct reader *r)
{
	struct adv_model_index *ix = adv_xcalloc(1, sizeof(*ix));
	int present;

	ix->snap = s;
	ix->schema = r_str(r, "schema");
	ix->table = r_str(r, "table");
	ix->name = r_str(r, "index");
	ix->oid = r_num(r, "oid", NULL);
	ix->method = r_str(r, "method");
	ix->is_unique = r_bool(r, "is_unique");
	ix->is_primary = r_bool(r, "is_primary");
	ix->is_exclusion = r_bool(r, "is_exclusion");
	ix->is_replica_identity = r_bool(r, "is_replica_identity");
	ix->is_valid = r_bool(r, "is_valid");
	ix->is_ready = r_bool(r, "is_ready");
	ix->is_partitioned = r_bool(r, "is_partitioned");
	ix->constraint = r_str(r, "constraint");
	ix->constraint_type = r_str(r, "constraint_type");
	add_keys(r, ix);
	ix->include = r_str_array(r, r->rec, "include", &ix->ninclude);
	ix->predicate = r_str(r, "predicate");
	ix->definition = r_str(r, "definition");
	ix->size_bytes = r_num(r, "size_bytes", &ix->has_size);
	r_check_count(r, "size_bytes", ix->size_bytes);
	ix->scans = r_num(r, "scans", &ix->has_scans);
	r_check_count(r, "scans", ix->scans);
	ix->tuples_read = r_num(r, "tuples_read", &present);
	ix->tuples_fetched = r_num(r, "tuples_fetched", &present);
	ix->parent_schema = r_str(r, "parent_schema");
	ix->parent_index = r_str(r, "parent_index");
	if (r->st == ADV_OK &&
	    (ix->schema == NULL || ix->table == NULL || ix->name == NULL))
		r->st = adv_error_set(
			r->err, ADV_EINPUT,
			"index record without schema, table and index at '%s'",
			r->where);
	if (r->st != ADV_OK) {
		free_index(ix);
		return r->st;
	}
	ADV_ALLOC_GROW(s->indexes, s->nindexes + 1, s->indexes_alloc);
	s->indexes[s->nindexes++] = ix;
	return ADV_OK;
}

static enum adv_status add_statement(struct adv_model_snapshot *s,
				     struct reader *r)
{
	struct adv_model_statement *st = adv_xcalloc(1, sizeof(*st));

	st->snap = s;
	st->queryid = r_str(r, "queryid");
	st->user = r_str(r, "user");
	st->query = r_str(r, "query");
	st->calls = r_num(r, "calls", NULL);
	r_check_count(r, "calls", st->calls);
	st->total_ms = r_num(r, "total_ms", NULL);
	st->rows = r_num(r, "rows", NULL);
	r_check_count(r, "rows", st->rows);
	st->toplevel = r_bool(r, "toplevel");
	st->mean_ms = r_num(r, "mean_ms", &st->has_mean_ms);
	st->temp_blks_written =
		r_num(r, "temp_blks_written", &st->has_temp_blks);
	r_check_count(r, "temp_blks_written", st->temp_blks_written);
	{
		int has_min, has_max, has_sent;

		st->min_ms = r_num(r, "min_ms", &has_min);
		st->max_ms = r_num(r, "max_ms", &has_max);
		st->has_min_max = has_min && has_max && st->min_ms >= 0 &&
				  st->max_ms >= st->min_ms;
		st->rows_examined =
			r_num(r, "rows_examined", &st->has_rows_examined);
		r_check_count(r, "rows_examined", st->rows_examined);
		st->rows_sent = r_num(r, "rows_sent", &has_sent);
		r_check_count(r, "rows_sent", st->rows_sent);
		if (!has_sent)
			st->rows_sent = st->rows;
		{
			int has_hit, has_read;
			double hit = r_num(r, "shared_blks_hit", &has_hit);
			double rd = r_num(r, "shared_blks_read", &has_read);

			st->has_reads = has_hit || has_read;
			st->reads = hit + rd;
		}
	}
	if (r->st == ADV_OK && !(st->mean_ms >= 0 && st->mean_ms < 1e18))
		r->st = adv_error_set(r->err, ADV_EINPUT,
				      "key 'mean_ms' is out of range at '%s'",
				      r->where);
	if (r->st == ADV_OK && !(st->total_ms >= 0 && st->total_ms < 1e18))
		r->st = adv_error_set(r->err, ADV_EINPUT,
				      "key 'total_ms' is out of range at '%s'",
				      r->where);
	if (r->st != ADV_OK) {
		free_statement(st);
		return r->st;
	}
	ADV_ALLOC_GROW(s->statements, s->nstatements + 1, s->statements_alloc);
	s->statements[s->nstatements++] = st;
	return ADV_OK;
}

static enum adv_status add_qual(struct adv_model_snapshot *s, struct reader *r)
{
	struct adv_model_qual *q = adv_xcalloc(1, sizeof(*q));

	q->queryid = r_str(r, "queryid");
	q->schema = r_str(r, "schema");
	q->table = r_str(r, "table");
	q->column = r_str(r, "column");
	q->operator= r_str(r, "operator");
	q->ref_schema = r_str(r, "ref_schema");
	q->ref_table = r_str(r, "ref_table");
	q->ref_column = r_str(r, "ref_column");
	q->execution_count = r_num(r, "execution_count", NULL);
	r_check_count(r, "execution_count", q->execution_count);
	if (r->st == ADV_OK && (q->schema == NULL || q->table == NULL ||
				q->column == NULL || q->operator== NULL))
		r->st = adv_error_set(
			r->err, ADV_EINPUT,
			"qual record without schema, table, column and operator at '%s'",
			r->where);
	if (r->st != ADV_OK) {
		free_qual(q);
		return r->st;
	}
	ADV_ALLOC_GROW(s->quals, s->nquals + 1, s->quals_alloc);
	s->quals[s->nquals++] = q;
	return ADV_OK;
}

static enum adv_status add_table(struct adv_model_snapshot *s, struct reader *r)
{
	struct adv_model_table *t = adv_xcalloc(1, sizeof(*t));
	int p1, p2, p3;

	t->snap = s;
	t->schema = r_str(r, "schema");
	t->table = r_str(r, "table");
	t->kind = r_str(r, "kind");
	t->is_partition = r_bool(r, "is_partition");
	t->parent_schema = r_str(r, "parent_schema");
	t->parent_table = r_str(r, "parent_table");
	t->size_bytes = r_num(r, "size_bytes", NULL);
	r_check_count(r, "size_bytes", t->size_bytes);
	t->estimated_rows = r_num(r, "estimated_rows", NULL);
	t->n_tup_ins = r_num(r, "n_tup_ins", &p1);
	t->n_tup_upd = r_num(r, "n_tup_upd", &p2);
	t->n_tup_del = r_num(r, "n_tup_del", &p3);
	t->n_tup_hot_upd = r_num(r, "n_tup_hot_upd", NULL);
	t->has_writes = p1 || p2 || p3;
	if (r->st == ADV_OK && (t->schema == NULL || t->table == NULL))
		r->st = adv_error_set(
			r->err, ADV_EINPUT,
			"table record without schema and table at '%s'",
			r->where);
	if (r->st != ADV_OK) {
		free_table(t);
		return r->st;
	}
	ADV_ALLOC_GROW(s->tables, s->ntables + 1, s->tables_alloc);
	s->tables[s->ntables++] = t;
	return ADV_OK;
}

static enum adv_status add_constraint(struct adv_model_snapshot *s,
				      struct reader *r)
{
	struct adv_model_constraint *c = adv_xcalloc(1, sizeof(*c));

	c->snap = s;
	c->schema = r_str(r, "schema");
	c->table = r_str(r, "table");
	c->name = r_str(r, "constraint");
	c->type = r_str(r, "constraint_type");
	c->columns = r_str_array(r, r->rec, "columns", &c->ncolumns);
	c->ref_schema = r_str(r, "ref_schema");
	c->ref_table = r_str(r, "ref_table");
	c->ref_columns =
		r_str_array(r, r->rec, "ref_columns", &c->nref_columns);
	c->index = r_str(r, "index");
	c->is_inherited = r_bool(r, "is_inherited");
	c->definition = r_str(r, "definition");
	if (r->st == ADV_OK &&
	    (c->schema == NULL || c->table == NULL || c->name == NULL))
		r->st = adv_error_set(
			r->err, ADV_EINPUT,
			"constraint record without schema, table and constraint at '%s'",
			r->where);
	if (r->st != ADV_OK) {
		free_constraint(c);
		return r->st;
	}
	ADV_ALLOC_GROW(s->constraints, s->nconstraints + 1,
		       s->constraints_alloc);
	s->constraints[s->nconstraints++] = c;
	return ADV_OK;
}

static enum adv_status add_column(struct adv_model_snapshot *s,
				  struct reader *r)
{
	struct adv_model_column *c = adv_xcalloc(1, sizeof(*c));
	const char *dflt = NULL;
	double position;
	int has_null_frac, has_n_distinct, present;

	c->snap = s;
	c->schema = r_str(r, "schema");
	c->table = r_str(r, "table");
	c->column = r_str(r, "column");
	position = r_num(r, "position", &present);
	c->data_type = r_str(r, "data_type");
	c->not_null = r_bool(r, "not_null");
	/* read only to check its type: no analysis needs the default yet */
	if (r->st == ADV_OK)
		r->st = adv_json_string(r->rec, "default", r->where, &dflt,
					r->err);
	c->collation = r_str(r, "collation");
	c->null_frac = r_num(r, "null_frac", &has_null_frac);
	c->n_distinct = r_num(r, "n_distinct", &has_n_distinct);
	c->correlation = r_num(r, "correlation", NULL);
	c->avg_width = r_num(r, "avg_width", NULL);
	c->has_stats = has_null_frac || has_n_distinct;
	if (r->st == ADV_OK && present &&
	    !(position >= 1 && position <= 32767 &&
	      position == (double)(int)position))
		r->st = adv_error_set(r->err, ADV_EINPUT,
				      "key 'position' is out of range at '%s'",
				      r->where);
	if (r->st == ADV_OK &&
	    (c->schema == NULL || c->table == NULL || c->column == NULL))
		r->st = adv_error_set(
			r->err, ADV_EINPUT,
			"column record without schema, table and column at '%s'",
			r->where);
	if (r->st != ADV_OK) {
		free_column(c);
		return r->st;
	}
	c->position = present ? (int)position : 0;
	ADV_ALLOC_GROW(s->columns, s->ncolumns + 1, s->columns_alloc);
	s->columns[s->ncolumns++] = c;
	return ADV_OK;
}

static enum adv_status add_snapshot(struct adv_model_snapshot *s,
				    struct reader *r)
{
	double reset = 0, start = 0;

	free(s->server_version);
	free(s->stats_reset);
	free(s->postmaster_start);
	s->explicit = 1;
	s->server_version = r_str(r, "server_version");
	s->stats_reset = r_str(r, "stats_reset");
	s->postmaster_start = r_str(r, "postmaster_start");
	if (r->st != ADV_OK)
		return r->st;
	if (s->stats_reset != NULL && adv_ts_parse(s->stats_reset, &reset) != 0)
		return adv_error_set(
			r->err, ADV_EINPUT,
			"key 'stats_reset' is not an RFC 3339 time at '%s'",
			r->where);
	if (s->postmaster_start != NULL &&
	    adv_ts_parse(s->postmaster_start, &start) != 0)
		return adv_error_set(
			r->err, ADV_EINPUT,
			"key 'postmaster_start' is not an RFC 3339 time at '%s'",
			r->where);
	if (s->stats_reset != NULL) {
		s->window_start = reset;
		s->has_window = 1;
	} else if (s->postmaster_start != NULL) {
		s->window_start = start;
		s->has_window = 1;
	}
	return ADV_OK;
}

enum adv_status adv_model_add(struct adv_model *m, const cJSON *rec,
			      const char *where, struct adv_error *err)
{
	const cJSON *type = cJSON_GetObjectItemCaseSensitive(rec, "type");
	const cJSON *srcj = cJSON_GetObjectItemCaseSensitive(rec, "src");
	const char *ts = NULL;
	struct adv_source src;
	struct adv_model_snapshot *s;
	struct reader r = {rec, where, err, ADV_OK};
	enum adv_status st;
	const char *t;

	st = adv_record_check(rec, where, err);
	if (st != ADV_OK)
		return st;
	t = type->valuestring;
	if (strcmp(t, "snapshot") != 0 && strcmp(t, "table") != 0 &&
	    strcmp(t, "index") != 0 && strcmp(t, "constraint") != 0 &&
	    strcmp(t, "column") != 0 && strcmp(t, "statement") != 0 &&
	    strcmp(t, "qual") != 0)
		return ADV_OK;
	if (!cJSON_IsObject(srcj))
		return adv_error_set(err, ADV_EINPUT,
				     "'%s' record without 'src' at '%s'", t,
				     where);
	st = adv_source_from_json(srcj, &src, err);
	if (st != ADV_OK) {
		adv_error_prefix(err, "%s", where);
		return st;
	}
	st = adv_json_string(rec, "ts", where, &ts, err);
	if (st != ADV_OK) {
		adv_source_release(&src);
		return st;
	}
	if (ts != NULL) {
		double epoch;

		if (adv_ts_parse(ts, &epoch) != 0) {
			adv_source_release(&src);
			return adv_error_set(
				err, ADV_EINPUT,
				"key 'ts' is not an RFC 3339 time at '%s'",
				where);
		}
	}
	s = snapshot_for(m, &src, ts);
	adv_source_release(&src);
	if (strcmp(t, "snapshot") == 0) {
		/* the snapshot record's src carries cluster and role */
		adv_source_release(&s->src);
		if (adv_source_from_json(srcj, &s->src, err) != ADV_OK)
			return ADV_EINPUT;
		return add_snapshot(s, &r);
	}
	if (strcmp(t, "table") == 0)
		return add_table(s, &r);
	if (strcmp(t, "index") == 0)
		return add_index(s, &r);
	if (strcmp(t, "column") == 0)
		return add_column(s, &r);
	if (strcmp(t, "statement") == 0)
		return add_statement(s, &r);
	if (strcmp(t, "qual") == 0)
		return add_qual(s, &r);
	return add_constraint(s, &r);
}

static int cmp_index_name(const void *a, const void *b)
{
	const struct adv_model_index *x =
		*(const struct adv_model_index *const *)a;
	const struct adv_model_index *y =
		*(const struct adv_model_index *const *)b;
	int c = strcmp(x->schema, y->schema);

	return c != 0 ? c : strcmp(x->name, y->name);
}

static int cmp_table_name(const void *a, const void *b)
{
	const struct adv_model_table *x =
		*(const struct adv_model_table *const *)a;
	const struct adv_model_table *y =
		*(const struct adv_model_table *const *)b;
	int c = strcmp(x->schema, y->schema);

	return c != 0 ? c : strcmp(x->table, y->table);
}

/*
 * The same snapshot read twice (a file concatenated with itself, an input
 * given twice) must not double its facts: keep the first of each identity.
 */
static void dedupe_indexes(struct adv_model_snapshot *s)
{
	struct adv_model_index **sorted;
	size_t i, kept = 0;

	if (s->nindexes < 2)
		return;
	sorted = adv_xcalloc(s->nindexes, sizeof(*sorted));
	memcpy(sorted, s->indexes, s->nindexes * sizeof(*sorted));
	qsort(sorted, s->nindexes, sizeof(*sorted), cmp_index_name);
	for (i = 1; i < s->nindexes; i++) {
		if (cmp_index_name(&sorted[i - 1], &sorted[i]) == 0)
			sorted[i]->snap = NULL; /* mark the later copy */
	}
	free(sorted);
	for (i = 0; i < s->nindexes; i++) {
		if (s->indexes[i]->snap == NULL) {
			free_index(s->indexes[i]);
			continue;
		}
		s->indexes[kept++] = s->indexes[i];
	}
	s->nindexes = kept;
}

static void dedupe_tables(struct adv_model_snapshot *s)
{
	struct adv_model_table **sorted;
	size_t i, kept = 0;

	if (s->ntables < 2)
		return;
	sorted = adv_xcalloc(s->ntables, sizeof(*sorted));
	memcpy(sorted, s->tables, s->ntables * sizeof(*sorted));
	qsort(sorted, s->ntables, sizeof(*sorted), cmp_table_name);
	for (i = 1; i < s->ntables; i++) {
		if (cmp_table_name(&sorted[i - 1], &sorted[i]) == 0)
			sorted[i]->snap = NULL;
	}
	free(sorted);
	for (i = 0; i < s->ntables; i++) {
		struct adv_model_table *t = s->tables[i];

		if (t->snap == NULL) {
			free_table(t);
			continue;
		}
		s->tables[kept++] = t;
	}
	s->ntables = kept;
}

static int cmp_constraint(const void *a, const void *b)
{
	const struct adv_model_constraint *x =
		*(const struct adv_model_constraint *const *)a;
	const struct adv_model_constraint *y =
		*(const struct adv_model_constraint *const *)b;
	int c = strcmp(x->schema, y->schema);

	if (c == 0)
		c = strcmp(x->table, y->table);
	return c != 0 ? c : strcmp(x->name, y->name);
}

static void dedupe_constraints(struct adv_model_snapshot *s)
{
	struct adv_model_constraint **sorted;
	size_t i, kept = 0;

	if (s->nconstraints < 2)
		return;
	sorted = adv_xcalloc(s->nconstraints, sizeof(*sorted));
	memcpy(sorted, s->constraints, s->nconstraints * sizeof(*sorted));
	qsort(sorted, s->nconstraints, sizeof(*sorted), cmp_constraint);
	for (i = 1; i < s->nconstraints; i++) {
		if (cmp_constraint(&sorted[i - 1], &sorted[i]) == 0)
			sorted[i]->snap = NULL;
	}
	free(sorted);
	for (i = 0; i < s->nconstraints; i++) {
		if (s->constraints[i]->snap == NULL) {
			free_constraint(s->constraints[i]);
			continue;
		}
		s->constraints[kept++] = s->constraints[i];
	}
	s->nconstraints = kept;
}

static int cmp_column_name(const void *a, const void *b)
{
	const struct adv_model_column *x =
		*(const struct adv_model_column *const *)a;
	const struct adv_model_column *y =
		*(const struct adv_model_column *const *)b;
	int c = strcmp(x->schema, y->schema);

	if (c == 0)
		c = strcmp(x->table, y->table);
	return c != 0 ? c : strcmp(x->column, y->column);
}

static int cmp_column_table(const struct adv_model_column *x,
			    const struct adv_model_column *y)
{
	int c = strcmp(x->schema, y->schema);

	return c != 0 ? c : strcmp(x->table, y->table);
}

/* By table, then position (unknown positions last), then name. */
static int cmp_column_position(const void *a, const void *b)
{
	const struct adv_model_column *x =
		*(const struct adv_model_column *const *)a;
	const struct adv_model_column *y =
		*(const struct adv_model_column *const *)b;
	int c = cmp_column_table(x, y);
	unsigned px = (unsigned)x->position - 1u;
	unsigned py = (unsigned)y->position - 1u;

	if (c != 0)
		return c;
	if (px != py)
		return px < py ? -1 : 1;
	return strcmp(x->column, y->column);
}

struct column_arrival {
	struct adv_model_column *col;
	size_t arrival;
};

static int cmp_column_arrival(const void *a, const void *b)
{
	const struct column_arrival *x = a, *y = b;
	int c = cmp_column_name(&x->col, &y->col);

	if (c != 0)
		return c;
	return x->arrival < y->arrival ? -1 : x->arrival > y->arrival;
}

static void dedupe_columns(struct adv_model_snapshot *s)
{
	struct column_arrival *sorted;
	size_t i, kept = 0;

	if (s->ncolumns < 2)
		return;
	sorted = adv_xcalloc(s->ncolumns, sizeof(*sorted));
	for (i = 0; i < s->ncolumns; i++) {
		sorted[i].col = s->columns[i];
		sorted[i].arrival = i;
	}
	/* qsort is not stable: arrival breaks ties, so the first copy of a
	 * column is the one kept */
	qsort(sorted, s->ncolumns, sizeof(*sorted), cmp_column_arrival);
	for (i = 1; i < s->ncolumns; i++) {
		if (cmp_column_name(&sorted[i - 1].col, &sorted[i].col) == 0)
			sorted[i].col->snap = NULL;
	}
	free(sorted);
	for (i = 0; i < s->ncolumns; i++) {
		if (s->columns[i]->snap == NULL) {
			free_column(s->columns[i]);
			continue;
		}
		s->columns[kept++] = s->columns[i];
	}
	s->ncolumns = kept;
}

static int cmp_statement(const void *a, const void *b)
{
	const struct adv_model_statement *x =
		*(const struct adv_model_statement *const *)a;
	const struct adv_model_statement *y =
		*(const struct adv_model_statement *const *)b;
	int c = strcmp(x->queryid != NULL ? x->queryid : "",
		       y->queryid != NULL ? y->queryid : "");

	if (c == 0)
		c = strcmp(x->user != NULL ? x->user : "",
			   y->user != NULL ? y->user : "");
	if (c == 0)
		c = x->toplevel - y->toplevel;
	return c;
}

/* pg_stat_statements has one row per query, user and nesting level */
static void dedupe_statements(struct adv_model_snapshot *s)
{
	struct adv_model_statement **sorted;
	size_t i, kept = 0;

	if (s->nstatements < 2)
		return;
	sorted = adv_xcalloc(s->nstatements, sizeof(*sorted));
	memcpy(sorted, s->statements, s->nstatements * sizeof(*sorted));
	qsort(sorted, s->nstatements, sizeof(*sorted), cmp_statement);
	for (i = 1; i < s->nstatements; i++) {
		if (sorted[i]->queryid != NULL &&
		    cmp_statement(&sorted[i - 1], &sorted[i]) == 0)
			sorted[i]->snap = NULL;
	}
	free(sorted);
	for (i = 0; i < s->nstatements; i++) {
		if (s->statements[i]->snap == NULL) {
			free_statement(s->statements[i]);
			continue;
		}
		s->statements[kept++] = s->statements[i];
	}
	s->nstatements = kept;
}

void adv_model_finish(struct adv_model *m)
{
	size_t i;

	for (i = 0; i < m->nsnapshots; i++) {
		struct adv_model_snapshot *s = m->snapshots[i];

		dedupe_indexes(s);
		dedupe_tables(s);
		dedupe_constraints(s);
		dedupe_statements(s);
		dedupe_columns(s);

		free(s->index_by_name);
		free(s->table_by_name);
		s->index_by_name =
			adv_xcalloc(s->nindexes + 1, sizeof(*s->index_by_name));
		if (s->nindexes > 0)
			memcpy(s->index_by_name, s->indexes,
			       s->nindexes * sizeof(*s->indexes));
		qsort(s->index_by_name, s->nindexes, sizeof(*s->index_by_name),
		      cmp_index_name);
		s->table_by_name =
			adv_xcalloc(s->ntables + 1, sizeof(*s->table_by_name));
		if (s->ntables > 0)
			memcpy(s->table_by_name, s->tables,
			       s->ntables * sizeof(*s->tables));
		qsort(s->table_by_name, s->ntables, sizeof(*s->table_by_name),
		      cmp_table_name);

		free(s->column_by_name);
		free(s->column_by_position);
		s->column_by_name = adv_xcalloc(s->ncolumns + 1,
						sizeof(*s->column_by_name));
		s->column_by_position = adv_xcalloc(
			s->ncolumns + 1, sizeof(*s->column_by_position));
		if (s->ncolumns > 0) {
			memcpy(s->column_by_name, s->columns,
			       s->ncolumns * sizeof(*s->columns));
			memcpy(s->column_by_position, s->columns,
			       s->ncolumns * sizeof(*s->columns));
		}
		qsort(s->column_by_name, s->ncolumns,
		      sizeof(*s->column_by_name), cmp_column_name);
		qsort(s->column_by_position, s->ncolumns,
		      sizeof(*s->column_by_position), cmp_column_position);
	}
}

struct adv_model_index *adv_model_find_index(const struct adv_model_snapshot *s,
					     const char *schema,
					     const char *name)
{
	struct adv_model_index key, *keyp = &key, **hit;

	if (s->index_by_name == NULL || schema == NULL || name == NULL)
		return NULL;
	key.schema = (char *)schema;
	key.name = (char *)name;
	hit = bsearch(&keyp, s->index_by_name, s->nindexes,
		      sizeof(*s->index_by_name), cmp_index_name);
	return hit != NULL ? *hit : NULL;
}

struct adv_model_table *adv_model_find_table(const struct adv_model_snapshot *s,
					     const char *schema,
					     const char *table)
{
	struct adv_model_table key, *keyp = &key, **hit;

	if (s->table_by_name == NULL || schema == NULL || table == NULL)
		return NULL;
	key.schema = (char *)schema;
	key.table = (char *)table;
	hit = bsearch(&keyp, s->table_by_name, s->ntables,
		      sizeof(*s->table_by_name), cmp_table_name);
	return hit != NULL ? *hit : NULL;
}

struct adv_model_column *adv_model_find_column(
	const struct adv_model_snapshot *s, const char *schema,
	const char *table, const char *column)
{
	struct adv_model_column key, *keyp = &key, **hit;

	if (s->column_by_name == NULL || schema == NULL || table == NULL ||
	    column == NULL)
		return NULL;
	key.schema = (char *)schema;
	key.table = (char *)table;
	key.column = (char *)column;
	hit = bsearch(&keyp, s->column_by_name, s->ncolumns,
		      sizeof(*s->column_by_name), cmp_column_name);
	return hit != NULL ? *hit : NULL;
}

void adv_model_table_columns(const struct adv_model_snapshot *s,
			     const char *schema, const char *table,
			     struct adv_model_column *const **first, size_t *n)
{
	struct adv_model_column key;
	size_t lo = 0, hi, end;

	*first = NULL;
	*n = 0;
	if (s->column_by_position == NULL || schema == NULL || table == NULL)
		return;
	key.schema = (char *)schema;
	key.table = (char *)table;
	/* the first column of the table: a lower bound on (schema, table) */
	hi = s->ncolumns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_column_table(s->column_by_position[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	end = lo;
	while (end < s->ncolumns &&
	       cmp_column_table(s->column_by_position[end], &key) == 0)
		end++;
	if (end == lo)
		return;
	*first = &s->column_by_position[lo];
	*n = end - lo;
}

int adv_model_relation_exists(const struct adv_model_snapshot *s,
			      const char *schema, const char *name)
{
	return adv_model_find_index(s, schema, name) != NULL ||
	       adv_model_find_table(s, schema, name) != NULL;
}

char *adv_model_new_index_name(const struct adv_model_snapshot *s,
			       const char *schema, const char *table,
			       const char *const *parts, size_t nparts,
			       char *const *taken, size_t ntaken)
{
	struct adv_buf base;
	char *name = NULL;
	size_t i;
	int n;

	adv_buf_init(&base);
	adv_buf_addstr(&base, table);
	for (i = 0; i < nparts; i++)
		adv_buf_addf(&base, "_%s", parts[i]);
	for (n = 0; n < 1000; n++) {
		char suffix[16];
		size_t keep;
		int clash = 0;

		snprintf(suffix, sizeof(suffix), n == 0 ? "_idx" : "_idx%d", n);
		keep = base.len;
		if (keep + strlen(suffix) > 63)
			keep = 63 - strlen(suffix);
		while (keep > 0 &&
		       ((unsigned char)base.data[keep] & 0xC0) == 0x80)
			keep--;
		free(name);
		name = adv_xstrfmt("%.*s%s", (int)keep, base.data, suffix);
		for (i = 0; i < ntaken; i++)
			clash |= strcmp(taken[i], name) == 0;
		if (!clash && !adv_model_relation_exists(s, schema, name))
			break;
	}
	adv_buf_release(&base);
	return name;
}

/* The key that groups nodes of one database: cluster, else host:port. */
static char *group_key(const struct adv_model_snapshot *s)
{
	if (s->src.cluster != NULL)
		return adv_xstrfmt("%s\x1f"
				   "c:%s\x1f%s",
				   s->src.engine ? s->src.engine : "",
				   s->src.cluster,
				   s->src.database ? s->src.database : "");
	return adv_xstrfmt("%s\x1fh:%s:%d\x1f%s",
			   s->src.engine ? s->src.engine : "",
			   s->src.host ? s->src.host : "", s->src.port,
			   s->src.database ? s->src.database : "");
}

struct keyed {
	char *key;
	struct adv_model_snapshot *snap;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	/* within a group: by node, then newest first */
	c = strcmp(x->snap->src.host ? x->snap->src.host : "",
		   y->snap->src.host ? y->snap->src.host : "");
	if (c != 0)
		return c;
	if (x->snap->src.port != y->snap->src.port)
		return x->snap->src.port < y->snap->src.port ? -1 : 1;
	if (x->snap->ts_epoch != y->snap->ts_epoch)
		return x->snap->ts_epoch > y->snap->ts_epoch ? -1 : 1;
	return 0;
}

void adv_model_databases(const struct adv_model *m,
			 struct adv_model_database **out, size_t *n)
{
	struct keyed *k = adv_xcalloc(m->nsnapshots + 1, sizeof(*k));
	struct adv_model_database *dbs =
		adv_xcalloc(m->nsnapshots + 1, sizeof(*dbs));
	size_t i, ndbs = 0;

	for (i = 0; i < m->nsnapshots; i++) {
		k[i].key = group_key(m->snapshots[i]);
		k[i].snap = m->snapshots[i];
	}
	qsort(k, m->nsnapshots, sizeof(*k), cmp_keyed);
	for (i = 0; i < m->nsnapshots; i++) {
		struct adv_model_database *db;
		struct adv_model_snapshot *s = k[i].snap;
		size_t j;
		int seen = 0;

		if (i == 0 || strcmp(k[i].key, k[i - 1].key) != 0) {
			db = &dbs[ndbs++];
			db->nodes = adv_xcalloc(m->nsnapshots + 1,
						sizeof(*db->nodes));
		}
		db = &dbs[ndbs - 1];
		/* only the latest snapshot of each node counts: the
		 * counters are cumulative */
		for (j = 0; j < db->nnodes; j++) {
			if (same_node(&db->nodes[j]->src, &s->src))
				seen = 1;
		}
		if (seen)
			continue;
		db->nodes[db->nnodes++] = s;
		if (db->view == NULL) {
			db->view = s;
		} else {
			int view_primary =
				same_str(db->view->src.role, "primary");
			int s_primary = same_str(s->src.role, "primary");

			if ((s_primary && !view_primary) ||
			    (s_primary == view_primary &&
			     s->ts_epoch > db->view->ts_epoch))
				db->view = s;
		}
	}
	for (i = 0; i < m->nsnapshots; i++)
		free(k[i].key);
	free(k);
	*out = dbs;
	*n = ndbs;
}

void adv_model_databases_free(struct adv_model_database *dbs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(dbs[i].nodes);
	free(dbs);
}
