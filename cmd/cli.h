#ifndef IP_CLI_H
#define IP_CLI_H

/*
 * What every program shares at its edge: the one place that prints
 * diagnostics (git's grammar: "prog: error: ..."), reads a password from the
 * terminal, echoes statements, and turns a status into an exit code.
 */
#include <stdio.h>

#include "buf.h"
#include "options.h"
#include "status.h"

void cli_init(const char *prog);
const char *cli_prog(void);
/* Prints the error (and a hint for usage errors); returns the exit code. */
int cli_fail(const struct adv_error *err);
void cli_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Verbosity from -v: 0 warnings, 1 info, 2 debug. */
void cli_set_verbosity(int verbose);
char *cli_prompt_password(const char *prompt, void *ctx);
void cli_echo(const char *sql, void *ctx);
/*
 * Handles --help, --version and --completion after parsing: returns 1 and
 * sets *code when the program should exit now.
 */
int cli_standard_exits(const struct adv_common_opts *opts, const char *synopsis,
		       const char *summary, unsigned groups,
		       const struct adv_option *extra, int *code);
/* The exit code for a final status; dies by a received signal first. */
int cli_exit(int code);

#endif
