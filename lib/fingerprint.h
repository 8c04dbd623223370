#ifndef ADV_FINGERPRINT_H
#define ADV_FINGERPRINT_H

#include <stddef.h>

#include "buf.h"
#include "status.h"

/*
 * Query fingerprints in two conventions (patterns-catalog.md section 6), for
 * "ip-patterns --fingerprint".
 *
 * ADV_FP_PERCONA: the normalized text is byte for byte what pt-fingerprint
 * (percona-toolkit 3.2.1, no options) prints for the statement, quirks
 * included (it is a chain of regular expressions: "a-b" becomes "a?",
 * "0xFF" becomes "?ff", TRUE and FALSE are kept, everything after the
 * first row of a multi-row INSERT is dropped). The fingerprint is the
 * 64-bit FNV-1a (adv_fnv1a from ADV_FNV_OFFSET) of the normalized text,
 * printed as 16 lower-case hex digits. It never fails.
 *
 * ADV_FP_POSTGRES: the normalized text is libpg_query's pg_query_normalize
 * output (constants as $n) and the fingerprint is pg_query's fingerprint.
 * A statement the PostgreSQL parser refuses is ADV_EINPUT.
 */
enum adv_fp_convention { ADV_FP_PERCONA, ADV_FP_POSTGRES };

/*
 * Fingerprints the len bytes at sql (which need not be NUL-terminated and
 * may contain several statements: percona treats it as one string). The
 * normalized text is appended to *normalized (caller-owned, initialised);
 * hex receives 16 lower-case hex digits and a NUL. On failure nothing is
 * appended, hex is "" and err says why.
 */
enum adv_status adv_fingerprint(const char *sql, size_t len,
				enum adv_fp_convention conv,
				struct adv_buf *normalized, char hex[17],
				struct adv_error *err);

/*
 * The percona normalization alone: appends pt-fingerprint's output for the
 * len bytes at sql to *out. Linear passes over two per-thread scratch
 * buffers kept between calls (thread-safe, no allocation once grown); no
 * regular expressions.
 */
void adv_fp_percona(const char *sql, size_t len, struct adv_buf *out);

/* Frees the calling thread's scratch buffers (a thread that used
 * adv_fp_percona calls it before it ends). */
void adv_fp_thread_release(void);

/* "percona" / "postgres" to the enum; -1 when the name is neither. */
int adv_fp_convention_parse(const char *name);
const char *adv_fp_convention_name(enum adv_fp_convention conv);

/*
 * How pt-fingerprint splits a file into queries: records end at ";\n"
 * (the separator is removed; a ';' followed by anything else, "\r\n"
 * included, stays in the query). Finds the record starting at *pos in
 * text[0..len): sets *start and *rlen and advances *pos past the
 * separator. Leading whitespace and lines that start with '#' and
 * something more are not part of a record (pt-fingerprint strips them).
 * Returns 0 at the end of text.
 */
int adv_fp_next_record(const char *text, size_t len, size_t *pos, size_t *start,
		       size_t *rlen);

/*
 * Whether pt-fingerprint prints nothing for the record at text[start..]
 * (start as adv_fp_next_record set it): when, once the lines that start
 * with '#' and something more are dropped and leading whitespace is cut,
 * it is empty or does not start with a word character (a comment, a
 * parenthesis). *normalized is not needed for that.
 */
int adv_fp_record_skipped(const char *text, size_t start, size_t rlen,
			  const struct adv_buf *normalized);

#endif
