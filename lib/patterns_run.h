#ifndef ADV_PATTERNS_RUN_H
#define ADV_PATTERNS_RUN_H

#include <stddef.h>

#include "fingerprint.h"
#include "options.h"
#include "output.h"
#include "patterns.h"
#include "status.h"

/*
 * What ip-patterns does with its inputs: reads SQL scripts, EXPLAIN output
 * or ip-collect records, runs the pattern engine over them, and writes
 * findings (or fingerprint records) through the report.
 */

enum adv_patterns_input {
	ADV_PATTERNS_INPUT_AUTO = 0, /* decided from the first bytes */
	ADV_PATTERNS_INPUT_SQL,
	ADV_PATTERNS_INPUT_PLAN,
	ADV_PATTERNS_INPUT_RECORDS
};

struct adv_patterns_opts {
	const char *const *inputs; /* NULL/0: standard input */
	size_t ninputs;
	enum adv_sql_dialect dialect;
	int dialect_given; /* records: else the snapshot's engine decides */
	enum adv_patterns_input input;
	const struct adv_pat_config *cfg;
	int fingerprint;
	enum adv_fp_convention convention;
	const char *baseline;
	const struct adv_fail_on *fail_on;
	int keep_going;
	int max_risk; /* -1: no limit; else findings over it fail the run */
};

/*
 * Runs ip-patterns. Returns ADV_OK, ADV_FINDINGS when a finding matched
 * --fail-on or a statement's risk exceeded max_risk, or an error (a file
 * that cannot be read is ADV_EIO naming it; malformed records ADV_EINPUT
 * with file:line). A statement that does not parse is a parse-error
 * finding, never an error.
 */
enum adv_status adv_patterns_run(const struct adv_patterns_opts *opts,
				 struct adv_output *out, struct adv_error *err);

/* Writes the rule table: one "rule" record per rule of cfg (whether it is
 * enabled under cfg is the record's "enabled"). */
enum adv_status adv_patterns_list(const struct adv_pat_config *cfg,
				  struct adv_output *out,
				  struct adv_error *err);

/* "pg"/"postgres"/"postgresql", "my"/"mysql"/"mariadb", "ms"/"mssql"/
 * "sqlserver"/"tsql"; -1 for anything else. */
int adv_patterns_dialect_parse(const char *s);

#endif
