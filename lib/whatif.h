#ifndef ADV_WHATIF_H
#define ADV_WHATIF_H

#include <stddef.h>

#include "candidate.h"
#include "conn.h"
#include "status.h"

/*
 * What-if costing with HypoPG on a live PostgreSQL: the planner's estimated
 * cost of a statement as if some candidate indexes existed. Parameterised
 * statements ($1...) are costed with their generic plan: PREPARE and
 * EXPLAIN EXECUTE with plan_cache_mode = force_generic_plan, on every
 * version. (EXPLAIN (GENERIC_PLAN) of PostgreSQL 16 cannot be used: the
 * connection interface sends statements with the extended protocol, which
 * claims the $n of the EXPLAIN for itself.) Each EXPLAIN prepares afresh,
 * since a cached generic plan does not see hypothetical indexes come and
 * go. Costs are cached by statement and the set of hypothetical indexes
 * present, and hypothetical indexes are removed on every exit path
 * (adv_whatif_free, also after errors). The connection must not be inside
 * a transaction block and must outlive the what-if session.
 */
struct adv_whatif;

/*
 * Starts a what-if session on conn (which stays the caller's). The hypopg
 * extension must be installed in the database: otherwise ADV_ESERVER with a
 * message saying how to install it.
 */
enum adv_status adv_whatif_open(struct adv_conn *conn, struct adv_whatif **out,
				struct adv_error *err);

/*
 * The estimated total cost of one execution of sql with exactly the
 * hypothetical indexes of config[0..n) added to the real ones. used, when
 * not NULL, receives n flags: 1 when the plan uses that hypothetical index.
 * A statement the server cannot plan (syntax, a missing table, a parameter
 * whose type cannot be inferred) is ADV_ESERVER; the session stays usable.
 */
enum adv_status adv_whatif_cost(struct adv_whatif *w, const char *sql,
				const struct adv_candidate *const *config,
				size_t n, double *cost, unsigned char *used,
				struct adv_error *err);

/* HypoPG's estimate of the candidate's size in bytes (cached). */
enum adv_status adv_whatif_size(struct adv_whatif *w,
				const struct adv_candidate *c, double *bytes,
				struct adv_error *err);

/* Planner calls made so far (EXPLAINs actually sent, cache misses). */
unsigned long adv_whatif_calls(const struct adv_whatif *w);

/* Removes every hypothetical index and prepared statement it made, and
 * frees; accepts NULL. Errors here are ignored (the session may be gone). */
void adv_whatif_free(struct adv_whatif *w);

#endif
