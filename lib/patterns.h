#ifndef ADV_PATTERNS_H
#define ADV_PATTERNS_H

#include <stddef.h>

#include "finding.h"
#include "sqlast.h"
#include "sqllex.h"
#include "status.h"

/*
 * The SQL pattern engine of ip-patterns: the rule table (rules are data),
 * the configuration (profile, enable/disable, thresholds), the state a
 * script carries from one statement to the next, and the findings.
 *
 * A rule is one entry of a table in one of the lib/pat_*.c files. The
 * engine runs each enabled rule's check on every statement of the input
 * (after the statement is parsed into the shared tree of sqlast.h) and its
 * finish at the end of the input; a rule reports with adv_pat_report*(),
 * and the engine turns that into a finding with the rule's id, severity,
 * why and fix, the statement's place (file:line or queryid), the exact
 * place (line and column of the blamed node) and an excerpt.
 *
 * The engine updates the script state after the rules have seen a
 * statement, so "a table created earlier in the input" means earlier.
 */

/* Dialect bits of a rule. */
#define ADV_PAT_PG  0x1u
#define ADV_PAT_MY  0x2u
#define ADV_PAT_MS  0x4u
#define ADV_PAT_ALL (ADV_PAT_PG | ADV_PAT_MY | ADV_PAT_MS)

enum adv_pat_profile {
	ADV_PAT_PROFILE_DEFAULT = 0, /* on by default */
	ADV_PAT_PROFILE_EXTENDED     /* implemented, off unless enabled */
};

/* What a rule reads. */
enum adv_pat_input {
	ADV_PAT_INPUT_SQL = 0, /* statement text */
	ADV_PAT_INPUT_PLAN,    /* EXPLAIN output (plan_rules.c) */
	ADV_PAT_INPUT_WORKLOAD /* statement statistics (workload_rules.c) */
};

#define ADV_PAT_MAX_THRESHOLDS 6

struct adv_pat_threshold {
	const char *name; /* NULL ends the list */
	double def;
	const char *description;
};

struct adv_pat_ctx;
struct adv_pat_stmt;

struct adv_pat_rule {
	const char *id;
	const char *category; /* "correctness", "performance", ... */
	unsigned dialects;    /* ADV_PAT_* bits */
	enum adv_severity severity;
	enum adv_pat_profile profile;
	enum adv_pat_input input;
	const char *summary; /* what it detects, one sentence */
	const char *why;     /* why it matters, one or two sentences */
	const char *fix;     /* what to do instead, one or two sentences */
	/*
	 * A script that fires the rule and a near-miss that must stay
	 * silent, in the rule's first dialect (pg before my before ms),
	 * for the man page and the tests (tests run both). SQL rules only.
	 */
	const char *example_fire;
	const char *example_quiet;
	struct adv_pat_threshold thresholds[ADV_PAT_MAX_THRESHOLDS + 1];
	/* Runs on every statement that parsed (SQL rules; may be NULL). */
	void (*check)(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st);
	/*
	 * Or a visitor of one node: the engine walks every statement that
	 * parsed with it (adv_pat_walk_stmt), its data a struct
	 * adv_pat_walk. Most rules look at one kind of node and need only
	 * this.
	 */
	adv_ast_walk_fn walk;
	/* Runs once at the end of the input (may be NULL). */
	void (*finish)(struct adv_pat_ctx *cx);
};

/*
 * The tables of the lib/pat_*.c files, one per group, each ended by an
 * entry whose id is NULL.
 */
extern const struct adv_pat_rule adv_pat_rules_correctness[];
extern const struct adv_pat_rule adv_pat_rules_correctness2[];
extern const struct adv_pat_rule adv_pat_rules_performance[];
extern const struct adv_pat_rule adv_pat_rules_schema[];
extern const struct adv_pat_rule adv_pat_rules_migration[];

/* All rules of every input, in the order --list prints them. */
const struct adv_pat_rule *adv_pat_rule_at(size_t i);
size_t adv_pat_rule_count(void);
/* The rule with this id, or NULL; *index (may be NULL) its position. */
const struct adv_pat_rule *adv_pat_rule_find(const char *id, size_t *index);

/* ---- what a rule sees ---- */

/*
 * One statement. text is NUL-terminated at len. toks are its tokens with
 * comments (offsets relative to text; line 1 of a token is text_line of
 * the file). root is the list of top-level nodes, NULL when it did not
 * parse (rules do not run then). queryid is set for statement records.
 */
struct adv_pat_stmt {
	const char *file;    /* "-" for standard input */
	const char *queryid; /* NULL unless from a statement record */
	const char *text;
	size_t len;
	unsigned line; /* first code token, in the file */
	unsigned column;
	unsigned text_line; /* where text[0] is in the file */
	unsigned text_column;
	enum adv_sql_dialect dialect;
	const struct adv_sql_token *toks;
	size_t ntoks;
	/* the comment after the terminator on its line, or NULL */
	const char *note;
	size_t note_len;
	const struct adv_ast *root;
	size_t index; /* 0-based statement number in the input */
};

