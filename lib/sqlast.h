#ifndef ADV_SQLAST_H
#define ADV_SQLAST_H

#include <stddef.h>

#include "buf.h"
#include "sqllex.h"
#include "status.h"

/*
 * The shared statement representation of the SQL pattern rules: one small
 * syntax tree for PostgreSQL, MySQL/MariaDB and SQL Server, so that a rule
 * is written once. PostgreSQL statements come from libpg_query's parse
 * tree (sqlast_pg.c, the real parser); MySQL and T-SQL statements from a
 * clause-level parser over the sqllex tokens (sqlast_parse.c).
 *
 * Every node is one struct adv_ast; which fields mean something depends on
 * the kind and is listed with each kind below. Unused pointers are NULL,
 * unused numbers 0, and lists are chained through `next`.
 *
 * Names: unquoted identifiers are folded to lower case in every dialect
 * (PostgreSQL folds them; MySQL and SQL Server compare them without case
 * by default), quoted ones are kept exactly, without their quotes.
 * Function, type and setting names are lower case. So a rule compares
 * names with strcmp().
 *
 * loc is the byte offset of the node's first character in the statement
 * text that was parsed, or -1 when the parser did not say; a rule reports
 * its finding at the loc of the node it blames (see patterns.h).
 *
 * All nodes and strings of a statement live in one arena and are freed
 * together.
 */

enum adv_ast_kind {
	ADV_AST_NONE = 0,

	/* ---- statements ---- */

