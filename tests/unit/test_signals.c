#include "unit.h"

#include <signal.h>
#include <sys/wait.h>

#include "signals.h"

static volatile sig_atomic_t cancels;

static void count_cancel(void *arg)
{
	(void)arg;
	cancels++;
}

static void adv_signals__sigint_with_cancel__cancel_called_and_reported(
	void **state)
{
	(void)state;
	adv_signals_install();
	cancels = 0;
	adv_signals_set_cancel(count_cancel, NULL);
	assert_int_equal(raise(SIGINT), 0);
	assert_int_equal(cancels, 1);
	assert_int_equal(adv_signals_interrupted(), SIGINT);
	adv_signals_set_cancel(NULL, NULL);
}

static void adv_signals__sigterm_after_cancel_cleared__only_recorded(
	void **state)
{
	(void)state;
	adv_signals_install();
	cancels = 0;
	adv_signals_set_cancel(count_cancel, NULL);
	adv_signals_set_cancel(NULL, NULL);
	assert_int_equal(raise(SIGTERM), 0);
	assert_int_equal(cancels, 0);
	assert_int_equal(adv_signals_interrupted(), SIGTERM);
}

static void adv_signals_reraise__after_sigint__dies_by_sigint(void **state)
{
	pid_t pid;
	int status = 0;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		adv_signals_install();
		raise(SIGINT);
		adv_signals_reraise();
		_exit(0); /* not reached when reraise works */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGINT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_signals__sigint_with_cancel__cancel_called_and_reported),
		cmocka_unit_test(
			adv_signals__sigterm_after_cancel_cleared__only_recorded),
		cmocka_unit_test(
			adv_signals_reraise__after_sigint__dies_by_sigint),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
