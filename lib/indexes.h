#ifndef ADV_INDEXES_H
#define ADV_INDEXES_H

#include "advise.h"
#include "idx_hygiene.h"
#include "options.h"
#include "output.h"
#include "status.h"

/*
 * ip-indexes as one library call: read fact records from the inputs into a
 * model, run the hygiene checks, write findings and summaries to out.
 */
struct adv_indexes_opts {
	const char *const *inputs; /* paths, "-" for stdin */
	size_t ninputs;
	int keep_going; /* skip malformed lines with a warning */
	const char *baseline;
	const struct adv_fail_on *fail_on;
	struct adv_hygiene_opts hygiene;
	/* --advise: propose new indexes instead of the hygiene checks */
	int advise;
	struct adv_advise_opts advise_opts;
	/* with --advise and a connection but no input files, the catalog
	 * is collected from the connection instead of read from stdin */
	int collect_live;
};

/* The rule ids ip-indexes emits, NULL-terminated. */
extern const char *const adv_indexes_rules[];

/* Returns ADV_OK, ADV_FINDINGS when a finding matched --fail-on, or the
 * error (ADV_EINPUT with file:line, ADV_EIO, ...). */
enum adv_status adv_indexes_run(const struct adv_indexes_opts *opts,
				struct adv_output *out, struct adv_error *err);

/* Reads every record of the inputs into the model (shared by analysers). */
struct adv_model;
enum adv_status adv_model_load(struct adv_model *m, const char *const *inputs,
			       size_t ninputs, int keep_going,
			       struct adv_error *err);

#endif
