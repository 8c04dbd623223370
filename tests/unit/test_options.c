#include "unit.h"

#include "options.h"
#include "parse.h"

#define ALL_GROUPS \
	(ADV_OPTS_CONN | ADV_OPTS_OUTPUT | ADV_OPTS_FINDINGS | ADV_OPTS_INPUT)

enum { OPT_MIN_OBSERVED = 1, OPT_DRY_RUN, OPT_LIMIT };

static const struct adv_option extra[] = {
	{OPT_MIN_OBSERVED, "min-observed", 0, ADV_ARG_REQUIRED, "DURATION",
	 "statistics window needed for an unused-index verdict",
	 ADV_COMPLETE_NONE, NULL},
	{OPT_DRY_RUN, "dry-run", 'n', ADV_ARG_NONE, NULL,
	 "show what would be done", ADV_COMPLETE_NONE, NULL},
	{OPT_LIMIT, "limit", 'l', ADV_ARG_REQUIRED, "N",
	 "report at most N findings", ADV_COMPLETE_WORDS, "10 100"},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

/* The long options of the shared groups, as help and completions show. */
static const char *const conn_longs[] = {
	"host",	       "port",	   "username",		"dbname",
	"no-password", "password", "statement-timeout", "echo"};
static const char *const output_longs[] = {"format", "color"};
static const char *const findings_longs[] = {"fail-on", "baseline"};
static const char *const input_longs[] = {"keep-going"};
static const char *const always_longs[] = {"verbose", "help", "version"};
static const char *const extra_longs[] = {"min-observed", "dry-run", "limit"};

/* What the program callback saw. */
struct calls {
	int ids[8];
	char args[8][64];
	size_t n;
};

static enum adv_status on_option(void *ctx, int id, const char *arg,
				 struct adv_error *err)
{
	struct calls *c = ctx;
	int64_t limit;

	assert_true(c->n < 8);
	c->ids[c->n] = id;
	snprintf(c->args[c->n], sizeof(c->args[c->n]), "%s",
		 arg == NULL ? "(none)" : arg);
	c->n++;
	if (id == OPT_LIMIT)
		return adv_parse_int64(arg, 1, 1000, "--limit", &limit, err);
	return ADV_OK;
}

struct parsed {
	char *argv[32];
	int argc;
	struct adv_common_opts opts;
	struct adv_error err;
	enum adv_status st;
	struct calls calls;
};

/* Parses a NULL-terminated argument list (argv[0] is added). */
static void parse_groups(struct parsed *p, unsigned groups,
			 const char *const *args)
{
	memset(p, 0, sizeof(*p));
	p->argv[p->argc++] = strdup("ip-test");
	for (; *args != NULL; args++) {
		assert_true(p->argc < 31);
		p->argv[p->argc++] = strdup(*args);
	}
	adv_error_init(&p->err);
	p->st = adv_options_parse(&p->opts, groups, extra, on_option, &p->calls,
				  p->argc, p->argv, &p->err);
}

static void parse(struct parsed *p, const char *const *args)
{
	parse_groups(p, ALL_GROUPS, args);
}

static void release(struct parsed *p)
{
	int i;

	adv_common_opts_release(&p->opts);
	for (i = 0; i < p->argc; i++)
		free(p->argv[i]);
}

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})

static void expect_ok(struct parsed *p)
{
	if (p->st != ADV_OK)
		fail_msg("status %d: %s", p->st, p->err.message);
}

static void adv_options_parse__no_arguments__defaults(void **state)
{
	struct parsed p;
	static const char *const none[] = {NULL};

	(void)state;
	parse(&p, none);
	expect_ok(&p);
	assert_null(p.opts.host);
	assert_null(p.opts.port);
	assert_int_equal(p.opts.ndbnames, 0);
	assert_int_equal(p.opts.password_mode, ADV_PASSWORD_AUTO);
	assert_true(p.opts.statement_timeout == 60);
	assert_int_equal(p.opts.format, ADV_FORMAT_AUTO);
	assert_int_equal(p.opts.color, -1);
	assert_int_equal(p.opts.fail_on.enabled, 0);
	assert_int_equal(p.opts.keep_going, 0);
	assert_int_equal(p.opts.help, 0);
	assert_int_equal(p.opts.noperands, 0);
	assert_int_equal(p.calls.n, 0);
	release(&p);
}

