/* ip-indexes: unused, duplicate, redundant, invalid and missing indexes. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "indexes.h"
#include "options.h"
#include "output.h"
#include "parse.h"
#include "banned.h"

enum {
	OPT_MIN_OBSERVED = 1,
	OPT_ADVISE,
	OPT_BUDGET,
	OPT_MAX_INDEXES,
	OPT_MAX_PER_TABLE,
	OPT_MAX_WIDTH,
	OPT_WORKLOAD,
	OPT_STRATEGY,
	OPT_TIME_LIMIT
};

static const struct adv_option options[] = {
	{OPT_MIN_OBSERVED, "min-observed", 0, ADV_ARG_REQUIRED, "DURATION",
	 "statistics window needed for an unused-index verdict (default 7d)",
	 ADV_COMPLETE_NONE, NULL},
	{OPT_ADVISE, "advise", 0, ADV_ARG_NONE, NULL,
	 "propose the best set of new indexes instead of the checks",
	 ADV_COMPLETE_NONE, NULL},
	{OPT_BUDGET, "budget", 0, ADV_ARG_REQUIRED, "SIZE",
	 "--advise: storage for new indexes, e.g. 2GB (default: no limit)",
	 ADV_COMPLETE_NONE, NULL},
	{OPT_MAX_INDEXES, "max-indexes", 0, ADV_ARG_REQUIRED, "N",
	 "--advise: at most N new indexes", ADV_COMPLETE_NONE, NULL},
	{OPT_MAX_PER_TABLE, "max-per-table", 0, ADV_ARG_REQUIRED, "N",
	 "--advise: at most N new indexes on one table", ADV_COMPLETE_NONE,
	 NULL},
	{OPT_MAX_WIDTH, "max-width", 0, ADV_ARG_REQUIRED, "N",
	 "--advise: at most N key columns per index (default 3)",
	 ADV_COMPLETE_NONE, NULL},
	{OPT_WORKLOAD, "workload", 0, ADV_ARG_REQUIRED, "FILE",
	 "--advise: SQL statements to optimise (default: statement records)",
	 ADV_COMPLETE_FILE, NULL},
	{OPT_STRATEGY, "strategy", 0, ADV_ARG_REQUIRED, "NAME",
	 "--advise: ip (default), greedy, or a baseline: dexter, "
	 "every-predicate, extend",
	 ADV_COMPLETE_WORDS, "ip greedy dexter every-predicate extend"},
	{OPT_TIME_LIMIT, "time-limit", 0, ADV_ARG_REQUIRED, "DURATION",
	 "--advise: time for the exact solver (default 20s)", ADV_COMPLETE_NONE,
	 NULL},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

static const unsigned groups =
	ADV_OPTS_INPUT | ADV_OPTS_FINDINGS | ADV_OPTS_OUTPUT | ADV_OPTS_CONN;
static const char synopsis[] =
	"[OPTION]... [FILE]...\n"
	"--advise [--budget=SIZE] [-d DBNAME] [--workload=FILE] [OPTION]... "
	"[FILE]...";
static const char summary[] =
	"finds unused, duplicate, redundant and invalid indexes and foreign "
	"keys without an index in fact records from ip-collect, and with "
	"--advise the best new indexes for a workload.";

static enum adv_status count(const char *arg, const char *what, int64_t min,
			     int64_t max, size_t *out, struct adv_error *err)
{
	int64_t v;
	enum adv_status st = adv_parse_int64(arg, min, max, what, &v, err);

	if (st == ADV_OK)
		*out = (size_t)v;
	return st;
}

/* the first option given that only --advise uses */
static const char *advise_only;

static enum adv_status on_option(void *ctx, int id, const char *arg,
				 struct adv_error *err)
{
	struct adv_indexes_opts *io = ctx;
	struct adv_advise_opts *ao = &io->advise_opts;
	int64_t bytes;

