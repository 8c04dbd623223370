#include "unit.h"

#include "buf.h"

static void adv_buf_init__fresh__empty_string_not_null(void **state)
{
	struct adv_buf b;

	(void)state;
	adv_buf_init(&b);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	assert_int_equal(b.len, 0);
	adv_buf_reset(&b);
	assert_string_equal(b.data, "");
	adv_buf_release(&b);
}

static void adv_buf_add__pieces__concatenated_and_terminated(void **state)
{
	struct adv_buf b;

	(void)state;
	adv_buf_init(&b);
	adv_buf_addstr(&b, "DROP ");
	adv_buf_addch(&b, '"');
	adv_buf_add(&b, "idx\"junk", 3);
	adv_buf_addch(&b, '"');
	assert_string_equal(b.data, "DROP \"idx\"");
	assert_int_equal(b.len, strlen("DROP \"idx\""));
	assert_true(b.cap > b.len);
	adv_buf_release(&b);
}

static void adv_buf_add__embedded_nul__length_counts_every_byte(void **state)
{
	struct adv_buf b;

	(void)state;
	adv_buf_init(&b);
	adv_buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 4);
	adv_buf_release(&b);
}

static void adv_buf_addf__output_larger_than_capacity__grows(void **state)
{
	struct adv_buf b;
	char big[5000];
	size_t i;

	(void)state;
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	adv_buf_init(&b);
	adv_buf_addf(&b, "%s", "head:");
	adv_buf_addf(&b, "%s|%d", big, 42);
	assert_int_equal(b.len, 5 + sizeof(big) - 1 + 3);
	assert_memory_equal(b.data, "head:zz", 7);
	assert_string_equal(b.data + b.len - 3, "|42");
	for (i = 0; i < 100; i++)
		adv_buf_addf(&b, "%zu,", i);
	assert_string_equal(b.data + b.len - 3, "99,");
	adv_buf_release(&b);
}

static void adv_buf_reset__after_use__empty_with_capacity_kept(void **state)
{
	struct adv_buf b;
	size_t cap;

	(void)state;
	adv_buf_init(&b);
	adv_buf_addstr(&b, "something");
	cap = b.cap;
	adv_buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	assert_int_equal(b.cap, cap);
	adv_buf_addstr(&b, "x");
	assert_string_equal(b.data, "x");
	adv_buf_release(&b);
}

static void adv_buf_detach__filled__string_returned_buffer_reinitialised(
	void **state)
{
	struct adv_buf b;
	char *s;

	(void)state;
	adv_buf_init(&b);
	adv_buf_addstr(&b, "owned");
	s = adv_buf_detach(&b);
	assert_string_equal(s, "owned");
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	assert_string_equal(b.data, "");
	free(s);
	adv_buf_release(&b);
}

static void adv_buf_detach__never_written__freeable_empty_string(void **state)
{
	struct adv_buf b;
	char *s;

	(void)state;
	adv_buf_init(&b);
	s = adv_buf_detach(&b);
	assert_string_equal(s, "");
	free(s);
}

static void adv_buf_release__twice__safe(void **state)
{
	struct adv_buf b;

	(void)state;
	adv_buf_init(&b);
	adv_buf_addstr(&b, "x");
	adv_buf_release(&b);
	adv_buf_release(&b);
	assert_string_equal(b.data, "");
}

static void adv_xstrfmt__format__allocated_string(void **state)
{
	char *s;

	(void)state;
	s = adv_xstrfmt("%s.%s:%d", "public", "orders", 7);
	assert_string_equal(s, "public.orders:7");
	free(s);
}

static void adv_xstrdup_or_null__null_and_string__copy_or_null(void **state)
{
	char *s;

	(void)state;
	assert_null(adv_xstrdup_or_null(NULL));
	s = adv_xstrdup_or_null("abc");
	assert_string_equal(s, "abc");
	free(s);
}

static void adv_xmalloc__zero_size__freeable_pointer(void **state)
{
	void *p, *q;

	(void)state;
	p = adv_xmalloc(0);
	q = adv_xcalloc(0, 0);
	assert_non_null(p);
	assert_non_null(q);
	p = adv_xrealloc(p, 0);
	assert_non_null(p);
	free(p);
	free(q);
}

static void adv_alloc_grow__many_appends__capacity_at_least_want(void **state)
{
	int *v = NULL;
	size_t n = 0, alloc = 0, i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		ADV_ALLOC_GROW(v, n + 1, alloc);
		v[n++] = (int)i;
		assert_true(alloc >= n);
	}
	assert_int_equal(v[999], 999);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_buf_init__fresh__empty_string_not_null),
		cmocka_unit_test(
			adv_buf_add__pieces__concatenated_and_terminated),
		cmocka_unit_test(
			adv_buf_add__embedded_nul__length_counts_every_byte),
		cmocka_unit_test(
			adv_buf_addf__output_larger_than_capacity__grows),
		cmocka_unit_test(
			adv_buf_reset__after_use__empty_with_capacity_kept),
		cmocka_unit_test(
			adv_buf_detach__filled__string_returned_buffer_reinitialised),
		cmocka_unit_test(
			adv_buf_detach__never_written__freeable_empty_string),
		cmocka_unit_test(adv_buf_release__twice__safe),
		cmocka_unit_test(adv_xstrfmt__format__allocated_string),
		cmocka_unit_test(
			adv_xstrdup_or_null__null_and_string__copy_or_null),
		cmocka_unit_test(adv_xmalloc__zero_size__freeable_pointer),
		cmocka_unit_test(
			adv_alloc_grow__many_appends__capacity_at_least_want),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
