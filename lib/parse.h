#ifndef ADV_PARSE_H
#define ADV_PARSE_H

#include <stdint.h>

#include "status.h"

/*
 * Range-checked parsers for option values. Each accepts the whole string or
 * fails with ADV_EUSAGE and a message naming the value; *out is written only
 * on success. what names the option in the message ("--port").
 */

/* A decimal integer in [min, max]. */
enum adv_status adv_parse_int64(const char *s, int64_t min, int64_t max,
				const char *what, int64_t *out,
				struct adv_error *err);

/*
 * A size in bytes: a number with an optional unit B, kB/KB, MB, GB, TB
 * (powers of 1024, as PostgreSQL's memory units), e.g. "10MB", "1.5GB",
 * "512". Result in [0, max].
 */
enum adv_status adv_parse_size(const char *s, int64_t max, const char *what,
			       int64_t *out, struct adv_error *err);

/*
 * A duration: a number with a unit us, ms, s, min (or m), h, d, w, e.g.
 * "7d", "90min", "1.5h"; a bare number is seconds. Result in seconds,
 * in [0, max_seconds].
 */
enum adv_status adv_parse_duration(const char *s, double max_seconds,
				   const char *what, double *out,
				   struct adv_error *err);

/* Formats bytes for people: "512 bytes", "16 kB", "1.5 MB". */
void adv_format_size(int64_t bytes, char *out, int outlen);

/* Formats seconds for people: "45 s", "12 min", "3.0 h", "41 days". */
void adv_format_duration(double seconds, char *out, int outlen);

#endif