	/*
	 * A query. Plain: with (list of CTE), targets (list of TARGET), from
	 * (list of FROM items), where, group (list of expressions), having,
	 * order (list of SORT), limit, offset, into (SELECT ... INTO table:
	 * a TABLE node), flags DISTINCT, DISTINCT_ON (args: the ON list),
	 * TOP (limit came from TOP), CALC_FOUND_ROWS, STRAIGHT_JOIN,
	 * FOR_UPDATE, VALUES (a VALUES list: values holds the rows).
	 * A set operation: op = ADV_SETOP_*, larg, rarg, flag ALL; order,
	 * limit and offset may be set on it too.
	 */
	ADV_AST_SELECT,
	/*
	 * INSERT or (flag REPLACE) MySQL REPLACE: table (TABLE), cols (list
	 * of COLUMN, NULL without a column list), values (list of LIST rows,
	 * for VALUES), sub (the SELECT source), set (MySQL INSERT ... SET:
	 * list of ASSIGN), flags ON_CONFLICT (ON CONFLICT / ON DUPLICATE KEY
	 * UPDATE), DEFAULT_VALUES; returning; quals (the ON CONFLICT DO UPDATE
	 * or ON DUPLICATE KEY UPDATE assignments, ASSIGN nodes) and where
	 * (the DO UPDATE ... WHERE).
	 */
	ADV_AST_INSERT,
	/*
	 * UPDATE: table (TABLE), set (list of ASSIGN), from (list of FROM
	 * items, PostgreSQL/T-SQL UPDATE ... FROM and MySQL multi-table
	 * joins), where, order, limit, with, returning.
	 */
	ADV_AST_UPDATE,
	/* DELETE: table, from (USING / extra FROM), where, order, limit. */
	ADV_AST_DELETE,
	/*
	 * CREATE TABLE: table (TABLE: schema, name), coldefs (list of
	 * COLDEF), constraints (table constraints: list of CONSTRAINT;
	 * column constraints are also copied here with their cols set to the
	 * column), indexes (MySQL inline KEY/INDEX: list of CREATE_INDEX),
	 * sub (CREATE TABLE ... AS query), options (list of OPTION: engine,
	 * charset, ...), flags TEMPORARY, IF_NOT_EXISTS, AS_SELECT,
	 * PARTITIONED, LIKE (CREATE TABLE ... LIKE / (LIKE x)).
	 */
	ADV_AST_CREATE_TABLE,
	/*
	 * ALTER TABLE: table, cmds (list of ALTER_CMD); flags IF_EXISTS,
	 * ONLY. MySQL RENAME TABLE a TO b and T-SQL sp_rename 'a', 'b' are
	 * an ALTER_TABLE with one ALTER_RENAME_TABLE command.
	 */
	ADV_AST_ALTER_TABLE,
	/*
	 * CREATE INDEX: name (index name, may be NULL), table, args (list
	 * of key expressions: COLUMN for a plain column, anything else is an
	 * expression; each wrapped in a SORT when a direction was written),
	 * include (list of COLUMN), where (partial index predicate), value
	 * (access method, e.g. "btree", "gin"; NULL when not written), flags
	 * UNIQUE, CONCURRENTLY, IF_NOT_EXISTS, ONLY.
	 */
	ADV_AST_CREATE_INDEX,
	/*
	 * DROP: op = ADV_OBJ_* (what is dropped), args (list of TABLE nodes
	 * naming the objects: schema, name), table (DROP INDEX i ON t in
	 * MySQL/T-SQL), flags IF_EXISTS, CONCURRENTLY, CASCADE, TEMPORARY.
	 */
	ADV_AST_DROP,
	/*
	 * CREATE of anything that is not a table, an index or a view: op =
	 * ADV_OBJ_*, name, schema, flags IF_NOT_EXISTS, OR_REPLACE. A
	 * CREATE FUNCTION/PROCEDURE/TRIGGER is one of these.
	 */
	ADV_AST_CREATE_OTHER,
	/* CREATE [MATERIALIZED] VIEW: table (its name), sub (the query), op
	 * ADV_OBJ_VIEW or ADV_OBJ_MATVIEW, flag OR_REPLACE, IF_NOT_EXISTS. */
	ADV_AST_CREATE_VIEW,
	/* TRUNCATE: args (list of TABLE), flag CASCADE. */
	ADV_AST_TRUNCATE,
	/* REINDEX: op = ADV_OBJ_INDEX/TABLE/SCHEMA/DATABASE/SYSTEM, args
	 * (one TABLE naming the object), flag CONCURRENTLY. */
	ADV_AST_REINDEX,
	/* REFRESH MATERIALIZED VIEW: table, flag CONCURRENTLY. */
	ADV_AST_REFRESH,
	/* VACUUM / ANALYZE: args (list of TABLE), flags FULL, ANALYZE_ONLY
	 * (an ANALYZE statement). */
	ADV_AST_VACUUM,
	/* CLUSTER: table (NULL for a bare CLUSTER), name (the index). */
	ADV_AST_CLUSTER,
	/* Transaction control: op = ADV_TXN_*; name (savepoint name). */
	ADV_AST_TRANSACTION,
	/*
	 * SET: name (setting, lower case: "lock_timeout", "statement_timeout",
	 * "lock_wait_timeout", "transaction_isolation" for SET TRANSACTION
	 * ISOLATION LEVEL x and T-SQL SET TRANSACTION ISOLATION LEVEL x),
	 * value (the value as text: "5s", "0", "read uncommitted" in lower
	 * case), flags LOCAL, RESET (RESET name / SET name TO DEFAULT).
	 */
	ADV_AST_SET,
	/* T-SQL DECLARE name CURSOR FOR query, PostgreSQL DECLARE name CURSOR
	 * FOR query: name, sub. */
	ADV_AST_DECLARE_CURSOR,
	/* EXPLAIN query: sub. */
	ADV_AST_EXPLAIN,
	/*
	 * CALL/EXEC/EXECUTE proc: name, schema, args (argument expressions).
	 */
	ADV_AST_CALL,
	/*
	 * Anything else that parsed (GRANT, COMMENT ON, USE, T-SQL control
	 * flow, ...): value holds the first keyword(s) in lower case, e.g.
	 * "grant", "use", "create role"; table the relations it names;
	 * options its OPTION nodes. args may hold expressions found in it
	 * (a T-SQL IF
	 * condition, a DECLARE initialiser) so that expression rules still
	 * see them; sub may hold an embedded query.
	 */
	ADV_AST_OTHER,

	/* ---- FROM items ---- */

	/*
	 * A table, view or other named relation: schema, name, alias; hints
	 * (list of HINT: MySQL USE/FORCE/IGNORE INDEX, T-SQL WITH (NOLOCK,
	 * INDEX(x)); each HINT's name is the hint keyword in lower case,
	 * e.g. "nolock", "force index", "index", and args its arguments),
	 * flags ONLY, TEMPORARY (when naming a temporary table in DDL).
	 */
	ADV_AST_TABLE,
	/* A derived table: sub (the query), alias, cols (column aliases),
	 * flag LATERAL. */
	ADV_AST_SUBQUERY,
	/* A function in FROM (generate_series(1, 10) g): name, schema, args,
	 * alias, flag LATERAL. */
	ADV_AST_FUNCTION_TABLE,
	/*
	 * A join: op = ADV_JOIN_*, larg, rarg (FROM items), quals (the ON
	 * condition), cols (the USING list of COLUMN), flags NATURAL, CROSS
	 * (written as CROSS JOIN / CROSS APPLY), LATERAL (the right side is
	 * LATERAL / APPLY).
	 */
	ADV_AST_JOIN,
	/* A common table expression: name, cols (column names as COLUMN),
	 * sub (its query), flag RECURSIVE. */
	ADV_AST_CTE,

