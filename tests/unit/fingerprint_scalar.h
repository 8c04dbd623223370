/*
 * lib/fingerprint.c built a second time, without SSE2 (ADV_NO_SIMD), with
 * its public functions named scalar_* instead of adv_*: the reference the
 * sixteen-byte scans are held to by test_fingerprint_scalar.c and
 * tests/fuzz/fuzz_fingerprint.c. Include it once, after fingerprint.h.
 */
#ifndef IP_FINGERPRINT_SCALAR_H
#define IP_FINGERPRINT_SCALAR_H

#include "buf.h"
#include "fingerprint.h"

void scalar_fp_percona(const char *sql, size_t len, struct adv_buf *out);
void scalar_fp_thread_release(void);
enum adv_status scalar_fingerprint(const char *sql, size_t len,
				   enum adv_fp_convention conv,
				   struct adv_buf *normalized, char hex[17],
				   struct adv_error *err);
int scalar_fp_convention_parse(const char *name);
const char *scalar_fp_convention_name(enum adv_fp_convention conv);
int scalar_fp_next_record(const char *text, size_t len, size_t *pos,
			  size_t *start, size_t *rlen);
int scalar_fp_record_skipped(const char *text, size_t start, size_t rlen,
			     const struct adv_buf *normalized);

#define ADV_NO_SIMD		1
#define adv_fp_percona		scalar_fp_percona
#define adv_fp_thread_release	scalar_fp_thread_release
#define adv_fingerprint		scalar_fingerprint
#define adv_fp_convention_parse scalar_fp_convention_parse
#define adv_fp_convention_name	scalar_fp_convention_name
#define adv_fp_next_record	scalar_fp_next_record
#define adv_fp_record_skipped	scalar_fp_record_skipped
#include "../../lib/fingerprint.c"
#undef adv_fp_percona
#undef adv_fp_thread_release
#undef adv_fingerprint
#undef adv_fp_convention_parse
#undef adv_fp_convention_name
#undef adv_fp_next_record
#undef adv_fp_record_skipped

#endif
