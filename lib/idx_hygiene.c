#include "idx_hygiene.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "parse.h"
#include "sqlquote.h"
#include "banned.h"

#define TOOL "ip-indexes"

struct run {
	const struct adv_model_database *db;
	const struct adv_model_snapshot *view;
	enum adv_engine engine;
	const struct adv_hygiene_opts *opts;
	struct adv_report *report;
	/* indexes some finding suggests dropping, for reclaimable bytes */
	const struct adv_model_index **drops;
	size_t ndrops, drops_alloc;
	/* (kept, dropped) pairs of duplicate and redundant findings: the
	 * kept index inherits the dropped one's scans, so that it is never
	 * called unused because the planner happened to prefer its twin */
	struct absorbed {
		const struct adv_model_index *kept;
		const struct adv_model_index *dropped;
	} * absorbed;
	size_t nabsorbed, absorbed_alloc;
};

static void note_absorbed(struct run *run, const struct adv_model_index *kept,
			  const struct adv_model_index *dropped)
{
	ADV_ALLOC_GROW(run->absorbed, run->nabsorbed + 1, run->absorbed_alloc);
	run->absorbed[run->nabsorbed].kept = kept;
	run->absorbed[run->nabsorbed].dropped = dropped;
	run->nabsorbed++;
}

/* Scans on node s of an index, and of what it absorbs; -1 when unknown. */
static double node_scans(const struct run *run,
			 const struct adv_model_snapshot *s,
			 const struct adv_model_index *ix)
{
	const struct adv_model_index *here =
		s == run->view ? ix
			       : adv_model_find_index(s, ix->schema, ix->name);
	double scans;
	size_t i;

	if (here == NULL || !here->has_scans)
		return -1;
	scans = here->scans;
	for (i = 0; i < run->nabsorbed; i++) {
		const struct adv_model_index *d;

		if (run->absorbed[i].kept != ix)
			continue;
		d = run->absorbed[i].dropped;
		if (s != run->view)
			d = adv_model_find_index(s, d->schema, d->name);
		if (d != NULL && d->has_scans)
			scans += d->scans;
	}
	return scans;
}

static int yes(int tri)
{
	return tri == 1;
}

static int streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static enum adv_engine engine_of(const struct adv_model_snapshot *s)
{
	if (streq(s->src.engine, "mysql"))
		return ADV_ENGINE_MYSQL;
	if (streq(s->src.engine, "mssql"))
		return ADV_ENGINE_MSSQL;
	return ADV_ENGINE_POSTGRESQL;
}

static void note_drop(struct run *run, const struct adv_model_index *ix)
{
	size_t i;

	for (i = 0; i < run->ndrops; i++) {
		if (run->drops[i] == ix)
			return;
	}
	ADV_ALLOC_GROW(run->drops, run->ndrops + 1, run->drops_alloc);
	run->drops[run->ndrops++] = ix;
}

static enum adv_status emit(struct run *run, struct adv_finding *f,
			    struct adv_error *err)
{
	enum adv_status st;

	adv_finding_compute_fingerprint(f, run->view->src.engine,
					run->view->src.database);
	st = adv_report_finding(run->report, f, run->view->ts, &run->view->src,
				err);
	adv_finding_release(f);
	return st;
}

/* "schema.name" for messages (unquoted, as people read them). */
static char *display(const char *schema, const char *name)
{
	return adv_xstrfmt("%s.%s", schema, name);
}

/* Constraint-backing, primary, unique, exclusion and replica identity
 * indexes enforce something: they are never drop candidates by usage. */
static int enforces(const struct adv_model_index *ix)
{
	return yes(ix->is_primary) || yes(ix->is_unique) ||
	       yes(ix->is_exclusion) || yes(ix->is_replica_identity) ||
	       ix->constraint != NULL;
}

/* The SQL that recreates an index exactly as the server defined it. */
static char *recreate_sql(const struct adv_model_index *ix, int *online)
{
	const char *def = ix->definition;
	const char *at;
	struct adv_buf b;

	*online = 0;
	if (def == NULL)
		return NULL;
	adv_buf_init(&b);
	if (yes(ix->is_partitioned)) {
		/* a partitioned index is created on the parent and all
		 * partitions at once; CONCURRENTLY is not possible there */
		at = strstr(def, " ON ONLY ");
		if (at != NULL) {
			adv_buf_add(&b, def, (size_t)(at - def));
			adv_buf_addstr(&b, " ON ");
			adv_buf_addstr(&b, at + strlen(" ON ONLY "));
		} else {
			adv_buf_addstr(&b, def);
		}
		return adv_buf_detach(&b);
	}
	at = strstr(def, "INDEX ");
	if (strncmp(def, "CREATE ", 7) == 0 && at != NULL) {
		adv_buf_add(&b, def, (size_t)(at - def) + strlen("INDEX "));
		adv_buf_addstr(&b, "CONCURRENTLY ");
		adv_buf_addstr(&b, at + strlen("INDEX "));
		*online = 1;
	} else {
		adv_buf_addstr(&b, def);
	}
	return adv_buf_detach(&b);
}

