/*
 * whatif_driver: runs lib/whatif.c against a live server for t-whatif.sh.
 *
 *   whatif_driver [-l LOG] CONNINFO <script
 *
 * One command per line, fields separated by tabs; blank lines and lines
 * starting with '#' are skipped:
 *
 *   open                         adv_whatif_open
 *   cand NAME SCHEMA TABLE KEY...
 *                                defines candidate NAME; a KEY is a column
 *                                name, "desc:COLUMN", "expr:SQL",
 *                                "include:COLUMN" or "where:SQL"
 *   cost SQL [NAME,NAME...]      adv_whatif_cost with those candidates:
 *                                "cost 41.14 used 1,0 calls 3"
 *   size NAME                    adv_whatif_size: "size 2260992"
 *   calls                        "calls 3"
 *   sql SQL                      runs SQL on the same session (hypothetical
 *                                indexes live in one backend): "sql VALUE"
 *                                with the first column of the first row
 *   free                         adv_whatif_free
 *
 * A call that fails prints "error STATUS SQLSTATE MESSAGE" (SQLSTATE "-"
 * when there is none) and the script goes on. -l LOG receives every
 * statement sent, one per line (newlines in it become spaces). Exits 0
 * after the whole script, 1 when it cannot connect or a line is malformed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "candidate.h"
#include "conn.h"
#include "status.h"
#include "whatif.h"
#include "banned.h"

#define MAX_FIELDS 64

struct named_cand {
	char *name;
	struct adv_candidate *cand;
};

struct driver {
	struct adv_conn *conn;
	struct adv_whatif *w;
	struct named_cand *cands;
	size_t ncands, cands_alloc;
};

static void echo_to_log(const char *sql, void *ctx)
{
	FILE *log = ctx;
	const char *p;

	for (p = sql; *p != '\0'; p++)
		fputc(*p == '\n' || *p == '\r' ? ' ' : *p, log);
	fputc('\n', log);
	fflush(log);
}

static void print_error(const struct adv_error *err)
{
	printf("error %s %s %s\n", adv_status_name(err->status),
	       err->sqlstate[0] != '\0' ? err->sqlstate : "-", err->message);
}

/* Splits line in place at tabs; returns the number of fields. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		char *tab = strchr(p, '\t');

		fields[n++] = p;
		if (tab == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

static const struct adv_candidate *find_cand(const struct driver *d,
					     const char *name)
{
	size_t i;

	for (i = 0; i < d->ncands; i++) {
		if (strcmp(d->cands[i].name, name) == 0)
			return d->cands[i].cand;
	}
	return NULL;
}

static int define_cand(struct driver *d, char **f, size_t nf)
{
	struct adv_candidate *c;
	size_t i;

	if (nf < 5) {
		fprintf(stderr,
			"whatif_driver: cand needs NAME SCHEMA TABLE KEY...\n");
		return -1;
	}
	c = adv_xcalloc(1, sizeof(*c));
	c->schema = adv_xstrdup(f[2]);
	c->table = adv_xstrdup(f[3]);
	c->keys = adv_xcalloc(nf, sizeof(*c->keys));
	c->include = adv_xcalloc(nf, sizeof(*c->include));
	c->size_bytes = -1;
	for (i = 4; i < nf; i++) {
		if (strncmp(f[i], "desc:", 5) == 0) {
			c->keys[c->nkeys].column = adv_xstrdup(f[i] + 5);
			c->keys[c->nkeys++].desc = 1;
		} else if (strncmp(f[i], "expr:", 5) == 0) {
			c->keys[c->nkeys++].expression = adv_xstrdup(f[i] + 5);
		} else if (strncmp(f[i], "include:", 8) == 0) {
			c->include[c->ninclude++] = adv_xstrdup(f[i] + 8);
		} else if (strncmp(f[i], "where:", 6) == 0) {
			free(c->predicate);
			c->predicate = adv_xstrdup(f[i] + 6);
		} else {
			c->keys[c->nkeys++].column = adv_xstrdup(f[i]);
		}
	}
	ADV_ALLOC_GROW(d->cands, d->ncands + 1, d->cands_alloc);
	d->cands[d->ncands].name = adv_xstrdup(f[1]);
	d->cands[d->ncands].cand = c;
	d->ncands++;
	return 0;
}

static int do_cost(struct driver *d, char **f, size_t nf)
{
	const struct adv_candidate **config;
	unsigned char *used;
	struct adv_error err;
	char *names = adv_xstrdup(nf > 2 ? f[2] : "");
	char *p = names;
	size_t n = 0, i;
	double cost = 0;
	int rc = 0;

	config = adv_xcalloc(strlen(names) + 1, sizeof(*config));
	used = adv_xcalloc(strlen(names) + 1, 1);
	while (*p != '\0') {
		char *comma = strchr(p, ',');

		if (comma != NULL)
			*comma = '\0';
		config[n] = find_cand(d, p);
		if (config[n] == NULL) {
			fprintf(stderr,
				"whatif_driver: unknown candidate '%s'\n", p);
			rc = -1;
			goto cleanup;
		}
		n++;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	adv_error_init(&err);
	if (adv_whatif_cost(d->w, f[1], config, n, &cost, used, &err) !=
	    ADV_OK) {
		print_error(&err);
		goto cleanup;
	}
	printf("cost %.2f used ", cost);
	for (i = 0; i < n; i++)
		printf("%s%d", i > 0 ? "," : "", used[i]);
	printf("%s calls %lu\n", n == 0 ? "-" : "", adv_whatif_calls(d->w));
cleanup:
	free(used);
	free(config);
	free(names);
	return rc;
}

static int do_size(struct driver *d, char **f, size_t nf)
{
	const struct adv_candidate *c = nf > 1 ? find_cand(d, f[1]) : NULL;
	struct adv_error err;
	double bytes = 0;

	if (c == NULL) {
		fprintf(stderr,
			"whatif_driver: size needs a known candidate\n");
		return -1;
	}
	adv_error_init(&err);
	if (adv_whatif_size(d->w, c, &bytes, &err) != ADV_OK)
		print_error(&err);
	else
		printf("size %.0f\n", bytes);
	return 0;
}

static int do_sql(struct driver *d, char **f, size_t nf)
{
	struct adv_result *res = NULL;
	struct adv_error err;
	const char *value;

	if (nf < 2) {
		fprintf(stderr, "whatif_driver: sql needs a statement\n");
		return -1;
	}
	adv_error_init(&err);
	if (adv_conn_query(d->conn, f[1], 0, NULL, &res, &err) != ADV_OK) {
		print_error(&err);
		return 0;
	}
	value = adv_result_get(res, 0, 0);
	printf("sql %s\n", value != NULL ? value : "NULL");
	adv_result_free(res);
	return 0;
}

static int run_line(struct driver *d, char *line)
{
	char *f[MAX_FIELDS];
	size_t nf = split_tabs(line, f, MAX_FIELDS);
	struct adv_error err;

	if (strcmp(f[0], "open") == 0) {
		adv_error_init(&err);
		if (adv_whatif_open(d->conn, &d->w, &err) != ADV_OK)
			print_error(&err);
		else
			printf("open ok\n");
		return 0;
	}
	if (strcmp(f[0], "cand") == 0)
		return define_cand(d, f, nf);
	if (strcmp(f[0], "sql") == 0)
		return do_sql(d, f, nf);
	if (d->w == NULL) {
		fprintf(stderr,
			"whatif_driver: '%s' before a successful open\n", f[0]);
		return -1;
	}
	if (strcmp(f[0], "cost") == 0 && nf >= 2)
		return do_cost(d, f, nf);
	if (strcmp(f[0], "size") == 0)
		return do_size(d, f, nf);
	if (strcmp(f[0], "calls") == 0) {
		printf("calls %lu\n", adv_whatif_calls(d->w));
		return 0;
	}
	if (strcmp(f[0], "free") == 0) {
		adv_whatif_free(d->w);
		d->w = NULL;
		printf("free ok\n");
		return 0;
	}
	fprintf(stderr, "whatif_driver: unknown command '%s'\n", f[0]);
	return -1;
}

int main(int argc, char **argv)
{
	struct adv_conn_params params;
	struct driver d;
	struct adv_error err;
	FILE *log = NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	size_t i;
	int arg = 1, rc = 0;

	if (argc == 4 && strcmp(argv[1], "-l") == 0) {
		log = fopen(argv[2], "w");
		if (log == NULL) {
			perror(argv[2]);
			return 1;
		}
		arg = 3;
	}
	if (arg != argc - 1) {
		fprintf(stderr,
			"usage: whatif_driver [-l LOG] CONNINFO <script\n");
		return 1;
	}
	memset(&params, 0, sizeof(params));
	memset(&d, 0, sizeof(d));
	params.target = argv[arg];
	params.password_mode = ADV_PASSWORD_NEVER;
	params.application_name = "whatif_driver";
	params.echo = log != NULL ? echo_to_log : NULL;
	params.echo_ctx = log;
	adv_error_init(&err);
	if (adv_conn_open(&params, &d.conn, &err) != ADV_OK) {
		print_error(&err);
		rc = 1;
		goto cleanup;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	while ((len = getline(&line, &cap, stdin)) >= 0) {
		while (len > 0 &&
		       (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (run_line(&d, line) != 0) {
			rc = 1;
			break;
		}
	}
cleanup:
	adv_whatif_free(d.w);
	adv_conn_free(d.conn);
	for (i = 0; i < d.ncands; i++) {
		free(d.cands[i].name);
		adv_candidate_free(d.cands[i].cand);
	}
	free(d.cands);
	free(line);
	if (log != NULL)
		fclose(log);
	return rc;
}
