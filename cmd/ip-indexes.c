/* ip-indexes: unused, duplicate, redundant, invalid and missing indexes. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "indexes.h"
#include "options.h"
#include "output.h"
#include "parse.h"
#include "banned.h"

enum { OPT_MIN_OBSERVED = 1 };

static const struct adv_option options[] = {
	{OPT_MIN_OBSERVED, "min-observed", 0, ADV_ARG_REQUIRED, "DURATION",
	 "statistics window needed for an unused-index verdict (default 7d)",
	 ADV_COMPLETE_NONE, NULL},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

static const unsigned groups =
	ADV_OPTS_INPUT | ADV_OPTS_FINDINGS | ADV_OPTS_OUTPUT;
static const char synopsis[] = "[OPTION]... [FILE]...";
static const char summary[] =
	"finds unused, duplicate, redundant and invalid indexes and foreign "
	"keys without an index in fact records from ip-collect.";

static enum adv_status on_option(void *ctx, int id, const char *arg,
				 struct adv_error *err)
{
	struct adv_indexes_opts *io = ctx;

	if (id == OPT_MIN_OBSERVED)
		return adv_parse_duration(arg, 86400.0 * 3650, "--min-observed",
					  &io->hygiene.min_observed_seconds,
					  err);
	return ADV_OK;
}

int main(int argc, char **argv)
{
	struct adv_common_opts opts;
	struct adv_indexes_opts io;
	struct adv_output *out = NULL;
	struct adv_error err;
	enum adv_status st, fst;
	int code = 0;

	cli_init("ip-indexes");
	adv_error_init(&err);
	memset(&io, 0, sizeof(io));
	io.hygiene.min_observed_seconds = 7 * 86400.0;
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
	if (getenv("IP_ADVISOR_TEST_INTERNAL_ERROR") != NULL) {
		adv_error_set(
			&err, ADV_EINTERNAL,
			"internal error injected by IP_ADVISOR_TEST_INTERNAL_ERROR");
		code = cli_fail(&err);
		goto out;
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
	adv_common_opts_release(&opts);
	return cli_exit(code);
}