	/* ---- expressions ---- */

	/*
	 * A column reference: name (the column), qual (the table name or
	 * alias before it, NULL when unqualified), schema (when written
	 * schema.table.column).
	 */
	ADV_AST_COLUMN,
	/* * or t.*: qual as for COLUMN. */
	ADV_AST_STAR,
	/*
	 * A literal: op = ADV_CONST_*; value = its text: numbers as written,
	 * strings without quotes and with escapes resolved as far as the
	 * parser knows them, "null", "true"/"false". Flag NATIONAL for N''.
	 * A typed literal (DATE '2024-01-01', '1 day'::interval) is a CAST
	 * over a CONST.
	 */
	ADV_AST_CONST,
	/* A parameter: $n (op = n), ?, :name; value its text. */
	ADV_AST_PARAM,
	/* A variable: @x, @@x (value with the @ signs, lower case). */
	ADV_AST_VARIABLE,
	/*
	 * A function call: name (lower case, without schema), schema, args;
	 * flags DISTINCT (COUNT(DISTINCT ...)), AGG_STAR (COUNT(*)), WINDOW
	 * (has OVER), AGGREGATE (a known aggregate name: count, sum, avg,
	 * min, max, array_agg, string_agg, group_concat, bool_and, bool_or,
	 * every, json_agg, jsonb_agg, stddev*, variance, ...), and BUILTIN
	 * when the name is a built-in function of the dialect (see
	 * adv_ast_builtin_function()). Special forms that are functions in
	 * SQL (COALESCE, NULLIF, GREATEST, LEAST, CURRENT_DATE,
	 * CURRENT_TIMESTAMP, EXTRACT, ...) are FUNC nodes with that name.
	 * where is the aggregate's FILTER (WHERE ...), group the window's
	 * PARTITION BY, order the aggregate's ORDER BY then the window's.
	 */
	ADV_AST_FUNC,
	/*
	 * An operator: name is the operator as written in lower case ("=",
	 * "<>", "!=", "<", "+", "||", "->>", "~", "div", ...); args holds
	 * the left then the right operand, or one operand for a prefix
	 * operator ("-", "~", "not" is NOT below). A comparison with ANY/ALL
	 * is SUBLINK or ANY_ALL below, not an OP.
	 */
	ADV_AST_OP,
	/* AND / OR / NOT: args (2 or more for AND/OR, flattened; 1 for NOT). */
	ADV_AST_AND,
	ADV_AST_OR,
	ADV_AST_NOT,
	/*
	 * LIKE family: op = ADV_LIKE_*; args: the subject, the pattern and
	 * optionally the ESCAPE expression; flag NEGATED (NOT LIKE, !~).
	 */
	ADV_AST_LIKE,
	/*
	 * x [NOT] IN (...): args: first the subject, then the list items;
	 * or sub (the subquery) when it is IN (SELECT ...). Flag NEGATED.
	 */
	ADV_AST_IN,
	/* x [NOT] BETWEEN a AND b: args: x, a, b; flag NEGATED,
	 * SYMMETRIC. */
	ADV_AST_BETWEEN,
	/* x IS [NOT] NULL: args: x; flag NEGATED (IS NOT NULL). */
	ADV_AST_NULLTEST,
	/* x IS [NOT] TRUE/FALSE/UNKNOWN: args: x; value "true", "false",
	 * "unknown"; flag NEGATED. */
	ADV_AST_BOOLTEST,
	/* x IS [NOT] DISTINCT FROM y, also MySQL <=>: args x, y; flag
	 * NEGATED (IS NOT DISTINCT FROM, <=>). */
	ADV_AST_DISTINCT_FROM,
	/*
	 * A subquery used as an expression: op = ADV_SUBLINK_*; sub (the
	 * query); for ANY/ALL also args (the left operand) and name (the
	 * operator, "=" for IN (SELECT) is not used: IN (SELECT) is IN).
	 */
	ADV_AST_SUBLINK,
	/* x op ANY/ALL (array expression): name (operator), op
	 * (ADV_SUBLINK_ANY or _ALL), args: x, the array expression. */
	ADV_AST_ANY_ALL,
	/* CAST(x AS t), x::t, CONVERT(t, x), typed literals: args: x; type. */
	ADV_AST_CAST,
	/* CASE: args (CASE_WHEN nodes, then the ELSE expression, if any);
	 * sub unused; quals: the operand of a simple CASE x WHEN ... */
	ADV_AST_CASE,
	/* WHEN cond THEN result: args: cond, result. */
	ADV_AST_CASE_WHEN,
	/* A parenthesised list, ROW(...), a VALUES row or an ARRAY[...]:
	 * args; flag ARRAY for ARRAY[...]. */
	ADV_AST_LIST,
	/* DEFAULT in VALUES or SET. */
	ADV_AST_DEFAULT,
	/* Any other expression the parser knows only by its children; value
	 * names it ("collate", "at time zone", "interval", ...). */
	ADV_AST_EXPR,

