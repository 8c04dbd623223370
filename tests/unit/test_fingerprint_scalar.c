#include "unit.h"

#include "buf.h"
#include "fingerprint.h"

/*
 * The fingerprint code scans sixteen bytes at a time with SSE2 where it
 * can and a byte at a time elsewhere. This test builds lib/fingerprint.c a
 * second time without SSE2 under other names and holds the two to the
 * same output on generated statements made of the pieces that the
 * percona rewrites look for, at every length around the sixteen-byte
 * blocks, and on the splitting of a long text into records.
 */

#include "fingerprint_scalar.h"

/* Pieces of SQL and of the things pt-fingerprint's rewrites match. */
static const char *const pieces[] = {
	"'",
	"\"",
	"\\",
	"/*",
	"*/",
	"/*!",
	"--",
	"#",
	"\n",
	"\t",
	" ",
	"  ",
	"\v",
	"\r",
	"\f",
	"(",
	")",
	"?",
	",",
	" , ",
	"in",
	"IN",
	"in (",
	"IN(",
	"values",
	"VALUES (",
	"value",
	"Value(",
	"union",
	"UNION ALL",
	"select ",
	"SELECT x",
	"limit ?",
	"LIMIT 5",
	"limit 5, 10",
	"LIMIT 1 OFFSET 2",
	"order by ",
	"ORDER BY a ASC",
	" asc",
	"null",
	"NULL",
	"5null",
	"0x1F",
	"x'1F'",
	"b'01'",
	".5",
	"+3",
	"-",
	"1e5",
	"abc",
	"Xyz",
	"_",
	"insert into t ",
	"INSERT INTO t VALUES(1),(2)",
	"call ",
	"CALL p(",
	"use ",
	"USE db",
	";",
	"; ",
	"\xc3\xa9",
	"\x01",
	"tin(",
	"d.x",
	"5",
	"123",
	"customer_id = ",
	"WHERE status = 'paid'",
	"Zz9",
	"\xff",
};

static const char *const starts[] = {
	"select ", "SELECT ", "insert ", "INSERT INTO t ", "update ", "call ",
	"use ",	   "a",	      "",
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned rng(unsigned below)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % below);
}

static void random_statement(struct adv_buf *b, unsigned pieces_max)
{
	unsigned k = 1 + rng(pieces_max);

	adv_buf_reset(b);
	adv_buf_addstr(b, starts[rng(UNIT_ARRAY_SIZE(starts))]);
	while (k-- > 0)
		adv_buf_addstr(b, pieces[rng(UNIT_ARRAY_SIZE(pieces))]);
}

static void assert_same(const char *sql, size_t len)
{
	struct adv_buf simd;
	struct adv_buf scalar;

	adv_buf_init(&simd);
	adv_buf_init(&scalar);
	adv_fp_percona(sql, len, &simd);
	scalar_fp_percona(sql, len, &scalar);
	if (simd.len != scalar.len ||
	    memcmp(simd.data, scalar.data, simd.len) != 0)
		fail_msg("SSE2 and byte scans differ on [%.*s]: [%s] vs [%s]",
			 (int)len, sql, simd.data, scalar.data);
	adv_buf_release(&simd);
	adv_buf_release(&scalar);
}

static void adv_fp_percona__generated_statements__simd_equals_scalar(
	void **state)
{
	struct adv_buf b;
	unsigned i;

	(void)state;
	adv_buf_init(&b);
	for (i = 0; i < 100000; i++) {
		random_statement(&b, i % 2 == 0 ? 12 : 40);
		assert_same(b.data, b.len);
	}
	adv_buf_release(&b);
}

/* Every length from 0 to 80 of each text: the block edges at 16, 17, 18. */
static void adv_fp_percona__every_length__simd_equals_scalar(void **state)
{
	struct adv_buf b;
	unsigned i;

	(void)state;
	adv_buf_init(&b);
	for (i = 0; i < 2000; i++) {
		size_t len;

		random_statement(&b, 30);
		for (len = 0; len <= 80 && len <= b.len; len++)
			assert_same(b.data, len);
	}
	adv_buf_release(&b);
}

static void adv_fp_next_record__generated_text__simd_equals_scalar(void **state)
{
	struct adv_buf text;
	struct adv_buf one;
	size_t pos = 0;
	size_t spos = 0;
	unsigned i;

	(void)state;
	adv_buf_init(&text);
	adv_buf_init(&one);
	for (i = 0; i < 20000; i++) {
		random_statement(&one, 8);
		adv_buf_add(&text, one.data, one.len);
		adv_buf_addstr(&text, rng(4) == 0 ? ";\n" : ";");
	}
	for (;;) {
		size_t start = 0;
		size_t rlen = 0;
		size_t sstart = 0;
		size_t srlen = 0;
		int more = adv_fp_next_record(text.data, text.len, &pos, &start,
					      &rlen);
		int smore = scalar_fp_next_record(text.data, text.len, &spos,
						  &sstart, &srlen);

		assert_int_equal(more, smore);
		if (!more)
			break;
		assert_int_equal(pos, spos);
		assert_int_equal(start, sstart);
		assert_int_equal(rlen, srlen);
	}
	adv_buf_release(&text);
	adv_buf_release(&one);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			adv_fp_percona__generated_statements__simd_equals_scalar),
		cmocka_unit_test(
			adv_fp_percona__every_length__simd_equals_scalar),
		cmocka_unit_test(
			adv_fp_next_record__generated_text__simd_equals_scalar),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	adv_fp_thread_release();
	scalar_fp_thread_release();
	return failed;
}
