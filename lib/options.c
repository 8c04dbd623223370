#include "options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "banned.h"

/* Ids of the shared options; program ids must stay below this. */
enum {
	OPT_HOST = 10000,
	OPT_PORT,
	OPT_USER,
	OPT_DBNAME,
	OPT_NO_PASSWORD,
	OPT_PASSWORD,
	OPT_STATEMENT_TIMEOUT,
	OPT_ECHO,
	OPT_FORMAT,
	OPT_COLOR,
	OPT_FAIL_ON,
	OPT_BASELINE,
	OPT_KEEP_GOING,
	OPT_VERBOSE,
	OPT_HELP,
	OPT_VERSION,
	OPT_COMPLETION
};

static const struct adv_option conn_options[] = {
	{OPT_HOST, "host", 'h', ADV_ARG_REQUIRED, "HOST",
	 "database server host or socket directory", ADV_COMPLETE_HOST, NULL},
	{OPT_PORT, "port", 'p', ADV_ARG_REQUIRED, "PORT",
	 "database server port", ADV_COMPLETE_NONE, NULL},
	{OPT_USER, "username", 'U', ADV_ARG_REQUIRED, "USER",
	 "database user name", ADV_COMPLETE_USER, NULL},
	{OPT_DBNAME, "dbname", 'd', ADV_ARG_REQUIRED, "DBNAME",
	 "database name, conninfo string or URI (repeatable)",
	 ADV_COMPLETE_NONE, NULL},
	{OPT_NO_PASSWORD, "no-password", 'w', ADV_ARG_NONE, NULL,
	 "never prompt for a password", ADV_COMPLETE_NONE, NULL},
	{OPT_PASSWORD, "password", 'W', ADV_ARG_NONE, NULL,
	 "prompt for a password before connecting", ADV_COMPLETE_NONE, NULL},
	{OPT_STATEMENT_TIMEOUT, "statement-timeout", 0, ADV_ARG_REQUIRED,
	 "DURATION",
	 "cancel any statement running longer (default 60s, 0 = none)",
	 ADV_COMPLETE_NONE, NULL},
	{OPT_ECHO, "echo", 'e', ADV_ARG_NONE, NULL,
	 "show every statement sent to the server on stderr", ADV_COMPLETE_NONE,
	 NULL},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

static const struct adv_option output_options[] = {
	{OPT_FORMAT, "format", 0, ADV_ARG_REQUIRED, "FORMAT",
	 "auto, ndjson, text or csv (auto: text on a terminal)",
	 ADV_COMPLETE_WORDS, "auto ndjson text csv"},
	{OPT_COLOR, "color", 0, ADV_ARG_REQUIRED, "WHEN",
	 "colour text output: auto, always or never", ADV_COMPLETE_WORDS,
	 "auto always never"},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

static const struct adv_option findings_options[] = {
	{OPT_FAIL_ON, "fail-on", 0, ADV_ARG_REQUIRED, "SEVERITY|RULE,...",
	 "exit 1 when a finding at or above SEVERITY, or of a RULE, is emitted",
	 ADV_COMPLETE_WORDS, "info low medium high critical"},
	{OPT_BASELINE, "baseline", 0, ADV_ARG_REQUIRED, "FILE",
	 "suppress findings whose fingerprint appears in FILE",
	 ADV_COMPLETE_FILE, NULL},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

static const struct adv_option input_options[] = {
	{OPT_KEEP_GOING, "keep-going", 'k', ADV_ARG_NONE, NULL,
	 "skip malformed input lines with a warning instead of stopping",
	 ADV_COMPLETE_NONE, NULL},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

static const struct adv_option always_options[] = {
	{OPT_VERBOSE, "verbose", 'v', ADV_ARG_NONE, NULL,
	 "more detail on stderr (repeat for more)", ADV_COMPLETE_NONE, NULL},
	{OPT_HELP, "help", '?', ADV_ARG_NONE, NULL, "show this help and exit",
	 ADV_COMPLETE_NONE, NULL},
	{OPT_VERSION, "version", 'V', ADV_ARG_NONE, NULL,
	 "show the version and exit", ADV_COMPLETE_NONE, NULL},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

/* --completion is hidden from help and completions. */
static const struct adv_option hidden_options[] = {
	{OPT_COMPLETION, "completion", 0, ADV_ARG_REQUIRED, "SHELL",
	 "print a completion script", ADV_COMPLETE_WORDS, "bash zsh"},
	{0, NULL, 0, ADV_ARG_NONE, NULL, NULL, ADV_COMPLETE_NONE, NULL}};

/* The tables in the order help shows them. */
struct table_ref {
	const char *title;
	const struct adv_option *opts;
	unsigned group; /* 0: always */
};

static size_t collect_tables(struct table_ref *refs, unsigned groups,
			     const struct adv_option *extra, int hidden)
{
	size_t n = 0;

	if (extra != NULL)
		refs[n++] = (struct table_ref){"Options", extra, 0};
	if (groups & ADV_OPTS_INPUT)
		refs[n++] = (struct table_ref){"Input", input_options, 0};
	if (groups & ADV_OPTS_FINDINGS)
		refs[n++] = (struct table_ref){"Findings", findings_options, 0};
	if (groups & ADV_OPTS_OUTPUT)
		refs[n++] = (struct table_ref){"Output", output_options, 0};
	if (groups & ADV_OPTS_CONN)
		refs[n++] = (struct table_ref){"Connection", conn_options, 0};
	refs[n++] = (struct table_ref){"General", always_options, 0};
	if (hidden)
		refs[n++] = (struct table_ref){NULL, hidden_options, 0};
	return n;
}

enum adv_status adv_fail_on_parse(struct adv_fail_on *f, const char *value,
				  struct adv_error *err)
{
	enum adv_severity sev;
	const char *p = value;

	adv_fail_on_release(f);
	if (value[0] == '\0')
		return adv_error_set(err, ADV_EUSAGE,
				     "empty value for --fail-on");
	if (adv_severity_parse(value, &sev) == 0) {
		f->enabled = 1;
		f->min_severity = sev;
		return ADV_OK;
	}
	while (*p != '\0') {
		const char *comma = strchr(p, ',');
		size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		char *rule;
		size_t i;

		if (len == 0)
			return adv_error_set(err, ADV_EUSAGE,
					     "empty rule in --fail-on '%s'",
					     value);
		rule = adv_xmalloc(len + 1);
		memcpy(rule, p, len);
		rule[len] = '\0';
		for (i = 0; i < len; i++) {
			char c = rule[i];

			if (!((c >= 'a' && c <= 'z') ||
			      (c >= '0' && c <= '9') || c == '-')) {
				free(rule);
				return adv_error_set(
					err, ADV_EUSAGE,
					"invalid --fail-on value '%s': not a severity (info, low, medium, high, critical) or a list of rule ids",
					value);
			}
		}
		f->rules = adv_xrealloc(f->rules,
					(f->nrules + 1) * sizeof(*f->rules));
		f->rules[f->nrules++] = rule;
		p += len;
		if (*p == ',') {
			p++;
			if (*p == '\0')
				return adv_error_set(
					err, ADV_EUSAGE,
					"empty rule in --fail-on '%s'", value);
		}
	}
	f->enabled = 1;
	f->by_rule = 1;
	return ADV_OK;
}

int adv_fail_on_matches(const struct adv_fail_on *f, const char *rule,
			enum adv_severity sev)
{
	size_t i;

	if (!f->enabled)
		return 0;
	if (!f->by_rule)
		return sev >= f->min_severity;
	/* an info finding is not a problem (e.g. an unused-index with no
	 * verdict yet): only --fail-on=info asks to fail on those */
	if (sev == ADV_SEV_INFO)
		return 0;
	for (i = 0; i < f->nrules; i++) {
		if (strcmp(f->rules[i], rule) == 0)
			return 1;
	}
	return 0;
}

enum adv_status adv_fail_on_check_rules(const struct adv_fail_on *f,
					const char *const *known,
					struct adv_error *err)
{
	size_t i, j;

	for (i = 0; f->by_rule && i < f->nrules; i++) {
		int found = 0;

		for (j = 0; known[j] != NULL && !found; j++)
			found = strcmp(known[j], f->rules[i]) == 0;
		if (!found)
			return adv_error_set(err, ADV_EUSAGE,
					     "unknown rule '%s' in --fail-on",
					     f->rules[i]);
	}
	return ADV_OK;
}

void adv_fail_on_release(struct adv_fail_on *f)
{
	size_t i;

	for (i = 0; i < f->nrules; i++)
		free(f->rules[i]);
	free(f->rules);
	memset(f, 0, sizeof(*f));
}

static enum adv_status handle_common(struct adv_common_opts *o, int id,
				     const char *arg, struct adv_error *err)
{
	int64_t port;

	switch (id) {
	case OPT_HOST:
		o->host = arg;
		return ADV_OK;
	case OPT_PORT:
		if (adv_parse_int64(arg, 1, 65535, "--port", &port, err) !=
		    ADV_OK)
			return ADV_EUSAGE;
		o->port = arg;
		return ADV_OK;
	case OPT_USER:
		o->user = arg;
		return ADV_OK;
	case OPT_DBNAME:
		o->dbnames = adv_xrealloc(
			o->dbnames, (o->ndbnames + 1) * sizeof(*o->dbnames));
		o->dbnames[o->ndbnames++] = arg;
		return ADV_OK;
	case OPT_NO_PASSWORD:
		o->password_mode = ADV_PASSWORD_NEVER;
		return ADV_OK;
	case OPT_PASSWORD:
		o->password_mode = ADV_PASSWORD_FORCE;
		return ADV_OK;
	case OPT_STATEMENT_TIMEOUT:
		return adv_parse_duration(arg, 86400.0 * 7,
					  "--statement-timeout",
					  &o->statement_timeout, err);
	case OPT_ECHO:
		o->echo = 1;
		return ADV_OK;
	case OPT_FORMAT:
		return adv_format_parse(arg, &o->format, err);
	case OPT_COLOR:
		if (strcmp(arg, "auto") == 0)
			o->color = -1;
		else if (strcmp(arg, "always") == 0)
			o->color = 1;
		else if (strcmp(arg, "never") == 0)
			o->color = 0;
		else
			return adv_error_set(
				err, ADV_EUSAGE,
				"invalid --color '%s' (use auto, always or never)",
				arg);
		return ADV_OK;
	case OPT_FAIL_ON:
		return adv_fail_on_parse(&o->fail_on, arg, err);
	case OPT_BASELINE:
		o->baseline = arg;
		return ADV_OK;
	case OPT_KEEP_GOING:
		o->keep_going = 1;
		return ADV_OK;
	case OPT_VERBOSE:
		o->verbose++;
		return ADV_OK;
	case OPT_HELP:
		o->help = 1;
		return ADV_OK;
	case OPT_VERSION:
		o->version = 1;
		return ADV_OK;
	case OPT_COMPLETION:
		if (strcmp(arg, "bash") != 0 && strcmp(arg, "zsh") != 0)
			return adv_error_set(
				err, ADV_EUSAGE,
				"unknown shell '%s' for --completion (use bash or zsh)",
				arg);
		o->completion = arg;
		return ADV_OK;
	default:
		return adv_error_set(err, ADV_EINTERNAL,
				     "unhandled shared option %d", id);
	}
}

enum adv_status adv_options_parse(struct adv_common_opts *opts, unsigned groups,
				  const struct adv_option *extra,
				  adv_option_fn fn, void *ctx, int argc,
				  char **argv, struct adv_error *err)
{
	struct table_ref refs[8];
	size_t nrefs = collect_tables(refs, groups, extra, 1);
	const struct adv_option **flat = NULL;
	struct option *longopts = NULL;
	struct adv_buf shortopts;
	size_t nflat = 0, i;
	enum adv_status st = ADV_OK;
	int c, k;

	memset(opts, 0, sizeof(*opts));
	opts->color = -1;
	opts->statement_timeout = 60;
	adv_buf_init(&shortopts);
	/* a leading ':' makes getopt report a missing argument as ':' */
	adv_buf_addstr(&shortopts, ":");
	for (i = 0; i < nrefs; i++) {
		const struct adv_option *o;

		for (o = refs[i].opts; o->id != 0; o++) {
			flat = adv_xrealloc(flat, (nflat + 1) * sizeof(*flat));
			flat[nflat++] = o;
		}
	}
	longopts = adv_xcalloc(nflat + 1, sizeof(*longopts));
	for (i = 0; i < nflat; i++) {
		longopts[i].name = flat[i]->long_name;
		longopts[i].has_arg = flat[i]->arg == ADV_ARG_REQUIRED
					      ? required_argument
					      : no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = 256 + (int)i;
		if (flat[i]->short_name != 0 && flat[i]->short_name != '?') {
			adv_buf_addch(&shortopts, (char)flat[i]->short_name);
			if (flat[i]->arg == ADV_ARG_REQUIRED)
				adv_buf_addch(&shortopts, ':');
		}
	}
	/* "-?" is help, as in psql; getopt uses '?' for errors */
	for (k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--") == 0)
			break;
		if (strcmp(argv[k], "-?") == 0) {
			opts->help = 1;
			goto done;
		}
	}
	opterr = 0;
	optind = 0; /* 0, not 1: glibc then also resets its own state */
	for (;;) {
		const struct adv_option *o = NULL;
		int longindex = -1;

		c = getopt_long(argc, argv, shortopts.data, longopts,
				&longindex);
		if (c == -1)
			break;
		if (c == '?') {
			if (optopt != 0 && optopt < 256)
				st = adv_error_set(err, ADV_EUSAGE,
						   "unknown option '-%c'",
						   optopt);
			else
				st = adv_error_set(err, ADV_EUSAGE,
						   "unknown option '%s'",
						   argv[optind - 1]);
			goto done;
		}
		if (c == ':') {
			if (optopt != 0 && optopt < 256)
				st = adv_error_set(err, ADV_EUSAGE,
						   "option '-%c' needs a value",
						   optopt);
			else
				st = adv_error_set(err, ADV_EUSAGE,
						   "option '%s' needs a value",
						   argv[optind - 1]);
			goto done;
		}
		if (c >= 256 && (size_t)(c - 256) < nflat) {
			o = flat[c - 256];
		} else {
			for (i = 0; i < nflat; i++) {
				if (flat[i]->short_name == c) {
					o = flat[i];
					break;
				}
			}
		}
		if (o == NULL) {
			st = adv_error_set(err, ADV_EINTERNAL,
					   "option table has no entry for %d",
					   c);
			goto done;
		}
		if (o->id >= OPT_HOST)
			st = handle_common(opts, o->id, optarg, err);
		else if (fn != NULL)
			st = fn(ctx, o->id, optarg, err);
		if (st != ADV_OK)
			goto done;
	}
	opts->operands = argv + optind;
	opts->noperands = argc - optind;
done:
	free(flat);
	free(longopts);
	adv_buf_release(&shortopts);
	return st;
}

void adv_common_opts_release(struct adv_common_opts *opts)
{
	free(opts->dbnames);
	adv_fail_on_release(&opts->fail_on);
	memset(opts, 0, sizeof(*opts));
}

static void option_label(struct adv_buf *b, const struct adv_option *o)
{
	if (o->short_name != 0)
		adv_buf_addf(b, "-%c, ", o->short_name);
	else
		adv_buf_addstr(b, "    ");
	adv_buf_addf(b, "--%s", o->long_name);
	if (o->arg == ADV_ARG_REQUIRED)
		adv_buf_addf(b, "=%s", o->arg_name);
}

void adv_options_help(struct adv_buf *b, const char *prog, const char *synopsis,
		      const char *summary, unsigned groups,
		      const struct adv_option *extra)
{
	struct table_ref refs[8];
	size_t nrefs = collect_tables(refs, groups, extra, 0);
	size_t i;

	adv_buf_addf(b, "%s %s\n\n", prog, summary);
	adv_buf_addstr(b, "Usage:\n");
	while (*synopsis != '\0') {
		const char *nl = strchr(synopsis, '\n');
		size_t len =
			nl != NULL ? (size_t)(nl - synopsis) : strlen(synopsis);

		adv_buf_addf(b, "  %s %.*s\n", prog, (int)len, synopsis);
		synopsis += len;
		if (*synopsis == '\n')
			synopsis++;
	}
	for (i = 0; i < nrefs; i++) {
		const struct adv_option *o;

		adv_buf_addf(b, "\n%s:\n", refs[i].title);
		for (o = refs[i].opts; o->id != 0; o++) {
			struct adv_buf label;

			adv_buf_init(&label);
			option_label(&label, o);
			if (label.len < 28)
				adv_buf_addf(b, "  %-28s %s\n", label.data,
					     o->help);
			else
				adv_buf_addf(b, "  %s\n  %-28s %s\n",
					     label.data, "", o->help);
			adv_buf_release(&label);
		}
	}
	adv_buf_addf(b,
		     "\nExit status: 0 success, %s2 usage, 3 bad input, "
		     "4 cannot connect,\n5 server refused a statement, "
		     "6 partial, 7 local I/O error, 70 internal error.\n"
		     "See %s(1) and ip-advisor(7).\n",
		     (groups & ADV_OPTS_FINDINGS)
			     ? "1 findings matched --fail-on, "
			     : "",
		     prog);
}

static void func_name(struct adv_buf *b, const char *prog)
{
	const char *p;

	adv_buf_addch(b, '_');
	for (p = prog; *p != '\0'; p++)
		adv_buf_addch(b, *p == '-' ? '_' : *p);
}

/* zsh descriptions may not contain ':' '[' ']' or quotes unescaped. */
static void zsh_text(struct adv_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '[' || *s == ']' || *s == ':' || *s == '\'' ||
		    *s == '\\')
			adv_buf_addch(b, *s == '\'' ? ' ' : '\\');
		if (*s != '\'')
			adv_buf_addch(b, *s);
	}
}

static void completion_bash(struct adv_buf *b, const char *prog,
			    struct table_ref *refs, size_t nrefs)
{
	size_t i;
	const struct adv_option *o;

	adv_buf_addf(b,
		     "# bash completion for %s\n"
		     "# generated by '%s --completion=bash'; do not edit\n",
		     prog, prog);
	func_name(b, prog);
	adv_buf_addstr(
		b,
		"()\n{\n"
		"\tlocal cur prev opt\n"
		"\tcur=${COMP_WORDS[COMP_CWORD]}\n"
		"\tprev=${COMP_WORDS[COMP_CWORD-1]}\n"
		"\topt=$prev\n"
		"\tif [ \"$cur\" = \"=\" ]; then cur=; fi\n"
		"\tif [ \"$prev\" = \"=\" ] && [ \"$COMP_CWORD\" -ge 2 ]; then\n"
		"\t\topt=${COMP_WORDS[COMP_CWORD-2]}\n"
		"\telif [ \"${COMP_WORDS[COMP_CWORD]}\" = \"=\" ]; then\n"
		"\t\topt=$prev\n"
		"\tfi\n"
		"\tcase $opt in\n");
	for (i = 0; i < nrefs; i++) {
		for (o = refs[i].opts; o->id != 0; o++) {
			if (o->arg != ADV_ARG_REQUIRED)
				continue;
			adv_buf_addstr(b, "\t");
			if (o->short_name != 0)
				adv_buf_addf(b, "-%c|", o->short_name);
			adv_buf_addf(b, "--%s)\n", o->long_name);
			switch (o->complete) {
			case ADV_COMPLETE_FILE:
				adv_buf_addstr(
					b,
					"\t\tmapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n");
				break;
			case ADV_COMPLETE_HOST:
				adv_buf_addstr(
					b,
					"\t\tmapfile -t COMPREPLY < <(compgen -A hostname -- \"$cur\")\n");
				break;
			case ADV_COMPLETE_USER:
				adv_buf_addstr(
					b,
					"\t\tmapfile -t COMPREPLY < <(compgen -u -- \"$cur\")\n");
				break;
			case ADV_COMPLETE_WORDS:
				adv_buf_addf(
					b,
					"\t\tmapfile -t COMPREPLY < <(compgen -W '%s' -- \"$cur\")\n",
					o->words);
				break;
			case ADV_COMPLETE_NONE:
				adv_buf_addstr(b, "\t\tCOMPREPLY=()\n");
				break;
			}
			adv_buf_addstr(b, "\t\treturn\n\t\t;;\n");
		}
	}
	adv_buf_addstr(b, "\tesac\n\tcase $cur in\n\t-*)\n"
			  "\t\tmapfile -t COMPREPLY < <(compgen -W '");
	for (i = 0; i < nrefs; i++) {
		for (o = refs[i].opts; o->id != 0; o++) {
			if (o->short_name != 0 && o->short_name != '?')
				adv_buf_addf(b, "-%c ", o->short_name);
			adv_buf_addf(b, "--%s ", o->long_name);
		}
	}
	adv_buf_addstr(
		b, "' -- \"$cur\")\n\t\treturn\n\t\t;;\n\tesac\n"
		   "\tmapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n}\n");
	adv_buf_addstr(b, "complete -o default -F ");
	func_name(b, prog);
	adv_buf_addf(b, " %s\n", prog);
}

static void completion_zsh(struct adv_buf *b, const char *prog,
			   struct table_ref *refs, size_t nrefs)
{
	size_t i;
	const struct adv_option *o;

	adv_buf_addf(b,
		     "#compdef %s\n"
		     "# zsh completion for %s\n"
		     "# generated by '%s --completion=zsh'; do not edit\n\n"
		     "_arguments -s -S \\\n",
		     prog, prog, prog);
	for (i = 0; i < nrefs; i++) {
		for (o = refs[i].opts; o->id != 0; o++) {
			const char *eq = o->arg == ADV_ARG_REQUIRED ? "=" : "";
			const char *plus =
				o->arg == ADV_ARG_REQUIRED ? "+" : "";

			adv_buf_addstr(b, "\t");
			if (o->short_name != 0 && o->short_name != '?')
				adv_buf_addf(b, "'(-%c --%s)'{-%c%s,--%s%s}'[",
					     o->short_name, o->long_name,
					     o->short_name, plus, o->long_name,
					     eq);
			else
				adv_buf_addf(b, "'--%s%s[", o->long_name, eq);
			zsh_text(b, o->help);
			adv_buf_addstr(b, "]");
			if (o->arg == ADV_ARG_REQUIRED) {
				adv_buf_addstr(b, ":");
				zsh_text(b, o->arg_name);
				switch (o->complete) {
				case ADV_COMPLETE_FILE:
					adv_buf_addstr(b, ":_files");
					break;
				case ADV_COMPLETE_HOST:
					adv_buf_addstr(b, ":_hosts");
					break;
				case ADV_COMPLETE_USER:
					adv_buf_addstr(b, ":_users");
					break;
				case ADV_COMPLETE_WORDS:
					adv_buf_addf(b, ":(%s)", o->words);
					break;
				case ADV_COMPLETE_NONE:
					adv_buf_addstr(b, ": ");
					break;
				}
			}
			adv_buf_addstr(b, "' \\\n");
		}
	}
	adv_buf_addstr(b, "\t'*:file:_files'\n");
}

enum adv_status adv_options_completion(struct adv_buf *b, const char *prog,
				       const char *shell, unsigned groups,
				       const struct adv_option *extra,
				       struct adv_error *err)
{
	struct table_ref refs[8];
	size_t nrefs = collect_tables(refs, groups, extra, 0);

	if (strcmp(shell, "bash") == 0)
		completion_bash(b, prog, refs, nrefs);
	else if (strcmp(shell, "zsh") == 0)
		completion_zsh(b, prog, refs, nrefs);
	else
		return adv_error_set(err, ADV_EUSAGE, "unknown shell '%s'",
				     shell);
	return ADV_OK;
}

void adv_common_conn_params(const struct adv_common_opts *opts,
			    const char *target, const char *prog,
			    struct adv_conn_params *params)
{
	memset(params, 0, sizeof(*params));
	params->target = target;
	params->host = opts->host;
	params->port = opts->port;
	params->user = opts->user;
	params->password_mode = opts->password_mode;
	params->application_name = prog;
	params->statement_timeout_ms = (int)(opts->statement_timeout * 1000);
	/* a timeout under a millisecond is still a timeout, not "none" */
	if (opts->statement_timeout > 0 && params->statement_timeout_ms == 0)
		params->statement_timeout_ms = 1;
}