	/* ---- clauses ---- */

	/* A select-list item: args (the expression), alias (NULL when none;
	 * flag IMPLICIT_ALIAS when written without AS). */
	ADV_AST_TARGET,
	/* An ORDER BY / index key item: args (the expression), op =
	 * ADV_SORT_DEFAULT/ASC/DESC, flags NULLS_FIRST, NULLS_LAST. */
	ADV_AST_SORT,
	/* SET col = expr in UPDATE / INSERT ... SET / ON DUPLICATE KEY:
	 * name (column), qual (table qualifier), args (the expression). */
	ADV_AST_ASSIGN,
	/*
	 * A column definition: name, type (see struct adv_ast_type), dflt
	 * (DEFAULT expression, or a GENERATED column's expression), flags
	 * NOT_NULL, NULL_EXPLICIT (written NULL), PRIMARY_KEY, UNIQUE,
	 * AUTO_INCREMENT (MySQL AUTO_INCREMENT, T-SQL IDENTITY, PostgreSQL
	 * GENERATED ... AS IDENTITY and serial types), GENERATED (a computed
	 * column); value (column charset, lower case, from CHARACTER SET x /
	 * CHARSET x), constraints (its inline CONSTRAINT nodes: CHECK,
	 * REFERENCES, ...).
	 */
	ADV_AST_COLDEF,
	/*
	 * A constraint: op = ADV_CONS_*; name (constraint name or NULL),
	 * cols (list of COLUMN: the key or FK columns), table (FK: the
	 * referenced TABLE), include (FK: the referenced columns as COLUMN),
	 * args (CHECK: the expression), value (UNIQUE/PK USING INDEX: the
	 * index name); flags NOT_VALID, DEFERRABLE.
	 */
	ADV_AST_CONSTRAINT,
	/*
	 * One ALTER TABLE subcommand: op = ADV_ALTER_*; name (the column or
	 * constraint it acts on), alias (the new name for renames), coldef
	 * (ADD COLUMN, MySQL MODIFY/CHANGE: the new COLDEF), constraint (ADD
	 * CONSTRAINT: a CONSTRAINT), type (ALTER COLUMN TYPE: the new type),
	 * dflt (SET DEFAULT expression), args (ALTER COLUMN TYPE ... USING
	 * expression), table (ATTACH/DETACH PARTITION: the
	 * partition; RENAME TABLE: the new name), value (CHARSET / ENGINE
	 * value, lower case), flags IF_EXISTS, IF_NOT_EXISTS, CASCADE,
	 * CONCURRENTLY (DETACH PARTITION CONCURRENTLY).
	 */
	ADV_AST_ALTER_CMD,
	/* A table option (MySQL ENGINE=x, DEFAULT CHARSET=x, ...): name
	 * ("engine", "charset", "collate", ...), value (lower case). */
	ADV_AST_OPTION,
	/* A table/query hint, see TABLE; also OPTION (...) items of T-SQL
	 * statements, in the statement's options list. */
	ADV_AST_HINT,

	ADV_AST_KIND_COUNT
};

enum adv_setop {
	ADV_SETOP_NONE = 0,
	ADV_SETOP_UNION,
	ADV_SETOP_INTERSECT,
	ADV_SETOP_EXCEPT
};

enum adv_join_type {
	ADV_JOIN_INNER = 0,
	ADV_JOIN_LEFT,
	ADV_JOIN_RIGHT,
	ADV_JOIN_FULL,
	ADV_JOIN_CROSS
};

