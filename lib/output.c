#include "output.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "buf.h"
#include "ndjson.h"
#include "parse.h"
#include "banned.h"

struct text_row {
	char *database;
	char *severity;
	char *rule;
	char *object;
	char *message;
	char *sql;
};

struct adv_output {
	FILE *fp;
	char *name;
	enum adv_format format;
	int color;
	int flush_each;
	int batch; /* the caller flushes (adv_output_flush) */
	struct adv_buf scratch;
	/* text */
	struct text_row *rows;
	size_t nrows, rows_alloc;
	struct adv_buf summaries;
	size_t nsummaries;
	/* csv */
	char *csv_type;
};

enum adv_status adv_format_parse(const char *s, enum adv_format *out,
				 struct adv_error *err)
{
	if (strcmp(s, "auto") == 0)
		*out = ADV_FORMAT_AUTO;
	else if (strcmp(s, "ndjson") == 0 || strcmp(s, "json") == 0)
		*out = ADV_FORMAT_NDJSON;
	else if (strcmp(s, "text") == 0)
		*out = ADV_FORMAT_TEXT;
	else if (strcmp(s, "csv") == 0)
		*out = ADV_FORMAT_CSV;
	else
		return adv_error_set(
			err, ADV_EUSAGE,
			"unknown format '%s' (use auto, ndjson, text or csv)",
			s);
	return ADV_OK;
}

struct adv_output *adv_output_new(FILE *fp, const char *name,
				  enum adv_format format, int color)
{
	struct adv_output *out = adv_xcalloc(1, sizeof(*out));
	int tty = isatty(fileno(fp));
	struct stat st;

	out->fp = fp;
	out->name = adv_xstrdup(name == NULL ? "<stdout>" : name);
	if (format == ADV_FORMAT_AUTO)
		format = tty ? ADV_FORMAT_TEXT : ADV_FORMAT_NDJSON;
	out->format = format;
	if (color < 0) {
		const char *term = getenv("TERM");
		const char *no_color = getenv("NO_COLOR");

		color = tty && (no_color == NULL || no_color[0] == '\0') &&
			(term == NULL || strcmp(term, "dumb") != 0);
	}
	out->color = color;
	out->flush_each =
		tty || (fstat(fileno(fp), &st) == 0 &&
			(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)));
	adv_buf_init(&out->scratch);
	adv_buf_init(&out->summaries);
	return out;
}

enum adv_format adv_output_format(const struct adv_output *out)
{
	return out->format;
}

static enum adv_status write_failed(struct adv_output *out,
				    struct adv_error *err)
{
	int saved = errno;

	if (saved == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	return adv_error_set(err, ADV_EIO, "cannot write to '%s': %s",
			     out->name, strerror(saved));
}

static enum adv_status put(struct adv_output *out, const char *data, size_t len,
			   struct adv_error *err)
{
	if (len > 0 && fwrite(data, 1, len, out->fp) != len)
		return write_failed(out, err);
	return ADV_OK;
}

static enum adv_status flush(struct adv_output *out, struct adv_error *err)
{
	if (fflush(out->fp) != 0 || ferror(out->fp))
		return write_failed(out, err);
	return ADV_OK;
}

static const char *str_key(const cJSON *rec, const char *key)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(rec, key);

	return cJSON_IsString(item) ? item->valuestring : NULL;
}

/* "schema.index" for an index, "schema.constraint" for a constraint,
 * else "schema.table[.column]" or "name": whatever identifies the record. */
static void object_name(struct adv_buf *b, const cJSON *rec)
{
	const char *schema = str_key(rec, "schema");
	const char *table = str_key(rec, "table");
	const char *index = str_key(rec, "index");
	const char *constraint = str_key(rec, "constraint");
	const char *column = str_key(rec, "column");
	const char *name = str_key(rec, "name");
	const char *leaf = index != NULL ? index : constraint;

	if (schema != NULL)
		adv_buf_addf(b, "%s.", schema);
	if (leaf != NULL) {
		adv_buf_addstr(b, leaf);
		return;
	}
	if (table != NULL) {
		adv_buf_addstr(b, table);
		if (column != NULL)
			adv_buf_addf(b, ".%s", column);
		return;
	}
	if (name != NULL)
		adv_buf_addstr(b, name);
	else if (b->len > 0)
		b->data[--b->len] = '\0';
}