/* DROP INDEX [CONCURRENTLY], with the exact definition as rollback. */
static void set_drop_action(struct run *run, struct adv_finding *f,
			    const struct adv_model_index *ix)
{
	struct adv_buf sql;
	char *rollback;
	int online_create;
	int online = !yes(ix->is_partitioned);

	adv_buf_init(&sql);
	adv_buf_addstr(&sql,
		       online ? "DROP INDEX CONCURRENTLY " : "DROP INDEX ");
	adv_sql_qualified(&sql, run->engine, ix->schema, ix->name);
	rollback = recreate_sql(ix, &online_create);
	adv_finding_set_action(f, "drop_index", sql.data, rollback, online);
	free(rollback);
	adv_buf_release(&sql);
}

/* ALTER TABLE ... DROP CONSTRAINT, for a duplicate that backs one. */
static void set_drop_constraint_action(struct run *run, struct adv_finding *f,
				       const struct adv_model_index *ix)
{
	const struct adv_model_snapshot *s = run->view;
	const char *definition = NULL;
	struct adv_buf sql, rollback;
	size_t i;

	for (i = 0; i < s->nconstraints; i++) {
		if (streq(s->constraints[i]->schema, ix->schema) &&
		    streq(s->constraints[i]->table, ix->table) &&
		    streq(s->constraints[i]->name, ix->constraint))
			definition = s->constraints[i]->definition;
	}
	adv_buf_init(&sql);
	adv_buf_init(&rollback);
	adv_buf_addstr(&sql, "ALTER TABLE ");
	adv_sql_qualified(&sql, run->engine, ix->schema, ix->table);
	adv_buf_addstr(&sql, " DROP CONSTRAINT ");
	adv_sql_ident(&sql, run->engine, ix->constraint);
	if (definition != NULL) {
		adv_buf_addstr(&rollback, "ALTER TABLE ");
		adv_sql_qualified(&rollback, run->engine, ix->schema,
				  ix->table);
		adv_buf_addstr(&rollback, " ADD CONSTRAINT ");
		adv_sql_ident(&rollback, run->engine, ix->constraint);
		adv_buf_addf(&rollback, " %s", definition);
	}
	adv_finding_set_action(f, "drop_constraint", sql.data,
			       definition != NULL ? rollback.data : NULL, 0);
	adv_buf_release(&sql);
	adv_buf_release(&rollback);
}

static void key_text(struct adv_buf *b, const struct adv_model_index *ix,
		     size_t upto)
{
	size_t i;

	adv_buf_addch(b, '(');
	for (i = 0; i < upto && i < ix->nkeys; i++) {
		const struct adv_model_key *k = &ix->keys[i];

		if (i > 0)
			adv_buf_addstr(b, ", ");
		adv_buf_addstr(b,
			       k->column != NULL ? k->column : k->expression);
		if (streq(k->direction, "desc"))
			adv_buf_addstr(b, " DESC");
	}
	adv_buf_addch(b, ')');
}

static cJSON *string_array(char *const *v, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(v[i]));
	return arr;
}

static cJSON *keys_json(const struct adv_model_index *ix)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < ix->nkeys; i++) {
		struct adv_buf b;

		adv_buf_init(&b);
		adv_buf_addstr(&b, ix->keys[i].column != NULL
					   ? ix->keys[i].column
					   : ix->keys[i].expression);
		if (streq(ix->keys[i].direction, "desc"))
			adv_buf_addstr(&b, " DESC");
		cJSON_AddItemToArray(arr, cJSON_CreateString(b.data));
		adv_buf_release(&b);
	}
	return arr;
}

static void add_size(struct adv_finding *f, const struct adv_model_index *ix)
{
	adv_json_add_number(f->evidence, "size_bytes", ix->size_bytes,
			    ix->has_size);
}

/* ---- foreign keys ------------------------------------------------------ */

/*
 * Whether ix can find the rows of a foreign key's columns: its leading
 * keys are plain columns and, as a set, exactly the key's columns (equality
 * lookups do not care about their order), and it has no predicate.
 */
