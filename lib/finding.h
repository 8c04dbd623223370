#ifndef ADV_FINDING_H
#define ADV_FINDING_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "record.h"
#include "status.h"

/* One severity scale for every program: info < low < medium < high < critical.
 */
enum adv_severity {
	ADV_SEV_INFO = 0,
	ADV_SEV_LOW,
	ADV_SEV_MEDIUM,
	ADV_SEV_HIGH,
	ADV_SEV_CRITICAL
};

const char *adv_severity_name(enum adv_severity sev);
/* Returns 0 and sets *out, or -1 when s is not a severity name. */
int adv_severity_parse(const char *s, enum adv_severity *out);

/*
 * A finding under construction. Strings are copied on set; evidence and
 * impact are cJSON objects owned by the finding (add keys to them directly).
 * adv_finding_to_record() renders the DESIGN.md section 3 shape.
 */
struct adv_finding {
	char *tool;
	char *rule;
	enum adv_severity severity;
	char *schema;
	char *table;
	char *index;
	char *constraint; /* for findings about a constraint */
	char *message;
	cJSON *evidence;
	/* action: kind NULL means no action */
	char *action_kind;
	char *action_sql;
	char *action_rollback_sql;
	int action_online;
	cJSON *impact;
	double confidence;
	char *fingerprint;
};

void adv_finding_init(struct adv_finding *f, const char *tool, const char *rule,
		      enum adv_severity sev);
void adv_finding_release(struct adv_finding *f);
void adv_finding_set_object(struct adv_finding *f, const char *schema,
			    const char *table, const char *index);
void adv_finding_set_constraint(struct adv_finding *f, const char *name);
void adv_finding_set_message(struct adv_finding *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void adv_finding_set_action(struct adv_finding *f, const char *kind,
			    const char *sql, const char *rollback_sql,
			    int online);

/*
 * The stable fingerprint: 16 hex digits of a 64-bit FNV-1a hash over engine,
 * database, rule and the object identity (schema, table, index,
 * constraint), and for info findings the word "info", so that a finding
 * that is only informational does not share its fingerprint with a verdict
 * on the same object. It does not
 * include host or cluster, so a baseline taken on staging suppresses the
 * same finding on production.
 */
void adv_finding_compute_fingerprint(struct adv_finding *f, const char *engine,
				     const char *database);

/* The record; ts and src are those of the facts the finding is about. */
cJSON *adv_finding_to_record(const struct adv_finding *f, const char *ts,
			     const struct adv_source *src);

/* FNV-1a 64 over bytes, continuing from h (start with ADV_FNV_OFFSET). */
#define ADV_FNV_OFFSET 0xcbf29ce484222325ULL
uint64_t adv_fnv1a(uint64_t h, const void *data, size_t len);

#endif
