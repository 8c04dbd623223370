#ifndef IP_UNIT_H
#define IP_UNIT_H

/*
 * What every unit test includes: cmocka (which needs these four headers
 * first) and a few helpers for the things the library reads and writes,
 * JSON values, files and streams. Helpers are static inline so that a test
 * that does not use one gets no unused-function warning.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#define UNIT_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Parses JSON text, failing the test when it is not valid JSON. */
static inline cJSON *unit_json(const char *text)
{
	cJSON *json = cJSON_Parse(text);

	if (json == NULL)
		fail_msg("test fixture is not valid JSON: %s", text);
	return json;
}

/* The compact serialisation of a value; caller frees. */
static inline char *unit_json_text(const cJSON *json)
{
	char *text = cJSON_PrintUnformatted(json);

	assert_non_null(text);
	return text;
}

/* Asserts that a string contains a substring, showing both when not. */
#define unit_assert_contains(haystack, needle) \
	unit_assert_contains_at((haystack), (needle), __FILE__, __LINE__)

static inline void unit_assert_contains_at(const char *haystack,
					   const char *needle, const char *file,
					   int line)
{
	if (haystack == NULL || strstr(haystack, needle) == NULL)
		fail_msg("%s:%d: '%s' does not contain '%s'", file, line,
			 haystack == NULL ? "(null)" : haystack, needle);
}

#define unit_assert_not_contains(haystack, needle) \
	unit_assert_not_contains_at((haystack), (needle), __FILE__, __LINE__)

static inline void unit_assert_not_contains_at(const char *haystack,
					       const char *needle,
					       const char *file, int line)
{
	if (haystack != NULL && strstr(haystack, needle) != NULL)
		fail_msg("%s:%d: '%s' contains '%s'", file, line, haystack,
			 needle);
}

/*
 * Writes len bytes to a new temporary file and returns its path (caller
 * removes it with unit_tmpfile_remove). The directory is $TMPDIR or /tmp.
 */
static inline char *unit_tmpfile(const void *data, size_t len)
{
	const char *dir = getenv("TMPDIR");
	size_t cap;
	char *path;
	int fd;
	FILE *fp;

	if (dir == NULL || dir[0] == '\0')
		dir = "/tmp";
	cap = strlen(dir) + sizeof("/ip-unit-XXXXXX");
	path = malloc(cap);
	assert_non_null(path);
	snprintf(path, cap, "%s/ip-unit-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0)
		fail_msg("cannot create a temporary file in '%s'", dir);
	fp = fdopen(fd, "wb");
	assert_non_null(fp);
	if (len > 0)
		assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	return path;
}

static inline char *unit_tmpfile_str(const char *text)
{
	return unit_tmpfile(text, strlen(text));
}

static inline void unit_tmpfile_remove(char *path)
{
	if (path == NULL)
		return;
	unlink(path);
	free(path);
}

/*
 * A memory stream for capturing what the output module writes:
 * unit_capture_open gives a FILE *, unit_capture_text flushes it and
 * returns everything written so far (valid until the next write or close),
 * unit_capture_close releases both.
 */
struct unit_capture {
	FILE *fp;
	char *data;
	size_t len;
};

static inline FILE *unit_capture_open(struct unit_capture *c)
{
	c->data = NULL;
	c->len = 0;
	c->fp = open_memstream(&c->data, &c->len);
	assert_non_null(c->fp);
	return c->fp;
}

static inline const char *unit_capture_text(struct unit_capture *c)
{
	assert_int_equal(fflush(c->fp), 0);
	return c->data == NULL ? "" : c->data;
}

static inline void unit_capture_close(struct unit_capture *c)
{
	if (c->fp != NULL)
		fclose(c->fp);
	free(c->data);
	c->fp = NULL;
	c->data = NULL;
	c->len = 0;
}

/*
 * A read-only stream over a string (fmemopen), for feeding readers. The
 * string must outlive the stream; len 0 is allowed (an empty input).
 */
static inline FILE *unit_input(const char *data, size_t len)
{
	FILE *fp;

	/* fmemopen of size 0 is EINVAL on some libcs: use an empty file */
	if (len == 0)
		fp = tmpfile();
	else
		fp = fmemopen((void *)data, len, "r");
	assert_non_null(fp);
	return fp;
}

/* The keys of a JSON object joined by ',' ("type,v,ts,src"); caller frees. */
static inline char *unit_json_keys(const cJSON *obj)
{
	const cJSON *item;
	size_t cap = 1;
	char *s;

	cJSON_ArrayForEach (item, obj) {
		cap += strlen(item->string) + 1;
	}
	s = calloc(1, cap);
	assert_non_null(s);
	cJSON_ArrayForEach (item, obj) {
		if (s[0] != '\0')
			memcpy(s + strlen(s), ",", 2);
		memcpy(s + strlen(s), item->string, strlen(item->string) + 1);
	}
	return s;
}

#endif
