#ifndef ADV_REPORT_H
#define ADV_REPORT_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "finding.h"
#include "options.h"
#include "output.h"
#include "status.h"

/*
 * Where every analyser's findings go: --baseline suppression, --fail-on
 * matching, counting for the summary, then the output sink. One report per
 * run; counters per database are reset with adv_report_begin_group().
 */
struct adv_report {
	struct adv_output *out;
	const struct adv_fail_on *fail_on;
	char **baseline; /* sorted fingerprints */
	size_t nbaseline;
	int matched; /* an emitted finding matched --fail-on */
	/* counters for the current group */
	size_t emitted;
	size_t suppressed;
	cJSON *by_rule; /* rule -> count */
	size_t by_severity[ADV_SEV_CRITICAL + 1];
};

void adv_report_init(struct adv_report *r, struct adv_output *out,
		     const struct adv_fail_on *fail_on);
void adv_report_release(struct adv_report *r);

/* Reads fingerprints of the finding records in an NDJSON file. Other
 * record types are ignored; malformed lines are ADV_EINPUT (file:line). */
enum adv_status adv_report_load_baseline(struct adv_report *r, const char *path,
					 struct adv_error *err);
int adv_report_in_baseline(const struct adv_report *r, const char *fp);

void adv_report_begin_group(struct adv_report *r);
/* Writes f unless its fingerprint is in the baseline. */
enum adv_status adv_report_finding(struct adv_report *r,
				   const struct adv_finding *f, const char *ts,
				   const struct adv_source *src,
				   struct adv_error *err);
/* Adds finding_count, suppressed_count, findings_by_rule and
 * findings_by_severity to rec (a summary record) and writes it; takes
 * ownership of rec. */
enum adv_status adv_report_summary(struct adv_report *r, cJSON *rec,
				   struct adv_error *err);

#endif