static const char *src_database(const cJSON *rec)
{
	const cJSON *src = cJSON_GetObjectItemCaseSensitive(rec, "src");

	return cJSON_IsObject(src) ? str_key(src, "database") : NULL;
}

static const char *severity_color(const char *sev)
{
	if (sev == NULL)
		return "";
	if (strcmp(sev, "critical") == 0 || strcmp(sev, "high") == 0)
		return "\033[1;31m";
	if (strcmp(sev, "medium") == 0)
		return "\033[33m";
	if (strcmp(sev, "low") == 0)
		return "\033[36m";
	return "\033[2m";
}

static void scalar_text(struct adv_buf *b, const cJSON *item)
{
	if (cJSON_IsString(item)) {
		adv_buf_addstr(b, item->valuestring);
	} else if (cJSON_IsBool(item)) {
		adv_buf_addstr(b, cJSON_IsTrue(item) ? "true" : "false");
	} else if (cJSON_IsNull(item)) {
		adv_buf_addstr(b, "");
	} else {
		char *text = cJSON_PrintUnformatted(item);

		adv_buf_addstr(b, text);
		free(text);
	}
}

static int envelope_key(const char *key)
{
	return strcmp(key, "type") == 0 || strcmp(key, "v") == 0 ||
	       strcmp(key, "ts") == 0 || strcmp(key, "src") == 0;
}

/*
 * A finding of ip-patterns is about a place in a file, so it is printed as
 * compilers print diagnostics, one per line as it comes, with its fix
 * below: "q.sql:3:28: high null-comparison-equals: ...".
 */
static enum adv_status text_pattern_finding(struct adv_output *out,
					    const cJSON *rec,
					    struct adv_error *err)
{
	struct adv_buf *b = &out->scratch;
	const cJSON *ev = cJSON_GetObjectItemCaseSensitive(rec, "evidence");
	const cJSON *at = cJSON_GetObjectItemCaseSensitive(ev, "at");
	const cJSON *line = cJSON_GetObjectItemCaseSensitive(at, "line");
	const cJSON *col = cJSON_GetObjectItemCaseSensitive(at, "column");
	const char *file = str_key(ev, "file");
	const char *qid = str_key(ev, "queryid");
	const char *fix = str_key(ev, "fix");

	if (file == NULL)
		line = cJSON_GetObjectItemCaseSensitive(ev, "line");
	if (file != NULL)
		adv_buf_addstr(b, file);
	else if (qid != NULL)
		adv_buf_addf(b, "queryid %s", qid);
	else
		adv_buf_addstr(b, "-");
	if (cJSON_IsNumber(line) && file != NULL) {
		adv_buf_addf(b, ":%.0f", line->valuedouble);
		if (cJSON_IsNumber(col))
			adv_buf_addf(b, ":%.0f", col->valuedouble);
	}
	adv_buf_addf(b, ": %s %s: %s\n",
		     str_key(rec, "severity") ? str_key(rec, "severity") : "?",
		     str_key(rec, "rule") ? str_key(rec, "rule") : "?",
		     str_key(rec, "message") ? str_key(rec, "message") : "");
	if (fix != NULL)
		adv_buf_addf(b, "    fix: %s\n", fix);
	return put(out, b->data, b->len, err);
}

static enum adv_status text_record(struct adv_output *out, const cJSON *rec,
				   struct adv_error *err)
{
	const char *type = str_key(rec, "type");
	const cJSON *item;
	struct adv_buf *b = &out->scratch;