static int index_serves_fk(const struct adv_model_index *ix,
			   const struct adv_model_constraint *fk)
{
	size_t i, j;

	if (!yes(ix->is_valid) || ix->predicate != NULL ||
	    ix->nkeys < fk->ncolumns || fk->ncolumns == 0)
		return 0;
	if (ix->method != NULL && strcmp(ix->method, "btree") != 0 &&
	    !(fk->ncolumns == 1 && strcmp(ix->method, "hash") == 0))
		return 0;
	for (i = 0; i < fk->ncolumns; i++) {
		int found = 0;

		if (ix->keys[i].column == NULL)
			return 0;
		for (j = 0; j < fk->ncolumns; j++) {
			if (streq(ix->keys[i].column, fk->columns[j]))
				found = 1;
		}
		if (!found)
			return 0;
	}
	return 1;
}

static const struct adv_model_constraint *supported_fk(
	const struct run *run, const struct adv_model_index *ix)
{
	size_t i;

	for (i = 0; i < run->view->nconstraints; i++) {
		const struct adv_model_constraint *c =
			run->view->constraints[i];

		if (streq(c->type, "foreign_key") &&
		    streq(c->schema, ix->schema) &&
		    streq(c->table, ix->table) && index_serves_fk(ix, c))
			return c;
	}
	return NULL;
}

/* ---- unused-index ------------------------------------------------------ */

static enum adv_status check_unused(struct run *run,
				    const struct adv_model_index *ix,
				    struct adv_error *err)
{
	const struct adv_model_database *db = run->db;
	struct adv_finding f;
	const struct adv_model_constraint *fk;
	cJSON *nodes;
	double scans = 0, min_window = -1;
	size_t i, counted = 0;
	int unknown_window = 0;
	char *name, window_text[32], size_text[32];

	if (!yes(ix->is_valid) || ix->parent_index != NULL || enforces(ix))
		return ADV_OK;
	nodes = cJSON_CreateArray();
	for (i = 0; i < db->nnodes; i++) {
		const struct adv_model_snapshot *s = db->nodes[i];
		double here = node_scans(run, s, ix);
		cJSON *node;
		double window;

		if (here < 0)
			continue;
		counted++;
		scans += here;
		node = cJSON_CreateObject();
		adv_json_add_string(node, "host", s->src.host);
		adv_json_add_number(node, "port", s->src.port, s->src.port > 0);
		adv_json_add_string(node, "role", s->src.role);
		cJSON_AddNumberToObject(node, "scans", here);
		if (s->has_window && s->ts_epoch > 0) {
			window = s->ts_epoch - s->window_start;
			cJSON_AddNumberToObject(node, "observed_seconds",
						window);
			if (min_window < 0 || window < min_window)
				min_window = window;
		} else {
			cJSON_AddNullToObject(node, "observed_seconds");
			unknown_window = 1;
		}
		cJSON_AddItemToArray(nodes, node);
	}
	if (counted == 0 || scans > 0) {
		cJSON_Delete(nodes);
		return ADV_OK;
	}
	name = display(ix->schema, ix->name);
	adv_format_size((int64_t)ix->size_bytes, size_text, sizeof(size_text));
	if (unknown_window || min_window < run->opts->min_observed_seconds) {
		adv_finding_init(&f, TOOL, "unused-index", ADV_SEV_INFO);
		adv_finding_set_object(&f, ix->schema, ix->table, ix->name);
		if (unknown_window)
			adv_finding_set_message(
				&f,
				"index '%s' has no scans, but how long statistics were collected is unknown: no verdict",
				name);
		else {
			adv_format_duration(min_window, window_text,
					    sizeof(window_text));
			adv_finding_set_message(
				&f,
				"index '%s' has no scans in the %s observed, less than --min-observed: no verdict yet",
				name, window_text);
		}
		f.confidence = 0.2;
	} else {
		adv_format_duration(min_window, window_text,
				    sizeof(window_text));
		fk = supported_fk(run, ix);
		if (fk != NULL) {
			const struct adv_model_table *parent =
				adv_model_find_table(run->view, fk->ref_schema,
						     fk->ref_table);
			double writes =
				parent != NULL && parent->has_writes
					? parent->n_tup_upd + parent->n_tup_del
					: -1;

			adv_finding_init(&f, TOOL, "unused-index", ADV_SEV_LOW);
			adv_finding_set_object(&f, ix->schema, ix->table,
					       ix->name);
			adv_finding_set_constraint(&f, fk->name);
			if (writes >= 0)
				adv_finding_set_message(
					&f,
					"index '%s' has not been scanned in %s on %zu node%s, but it supports foreign key '%s' to '%s.%s' (%.0f updates and deletes there in the statistics window): without it each one scans '%s.%s'",
					name, window_text, counted,
					counted == 1 ? "" : "s", fk->name,
					fk->ref_schema, fk->ref_table, writes,
					ix->schema, ix->table);
			else
				adv_finding_set_message(
					&f,
					"index '%s' has not been scanned in %s on %zu node%s, but it supports foreign key '%s' to '%s.%s': keep it unless rows of '%s.%s' are never updated or deleted",
					name, window_text, counted,
					counted == 1 ? "" : "s", fk->name,
					fk->ref_schema, fk->ref_table,
					fk->ref_schema, fk->ref_table);
			cJSON_AddStringToObject(
				f.evidence, "supports_foreign_key", fk->name);
			cJSON_AddStringToObject(f.evidence, "parent_table",
						fk->ref_table);
			cJSON_AddStringToObject(f.evidence, "parent_schema",
						fk->ref_schema);
			adv_json_add_number(f.evidence,
					    "parent_updates_deletes", writes,
					    writes >= 0);
			if (writes >= 0 && min_window > 0)
				cJSON_AddNumberToObject(
					f.evidence, "parent_writes_per_day",
					writes / (min_window / 86400.0));
			else
				cJSON_AddNullToObject(f.evidence,
						      "parent_writes_per_day");
			set_drop_action(run, &f, ix);
			f.confidence = 0.3;
		} else {
			adv_finding_init(&f, TOOL, "unused-index",
					 ADV_SEV_MEDIUM);
			adv_finding_set_object(&f, ix->schema, ix->table,
					       ix->name);
			adv_finding_set_message(
				&f,
				"index '%s' has not been scanned in %s on %zu node%s (%s)",
				name, window_text, counted,
				counted == 1 ? "" : "s", size_text);
			set_drop_action(run, &f, ix);
			f.confidence = counted > 1 ? 0.9 : 0.8;
			note_drop(run, ix);
			adv_json_add_number(f.impact, "reclaim_bytes",
					    ix->size_bytes, ix->has_size);
		}
	}
	cJSON_AddNumberToObject(f.evidence, "scans", 0);
	adv_json_add_number(f.evidence, "observed_seconds", min_window,
			    min_window >= 0);
	cJSON_AddNumberToObject(f.evidence, "min_observed_seconds",
				run->opts->min_observed_seconds);
	add_size(&f, ix);
	cJSON_AddItemToObject(f.evidence, "nodes", nodes);
	free(name);
	return emit(run, &f, err);
}

