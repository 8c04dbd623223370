#include "signals.h"

#include <signal.h>
#include <string.h>

#include "banned.h"

static volatile sig_atomic_t received;
static volatile sig_atomic_t cancel_armed;
static adv_cancel_fn cancel_fn;
static void *cancel_arg;

static void on_signal(int sig)
{
	received = sig;
	if (cancel_armed && cancel_fn != NULL)
		cancel_fn(cancel_arg);
}

void adv_signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

void adv_signals_set_cancel(adv_cancel_fn fn, void *arg)
{
	cancel_armed = 0;
	cancel_fn = fn;
	cancel_arg = arg;
	if (fn != NULL)
		cancel_armed = 1;
}

int adv_signals_interrupted(void)
{
	return (int)received;
}

void adv_signals_reraise(void)
{
	int sig = (int)received;

	if (sig == 0)
		return;
	signal(sig, SIG_DFL);
	raise(sig);
}
