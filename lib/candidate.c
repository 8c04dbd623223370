#include "candidate.h"

#include <stdlib.h>
#include <string.h>

#include "sqlquote.h"
#include "banned.h"

void adv_candidate_free(struct adv_candidate *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nkeys; i++) {
		free(c->keys[i].column);
		free(c->keys[i].expression);
	}
	free(c->keys);
	for (i = 0; i < c->ninclude; i++)
		free(c->include[i]);
	free(c->include);
	free(c->schema);
	free(c->table);
	free(c->predicate);
	free(c);
}

struct adv_candidate *adv_candidate_dup(const struct adv_candidate *c)
{
	struct adv_candidate *d = adv_xcalloc(1, sizeof(*d));
	size_t i;

	*d = *c;
	d->schema = adv_xstrdup_or_null(c->schema);
	d->table = adv_xstrdup_or_null(c->table);
	d->predicate = adv_xstrdup_or_null(c->predicate);
	d->keys = adv_xcalloc(c->nkeys + 1, sizeof(*d->keys));
	for (i = 0; i < c->nkeys; i++) {
		d->keys[i].column = adv_xstrdup_or_null(c->keys[i].column);
		d->keys[i].expression =
			adv_xstrdup_or_null(c->keys[i].expression);
		d->keys[i].desc = c->keys[i].desc;
	}
	d->include = adv_xcalloc(c->ninclude + 1, sizeof(*d->include));
	for (i = 0; i < c->ninclude; i++)
		d->include[i] = adv_xstrdup(c->include[i]);
	return d;
}

static void key_list(struct adv_buf *b, enum adv_engine engine,
		     const struct adv_candidate *c)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		if (i > 0)
			adv_buf_addstr(b, ", ");
		if (c->keys[i].column != NULL)
			adv_sql_ident(b, engine, c->keys[i].column);
		else
			adv_buf_addf(b, "(%s)", c->keys[i].expression);
		if (c->keys[i].desc)
			adv_buf_addstr(b, " DESC");
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* INCLUDE columns in name order: their order does not matter to an
 * index, so it must not matter to identity either. */
static void include_list(struct adv_buf *b, enum adv_engine engine,
			 const struct adv_candidate *c)
{
	char **sorted;
	size_t i;

	if (c->ninclude == 0)
		return;
	sorted = adv_xcalloc(c->ninclude, sizeof(*sorted));
	memcpy(sorted, c->include, c->ninclude * sizeof(*sorted));
	qsort(sorted, c->ninclude, sizeof(*sorted), cmp_str);
	adv_buf_addstr(b, " INCLUDE (");
	for (i = 0; i < c->ninclude; i++) {
		if (i > 0)
			adv_buf_addstr(b, ", ");
		adv_sql_ident(b, engine, sorted[i]);
	}
	adv_buf_addch(b, ')');
	free(sorted);
}

void adv_candidate_key(struct adv_buf *b, const struct adv_candidate *c)
{
	adv_sql_qualified(b, ADV_ENGINE_POSTGRESQL, c->schema, c->table);
	adv_buf_addch(b, '(');
	key_list(b, ADV_ENGINE_POSTGRESQL, c);
	adv_buf_addch(b, ')');
	include_list(b, ADV_ENGINE_POSTGRESQL, c);
	if (c->predicate != NULL)
		adv_buf_addf(b, " WHERE %s", c->predicate);
}

void adv_candidate_ddl(struct adv_buf *b, enum adv_engine engine,
		       const struct adv_candidate *c, const char *name,
		       int concurrently)
{
	adv_buf_addstr(b, "CREATE INDEX ");
	if (concurrently)
		adv_buf_addstr(b, "CONCURRENTLY ");
	if (name != NULL) {
		adv_sql_ident(b, engine, name);
		adv_buf_addch(b, ' ');
	}
	adv_buf_addstr(b, "ON ");
	adv_sql_qualified(b, engine, c->schema, c->table);
	adv_buf_addstr(b, " USING btree (");
	key_list(b, engine, c);
	adv_buf_addch(b, ')');
	include_list(b, engine, c);
	if (c->predicate != NULL)
		adv_buf_addf(b, " WHERE %s", c->predicate);
}

static int streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* An index key matches a candidate key: the same column, or the same
 * expression text as the server prints it. */
static int key_matches(const struct adv_cand_key *k,
		       const struct adv_model_key *ik)
{
	if (k->column != NULL)
		return streq(k->column, ik->column);
	return ik->expression != NULL && streq(k->expression, ik->expression);
}

static int index_has_column(const struct adv_model_index *ix,
			    const char *column)
{
	size_t i;

	for (i = 0; i < ix->nkeys; i++) {
		if (streq(ix->keys[i].column, column))
			return 1;
	}
	for (i = 0; i < ix->ninclude; i++) {
		if (streq(ix->include[i], column))
			return 1;
	}
	return 0;
}

int adv_candidate_served_by(const struct adv_candidate *c,
			    const struct adv_model_index *ix)
{
	size_t i;
	int same = 1, reversed = 1;

	if (ix->is_valid != 1 || !streq(ix->schema, c->schema) ||
	    !streq(ix->table, c->table) || !streq(ix->method, "btree") ||
	    ix->nkeys < c->nkeys || ix->parent_index != NULL)
		return 0;
	if (ix->predicate != NULL && !streq(ix->predicate, c->predicate))
		return 0;
	for (i = 0; i < c->nkeys; i++) {
		int desc = streq(ix->keys[i].direction, "desc");

		if (!key_matches(&c->keys[i], &ix->keys[i]))
			return 0;
		if (desc != c->keys[i].desc)
			same = 0;
		else
			reversed = 0;
	}
	if (!same && !reversed)
		return 0;
	for (i = 0; i < c->ninclude; i++) {
		if (!index_has_column(ix, c->include[i]))
			return 0;
	}
	return 1;
}

void adv_cand_set_init(struct adv_cand_set *s)
{
	memset(s, 0, sizeof(*s));
}

void adv_cand_set_release(struct adv_cand_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		adv_candidate_free(s->items[i]);
		free(s->keys[i]);
	}
	free(s->items);
	free(s->keys);
	memset(s, 0, sizeof(*s));
}

int adv_cand_set_add(struct adv_cand_set *s, struct adv_candidate *c)
{
	struct adv_buf key;
	size_t i, alloc_keys;

	adv_buf_init(&key);
	adv_candidate_key(&key, c);
	for (i = 0; i < s->n; i++) {
		if (strcmp(s->keys[i], key.data) == 0) {
			adv_buf_release(&key);
			adv_candidate_free(c);
			return (int)i;
		}
	}
	alloc_keys = s->alloc;
	ADV_ALLOC_GROW(s->items, s->n + 1, s->alloc);
	ADV_ALLOC_GROW(s->keys, s->n + 1, alloc_keys);
	c->id = (int)s->n;
	s->items[s->n] = c;
	s->keys[s->n] = adv_buf_detach(&key);
	return (int)s->n++;
}
