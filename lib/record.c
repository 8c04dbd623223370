#include "record.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "banned.h"

void adv_source_init(struct adv_source *src)
{
	memset(src, 0, sizeof(*src));
}

void adv_source_release(struct adv_source *src)
{
	free(src->engine);
	free(src->host);
	free(src->database);
	free(src->cluster);
	free(src->role);
	adv_source_init(src);
}

void adv_source_copy(struct adv_source *dst, const struct adv_source *src)
{
	dst->engine = adv_xstrdup_or_null(src->engine);
	dst->host = adv_xstrdup_or_null(src->host);
	dst->port = src->port;
	dst->database = adv_xstrdup_or_null(src->database);
	dst->cluster = adv_xstrdup_or_null(src->cluster);
	dst->role = adv_xstrdup_or_null(src->role);
}

cJSON *adv_source_to_json(const struct adv_source *src)
{
	cJSON *o = cJSON_CreateObject();

	adv_json_add_string(o, "engine", src->engine);
	adv_json_add_string(o, "host", src->host);
	adv_json_add_number(o, "port", src->port, src->port > 0);
	adv_json_add_string(o, "database", src->database);
	adv_json_add_string(o, "cluster", src->cluster);
	adv_json_add_string(o, "role", src->role);
	return o;
}

enum adv_status adv_source_from_json(const cJSON *obj, struct adv_source *src,
				     struct adv_error *err)
{
	const char *engine, *host, *database, *cluster, *role;
	double port = 0;
	int has_port = 0;

	adv_source_init(src);
	if (adv_json_string(obj, "engine", "src", &engine, err) != ADV_OK ||
	    adv_json_string(obj, "host", "src", &host, err) != ADV_OK ||
	    adv_json_number(obj, "port", "src", &port, &has_port, err) !=
		    ADV_OK ||
	    adv_json_string(obj, "database", "src", &database, err) != ADV_OK ||
	    adv_json_string(obj, "cluster", "src", &cluster, err) != ADV_OK ||
	    adv_json_string(obj, "role", "src", &role, err) != ADV_OK)
		return err == NULL ? ADV_EINPUT : err->status;
	if (has_port && !(port >= 0 && port <= 65535 && port == floor(port)))
		return adv_error_set(
			err, ADV_EINPUT,
			"key 'port' must be a port number in 'src'");
	src->engine = adv_xstrdup_or_null(engine);
	src->host = adv_xstrdup_or_null(host);
	src->port = has_port ? (int)port : 0;
	src->database = adv_xstrdup_or_null(database);
	src->cluster = adv_xstrdup_or_null(cluster);
	src->role = adv_xstrdup_or_null(role);
	return ADV_OK;
}

void adv_ts_format(double epoch, char out[ADV_TS_LEN])
{
	time_t secs = (time_t)floor(epoch);
	long micros = lround((epoch - (double)secs) * 1e6);
	struct tm tm;
	char date[24];

	if (micros >= 1000000) {
		secs++;
		micros -= 1000000;
	}
	if (micros < 0)
		micros = 0;
	gmtime_r(&secs, &tm);
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, ADV_TS_LEN, "%.20s.%06dZ", date, (int)(micros % 1000000));
}

void adv_ts_now(char out[ADV_TS_LEN])
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	adv_ts_format((double)now.tv_sec + (double)now.tv_nsec * 1e-9, out);
}

static int digits(const char **p, int n, int *out)
{
	int v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant). */