	adv_buf_reset(b);
	if (strcmp(type, "finding") == 0 && str_key(rec, "tool") != NULL &&
	    strcmp(str_key(rec, "tool"), "ip-patterns") == 0)
		return text_pattern_finding(out, rec, err);
	if (strcmp(type, "finding") == 0) {
		struct text_row row;
		const cJSON *action =
			cJSON_GetObjectItemCaseSensitive(rec, "action");

		object_name(b, rec);
		row.object = adv_xstrdup(b->data);
		row.database = adv_xstrdup_or_null(src_database(rec));
		row.severity = adv_xstrdup_or_null(str_key(rec, "severity"));
		row.rule = adv_xstrdup_or_null(str_key(rec, "rule"));
		row.message = adv_xstrdup_or_null(str_key(rec, "message"));
		row.sql = cJSON_IsObject(action)
				  ? adv_xstrdup_or_null(str_key(action, "sql"))
				  : NULL;
		ADV_ALLOC_GROW(out->rows, out->nrows + 1, out->rows_alloc);
		out->rows[out->nrows++] = row;
		return ADV_OK;
	}
	if (strcmp(type, "summary") == 0 && str_key(rec, "tool") != NULL &&
	    strcmp(str_key(rec, "tool"), "ip-patterns") == 0) {
		const cJSON *ns = cJSON_GetObjectItemCaseSensitive(
			rec, "statement_count");
		const cJSON *nf =
			cJSON_GetObjectItemCaseSensitive(rec, "finding_count");
		const cJSON *pe = cJSON_GetObjectItemCaseSensitive(
			rec, "parse_error_count");
		const cJSON *risk =
			cJSON_GetObjectItemCaseSensitive(rec, "max_risk");

		adv_buf_addf(&out->summaries,
			     "%.0f statements, %.0f findings, %.0f that do not "
			     "parse, highest risk %.0f/100\n",
			     cJSON_IsNumber(ns) ? ns->valuedouble : 0,
			     cJSON_IsNumber(nf) ? nf->valuedouble : 0,
			     cJSON_IsNumber(pe) ? pe->valuedouble : 0,
			     cJSON_IsNumber(risk) ? risk->valuedouble : 0);
		out->nsummaries++;
		return ADV_OK;
	}
	if (strcmp(type, "summary") == 0) {
		const cJSON *n =
			cJSON_GetObjectItemCaseSensitive(rec, "index_count");
		const cJSON *bytes =
			cJSON_GetObjectItemCaseSensitive(rec, "index_bytes");
		const cJSON *reclaim = cJSON_GetObjectItemCaseSensitive(
			rec, "reclaimable_bytes");
		const cJSON *nf =
			cJSON_GetObjectItemCaseSensitive(rec, "finding_count");
		char s1[32] = "?", s2[32] = "?";

		if (cJSON_IsNumber(bytes))
			adv_format_size((int64_t)bytes->valuedouble, s1,
					sizeof(s1));
		if (cJSON_IsNumber(reclaim))
			adv_format_size((int64_t)reclaim->valuedouble, s2,
					sizeof(s2));
		const char *db = src_database(rec);

		adv_buf_addf(
			&out->summaries,
			"%s%s%.0f indexes (%s), %.0f findings, %s reclaimable by the suggested drops\n",
			db != NULL ? db : "", db != NULL ? ": " : "",
			cJSON_IsNumber(n) ? n->valuedouble : 0, s1,
			cJSON_IsNumber(nf) ? nf->valuedouble : 0, s2);
		out->nsummaries++;
		return ADV_OK;
	}
	if (strcmp(type, "selection") == 0) {
		const cJSON *used =
			cJSON_GetObjectItemCaseSensitive(rec, "used_bytes");
		const cJSON *budget =
			cJSON_GetObjectItemCaseSensitive(rec, "budget_bytes");
		const cJSON *before =
			cJSON_GetObjectItemCaseSensitive(rec, "cost_before");
		const cJSON *after =
			cJSON_GetObjectItemCaseSensitive(rec, "cost_after");
		const cJSON *calls =
			cJSON_GetObjectItemCaseSensitive(rec, "what_if_calls");
		const cJSON *gap = cJSON_GetObjectItemCaseSensitive(rec, "gap");
		const cJSON *secs =
			cJSON_GetObjectItemCaseSensitive(rec, "seconds");
		const char *db = src_database(rec);
		char s1[32] = "?", s2[32] = "no budget";
		char gap_text[32] = "unknown";
		double cb = cJSON_IsNumber(before) ? before->valuedouble : 0;
		double ca = cJSON_IsNumber(after) ? after->valuedouble : 0;

		if (cJSON_IsNumber(used))
			adv_format_size((int64_t)used->valuedouble, s1,
					sizeof(s1));
		if (cJSON_IsNumber(budget))
			adv_format_size((int64_t)budget->valuedouble, s2,
					sizeof(s2));
		/* a baseline proves no bound: its gap is null */
		if (cJSON_IsNumber(gap))
			snprintf(gap_text, sizeof(gap_text), "%.2f%%",
				 100 * gap->valuedouble);
		adv_buf_addf(
			&out->summaries,
			"%s%sselection (%s): %s of %s, estimated workload cost %.0f -> %.0f (%+.1f%%), gap %s, %.0f what-if calls, %.1f s\n",
			db != NULL ? db : "", db != NULL ? ": " : "",
			str_key(rec, "solver") ? str_key(rec, "solver") : "?",
			s1, s2, cb, ca, cb > 0 ? 100 * (ca - cb) / cb : 0,
			gap_text,
			cJSON_IsNumber(calls) ? calls->valuedouble : 0,
			cJSON_IsNumber(secs) ? secs->valuedouble : 0);
		out->nsummaries++;
		return ADV_OK;
	}
	if (strcmp(type, "warning") == 0) {
		adv_buf_addf(b, "warning: %s",
			     str_key(rec, "message") ? str_key(rec, "message")
						     : "");
		adv_buf_addch(b, '\n');
		return put(out, b->data, b->len, err);
	}
	adv_buf_addf(b, "%-10s ", type);
	object_name(b, rec);
	cJSON_ArrayForEach (item, rec) {
		if (envelope_key(item->string) || cJSON_IsArray(item) ||
		    cJSON_IsObject(item) || cJSON_IsNull(item))
			continue;
		if (strcmp(item->string, "schema") == 0 ||
		    strcmp(item->string, "table") == 0 ||
		    strcmp(item->string, "index") == 0 ||
		    strcmp(item->string, "column") == 0 ||
		    strcmp(item->string, "constraint") == 0 ||
		    strcmp(item->string, "name") == 0 ||
		    strcmp(item->string, "definition") == 0 ||
		    strcmp(item->string, "query") == 0)
			continue;
		adv_buf_addf(b, " %s=", item->string);
		scalar_text(b, item);
	}
	adv_buf_addch(b, '\n');
	return put(out, b->data, b->len, err);
}

