/* ip-collect: read catalogs and statistics, emit fact records. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "collect.h"
#include "log.h"
#include "options.h"
#include "output.h"
#include "parse.h"
#include "signals.h"
#include "banned.h"

enum { OPT_NO_COLUMNS = 1, OPT_NO_STATEMENTS, OPT_NO_SETTINGS, OPT_PLANS };

static const struct adv_option options[] = {
	{OPT_NO_COLUMNS, "no-columns", 0, ADV_ARG_NONE, NULL,
	 "skip column records (planner statistics)", ADV_COMPLETE_NONE, NULL},
	{OPT_NO_STATEMENTS, "no-statements", 0, ADV_ARG_NONE, NULL,
	 "skip statement records (pg_stat_statements)", ADV_COMPLETE_NONE,
	 NULL},
	{OPT_NO_SETTINGS, "no-settings", 0, ADV_ARG_NONE, NULL,
	 "skip setting records", ADV_COMPLETE_NONE, NULL},
	{OPT_PLANS, "plans", 0, ADV_ARG_REQUIRED, "N",
	 "plan records: generic plans of the N SELECTs with the most time "
	 "(EXPLAIN, not executed)",
	 ADV_COMPLETE_NONE, NULL},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

static const unsigned groups = ADV_OPTS_CONN | ADV_OPTS_OUTPUT;
static const char synopsis[] = "[OPTION]... [DBNAME|CONNINFO|URI]...";
static const char summary[] =
	"reads catalogs and statistics of databases and writes fact records "
	"(NDJSON).";

static enum adv_status on_option(void *ctx, int id, const char *arg,
				 struct adv_error *err)
{
	struct adv_collect_opts *co = ctx;
	int64_t n;

	switch (id) {
	case OPT_NO_COLUMNS:
		co->skip_columns = 1;
		break;
	case OPT_NO_STATEMENTS:
		co->skip_statements = 1;
		break;
	case OPT_NO_SETTINGS:
		co->skip_settings = 1;
		break;
	case OPT_PLANS:
		if (adv_parse_int64(arg, 0, 10000, "--plans", &n, err) !=
		    ADV_OK)
			return ADV_EUSAGE;
		co->plans = (size_t)n;
		break;
	default:
		break;
	}
	return ADV_OK;
}

static enum adv_status emit_record(void *ctx, cJSON *rec, struct adv_error *err)
{
	enum adv_status st = adv_output_record(ctx, rec, err);

	cJSON_Delete(rec);
	return st;
}

/* Collects one target; *fatal is set when the output itself failed. */
static enum adv_status collect_one(const struct adv_common_opts *opts,
				   const struct adv_collect_opts *co,
				   const char *target, struct adv_output *out,
				   int report_as_record, int *fatal)
{
	struct adv_conn_params params;
	struct adv_conn *conn = NULL;
	struct adv_error err;
	enum adv_status st;
	char *display;

	adv_error_init(&err);
	adv_common_conn_params(opts, target, cli_prog(), &params);
	params.prompt = cli_prompt_password;
	if (opts->echo)
		params.echo = cli_echo;
	display = adv_conn_params_display(&params);
	adv_info("collecting '%s'", display);
	st = adv_conn_open(&params, &conn, &err);
	if (st == ADV_OK) {
		st = adv_collect(conn, co, emit_record, out, &err);
		if (st == ADV_EIO)
			*fatal = 1;
	}
	adv_conn_free(conn);
	if (adv_signals_interrupted()) {
		/* the user knows: dying by the signal says it all */
	} else if (st == ADV_EPARTIAL) {
		cli_warning(
			"'%s' was collected in part: see the warning records",
			display);
	} else if (st != ADV_OK && !*fatal) {
		cli_fail(&err);
		if (report_as_record) {
			struct adv_error werr;
			cJSON *rec = adv_collect_failure_record("postgresql",
								display, &err);

			adv_error_init(&werr);
			if (emit_record(out, rec, &werr) != ADV_OK) {
				cli_fail(&werr);
				*fatal = 1;
			}
		}
	} else if (*fatal) {
		cli_fail(&err);
	}
	free(display);
	return st;
}

int main(int argc, char **argv)
{
	struct adv_common_opts opts;
	struct adv_collect_opts co;
	struct adv_output *out = NULL;
	struct adv_error err;
	const char **targets = NULL;
	size_t ntargets = 0, i, failed = 0;
	enum adv_status st, worst = ADV_OK;
	int code = 0, fatal = 0;

	cli_init("ip-collect");
	adv_error_init(&err);
	memset(&co, 0, sizeof(co));
	st = adv_options_parse(&opts, groups, options, on_option, &co, argc,
			       argv, &err);
	if (st != ADV_OK) {
		code = cli_fail(&err);
		goto out;
	}
	if (cli_standard_exits(&opts, synopsis, summary, groups, options,
			       &code))
		goto out;
	cli_set_verbosity(opts.verbose);

	targets = adv_xcalloc(opts.ndbnames + (size_t)opts.noperands + 1,
			      sizeof(*targets));
	for (i = 0; i < opts.ndbnames; i++)
		targets[ntargets++] = opts.dbnames[i];
	for (i = 0; i < (size_t)opts.noperands; i++)
		targets[ntargets++] = opts.operands[i];
	if (ntargets == 0)
		targets[ntargets++] = NULL; /* PGDATABASE or the user name */

	out = adv_output_new(stdout, "<stdout>", opts.format, opts.color);
	for (i = 0; i < ntargets && !fatal; i++) {
		if (adv_signals_interrupted())
			break;
		st = collect_one(&opts, &co, targets[i], out, ntargets > 1,
				 &fatal);
		if (st != ADV_OK && st != ADV_EPARTIAL)
			failed++;
		worst = adv_status_worst(worst, st);
	}
	st = adv_output_finish(out, &err);
	if (st != ADV_OK) {
		code = cli_fail(&err);
		goto out;
	}
	if (!fatal && failed > 0 && failed < ntargets)
		code = adv_exit_code(ADV_EPARTIAL);
	else
		code = adv_exit_code(worst);
out:
	adv_output_free(out);
	free(targets);
	adv_common_opts_release(&opts);
	return cli_exit(code);
}