static long days_from_civil(int y, int m, int d)
{
	long era;
	long yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

int adv_ts_parse(const char *s, double *epoch)
{
	int y, mo, d, h, mi, sec;
	double frac = 0;
	int offset = 0;

	if (s == NULL || digits(&s, 4, &y) || *s++ != '-' ||
	    digits(&s, 2, &mo) || *s++ != '-' || digits(&s, 2, &d))
		return -1;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return -1;
	s++;
	if (digits(&s, 2, &h) || *s++ != ':' || digits(&s, 2, &mi) ||
	    *s++ != ':' || digits(&s, 2, &sec))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 ||
	    mi > 59 || sec > 60)
		return -1;
	if (*s == '.') {
		double scale = 0.1;

		s++;
		if (!isdigit((unsigned char)*s))
			return -1;
		while (isdigit((unsigned char)*s)) {
			frac += (*s - '0') * scale;
			scale /= 10;
			s++;
		}
	}
	if (*s == 'Z' || *s == 'z') {
		s++;
	} else if (*s == '+' || *s == '-') {
		int sign = *s == '-' ? -1 : 1;
		int oh, om = 0;

		s++;
		if (digits(&s, 2, &oh))
			return -1;
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && digits(&s, 2, &om))
			return -1;
		offset = sign * (oh * 3600 + om * 60);
	} else {
		return -1;
	}
	if (*s != '\0')
		return -1;
	*epoch = (double)days_from_civil(y, mo, d) * 86400.0 + h * 3600.0 +
		 mi * 60.0 + sec + frac - offset;
	return 0;
}

cJSON *adv_record_new(const char *type, int version, const char *ts,
		      const struct adv_source *src)
{
	cJSON *rec = cJSON_CreateObject();
	char now[ADV_TS_LEN];

	if (ts == NULL) {
		adv_ts_now(now);
		ts = now;
	}
	cJSON_AddStringToObject(rec, "type", type);
	cJSON_AddNumberToObject(rec, "v", version);
	cJSON_AddStringToObject(rec, "ts", ts);
	if (src != NULL)
		cJSON_AddItemToObject(rec, "src", adv_source_to_json(src));
	else
		cJSON_AddNullToObject(rec, "src");
	return rec;
}

static const struct {
	const char *type;
	int version;
} known_types[] = {
	{"snapshot", 1},   {"table", 1},       {"column", 1},	 {"index", 1},
	{"constraint", 1}, {"statement", 1},   {"setting", 1},	 {"warning", 1},
	{"finding", 1},	   {"summary", 1},     {"selection", 1}, {"qual", 1},
	{"plan", 1},	   {"fingerprint", 1}, {"rule", 1},
};

int adv_record_known_version(const char *type)
{
	size_t i;

	for (i = 0; i < sizeof(known_types) / sizeof(known_types[0]); i++) {
		if (strcmp(known_types[i].type, type) == 0)
			return known_types[i].version;
	}
	return 0;
}

int adv_record_version_ok(const cJSON *rec)
{
	const cJSON *type = cJSON_GetObjectItemCaseSensitive(rec, "type");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, "v");
	int known;

	if (!cJSON_IsString(type) || !cJSON_IsNumber(v))
		return 1;
	known = adv_record_known_version(type->valuestring);
	return known == 0 || v->valuedouble <= known;
}

enum adv_status adv_record_check(const cJSON *rec, const char *where,
				 struct adv_error *err)
{
	const cJSON *type = cJSON_GetObjectItemCaseSensitive(rec, "type");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, "v");
	const cJSON *ts = cJSON_GetObjectItemCaseSensitive(rec, "ts");
	const cJSON *src = cJSON_GetObjectItemCaseSensitive(rec, "src");
	int known;

	if (!cJSON_IsString(type) || type->valuestring[0] == '\0')
		return adv_error_set(err, ADV_EINPUT,
				     "record without a string 'type' at '%s'",
				     where);
	if (!cJSON_IsNumber(v) || v->valuedouble < 1 ||
	    v->valuedouble != floor(v->valuedouble))
		return adv_error_set(
			err, ADV_EINPUT,
			"record without a positive integer 'v' at '%s'", where);
	if (ts != NULL && !cJSON_IsString(ts) && !cJSON_IsNull(ts))
		return adv_error_set(err, ADV_EINPUT,
				     "key 'ts' must be a string at '%s'",
				     where);
	if (src != NULL && !cJSON_IsObject(src) && !cJSON_IsNull(src))
		return adv_error_set(err, ADV_EINPUT,
				     "key 'src' must be an object at '%s'",
				     where);
	known = adv_record_known_version(type->valuestring);
	if (known > 0 && v->valuedouble > known)
		return adv_error_set(
			err, ADV_EINPUT,
			"'%s' record version %.0f is newer than this build understands (%d) at '%s'",
			type->valuestring, v->valuedouble, known, where);
	return ADV_OK;
}

