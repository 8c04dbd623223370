#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ndjson.h"
#include "banned.h"

void adv_report_init(struct adv_report *r, struct adv_output *out,
		     const struct adv_fail_on *fail_on)
{
	memset(r, 0, sizeof(*r));
	r->out = out;
	r->fail_on = fail_on;
	r->by_rule = cJSON_CreateObject();
}

void adv_report_release(struct adv_report *r)
{
	size_t i;

	for (i = 0; i < r->nbaseline; i++)
		free(r->baseline[i]);
	free(r->baseline);
	cJSON_Delete(r->by_rule);
	memset(r, 0, sizeof(*r));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

enum adv_status adv_report_load_baseline(struct adv_report *r, const char *path,
					 struct adv_error *err)
{
	struct adv_ndjson_reader reader;
	enum adv_status st;
	size_t alloc = 0;

	st = adv_ndjson_open(&reader, path, 0, err);
	if (st != ADV_OK)
		return st;
	for (;;) {
		cJSON *rec = NULL;
		const cJSON *type, *fp;

		st = adv_ndjson_next(&reader, &rec, err);
		if (st != ADV_OK || rec == NULL)
			break;
		type = cJSON_GetObjectItemCaseSensitive(rec, "type");
		fp = cJSON_GetObjectItemCaseSensitive(rec, "fingerprint");
		if (cJSON_IsString(type) &&
		    strcmp(type->valuestring, "finding") == 0) {
			if (!cJSON_IsString(fp)) {
				st = adv_error_set(
					err, ADV_EINPUT,
					"finding without a string 'fingerprint' at '%s:%ld'",
					reader.name, reader.lineno);
				cJSON_Delete(rec);
				break;
			}
			ADV_ALLOC_GROW(r->baseline, r->nbaseline + 1, alloc);
			r->baseline[r->nbaseline++] =
				adv_xstrdup(fp->valuestring);
		}
		cJSON_Delete(rec);
	}
	adv_ndjson_close(&reader);
	if (st == ADV_OK && r->nbaseline > 0)
		qsort(r->baseline, r->nbaseline, sizeof(*r->baseline), cmp_str);
	return st;
}

int adv_report_in_baseline(const struct adv_report *r, const char *fp)
{
	if (fp == NULL || r->nbaseline == 0)
		return 0;
	return bsearch(&fp, r->baseline, r->nbaseline, sizeof(*r->baseline),
		       cmp_str) != NULL;
}

void adv_report_begin_group(struct adv_report *r)
{
	cJSON_Delete(r->by_rule);
	r->by_rule = cJSON_CreateObject();
	r->emitted = 0;
	r->suppressed = 0;
	memset(r->by_severity, 0, sizeof(r->by_severity));
}

enum adv_status adv_report_finding(struct adv_report *r,
				   const struct adv_finding *f, const char *ts,
				   const struct adv_source *src,
				   struct adv_error *err)
{
	cJSON *rec, *count;
	enum adv_status st;

	if (adv_report_in_baseline(r, f->fingerprint)) {
		r->suppressed++;
		return ADV_OK;
	}
	rec = adv_finding_to_record(f, ts, src);
	st = adv_output_record(r->out, rec, err);
	cJSON_Delete(rec);
	if (st != ADV_OK)
		return st;
	r->emitted++;
	r->by_severity[f->severity]++;
	count = cJSON_GetObjectItemCaseSensitive(r->by_rule, f->rule);
	if (count != NULL)
		cJSON_SetNumberValue(count, count->valuedouble + 1);
	else
		cJSON_AddNumberToObject(r->by_rule, f->rule, 1);
	if (r->fail_on != NULL &&
	    adv_fail_on_matches(r->fail_on, f->rule, f->severity))
		r->matched = 1;
	return ADV_OK;
}

enum adv_status adv_report_summary(struct adv_report *r, cJSON *rec,
				   struct adv_error *err)
{
	cJSON *sev;
	enum adv_status st;
	int i;

	cJSON_AddNumberToObject(rec, "finding_count", (double)r->emitted);
	cJSON_AddNumberToObject(rec, "suppressed_count", (double)r->suppressed);
	cJSON_AddItemToObject(rec, "findings_by_rule",
			      cJSON_Duplicate(r->by_rule, 1));
	sev = cJSON_AddObjectToObject(rec, "findings_by_severity");
	for (i = 0; i <= (int)ADV_SEV_CRITICAL; i++)
		cJSON_AddNumberToObject(sev,
					adv_severity_name((enum adv_severity)i),
					(double)r->by_severity[i]);
	st = adv_output_record(r->out, rec, err);
	cJSON_Delete(rec);
	return st;
}
