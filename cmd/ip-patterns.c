/* ip-patterns: SQL anti-patterns in scripts, plans and workload statistics. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "output.h"
#include "parse.h"
#include "patterns_run.h"
#include "banned.h"

enum {
	OPT_DIALECT = 1,
	OPT_PROFILE,
	OPT_INPUT,
	OPT_ENABLE,
	OPT_DISABLE,
	OPT_SET,
	OPT_LIST,
	OPT_FINGERPRINT,
	OPT_CONVENTION,
	OPT_MAX_RISK
};

static const struct adv_option options[] = {
	{OPT_DIALECT, "dialect", 0, ADV_ARG_REQUIRED, "NAME",
	 "SQL dialect: pg (default), mysql or mssql", ADV_COMPLETE_WORDS,
	 "pg mysql mssql"},
	{OPT_PROFILE, "profile", 0, ADV_ARG_REQUIRED, "NAME",
	 "rules that run: default, extended or all", ADV_COMPLETE_WORDS,
	 "default extended all"},
	{OPT_INPUT, "input", 0, ADV_ARG_REQUIRED, "KIND",
	 "what the input is: auto (default), sql, plan or records",
	 ADV_COMPLETE_WORDS, "auto sql plan records"},
	{OPT_ENABLE, "enable", 0, ADV_ARG_REQUIRED, "RULE[,RULE]",
	 "also run these rules", ADV_COMPLETE_NONE, NULL},
	{OPT_DISABLE, "disable", 0, ADV_ARG_REQUIRED, "RULE[,RULE]",
	 "do not run these rules", ADV_COMPLETE_NONE, NULL},
	{OPT_SET, "set", 0, ADV_ARG_REQUIRED, "RULE.NAME=VALUE",
	 "change a rule's threshold (see --list)", ADV_COMPLETE_NONE, NULL},
	{OPT_LIST, "list", 0, ADV_ARG_NONE, NULL,
	 "print the rule table and exit", ADV_COMPLETE_NONE, NULL},
	{OPT_FINGERPRINT, "fingerprint", 0, ADV_ARG_NONE, NULL,
	 "print one fingerprint record per statement instead of findings",
	 ADV_COMPLETE_NONE, NULL},
	{OPT_CONVENTION, "convention", 0, ADV_ARG_REQUIRED, "NAME",
	 "--fingerprint: postgres (pg_query, default) or percona "
	 "(pt-fingerprint)",
	 ADV_COMPLETE_WORDS, "postgres percona"},
	{OPT_MAX_RISK, "max-risk", 0, ADV_ARG_REQUIRED, "N",
	 "exit 1 when a statement's risk score (0-100) is above N",
	 ADV_COMPLETE_NONE, NULL},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

static const unsigned groups =
	ADV_OPTS_INPUT | ADV_OPTS_FINDINGS | ADV_OPTS_OUTPUT;
static const char synopsis[] = "[OPTION]... [FILE]...\n"
			       "--fingerprint [--convention=NAME] [FILE]...\n"
			       "--list";
static const char summary[] =
	"finds SQL anti-patterns in SQL scripts, EXPLAIN plans and the "
	"statement records of ip-collect, and prints query fingerprints.";

/* --enable/--disable/--set in command-line order, applied after --profile */
struct rule_change {
	int id;
	const char *arg;
};

struct cmd {
	struct adv_patterns_opts run;
	enum adv_pat_profile_sel profile;
	int list;
	int convention_given;
	struct rule_change *changes;
	size_t nchanges;
	size_t alloc;
};

static enum adv_status on_option(void *ctx, int id, const char *arg,
				 struct adv_error *err)
{
	struct cmd *c = ctx;
	int v;
	int64_t n;

	switch (id) {
	case OPT_DIALECT:
		v = adv_patterns_dialect_parse(arg);
		if (v < 0)
			return adv_error_set(
				err, ADV_EUSAGE,
				"unknown dialect '%s' (use pg, mysql or mssql)",
				arg);
		c->run.dialect = (enum adv_sql_dialect)v;
		c->run.dialect_given = 1;
		return ADV_OK;
	case OPT_PROFILE:
		if (strcmp(arg, "default") == 0)
			c->profile = ADV_PAT_SEL_DEFAULT;
		else if (strcmp(arg, "extended") == 0)
			c->profile = ADV_PAT_SEL_EXTENDED;
		else if (strcmp(arg, "all") == 0)
			c->profile = ADV_PAT_SEL_ALL;
		else
			return adv_error_set(
				err, ADV_EUSAGE,
				"unknown profile '%s' (use default, extended or all)",
				arg);
		return ADV_OK;
	case OPT_INPUT:
		if (strcmp(arg, "auto") == 0)
			c->run.input = ADV_PATTERNS_INPUT_AUTO;
		else if (strcmp(arg, "sql") == 0)
			c->run.input = ADV_PATTERNS_INPUT_SQL;
		else if (strcmp(arg, "plan") == 0)
			c->run.input = ADV_PATTERNS_INPUT_PLAN;
		else if (strcmp(arg, "records") == 0)
			c->run.input = ADV_PATTERNS_INPUT_RECORDS;
		else
			return adv_error_set(
				err, ADV_EUSAGE,
				"unknown input '%s' (use auto, sql, plan or records)",
				arg);
		return ADV_OK;
	case OPT_ENABLE:
	case OPT_DISABLE:
	case OPT_SET:
		ADV_ALLOC_GROW(c->changes, c->nchanges + 1, c->alloc);
		c->changes[c->nchanges].id = id;
		c->changes[c->nchanges].arg = arg;
		c->nchanges++;
		return ADV_OK;
	case OPT_LIST:
		c->list = 1;
		return ADV_OK;
	case OPT_FINGERPRINT:
		c->run.fingerprint = 1;
		return ADV_OK;
	case OPT_CONVENTION:
		v = adv_fp_convention_parse(arg);
		if (v < 0)
			return adv_error_set(
				err, ADV_EUSAGE,
				"unknown convention '%s' (use postgres or percona)",
				arg);
		c->run.convention = (enum adv_fp_convention)v;
		c->convention_given = 1;
		return ADV_OK;
	case OPT_MAX_RISK:
		if (adv_parse_int64(arg, 0, 100, "--max-risk", &n, err) !=
		    ADV_OK)
			return ADV_EUSAGE;
		c->run.max_risk = (int)n;
		return ADV_OK;
	default:
		return ADV_OK;
	}
}