/* ---- duplicate-index and redundant-index ------------------------------- */

static int same_key(const struct adv_model_key *a,
		    const struct adv_model_key *b)
{
	return streq(a->column, b->column) &&
	       streq(a->expression, b->expression) &&
	       streq(a->opclass, b->opclass) &&
	       streq(a->collation, b->collation);
}

static int same_order(const struct adv_model_key *a,
		      const struct adv_model_key *b)
{
	return streq(a->direction, b->direction) && streq(a->nulls, b->nulls);
}

static int reversed_order(const struct adv_model_key *a,
			  const struct adv_model_key *b)
{
	if (a->direction == NULL || b->direction == NULL)
		return 0;
	return !streq(a->direction, b->direction) && !streq(a->nulls, b->nulls);
}

static int has_string(char *const *v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (streq(v[i], s))
			return 1;
	}
	return 0;
}

static int same_include_set(const struct adv_model_index *a,
			    const struct adv_model_index *b)
{
	size_t i;

	if (a->ninclude != b->ninclude)
		return 0;
	for (i = 0; i < a->ninclude; i++) {
		if (!has_string(b->include, b->ninclude, a->include[i]))
			return 0;
	}
	return 1;
}

static int is_duplicate(const struct adv_model_index *a,
			const struct adv_model_index *b)
{
	size_t i;

	if (!streq(a->method, b->method) || a->nkeys != b->nkeys ||
	    !streq(a->predicate, b->predicate) || !same_include_set(a, b))
		return 0;
	for (i = 0; i < a->nkeys; i++) {
		if (!same_key(&a->keys[i], &b->keys[i]) ||
		    !same_order(&a->keys[i], &b->keys[i]))
			return 0;
	}
	return 1;
}

/* Which of two duplicates to keep: the one that enforces the most, then
 * the older. Returns 1 when a should be kept over b. */
static int keep_first(const struct adv_model_index *a,
		      const struct adv_model_index *b)
{
	int ra = yes(a->is_primary) * 8 + (a->constraint != NULL) * 4 +
		 yes(a->is_unique) * 2 + yes(a->is_replica_identity);
	int rb = yes(b->is_primary) * 8 + (b->constraint != NULL) * 4 +
		 yes(b->is_unique) * 2 + yes(b->is_replica_identity);

	if (ra != rb)
		return ra > rb;
	if (a->oid != b->oid)
		return a->oid < b->oid;
	return strcmp(a->name, b->name) < 0;
}

