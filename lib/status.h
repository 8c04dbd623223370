#ifndef ADV_STATUS_H
#define ADV_STATUS_H

#include <stddef.h>

/*
 * Every library call returns an enum adv_status. The numeric values are the
 * exit codes of DESIGN.md section 4, so a program maps a status to its exit
 * code with adv_exit_code() and nothing else.
 */
enum adv_status {
	ADV_OK = 0,
	ADV_FINDINGS = 1,  /* findings matched --fail-on */
	ADV_EUSAGE = 2,	   /* bad option or value */
	ADV_EINPUT = 3,	   /* malformed input, unknown record version */
	ADV_ECONNECT = 4,  /* cannot connect or authenticate */
	ADV_ESERVER = 5,   /* the server refused or failed a statement */
	ADV_EPARTIAL = 6,  /* some work items failed, the rest succeeded */
	ADV_EIO = 7,	   /* local I/O error */
	ADV_EINTERNAL = 70 /* a bug */
};

/*
 * What went wrong, filled by the function that failed. The message follows
 * the house grammar: the error first, the subject in single quotes, no
 * trailing period, one line; the program prefixes "ip-x: error: ".
 * sqlstate is empty unless a server reported one.
 */
struct adv_error {
	enum adv_status status;
	char message[1024];
	char sqlstate[6];
	int driver_code;
};

void adv_error_init(struct adv_error *err);

/*
 * Sets status and a printf-style message; returns status so that callers can
 * write "return adv_error_set(err, ADV_EINPUT, ...)". err may be NULL.
 * Newlines in the message are replaced by spaces: every error is one line.
 */
enum adv_status adv_error_set(struct adv_error *err, enum adv_status status,
			      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prefixes the existing message with more context: "ctx: old message". */
void adv_error_prefix(struct adv_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The exit code of DESIGN.md section 4 for a status. */
int adv_exit_code(enum adv_status status);

/* A short name for a status ("usage", "input", ...), for logs and tests. */
const char *adv_status_name(enum adv_status status);

/* The more serious of two statuses, for combining per-item results. */
enum adv_status adv_status_worst(enum adv_status a, enum adv_status b);

#endif
