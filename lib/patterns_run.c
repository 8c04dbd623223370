#include "patterns_run.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "bytescan.h"
#include "log.h"
#include "model.h"
#include "ndjson.h"
#include "plan.h"
#include "plan_rules.h"
#include "record.h"
#include "report.h"
#include "sqllex.h"
#include "workload_rules.h"
#include "banned.h"

/* Bytes read from an input at a time; a statement longer than this grows
 * the buffer, so memory follows the longest statement, not the file. */
#define CHUNK ((size_t)256 * 1024)

int adv_patterns_dialect_parse(const char *s)
{
	if (strcmp(s, "pg") == 0 || strcmp(s, "postgres") == 0 ||
	    strcmp(s, "postgresql") == 0)
		return ADV_DIALECT_PG;
	if (strcmp(s, "my") == 0 || strcmp(s, "mysql") == 0 ||
	    strcmp(s, "mariadb") == 0)
		return ADV_DIALECT_MY;
	if (strcmp(s, "ms") == 0 || strcmp(s, "mssql") == 0 ||
	    strcmp(s, "sqlserver") == 0 || strcmp(s, "tsql") == 0)
		return ADV_DIALECT_MS;
	return -1;
}

static int dialect_of_engine(const char *engine)
{
	if (engine == NULL)
		return -1;
	if (strcmp(engine, "postgresql") == 0)
		return ADV_DIALECT_PG;
	if (strcmp(engine, "mysql") == 0 || strcmp(engine, "mariadb") == 0)
		return ADV_DIALECT_MY;
	if (strcmp(engine, "mssql") == 0)
		return ADV_DIALECT_MS;
	return -1;
}

/* ---- reading an input in chunks ---- */

struct source {
	FILE *fp;
	int owns;
	struct adv_output *out; /* flushed before a read may block */
	const char *name;	/* for messages and findings: the path or "-" */
	struct adv_buf buf;
	int eof;
};

static enum adv_status source_open(struct source *s, const char *path,
				   struct adv_error *err)
{
	memset(s, 0, sizeof(*s));
	adv_buf_init(&s->buf);
	if (path == NULL || strcmp(path, "-") == 0) {
		s->fp = stdin;
		s->name = "-";
		return ADV_OK;
	}
	s->fp = fopen(path, "rb");
	if (s->fp == NULL) {
		adv_buf_release(&s->buf);
		return adv_error_set(err, ADV_EIO, "cannot open '%s': %s", path,
				     strerror(errno));
	}
	s->owns = 1;
	s->name = path;
	return ADV_OK;
}

static void source_close(struct source *s)
{
	if (s->owns && s->fp != NULL)
		fclose(s->fp);
	adv_buf_release(&s->buf);
}

/* Appends up to CHUNK bytes; sets eof at the end. */
static enum adv_status source_fill(struct source *s, struct adv_error *err)
{
	size_t n;

	if (s->eof)
		return ADV_OK;
	adv_buf_grow(&s->buf, CHUNK);
	n = fread(s->buf.data + s->buf.len, 1, CHUNK, s->fp);
	s->buf.len += n;
	s->buf.data[s->buf.len] = '\0';
	if (n < CHUNK) {
		if (ferror(s->fp))
			return adv_error_set(err, ADV_EIO,
					     "cannot read '%s': %s", s->name,
					     strerror(errno));
		s->eof = 1;
	}
	return ADV_OK;
}

static enum adv_status source_read_all(struct source *s, struct adv_error *err)
{
	enum adv_status st = ADV_OK;

	while (!s->eof && st == ADV_OK)
		st = source_fill(s, err);
	return st;
}

/* Drops the first n bytes of the buffer. */
static void source_consume(struct source *s, size_t n)
{
	memmove(s->buf.data, s->buf.data + n, s->buf.len - n);
	s->buf.len -= n;
	s->buf.data[s->buf.len] = '\0';
}

/* The newlines in text[0, n): a loop the compiler vectorizes, faster
 * than a memchr call per short line. */
static unsigned count_newlines(const char *text, size_t n)
{
	return (unsigned)adv_scan_count(text, n, '\n');
}

/* Line and column after text[0, n) when text starts at line:column. */
static void advance_position(const char *text, size_t n, unsigned *line,
			     unsigned *column)
{
	const char *p = text + n;
	const char *end = text + n;
	unsigned lines = count_newlines(text, n);

	if (lines > 0) {
		*line += lines;
		*column = 1;
		while (p[-1] != '\n')
			p--;
	} else {
		p = text;
	}
	for (; p < end; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80)
			(*column)++;
	}
}

static enum adv_patterns_input sniff(const char *data, size_t len)
{
	size_t i = 0;

	while (i < len && (data[i] == ' ' || data[i] == '\t' ||
			   data[i] == '\n' || data[i] == '\r'))
		i++;
	if (i < len && data[i] == '{')
		return ADV_PATTERNS_INPUT_RECORDS;
	if (i < len && data[i] == '[')
		return ADV_PATTERNS_INPUT_PLAN;
	/* psql's text EXPLAIN: a header, or a first line that is a node */
	if (len - i >= 10 && strncmp(data + i, "QUERY PLAN", 10) == 0)
		return ADV_PATTERNS_INPUT_PLAN;
	for (; i + 6 <= len && data[i] != '\n'; i++) {
		if (memcmp(data + i, "(cost=", 6) == 0)
			return ADV_PATTERNS_INPUT_PLAN;
	}
	return ADV_PATTERNS_INPUT_SQL;
}

