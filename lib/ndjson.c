#include "ndjson.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

enum adv_status adv_ndjson_open(struct adv_ndjson_reader *r, const char *path,
				size_t max_line, struct adv_error *err)
{
	FILE *fp;

	if (strcmp(path, "-") == 0) {
		adv_ndjson_init_stream(r, stdin, "<stdin>", max_line);
		return ADV_OK;
	}
	fp = fopen(path, "r");
	if (fp == NULL) {
		memset(r, 0, sizeof(*r));
		adv_buf_init(&r->line);
		return adv_error_set(err, ADV_EIO, "cannot open '%s': %s", path,
				     strerror(errno));
	}
	adv_ndjson_init_stream(r, fp, path, max_line);
	r->owns_fp = 1;
	return ADV_OK;
}

void adv_ndjson_init_stream(struct adv_ndjson_reader *r, FILE *fp,
			    const char *name, size_t max_line)
{
	memset(r, 0, sizeof(*r));
	r->fp = fp;
	r->name = adv_xstrdup(name);
	r->max_line = max_line == 0 ? ADV_NDJSON_MAX_LINE : max_line;
	adv_buf_init(&r->line);
}

void adv_ndjson_close(struct adv_ndjson_reader *r)
{
	if (r->owns_fp && r->fp != NULL)
		fclose(r->fp);
	r->fp = NULL;
	free(r->name);
	r->name = NULL;
	adv_buf_release(&r->line);
}

/*
 * Reads one physical line into r->line without its newline. Returns 1 when a
 * line was read, 0 at end of input; sets *too_long when the line exceeded the
 * cap (its content is then discarded, never stored) and *unterminated when
 * the input ended without a newline. Bytes are read one at a time through
 * the stdio buffer so that a NUL byte is data, not an end of string.
 */
static int read_line(struct adv_ndjson_reader *r, int *too_long,
		     int *unterminated)
{
	char chunk[4096];
	size_t n = 0;
	int got_any = 0;
	int c;

	adv_buf_reset(&r->line);
	*too_long = 0;
	*unterminated = 0;
	for (;;) {
		c = getc(r->fp);
		if (c == EOF || c == '\n')
			break;
		got_any = 1;
		if (*too_long)
			continue;
		if (r->line.len + n >= r->max_line) {
			*too_long = 1;
			n = 0;
			adv_buf_release(&r->line);
			continue;
		}
		chunk[n++] = (char)c;
		if (n == sizeof(chunk)) {
			adv_buf_add(&r->line, chunk, n);
			n = 0;
		}
	}
	if (n > 0)
		adv_buf_add(&r->line, chunk, n);
	if (c == EOF && got_any)
		*unterminated = 1;
	return got_any || c == '\n';
}

static int is_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	}
	return 1;
}

enum adv_status adv_ndjson_next(struct adv_ndjson_reader *r, cJSON **out,
				struct adv_error *err)
{
	*out = NULL;
	for (;;) {
		int too_long;
		int unterminated;
		const char *end = NULL;
		cJSON *json;

		if (r->at_eof)
			return ADV_OK;
		if (!read_line(r, &too_long, &unterminated)) {
			r->at_eof = 1;
			if (ferror(r->fp))
				return adv_error_set(err, ADV_EIO,
						     "cannot read '%s': %s",
						     r->name, strerror(errno));
			return ADV_OK;
		}
		r->lineno++;
		if (too_long)
			return adv_error_set(
				err, ADV_EINPUT,
				"line longer than %zu bytes at '%s:%ld'",
				r->max_line, r->name, r->lineno);
		if (memchr(r->line.data, '\0', r->line.len) != NULL)
			return adv_error_set(err, ADV_EINPUT,
					     "NUL byte in record at '%s:%ld'",
					     r->name, r->lineno);
		if (is_blank(r->line.data, r->line.len))
			continue;
		json = cJSON_ParseWithLengthOpts(r->line.data, r->line.len,
						 &end, 0);
		if (json == NULL) {
			if (unterminated)
				return adv_error_set(
					err, ADV_EINPUT,
					"truncated record at '%s:%ld'", r->name,
					r->lineno);
			return adv_error_set(
				err, ADV_EINPUT,
				"malformed JSON at '%s:%ld' near column %ld",
				r->name, r->lineno,
				end == NULL ? 1L
					    : (long)(end - r->line.data) + 1);
		}
		if (end != NULL &&
		    !is_blank(end,
			      r->line.len - (size_t)(end - r->line.data))) {
			cJSON_Delete(json);
			return adv_error_set(
				err, ADV_EINPUT,
				"trailing data after the record at '%s:%ld'",
				r->name, r->lineno);
		}
		if (!cJSON_IsObject(json)) {
			cJSON_Delete(json);
			return adv_error_set(
				err, ADV_EINPUT,
				"record is not a JSON object at '%s:%ld'",
				r->name, r->lineno);
		}
		*out = json;
		return ADV_OK;
	}
}

void adv_ndjson_format(struct adv_buf *b, const cJSON *rec)
{
	char *text = cJSON_PrintUnformatted(rec);

	if (text == NULL)
		abort();
	adv_buf_addstr(b, text);
	adv_buf_addch(b, '\n');
	free(text);
}