/* Indexes that take part in duplicate and redundancy analysis. */
static int comparable(const struct adv_model_index *ix)
{
	return yes(ix->is_valid) && ix->parent_index == NULL && ix->nkeys > 0;
}

static enum adv_status report_duplicate(struct run *run,
					const struct adv_model_index *drop,
					const struct adv_model_index *keep,
					struct adv_error *err)
{
	struct adv_finding f;
	char *dn = display(drop->schema, drop->name);
	char *kn = display(keep->schema, keep->name);
	char size_text[32];

	adv_format_size((int64_t)drop->size_bytes, size_text,
			sizeof(size_text));
	adv_finding_init(&f, TOOL, "duplicate-index", ADV_SEV_MEDIUM);
	adv_finding_set_object(&f, drop->schema, drop->table, drop->name);
	if (drop->constraint != NULL) {
		adv_finding_set_constraint(&f, drop->constraint);
		adv_finding_set_message(
			&f,
			"index '%s' of constraint '%s' duplicates '%s': the constraint can go, '%s' enforces the same (%s)",
			dn, drop->constraint, kn, kn, size_text);
		set_drop_constraint_action(run, &f, drop);
		f.severity = ADV_SEV_LOW;
		f.confidence = 0.6;
	} else {
		adv_finding_set_message(&f, "index '%s' duplicates '%s' (%s)",
					dn, kn, size_text);
		set_drop_action(run, &f, drop);
		f.confidence = 0.95;
	}
	note_drop(run, drop);
	cJSON_AddStringToObject(f.evidence, "duplicate_of", keep->name);
	adv_json_add_string(f.evidence, "duplicate_of_constraint",
			    keep->constraint);
	cJSON_AddItemToObject(f.evidence, "keys", keys_json(drop));
	cJSON_AddItemToObject(f.evidence, "include",
			      string_array(drop->include, drop->ninclude));
	adv_json_add_string(f.evidence, "predicate", drop->predicate);
	adv_json_add_string(f.evidence, "definition", drop->definition);
	adv_json_add_string(f.evidence, "kept_definition", keep->definition);
	adv_json_add_number(f.evidence, "scans", drop->scans, drop->has_scans);
	add_size(&f, drop);
	adv_json_add_number(f.impact, "reclaim_bytes", drop->size_bytes,
			    drop->has_size);
	free(dn);
	free(kn);
	return emit(run, &f, err);
}

/* Every INCLUDE column of a is a key or INCLUDE column of b. */
static int include_covered(const struct adv_model_index *a,
			   const struct adv_model_index *b)
{
	size_t i, j;

	for (i = 0; i < a->ninclude; i++) {
		int found = has_string(b->include, b->ninclude, a->include[i]);

		for (j = 0; j < b->nkeys && !found; j++)
			found = streq(b->keys[j].column, a->include[i]);
		if (!found)
			return 0;
	}
	return 1;
}

/*
 * a is redundant to b: both btree with the same predicate, a's keys are a
 * leading prefix of b's (each key the same column or expression, opclass
 * and collation; the orderings all equal or all reversed, since a btree
 * scans both ways), and every INCLUDE column of a is in b.
 */
static int is_redundant_to(const struct adv_model_index *a,
			   const struct adv_model_index *b)
{
	size_t i;
	int all_same = 1, all_reversed = 1;

	if (!streq(a->method, "btree") || !streq(b->method, "btree") ||
	    !streq(a->predicate, b->predicate) || a->nkeys > b->nkeys)
		return 0;
	for (i = 0; i < a->nkeys; i++) {
		if (!same_key(&a->keys[i], &b->keys[i]))
			return 0;
		if (!same_order(&a->keys[i], &b->keys[i]))
			all_same = 0;
		if (!reversed_order(&a->keys[i], &b->keys[i]))
			all_reversed = 0;
	}
	if (!all_same && !all_reversed)
		return 0;
	if (!include_covered(a, b))
		return 0;
	/* equal keys that cover each other: only one of the two goes */
	if (a->nkeys == b->nkeys && include_covered(b, a))
		return !keep_first(a, b);
	return 1;
}

static enum adv_status report_redundant(struct run *run,
					const struct adv_model_index *drop,
					const struct adv_model_index *keep,
					struct adv_error *err)
{
	struct adv_finding f;
	struct adv_buf dk, kk;
	char *dn = display(drop->schema, drop->name);
	char *kn = display(keep->schema, keep->name);
	char size_text[32];