	if (id != OPT_MIN_OBSERVED && id != OPT_ADVISE && advise_only == NULL)
		advise_only = options[id - 1].long_name;
	switch (id) {
	case OPT_MIN_OBSERVED:
		return adv_parse_duration(arg, 86400.0 * 3650, "--min-observed",
					  &io->hygiene.min_observed_seconds,
					  err);
	case OPT_ADVISE:
		io->advise = 1;
		return ADV_OK;
	case OPT_BUDGET:
		if (adv_parse_size(arg, INT64_MAX, "--budget", &bytes, err) !=
		    ADV_OK)
			return ADV_EUSAGE;
		ao->budget_bytes = (double)bytes;
		return ADV_OK;
	case OPT_MAX_INDEXES:
		return count(arg, "--max-indexes", 1, 10000, &ao->max_indexes,
			     err);
	case OPT_MAX_PER_TABLE:
		return count(arg, "--max-per-table", 1, 1000,
			     &ao->max_per_table, err);
	case OPT_MAX_WIDTH:
		return count(arg, "--max-width", 1, 8, &ao->cand.max_width,
			     err);
	case OPT_WORKLOAD:
		ao->workload_file = arg;
		return ADV_OK;
	case OPT_STRATEGY:
		if (adv_strategy_parse(arg, &ao->strategy) != 0)
			return adv_error_set(
				err, ADV_EUSAGE,
				"unknown strategy '%s' (use ip, greedy, dexter, every-predicate or extend)",
				arg);
		return ADV_OK;
	case OPT_TIME_LIMIT:
		return adv_parse_duration(arg, 3600, "--time-limit",
					  &ao->time_limit_seconds, err);
	default:
		return ADV_OK;
	}
}

static int wants_connection(const struct adv_common_opts *opts)
{
	return opts->ndbnames > 0 || opts->host != NULL || opts->port != NULL ||
	       opts->user != NULL || opts->password_mode != ADV_PASSWORD_AUTO ||
	       opts->echo;
}

int main(int argc, char **argv)
{
	struct adv_common_opts opts;
	struct adv_indexes_opts io;
	struct adv_output *out = NULL;
	struct adv_conn *conn = NULL;
	struct adv_error err;
	enum adv_status st, fst;
	int code = 0;

	cli_init("ip-indexes");
	adv_error_init(&err);
	memset(&io, 0, sizeof(io));
	io.hygiene.min_observed_seconds = 7 * 86400.0;
	adv_advise_opts_init(&io.advise_opts);
	st = adv_options_parse(&opts, groups, options, on_option, &io, argc,
			       argv, &err);
	if (st != ADV_OK) {
		code = cli_fail(&err);
		goto out;
	}
	if (cli_standard_exits(&opts, synopsis, summary, groups, options,
			       &code))
		goto out;
	cli_set_verbosity(opts.verbose);
	if (adv_fail_on_check_rules(&opts.fail_on, adv_indexes_rules, &err) !=
	    ADV_OK) {
		code = cli_fail(&err);
		goto out;
	}
	if (!io.advise && wants_connection(&opts)) {
		adv_error_set(&err, ADV_EUSAGE,
			      "connection options need --advise");
		code = cli_fail(&err);
		goto out;
	}
	if (!io.advise && advise_only != NULL) {
		adv_error_set(&err, ADV_EUSAGE, "--%s needs --advise",
			      advise_only);
		code = cli_fail(&err);
		goto out;
	}
	if (opts.ndbnames > 1) {
		adv_error_set(&err, ADV_EUSAGE,
			      "--advise works on one database at a time");
		code = cli_fail(&err);
		goto out;
	}
	if (getenv("IP_ADVISOR_TEST_INTERNAL_ERROR") != NULL) {
		adv_error_set(
			&err, ADV_EINTERNAL,
			"internal error injected by IP_ADVISOR_TEST_INTERNAL_ERROR");
		code = cli_fail(&err);
		goto out;
	}
	if (io.advise && wants_connection(&opts)) {
		struct adv_conn_params params;

		adv_common_conn_params(
			&opts, opts.ndbnames > 0 ? opts.dbnames[0] : NULL,
			cli_prog(), &params);
		params.prompt = cli_prompt_password;
		if (opts.echo)
			params.echo = cli_echo;
		st = adv_conn_open(&params, &conn, &err);
		if (st != ADV_OK) {
			code = cli_fail(&err);
			goto out;
		}
		io.advise_opts.conn = conn;
		io.collect_live = opts.noperands == 0;
	}
	io.inputs = (const char *const *)opts.operands;
	io.ninputs = (size_t)opts.noperands;
	io.keep_going = opts.keep_going;
	io.baseline = opts.baseline;
	io.fail_on = &opts.fail_on;

	out = adv_output_new(stdout, "<stdout>", opts.format, opts.color);
	st = adv_indexes_run(&io, out, &err);
	fst = adv_output_finish(out, &err);
	if (st == ADV_OK || st == ADV_FINDINGS)
		st = fst != ADV_OK ? fst : st;
	if (st != ADV_OK && st != ADV_FINDINGS)
		code = cli_fail(&err);
	else
		code = adv_exit_code(st);
out:
	adv_output_free(out);
	adv_conn_free(conn);
	adv_common_opts_release(&opts);
	return cli_exit(code);
}