enum adv_const_type {
	ADV_CONST_INT = 0,
	ADV_CONST_FLOAT,
	ADV_CONST_STRING,
	ADV_CONST_NULL,
	ADV_CONST_BOOL,
	ADV_CONST_BITS
};

enum adv_like_type {
	ADV_LIKE_LIKE = 0,
	ADV_LIKE_ILIKE,
	ADV_LIKE_SIMILAR,
	ADV_LIKE_REGEX /* ~, ~*, REGEXP, RLIKE */
};

enum adv_sublink_type {
	ADV_SUBLINK_EXISTS = 0,
	ADV_SUBLINK_SCALAR,
	ADV_SUBLINK_ANY,
	ADV_SUBLINK_ALL,
	ADV_SUBLINK_ARRAY
};

enum adv_sort_dir { ADV_SORT_DEFAULT = 0, ADV_SORT_ASC, ADV_SORT_DESC };

enum adv_txn_kind {
	ADV_TXN_BEGIN = 0,
	ADV_TXN_COMMIT,
	ADV_TXN_ROLLBACK,
	ADV_TXN_SAVEPOINT,
	ADV_TXN_RELEASE,
	ADV_TXN_ROLLBACK_TO,
	ADV_TXN_PREPARE,
	ADV_TXN_COMMIT_PREPARED,
	ADV_TXN_ROLLBACK_PREPARED
};

enum adv_obj_type {
	ADV_OBJ_OTHER = 0,
	ADV_OBJ_TABLE,
	ADV_OBJ_INDEX,
	ADV_OBJ_VIEW,
	ADV_OBJ_MATVIEW,
	ADV_OBJ_SCHEMA,
	ADV_OBJ_DATABASE,
	ADV_OBJ_SEQUENCE,
	ADV_OBJ_FUNCTION,
	ADV_OBJ_PROCEDURE,
	ADV_OBJ_TRIGGER,
	ADV_OBJ_TYPE,
	ADV_OBJ_EXTENSION,
	ADV_OBJ_SYSTEM
};

enum adv_cons_type {
	ADV_CONS_PRIMARY = 0,
	ADV_CONS_UNIQUE,
	ADV_CONS_FOREIGN,
	ADV_CONS_CHECK,
	ADV_CONS_EXCLUSION,
	ADV_CONS_NOT_NULL,
	ADV_CONS_OTHER
};

enum adv_alter_type {
	ADV_ALTER_OTHER = 0,
	ADV_ALTER_ADD_COLUMN,
	ADV_ALTER_DROP_COLUMN,
	ADV_ALTER_COLUMN_TYPE, /* ALTER COLUMN TYPE, MySQL MODIFY/CHANGE,
				  T-SQL ALTER COLUMN x type */
	ADV_ALTER_SET_NOT_NULL,
	ADV_ALTER_DROP_NOT_NULL,
	ADV_ALTER_SET_DEFAULT,
	ADV_ALTER_DROP_DEFAULT,
	ADV_ALTER_ADD_CONSTRAINT,   /* also MySQL ADD PRIMARY KEY / UNIQUE /
				       FOREIGN KEY */
	ADV_ALTER_DROP_CONSTRAINT,  /* name = constraint; op of the dropped
				       kind unknown unless DROP PRIMARY KEY /
				       DROP FOREIGN KEY below */
	ADV_ALTER_DROP_PRIMARY_KEY, /* MySQL DROP PRIMARY KEY */
	ADV_ALTER_DROP_FOREIGN_KEY, /* MySQL DROP FOREIGN KEY name */
	ADV_ALTER_VALIDATE_CONSTRAINT,
	ADV_ALTER_RENAME_COLUMN,
	ADV_ALTER_RENAME_TABLE,
	ADV_ALTER_RENAME_CONSTRAINT,
	ADV_ALTER_ATTACH_PARTITION,
	ADV_ALTER_DETACH_PARTITION,
	ADV_ALTER_CHARSET,	   /* [DEFAULT] CHARACTER SET x */
	ADV_ALTER_CONVERT_CHARSET, /* CONVERT TO CHARACTER SET x */
	ADV_ALTER_ENGINE,	   /* ENGINE = x */
	ADV_ALTER_ADD_INDEX,	   /* MySQL ADD INDEX/KEY: constraint is a
				      CREATE_INDEX node */
	ADV_ALTER_DROP_INDEX,	   /* MySQL DROP INDEX/KEY name */
	ADV_ALTER_OTHER_COLUMN	   /* another ALTER COLUMN form */
};

