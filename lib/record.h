#ifndef ADV_RECORD_H
#define ADV_RECORD_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "status.h"

/*
 * The record envelope of DESIGN.md section 3: every record starts with
 * "type", "v", "ts" and "src", in that order. src never holds a password.
 */
struct adv_source {
	char *engine; /* "postgresql", "mysql", "mssql" */
	char *host;   /* host name, address or socket directory */
	int port;     /* 0 when unknown */
	char *database;
	char *cluster; /* replication group id, NULL when unknown */
	char *role;    /* "primary", "replica", NULL when unknown */
};

void adv_source_init(struct adv_source *src);
void adv_source_release(struct adv_source *src);
void adv_source_copy(struct adv_source *dst, const struct adv_source *src);
cJSON *adv_source_to_json(const struct adv_source *src);
/* Reads src from a record's "src" object; wrong key types are ADV_EINPUT. */
enum adv_status adv_source_from_json(const cJSON *obj, struct adv_source *src,
				     struct adv_error *err);

/* Length of an RFC 3339 UTC timestamp with microseconds, plus NUL. */
#define ADV_TS_LEN 32

/* Writes the current time as "2026-11-21T10:00:00.000000Z". */
void adv_ts_now(char out[ADV_TS_LEN]);
/* Formats seconds since the epoch. */
void adv_ts_format(double epoch, char out[ADV_TS_LEN]);
/*
 * Parses RFC 3339 ("2026-11-21T10:00:00.123Z", "+02:00" offsets, a space
 * instead of 'T' as PostgreSQL prints) into seconds since the epoch.
 * Returns 0 on success, -1 on a malformed string.
 */
int adv_ts_parse(const char *s, double *epoch);

/*
 * A new record with the envelope filled in. ts NULL means now. The caller
 * adds the type's own keys with the cJSON API and frees with cJSON_Delete.
 */
cJSON *adv_record_new(const char *type, int version, const char *ts,
		      const struct adv_source *src);

/* The newest schema version this build understands for a type; 0 if the
 * type is unknown to it (readers ignore unknown types). */
int adv_record_known_version(const char *type);

/*
 * Checks the envelope of a record read from input: "type" a string, "v" a
 * positive integer not newer than this build understands, "ts" a string,
 * "src" an object. where is "file:line" for the message.
 */
enum adv_status adv_record_check(const cJSON *rec, const char *where,
				 struct adv_error *err);

/* 0 when rec has a known type whose "v" is newer than this build; 1
 * otherwise (including malformed envelopes, which adv_record_check
 * reports). */
int adv_record_version_ok(const cJSON *rec);

/* Typed access to a record's keys for readers. A missing key or JSON null
 * yields the "absent" value (NULL, *present = 0); a value of the wrong type
 * fails with ADV_EINPUT naming key and where. */
enum adv_status adv_json_string(const cJSON *obj, const char *key,
				const char *where, const char **out,
				struct adv_error *err);
enum adv_status adv_json_number(const cJSON *obj, const char *key,
				const char *where, double *out, int *present,
				struct adv_error *err);
/* A number, or a string of decimal digits (64-bit identifiers). */
enum adv_status adv_json_int64(const cJSON *obj, const char *key,
			       const char *where, int64_t *out, int *present,
			       struct adv_error *err);
/* *out is 1, 0, or -1 when absent. */
enum adv_status adv_json_bool(const cJSON *obj, const char *key,
			      const char *where, int *out,
			      struct adv_error *err);
/* An array or absent (*out NULL); anything else is ADV_EINPUT. */
enum adv_status adv_json_array(const cJSON *obj, const char *key,
			       const char *where, const cJSON **out,
			       struct adv_error *err);
/* An object or absent (*out NULL). */
enum adv_status adv_json_object(const cJSON *obj, const char *key,
				const char *where, const cJSON **out,
				struct adv_error *err);

/* Adds a string or JSON null when s is NULL. */
void adv_json_add_string(cJSON *obj, const char *key, const char *s);
/* Adds a number or JSON null when !present. */
void adv_json_add_number(cJSON *obj, const char *key, double v, int present);

#endif