static enum adv_status csv_field(struct adv_output *out, const char *s,
				 int first, struct adv_error *err)
{
	if (!first && fputc(',', out->fp) == EOF)
		return write_failed(out, err);
	if (csv_fwrite(out->fp, s, strlen(s)) != 0)
		return write_failed(out, err);
	return ADV_OK;
}

static enum adv_status csv_finding(struct adv_output *out, const cJSON *rec,
				   struct adv_error *err)
{
	static const char *const cols[] = {
		"severity",	"rule",	      "schema",	    "table",
		"index",	"constraint", "message",    "sql",
		"rollback_sql", "confidence", "fingerprint"};
	const cJSON *action = cJSON_GetObjectItemCaseSensitive(rec, "action");
	size_t i;
	enum adv_status st;

	if (out->csv_type == NULL || strcmp(out->csv_type, "finding") != 0) {
		free(out->csv_type);
		out->csv_type = adv_xstrdup("finding");
		for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
			st = csv_field(out, cols[i], i == 0, err);
			if (st != ADV_OK)
				return st;
		}
		if (fputs("\r\n", out->fp) == EOF)
			return write_failed(out, err);
	}
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		const cJSON *from = rec;
		const char *key = cols[i];
		const cJSON *item;

		if (strcmp(key, "sql") == 0 || strcmp(key, "rollback_sql") == 0)
			from = cJSON_IsObject(action) ? action : NULL;
		item = from == NULL
			       ? NULL
			       : cJSON_GetObjectItemCaseSensitive(from, key);
		adv_buf_reset(&out->scratch);
		if (item != NULL)
			scalar_text(&out->scratch, item);
		st = csv_field(out, out->scratch.data, i == 0, err);
		if (st != ADV_OK)
			return st;
	}
	if (fputs("\r\n", out->fp) == EOF)
		return write_failed(out, err);
	return ADV_OK;
}

