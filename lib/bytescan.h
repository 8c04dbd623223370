/*
 * Byte scans for the hot loops of the fingerprint path, sixteen bytes at a
 * time where the compiler targets SSE2 (every x86-64) and a byte at a time
 * elsewhere or with ADV_NO_SIMD defined; both give the same answers
 * (tests/unit/test_fingerprint_scalar.c holds them to it). The statements they
 * look at are a hundred bytes or so, where a call into libc's memchr costs more
 * than the scan itself.
 */
#ifndef ADV_BYTESCAN_H
#define ADV_BYTESCAN_H

#include <stddef.h>

#if defined(__SSE2__) && !defined(ADV_NO_SIMD)
#include <emmintrin.h>
#define ADV_SCAN_SSE2 1

static inline __m128i adv_scan_load(const char *p)
{
	return _mm_loadu_si128((const __m128i *)(const void *)p);
}

static inline unsigned adv_scan_mask(__m128i m)
{
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The first i with s[i] == c, or n: memchr without the call. */
static inline size_t adv_scan_byte(const char *s, size_t n, char c)
{
	size_t i = 0;

#ifdef ADV_SCAN_SSE2
	const __m128i want = _mm_set1_epi8(c);

	for (; i + 16 <= n; i += 16) {
		unsigned m = adv_scan_mask(
			_mm_cmpeq_epi8(adv_scan_load(s + i), want));

		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i < n; i++)
		if (s[i] == c)
			return i;
	return n;
}

/* How many of the n bytes at s are c. */
static inline size_t adv_scan_count(const char *s, size_t n, char c)
{
	size_t count = 0;
	size_t i = 0;

#ifdef ADV_SCAN_SSE2
	const __m128i want = _mm_set1_epi8(c);
	const __m128i zero = _mm_setzero_si128();

	while (i + 16 <= n) {
		__m128i acc = zero;
		__m128i sum;
		int k;

		/* each byte lane counts up to 255 before it is summed */
		for (k = 0; k < 255 && i + 16 <= n; k++, i += 16)
			acc = _mm_sub_epi8(
				acc,
				_mm_cmpeq_epi8(adv_scan_load(s + i), want));
		sum = _mm_sad_epu8(acc, zero);
		count += (size_t)_mm_cvtsi128_si32(sum) +
			 (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
	}
#endif
	for (; i < n; i++)
		count += s[i] == c;
	return count;
}

/*
 * The first i with s[i] == c0 and s[i + 1] == c1, or n when there is none.
 */
static inline size_t adv_scan_pair(const char *s, size_t n, char c0, char c1)
{
	size_t i = 0;

#ifdef ADV_SCAN_SSE2
	const __m128i a = _mm_set1_epi8(c0);
	const __m128i b = _mm_set1_epi8(c1);

	for (; i + 17 <= n; i += 16) {
		unsigned m = adv_scan_mask(_mm_and_si128(
			_mm_cmpeq_epi8(adv_scan_load(s + i), a),
			_mm_cmpeq_epi8(adv_scan_load(s + i + 1), b)));

		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i + 1 < n; i++)
		if (s[i] == c0 && s[i + 1] == c1)
			return i;
	return n;
}

/*
 * The first of the n bytes at s that a JSON string cannot hold as it is
 * (a control character, '"' or '\\'), or n.
 */
static inline size_t adv_scan_json_special(const char *s, size_t n)
{
	size_t i = 0;

#ifdef ADV_SCAN_SSE2
	const __m128i ctl = _mm_set1_epi8(0x1F);
	const __m128i quote = _mm_set1_epi8('"');
	const __m128i bslash = _mm_set1_epi8('\\');

	for (; i + 16 <= n; i += 16) {
		__m128i v = adv_scan_load(s + i);
		__m128i m =
			_mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl),
				     _mm_or_si128(_mm_cmpeq_epi8(v, quote),
						  _mm_cmpeq_epi8(v, bslash)));
		unsigned bits = adv_scan_mask(m);

		if (bits != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == '"' || c == '\\')
			return i;
	}
	return n;
}

#endif
