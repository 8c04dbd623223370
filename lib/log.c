#include "log.h"

#include <stdarg.h>
#include <stdio.h>

#include "banned.h"

static adv_log_fn handler;
static void *handler_ctx;
static enum adv_log_level max_level = ADV_LOG_WARNING;

void adv_log_set_handler(adv_log_fn fn, void *ctx)
{
	handler = fn;
	handler_ctx = ctx;
}

void adv_log_set_level(enum adv_log_level max)
{
	max_level = max;
}

int adv_log_enabled(enum adv_log_level level)
{
	return handler != NULL && level <= max_level;
}

void adv_log(enum adv_log_level level, const char *fmt, ...)
{
	char message[2048];
	va_list ap;

	if (!adv_log_enabled(level))
		return;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	handler(level, message, handler_ctx);
}