/* ---- the run ---- */

struct fp_worker {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int started;
	int job; /* 1: a job is waiting, 2: it is done */
	int quit;
	/* the job */
	const struct adv_buf *prefix;
	const char *data;
	size_t from;
	size_t to;
	int eof;
	unsigned base_line;
	size_t carry;
	size_t printed;
	struct adv_buf norm;
	struct adv_buf out;
};

struct run {
	const struct adv_patterns_opts *opts;
	struct adv_output *out;
	struct adv_report report;
	char ts[ADV_TS_LEN];
	const struct adv_source *src; /* of the records being read, or NULL */
	int over_risk;
	int max_risk; /* of the findings written (not in the baseline) */
	size_t fingerprints;
	/* fingerprint records: scratch buffers and the per-file prefix */
	struct adv_buf norm;
	struct adv_buf line;
	struct adv_buf prefix;
	const char *prefix_file;
	struct fp_worker worker;
};

static enum adv_status emit_finding(void *data, const struct adv_finding *f,
				    struct adv_error *err)
{
	struct run *r = data;
	const cJSON *risk =
		cJSON_GetObjectItemCaseSensitive(f->evidence, "risk");

	if (cJSON_IsNumber(risk) &&
	    !adv_report_in_baseline(&r->report, f->fingerprint)) {
		if (r->opts->max_risk >= 0 &&
		    risk->valuedouble > r->opts->max_risk)
			r->over_risk = 1;
		if (risk->valuedouble > r->max_risk)
			r->max_risk = (int)risk->valuedouble;
	}
	return adv_report_finding(&r->report, f, r->ts, r->src, err);
}

/*
 * SQL scripts in chunks: split only up to the last complete line (so that
 * a DELIMITER or GO line is never cut), check every statement that ended,
 * and carry the rest over to the next chunk.
 */
static enum adv_status run_sql(struct run *r, struct adv_pat_ctx *cx,
			       struct source *s, struct adv_error *err)
{
	enum adv_sql_dialect d = r->opts->dialect;
	char delimiter[ADV_SQL_DELIMITER_MAX + 1] = ";";
	size_t delimiter_len = 1;
	unsigned batch = 0;
	unsigned base_line = 1;
	unsigned base_column = 1;
	enum adv_status st = ADV_OK;

	for (;;) {
		struct adv_sql_splitter sp;
		struct adv_sql_statement stmt;
		size_t region;
		size_t carry;
		const char *nl;

		st = source_fill(s, err);
		if (st != ADV_OK)
			return st;
		if (s->eof) {
			region = s->buf.len;
		} else {
			nl = NULL;
			for (region = s->buf.len; region > 0; region--) {
				if (s->buf.data[region - 1] == '\n') {
					nl = s->buf.data + region - 1;
					break;
				}
			}
			if (nl == NULL)
				continue; /* no complete line yet */
		}
		adv_sql_splitter_init(&sp, s->buf.data, region, d, 0);
		memcpy(sp.delimiter, delimiter, delimiter_len + 1);
		sp.delimiter_len = delimiter_len;
		sp.batch = batch;
		carry = region;
		while (adv_sql_splitter_next(&sp, &stmt, NULL)) {
			unsigned line;
			unsigned column;

			if (!s->eof &&
			    (stmt.flags & ADV_STMT_TERMINATED) == 0) {
				carry = stmt.offset;
				break;
			}
			line = base_line + stmt.line - 1;
			column = stmt.line == 1 ? base_column + stmt.column - 1
						: stmt.column;
			st = adv_pat_check_text(
				cx, s->name, NULL, s->buf.data + stmt.offset,
				stmt.length, s->buf.data + stmt.note_offset,
				stmt.note_length, line, column, err);
			if (st != ADV_OK)
				return st;
			carry = adv_sql_statement_end(&stmt);
		}
		if (s->eof)
			return ADV_OK;
		memcpy(delimiter, sp.delimiter, sp.delimiter_len + 1);
		delimiter_len = sp.delimiter_len;
		batch = sp.batch;
		advance_position(s->buf.data, carry, &base_line, &base_column);
		source_consume(s, carry);
	}
}

/*
 * Writes s[0, n) as the inside of a JSON string at o, which has room for
 * 6 * n bytes (every byte escaped as \u00XX); returns the end.
 */
