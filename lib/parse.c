#include "parse.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "banned.h"

enum adv_status adv_parse_int64(const char *s, int64_t min, int64_t max,
				const char *what, int64_t *out,
				struct adv_error *err)
{
	char *end = NULL;
	long long v;

	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return adv_error_set(err, ADV_EUSAGE,
				     "invalid number '%s' for %s",
				     s == NULL ? "" : s, what);
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0')
		return adv_error_set(err, ADV_EUSAGE,
				     "invalid number '%s' for %s", s, what);
	if (v < min || v > max)
		return adv_error_set(
			err, ADV_EUSAGE,
			"%s must be between %lld and %lld, not '%s'", what,
			(long long)min, (long long)max, s);
	*out = (int64_t)v;
	return ADV_OK;
}

/* Splits "12.5MB" into 12.5 and "MB"; the number part must be finite. */
static int split_number(const char *s, double *num, const char **unit)
{
	char *end = NULL;

	if (s == NULL || *s == '\0' || isspace((unsigned char)*s) ||
	    *s == '-' || *s == '+')
		return -1;
	if (!isdigit((unsigned char)*s) && *s != '.')
		return -1;
	errno = 0;
	*num = strtod(s, &end);
	if (errno != 0 || end == s || !isfinite(*num))
		return -1;
	while (*end == ' ')
		end++;
	*unit = end;
	return 0;
}

enum adv_status adv_parse_size(const char *s, int64_t max, const char *what,
			       int64_t *out, struct adv_error *err)
{
	static const struct {
		const char *name;
		double factor;
	} units[] = {
		{"", 1},
		{"B", 1},
		{"bytes", 1},
		{"kB", 1024.0},
		{"KB", 1024.0},
		{"K", 1024.0},
		{"MB", 1024.0 * 1024},
		{"M", 1024.0 * 1024},
		{"GB", 1024.0 * 1024 * 1024},
		{"G", 1024.0 * 1024 * 1024},
		{"TB", 1024.0 * 1024 * 1024 * 1024},
		{"T", 1024.0 * 1024 * 1024 * 1024},
	};
	double num;
	const char *unit;
	size_t i;

	if (split_number(s, &num, &unit) != 0)
		return adv_error_set(err, ADV_EUSAGE,
				     "invalid size '%s' for %s (e.g. 10MB)",
				     s == NULL ? "" : s, what);
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(unit, units[i].name) == 0) {
			double bytes = floor(num * units[i].factor);

			/* (double)INT64_MAX rounds up to 2^63: compare below
			 * it, or the cast overflows */
			if (bytes >= 9223372036854775807.0 ||
			    bytes > (double)max)
				return adv_error_set(err, ADV_EUSAGE,
						     "%s is too large: '%s'",
						     what, s);
			*out = (int64_t)bytes;
			return ADV_OK;
		}
	}
	return adv_error_set(
		err, ADV_EUSAGE,
		"unknown size unit '%s' in '%s' for %s (use B, kB, MB, GB, TB)",
		unit, s, what);
}

enum adv_status adv_parse_duration(const char *s, double max_seconds,
				   const char *what, double *out,
				   struct adv_error *err)
{
	static const struct {
		const char *name;
		double seconds;
	} units[] = {
		{"", 1},      {"us", 1e-6},   {"ms", 1e-3},    {"s", 1},
		{"sec", 1},   {"m", 60},      {"min", 60},     {"h", 3600},
		{"d", 86400}, {"day", 86400}, {"days", 86400}, {"w", 604800},
	};
	double num;
	const char *unit;
	size_t i;

	if (split_number(s, &num, &unit) != 0)
		return adv_error_set(
			err, ADV_EUSAGE,
			"invalid duration '%s' for %s (e.g. 7d, 12h, 30min)",
			s == NULL ? "" : s, what);
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(unit, units[i].name) == 0) {
			double secs = num * units[i].seconds;

			if (secs > max_seconds)
				return adv_error_set(err, ADV_EUSAGE,
						     "%s is too large: '%s'",
						     what, s);
			*out = secs;
			return ADV_OK;
		}
	}
	return adv_error_set(
		err, ADV_EUSAGE,
		"unknown duration unit '%s' in '%s' for %s (use ms, s, min, h, d, w)",
		unit, s, what);
}

void adv_format_size(int64_t bytes, char *out, int outlen)
{
	static const char *const names[] = {"kB", "MB", "GB", "TB", "PB"};
	double v = (double)bytes / 1024;
	int i = 0;

	if (bytes < 1024) {
		snprintf(out, (size_t)outlen, "%lld bytes", (long long)bytes);
		return;
	}
	while (v >= 1024 && i < 4) {
		v /= 1024;
		i++;
	}
	if (v < 10)
		snprintf(out, (size_t)outlen, "%.1f %s", v, names[i]);
	else
		snprintf(out, (size_t)outlen, "%.0f %s", v, names[i]);
}

void adv_format_duration(double seconds, char *out, int outlen)
{
	if (seconds < 120)
		snprintf(out, (size_t)outlen, "%.0f s", seconds);
	else if (seconds < 7200)
		snprintf(out, (size_t)outlen, "%.0f min", seconds / 60);
	else if (seconds < 2 * 86400)
		snprintf(out, (size_t)outlen, "%.1f h", seconds / 3600);
	else
		snprintf(out, (size_t)outlen, "%.0f days", seconds / 86400);
}