/* Node flags (which apply is listed with each kind). */
#define ADV_ASTF_DISTINCT	 0x00000001u
#define ADV_ASTF_DISTINCT_ON	 0x00000002u
#define ADV_ASTF_ALL		 0x00000004u
#define ADV_ASTF_TOP		 0x00000008u
#define ADV_ASTF_CALC_FOUND_ROWS 0x00000010u
#define ADV_ASTF_STRAIGHT_JOIN	 0x00000020u
#define ADV_ASTF_FOR_UPDATE	 0x00000040u
#define ADV_ASTF_VALUES		 0x00000080u
#define ADV_ASTF_REPLACE	 0x00000100u
#define ADV_ASTF_ON_CONFLICT	 0x00000200u
#define ADV_ASTF_DEFAULT_VALUES	 0x00000400u
#define ADV_ASTF_TEMPORARY	 0x00000800u
#define ADV_ASTF_IF_NOT_EXISTS	 0x00001000u
#define ADV_ASTF_IF_EXISTS	 0x00002000u
#define ADV_ASTF_AS_SELECT	 0x00004000u
#define ADV_ASTF_PARTITIONED	 0x00008000u
#define ADV_ASTF_LIKE		 0x00010000u
#define ADV_ASTF_ONLY		 0x00020000u
#define ADV_ASTF_UNIQUE		 0x00040000u
#define ADV_ASTF_CONCURRENTLY	 0x00080000u
#define ADV_ASTF_CASCADE	 0x00100000u
#define ADV_ASTF_OR_REPLACE	 0x00200000u
#define ADV_ASTF_FULL		 0x00400000u
#define ADV_ASTF_ANALYZE_ONLY	 0x00800000u
#define ADV_ASTF_LOCAL		 0x01000000u
#define ADV_ASTF_RESET		 0x02000000u
#define ADV_ASTF_NATURAL	 0x04000000u
#define ADV_ASTF_CROSS		 0x08000000u
#define ADV_ASTF_LATERAL	 0x10000000u
#define ADV_ASTF_RECURSIVE	 0x20000000u
#define ADV_ASTF_NEGATED	 0x40000000u
#define ADV_ASTF_NATIONAL	 0x80000000u
/* flags2: the rest */
#define ADV_AST2_SYMMETRIC	0x0001u
#define ADV_AST2_AGG_STAR	0x0002u
#define ADV_AST2_WINDOW		0x0004u
#define ADV_AST2_AGGREGATE	0x0008u
#define ADV_AST2_BUILTIN	0x0010u
#define ADV_AST2_ARRAY		0x0020u
#define ADV_AST2_IMPLICIT_ALIAS 0x0040u
#define ADV_AST2_NULLS_FIRST	0x0080u
#define ADV_AST2_NULLS_LAST	0x0100u
#define ADV_AST2_NOT_NULL	0x0200u
#define ADV_AST2_NULL_EXPLICIT	0x0400u
#define ADV_AST2_PRIMARY_KEY	0x0800u
#define ADV_AST2_AUTO_INCREMENT 0x1000u
#define ADV_AST2_GENERATED	0x2000u
#define ADV_AST2_NOT_VALID	0x4000u
#define ADV_AST2_DEFERRABLE	0x8000u

/*
 * A data type as written: cls the family, name the type's name as the
 * dialect spells it in lower case without modifiers ("integer", "int4",
 * "varchar", "character varying", "timestamp", "nvarchar", "enum", ...),
 * len the first modifier (varchar(20) -> 20; -1 for none, -2 for MAX),
 * array for t[], national for N types.
 */