static char *json_escape_to(char *o, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t from = 0;

	for (;;) {
		size_t at = from + adv_scan_json_special(s + from, n - from);
		unsigned char c;

		memcpy(o, s + from, at - from);
		o += at - from;
		if (at == n)
			return o;
		c = (unsigned char)s[at];
		*o++ = '\\';
		if (c == '"' || c == '\\') {
			*o++ = (char)c;
		} else if (c == '\n') {
			*o++ = 'n';
		} else if (c == '\t') {
			*o++ = 't';
		} else if (c == '\r') {
			*o++ = 'r';
		} else {
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
		from = at + 1;
	}
}

/* Appends s[0, n) as the inside of a JSON string. */
static void json_escape(struct adv_buf *b, const char *s, size_t n)
{
	adv_buf_grow(b, 6 * n);
	b->len = (size_t)(json_escape_to(b->data + b->len, s, n) - b->data);
	b->data[b->len] = '\0';
}

/* Appends the literal's bytes at o and moves o past them. */
#define PUT_LITERAL(o, lit)                          \
	do {                                         \
		memcpy((o), (lit), sizeof(lit) - 1); \
		(o) += sizeof(lit) - 1;              \
	} while (0)

/*
 * The start of every fingerprint record of file, up to "line": (type, v,
 * ts, src, file), built once per input into r->prefix.
 */
static void fingerprint_prefix(struct run *r, const char *file)
{
	if (r->prefix_file == file)
		return;
	adv_buf_reset(&r->prefix);
	adv_buf_addstr(&r->prefix,
		       "{\"type\":\"fingerprint\",\"v\":1,\"ts\":\"");
	json_escape(&r->prefix, r->ts, strlen(r->ts));
	adv_buf_addstr(&r->prefix, "\",\"src\":null,\"file\":\"");
	json_escape(&r->prefix, file, strlen(file));
	adv_buf_addstr(&r->prefix, "\",\"line\":");
	r->prefix_file = file;
}

/*
 * One fingerprint record as an NDJSON line appended to out: the prefix,
 * then the rest written straight into out, sized once for the worst case.
 */
static void fingerprint_line(struct adv_buf *out, const struct adv_buf *prefix,
			     unsigned line, const char *convention,
			     const struct adv_buf *norm, const char hex[17])
{
	char digits[16];
	size_t nd = 0;
	size_t clen = strlen(convention);
	size_t k;
	char *o;

	adv_buf_grow(out,
		     prefix->len + sizeof(digits) + clen + 6 * norm->len + 96);
	o = out->data + out->len;
	memcpy(o, prefix->data, prefix->len);
	o += prefix->len;
	do {
		digits[sizeof(digits) - 1 - nd++] = (char)('0' + line % 10);
		line /= 10;
	} while (line > 0);
	memcpy(o, digits + sizeof(digits) - nd, nd);
	o += nd;
	PUT_LITERAL(o, ",\"convention\":\"");
	for (k = 0; k < clen; k++)
		*o++ = convention[k];
	PUT_LITERAL(o, "\",\"normalized\":\"");
	o = json_escape_to(o, norm->data, norm->len);
	PUT_LITERAL(o, "\",\"fingerprint\":\"");
	memcpy(o, hex, 16);
	o += 16;
	PUT_LITERAL(o, "\"}\n");
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
}

/*
 * One fingerprint record. NDJSON output is assembled by hand, not through
 * cJSON (fingerprint_line): a slow log has millions of statements and the
 * record is the same few keys every time; the other formats go through the
 * record as usual.
 */
static enum adv_status fingerprint_record(struct run *r, const char *file,
					  unsigned line, const char *text,
					  size_t len, struct adv_pat_ctx *cx,
					  struct adv_error *err)
{
	char hex[17];
	enum adv_status st;
	struct adv_error ferr;
	cJSON *rec;

	adv_buf_reset(&r->norm);
	adv_error_init(&ferr);
	st = adv_fingerprint(text, len, r->opts->convention, &r->norm, hex,
			     &ferr);
	if (st != ADV_OK) {
		/* the statement is reported like any that does not parse */
		return adv_pat_check_text(cx, file, NULL, text, len, NULL, 0,
					  line, 1, err);
	}
	if (r->opts->convention == ADV_FP_PERCONA &&
	    adv_fp_record_skipped(text, 0, len, &r->norm))
		return ADV_OK;
	r->fingerprints++;
	if (adv_output_format(r->out) == ADV_FORMAT_NDJSON) {
		fingerprint_prefix(r, file);
		adv_buf_reset(&r->line);
		fingerprint_line(&r->line, &r->prefix, line,
				 adv_fp_convention_name(r->opts->convention),
				 &r->norm, hex);
		return adv_output_ndjson_line(r->out, r->line.data, r->line.len,
					      err);
	}
	rec = adv_record_new("fingerprint", 1, r->ts, NULL);
	cJSON_AddStringToObject(rec, "file", file);
	cJSON_AddNumberToObject(rec, "line", line);
	cJSON_AddStringToObject(rec, "convention",
				adv_fp_convention_name(r->opts->convention));
	cJSON_AddStringToObject(rec, "normalized", r->norm.data);
	cJSON_AddStringToObject(rec, "fingerprint", hex);
	st = adv_output_record(r->out, rec, err);
	cJSON_Delete(rec);
	return st;
}

/* ---- percona fingerprints, on both cores ---- */

/*
 * The normalization is pure (per-thread scratch, nothing shared), so one
 * worker thread takes the second half of a chunk's queries while this one
 * does the first; the two halves are written in input order. A slow log
 * has millions of queries and pt-fingerprint is the baseline a DBA
 * compares with.
 */

/*
 * The queries of data[from, to) (from at a query boundary) as NDJSON
 * fingerprint records appended to out, with lines counted from line
 * (the line of from). A last query without its ";\n" is left for the
 * next chunk unless eof: *carry is where the unprinted rest starts.
 * Returns how many records were printed.
 */
static size_t scan_percona(const struct adv_buf *prefix, const char *data,
			   size_t from, size_t to, int eof, unsigned line,
			   struct adv_buf *norm, struct adv_buf *out,
			   size_t *carry)
{
	size_t pos = from;
	size_t before = from;
	size_t counted = from;
	size_t start;
	size_t rlen;
	size_t printed = 0;

	*carry = to;
	while (adv_fp_next_record(data, to, &pos, &start, &rlen)) {
		int complete = pos >= 2 && data[pos - 2] == ';' &&
			       data[pos - 1] == '\n';
		char hex[17];

		if (!eof && !complete) {
			*carry = before;
			break;
		}
		line += count_newlines(data + counted, start - counted);
		counted = start;
		before = pos;
		*carry = pos;
		adv_buf_reset(norm);
		(void)adv_fingerprint(data + start, rlen, ADV_FP_PERCONA, norm,
				      hex, NULL);
		if (adv_fp_record_skipped(data, start, rlen, norm))
			continue;
		fingerprint_line(out, prefix, line, "percona", norm, hex);
		printed++;
	}
	return printed;
}

static void *fp_worker_main(void *arg)
{
	struct fp_worker *w = arg;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		unsigned line;

		while (w->job != 1 && !w->quit)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->quit)
			break;
		pthread_mutex_unlock(&w->mu);
		/* the line of from: count the first half's newlines here,
		 * in parallel with the thread that prints that half */
		line = w->base_line + count_newlines(w->data, w->from);
		adv_buf_reset(&w->out);
		w->printed =
			scan_percona(w->prefix, w->data, w->from, w->to, w->eof,
				     line, &w->norm, &w->out, &w->carry);
		pthread_mutex_lock(&w->mu);
		w->job = 2;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	adv_fp_thread_release();
	return NULL;
}