static enum adv_status csv_record(struct adv_output *out, const cJSON *rec,
				  struct adv_error *err)
{
	const char *type = str_key(rec, "type");
	const cJSON *item;
	int first = 1;
	enum adv_status st;

	if (strcmp(type, "finding") == 0)
		return csv_finding(out, rec, err);
	if (out->csv_type == NULL || strcmp(out->csv_type, type) != 0) {
		free(out->csv_type);
		out->csv_type = adv_xstrdup(type);
		st = csv_field(out, "type", 1, err);
		if (st != ADV_OK)
			return st;
		cJSON_ArrayForEach (item, rec) {
			if (envelope_key(item->string))
				continue;
			st = csv_field(out, item->string, 0, err);
			if (st != ADV_OK)
				return st;
		}
		if (fputs("\r\n", out->fp) == EOF)
			return write_failed(out, err);
	}
	cJSON_ArrayForEach (item, rec) {
		if (item->string != NULL && strcmp(item->string, "type") != 0 &&
		    envelope_key(item->string))
			continue;
		adv_buf_reset(&out->scratch);
		scalar_text(&out->scratch, item);
		st = csv_field(out, out->scratch.data, first, err);
		if (st != ADV_OK)
			return st;
		first = 0;
	}
	if (fputs("\r\n", out->fp) == EOF)
		return write_failed(out, err);
	return ADV_OK;
}

enum adv_status adv_output_record(struct adv_output *out, const cJSON *rec,
				  struct adv_error *err)
{
	enum adv_status st;

	if (str_key(rec, "type") == NULL)
		return adv_error_set(
			err, ADV_EINTERNAL,
			"record without a type reached the output");
	switch (out->format) {
	case ADV_FORMAT_TEXT:
		st = text_record(out, rec, err);
		break;
	case ADV_FORMAT_CSV:
		st = csv_record(out, rec, err);
		break;
	case ADV_FORMAT_AUTO:
	case ADV_FORMAT_NDJSON:
	default:
		adv_buf_reset(&out->scratch);
		adv_ndjson_format(&out->scratch, rec);
		st = put(out, out->scratch.data, out->scratch.len, err);
		break;
	}
	if (st == ADV_OK && out->flush_each && !out->batch)
		st = flush(out, err);
	return st;
}

enum adv_status adv_output_ndjson_line(struct adv_output *out, const char *line,
				       size_t len, struct adv_error *err)
{
	enum adv_status st = put(out, line, len, err);

	if (st == ADV_OK && out->flush_each && !out->batch)
		st = flush(out, err);
	return st;
}

void adv_output_set_batch(struct adv_output *out, int on)
{
	out->batch = on;
}

enum adv_status adv_output_flush(struct adv_output *out, struct adv_error *err)
{
	if (!out->flush_each)
		return ADV_OK;
	return flush(out, err);
}

static size_t display_width(const char *s)
{
	size_t n = 0;

	/* count UTF-8 code points: continuation bytes take no column */
	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	}
	return n;
}

static enum adv_status pad(struct adv_buf *b, const char *s, size_t width)
{
	size_t w = display_width(s);

	adv_buf_addstr(b, s);
	while (w++ < width)
		adv_buf_addch(b, ' ');
	return ADV_OK;
}

