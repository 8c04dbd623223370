#include "collect.h"

#include <string.h>

#include "record.h"
#include "banned.h"

enum adv_status adv_collect(struct adv_conn *conn,
			    const struct adv_collect_opts *opts,
			    adv_emit_fn emit, void *ctx, struct adv_error *err)
{
	switch (adv_conn_engine(conn)) {
	case ADV_ENGINE_POSTGRESQL:
		return adv_collect_pg(conn, opts, emit, ctx, err);
	case ADV_ENGINE_MYSQL:
	case ADV_ENGINE_MSSQL:
		break;
	}
	return adv_error_set(err, ADV_EUSAGE,
			     "no collector for engine '%s' in this build",
			     adv_engine_name(adv_conn_engine(conn)));
}

cJSON *adv_collect_failure_record(const char *engine, const char *target,
				  const struct adv_error *cause)
{
	struct adv_source src;
	cJSON *rec;

	adv_source_init(&src);
	src.engine = (char *)engine;
	rec = adv_record_new("warning", 1, NULL, &src);
	cJSON_AddStringToObject(rec, "code", "collect-failed");
	cJSON_AddStringToObject(rec, "section", "connection");
	adv_json_add_string(rec, "target", target);
	cJSON_AddStringToObject(rec, "message", cause->message);
	adv_json_add_string(rec, "sqlstate",
			    cause->sqlstate[0] != '\0' ? cause->sqlstate
						       : NULL);
	return rec;
}