/* A place in the input, kept in the state for findings at the end. */
struct adv_pat_place {
	char *file;
	char *queryid;
	unsigned line; /* of the statement */
	unsigned column;
	unsigned at_line; /* of the blamed spot */
	unsigned at_column;
	char *excerpt;
	char *statement_fingerprint;
	char *ignore; /* the statement's inline "ignore" list, or NULL */
};

/* What the visitor of a rule's walk (and most hand-made walks) gets. */
struct adv_pat_walk {
	struct adv_pat_ctx *cx;
	const struct adv_pat_stmt *st;
};

/*
 * adv_ast_walk(node, how, fn, data) over each top-level node of st in
 * order, until fn stops a walk with a negative value.
 */
void adv_pat_walk_stmt(const struct adv_pat_stmt *st, unsigned how,
		       adv_ast_walk_fn fn, void *data);

/* The threshold i (table order) of the rule now running. */
double adv_pat_thr(const struct adv_pat_ctx *cx, size_t i);

/*
 * Reports a finding of the running rule on st at byte offset loc of its
 * text (-1: the statement itself). message says what was found at that
 * place ("= NULL compares to NULL and is never true"); the engine adds the
 * rule's why and fix. schema/table name the object when there is one
 * (both may be NULL).
 */
void adv_pat_report(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
		    int loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void adv_pat_report_table(struct adv_pat_ctx *cx, const struct adv_pat_stmt *st,
			  int loc, const char *schema, const char *table,
			  const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* At a place kept in the state (from finish hooks). */
void adv_pat_report_at(struct adv_pat_ctx *cx, const struct adv_pat_place *pl,
		       const char *schema, const char *table, const char *fmt,
		       ...) __attribute__((format(printf, 5, 6)));

/* ---- the script state ---- */

struct adv_pat_column {
	char *name;
	struct adv_ast_type type; /* type.name owned by the state */
	int not_null;
};

/* An index or a key constraint's index; cols[i] is NULL for an
 * expression key. */
struct adv_pat_index {
	char *name; /* may be NULL */
	char **cols;
	size_t ncols;
	int unique;
	int primary;
	int partial;	/* has a WHERE */
	int constraint; /* backs a PRIMARY KEY / UNIQUE constraint */
	char *method;	/* NULL for the default */
	struct adv_pat_place place;
};

struct adv_pat_fk {
	char *name;
	char **cols;
	size_t ncols;
	char *ref_schema;
	char *ref_table;
	struct adv_pat_place place;
};

/* A CHECK constraint; not_null_column is set for CHECK (c IS NOT NULL). */
struct adv_pat_check {
	char *name;
	char *not_null_column;
	int validated; /* added without NOT VALID, or VALIDATEd since */
};

struct adv_pat_table {
	char *schema; /* NULL when not written */
	char *name;
	int temporary;
	struct adv_pat_column *cols;
	size_t ncols;
	struct adv_pat_index *idx;
	size_t nidx;
	struct adv_pat_fk *fks;
	size_t nfk;
	struct adv_pat_check *checks;
	size_t nchecks;
	struct adv_pat_place place; /* its CREATE TABLE */
};

/* A table created earlier in the input (matched by name, and by schema
 * when both name one), or NULL. */
const struct adv_pat_table *adv_pat_find_table(const struct adv_pat_ctx *cx,
					       const char *schema,
					       const char *name);
/* Every table created in the input so far, in creation order. */
size_t adv_pat_table_count(const struct adv_pat_ctx *cx);
const struct adv_pat_table *adv_pat_table_at(const struct adv_pat_ctx *cx,
					     size_t i);
/* The column of a table, or NULL. */
const struct adv_pat_column *adv_pat_table_column(const struct adv_pat_table *t,
						  const char *name);

/* Open explicit transactions before this statement (0 outside one). */
int adv_pat_txn_depth(const struct adv_pat_ctx *cx);
/* The BEGIN that opened the outermost open transaction, or NULL. */
const struct adv_pat_place *adv_pat_txn_place(const struct adv_pat_ctx *cx);
/* 1 when SET lock_timeout (T-SQL LOCK_TIMEOUT, MySQL lock_wait_timeout)
 * / statement_timeout ran earlier in the input with a non-zero value. */
int adv_pat_lock_timeout_set(const struct adv_pat_ctx *cx);
int adv_pat_statement_timeout_set(const struct adv_pat_ctx *cx);
/* The dialect of the input. */
enum adv_sql_dialect adv_pat_dialect(const struct adv_pat_ctx *cx);
/* Changes it for the statements that follow (records of several engines
 * in one input); counts and state are kept. */
void adv_pat_set_dialect(struct adv_pat_ctx *cx, enum adv_sql_dialect d);

/*
 * Memory a rule keeps from one statement to the next in one run (what it
 * must remember that the script state does not): the block for key (the
 * address of a static object in the rule's file, so rules of one file can
 * share a block), size bytes, zeroed when first asked for. release (may be
 * NULL) frees what the block points to; the engine calls it and frees the
 * block with the context.
 */
void *adv_pat_rule_memory(struct adv_pat_ctx *cx, const void *key, size_t size,
			  void (*release)(void *mem));

/* ---- small helpers for rules (patterns.c) ---- */

/* 1 when e is a constant: a literal, a parameter, a cast of one, an
 * operator or built-in non-volatile function over constants only. */
int adv_pat_is_constant(const struct adv_ast *e);
/* 1 when a COLUMN node appears in e (not looking into subqueries). */
int adv_pat_has_column(const struct adv_ast *e);
/* 1 when an aggregate FUNC appears in e (not in subqueries). */
int adv_pat_has_aggregate(const struct adv_ast *e);
/* Case-insensitive ASCII equality. */
int adv_pat_ieq(const char *a, const char *b);

/* ---- running the engine (ip-patterns) ---- */

/*
 * Which rules run with which thresholds, for every rule of
 * adv_pat_rule_at(). _init enables the rules of profile (ALL: default and
 * extended, like EXTENDED).
 */
enum adv_pat_profile_sel {
	ADV_PAT_SEL_DEFAULT = 0,
	ADV_PAT_SEL_EXTENDED,
	ADV_PAT_SEL_ALL
};
struct adv_pat_config {
	size_t nrules;
	unsigned char *enabled;
	double (*thr)[ADV_PAT_MAX_THRESHOLDS];
};
void adv_pat_config_init(struct adv_pat_config *cfg,
			 enum adv_pat_profile_sel profile);
void adv_pat_config_release(struct adv_pat_config *cfg);
/* Enables (on != 0) or disables a rule; ADV_EUSAGE for an unknown id. */
enum adv_status adv_pat_config_enable(struct adv_pat_config *cfg,
				      const char *id, int on,
				      struct adv_error *err);
/* "RULE.NAME=VALUE"; ADV_EUSAGE for an unknown name or a value that is not
 * a finite number >= 0. */
enum adv_status adv_pat_config_set(struct adv_pat_config *cfg,
				   const char *assignment,
				   struct adv_error *err);
/* The thresholds of rule i under cfg. */
const double *adv_pat_config_thresholds(const struct adv_pat_config *cfg,
					size_t i);

/* Receives each finding; a non-OK return stops the run. */
typedef enum adv_status (*adv_pat_emit_fn)(void *data,
					   const struct adv_finding *f,
					   struct adv_error *err);

struct adv_pat_ctx *adv_pat_ctx_new(const struct adv_pat_config *cfg,
				    enum adv_sql_dialect dialect,
				    adv_pat_emit_fn emit, void *data);
void adv_pat_ctx_free(struct adv_pat_ctx *cx);

/*
 * Checks a script: splits text[0, len) with the dialect's splitter, parses
 * each statement, runs the rules and updates the state. A statement that
 * does not parse is a parse-error finding. file names it in findings.
 * Returns ADV_OK, or what the emit function returned.
 */
enum adv_status adv_pat_check_script(struct adv_pat_ctx *cx, const char *file,
				     const char *text, size_t len,
				     struct adv_error *err);
/*
 * One statement text[0, len) whose first code token is at line:column of
 * file (or known by queryid, file NULL). note[0, note_len) is the comment
 * after its terminator on the same line (the splitter's note; NULL, 0 for
 * none): an "ignore" in it counts for the statement.
 */
enum adv_status adv_pat_check_text(struct adv_pat_ctx *cx, const char *file,
				   const char *queryid, const char *text,
				   size_t len, const char *note,
				   size_t note_len, unsigned line,
				   unsigned column, struct adv_error *err);
/* One statement known by a queryid (a statement record's query). */
enum adv_status adv_pat_check_query(struct adv_pat_ctx *cx, const char *queryid,
				    const char *text, struct adv_error *err);
/* Runs the finish hooks. */
enum adv_status adv_pat_finish(struct adv_pat_ctx *cx, struct adv_error *err);

/* Emits a finding built elsewhere (plan and workload rules) through the
 * context, with the engine's suppression of disabled rules. */
enum adv_status adv_pat_emit(struct adv_pat_ctx *cx, struct adv_finding *f,
			     struct adv_error *err);

struct adv_pat_stats {
	size_t statements;
	size_t parse_errors;
	size_t findings;
	int max_risk;
};
void adv_pat_stats(const struct adv_pat_ctx *cx, struct adv_pat_stats *out);

/* The risk of a statement from the severities of its findings: 0-100. */
int adv_pat_risk(const enum adv_severity *sev, size_t n);

/* "pg", "my", "ms" */
const char *adv_pat_dialect_code(enum adv_sql_dialect d);

#endif