/* Applies one --enable/--disable list or --set. */
static enum adv_status apply_change(struct adv_pat_config *cfg,
				    const struct rule_change *ch,
				    struct adv_error *err)
{
	char *list;
	char *p;
	enum adv_status st = ADV_OK;

	if (ch->id == OPT_SET)
		return adv_pat_config_set(cfg, ch->arg, err);
	list = adv_xstrdup(ch->arg);
	p = list;
	while (st == ADV_OK && *p != '\0') {
		size_t n = strcspn(p, ",");
		char save = p[n];

		p[n] = '\0';
		if (n > 0)
			st = adv_pat_config_enable(cfg, p, ch->id == OPT_ENABLE,
						   err);
		if (save == '\0')
			break;
		p += n + 1;
	}
	free(list);
	return st;
}

static const char **rule_ids(void)
{
	size_t n = adv_pat_rule_count();
	const char **ids = adv_xcalloc(n + 1, sizeof(*ids));
	size_t i;

	for (i = 0; i < n; i++)
		ids[i] = adv_pat_rule_at(i)->id;
	return ids;
}

int main(int argc, char **argv)
{
	struct adv_common_opts opts;
	struct cmd c;
	struct adv_pat_config cfg = {0};
	struct adv_output *out = NULL;
	struct adv_error err;
	const char **ids = NULL;
	enum adv_status st, fst;
	int code = 0;
	size_t i;

	cli_init("ip-patterns");
	adv_error_init(&err);
	memset(&c, 0, sizeof(c));
	c.run.dialect = ADV_DIALECT_PG;
	c.run.convention = ADV_FP_POSTGRES;
	c.run.max_risk = -1;
	st = adv_options_parse(&opts, groups, options, on_option, &c, argc,
			       argv, &err);
	if (st != ADV_OK) {
		code = cli_fail(&err);
		goto out;
	}
	if (cli_standard_exits(&opts, synopsis, summary, groups, options,
			       &code))
		goto out;
	cli_set_verbosity(opts.verbose);
	if (c.convention_given && !c.run.fingerprint) {
		adv_error_set(&err, ADV_EUSAGE,
			      "--convention needs --fingerprint");
		code = cli_fail(&err);
		goto out;
	}
	adv_pat_config_init(&cfg, c.profile);
	for (i = 0; i < c.nchanges; i++) {
		if (apply_change(&cfg, &c.changes[i], &err) != ADV_OK) {
			code = cli_fail(&err);
			goto out;
		}
	}
	ids = rule_ids();
	if (adv_fail_on_check_rules(&opts.fail_on, (const char *const *)ids,
				    &err) != ADV_OK) {
		code = cli_fail(&err);
		goto out;
	}
	out = adv_output_new(stdout, "<stdout>", opts.format, opts.color);
	if (c.list) {
		st = adv_patterns_list(&cfg, out, &err);
	} else {
		c.run.inputs = (const char *const *)opts.operands;
		c.run.ninputs = (size_t)opts.noperands;
		c.run.cfg = &cfg;
		c.run.baseline = opts.baseline;
		c.run.fail_on = &opts.fail_on;
		c.run.keep_going = opts.keep_going;
		st = adv_patterns_run(&c.run, out, &err);
	}
	fst = adv_output_finish(out, &err);
	if (st == ADV_OK || st == ADV_FINDINGS)
		st = fst != ADV_OK ? fst : st;
	if (st != ADV_OK && st != ADV_FINDINGS)
		code = cli_fail(&err);
	else
		code = adv_exit_code(st);
out:
	adv_output_free(out);
	free(ids);
	free(c.changes);
	adv_pat_config_release(&cfg);
	adv_common_opts_release(&opts);
	return cli_exit(code);
}