static void adv_options_parse__short_connection_flags__filled_in_order(
	void **state)
{
	struct parsed p;

	(void)state;
	parse(&p,
	      ARGS("-h", "db1", "-p", "5433", "-U", "alice", "-d", "shop", "-d",
		   "postgresql://u@db2/other", "a.ndjson", "b.ndjson"));
	expect_ok(&p);
	assert_string_equal(p.opts.host, "db1");
	assert_string_equal(p.opts.port, "5433");
	assert_string_equal(p.opts.user, "alice");
	assert_int_equal(p.opts.ndbnames, 2);
	assert_string_equal(p.opts.dbnames[0], "shop");
	assert_string_equal(p.opts.dbnames[1], "postgresql://u@db2/other");
	assert_int_equal(p.opts.noperands, 2);
	assert_string_equal(p.opts.operands[0], "a.ndjson");
	assert_string_equal(p.opts.operands[1], "b.ndjson");
	release(&p);
}

static void adv_options_parse__long_connection_flags__filled(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p,
	      ARGS("--host=db1", "--port", "5433", "--username=alice",
		   "--dbname", "shop", "--statement-timeout=5min", "--echo"));
	expect_ok(&p);
	assert_string_equal(p.opts.host, "db1");
	assert_string_equal(p.opts.port, "5433");
	assert_string_equal(p.opts.user, "alice");
	assert_int_equal(p.opts.ndbnames, 1);
	assert_string_equal(p.opts.dbnames[0], "shop");
	assert_true(p.opts.statement_timeout == 300);
	assert_int_equal(p.opts.echo, 1);
	release(&p);
}

static void adv_options_parse__password_flags__last_one_wins(void **state)
{
	static const struct {
		const char *a, *b;
		enum adv_password_mode want;
	} cases[] = {
		{"-w", NULL, ADV_PASSWORD_NEVER},
		{"-W", NULL, ADV_PASSWORD_FORCE},
		{"--no-password", NULL, ADV_PASSWORD_NEVER},
		{"--password", NULL, ADV_PASSWORD_FORCE},
		{"-w", "-W", ADV_PASSWORD_FORCE},
		{"-W", "-w", ADV_PASSWORD_NEVER},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct parsed p;
		const char *args[] = {cases[i].a, cases[i].b, NULL};

		parse(&p, args);
		expect_ok(&p);
		assert_int_equal(p.opts.password_mode, cases[i].want);
		release(&p);
	}
}

static void adv_options_parse__format_and_color__values_or_usage_error(
	void **state)
{
	static const struct {
		const char *arg;
		enum adv_status st;
		enum adv_format format;
		int color;
		const char *message;
	} cases[] = {
		{"--format=csv", ADV_OK, ADV_FORMAT_CSV, -1, NULL},
		{"--format=ndjson", ADV_OK, ADV_FORMAT_NDJSON, -1, NULL},
		{"--format=text", ADV_OK, ADV_FORMAT_TEXT, -1, NULL},
		{"--format=xml", ADV_EUSAGE, 0, 0, "unknown format 'xml'"},
		{"--color=always", ADV_OK, ADV_FORMAT_AUTO, 1, NULL},
		{"--color=never", ADV_OK, ADV_FORMAT_AUTO, 0, NULL},
		{"--color=auto", ADV_OK, ADV_FORMAT_AUTO, -1, NULL},
		{"--color=yes", ADV_EUSAGE, 0, 0, "invalid --color 'yes'"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct parsed p;
		const char *args[] = {cases[i].arg, NULL};

		parse(&p, args);
		assert_int_equal(p.st, cases[i].st);
		if (p.st == ADV_OK) {
			assert_int_equal(p.opts.format, cases[i].format);
			assert_int_equal(p.opts.color, cases[i].color);
		} else {
			unit_assert_contains(p.err.message, cases[i].message);
		}
		release(&p);
	}
}

static void adv_options_parse__bad_port__usage_error_naming_range(void **state)
{
	static const char *const ports[] = {"0",   "65536", "-1",
					    "abc", "",	    "5432x"};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(ports); i++) {
		struct parsed p;

		parse(&p, ARGS("-p", ports[i]));
		assert_int_equal(p.st, ADV_EUSAGE);
		unit_assert_contains(p.err.message, "--port");
		unit_assert_contains(p.err.message, ports[i]);
		assert_null(p.opts.port);
		release(&p);
	}
	{
		struct parsed p;

		parse(&p, ARGS("--port=70000"));
		assert_int_equal(p.st, ADV_EUSAGE);
		assert_string_equal(p.err.message,
				    "--port must be between 1 and 65535, not "
				    "'70000'");
		release(&p);
	}
}

