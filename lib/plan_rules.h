#ifndef ADV_PLAN_RULES_H
#define ADV_PLAN_RULES_H

#include <stddef.h>

#include "finding.h"
#include "plan.h"
#include "status.h"

/*
 * The PostgreSQL plan rules of patterns-catalog.md (section 3.8, dialect
 * pg) with the thresholds of its section 4.1 ("ip-patterns default"). Rules
 * are data: adv_plan_rules() is the table that a --list, the man page and
 * the checker all read.
 *
 * A rule's check looks at one node of a plan (the plan-level JIT rule looks
 * at the root) and, when it fires, fills a finding whose tool is
 * "ip-patterns", whose rule and severity are the table's, whose object is
 * the node's relation and index, whose message names the node ("Seq Scan on
 * orders: ...") and whose evidence holds the numbers; plan findings carry no
 * action. Rules that need EXPLAIN ANALYZE numbers stay silent on a plan
 * without them.
 */

#define ADV_PLAN_RULE_MAX_THRESHOLDS 3

enum adv_plan_profile {
	ADV_PLAN_PROFILE_DEFAULT = 0, /* the default rules */
	ADV_PLAN_PROFILE_EXTENDED,    /* default and extended rules */
};

struct adv_plan_threshold {
	const char *name; /* NULL ends the list */
	double def;
	const char *description;
};

struct adv_plan_check;

struct adv_plan_rule {
	const char *id;
	enum adv_severity severity;
	enum adv_plan_profile profile; /* the profile that enables it */
	const char *description;
	struct adv_plan_threshold thresholds[ADV_PLAN_RULE_MAX_THRESHOLDS + 1];
	/*
	 * Returns 1 and fills f (already initialised with tool, rule and
	 * severity) when the rule fires on node; thr holds the thresholds in
	 * the order of the table.
	 */
	int (*check)(const struct adv_plan *plan,
		     const struct adv_plan_node *node, const double *thr,
		     struct adv_finding *f);
};

/* The rule table and its length. */
const struct adv_plan_rule *adv_plan_rules(size_t *nr);

#define ADV_PLAN_RULES_MAX 16

/*
 * Which rules run and with which thresholds. _init enables the rules of a
 * profile with the catalog's thresholds. Rules are enabled and thresholds
 * set by name in one place for every input, the pattern engine's
 * configuration (struct adv_pat_config in patterns.h), which fills this
 * struct by rule id.
 */
struct adv_plan_rules_config {
	int enabled[ADV_PLAN_RULES_MAX];
	double threshold[ADV_PLAN_RULES_MAX][ADV_PLAN_RULE_MAX_THRESHOLDS];
};

void adv_plan_rules_config_init(struct adv_plan_rules_config *cfg,
				enum adv_plan_profile profile);

/* Findings produced by adv_plan_check(); the list owns them. */
struct adv_plan_findings {
	struct adv_finding *items;
	size_t nr;
	size_t alloc;
};

void adv_plan_findings_init(struct adv_plan_findings *list);
void adv_plan_findings_release(struct adv_plan_findings *list);

/*
 * Runs the enabled rules over every node of plan (depth first, rule by rule
 * in table order) and appends the findings to out. Returns ADV_OK (also
 * when nothing fired).
 */
enum adv_status adv_plan_check(const struct adv_plan *plan,
			       const struct adv_plan_rules_config *cfg,
			       struct adv_plan_findings *out,
			       struct adv_error *err);

#endif
