#ifndef ADV_IDX_HYGIENE_H
#define ADV_IDX_HYGIENE_H

#include "model.h"
#include "report.h"
#include "status.h"

/*
 * The index hygiene checks of ip-indexes: unused-index, duplicate-index,
 * redundant-index, invalid-index and foreign-key-without-index, then one
 * summary record per database. Every finding carries evidence, an action
 * with SQL and its rollback (a DROP's rollback is the server's own
 * definition), a confidence and a fingerprint.
 */
struct adv_hygiene_opts {
	/* statistics windows shorter than this give an info finding instead
	 * of an unused-index verdict */
	double min_observed_seconds;
};

enum adv_status adv_index_hygiene(const struct adv_model *m,
				  const struct adv_hygiene_opts *opts,
				  struct adv_report *report,
				  struct adv_error *err);

#endif
