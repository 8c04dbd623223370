#ifndef ADV_LOG_H
#define ADV_LOG_H

/*
 * The library never prints: diagnostics that are not errors (warnings about
 * skipped input, progress, verbose traces) go through one handler that the
 * program installs. Without a handler they are dropped.
 */
enum adv_log_level { ADV_LOG_WARNING = 0, ADV_LOG_INFO = 1, ADV_LOG_DEBUG = 2 };

typedef void (*adv_log_fn)(enum adv_log_level level, const char *message,
			   void *ctx);

void adv_log_set_handler(adv_log_fn fn, void *ctx);
/* Messages above max are dropped before formatting. */
void adv_log_set_level(enum adv_log_level max);
int adv_log_enabled(enum adv_log_level level);
void adv_log(enum adv_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define adv_warn(...)  adv_log(ADV_LOG_WARNING, __VA_ARGS__)
#define adv_info(...)  adv_log(ADV_LOG_INFO, __VA_ARGS__)
#define adv_debug(...) adv_log(ADV_LOG_DEBUG, __VA_ARGS__)

#endif
