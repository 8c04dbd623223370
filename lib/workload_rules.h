#ifndef ADV_WORKLOAD_RULES_H
#define ADV_WORKLOAD_RULES_H

#include <stddef.h>

#include "finding.h"
#include "model.h"
#include "status.h"

/*
 * The PostgreSQL workload rules of patterns-catalog.md (section 3.9) over
 * the statement records of the model (pg_stat_statements), with the
 * criteria of its section 4.4. Rules are data: adv_workload_rules() is the
 * table that a --list, the man page and the checker all read.
 *
 * A rule looks at the statements of one snapshot and fills findings whose
 * tool is "ip-patterns", whose rule and severity are the table's, whose
 * message names the statements (queryid and text) and whose evidence holds
 * the numbers; workload findings carry no action. The fingerprint is
 * adv_finding_compute_fingerprint() over the snapshot's engine and
 * database, so its object identity is the table the statement reads (when
 * the text names one).
 */

#define ADV_WORKLOAD_RULE_MAX_THRESHOLDS 6

enum adv_workload_profile {
	ADV_WORKLOAD_PROFILE_DEFAULT = 0, /* the default rules */
	ADV_WORKLOAD_PROFILE_EXTENDED,	  /* default and extended rules */
};

struct adv_workload_threshold {
	const char *name; /* NULL ends the list */
	double def;
	const char *description;
};

struct adv_workload_findings;

struct adv_workload_rule {
	const char *id;
	enum adv_severity severity;
	enum adv_workload_profile profile; /* the profile that enables it */
	const char *description;
	struct adv_workload_threshold
		thresholds[ADV_WORKLOAD_RULE_MAX_THRESHOLDS + 1];
	/*
	 * Appends to out a finding for every match among the statements of
	 * snap; thr holds the thresholds in the order of the table. Returns
	 * ADV_OK (also when nothing fired).
	 */
	enum adv_status (*check)(const struct adv_workload_rule *rule,
				 const struct adv_model_snapshot *snap,
				 const double *thr,
				 struct adv_workload_findings *out,
				 struct adv_error *err);
};

/* The rule table and its length. */
const struct adv_workload_rule *adv_workload_rules(size_t *nr);

#define ADV_WORKLOAD_RULES_MAX 8

/*
 * Which rules run and with which thresholds. _init enables the rules of a
 * profile with the catalog's thresholds. Rules are enabled and thresholds
 * set by name in one place for every input, the pattern engine's
 * configuration (struct adv_pat_config in patterns.h), which fills this
 * struct by rule id.
 */
struct adv_workload_rules_config {
	int enabled[ADV_WORKLOAD_RULES_MAX];
	double threshold[ADV_WORKLOAD_RULES_MAX]
			[ADV_WORKLOAD_RULE_MAX_THRESHOLDS];
};

void adv_workload_rules_config_init(struct adv_workload_rules_config *cfg,
				    enum adv_workload_profile profile);

/*
 * A finding and the snapshot whose statements it is about (for the ts and
 * src of its record: adv_finding_to_record(&item->f, item->snap->ts,
 * &item->snap->src)). snap points into the model.
 */
struct adv_workload_finding {
	struct adv_finding f;
	const struct adv_model_snapshot *snap;
};

/* Findings produced by the checks; the list owns them. */
struct adv_workload_findings {
	struct adv_workload_finding *items;
	size_t nr;
	size_t alloc;
};

void adv_workload_findings_init(struct adv_workload_findings *list);
void adv_workload_findings_release(struct adv_workload_findings *list);

/*
 * Runs the enabled rules (table order) over the statements of one snapshot
 * and appends the findings to out. Statements without text are skipped.
 */
enum adv_status adv_workload_check_snapshot(
	const struct adv_model_snapshot *snap,
	const struct adv_workload_rules_config *cfg,
	struct adv_workload_findings *out, struct adv_error *err);

/*
 * Runs adv_workload_check_snapshot over every node of every database of m
 * (each node at its latest snapshot; m must be finished).
 */
enum adv_status adv_workload_check(const struct adv_model *m,
				   const struct adv_workload_rules_config *cfg,
				   struct adv_workload_findings *out,
				   struct adv_error *err);

#endif