static enum adv_status wrong_type(const char *key, const char *want,
				  const char *where, struct adv_error *err)
{
	return adv_error_set(err, ADV_EINPUT, "key '%s' must be %s at '%s'",
			     key, want, where);
}

enum adv_status adv_json_string(const cJSON *obj, const char *key,
				const char *where, const char **out,
				struct adv_error *err)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (item == NULL || cJSON_IsNull(item))
		return ADV_OK;
	if (!cJSON_IsString(item))
		return wrong_type(key, "a string", where, err);
	*out = item->valuestring;
	return ADV_OK;
}

enum adv_status adv_json_number(const cJSON *obj, const char *key,
				const char *where, double *out, int *present,
				struct adv_error *err)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*present = 0;
	*out = 0;
	if (item == NULL || cJSON_IsNull(item))
		return ADV_OK;
	if (!cJSON_IsNumber(item))
		return wrong_type(key, "a number", where, err);
	*out = item->valuedouble;
	*present = 1;
	return ADV_OK;
}

enum adv_status adv_json_int64(const cJSON *obj, const char *key,
			       const char *where, int64_t *out, int *present,
			       struct adv_error *err)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*present = 0;
	*out = 0;
	if (item == NULL || cJSON_IsNull(item))
		return ADV_OK;
	if (cJSON_IsNumber(item)) {
		double v = item->valuedouble;

		/* below 2^63 in magnitude, or the conversion is undefined */
		if (!(v > -9223372036854775807.0 && v < 9223372036854775807.0))
			return adv_error_set(err, ADV_EINPUT,
					     "key '%s' is out of range at '%s'",
					     key, where);
		*out = (int64_t)v;
		*present = 1;
		return ADV_OK;
	}
	if (cJSON_IsString(item)) {
		const char *s = item->valuestring;
		char *end = NULL;
		long long v;

		if (*s == '-')
			s++;
		if (*s == '\0')
			return wrong_type(key, "an integer", where, err);
		for (; *s != '\0'; s++) {
			if (!isdigit((unsigned char)*s))
				return wrong_type(key, "an integer", where,
						  err);
		}
		errno = 0;
		v = strtoll(item->valuestring, &end, 10);
		if (errno == ERANGE)
			return adv_error_set(err, ADV_EINPUT,
					     "key '%s' is out of range at '%s'",
					     key, where);
		*out = (int64_t)v;
		*present = 1;
		return ADV_OK;
	}
	return wrong_type(key, "an integer", where, err);
}

enum adv_status adv_json_bool(const cJSON *obj, const char *key,
			      const char *where, int *out,
			      struct adv_error *err)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = -1;
	if (item == NULL || cJSON_IsNull(item))
		return ADV_OK;
	if (!cJSON_IsBool(item))
		return wrong_type(key, "true or false", where, err);
	*out = cJSON_IsTrue(item) ? 1 : 0;
	return ADV_OK;
}

enum adv_status adv_json_array(const cJSON *obj, const char *key,
			       const char *where, const cJSON **out,
			       struct adv_error *err)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (item == NULL || cJSON_IsNull(item))
		return ADV_OK;
	if (!cJSON_IsArray(item))
		return wrong_type(key, "an array", where, err);
	*out = item;
	return ADV_OK;
}

enum adv_status adv_json_object(const cJSON *obj, const char *key,
				const char *where, const cJSON **out,
				struct adv_error *err)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (item == NULL || cJSON_IsNull(item))
		return ADV_OK;
	if (!cJSON_IsObject(item))
		return wrong_type(key, "an object", where, err);
	*out = item;
	return ADV_OK;
}

void adv_json_add_string(cJSON *obj, const char *key, const char *s)
{
	if (s == NULL)
		cJSON_AddNullToObject(obj, key);
	else
		cJSON_AddStringToObject(obj, key, s);
}

void adv_json_add_number(cJSON *obj, const char *key, double v, int present)
{
	if (!present)
		cJSON_AddNullToObject(obj, key);
	else
		cJSON_AddNumberToObject(obj, key, v);
}