	adv_buf_init(&dk);
	adv_buf_init(&kk);
	key_text(&dk, drop, drop->nkeys);
	key_text(&kk, keep, keep->nkeys);
	adv_format_size((int64_t)drop->size_bytes, size_text,
			sizeof(size_text));
	adv_finding_init(&f, TOOL, "redundant-index", ADV_SEV_LOW);
	adv_finding_set_object(&f, drop->schema, drop->table, drop->name);
	adv_finding_set_message(
		&f,
		"index '%s' %s is redundant: '%s' %s serves the same lookups (%s)",
		dn, dk.data, kn, kk.data, size_text);
	set_drop_action(run, &f, drop);
	note_drop(run, drop);
	f.confidence = 0.85;
	cJSON_AddStringToObject(f.evidence, "covered_by", keep->name);
	cJSON_AddItemToObject(f.evidence, "keys", keys_json(drop));
	cJSON_AddItemToObject(f.evidence, "covered_by_keys", keys_json(keep));
	adv_json_add_string(f.evidence, "predicate", drop->predicate);
	adv_json_add_number(f.evidence, "scans", drop->scans, drop->has_scans);
	add_size(&f, drop);
	adv_json_add_number(f.impact, "reclaim_bytes", drop->size_bytes,
			    drop->has_size);
	adv_buf_release(&dk);
	adv_buf_release(&kk);
	free(dn);
	free(kn);
	return emit(run, &f, err);
}

/*
 * Duplicates and redundancy are decided per table: indexes of one table
 * are adjacent in the view because collectors order by identity, but the
 * analysis does not rely on it.
 */
static enum adv_status check_overlap(struct run *run,
				     const struct adv_model_index **tix,
				     size_t n, struct adv_error *err)
{
	unsigned char *dropped = adv_xcalloc(n + 1, 1);
	unsigned char *redundant;
	enum adv_status st = ADV_OK;
	size_t i, j;

	/* duplicates: each index that has a better twin goes */
	for (i = 0; i < n && st == ADV_OK; i++) {
		const struct adv_model_index *best = NULL;

		if (!comparable(tix[i]))
			continue;
		for (j = 0; j < n; j++) {
			if (j == i || !comparable(tix[j]) ||
			    !is_duplicate(tix[i], tix[j]))
				continue;
			if (keep_first(tix[j], tix[i]) &&
			    (best == NULL || keep_first(tix[j], best)))
				best = tix[j];
		}
		if (best == NULL)
			continue;
		/* a twin that enforces something is kept with the other
		 * only when both are primary keys, which cannot happen */
		if (yes(tix[i]->is_primary))
			continue;
		dropped[i] = 1;
		note_absorbed(run, best, tix[i]);
		st = report_duplicate(run, tix[i], best, err);
	}
	/* redundancy: a non-enforcing btree covered by another index. First
	 * find which indexes are redundant at all, then name as the cover one
	 * that stays, so that in a chain (a), (a, b), (a, b, c) both shorter
	 * ones point at the index that is kept */
	redundant = adv_xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		if (dropped[i] || !comparable(tix[i]) || enforces(tix[i]))
			continue;
		for (j = 0; j < n && !redundant[i]; j++) {
			if (j != i && !dropped[j] && comparable(tix[j]) &&
			    !is_duplicate(tix[i], tix[j]) &&
			    is_redundant_to(tix[i], tix[j]))
				redundant[i] = 1;
		}
	}
	for (i = 0; i < n && st == ADV_OK; i++) {
		const struct adv_model_index *best = NULL;
		int best_stays = 0;

		if (!redundant[i])
			continue;
		for (j = 0; j < n; j++) {
			int stays;

			if (j == i || dropped[j] || !comparable(tix[j]) ||
			    is_duplicate(tix[i], tix[j]) ||
			    !is_redundant_to(tix[i], tix[j]))
				continue;
			stays = !redundant[j];
			/* one that stays, then the closest (fewest keys),
			 * then the older */
			if (best == NULL || (stays && !best_stays) ||
			    (stays == best_stays &&
			     (tix[j]->nkeys < best->nkeys ||
			      (tix[j]->nkeys == best->nkeys &&
			       keep_first(tix[j], best))))) {
				best = tix[j];
				best_stays = stays;
			}
		}
		if (best != NULL) {
			note_absorbed(run, best, tix[i]);
			st = report_redundant(run, tix[i], best, err);
		}
	}
	free(redundant);
	free(dropped);
	return st;
}

/* ---- invalid-index ----------------------------------------------------- */

static enum adv_status check_invalid(struct run *run,
				     const struct adv_model_index *ix,
				     struct adv_error *err)
{
	struct adv_finding f;
	char *name;