static void fp_worker_stop(struct fp_worker *w)
{
	if (!w->started)
		return;
	pthread_mutex_lock(&w->mu);
	w->quit = 1;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	adv_buf_release(&w->norm);
	adv_buf_release(&w->out);
	w->started = 0;
}

/* Below this many bytes a chunk is not worth a second thread. */
#define FP_PARALLEL_MIN ((size_t)64 * 1024)

/*
 * Prints the percona fingerprints of data[0, region) and returns in *carry
 * where the part left for the next chunk starts. A big chunk is cut at a
 * ";\n" near its middle (queries never span one), and the second thread
 * scans the second half.
 */
static enum adv_status emit_percona(struct run *r, const char *file,
				    const char *data, size_t region, int eof,
				    unsigned base_line, size_t *carry,
				    struct adv_error *err)
{
	struct fp_worker *w = &r->worker;
	size_t mid = region;
	size_t first_carry;
	enum adv_status st;

	fingerprint_prefix(r, file);
	if (region >= FP_PARALLEL_MIN && !w->started) {
		memset(w, 0, sizeof(*w));
		adv_buf_init(&w->norm);
		adv_buf_init(&w->out);
		pthread_mutex_init(&w->mu, NULL);
		pthread_cond_init(&w->cv, NULL);
		if (pthread_create(&w->thread, NULL, fp_worker_main, w) == 0)
			w->started = 1;
	}
	if (region >= FP_PARALLEL_MIN && w->started) {
		size_t i = region / 2;

		while (i + 1 < region &&
		       !(data[i] == ';' && data[i + 1] == '\n'))
			i++;
		if (i + 1 < region)
			mid = i + 2;
	}
	if (mid < region) {
		pthread_mutex_lock(&w->mu);
		w->prefix = &r->prefix;
		w->data = data;
		w->from = mid;
		w->to = region;
		w->eof = eof;
		w->base_line = base_line;
		w->job = 1;
		pthread_cond_broadcast(&w->cv);
		pthread_mutex_unlock(&w->mu);
	}
	adv_buf_reset(&r->line);
	/* the first half ends at a ";\n": every query in it is complete */
	r->fingerprints +=
		scan_percona(&r->prefix, data, 0, mid, mid < region ? 1 : eof,
			     base_line, &r->norm, &r->line, &first_carry);
	*carry = first_carry;
	if (mid < region) {
		pthread_mutex_lock(&w->mu);
		while (w->job != 2)
			pthread_cond_wait(&w->cv, &w->mu);
		w->job = 0;
		pthread_mutex_unlock(&w->mu);
		r->fingerprints += w->printed;
		*carry = w->carry;
	}
	st = adv_output_ndjson_line(r->out, r->line.data, r->line.len, err);
	if (st == ADV_OK && mid < region)
		st = adv_output_ndjson_line(r->out, w->out.data, w->out.len,
					    err);
	return st;
}

/*
 * Fingerprints. percona splits the input the way pt-fingerprint does (a
 * query ends at ";" followed by a newline), so that the output matches it
 * query for query; postgres uses the PostgreSQL splitter.
 */
static enum adv_status run_fingerprint(struct run *r, struct adv_pat_ctx *cx,
				       struct source *s, struct adv_error *err)
{
	unsigned base_line = 1;
	unsigned base_column = 1;
	enum adv_status st;