static void adv_options_parse__unknown_option__usage_error_naming_it(
	void **state)
{
	static const struct {
		const char *arg;
		const char *message;
	} cases[] = {
		{"--bogus", "unknown option '--bogus'"},
		{"-Z", "unknown option '-Z'"},
		{"--bogus=1", "unknown option '--bogus"},
		{"--hos", NULL}, /* an unambiguous prefix is getopt's */
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct parsed p;
		const char *args[] = {cases[i].arg, "x", NULL};

		parse(&p, args);
		if (cases[i].message == NULL) {
			expect_ok(&p);
		} else {
			assert_int_equal(p.st, ADV_EUSAGE);
			unit_assert_contains(p.err.message, cases[i].message);
		}
		release(&p);
	}
}

static void adv_options_parse__missing_value__usage_error_naming_option(
	void **state)
{
	static const struct {
		const char *arg;
		const char *message;
	} cases[] = {
		{"-d", "option '-d' needs a value"},
		{"-p", "option '-p' needs a value"},
		{"--format", "option '--format' needs a value"},
		{"--baseline", "option '--baseline' needs a value"},
		{"--limit", "option '--limit' needs a value"},
		{"-l", "option '-l' needs a value"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct parsed p;
		const char *args[] = {cases[i].arg, NULL};

		parse(&p, args);
		assert_int_equal(p.st, ADV_EUSAGE);
		assert_string_equal(p.err.message, cases[i].message);
		release(&p);
	}
}

static void adv_options_parse__help_forms__help_set(void **state)
{
	static const char *const cases[][4] = {
		{"-?", NULL, NULL, NULL},
		{"--help", NULL, NULL, NULL},
		{"file", "-?", NULL, NULL},
		{"-h", "db1", "--help", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct parsed p;

		parse(&p, cases[i]);
		expect_ok(&p);
		assert_int_equal(p.opts.help, 1);
		release(&p);
	}
}

static void adv_options_parse__after_double_dash__operands_not_options(
	void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, ARGS("-k", "--", "-?", "-w"));
	expect_ok(&p);
	assert_int_equal(p.opts.help, 0);
	assert_int_equal(p.opts.keep_going, 1);
	assert_int_equal(p.opts.password_mode, ADV_PASSWORD_AUTO);
	assert_int_equal(p.opts.noperands, 2);
	assert_string_equal(p.opts.operands[0], "-?");
	assert_string_equal(p.opts.operands[1], "-w");
	release(&p);
}

static void adv_options_parse__options_after_operands__still_options(
	void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, ARGS("a.ndjson", "-k", "b.ndjson", "--format=csv"));
	expect_ok(&p);
	assert_int_equal(p.opts.keep_going, 1);
	assert_int_equal(p.opts.format, ADV_FORMAT_CSV);
	assert_int_equal(p.opts.noperands, 2);
	assert_string_equal(p.opts.operands[0], "a.ndjson");
	assert_string_equal(p.opts.operands[1], "b.ndjson");
	release(&p);
}

