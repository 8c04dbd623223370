/*
 * libFuzzer target for the NDJSON reader and the typed record readers.
 *
 * The input is read as a stream (fmemopen) with a small line cap, keeping
 * going after malformed lines as ip-indexes --keep-going does, and every
 * record is added to a model, which reads each key with the typed getters.
 * The model is then grouped into databases and analysed, so that whatever
 * the readers accept is also safe for the analyses.
 *
 * Beyond the sanitizers, it aborts when an error breaks the message grammar
 * (empty, or more than one line) or when a reader error is not ADV_EINPUT.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idx_hygiene.h"
#include "model.h"
#include "ndjson.h"
#include "output.h"
#include "report.h"

/* Small, so that the oversize-line path is reachable with small inputs. */
#define FUZZ_MAX_LINE 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_message(const struct adv_error *err)
{
	if (err->message[0] == '\0' || strchr(err->message, '\n') != NULL)
		abort();
}

static void analyse(const struct adv_model *m)
{
	static FILE *sink;
	struct adv_output *out;
	struct adv_report report;
	struct adv_hygiene_opts opts = {7 * 86400.0};
	struct adv_error err;

	if (sink == NULL)
		sink = fopen("/dev/null", "w");
	if (sink == NULL)
		return;
	out = adv_output_new(sink, "/dev/null", ADV_FORMAT_NDJSON, 0);
	adv_report_init(&report, out, NULL);
	adv_error_init(&err);
	if (adv_index_hygiene(m, &opts, &report, &err) != ADV_OK)
		check_message(&err);
	adv_report_release(&report);
	adv_output_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct adv_ndjson_reader reader;
	struct adv_model model;
	struct adv_model_database *dbs = NULL;
	size_t ndbs = 0, i;
	FILE *fp;

	if (size == 0)
		return 0;
	fp = fmemopen((void *)data, size, "r");
	if (fp == NULL)
		return 0;
	adv_ndjson_init_stream(&reader, fp, "fuzz", FUZZ_MAX_LINE);
	adv_model_init(&model);
	for (;;) {
		struct adv_error err;
		cJSON *rec = NULL;
		enum adv_status st;
		char where[64];

		adv_error_init(&err);
		st = adv_ndjson_next(&reader, &rec, &err);
		if (st != ADV_OK) {
			check_message(&err);
			if (st != ADV_EINPUT || rec != NULL)
				abort();
			continue; /* the bad line was consumed */
		}
		if (rec == NULL)
			break;
		if (!cJSON_IsObject(rec))
			abort();
		snprintf(where, sizeof(where), "fuzz:%ld", reader.lineno);
		if (adv_model_add(&model, rec, where, &err) != ADV_OK)
			check_message(&err);
		cJSON_Delete(rec);
	}
	adv_model_finish(&model);
	adv_model_databases(&model, &dbs, &ndbs);
	for (i = 0; i < ndbs; i++) {
		if (dbs[i].view == NULL || dbs[i].nnodes == 0)
			abort();
	}
	adv_model_databases_free(dbs, ndbs);
	analyse(&model);
	adv_model_release(&model);
	adv_ndjson_close(&reader);
	fclose(fp);
	return 0;
}