	for (;;) {
		size_t region;
		size_t pos = 0;
		size_t carry;

		st = source_fill(s, err);
		if (st != ADV_OK)
			return st;
		region = s->buf.len;
		if (!s->eof) {
			while (region > 0 && s->buf.data[region - 1] != '\n')
				region--;
			if (region == 0)
				continue;
		}
		carry = region;
		if (r->opts->convention == ADV_FP_PERCONA &&
		    adv_output_format(r->out) == ADV_FORMAT_NDJSON) {
			st = emit_percona(r, s->name, s->buf.data, region,
					  s->eof, base_line, &carry, err);
			if (st != ADV_OK)
				return st;
		} else if (r->opts->convention == ADV_FP_PERCONA) {
			size_t start;
			size_t rlen;
			size_t before = 0;
			unsigned line = base_line;
			unsigned column = base_column;
			size_t counted = 0;

			while (adv_fp_next_record(s->buf.data, region, &pos,
						  &start, &rlen)) {
				int complete = pos >= 2 &&
					       s->buf.data[pos - 2] == ';' &&
					       s->buf.data[pos - 1] == '\n';

				if (!s->eof && !complete) {
					carry = before;
					break;
				}
				advance_position(s->buf.data + counted,
						 start - counted, &line,
						 &column);
				counted = start;
				before = pos;
				carry = pos;
				st = fingerprint_record(r, s->name, line,
							s->buf.data + start,
							rlen, cx, err);
				if (st != ADV_OK)
					return st;
			}
		} else {
			struct adv_sql_splitter sp;
			struct adv_sql_statement stmt;

			adv_sql_splitter_init(&sp, s->buf.data, region,
					      ADV_DIALECT_PG, 0);
			while (adv_sql_splitter_next(&sp, &stmt, NULL)) {
				if (!s->eof &&
				    (stmt.flags & ADV_STMT_TERMINATED) == 0) {
					carry = stmt.offset;
					break;
				}
				st = fingerprint_record(
					r, s->name, base_line + stmt.line - 1,
					s->buf.data + stmt.offset, stmt.length,
					cx, err);
				if (st != ADV_OK)
					return st;
				carry = adv_sql_statement_end(&stmt);
			}
		}
		if (s->eof)
			return ADV_OK;
		advance_position(s->buf.data, carry, &base_line, &base_column);
		source_consume(s, carry);
	}
}

/* ---- plans ---- */

static void plan_config(const struct adv_pat_config *cfg,
			struct adv_plan_rules_config *pc)
{
	size_t n;
	size_t i;
	const struct adv_plan_rule *rules = adv_plan_rules(&n);

	memset(pc, 0, sizeof(*pc));
	for (i = 0; i < n && i < ADV_PLAN_RULES_MAX; i++) {
		size_t k;
		size_t at;

		if (adv_pat_rule_find(rules[i].id, &at) == NULL)
			continue;
		pc->enabled[i] = cfg->enabled[at];
		for (k = 0; k < ADV_PLAN_RULE_MAX_THRESHOLDS; k++)
			pc->threshold[i][k] = cfg->thr[at][k];
	}
}

static void workload_config(const struct adv_pat_config *cfg,
			    struct adv_workload_rules_config *wc)
{
	size_t n;
	size_t i;
	const struct adv_workload_rule *rules = adv_workload_rules(&n);

	memset(wc, 0, sizeof(*wc));
	for (i = 0; i < n && i < ADV_WORKLOAD_RULES_MAX; i++) {
		size_t k;
		size_t at;

		if (adv_pat_rule_find(rules[i].id, &at) == NULL)
			continue;
		wc->enabled[i] = cfg->enabled[at];
		for (k = 0; k < ADV_WORKLOAD_RULE_MAX_THRESHOLDS &&
			    k < ADV_PAT_MAX_THRESHOLDS;
		     k++)
			wc->threshold[i][k] = cfg->thr[at][k];
	}
}

/* How many findings of items[k]'s rule and object come before it in
 * items[first..k): tells two findings on one plan apart. */
static size_t same_rule_before(const struct adv_plan_findings *found,
			       size_t first, size_t k)
{
	const struct adv_finding *f = &found->items[k];
	size_t n = 0;
	size_t j;

	for (j = first; j < k; j++) {
		const struct adv_finding *g = &found->items[j];

		if (strcmp(g->rule, f->rule) == 0 &&
		    (g->table == NULL) == (f->table == NULL) &&
		    (g->table == NULL || strcmp(g->table, f->table) == 0))
			n++;
	}
	return n;
}

static enum adv_status check_plans(struct run *r, struct adv_pat_ctx *cx,
				   const char *file, const char *queryid,
				   const char *where, const char *data,
				   size_t len, struct adv_error *err)
{
	struct adv_plan_set set;
	struct adv_plan_rules_config pc;
	struct adv_plan_findings found;
	enum adv_status st;
	size_t i;
	size_t k;

	(void)r;
	plan_config(r->opts->cfg, &pc);
	adv_plan_set_init(&set);
	adv_plan_findings_init(&found);
	st = adv_plan_read(data, len, where, &set, err);
	for (i = 0; i < set.nr && st == ADV_OK; i++) {
		size_t first = found.nr;

		st = adv_plan_check(&set.plans[i], &pc, &found, err);
		for (k = first; k < found.nr && st == ADV_OK; k++) {
			struct adv_finding *f = &found.items[k];
			char *ident;

			if (file != NULL) {
				cJSON_AddStringToObject(f->evidence, "file",
							file);
				cJSON_AddNumberToObject(
					f->evidence, "line",
					(double)set.plans[i].line);
			}
			if (queryid != NULL)
				cJSON_AddStringToObject(f->evidence, "queryid",
							queryid);
			/* not the message: it holds measured numbers that
			 * change with every EXPLAIN ANALYZE */
			ident = adv_xstrfmt("%s|%zu|%zu",
					    queryid != NULL ? queryid : "", i,
					    same_rule_before(&found, first, k));
			adv_finding_compute_fingerprint(f, "pg", ident);
			free(ident);
			st = adv_pat_emit(cx, f, err);
		}
	}
	adv_plan_findings_release(&found);
	adv_plan_set_release(&set);
	return st;
}

static enum adv_status run_plan(struct run *r, struct adv_pat_ctx *cx,
				struct source *s, struct adv_error *err)
{
	enum adv_status st = source_read_all(s, err);