static void adv_options_parse__general_flags__counted(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, ARGS("-v", "--verbose", "-V", "-k", "--baseline=base.ndjson",
		       "--completion=zsh"));
	expect_ok(&p);
	assert_int_equal(p.opts.verbose, 2);
	assert_int_equal(p.opts.version, 1);
	assert_int_equal(p.opts.keep_going, 1);
	assert_string_equal(p.opts.baseline, "base.ndjson");
	assert_string_equal(p.opts.completion, "zsh");
	release(&p);

	parse(&p, ARGS("--completion=fish"));
	assert_int_equal(p.st, ADV_EUSAGE);
	unit_assert_contains(p.err.message, "unknown shell 'fish'");
	release(&p);

	parse(&p, ARGS("--statement-timeout=forever"));
	assert_int_equal(p.st, ADV_EUSAGE);
	unit_assert_contains(p.err.message, "--statement-timeout");
	release(&p);
}

static void adv_options_parse__fail_on__severity_rules_or_usage_error(
	void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, ARGS("--fail-on=high"));
	expect_ok(&p);
	assert_int_equal(p.opts.fail_on.enabled, 1);
	assert_int_equal(p.opts.fail_on.by_rule, 0);
	assert_int_equal(p.opts.fail_on.min_severity, ADV_SEV_HIGH);
	release(&p);

	parse(&p, ARGS("--fail-on", "unused-index,duplicate-index"));
	expect_ok(&p);
	assert_int_equal(p.opts.fail_on.enabled, 1);
	assert_int_equal(p.opts.fail_on.by_rule, 1);
	assert_int_equal(p.opts.fail_on.nrules, 2);
	assert_string_equal(p.opts.fail_on.rules[0], "unused-index");
	assert_string_equal(p.opts.fail_on.rules[1], "duplicate-index");
	release(&p);

	/* a later --fail-on replaces an earlier one */
	parse(&p, ARGS("--fail-on=a-rule,b-rule", "--fail-on=low"));
	expect_ok(&p);
	assert_int_equal(p.opts.fail_on.by_rule, 0);
	assert_int_equal(p.opts.fail_on.nrules, 0);
	assert_int_equal(p.opts.fail_on.min_severity, ADV_SEV_LOW);
	release(&p);
}

static void adv_fail_on_parse__invalid_values__usage_error(void **state)
{
	static const struct {
		const char *value;
		const char *message;
	} cases[] = {
		{"", "empty value for --fail-on"},
		{"High", "invalid --fail-on value 'High': not a severity"},
		{"unused_index", "invalid --fail-on value 'unused_index'"},
		{"a,,b", "empty rule in --fail-on 'a,,b'"},
		{",a", "empty rule in --fail-on ',a'"},
		{"a b", "invalid --fail-on value 'a b'"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_fail_on f;
		struct adv_error err;

		memset(&f, 0, sizeof(f));
		adv_error_init(&err);
		assert_int_equal(adv_fail_on_parse(&f, cases[i].value, &err),
				 ADV_EUSAGE);
		unit_assert_contains(err.message, cases[i].message);
		adv_fail_on_release(&f);
	}
}

static void adv_fail_on_matches__table__severity_threshold_or_rule_list(
	void **state)
{
	static const struct {
		const char *value;
		const char *rule;
		enum adv_severity sev;
		int want;
	} cases[] = {
		{"medium", "unused-index", ADV_SEV_LOW, 0},
		{"medium", "unused-index", ADV_SEV_MEDIUM, 1},
		{"medium", "anything", ADV_SEV_CRITICAL, 1},
		{"info", "x", ADV_SEV_INFO, 1},
		{"critical", "x", ADV_SEV_HIGH, 0},
		{"unused-index,invalid-index", "invalid-index", ADV_SEV_LOW, 1},
		/* a rule list never matches an info finding */
		{"unused-index,invalid-index", "invalid-index", ADV_SEV_INFO,
		 0},
		{"unused-index,invalid-index", "unused-index", ADV_SEV_CRITICAL,
		 1},
		{"unused-index", "duplicate-index", ADV_SEV_CRITICAL, 0},
		{"unused-index", "unused-index-2", ADV_SEV_CRITICAL, 0},
	};
	size_t i;
	struct adv_fail_on off;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_fail_on f;
		struct adv_error err;

		memset(&f, 0, sizeof(f));
		adv_error_init(&err);
		assert_int_equal(adv_fail_on_parse(&f, cases[i].value, &err),
				 ADV_OK);
		if (adv_fail_on_matches(&f, cases[i].rule, cases[i].sev) !=
		    cases[i].want)
			fail_msg("--fail-on=%s with %s/%d: want %d",
				 cases[i].value, cases[i].rule, cases[i].sev,
				 cases[i].want);
		adv_fail_on_release(&f);
	}
	memset(&off, 0, sizeof(off));
	assert_int_equal(adv_fail_on_matches(&off, "x", ADV_SEV_CRITICAL), 0);
}