enum adv_type_class {
	ADV_TYPE_OTHER = 0,
	ADV_TYPE_SMALLINT, /* int2, smallint, tinyint */
	ADV_TYPE_MEDIUMINT,
	ADV_TYPE_INT,	 /* int, integer, int4 */
	ADV_TYPE_BIGINT, /* int8, bigint */
	ADV_TYPE_SMALLSERIAL,
	ADV_TYPE_SERIAL,
	ADV_TYPE_BIGSERIAL,
	ADV_TYPE_NUMERIC, /* numeric, decimal, money */
	ADV_TYPE_FLOAT,	  /* float, real, double, double precision, float4,
			     float8 */
	ADV_TYPE_CHAR,	  /* char(n), character(n), bpchar, nchar(n) */
	ADV_TYPE_VARCHAR, /* varchar, character varying, nvarchar,
			     varchar2 */
	ADV_TYPE_TEXT,	  /* text, tinytext, mediumtext, longtext, ntext */
	ADV_TYPE_BOOL,
	ADV_TYPE_DATE,
	ADV_TYPE_TIME,
	ADV_TYPE_TIMESTAMP,   /* timestamp [without time zone] (PG) */
	ADV_TYPE_TIMESTAMPTZ, /* timestamptz, timestamp with time zone */
	ADV_TYPE_DATETIME,    /* MySQL DATETIME/TIMESTAMP, T-SQL datetime,
				 datetime2, smalldatetime, datetimeoffset */
	ADV_TYPE_BINARY,      /* bytea, blob, varbinary, binary */
	ADV_TYPE_UUID,
	ADV_TYPE_JSON,
	ADV_TYPE_ENUM, /* MySQL ENUM(...), SET(...) */
	ADV_TYPE_INTERVAL
};

struct adv_ast_type {
	enum adv_type_class cls;
	const char *name;
	int len;
	int national; /* nchar/nvarchar/ntext */
	int array;
};

struct adv_ast {
	enum adv_ast_kind kind;
	int op;
	unsigned flags;
	unsigned flags2;
	int loc;

	const char *name;
	const char *schema;
	const char *qual;
	const char *alias;
	const char *value;

	struct adv_ast *next; /* the next item of the list this node is in */
	struct adv_ast *args;

	/* queries and DML */
	struct adv_ast *with;
	struct adv_ast *targets;
	struct adv_ast *from;
	struct adv_ast *where;
	struct adv_ast *group;
	struct adv_ast *having;
	struct adv_ast *order;
	struct adv_ast *limit;
	struct adv_ast *offset;
	struct adv_ast *into;
	struct adv_ast *larg;
	struct adv_ast *rarg;
	struct adv_ast *sub;
	struct adv_ast *table;
	struct adv_ast *cols;
	struct adv_ast *values;
	struct adv_ast *set;
	struct adv_ast *returning;
	struct adv_ast *quals;
	struct adv_ast *options; /* T-SQL OPTION (...) items, table options */

	/* DDL */
	struct adv_ast *coldefs;
	struct adv_ast *constraints;
	struct adv_ast *indexes;
	struct adv_ast *cmds;
	struct adv_ast *coldef;
	struct adv_ast *constraint;
	struct adv_ast *include;
	struct adv_ast *dflt;
	struct adv_ast *hints;
	struct adv_ast_type type;
};

/*
 * The arena: every node and string of one parse. _init starts it empty;
 * _release frees everything allocated from it.
 */
struct adv_ast_arena {
	struct adv_ast_chunk *chunks;
	size_t used; /* bytes used in the first chunk */
};

void adv_ast_arena_init(struct adv_ast_arena *a);
void adv_ast_arena_release(struct adv_ast_arena *a);
void *adv_ast_alloc(struct adv_ast_arena *a, size_t size); /* zeroed */
struct adv_ast *adv_ast_new(struct adv_ast_arena *a, enum adv_ast_kind kind,
			    int loc);
char *adv_ast_strdup(struct adv_ast_arena *a, const char *s);
char *adv_ast_strndup(struct adv_ast_arena *a, const char *s, size_t n);
/* The same, folded to lower case (ASCII). */
char *adv_ast_strndup_lower(struct adv_ast_arena *a, const char *s, size_t n);

/* Appends item to the list at *head (item->next must be NULL). */
void adv_ast_append(struct adv_ast **head, struct adv_ast *item);
/* Number of items in a list. */
size_t adv_ast_list_len(const struct adv_ast *list);

/*
 * A parsed statement: the list of top-level statement nodes (one, except
 * for a T-SQL batch or a stored program body parsed as several), or NULL
 * with err set when the statement did not parse.
 */
struct adv_ast_parse {
	struct adv_ast_arena arena;
	struct adv_ast *stmts;
	/* when the parse failed: the message and the byte offset of the
	 * error in the text (-1 unknown) */
	char *error;
	int error_loc;
};

void adv_ast_parse_init(struct adv_ast_parse *p);
void adv_ast_parse_release(struct adv_ast_parse *p);

/*
 * Parses one statement text[0, len) (NUL-terminated at len) of dialect:
 * PostgreSQL through libpg_query, the others through the clause-level
 * parser. Returns ADV_OK with p->stmts set, or ADV_EINPUT with p->error
 * and p->error_loc when it does not parse (never aborts on bad input).
 */
