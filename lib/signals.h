#ifndef ADV_SIGNALS_H
#define ADV_SIGNALS_H

/*
 * SIGINT and SIGTERM: the handler cancels the statement running on the
 * server (through a registered, async-signal-safe cancel function such as
 * libpq's PQcancel) and records the signal; the program then unwinds
 * normally and dies by the same signal with adv_signals_reraise(), so the
 * shell sees an interrupted program and the server sees no orphaned query.
 */
typedef void (*adv_cancel_fn)(void *arg);

void adv_signals_install(void);
/* fn NULL clears. fn runs inside a signal handler. */
void adv_signals_set_cancel(adv_cancel_fn fn, void *arg);
/* The signal received, or 0. */
int adv_signals_interrupted(void);
/* If a signal was received, dies by it (default action). */
void adv_signals_reraise(void);

#endif