static void adv_fail_on_check_rules__rule_ids__unknown_one_rejected(
	void **state)
{
	static const char *const known[] = {"unused-index", "duplicate-index",
					    NULL};
	static const struct {
		const char *value;
		enum adv_status st;
		const char *message;
	} cases[] = {
		{"unused-index", ADV_OK, NULL},
		{"duplicate-index,unused-index", ADV_OK, NULL},
		{"medium", ADV_OK, NULL},
		{"unused-idx", ADV_EUSAGE,
		 "unknown rule 'unused-idx' in --fail-on"},
		{"unused-index,no-such-rule", ADV_EUSAGE,
		 "unknown rule 'no-such-rule' in --fail-on"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_fail_on f;
		struct adv_error err;

		memset(&f, 0, sizeof(f));
		adv_error_init(&err);
		assert_int_equal(adv_fail_on_parse(&f, cases[i].value, &err),
				 ADV_OK);
		assert_int_equal(adv_fail_on_check_rules(&f, known, &err),
				 cases[i].st);
		if (cases[i].message != NULL)
			assert_string_equal(err.message, cases[i].message);
		adv_fail_on_release(&f);
	}
}

static void adv_options_parse__program_options__callback_in_order(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p,
	      ARGS("--min-observed=7d", "-n", "--limit", "5", "-l7", "file"));
	expect_ok(&p);
	assert_int_equal(p.calls.n, 4);
	assert_int_equal(p.calls.ids[0], OPT_MIN_OBSERVED);
	assert_string_equal(p.calls.args[0], "7d");
	assert_int_equal(p.calls.ids[1], OPT_DRY_RUN);
	assert_string_equal(p.calls.args[1], "(none)");
	assert_int_equal(p.calls.ids[2], OPT_LIMIT);
	assert_string_equal(p.calls.args[2], "5");
	assert_int_equal(p.calls.ids[3], OPT_LIMIT);
	assert_string_equal(p.calls.args[3], "7");
	assert_int_equal(p.opts.noperands, 1);
	release(&p);
}

static void adv_options_parse__callback_error__returned_as_is(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, ARGS("--limit=0", "-k"));
	assert_int_equal(p.st, ADV_EUSAGE);
	assert_string_equal(p.err.message,
			    "--limit must be between 1 and 1000, not '0'");
	release(&p);
}