	/* a partitioned index stays invalid until every partition has its
	 * index attached: that is work in progress, not debris */
	if (ix->is_valid != 0 || yes(ix->is_partitioned))
		return ADV_OK;
	name = display(ix->schema, ix->name);
	adv_finding_init(&f, TOOL, "invalid-index", ADV_SEV_MEDIUM);
	adv_finding_set_object(&f, ix->schema, ix->table, ix->name);
	if (yes(ix->is_ready) && yes(ix->is_unique))
		adv_finding_set_message(
			&f,
			"index '%s' is invalid, likely left by a failed CREATE UNIQUE INDEX CONCURRENTLY: queries never use it, yet every write still maintains it and checks its uniqueness",
			name);
	else if (yes(ix->is_ready))
		adv_finding_set_message(
			&f,
			"index '%s' is invalid, likely left by a failed CREATE INDEX CONCURRENTLY: queries never use it, yet every write still maintains it",
			name);
	else
		adv_finding_set_message(
			&f,
			"index '%s' is invalid, likely left by a failed CREATE INDEX CONCURRENTLY: queries never use it",
			name);
	set_drop_action(run, &f, ix);
	note_drop(run, ix);
	f.confidence = 0.95;
	cJSON_AddBoolToObject(f.evidence, "is_valid", 0);
	if (ix->is_ready >= 0)
		cJSON_AddBoolToObject(f.evidence, "is_ready", ix->is_ready);
	else
		cJSON_AddNullToObject(f.evidence, "is_ready");
	adv_json_add_string(f.evidence, "definition", ix->definition);
	add_size(&f, ix);
	adv_json_add_number(f.impact, "reclaim_bytes", ix->size_bytes,
			    ix->has_size);
	free(name);
	return emit(run, &f, err);
}

/* ---- foreign-key-without-index ----------------------------------------- */

static enum adv_status check_fk(struct run *run,
				const struct adv_model_constraint *fk,
				struct adv_error *err)
{
	const struct adv_model_snapshot *s = run->view;
	const struct adv_model_table *child, *parent;
	struct adv_finding f;
	struct adv_buf sql, rollback, cols;
	char *name, *child_name;
	size_t i;
	int partitioned, online;
	double writes;

	if (!streq(fk->type, "foreign_key") || yes(fk->is_inherited) ||
	    fk->ncolumns == 0)
		return ADV_OK;
	for (i = 0; i < s->nindexes; i++) {
		const struct adv_model_index *ix = s->indexes[i];

		if (streq(ix->schema, fk->schema) &&
		    streq(ix->table, fk->table) && index_serves_fk(ix, fk))
			return ADV_OK;
	}
	child = adv_model_find_table(s, fk->schema, fk->table);
	parent = adv_model_find_table(s, fk->ref_schema, fk->ref_table);
	partitioned = child != NULL && streq(child->kind, "partitioned");
	online = !partitioned;
	name = adv_model_new_index_name(run->view, fk->schema, fk->table,
					(const char *const *)fk->columns,
					fk->ncolumns, NULL, 0);
	adv_buf_init(&sql);
	adv_buf_init(&rollback);
	adv_buf_init(&cols);
	for (i = 0; i < fk->ncolumns; i++) {
		if (i > 0)
			adv_buf_addstr(&cols, ", ");
		adv_sql_ident(&cols, run->engine, fk->columns[i]);
	}
	adv_buf_addstr(&sql,
		       online ? "CREATE INDEX CONCURRENTLY " : "CREATE INDEX ");
	adv_sql_ident(&sql, run->engine, name);
	adv_buf_addstr(&sql, " ON ");
	adv_sql_qualified(&sql, run->engine, fk->schema, fk->table);
	adv_buf_addf(&sql, " (%s)", cols.data);
	adv_buf_addstr(&rollback,
		       online ? "DROP INDEX CONCURRENTLY " : "DROP INDEX ");
	adv_sql_qualified(&rollback, run->engine, fk->schema, name);

	writes = parent != NULL && parent->has_writes
			 ? parent->n_tup_upd + parent->n_tup_del
			 : -1;
	child_name = display(fk->schema, fk->table);
	adv_finding_init(&f, TOOL, "foreign-key-without-index", ADV_SEV_MEDIUM);
	adv_finding_set_object(&f, fk->schema, fk->table, NULL);
	adv_finding_set_constraint(&f, fk->name);
	adv_buf_reset(&cols);
	for (i = 0; i < fk->ncolumns; i++)
		adv_buf_addf(&cols, "%s%s", i > 0 ? ", " : "", fk->columns[i]);
	adv_finding_set_message(
		&f,
		"foreign key '%s' on '%s' (%s) has no index with those leading columns: every update or delete of a row of '%s.%s' scans '%s'",
		fk->name, child_name, cols.data, fk->ref_schema, fk->ref_table,
		child_name);
	adv_finding_set_action(&f, "create_index", sql.data, rollback.data,
			       online);
	f.confidence = 0.7;
	cJSON_AddItemToObject(f.evidence, "columns",
			      string_array(fk->columns, fk->ncolumns));
	adv_json_add_string(f.evidence, "parent_schema", fk->ref_schema);
	adv_json_add_string(f.evidence, "parent_table", fk->ref_table);
	adv_json_add_number(f.evidence, "parent_updates_deletes", writes,
			    writes >= 0);
	adv_json_add_number(f.evidence, "table_rows",
			    child != NULL ? child->estimated_rows : 0,
			    child != NULL && child->estimated_rows > 0);
	adv_json_add_number(f.evidence, "table_size_bytes",
			    child != NULL ? child->size_bytes : 0,
			    child != NULL);
	cJSON_AddStringToObject(f.evidence, "suggested_index", name);
	adv_buf_release(&sql);
	adv_buf_release(&rollback);
	adv_buf_release(&cols);
	free(name);
	free(child_name);
	return emit(run, &f, err);
}

