#include "finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "banned.h"

static const char *const severity_names[] = {"info", "low", "medium", "high",
					     "critical"};

const char *adv_severity_name(enum adv_severity sev)
{
	if ((int)sev < 0 || (int)sev > (int)ADV_SEV_CRITICAL)
		return "info";
	return severity_names[sev];
}

int adv_severity_parse(const char *s, enum adv_severity *out)
{
	int i;

	for (i = 0; i <= (int)ADV_SEV_CRITICAL; i++) {
		if (strcmp(s, severity_names[i]) == 0) {
			*out = (enum adv_severity)i;
			return 0;
		}
	}
	return -1;
}

void adv_finding_init(struct adv_finding *f, const char *tool, const char *rule,
		      enum adv_severity sev)
{
	memset(f, 0, sizeof(*f));
	f->tool = adv_xstrdup(tool);
	f->rule = adv_xstrdup(rule);
	f->severity = sev;
	f->evidence = cJSON_CreateObject();
	f->impact = cJSON_CreateObject();
	f->confidence = 1.0;
}

void adv_finding_release(struct adv_finding *f)
{
	free(f->tool);
	free(f->rule);
	free(f->schema);
	free(f->table);
	free(f->index);
	free(f->constraint);
	free(f->message);
	cJSON_Delete(f->evidence);
	free(f->action_kind);
	free(f->action_sql);
	free(f->action_rollback_sql);
	cJSON_Delete(f->impact);
	free(f->fingerprint);
	memset(f, 0, sizeof(*f));
}

void adv_finding_set_object(struct adv_finding *f, const char *schema,
			    const char *table, const char *index)
{
	free(f->schema);
	free(f->table);
	free(f->index);
	f->schema = adv_xstrdup_or_null(schema);
	f->table = adv_xstrdup_or_null(table);
	f->index = adv_xstrdup_or_null(index);
}

void adv_finding_set_constraint(struct adv_finding *f, const char *name)
{
	free(f->constraint);
	f->constraint = adv_xstrdup_or_null(name);
}

void adv_finding_set_message(struct adv_finding *f, const char *fmt, ...)
{
	struct adv_buf b;
	va_list ap;

	adv_buf_init(&b);
	va_start(ap, fmt);
	adv_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(f->message);
	f->message = adv_buf_detach(&b);
}

void adv_finding_set_action(struct adv_finding *f, const char *kind,
			    const char *sql, const char *rollback_sql,
			    int online)
{
	free(f->action_kind);
	free(f->action_sql);
	free(f->action_rollback_sql);
	f->action_kind = adv_xstrdup_or_null(kind);
	f->action_sql = adv_xstrdup_or_null(sql);
	f->action_rollback_sql = adv_xstrdup_or_null(rollback_sql);
	f->action_online = online;
}

uint64_t adv_fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t hash_part(uint64_t h, const char *s)
{
	/* a separator that cannot occur in names keeps ("ab","c") != ("a","bc")
	 */
	static const unsigned char sep = 0x1f;

	if (s != NULL)
		h = adv_fnv1a(h, s, strlen(s));
	return adv_fnv1a(h, &sep, 1);
}

void adv_finding_compute_fingerprint(struct adv_finding *f, const char *engine,
				     const char *database)
{
	uint64_t h = ADV_FNV_OFFSET;

	h = hash_part(h, engine);
	h = hash_part(h, database);
	h = hash_part(h, f->rule);
	h = hash_part(h, f->schema);
	h = hash_part(h, f->table);
	h = hash_part(h, f->index);
	if (f->constraint != NULL)
		h = hash_part(h, f->constraint);
	/* "no verdict yet" must not share a fingerprint with the verdict, or
	 * a baseline taken early would hide the verdict later */
	if (f->severity == ADV_SEV_INFO)
		h = hash_part(h, "info");
	free(f->fingerprint);
	f->fingerprint = adv_xstrfmt("%016llx", (unsigned long long)h);
}

cJSON *adv_finding_to_record(const struct adv_finding *f, const char *ts,
			     const struct adv_source *src)
{
	cJSON *rec = adv_record_new("finding", 1, ts, src);

	cJSON_AddStringToObject(rec, "tool", f->tool);
	cJSON_AddStringToObject(rec, "rule", f->rule);
	cJSON_AddStringToObject(rec, "severity",
				adv_severity_name(f->severity));
	adv_json_add_string(rec, "schema", f->schema);
	adv_json_add_string(rec, "table", f->table);
	adv_json_add_string(rec, "index", f->index);
	adv_json_add_string(rec, "constraint", f->constraint);
	adv_json_add_string(rec, "message", f->message);
	cJSON_AddItemToObject(rec, "evidence", cJSON_Duplicate(f->evidence, 1));
	if (f->action_kind != NULL) {
		cJSON *action = cJSON_CreateObject();

		cJSON_AddStringToObject(action, "kind", f->action_kind);
		adv_json_add_string(action, "sql", f->action_sql);
		adv_json_add_string(action, "rollback_sql",
				    f->action_rollback_sql);
		cJSON_AddBoolToObject(action, "online", f->action_online);
		cJSON_AddItemToObject(rec, "action", action);
	} else {
		cJSON_AddNullToObject(rec, "action");
	}
	cJSON_AddItemToObject(rec, "impact", cJSON_Duplicate(f->impact, 1));
	cJSON_AddNumberToObject(rec, "confidence", f->confidence);
	adv_json_add_string(rec, "fingerprint", f->fingerprint);
	return rec;
}
