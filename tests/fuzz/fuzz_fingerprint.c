/*
 * libFuzzer target for the percona fingerprints (lib/fingerprint.c).
 *
 * The library's own build scans sixteen bytes at a time with SSE2; this
 * target also compiles lib/fingerprint.c a second time without it, under
 * other names, and aborts when the two normalize a statement differently
 * or split a text into different records. The sanitizers see every read
 * of the sixteen-byte loops: the input is copied to a buffer of its exact
 * size.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fingerprint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "../unit/fingerprint_scalar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size == 0 ? 1 : size);
	struct adv_buf simd;
	struct adv_buf scalar;
	size_t pos = 0;
	size_t spos = 0;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	adv_buf_init(&simd);
	adv_buf_init(&scalar);
	/* the whole input as one statement */
	adv_fp_percona(text, size, &simd);
	scalar_fp_percona(text, size, &scalar);
	if (simd.len != scalar.len ||
	    memcmp(simd.data, scalar.data, simd.len) != 0)
		abort();
	/* and as pt-fingerprint splits it, record by record */
	for (;;) {
		size_t start = 0;
		size_t rlen = 0;
		size_t sstart = 0;
		size_t srlen = 0;
		int more = adv_fp_next_record(text, size, &pos, &start, &rlen);

		if (more !=
		    scalar_fp_next_record(text, size, &spos, &sstart, &srlen))
			abort();
		if (!more)
			break;
		if (pos != spos || start != sstart || rlen != srlen ||
		    start + rlen > size)
			abort();
		adv_buf_reset(&simd);
		adv_buf_reset(&scalar);
		adv_fp_percona(text + start, rlen, &simd);
		scalar_fp_percona(text + start, rlen, &scalar);
		if (simd.len != scalar.len ||
		    memcmp(simd.data, scalar.data, simd.len) != 0)
			abort();
	}
	adv_buf_release(&simd);
	adv_buf_release(&scalar);
	free(text);
	return 0;
}