	if (st != ADV_OK)
		return st;
	return check_plans(r, cx, s->name, NULL, s->name, s->buf.data,
			   s->buf.len, err);
}

/* ---- records ---- */

/*
 * Statement records of two snapshots of the same node become one delta:
 * the later counters minus the earlier ones, per queryid. Returns the
 * records to load (owned by the caller), with each statement replaced by
 * its delta when an earlier snapshot of its node has the same queryid.
 */
struct rec_list {
	cJSON **items;
	long *lineno;
	size_t nr;
	size_t alloc;
	size_t alloc_lineno;
};

static char *node_key(const cJSON *rec)
{
	const cJSON *src = cJSON_GetObjectItemCaseSensitive(rec, "src");
	char *s;

	if (!cJSON_IsObject(src))
		return adv_xstrdup("");
	s = cJSON_PrintUnformatted(src);
	return s;
}

static const char *rec_str(const cJSON *rec, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double rec_num(const cJSON *rec, const char *key, int *has)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, key);

	if (has != NULL)
		*has = cJSON_IsNumber(v);
	return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static void subtract(cJSON *later, const cJSON *earlier, const char *key)
{
	int has_a;
	int has_b;
	double a = rec_num(later, key, &has_a);
	double b = rec_num(earlier, key, &has_b);

	if (has_a && has_b)
		cJSON_ReplaceItemInObjectCaseSensitive(
			later, key, cJSON_CreateNumber(a - b > 0 ? a - b : 0));
}

static void make_deltas(struct rec_list *l)
{
	size_t i;
	size_t j;

	for (i = 0; i < l->nr; i++) {
		cJSON *later = l->items[i];
		const char *ts;
		const char *qid;
		char *key;
		const cJSON *best = NULL;
		const char *best_ts = NULL;

		if (later == NULL ||
		    !adv_pat_ieq(rec_str(later, "type"), "statement"))
			continue;
		ts = rec_str(later, "ts");
		qid = rec_str(later, "queryid");
		if (ts == NULL || qid == NULL)
			continue;
		key = node_key(later);
		for (j = 0; j < l->nr; j++) {
			const cJSON *e = l->items[j];
			const char *ets;
			char *ekey;

			if (e == NULL || j == i ||
			    !adv_pat_ieq(rec_str(e, "type"), "statement"))
				continue;
			ets = rec_str(e, "ts");
			if (ets == NULL || strcmp(ets, ts) >= 0 ||
			    rec_str(e, "queryid") == NULL ||
			    strcmp(rec_str(e, "queryid"), qid) != 0)
				continue;
			ekey = node_key(e);
			if (strcmp(ekey, key) == 0 &&
			    (best_ts == NULL || strcmp(ets, best_ts) > 0)) {
				best = e;
				best_ts = ets;
			}
			free(ekey);
		}
		free(key);
		if (best != NULL) {
			double calls;
			double total;

			subtract(later, best, "calls");
			subtract(later, best, "total_exec_time_ms");
			subtract(later, best, "total_ms");
			subtract(later, best, "rows");
			subtract(later, best, "temp_blks_written");
			subtract(later, best, "shared_blks_read");
			subtract(later, best, "shared_blks_hit");
			calls = rec_num(later, "calls", NULL);
			total = rec_num(later, "total_ms", NULL);
			if (cJSON_HasObjectItem(later, "mean_ms"))
				cJSON_ReplaceItemInObjectCaseSensitive(
					later, "mean_ms",
					cJSON_CreateNumber(
						calls > 0 ? total / calls : 0));
			cJSON_AddBoolToObject(later, "delta", 1);
			/* it did not run in the window: no statement */
			if (!(calls > 0)) {
				cJSON_Delete(later);
				l->items[i] = NULL;
			}
		}
	}
	/* drop the earlier snapshots' statements: the delta replaced them */
	for (i = 0; i < l->nr; i++) {
		cJSON *e = l->items[i];
		const char *ts;
		char *key;

		if (e == NULL || !adv_pat_ieq(rec_str(e, "type"), "statement"))
			continue;
		ts = rec_str(e, "ts");
		key = node_key(e);
		for (j = 0; j < l->nr; j++) {
			const cJSON *o = l->items[j];
			const char *ots;
			char *okey;

			if (o == NULL || o == e)
				continue;
			ots = rec_str(o, "ts");
			if (ts == NULL || ots == NULL || strcmp(ots, ts) <= 0 ||
			    !adv_pat_ieq(rec_str(o, "type"), "statement"))
				continue;
			okey = node_key(o);
			if (strcmp(okey, key) == 0) {
				free(okey);
				cJSON_Delete(e);
				l->items[i] = NULL;
				break;
			}
			free(okey);
		}
		free(key);
	}
}

static enum adv_status run_records(struct run *r, struct adv_pat_ctx **cxp,
				   struct source *s, struct adv_model *model,
				   struct adv_error *err)
{
	struct adv_ndjson_reader reader;
	struct rec_list l = {0};
	enum adv_status st = ADV_OK;
	size_t i;

	FILE *mem;

