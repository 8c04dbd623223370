#include "status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "banned.h"

void adv_error_init(struct adv_error *err)
{
	memset(err, 0, sizeof(*err));
}

static void one_line(char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
	}
}

static void trim_end(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '.'))
		s[--len] = '\0';
}

enum adv_status adv_error_set(struct adv_error *err, enum adv_status status,
			      const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return status;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	one_line(err->message);
	trim_end(err->message);
	return status;
}

void adv_error_prefix(struct adv_error *err, const char *fmt, ...)
{
	char prefix[512];
	char old[sizeof(err->message)];
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, err->message, sizeof(old));
	{
		/* truncation is acceptable: the message is for people */
		size_t plen = strlen(prefix);
		size_t olen = strlen(old);
		size_t cap = sizeof(err->message) - 1;
		size_t pos = 0;

		if (plen > cap)
			plen = cap;
		memcpy(err->message, prefix, plen);
		pos = plen;
		if (pos + 2 <= cap) {
			memcpy(err->message + pos, ": ", 2);
			pos += 2;
		}
		if (olen > cap - pos)
			olen = cap - pos;
		memcpy(err->message + pos, old, olen);
		pos += olen;
		err->message[pos] = '\0';
	}
	one_line(err->message);
}

int adv_exit_code(enum adv_status status)
{
	switch (status) {
	case ADV_OK:
	case ADV_FINDINGS:
	case ADV_EUSAGE:
	case ADV_EINPUT:
	case ADV_ECONNECT:
	case ADV_ESERVER:
	case ADV_EPARTIAL:
	case ADV_EIO:
	case ADV_EINTERNAL:
		return (int)status;
	}
	return (int)ADV_EINTERNAL;
}

const char *adv_status_name(enum adv_status status)
{
	switch (status) {
	case ADV_OK:
		return "ok";
	case ADV_FINDINGS:
		return "findings";
	case ADV_EUSAGE:
		return "usage";
	case ADV_EINPUT:
		return "input";
	case ADV_ECONNECT:
		return "connect";
	case ADV_ESERVER:
		return "server";
	case ADV_EPARTIAL:
		return "partial";
	case ADV_EIO:
		return "io";
	case ADV_EINTERNAL:
		return "internal";
	}
	return "internal";
}

static int rank(enum adv_status s)
{
	switch (s) {
	case ADV_OK:
		return 0;
	case ADV_FINDINGS:
		return 1;
	case ADV_EPARTIAL:
		return 2;
	case ADV_ESERVER:
		return 3;
	case ADV_ECONNECT:
		return 4;
	case ADV_EINPUT:
		return 5;
	case ADV_EUSAGE:
		return 6;
	case ADV_EIO:
		return 7;
	case ADV_EINTERNAL:
		return 8;
	}
	return 8;
}

enum adv_status adv_status_worst(enum adv_status a, enum adv_status b)
{
	return rank(a) >= rank(b) ? a : b;
}
