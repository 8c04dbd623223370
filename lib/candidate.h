#ifndef ADV_CANDIDATE_H
#define ADV_CANDIDATE_H

#include <stddef.h>

#include "buf.h"
#include "conn.h"
#include "model.h"
#include "status.h"

/*
 * A candidate index for ip-indexes --advise: what could be created, not
 * what exists. Identity is the canonical text of adv_candidate_key(): two
 * candidates with the same key are the same index.
 */
struct adv_cand_key {
	char *column;	  /* NULL for an expression key */
	char *expression; /* e.g. "lower(email)", as SQL text */
	int desc;	  /* 1 for DESC */
};

struct adv_candidate {
	char *schema;
	char *table;
	struct adv_cand_key *keys;
	size_t nkeys;
	char **include; /* INCLUDE columns, for index-only scans */
	size_t ninclude;
	char *predicate; /* partial index WHERE text, or NULL */
	/* filled by the advisor */
	int id;		   /* position in its set */
	double size_bytes; /* estimated size; < 0 unknown */
	int partitioned;   /* the table is partitioned */
};

void adv_candidate_free(struct adv_candidate *c);
struct adv_candidate *adv_candidate_dup(const struct adv_candidate *c);

/*
 * Canonical identity: "schema.table(k1,k2 DESC) INCLUDE(a,b) WHERE p" with
 * names quoted so that it is unambiguous. Appends to b.
 */
void adv_candidate_key(struct adv_buf *b, const struct adv_candidate *c);

/*
 * "CREATE INDEX [CONCURRENTLY] name ON schema.table USING btree (...)
 * [INCLUDE (...)] [WHERE ...]" with identifiers quoted for engine; name
 * NULL leaves the name out (HypoPG names its own). Appends to b.
 */
void adv_candidate_ddl(struct adv_buf *b, enum adv_engine engine,
		       const struct adv_candidate *c, const char *name,
		       int concurrently);

/*
 * Whether an existing valid index already serves c: same table, its
 * leading keys are c's keys in order (same column or expression, same
 * direction, or all reversed), c's INCLUDE columns are among its columns,
 * and it has c's predicate (or none when c has one that it implies is not
 * checked: a partial candidate is served only by an identical predicate or
 * a full index).
 */
int adv_candidate_served_by(const struct adv_candidate *c,
			    const struct adv_model_index *ix);

/* A growable set of unique candidates (by key). */
struct adv_cand_set {
	struct adv_candidate **items;
	size_t n, alloc;
	char **keys; /* parallel to items */
};

void adv_cand_set_init(struct adv_cand_set *s);
void adv_cand_set_release(struct adv_cand_set *s);
/* Adds c (taking ownership) unless an equal one exists, in which case c
 * is freed. Returns the id of the candidate in the set. */
int adv_cand_set_add(struct adv_cand_set *s, struct adv_candidate *c);

#endif