	/* the records of one input are few (one per statement), so they
	 * are read whole: a delta needs both snapshots */
	st = source_read_all(s, err);
	if (st != ADV_OK)
		return st;
	if (s->buf.len == 0)
		return ADV_OK;
	mem = fmemopen(s->buf.data, s->buf.len, "r");
	if (mem == NULL)
		return adv_error_set(err, ADV_EIO, "cannot read '%s': %s",
				     s->name, strerror(errno));
	adv_ndjson_init_stream(&reader, mem, s->name, 0);
	for (;;) {
		cJSON *rec = NULL;
		char where[600];

		st = adv_ndjson_next(&reader, &rec, err);
		if (st != ADV_OK || rec == NULL)
			break;
		snprintf(where, sizeof(where), "%s:%ld", reader.name,
			 reader.lineno);
		st = adv_record_check(rec, where, err);
		if (st != ADV_OK) {
			cJSON_Delete(rec);
			if (st == ADV_EINPUT && r->opts->keep_going) {
				adv_warn("skipped: %s", err->message);
				continue;
			}
			break;
		}
		ADV_ALLOC_GROW(l.items, l.nr + 1, l.alloc);
		ADV_ALLOC_GROW(l.lineno, l.nr + 1, l.alloc_lineno);
		l.lineno[l.nr] = reader.lineno;
		l.items[l.nr++] = rec;
	}
	adv_ndjson_close(&reader);
	fclose(mem);
	if (st == ADV_OK)
		make_deltas(&l);
	for (i = 0; i < l.nr && st == ADV_OK; i++) {
		const cJSON *rec = l.items[i];
		const char *type;
		struct adv_source src;
		char where[600];

		if (rec == NULL)
			continue;
		type = rec_str(rec, "type");
		snprintf(where, sizeof(where), "%s:%ld", s->name, l.lineno[i]);
		st = adv_model_add(model, rec, where, err);
		if (st != ADV_OK)
			break;
		if (strcmp(type, "statement") != 0 && strcmp(type, "plan") != 0)
			continue;
		adv_source_init(&src);
		if (adv_source_from_json(
			    cJSON_GetObjectItemCaseSensitive(rec, "src"), &src,
			    NULL) != ADV_OK)
			adv_source_init(&src);
		if (!r->opts->dialect_given) {
			int d = dialect_of_engine(src.engine);

			if (d >= 0)
				adv_pat_set_dialect(*cxp,
						    (enum adv_sql_dialect)d);
		}
		r->src = &src;
		if (strcmp(type, "statement") == 0 &&
		    rec_str(rec, "query") != NULL) {
			st = adv_pat_check_query(*cxp, rec_str(rec, "queryid"),
						 rec_str(rec, "query"), err);
		} else if (strcmp(type, "plan") == 0) {
			const cJSON *plan =
				cJSON_GetObjectItemCaseSensitive(rec, "plan");
			char *text = NULL;

			if (cJSON_IsString(plan))
				text = adv_xstrdup(plan->valuestring);
			else if (plan != NULL)
				text = cJSON_PrintUnformatted(plan);
			if (text != NULL)
				st = check_plans(r, *cxp, NULL,
						 rec_str(rec, "queryid"), where,
						 text, strlen(text), err);
			free(text);
		}
		r->src = NULL;
		adv_source_release(&src);
	}
	for (i = 0; i < l.nr; i++)
		cJSON_Delete(l.items[i]);
	free(l.items);
	free(l.lineno);
	return st;
}

static enum adv_status run_workload(struct run *r, struct adv_pat_ctx *cx,
				    struct adv_model *model,
				    struct adv_error *err)
{
	struct adv_workload_rules_config wc;
	struct adv_workload_findings found;
	enum adv_status st;
	size_t i;

	adv_model_finish(model);
	workload_config(r->opts->cfg, &wc);
	adv_workload_findings_init(&found);
	st = adv_workload_check(model, &wc, &found, err);
	for (i = 0; i < found.nr && st == ADV_OK; i++) {
		r->src = found.items[i].snap != NULL ? &found.items[i].snap->src
						     : NULL;
		st = adv_pat_emit(cx, &found.items[i].f, err);
		r->src = NULL;
	}
	adv_workload_findings_release(&found);
	return st;
}

enum adv_status adv_patterns_run(const struct adv_patterns_opts *opts,
				 struct adv_output *out, struct adv_error *err)
{
	static const char *const stdin_only[] = {"-"};
	const char *const *inputs = opts->inputs;
	size_t ninputs = opts->ninputs;
	struct run r;
	struct adv_pat_ctx *cx;
	struct adv_model model;
	int have_records = 0;
	enum adv_status st = ADV_OK;
	size_t i;