static void adv_options_parse__group_not_selected__option_unknown(void **state)
{
	static const struct {
		unsigned groups;
		const char *arg;
	} cases[] = {
		{ADV_OPTS_OUTPUT, "-h"},
		{ADV_OPTS_OUTPUT, "--dbname=x"},
		{ADV_OPTS_CONN, "--format=csv"},
		{ADV_OPTS_CONN, "--fail-on=high"},
		{ADV_OPTS_CONN, "-k"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct parsed p;
		const char *args[] = {cases[i].arg, "x", NULL};

		parse_groups(&p, cases[i].groups, args);
		assert_int_equal(p.st, ADV_EUSAGE);
		unit_assert_contains(p.err.message, "unknown option");
		release(&p);
	}
}

/*
 * Every parse starts afresh: a parse that stopped inside a cluster of short
 * options ("-Zw", error at 'Z') must not leak the rest ("w") into the next
 * parse of another argv (glibc keeps its scan position unless optind is 0).
 */
static void adv_options_parse__second_parse_after_error__no_stale_state(
	void **state)
{
	char prog[] = "ip-test", cluster[] = "-Zw";
	char *first[] = {prog, cluster, NULL};
	char *second[] = {prog, NULL};
	struct adv_common_opts opts;
	struct adv_error err;

	(void)state;
	adv_error_init(&err);
	assert_int_equal(adv_options_parse(&opts, ALL_GROUPS, NULL, NULL, NULL,
					   2, first, &err),
			 ADV_EUSAGE);
	adv_common_opts_release(&opts);
	adv_error_init(&err);
	if (adv_options_parse(&opts, ALL_GROUPS, NULL, NULL, NULL, 1, second,
			      &err) != ADV_OK)
		fail_msg("second parse of an empty argv failed: %s",
			 err.message);
	assert_int_equal(opts.password_mode, ADV_PASSWORD_AUTO);
	adv_common_opts_release(&opts);
}

static void adv_common_conn_params__options__copied_to_params(void **state)
{
	struct parsed p;
	struct adv_conn_params params;

	(void)state;
	parse(&p, ARGS("-h", "db1", "-p", "5433", "-U", "alice", "-w",
		       "--statement-timeout=2.5s"));
	expect_ok(&p);
	adv_common_conn_params(&p.opts, "shop", "ip-test", &params);
	assert_string_equal(params.target, "shop");
	assert_string_equal(params.host, "db1");
	assert_string_equal(params.port, "5433");
	assert_string_equal(params.user, "alice");
	assert_int_equal(params.password_mode, ADV_PASSWORD_NEVER);
	assert_string_equal(params.application_name, "ip-test");
	assert_int_equal(params.statement_timeout_ms, 2500);
	assert_null(params.prompt);
	release(&p);
}

static void assert_has_longs(const char *text, const char *const *names,
			     size_t n, const char *prefix)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char want[64];

		snprintf(want, sizeof(want), "%s%s", prefix, names[i]);
		unit_assert_contains(text, want);
	}
}

static void assert_every_long(const char *text, const char *prefix)
{
	assert_has_longs(text, conn_longs, UNIT_ARRAY_SIZE(conn_longs), prefix);
	assert_has_longs(text, output_longs, UNIT_ARRAY_SIZE(output_longs),
			 prefix);
	assert_has_longs(text, findings_longs, UNIT_ARRAY_SIZE(findings_longs),
			 prefix);
	assert_has_longs(text, input_longs, UNIT_ARRAY_SIZE(input_longs),
			 prefix);
	assert_has_longs(text, always_longs, UNIT_ARRAY_SIZE(always_longs),
			 prefix);
	assert_has_longs(text, extra_longs, UNIT_ARRAY_SIZE(extra_longs),
			 prefix);
}

static void adv_options_help__all_groups__every_long_option_listed(void **state)
{
	struct adv_buf b;

	(void)state;
	adv_buf_init(&b);
	adv_options_help(&b, "ip-test", "[OPTION]... [FILE]...\n-d DBNAME",
			 "finds test things", ALL_GROUPS, extra);
	assert_every_long(b.data, "--");
	assert_memory_equal(b.data,
			    "ip-test finds test things\n\nUsage:\n"
			    "  ip-test [OPTION]... [FILE]...\n"
			    "  ip-test -d DBNAME\n",
			    strlen("ip-test finds test things\n\nUsage:\n"
				   "  ip-test [OPTION]... [FILE]...\n"
				   "  ip-test -d DBNAME\n"));
	unit_assert_contains(b.data, "-h, --host=HOST");
	unit_assert_contains(b.data, "-?, --help");
	unit_assert_contains(b.data, "    --min-observed=DURATION");
	unit_assert_contains(b.data, "-n, --dry-run");
	unit_assert_contains(b.data, "statistics window needed for an "
				     "unused-index verdict");
	unit_assert_contains(b.data, "\nConnection:\n");
	unit_assert_contains(b.data, "\nOptions:\n");
	unit_assert_contains(b.data, "Exit status:");
	unit_assert_not_contains(b.data, "--completion");
	adv_buf_release(&b);
}

static void adv_options_help__one_group__others_absent(void **state)
{
	struct adv_buf b;

	(void)state;
	adv_buf_init(&b);
	adv_options_help(&b, "ip-test", "[FILE]...", "x", ADV_OPTS_OUTPUT,
			 NULL);
	unit_assert_contains(b.data, "--format=FORMAT");
	unit_assert_contains(b.data, "--help");
	unit_assert_not_contains(b.data, "--host");
	unit_assert_not_contains(b.data, "--fail-on=");
	unit_assert_not_contains(b.data, "--keep-going");
	unit_assert_not_contains(b.data, "Options:");
	adv_buf_release(&b);
}

