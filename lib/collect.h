#ifndef ADV_COLLECT_H
#define ADV_COLLECT_H

#include <cjson/cJSON.h>

#include "conn.h"
#include "status.h"

/*
 * Collectors read catalogs and statistics through an open connection and
 * hand each fact record to emit, in a deterministic order: one snapshot,
 * then table, column, index, constraint, statement and setting records
 * (each ordered by identity), with warning records where something could
 * not be read.
 */

/* Takes ownership of rec (must cJSON_Delete it). A non-OK status stops the
 * collection and is returned from adv_collect. */
typedef enum adv_status (*adv_emit_fn)(void *ctx, cJSON *rec,
				       struct adv_error *err);

struct adv_collect_opts {
	int skip_columns;
	int skip_statements;
	int skip_settings;
	/* EXPLAIN (generic plan, not executed) the first `plans` SELECT
	 * statements by total time and emit them as plan records */
	size_t plans;
};

/*
 * Collects one database. Returns ADV_OK, ADV_EPARTIAL when some sections
 * could not be read (a warning record says which and why), ADV_ESERVER when
 * the server refused the snapshot itself, ADV_ECONNECT when the connection
 * was lost, or what emit returned.
 */
enum adv_status adv_collect(struct adv_conn *conn,
			    const struct adv_collect_opts *opts,
			    adv_emit_fn emit, void *ctx, struct adv_error *err);

enum adv_status adv_collect_pg(struct adv_conn *conn,
			       const struct adv_collect_opts *opts,
			       adv_emit_fn emit, void *ctx,
			       struct adv_error *err);

/* A warning record about a target that could not be collected at all;
 * target is a display string without a password. */
cJSON *adv_collect_failure_record(const char *engine, const char *target,
				  const struct adv_error *cause);

#endif
