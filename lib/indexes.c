#include "indexes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "log.h"
#include "model.h"
#include "ndjson.h"
#include "record.h"
#include "report.h"
#include "banned.h"

const char *const adv_indexes_rules[] = {"unused-index",
					 "duplicate-index",
					 "redundant-index",
					 "invalid-index",
					 "foreign-key-without-index",
					 "missing-index",
					 NULL};

enum adv_status adv_model_load(struct adv_model *m, const char *const *inputs,
			       size_t ninputs, int keep_going,
			       struct adv_error *err)
{
	static const char *const stdin_only[] = {"-"};
	enum adv_status st = ADV_OK;
	size_t i;

	if (ninputs == 0) {
		inputs = stdin_only;
		ninputs = 1;
	}
	for (i = 0; i < ninputs && st == ADV_OK; i++) {
		struct adv_ndjson_reader reader;

		st = adv_ndjson_open(&reader, inputs[i], 0, err);
		if (st != ADV_OK)
			break;
		for (;;) {
			cJSON *rec = NULL;
			char where[600];

			st = adv_ndjson_next(&reader, &rec, err);
			if (st == ADV_OK && rec == NULL)
				break;
			if (st == ADV_OK) {
				snprintf(where, sizeof(where), "%s:%ld",
					 reader.name, reader.lineno);
				/* a record from a newer schema is never
				 * skipped: its meaning may have changed */
				if (!adv_record_version_ok(rec)) {
					st = adv_record_check(rec, where, err);
					cJSON_Delete(rec);
					break;
				}
				st = adv_model_add(m, rec, where, err);
				cJSON_Delete(rec);
			}
			if (st == ADV_EINPUT && keep_going) {
				adv_warn("skipped: %s", err->message);
				continue;
			}
			if (st != ADV_OK)
				break;
		}
		adv_ndjson_close(&reader);
	}
	if (st == ADV_OK)
		adv_model_finish(m);
	return st;
}

struct live_ctx {
	struct adv_model *model;
	long n;
};

static enum adv_status add_live(void *ctx, cJSON *rec, struct adv_error *err)
{
	struct live_ctx *lc = ctx;
	char where[64];
	enum adv_status st;

	snprintf(where, sizeof(where), "<collected>:%ld", ++lc->n);
	st = adv_model_add(lc->model, rec, where, err);
	cJSON_Delete(rec);
	return st;
}

enum adv_status adv_indexes_run(const struct adv_indexes_opts *opts,
				struct adv_output *out, struct adv_error *err)
{
	struct adv_model model;
	struct adv_report report;
	enum adv_status st;

	adv_model_init(&model);
	adv_report_init(&report, out, opts->fail_on);
	st = ADV_OK;
	if (opts->baseline != NULL)
		st = adv_report_load_baseline(&report, opts->baseline, err);
	if (st == ADV_OK && opts->collect_live) {
		struct live_ctx lc = {&model, 0};
		struct adv_collect_opts co;

		memset(&co, 0, sizeof(co));
		co.skip_settings = 1;
		st = adv_collect(opts->advise_opts.conn, &co, add_live, &lc,
				 err);
		/* a partial collection still has the catalog */
		if (st == ADV_EPARTIAL)
			st = ADV_OK;
		if (st == ADV_OK)
			adv_model_finish(&model);
	} else if (st == ADV_OK) {
		st = adv_model_load(&model, opts->inputs, opts->ninputs,
				    opts->keep_going, err);
	}
	if (st == ADV_OK && model.nsnapshots == 0)
		adv_warn("no snapshot, index or table records in the input");
	if (st == ADV_OK && opts->advise)
		st = adv_advise(&model, &opts->advise_opts, &report, err);
	else if (st == ADV_OK)
		st = adv_index_hygiene(&model, &opts->hygiene, &report, err);
	if (st == ADV_OK && report.matched)
		st = ADV_FINDINGS;
	adv_report_release(&report);
	adv_model_release(&model);
	return st;
}