enum adv_status adv_ast_parse_pg(const char *text, size_t len,
				 struct adv_ast_parse *p);
enum adv_status adv_ast_parse_tokens(const char *text, size_t len,
				     enum adv_sql_dialect dialect,
				     struct adv_ast_parse *p);
enum adv_status adv_ast_parse(const char *text, size_t len,
			      enum adv_sql_dialect dialect,
			      struct adv_ast_parse *p);

/*
 * The child pointer of a node through which a walk went down: lets a rule
 * ask "is this column inside a WHERE?" or "is this query inside EXISTS?".
 */
enum adv_ast_field {
	ADV_F_ROOT = 0,
	ADV_F_ARGS,
	ADV_F_WITH,
	ADV_F_TARGETS,
	ADV_F_FROM,
	ADV_F_WHERE,
	ADV_F_GROUP,
	ADV_F_HAVING,
	ADV_F_ORDER,
	ADV_F_LIMIT,
	ADV_F_OFFSET,
	ADV_F_INTO,
	ADV_F_LARG,
	ADV_F_RARG,
	ADV_F_SUB,
	ADV_F_TABLE,
	ADV_F_COLS,
	ADV_F_VALUES,
	ADV_F_SET,
	ADV_F_RETURNING,
	ADV_F_QUALS,
	ADV_F_OPTIONS,
	ADV_F_COLDEFS,
	ADV_F_CONSTRAINTS,
	ADV_F_INDEXES,
	ADV_F_CMDS,
	ADV_F_COLDEF,
	ADV_F_CONSTRAINT,
	ADV_F_INCLUDE,
	ADV_F_DFLT,
	ADV_F_HINTS
};

/*
 * The ancestors of the node being visited: node[0] is where the walk
 * started, node[depth - 1] the parent; field[i] is the pointer of node[i]
 * through which the walk went down to node[i + 1] (or, for the last, to
 * the visited node). Trees deeper than ADV_AST_PATH_MAX are not walked
 * below that depth (the parsers refuse deeper nesting).
 */
#define ADV_AST_PATH_MAX 256
struct adv_ast_path {
	const struct adv_ast *node[ADV_AST_PATH_MAX];
	enum adv_ast_field field[ADV_AST_PATH_MAX];
	int depth;
};

/*
 * Walks a tree depth first, pre-order: calls fn(node, path, data) for
 * node and every node reachable through its child pointers (not through
 * its own next: the caller passes one node; lists below it are walked
 * whole). fn returns 0 to go on, 1 to skip the node's children, -1 to
 * stop the walk, which then returns -1 (else 0). Subqueries are entered;
 * with ADV_WALK_NO_SUBQUERY the walk does not go below a SUBLINK, a
 * SUBQUERY, an IN with a sub, a CTE or a nested SELECT (the node itself is
 * visited).
 */
#define ADV_WALK_NO_SUBQUERY 0x1u
typedef int (*adv_ast_walk_fn)(const struct adv_ast *node,
			       const struct adv_ast_path *path, void *data);
int adv_ast_walk(const struct adv_ast *node, unsigned how, adv_ast_walk_fn fn,
		 void *data);

/* The innermost ancestor of the given kind, or NULL; *field (may be NULL)
 * is set to the field through which the path left it. */
const struct adv_ast *adv_ast_path_find(const struct adv_ast_path *path,
					enum adv_ast_kind kind,
					enum adv_ast_field *field);
/* 1 when the path went through field of any ancestor (below the nearest
 * SELECT/INSERT/UPDATE/DELETE when stop_at_query is set). */
int adv_ast_path_in(const struct adv_ast_path *path, enum adv_ast_field field,
		    int stop_at_query);

/* "select", "column", ... for dumps and messages. */
const char *adv_ast_kind_name(enum adv_ast_kind kind);

/*
 * A compact one-line S-expression of a tree for tests and --debug, e.g.
 * (select (targets (target (column a))) (from (table t)) (where (op = ...)))
 * Only set fields are printed.
 */
void adv_ast_dump(const struct adv_ast *node, struct adv_buf *out);

/*
 * 1 when name (lower case) is a built-in function of the dialect, as far
 * as the rules need to know (udf-in-predicate), else 0.
 */
int adv_ast_builtin_function(const char *name, enum adv_sql_dialect dialect);
/* 1 when name (lower case) is an aggregate function. */
int adv_ast_aggregate_function(const char *name);

#endif