static enum adv_status print_table(struct adv_output *out,
				   struct adv_error *err)
{
	size_t wsev = strlen("SEVERITY"), wrule = strlen("RULE"),
	       wobj = strlen("OBJECT"), wdb = strlen("DATABASE");
	struct adv_buf *b = &out->scratch;
	size_t i;
	const char *p;
	int nsql = 0, several_dbs = 0;

	if (out->nrows == 0)
		return ADV_OK;
	for (i = 0; i < out->nrows; i++) {
		struct text_row *r = &out->rows[i];
		const char *db = r->database != NULL ? r->database : "";

		if (strcmp(db, out->rows[0].database != NULL
				       ? out->rows[0].database
				       : "") != 0)
			several_dbs = 1;
		if (display_width(db) > wdb)
			wdb = display_width(db);

		if (r->severity && display_width(r->severity) > wsev)
			wsev = display_width(r->severity);
		if (r->rule && display_width(r->rule) > wrule)
			wrule = display_width(r->rule);
		if (display_width(r->object) > wobj)
			wobj = display_width(r->object);
	}
	adv_buf_reset(b);
	if (out->color)
		adv_buf_addstr(b, "\033[1m");
	if (several_dbs)
		pad(b, "DATABASE", wdb + 2);
	pad(b, "SEVERITY", wsev + 2);
	pad(b, "RULE", wrule + 2);
	pad(b, "OBJECT", wobj + 2);
	adv_buf_addstr(b, "MESSAGE");
	if (out->color)
		adv_buf_addstr(b, "\033[0m");
	adv_buf_addch(b, '\n');
	for (i = 0; i < out->nrows; i++) {
		struct text_row *r = &out->rows[i];

		if (several_dbs)
			pad(b, r->database != NULL ? r->database : "", wdb + 2);
		if (out->color)
			adv_buf_addstr(b, severity_color(r->severity));
		pad(b, r->severity ? r->severity : "", wsev);
		if (out->color)
			adv_buf_addstr(b, "\033[0m");
		adv_buf_addstr(b, "  ");
		pad(b, r->rule ? r->rule : "", wrule + 2);
		pad(b, r->object, wobj + 2);
		adv_buf_addstr(b, r->message ? r->message : "");
		adv_buf_addch(b, '\n');
	}
	for (i = 0; i < out->nrows; i++) {
		if (out->rows[i].sql == NULL)
			continue;
		if (nsql++ == 0)
			adv_buf_addstr(b, "\nSuggested SQL (review it before "
					  "running it):\n");
		adv_buf_addf(b, "  -- %s %s\n  ", out->rows[i].rule,
			     out->rows[i].object);
		/* a script of several statements: indent every line */
		for (p = out->rows[i].sql; *p != '\0'; p++) {
			adv_buf_addch(b, *p);
			if (*p == '\n')
				adv_buf_addstr(b, "  ");
		}
		adv_buf_addstr(b, ";\n");
	}
	return put(out, b->data, b->len, err);
}

enum adv_status adv_output_finish(struct adv_output *out, struct adv_error *err)
{
	enum adv_status st = ADV_OK;

	if (out->format == ADV_FORMAT_TEXT) {
		st = print_table(out, err);
		if (st == ADV_OK && out->nsummaries > 0) {
			if (out->nrows > 0)
				st = put(out, "\n", 1, err);
			if (st == ADV_OK)
				st = put(out, out->summaries.data,
					 out->summaries.len, err);
		}
	}
	if (st == ADV_OK)
		st = flush(out, err);
	return st;
}

void adv_output_free(struct adv_output *out)
{
	size_t i;

	if (out == NULL)
		return;
	for (i = 0; i < out->nrows; i++) {
		free(out->rows[i].database);
		free(out->rows[i].severity);
		free(out->rows[i].rule);
		free(out->rows[i].object);
		free(out->rows[i].message);
		free(out->rows[i].sql);
	}
	free(out->rows);
	adv_buf_release(&out->summaries);
	free(out->csv_type);
	free(out->name);
	adv_buf_release(&out->scratch);
	free(out);
}
