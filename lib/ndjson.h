#ifndef ADV_NDJSON_H
#define ADV_NDJSON_H

#include <stdio.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "status.h"

/* Default cap on one input line: larger lines are rejected, not buffered. */
#define ADV_NDJSON_MAX_LINE ((size_t)16 * 1024 * 1024)

/*
 * A streaming reader of newline-delimited JSON objects. Memory is bounded by
 * max_line: an oversized line is skipped to its end without being stored.
 * Blank lines are skipped. Every error names "file:line".
 */
struct adv_ndjson_reader {
	FILE *fp;
	int owns_fp;
	char *name;  /* "<stdin>" or the path */
	long lineno; /* line of the record last returned */
	size_t max_line;
	struct adv_buf line;
	int at_eof;
};

/*
 * Opens path ("-" for stdin). max_line 0 means ADV_NDJSON_MAX_LINE.
 * Fails with ADV_EIO when the file cannot be opened.
 */
enum adv_status adv_ndjson_open(struct adv_ndjson_reader *r, const char *path,
				size_t max_line, struct adv_error *err);

/* Reads from an already open stream; name is used in messages. */
void adv_ndjson_init_stream(struct adv_ndjson_reader *r, FILE *fp,
			    const char *name, size_t max_line);

/*
 * Reads the next record into *out (caller frees with cJSON_Delete).
 * At end of input returns ADV_OK with *out == NULL. A malformed line returns
 * ADV_EINPUT with the line consumed, so a caller that keeps going may call
 * again; a read error returns ADV_EIO.
 */
enum adv_status adv_ndjson_next(struct adv_ndjson_reader *r, cJSON **out,
				struct adv_error *err);

void adv_ndjson_close(struct adv_ndjson_reader *r);

/* Serialises rec compactly followed by '\n' into b (appends). */
void adv_ndjson_format(struct adv_buf *b, const cJSON *rec);

#endif
