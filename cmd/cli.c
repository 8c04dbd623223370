#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "log.h"
#include "signals.h"
#include "banned.h"

static const char *prog_name = "ip";

static void log_to_stderr(enum adv_log_level level, const char *message,
			  void *ctx)
{
	(void)ctx;
	fprintf(stderr, "%s: %s: %s\n", prog_name,
		level == ADV_LOG_WARNING ? "warning" : "info", message);
}

void cli_init(const char *prog)
{
	prog_name = prog;
	adv_log_set_handler(log_to_stderr, NULL);
	adv_log_set_level(ADV_LOG_WARNING);
	adv_signals_install();
}

const char *cli_prog(void)
{
	return prog_name;
}

void cli_set_verbosity(int verbose)
{
	if (verbose >= 2)
		adv_log_set_level(ADV_LOG_DEBUG);
	else if (verbose == 1)
		adv_log_set_level(ADV_LOG_INFO);
}

int cli_fail(const struct adv_error *err)
{
	fprintf(stderr, "%s: error: %s\n", prog_name,
		err->message[0] != '\0' ? err->message : "unknown error");
	if (err->status == ADV_EUSAGE)
		fprintf(stderr, "%s: hint: try '%s --help'\n", prog_name,
			prog_name);
	return adv_exit_code(err->status);
}

void cli_warning(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: warning: ", prog_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

char *cli_prompt_password(const char *prompt, void *ctx)
{
	struct termios old, quiet;
	FILE *tty = fopen("/dev/tty", "r+");
	FILE *in = tty != NULL ? tty : stdin;
	FILE *out = tty != NULL ? tty : stderr;
	char line[1024];
	int restored = 0;
	size_t len;

	(void)ctx;
	fputs(prompt, out);
	fflush(out);
	if (tcgetattr(fileno(in), &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fileno(in), TCSAFLUSH, &quiet);
		restored = 1;
	}
	if (fgets(line, sizeof(line), in) == NULL)
		line[0] = '\0';
	if (restored)
		tcsetattr(fileno(in), TCSAFLUSH, &old);
	fputc('\n', out);
	if (tty != NULL)
		fclose(tty);
	len = strlen(line);
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	return adv_xstrdup(line);
}

void cli_echo(const char *sql, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "%s: statement: %s\n", prog_name, sql);
}

int cli_standard_exits(const struct adv_common_opts *opts, const char *synopsis,
		       const char *summary, unsigned groups,
		       const struct adv_option *extra, int *code)
{
	struct adv_buf b;
	struct adv_error err;

	adv_buf_init(&b);
	adv_error_init(&err);
	if (opts->help) {
		adv_options_help(&b, prog_name, synopsis, summary, groups,
				 extra);
	} else if (opts->version) {
		adv_buf_addf(&b, "%s (IndexPilot) %s\n", prog_name,
			     ADV_VERSION);
	} else if (opts->completion != NULL) {
		if (adv_options_completion(&b, prog_name, opts->completion,
					   groups, extra, &err) != ADV_OK) {
			*code = cli_fail(&err);
			adv_buf_release(&b);
			return 1;
		}
	} else {
		return 0;
	}
	fwrite(b.data, 1, b.len, stdout);
	*code = fflush(stdout) == 0 ? 0 : adv_exit_code(ADV_EIO);
	adv_buf_release(&b);
	return 1;
}

int cli_exit(int code)
{
	adv_signals_reraise();
	return code;
}
