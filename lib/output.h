#ifndef ADV_OUTPUT_H
#define ADV_OUTPUT_H

#include <stdio.h>

#include <cjson/cJSON.h>

#include "status.h"

enum adv_format {
	ADV_FORMAT_AUTO = 0,
	ADV_FORMAT_NDJSON,
	ADV_FORMAT_TEXT,
	ADV_FORMAT_CSV
};

/* Parses "auto", "ndjson", "json", "text", "csv". */
enum adv_status adv_format_parse(const char *s, enum adv_format *out,
				 struct adv_error *err);

/*
 * The one place records are written. NDJSON is flushed per record when the
 * stream is a pipe or terminal; text and CSV are for people and spreadsheets.
 * A write that fails with EPIPE ends the process by SIGPIPE (quietly, like
 * git's check_pipe); any other write error is ADV_EIO.
 *
 * Text: findings are collected and printed as a table on close, summary and
 * warning records as readable lines, other records as one line each.
 * CSV (RFC 4180 through libcsv): a header row whenever the record type
 * changes, then the type's scalar keys; findings get a fixed column set.
 */
struct adv_output;

/* format AUTO picks text for a terminal, NDJSON otherwise. color: -1 auto
 * (a terminal without NO_COLOR and TERM=dumb), 0 never, 1 always. */
struct adv_output *adv_output_new(FILE *fp, const char *name,
				  enum adv_format format, int color);
enum adv_format adv_output_format(const struct adv_output *out);
/*
 * A record already serialised as one NDJSON line (with its newline), for
 * callers that write many small records in a loop and build them faster
 * than through cJSON; only for the ndjson format.
 */
enum adv_status adv_output_ndjson_line(struct adv_output *out, const char *line,
				       size_t len, struct adv_error *err);
/*
 * Batch mode: records to a pipe or terminal are no longer flushed one by
 * one; the caller flushes with adv_output_flush() before it may block
 * (ip-patterns before each read of its input), so a reader downstream
 * still sees every record as soon as the writer waits.
 */
void adv_output_set_batch(struct adv_output *out, int on);
enum adv_status adv_output_flush(struct adv_output *out, struct adv_error *err);
enum adv_status adv_output_record(struct adv_output *out, const cJSON *rec,
				  struct adv_error *err);
/* Prints anything buffered (the text table) and flushes. */
enum adv_status adv_output_finish(struct adv_output *out,
				  struct adv_error *err);
/* Frees; accepts NULL. Does not close the stream. */
void adv_output_free(struct adv_output *out);

#endif