	if (ninputs == 0) {
		inputs = stdin_only;
		ninputs = 1;
	}
	memset(&r, 0, sizeof(r));
	r.opts = opts;
	r.out = out;
	adv_ts_now(r.ts);
	adv_buf_init(&r.norm);
	adv_buf_init(&r.line);
	adv_buf_init(&r.prefix);
	adv_output_set_batch(out, 1);
	adv_report_init(&r.report, out, opts->fail_on);
	adv_model_init(&model);
	if (opts->baseline != NULL)
		st = adv_report_load_baseline(&r.report, opts->baseline, err);
	cx = adv_pat_ctx_new(opts->cfg, opts->dialect, emit_finding, &r);
	for (i = 0; i < ninputs && st == ADV_OK; i++) {
		struct source s;
		enum adv_patterns_input kind = opts->input;

		st = source_open(&s, inputs[i], err);
		if (st != ADV_OK)
			break;
		s.out = out;
		st = source_fill(&s, err);
		if (st != ADV_OK) {
			source_close(&s);
			break;
		}
		if (kind == ADV_PATTERNS_INPUT_AUTO)
			kind = sniff(s.buf.data, s.buf.len);
		switch (kind) {
		case ADV_PATTERNS_INPUT_RECORDS:
			have_records = 1;
			st = run_records(&r, &cx, &s, &model, err);
			break;
		case ADV_PATTERNS_INPUT_PLAN:
			st = run_plan(&r, cx, &s, err);
			break;
		default:
			if (opts->fingerprint)
				st = run_fingerprint(&r, cx, &s, err);
			else
				st = run_sql(&r, cx, &s, err);
			break;
		}
		source_close(&s);
	}
	if (st == ADV_OK && !opts->fingerprint)
		st = adv_pat_finish(cx, err);
	if (st == ADV_OK && have_records && !opts->fingerprint)
		st = run_workload(&r, cx, &model, err);
	if (st == ADV_OK && !opts->fingerprint) {
		struct adv_pat_stats stats;
		cJSON *sum = adv_record_new("summary", 1, r.ts, NULL);

		adv_pat_stats(cx, &stats);
		cJSON_AddStringToObject(sum, "tool", "ip-patterns");
		cJSON_AddStringToObject(
			sum, "dialect",
			adv_pat_dialect_code(adv_pat_dialect(cx)));
		cJSON_AddNumberToObject(sum, "statement_count",
					(double)stats.statements);
		cJSON_AddNumberToObject(sum, "parse_error_count",
					(double)stats.parse_errors);
		cJSON_AddNumberToObject(sum, "max_risk", r.max_risk);
		st = adv_report_summary(&r.report, sum, err);
	}
	if (st == ADV_OK && (r.report.matched || r.over_risk))
		st = ADV_FINDINGS;
	adv_pat_ctx_free(cx);
	adv_model_release(&model);
	adv_report_release(&r.report);
	adv_buf_release(&r.norm);
	adv_buf_release(&r.line);
	adv_buf_release(&r.prefix);
	fp_worker_stop(&r.worker);
	return st;
}

/* ---- --list ---- */

static const char *profile_name(enum adv_pat_profile p)
{
	return p == ADV_PAT_PROFILE_DEFAULT ? "default" : "extended";
}

static const char *input_name(enum adv_pat_input in)
{
	switch (in) {
	case ADV_PAT_INPUT_PLAN:
		return "plan";
	case ADV_PAT_INPUT_WORKLOAD:
		return "workload";
	default:
		return "sql";
	}
}

enum adv_status adv_patterns_list(const struct adv_pat_config *cfg,
				  struct adv_output *out, struct adv_error *err)
{
	size_t n = adv_pat_rule_count();
	size_t i;
	enum adv_status st = ADV_OK;

	for (i = 0; i < n && st == ADV_OK; i++) {
		const struct adv_pat_rule *r = adv_pat_rule_at(i);
		cJSON *rec =
			adv_record_new("rule", 1, "1970-01-01T00:00:00Z", NULL);
		cJSON *d;
		cJSON *th;
		size_t k;

		/* the table does not change with time: no clock in it */
		cJSON_DeleteItemFromObjectCaseSensitive(rec, "ts");
		cJSON_DeleteItemFromObjectCaseSensitive(rec, "src");
		cJSON_AddStringToObject(rec, "id", r->id);
		cJSON_AddStringToObject(rec, "category", r->category);
		d = cJSON_AddArrayToObject(rec, "dialects");
		if ((r->dialects & ADV_PAT_PG) != 0)
			cJSON_AddItemToArray(d, cJSON_CreateString("pg"));
		if ((r->dialects & ADV_PAT_MY) != 0)
			cJSON_AddItemToArray(d, cJSON_CreateString("my"));
		if ((r->dialects & ADV_PAT_MS) != 0)
			cJSON_AddItemToArray(d, cJSON_CreateString("ms"));
		cJSON_AddStringToObject(rec, "severity",
					adv_severity_name(r->severity));
		cJSON_AddStringToObject(rec, "profile",
					profile_name(r->profile));
		cJSON_AddStringToObject(rec, "input", input_name(r->input));
		cJSON_AddBoolToObject(rec, "enabled", cfg->enabled[i]);
		cJSON_AddStringToObject(rec, "summary",
					r->summary != NULL ? r->summary : "");
		if (r->why != NULL)
			cJSON_AddStringToObject(rec, "why", r->why);
		if (r->fix != NULL)
			cJSON_AddStringToObject(rec, "fix", r->fix);
		th = cJSON_AddArrayToObject(rec, "thresholds");
		for (k = 0; k < ADV_PAT_MAX_THRESHOLDS &&
			    r->thresholds[k].name != NULL;
		     k++) {
			cJSON *t = cJSON_CreateObject();

			cJSON_AddStringToObject(t, "name",
						r->thresholds[k].name);
			cJSON_AddNumberToObject(t, "default",
						r->thresholds[k].def);
			cJSON_AddNumberToObject(t, "value", cfg->thr[i][k]);
			if (r->thresholds[k].description != NULL)
				cJSON_AddStringToObject(
					t, "description",
					r->thresholds[k].description);
			cJSON_AddItemToArray(th, t);
		}
		if (r->example_fire != NULL)
			cJSON_AddStringToObject(rec, "example_fire",
						r->example_fire);
		if (r->example_quiet != NULL)
			cJSON_AddStringToObject(rec, "example_quiet",
						r->example_quiet);
		st = adv_output_record(out, rec, err);
		cJSON_Delete(rec);
	}
	return st;
}
