#ifndef ADV_OPTIONS_H
#define ADV_OPTIONS_H

#include "buf.h"
#include "conn.h"
#include "finding.h"
#include "output.h"
#include "status.h"

/*
 * Option tables. Every program describes its own options as a table of
 * struct adv_option and picks shared groups (connection flags as psql's,
 * output format, findings filters, input handling). The same tables drive
 * parsing, --help, and the bash and zsh completions (--completion=SHELL),
 * so the three cannot drift apart.
 */
enum adv_opt_arg { ADV_ARG_NONE = 0, ADV_ARG_REQUIRED };

enum adv_opt_complete {
	ADV_COMPLETE_NONE = 0,
	ADV_COMPLETE_FILE,
	ADV_COMPLETE_HOST,
	ADV_COMPLETE_USER,
	ADV_COMPLETE_WORDS /* one of the space-separated words */
};

struct adv_option {
	int id; /* passed to the program's handler; > 0 */
	const char *long_name;
	int short_name; /* 0 when there is none */
	enum adv_opt_arg arg;
	const char *arg_name; /* "DURATION" */
	const char *help;     /* one line */
	enum adv_opt_complete complete;
	const char *words;
};

/* Shared groups, or-ed together. */
#define ADV_OPTS_CONN	  1u /* -h -p -U -d -w -W --statement-timeout -e */
#define ADV_OPTS_OUTPUT	  2u /* --format --color */
#define ADV_OPTS_FINDINGS 4u /* --fail-on --baseline */
#define ADV_OPTS_INPUT	  8u /* --keep-going */

/* --fail-on=SEVERITY or --fail-on=RULE[,RULE...] */
struct adv_fail_on {
	int enabled;
	int by_rule;
	enum adv_severity min_severity;
	char **rules;
	size_t nrules;
};

/* Parses the value of --fail-on; a word that is a severity name selects
 * by severity, anything else is a list of rule ids. */
enum adv_status adv_fail_on_parse(struct adv_fail_on *f, const char *value,
				  struct adv_error *err);
/* A rule list never matches info findings; a severity does when sev is at
 * or above it. */
int adv_fail_on_matches(const struct adv_fail_on *f, const char *rule,
			enum adv_severity sev);
/* Rejects rule ids not in known (NULL-terminated): a typo in CI must not
 * silently never match. */
enum adv_status adv_fail_on_check_rules(const struct adv_fail_on *f,
					const char *const *known,
					struct adv_error *err);
void adv_fail_on_release(struct adv_fail_on *f);

/* Everything the shared groups set, plus the operands. */
struct adv_common_opts {
	/* connection */
	const char *host;
	const char *port;
	const char *user;
	const char **dbnames; /* every -d, in order; the array is owned */
	size_t ndbnames;
	enum adv_password_mode password_mode;
	double statement_timeout; /* seconds; 0 = none */
	int echo;
	/* output */
	enum adv_format format;
	int color; /* -1 auto */
	/* findings */
	struct adv_fail_on fail_on;
	const char *baseline;
	/* input */
	int keep_going;
	/* always */
	int verbose;
	int help;
	int version;
	const char *completion; /* shell name for --completion */
	char **operands;	/* points into argv */
	int noperands;
};

typedef enum adv_status (*adv_option_fn)(void *ctx, int id, const char *arg,
					 struct adv_error *err);

/*
 * Parses argv. Shared options fill opts; a program option calls fn with its
 * id. Errors are ADV_EUSAGE with a message naming the option. Option values
 * point into argv; opts->dbnames is allocated (see _release).
 */
enum adv_status adv_options_parse(struct adv_common_opts *opts, unsigned groups,
				  const struct adv_option *extra,
				  adv_option_fn fn, void *ctx, int argc,
				  char **argv, struct adv_error *err);
void adv_common_opts_release(struct adv_common_opts *opts);

/* --help text: synopsis lines, a one-line summary, then every option. */
void adv_options_help(struct adv_buf *b, const char *prog, const char *synopsis,
		      const char *summary, unsigned groups,
		      const struct adv_option *extra);

/* A completion script for shell "bash" or "zsh". */
enum adv_status adv_options_completion(struct adv_buf *b, const char *prog,
				       const char *shell, unsigned groups,
				       const struct adv_option *extra,
				       struct adv_error *err);

/* Connection parameters from the shared flags for one target (-d value or
 * operand; NULL for the default database). */
void adv_common_conn_params(const struct adv_common_opts *opts,
			    const char *target, const char *prog,
			    struct adv_conn_params *params);

#endif