/* ---- the run ----------------------------------------------------------- */

static int cmp_table_of(const void *a, const void *b)
{
	const struct adv_model_index *x =
		*(const struct adv_model_index *const *)a;
	const struct adv_model_index *y =
		*(const struct adv_model_index *const *)b;
	int c = strcmp(x->schema, y->schema);

	if (c == 0)
		c = strcmp(x->table, y->table);
	if (c == 0)
		c = strcmp(x->name, y->name);
	return c;
}

static enum adv_status summary(struct run *run, struct adv_error *err)
{
	const struct adv_model_snapshot *s = run->view;
	cJSON *rec = adv_record_new("summary", 1, s->ts, &s->src);
	double bytes = 0, reclaim = 0;
	size_t i;

	for (i = 0; i < s->nindexes; i++) {
		/* a partitioned index's size is its partitions' */
		if (!yes(s->indexes[i]->is_partitioned))
			bytes += s->indexes[i]->size_bytes;
	}
	for (i = 0; i < run->ndrops; i++)
		reclaim += run->drops[i]->size_bytes;
	cJSON_AddStringToObject(rec, "tool", TOOL);
	cJSON_AddNumberToObject(rec, "table_count", (double)s->ntables);
	cJSON_AddNumberToObject(rec, "index_count", (double)s->nindexes);
	cJSON_AddNumberToObject(rec, "index_bytes", bytes);
	cJSON_AddNumberToObject(rec, "reclaimable_bytes", reclaim);
	cJSON_AddNumberToObject(rec, "node_count", (double)run->db->nnodes);
	return adv_report_summary(run->report, rec, err);
}

static enum adv_status analyse(struct run *run, struct adv_error *err)
{
	const struct adv_model_snapshot *s = run->view;
	const struct adv_model_index **sorted;
	enum adv_status st = ADV_OK;
	size_t i, start;

	sorted = adv_xcalloc(s->nindexes + 1, sizeof(*sorted));
	for (i = 0; i < s->nindexes; i++)
		sorted[i] = s->indexes[i];
	qsort(sorted, s->nindexes, sizeof(*sorted), cmp_table_of);

	for (i = 0; i < s->nindexes && st == ADV_OK; i++)
		st = check_invalid(run, sorted[i], err);
	for (start = 0; start < s->nindexes && st == ADV_OK;) {
		size_t end = start + 1;

		while (end < s->nindexes &&
		       streq(sorted[end]->schema, sorted[start]->schema) &&
		       streq(sorted[end]->table, sorted[start]->table))
			end++;
		st = check_overlap(run, sorted + start, end - start, err);
		start = end;
	}
	for (i = 0; i < s->nindexes && st == ADV_OK; i++)
		st = check_unused(run, sorted[i], err);
	for (i = 0; i < s->nconstraints && st == ADV_OK; i++)
		st = check_fk(run, s->constraints[i], err);
	if (st == ADV_OK)
		st = summary(run, err);
	free(sorted);
	return st;
}

enum adv_status adv_index_hygiene(const struct adv_model *m,
				  const struct adv_hygiene_opts *opts,
				  struct adv_report *report,
				  struct adv_error *err)
{
	struct adv_model_database *dbs = NULL;
	size_t ndbs = 0, i;
	enum adv_status st = ADV_OK;

	adv_model_databases(m, &dbs, &ndbs);
	for (i = 0; i < ndbs && st == ADV_OK; i++) {
		struct run run;

		memset(&run, 0, sizeof(run));
		run.db = &dbs[i];
		run.view = dbs[i].view;
		run.engine = engine_of(run.view);
		run.opts = opts;
		run.report = report;
		adv_report_begin_group(report);
		st = analyse(&run, err);
		free(run.drops);
		free(run.absorbed);
	}
	adv_model_databases_free(dbs, ndbs);
	return st;
}