static void adv_options_completion__bash_and_zsh__every_long_option(
	void **state)
{
	struct adv_buf b;
	struct adv_error err;

	(void)state;
	adv_buf_init(&b);
	adv_error_init(&err);
	assert_int_equal(adv_options_completion(&b, "ip-test", "bash",
						ALL_GROUPS, extra, &err),
			 ADV_OK);
	assert_every_long(b.data, "--");
	unit_assert_contains(b.data, "complete -o default -F _ip_test ip-test");
	unit_assert_contains(b.data, "compgen -W 'auto ndjson text csv'");
	unit_assert_contains(b.data, "-l|--limit)");
	/* hidden: neither a case nor a word (the header comment names it) */
	unit_assert_not_contains(b.data, "--completion)");
	unit_assert_not_contains(b.data, "--completion ");
	adv_buf_reset(&b);

	assert_int_equal(adv_options_completion(&b, "ip-test", "zsh",
						ALL_GROUPS, extra, &err),
			 ADV_OK);
	assert_every_long(b.data, "--");
	unit_assert_contains(b.data, "#compdef ip-test");
	unit_assert_contains(b.data, ":(auto ndjson text csv)");
	unit_assert_contains(b.data, "--baseline=");
	unit_assert_not_contains(b.data, "'--completion");
	adv_buf_release(&b);
}

static void adv_options_completion__unknown_shell__usage_error(void **state)
{
	struct adv_buf b;
	struct adv_error err;

	(void)state;
	adv_buf_init(&b);
	adv_error_init(&err);
	assert_int_equal(adv_options_completion(&b, "ip-test", "fish",
						ALL_GROUPS, extra, &err),
			 ADV_EUSAGE);
	unit_assert_contains(err.message, "unknown shell 'fish'");
	adv_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_options_parse__no_arguments__defaults),
		cmocka_unit_test(
			adv_options_parse__short_connection_flags__filled_in_order),
		cmocka_unit_test(
			adv_options_parse__long_connection_flags__filled),
		cmocka_unit_test(
			adv_options_parse__password_flags__last_one_wins),
		cmocka_unit_test(
			adv_options_parse__format_and_color__values_or_usage_error),
		cmocka_unit_test(
			adv_options_parse__bad_port__usage_error_naming_range),
		cmocka_unit_test(
			adv_options_parse__unknown_option__usage_error_naming_it),
		cmocka_unit_test(
			adv_options_parse__missing_value__usage_error_naming_option),
		cmocka_unit_test(adv_options_parse__help_forms__help_set),
		cmocka_unit_test(
			adv_options_parse__after_double_dash__operands_not_options),
		cmocka_unit_test(
			adv_options_parse__options_after_operands__still_options),
		cmocka_unit_test(adv_options_parse__general_flags__counted),
		cmocka_unit_test(
			adv_options_parse__fail_on__severity_rules_or_usage_error),
		cmocka_unit_test(
			adv_fail_on_parse__invalid_values__usage_error),
		cmocka_unit_test(
			adv_fail_on_matches__table__severity_threshold_or_rule_list),
		cmocka_unit_test(
			adv_fail_on_check_rules__rule_ids__unknown_one_rejected),
		cmocka_unit_test(
			adv_options_parse__program_options__callback_in_order),
		cmocka_unit_test(
			adv_options_parse__callback_error__returned_as_is),
		cmocka_unit_test(
			adv_options_parse__group_not_selected__option_unknown),
		cmocka_unit_test(
			adv_options_parse__second_parse_after_error__no_stale_state),
		cmocka_unit_test(
			adv_common_conn_params__options__copied_to_params),
		cmocka_unit_test(
			adv_options_help__all_groups__every_long_option_listed),
		cmocka_unit_test(adv_options_help__one_group__others_absent),
		cmocka_unit_test(
			adv_options_completion__bash_and_zsh__every_long_option),
		cmocka_unit_test(
			adv_options_completion__unknown_shell__usage_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
