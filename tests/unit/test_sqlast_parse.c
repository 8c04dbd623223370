#include "unit.h"

#include "buf.h"
#include "sqlast.h"

/*
 * The MySQL/T-SQL parser, table-driven: statement text in, the one-line
 * dump of adv_ast_dump() out (several statements are dumped one after the
 * other). Error cases give the message and the byte offset. Every text of
 * every table is also parsed cut short at each byte, which must fail
 * cleanly or parse, never crash.
 */

#define MY ADV_DIALECT_MY
#define MS ADV_DIALECT_MS

struct tree_case {
	enum adv_sql_dialect d;
	const char *sql;
	const char *want;
};

/* The dump of a parse, or "error: MESSAGE @LOC"; caller frees. */
static char *parse_dump(enum adv_sql_dialect d, const char *sql, size_t len)
{
	struct adv_ast_parse p;
	struct adv_buf b;

	adv_ast_parse_init(&p);
	adv_buf_init(&b);
	if (adv_ast_parse_tokens(sql, len, d, &p) == ADV_OK) {
		assert_non_null(p.stmts);
		assert_null(p.error);
		adv_ast_dump(p.stmts, &b);
	} else {
		assert_null(p.stmts);
		assert_non_null(p.error);
		adv_buf_addf(&b, "error: %s @%d", p.error, p.error_loc);
	}
	adv_ast_parse_release(&p);
	return adv_buf_detach(&b);
}

static void run_tree_cases(const struct tree_case *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *got = parse_dump(cases[i].d, cases[i].sql,
				       strlen(cases[i].sql));

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s '%s':\n got %s\nwant %s",
				 cases[i].d == MY ? "mysql" : "tsql",
				 cases[i].sql, got, cases[i].want);
		free(got);
	}
}

static const struct tree_case select_cases[] = {
	/* select basics */
	{MY, "SELECT a, b AS c, d e, 'x' f, t.* FROM t",
	 "(select (targets: (target (args: (column name=a))) (target"
	 " alias=c (args: (column name=b))) (target alias=e"
	 " implicit-alias (args: (column name=d))) (target alias=f"
	 " implicit-alias (args: (const:string value=x))) (target"
	 " (args: (star qual=t)))) (from: (table name=t)))"},
	{MY, "SELECT t.* alias FROM t",
	 "(select (targets: (target alias=alias implicit-alias (args:"
	 " (star qual=t)))) (from: (table name=t)))"},
	{MY,
	 "SELECT DISTINCT SQL_CALC_FOUND_ROWS HIGH_PRIORITY"
	 " SQL_NO_CACHE a FROM t LIMIT 10",
	 "(select distinct calc-found-rows (targets: (target (args:"
	 " (column name=a)))) (from: (table name=t)) (limit: (const:int"
	 " value=10)))"},
	{MY,
	 "SELECT STRAIGHT_JOIN a FROM t1 STRAIGHT_JOIN t2 ON t1.id"
	 " = t2.id",
	 "(select straight-join (targets: (target (args: (column"
	 " name=a)))) (from: (join:inner straight-join (larg: (table"
	 " name=t1)) (rarg: (table name=t2)) (quals: (op name== (args:"
	 " (column name=id qual=t1) (column name=id qual=t2)))))))"},
	{MS, "SELECT TOP 10 PERCENT WITH TIES a FROM t ORDER BY a",
	 "(select top (targets: (target (args: (column name=a))))"
	 " (from: (table name=t)) (order: (sort (args: (column"
	 " name=a)))) (limit: (const:int value=10)))"},
	{MS, "SELECT DISTINCT TOP (@n) a FROM t",
	 "(select distinct top (targets: (target (args: (column"
	 " name=a)))) (from: (table name=t)) (limit: (variable"
	 " value=@n)))"},
	{MS, "SELECT total = SUM(b), [x y] = 1, c AS 'z' FROM t",
	 "(select (targets: (target alias=total (args: (func name=sum"
	 " aggregate builtin (args: (column name=b))))) (target"
	 " alias='x y' (args: (const:int value=1))) (target alias=z"
	 " (args: (column name=c)))) (from: (table name=t)))"},
	/* from and joins */
	{MY,
	 "SELECT * FROM a, b JOIN c ON b.x = c.x LEFT OUTER JOIN d"
	 " USING (id) NATURAL JOIN e CROSS JOIN f RIGHT JOIN g ON 1"
	 " = 1",
	 "(select (targets: (target (args: (star)))) (from: (table"
	 " name=a) (join:right (larg: (join:cross cross (larg:"
	 " (join:inner natural (larg: (join:left (cols: (column"
	 " name=id)) (larg: (join:inner (larg: (table name=b)) (rarg:"
	 " (table name=c)) (quals: (op name== (args: (column name=x"
	 " qual=b) (column name=x qual=c)))))) (rarg: (table name=d))))"
	 " (rarg: (table name=e)))) (rarg: (table name=f)))) (rarg:"
	 " (table name=g)) (quals: (op name== (args: (const:int"
	 " value=1) (const:int value=1)))))))"},
	{MY, "SELECT * FROM (SELECT a FROM t) AS d, (SELECT 1) x, db.t3",
	 "(select (targets: (target (args: (star)))) (from: (subquery"
	 " alias=d (sub: (select (targets: (target (args: (column"
	 " name=a)))) (from: (table name=t))))) (subquery alias=x"
	 " implicit-alias (sub: (select (targets: (target (args:"
	 " (const:int value=1))))))) (table name=t3 schema=db)))"},
	{MY,
	 "SELECT * FROM t USE INDEX (i1, i2) FORCE INDEX FOR ORDER"
	 " BY (PRIMARY) IGNORE KEY FOR JOIN (i3)",
	 "(select (targets: (target (args: (star)))) (from: (table"
	 " name=t (hints: (hint name='use index' (args: (const:string"
	 " value=i1) (const:string value=i2))) (hint name='force index'"
	 " value='order by' (args: (const:string value=primary))) (hint"
	 " name='ignore index' value=join (args: (const:string"
	 " value=i3)))))))"},
	{MY,
	 "SELECT * FROM t AS a FORCE INDEX (ix) JOIN u PARTITION"
	 " (p0) b ON a.id = b.id",
	 "(select (targets: (target (args: (star)))) (from: (join:inner"
	 " (larg: (table name=t alias=a (hints: (hint name='force"
	 " index' (args: (const:string value=ix)))))) (rarg: (table"
	 " name=u alias=b implicit-alias)) (quals: (op name== (args:"
	 " (column name=id qual=a) (column name=id qual=b)))))))"},
	{MS,
	 "SELECT * FROM dbo.t WITH (NOLOCK, INDEX(ix1)) JOIN u"
	 " (nolock) ON t.id = u.id",
	 "(select (targets: (target (args: (star)))) (from: (join:inner"
	 " (larg: (table name=t schema=dbo (hints: (hint name=nolock)"
	 " (hint name=index (args: (const:string value=ix1)))))) (rarg:"
	 " (table name=u (hints: (hint name=nolock)))) (quals: (op"
	 " name== (args: (column name=id qual=t) (column name=id"
	 " qual=u)))))))"},
	{MS,
	 "SELECT * FROM t AS x WITH (READUNCOMMITTED, INDEX = ix2)"
	 " INNER HASH JOIN v ON 1 = 1",
	 "(select (targets: (target (args: (star)))) (from: (join:inner"
	 " (larg: (table name=t alias=x (hints: (hint"
	 " name=readuncommitted) (hint name=index (args: (const:string"
	 " value=ix2)))))) (rarg: (table name=v)) (quals: (op name=="
	 " (args: (const:int value=1) (const:int value=1)))) (hints:"
	 " (hint name=hash)))))"},
	{MS,
	 "SELECT * FROM t CROSS APPLY f(t.id) AS x OUTER APPLY"
	 " (SELECT TOP 1 b FROM u WHERE u.id = t.id) y",
	 "(select (targets: (target (args: (star)))) (from: (join:left"
	 " lateral (larg: (join:inner cross lateral (larg: (table"
	 " name=t)) (rarg: (function-table name=f alias=x (args:"
	 " (column name=id qual=t)))))) (rarg: (subquery alias=y"
	 " implicit-alias (sub: (select top (targets: (target (args:"
	 " (column name=b)))) (from: (table name=u)) (where: (op name=="
	 " (args: (column name=id qual=u) (column name=id qual=t))))"
	 " (limit: (const:int value=1)))))))))"},
	{MS,
	 "SELECT * FROM [db].[dbo].[t] JOIN db..u ON 1 = 1 FULL"
	 " JOIN #tmp ON 1 = 1",
	 "(select (targets: (target (args: (star)))) (from: (join:full"
	 " (larg: (join:inner (larg: (table name=t schema=dbo)) (rarg:"
	 " (table name=u)) (quals: (op name== (args: (const:int"
	 " value=1) (const:int value=1)))))) (rarg: (table name=#tmp"
	 " temporary)) (quals: (op name== (args: (const:int value=1)"
	 " (const:int value=1)))))))"},
	{MY,
	 "SELECT * FROM (a JOIN b ON a.id = b.id) LEFT JOIN c ON"
	 " c.id = a.id",
	 "(select (targets: (target (args: (star)))) (from: (join:left"
	 " (larg: (join:inner (larg: (table name=a)) (rarg: (table"
	 " name=b)) (quals: (op name== (args: (column name=id qual=a)"
	 " (column name=id qual=b)))))) (rarg: (table name=c)) (quals:"
	 " (op name== (args: (column name=id qual=c) (column name=id"
	 " qual=a)))))))"},
	/* clauses */
	{MY,
	 "SELECT a FROM t WHERE b = 1 GROUP BY a WITH ROLLUP HAVING"
	 " COUNT(*) > 1 ORDER BY a DESC, b LIMIT 5, 10",
	 "(select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t)) (where: (op name== (args: (column name=b)"
	 " (const:int value=1)))) (group: (column name=a)) (having: (op"
	 " name=> (args: (func name=count agg-star aggregate builtin)"
	 " (const:int value=1)))) (order: (sort:desc (args: (column"
	 " name=a))) (sort (args: (column name=b)))) (limit: (const:int"
	 " value=10)) (offset: (const:int value=5)))"},
	{MY, "SELECT a FROM t LIMIT 10 OFFSET 20 FOR UPDATE",
	 "(select for-update (targets: (target (args: (column"
	 " name=a)))) (from: (table name=t)) (limit: (const:int"
	 " value=10)) (offset: (const:int value=20)))"},
	{MY, "SELECT a FROM t LOCK IN SHARE MODE",
	 "(select for-update (targets: (target (args: (column"
	 " name=a)))) (from: (table name=t)))"},
	{MS,
	 "SELECT a FROM t ORDER BY a OFFSET 10 ROWS FETCH NEXT 5"
	 " ROWS ONLY",
	 "(select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t)) (order: (sort (args: (column name=a))))"
	 " (limit: (const:int value=5)) (offset: (const:int value=10)))"},
	{MY,
	 "(SELECT a FROM t) UNION ALL (SELECT b FROM u) ORDER BY 1"
	 " LIMIT 3",
	 "(select:union all (order: (sort (args: (const:int value=1))))"
	 " (limit: (const:int value=3)) (larg: (select (targets:"
	 " (target (args: (column name=a)))) (from: (table name=t))))"
	 " (rarg: (select (targets: (target (args: (column name=b))))"
	 " (from: (table name=u)))))"},
	{MY,
	 "SELECT a FROM t UNION SELECT b FROM u INTERSECT SELECT c"
	 " FROM v EXCEPT SELECT d FROM w",
	 "(select:except (larg: (select:union (larg: (select (targets:"
	 " (target (args: (column name=a)))) (from: (table name=t))))"
	 " (rarg: (select:intersect (larg: (select (targets: (target"
	 " (args: (column name=b)))) (from: (table name=u)))) (rarg:"
	 " (select (targets: (target (args: (column name=c)))) (from:"
	 " (table name=v)))))))) (rarg: (select (targets: (target"
	 " (args: (column name=d)))) (from: (table name=w)))))"},
	{MY,
	 "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1"
	 " FROM c WHERE n < 5) SELECT * FROM c",
	 "(select (with: (cte name=c recursive (cols: (column name=n))"
	 " (sub: (select:union all (larg: (select (targets: (target"
	 " (args: (const:int value=1)))))) (rarg: (select (targets:"
	 " (target (args: (op name=+ (args: (column name=n) (const:int"
	 " value=1)))))) (from: (table name=c)) (where: (op name=<"
	 " (args: (column name=n) (const:int value=5))))))))))"
	 " (targets: (target (args: (star)))) (from: (table name=c)))"},
	{MS, "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
	 "(select (with: (cte name=x (sub: (select (targets: (target"
	 " alias=a (args: (const:int value=1)))))))) (targets: (target"
	 " (args: (column name=a)))) (from: (table name=x)))"},
	{MY, "SELECT a INTO @x, @y FROM t",
	 "(select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t)) (into: (variable value=@x) (variable"
	 " value=@y)))"},
	{MY,
	 "SELECT a FROM t INTO OUTFILE '/tmp/x' FIELDS TERMINATED"
	 " BY ','",
	 "(select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t)) (into: (const:string value=/tmp/x)))"},
	{MS, "SELECT a INTO #tmp FROM t WHERE 1 = 0",
	 "(select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t)) (where: (op name== (args: (const:int"
	 " value=1) (const:int value=0)))) (into: (table name=#tmp"
	 " temporary)))"},
	{MS,
	 "SELECT a FROM t OPTION (RECOMPILE, HASH JOIN, MAXDOP 1,"
	 " FORCE ORDER, USE HINT ('DISABLE_OPTIMIZER_ROWGOAL'))",
	 "(select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t)) (options: (hint name=recompile) (hint"
	 " name='hash join') (hint name=maxdop (args: (const:int"
	 " value=1))) (hint name='force order') (hint name='use hint'"
	 " (args: (const:string value=DISABLE_OPTIMIZER_ROWGOAL)))))"},
	{MS,
	 "SELECT (SELECT a FROM t FOR XML PATH(''),"
	 " TYPE).value('.', 'nvarchar(max)')",
	 "(select (targets: (target (args: (func name=value (args:"
	 " (sublink:scalar (sub: (select (targets: (target (args:"
	 " (column name=a)))) (from: (table name=t))))) (const:string"
	 " value=.) (const:string value='nvarchar(max)')))))))"},
};

static const struct tree_case expr_cases[] = {
	/* expressions */
	{MY, "SELECT * FROM t WHERE a = b = 'x'",
	 "(select (targets: (target (args: (star)))) (from: (table"
	 " name=t)) (where: (op name== (args: (op name== (args: (column"
	 " name=a) (column name=b))) (const:string value=x)))))"},
	{MY, "SELECT * FROM t WHERE a OR b XOR c AND NOT d || e && f",
	 "(select (targets: (target (args: (star)))) (from: (table"
	 " name=t)) (where: (or (args: (column name=a) (op name=xor"
	 " (args: (column name=b) (and (args: (column name=c) (not"
	 " (args: (column name=d))))))) (and (args: (column name=e)"
	 " (column name=f)))))))"},
	{MY,
	 "SELECT (a AND b) AND c, a AND (b AND c), a AND b OR c AND"
	 " d OR e, (a OR b) AND (c OR d) AND e",
	 "(select (targets: (target (args: (and (args: (column name=a)"
	 " (column name=b) (column name=c))))) (target (args: (and"
	 " (args: (column name=a) (column name=b) (column name=c)))))"
	 " (target (args: (or (args: (and (args: (column name=a)"
	 " (column name=b))) (and (args: (column name=c) (column"
	 " name=d))) (column name=e))))) (target (args: (and (args: (or"
	 " (args: (column name=a) (column name=b))) (or (args: (column"
	 " name=c) (column name=d))) (column name=e)))))))"},
	{MS, "SELECT 'a' + b + N'c', a | b & c ^ d FROM t",
	 "(select (targets: (target (args: (op name=+ (args: (op name=+"
	 " (args: (const:string value=a) (column name=b)))"
	 " (const:string value=c national))))) (target (args: (op"
	 " name=^ (args: (op name=& (args: (op name=| (args: (column"
	 " name=a) (column name=b))) (column name=c))) (column"
	 " name=d)))))) (from: (table name=t)))"},
	{MY,
	 "SELECT * FROM t WHERE a <=> NULL AND b IS NOT TRUE AND c"
	 " IS UNKNOWN AND d IS NULL AND e IS NOT NULL",
	 "(select (targets: (target (args: (star)))) (from: (table"
	 " name=t)) (where: (and (args: (distinct-from not (args:"
	 " (column name=a) (const:null value=null))) (booltest"
	 " value=true not (args: (column name=b))) (booltest"
	 " value=unknown (args: (column name=c))) (nulltest (args:"
	 " (column name=d))) (nulltest not (args: (column name=e)))))))"},
	{MY,
	 "SELECT * FROM t WHERE d IN (1, 2) AND e NOT IN (SELECT x"
	 " FROM y) AND f IN ((SELECT 1))",
	 "(select (targets: (target (args: (star)))) (from: (table"
	 " name=t)) (where: (and (args: (in (args: (column name=d)"
	 " (const:int value=1) (const:int value=2))) (in not (args:"
	 " (column name=e)) (sub: (select (targets: (target (args:"
	 " (column name=x)))) (from: (table name=y))))) (in (args:"
	 " (column name=f)) (sub: (select (targets: (target (args:"
	 " (const:int value=1)))))))))))"},
	{MY,
	 "SELECT * FROM t WHERE a NOT BETWEEN 1 AND 5 AND b LIKE"
	 " 'x\\_%' ESCAPE '!' AND c NOT REGEXP '^a' AND d RLIKE 'b'",
	 "(select (targets: (target (args: (star)))) (from: (table"
	 " name=t)) (where: (and (args: (between not (args: (column"
	 " name=a) (const:int value=1) (const:int value=5))) (like:like"
	 " (args: (column name=b) (const:string value='x\\\\_%')"
	 " (const:string value=!))) (like:regex not (args: (column"
	 " name=c) (const:string value=^a))) (like:regex (args: (column"
	 " name=d) (const:string value=b)))))))"},
	{MY,
	 "SELECT a + b * c - d / e % f DIV g MOD h, a | b & c << 2"
	 " ^ 3, -5, - a, ~b, !c FROM t",
	 "(select (targets: (target (args: (op name=- (args: (op name=+"
	 " (args: (column name=a) (op name=* (args: (column name=b)"
	 " (column name=c))))) (op name=mod (args: (op name=div (args:"
	 " (op name=% (args: (op name=/ (args: (column name=d) (column"
	 " name=e))) (column name=f))) (column name=g))) (column"
	 " name=h))))))) (target (args: (op name=| (args: (column"
	 " name=a) (op name=& (args: (column name=b) (op name=<< (args:"
	 " (column name=c) (op name=^ (args: (const:int value=2)"
	 " (const:int value=3))))))))))) (target (args: (const:int"
	 " value=-5))) (target (args: (op name=- (args: (column"
	 " name=a))))) (target (args: (op name=~ (args: (column"
	 " name=b))))) (target (args: (not (args: (column name=c))))))"
	 " (from: (table name=t)))"},
	{MY,
	 "SELECT EXISTS (SELECT 1), (SELECT max(a) FROM t), a = ANY"
	 " (SELECT b FROM u), a > ALL (SELECT b FROM u), a < SOME"
	 " (SELECT 1)",
	 "(select (targets: (target (args: (sublink:exists (sub:"
	 " (select (targets: (target (args: (const:int value=1)))))))))"
	 " (target (args: (sublink:scalar (sub: (select (targets:"
	 " (target (args: (func name=max aggregate builtin (args:"
	 " (column name=a)))))) (from: (table name=t))))))) (target"
	 " (args: (sublink:any name== (args: (column name=a)) (sub:"
	 " (select (targets: (target (args: (column name=b)))) (from:"
	 " (table name=u))))))) (target (args: (sublink:all name=>"
	 " (args: (column name=a)) (sub: (select (targets: (target"
	 " (args: (column name=b)))) (from: (table name=u)))))))"
	 " (target (args: (sublink:any name=< (args: (column name=a))"
	 " (sub: (select (targets: (target (args: (const:int"
	 " value=1)))))))))))"},
	{MY, "SELECT NOT EXISTS (SELECT 1 FROM t) AND x",
	 "(select (targets: (target (args: (and (args: (not (args:"
	 " (sublink:exists (sub: (select (targets: (target (args:"
	 " (const:int value=1)))) (from: (table name=t))))))) (column"
	 " name=x)))))))"},
	{MY,
	 "SELECT CASE a WHEN 1 THEN 'x' ELSE 'y' END, CASE WHEN a >"
	 " 1 THEN 2 END FROM t",
	 "(select (targets: (target (args: (case (args: (when (args:"
	 " (const:int value=1) (const:string value=x))) (const:string"
	 " value=y)) (quals: (column name=a))))) (target (args: (case"
	 " (args: (when (args: (op name=> (args: (column name=a)"
	 " (const:int value=1))) (const:int value=2)))))))) (from:"
	 " (table name=t)))"},
	{MY,
	 "SELECT CAST(a AS UNSIGNED), CAST(b AS CHAR(10) CHARACTER"
	 " SET utf8mb4), CONVERT(c, DECIMAL(10,2)), CONVERT(d USING"
	 " utf8mb4), BINARY e FROM t",
	 "(select (targets: (target (args: (cast type=bigint/unsigned"
	 " (args: (column name=a))))) (target (args: (cast"
	 " type=char/char(10) (args: (column name=b))))) (target (args:"
	 " (cast type=numeric/decimal(10) (args: (column name=c)))))"
	 " (target (args: (cast value=utf8mb4 type=varchar/char (args:"
	 " (column name=d))))) (target (args: (cast type=binary/binary"
	 " (args: (column name=e)))))) (from: (table name=t)))"},
	{MS,
	 "SELECT CONVERT(varchar(10), d, 120), TRY_CONVERT(int, x),"
	 " TRY_CAST(y AS nvarchar(max)), CAST(z AS datetime2(7))"
	 " FROM t",
	 "(select (targets: (target (args: (cast"
	 " type=varchar/varchar(10) (args: (column name=d))))) (target"
	 " (args: (cast type=int/int (args: (column name=x))))) (target"
	 " (args: (cast type=varchar/nvarchar(-2)/n (args: (column"
	 " name=y))))) (target (args: (cast type=datetime/datetime2(7)"
	 " (args: (column name=z)))))) (from: (table name=t)))"},
	{MY,
	 "SELECT COUNT(*), COUNT(DISTINCT a, b), SUM(x) OVER"
	 " (PARTITION BY g ORDER BY h ROWS BETWEEN UNBOUNDED"
	 " PRECEDING AND CURRENT ROW), ROW_NUMBER() OVER w,"
	 " my_udf(a), db.f(1) FROM t",
	 "(select (targets: (target (args: (func name=count agg-star"
	 " aggregate builtin))) (target (args: (func name=count"
	 " distinct aggregate builtin (args: (column name=a) (column"
	 " name=b))))) (target (args: (func name=sum window aggregate"
	 " builtin (args: (column name=x)) (group: (column name=g))"
	 " (order: (sort (args: (column name=h))))))) (target (args:"
	 " (func name=row_number window builtin))) (target (args: (func"
	 " name=my_udf (args: (column name=a))))) (target (args: (func"
	 " name=f schema=db (args: (const:int value=1)))))) (from:"
	 " (table name=t)))"},
	{MY,
	 "SELECT NOW() - INTERVAL 1 DAY, DATE_ADD(d, INTERVAL ?"
	 " HOUR), x'1F', 0x1F, b'101', 0b11, 1.5e3, .5",
	 "(select (targets: (target (args: (op name=- (args: (func"
	 " name=now builtin) (expr name=day value=interval (args:"
	 " (const:int value=1))))))) (target (args: (func name=date_add"
	 " builtin (args: (column name=d) (expr name=hour"
	 " value=interval (args: (param value=?))))))) (target (args:"
	 " (const:bits value=x1F))) (target (args: (const:bits"
	 " value=x1F))) (target (args: (const:bits value=b101)))"
	 " (target (args: (const:bits value=b11))) (target (args:"
	 " (const:float value=1.5e3))) (target (args: (const:float"
	 " value=.5)))))"},
	{MY,
	 "SELECT N'abc', 'it''s', 'a\\'b', 'tab\\there', \"dq\","
	 " 'a' 'b', _utf8mb4'x', TRUE, FALSE, NULL, DATE"
	 " '2024-01-01', TIMESTAMP '2024-01-01 00:00:00'",
	 "(select (targets: (target (args: (const:string value=abc"
	 " national))) (target (args: (const:string value='it\\'s')))"
	 " (target (args: (const:string value='a\\'b'))) (target (args:"
	 " (const:string value='tab\there'))) (target (args:"
	 " (const:string value=dq))) (target (args: (const:string"
	 " value=ab))) (target (args: (const:string value=x))) (target"
	 " (args: (const:bool value=true))) (target (args: (const:bool"
	 " value=false))) (target (args: (const:null value=null)))"
	 " (target (args: (cast type=date/date (args: (const:string"
	 " value=2024-01-01))))) (target (args: (cast"
	 " type=datetime/timestamp (args: (const:string"
	 " value='2024-01-01 00:00:00')))))))"},
	{MS,
	 "SELECT N'x', 'it''s', 'a\\b', 0x1F, @@IDENTITY,"
	 " SCOPE_IDENTITY(), @p, ?",
	 "(select (targets: (target (args: (const:string value=x"
	 " national))) (target (args: (const:string value='it\\'s')))"
	 " (target (args: (const:string value='a\\\\b'))) (target"
	 " (args: (const:bits value=x1F))) (target (args: (variable"
	 " value=@@identity))) (target (args: (func name=scope_identity"
	 " builtin))) (target (args: (variable value=@p))) (target"
	 " (args: (param value=?)))))"},
	{MY,
	 "SELECT ?, :name, @x, @@session.sql_mode, @@version, @a :="
	 " 1",
	 "(select (targets: (target (args: (param value=?))) (target"
	 " (args: (param value=:name))) (target (args: (variable"
	 " value=@x))) (target (args: (variable"
	 " value=@@session.sql_mode))) (target (args: (variable"
	 " value=@@version))) (target (args: (expr value=assign (args:"
	 " (variable value=@a) (const:int value=1)))))))"},
	{MY,
	 "SELECT GROUP_CONCAT(DISTINCT a ORDER BY b SEPARATOR ','),"
	 " EXTRACT(YEAR FROM d), TRIM(LEADING 'x' FROM s),"
	 " SUBSTRING(s FROM 2 FOR 3), POSITION('a' IN s) FROM t",
	 "(select (targets: (target (args: (func name=group_concat"
	 " distinct aggregate builtin (args: (column name=a)"
	 " (const:string value=,)) (order: (sort (args: (column"
	 " name=b))))))) (target (args: (func name=extract builtin"
	 " (args: (const:string value=year) (column name=d))))) (target"
	 " (args: (func name=trim builtin (args: (column name=s)"
	 " (const:string value=x))))) (target (args: (func"
	 " name=substring builtin (args: (column name=s) (const:int"
	 " value=2) (const:int value=3))))) (target (args: (func"
	 " name=position builtin (args: (const:string value=a) (column"
	 " name=s)))))) (from: (table name=t)))"},
	{MY,
	 "SELECT LEFT(s, 3), IF(a, b, c), MOD(a, 2),"
	 " CURRENT_TIMESTAMP, CURRENT_DATE(), TIMESTAMPDIFF(MINUTE,"
	 " a, b) FROM t",
	 "(select (targets: (target (args: (func name=left builtin"
	 " (args: (column name=s) (const:int value=3))))) (target"
	 " (args: (func name=if builtin (args: (column name=a) (column"
	 " name=b) (column name=c))))) (target (args: (func name=mod"
	 " builtin (args: (column name=a) (const:int value=2)))))"
	 " (target (args: (func name=current_timestamp builtin)))"
	 " (target (args: (func name=current_date builtin))) (target"
	 " (args: (func name=timestampdiff builtin (args: (const:string"
	 " value=minute) (column name=a) (column name=b)))))) (from:"
	 " (table name=t)))"},
	{MY,
	 "SELECT MATCH (a, b) AGAINST ('x' IN BOOLEAN MODE),"
	 " j->'$.a', j->>'$.b', a COLLATE utf8mb4_bin, `weird col`,"
	 " t.`x``y` FROM t",
	 "(select (targets: (target (args: (func name=match (args:"
	 " (column name=a) (column name=b) (const:string value=x)))))"
	 " (target (args: (op name=-> (args: (column name=j)"
	 " (const:string value=$.a))))) (target (args: (op name=->>"
	 " (args: (column name=j) (const:string value=$.b))))) (target"
	 " (args: (expr name=utf8mb4_bin value=collate (args: (column"
	 " name=a))))) (target (args: (column name='weird col')))"
	 " (target (args: (column name=x`y qual=t)))) (from: (table"
	 " name=t)))"},
	{MS,
	 "SELECT DATEADD(day, 1, d), NEXT VALUE FOR dbo.seq,"
	 " STRING_AGG(a, ',') WITHIN GROUP (ORDER BY a), c COLLATE"
	 " Latin1_General_CI_AS, d AT TIME ZONE 'UTC', [x]]y] FROM t",
	 "(select (targets: (target (args: (func name=dateadd builtin"
	 " (args: (const:string value=day) (const:int value=1) (column"
	 " name=d))))) (target (args: (func name='next value for'"
	 " value=seq))) (target (args: (func name=string_agg aggregate"
	 " builtin (args: (column name=a) (const:string value=,))"
	 " (order: (sort (args: (column name=a))))))) (target (args:"
	 " (expr name=latin1_general_ci_as value=collate (args: (column"
	 " name=c))))) (target (args: (expr value='at time zone' (args:"
	 " (column name=d) (const:string value=UTC))))) (target (args:"
	 " (column name=x]y)))) (from: (table name=t)))"},
	{MS, "SELECT @v = a, @w += 1 FROM t",
	 "(select (targets: (target (args: (expr value=assign (args:"
	 " (variable value=@v) (column name=a))))) (target (args: (expr"
	 " name=+= value=assign (args: (variable value=@w) (const:int"
	 " value=1)))))) (from: (table name=t)))"},
	{MS, "SELECT * FROM t WHERE a !< 1 AND b !> 2",
	 "(select (targets: (target (args: (star)))) (from: (table"
	 " name=t)) (where: (and (args: (op name=!< (args: (column"
	 " name=a) (const:int value=1))) (op name=!> (args: (column"
	 " name=b) (const:int value=2)))))))"},
};

static const struct tree_case dml_cases[] = {
	/* insert */
	{MY,
	 "INSERT INTO t (a, b) VALUES (1, 'x'), (2, DEFAULT) ON"
	 " DUPLICATE KEY UPDATE b = VALUES(b), c = c + 1",
	 "(insert on-conflict (table: (table name=t)) (cols: (column"
	 " name=a) (column name=b)) (values: (list (args: (const:int"
	 " value=1) (const:string value=x))) (list (args: (const:int"
	 " value=2) (default)))) (quals: (assign name=b (args: (func"
	 " name=values (args: (column name=b))))) (assign name=c (args:"
	 " (op name=+ (args: (column name=c) (const:int value=1)))))))"},
	{MY, "INSERT IGNORE t SELECT * FROM u",
	 "(insert (table: (table name=t)) (sub: (select (targets:"
	 " (target (args: (star)))) (from: (table name=u)))))"},
	{MY, "REPLACE INTO t SET a = 1, b = 2",
	 "(insert replace (table: (table name=t)) (set: (assign name=a"
	 " (args: (const:int value=1))) (assign name=b (args:"
	 " (const:int value=2)))))"},
	{MY, "INSERT INTO t VALUE (1)",
	 "(insert (table: (table name=t)) (values: (list (args:"
	 " (const:int value=1)))))"},
	{MS,
	 "INSERT INTO t WITH (TABLOCK) (a, b) OUTPUT inserted.id"
	 " INTO @ids VALUES (1, 2)",
	 "(insert (table: (table name=t (hints: (hint name=tablock))))"
	 " (cols: (column name=a) (column name=b)) (values: (list"
	 " (args: (const:int value=1) (const:int value=2))))"
	 " (returning: (target (args: (column name=id qual=inserted)))))"},
	{MS, "INSERT t DEFAULT VALUES",
	 "(insert default-values (table: (table name=t)))"},
	{MS, "INSERT INTO #t EXEC dbo.p 1, @a = 2",
	 "(insert (table: (table name=#t temporary)) (sub: (call name=p"
	 " schema=dbo (args: (const:int value=1) (const:int value=2)))))"},
	{MS, "INSERT TOP (5) INTO t SELECT a FROM u",
	 "(insert top (table: (table name=t)) (limit: (const:int"
	 " value=5)) (sub: (select (targets: (target (args: (column"
	 " name=a)))) (from: (table name=u)))))"},
	/* update and delete */
	{MY,
	 "UPDATE t SET a = 1 AND b = 2 WHERE id = 3 ORDER BY id"
	 " LIMIT 1",
	 "(update (table: (table name=t)) (where: (op name== (args:"
	 " (column name=id) (const:int value=3)))) (order: (sort (args:"
	 " (column name=id)))) (limit: (const:int value=1)) (set:"
	 " (assign name=a (args: (and (args: (const:int value=1) (op"
	 " name== (args: (column name=b) (const:int value=2)))))))))"},
	{MY,
	 "UPDATE LOW_PRIORITY t1 JOIN t2 ON t1.id = t2.id SET t1.a"
	 " = t2.b WHERE t2.c > 0",
	 "(update (table: (table name=t1)) (from: (join:inner (larg:"
	 " (table name=t1)) (rarg: (table name=t2)) (quals: (op name=="
	 " (args: (column name=id qual=t1) (column name=id"
	 " qual=t2)))))) (where: (op name=> (args: (column name=c"
	 " qual=t2) (const:int value=0)))) (set: (assign name=a qual=t1"
	 " (args: (column name=b qual=t2)))))"},
	{MS,
	 "UPDATE TOP (5) t WITH (ROWLOCK) SET a = 1, @x = b = 2"
	 " OUTPUT inserted.a FROM t JOIN u ON t.id = u.id WHERE u.x"
	 " = 1 OPTION (LOOP JOIN)",
	 "(update top (table: (table name=t (hints: (hint"
	 " name=rowlock)))) (from: (join:inner (larg: (table name=t))"
	 " (rarg: (table name=u)) (quals: (op name== (args: (column"
	 " name=id qual=t) (column name=id qual=u)))))) (where: (op"
	 " name== (args: (column name=x qual=u) (const:int value=1))))"
	 " (limit: (const:int value=5)) (set: (assign name=a (args:"
	 " (const:int value=1))) (assign name=b (args: (const:int"
	 " value=2)))) (returning: (target (args: (column name=a"
	 " qual=inserted)))) (options: (hint name='loop join')))"},
	{MS, "UPDATE a SET c += 1 FROM t a",
	 "(update (table: (table name=a)) (from: (table name=t alias=a"
	 " implicit-alias)) (set: (assign name=c value=+= (args:"
	 " (const:int value=1)))))"},
	{MY, "DELETE FROM t WHERE a = 1 ORDER BY b LIMIT 10",
	 "(delete (table: (table name=t)) (where: (op name== (args:"
	 " (column name=a) (const:int value=1)))) (order: (sort (args:"
	 " (column name=b)))) (limit: (const:int value=10)))"},
	{MY,
	 "DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t2.x IS"
	 " NULL",
	 "(delete (table: (table name=t1)) (from: (join:inner (larg:"
	 " (table name=t1)) (rarg: (table name=t2)) (quals: (op name=="
	 " (args: (column name=id qual=t1) (column name=id"
	 " qual=t2)))))) (where: (nulltest (args: (column name=x"
	 " qual=t2)))))"},
	{MY, "DELETE FROM t1, t2 USING t1 JOIN t2 WHERE t1.id = t2.id",
	 "(delete (table: (table name=t1) (table name=t2)) (from:"
	 " (join:inner (larg: (table name=t1)) (rarg: (table"
	 " name=t2)))) (where: (op name== (args: (column name=id"
	 " qual=t1) (column name=id qual=t2)))))"},
	{MY, "DELETE QUICK IGNORE FROM t AS a WHERE a.x = 1",
	 "(delete (table: (table name=t alias=a)) (where: (op name=="
	 " (args: (column name=x qual=a) (const:int value=1)))))"},
	{MS,
	 "DELETE TOP (10) FROM t WITH (TABLOCK) OUTPUT deleted.*"
	 " WHERE a = 1",
	 "(delete top (table: (table name=t (hints: (hint"
	 " name=tablock)))) (where: (op name== (args: (column name=a)"
	 " (const:int value=1)))) (limit: (const:int value=10))"
	 " (returning: (target (args: (star qual=deleted)))))"},
	{MS, "DELETE t FROM t JOIN u ON t.id = u.id",
	 "(delete (table: (table name=t)) (from: (join:inner (larg:"
	 " (table name=t)) (rarg: (table name=u)) (quals: (op name=="
	 " (args: (column name=id qual=t) (column name=id qual=u)))))))"},
	{MS, "DELETE FROM t WHERE CURRENT OF c",
	 "(delete (table: (table name=t)) (where: (expr name=c"
	 " value='current of')))"},
	{MY, "WITH c AS (SELECT 1) UPDATE t SET a = 1",
	 "(update (with: (cte name=c (sub: (select (targets: (target"
	 " (args: (const:int value=1)))))))) (table: (table name=t))"
	 " (set: (assign name=a (args: (const:int value=1)))))"},
};

static const struct tree_case ddl_cases[] = {
	/* create table */
	{MY,
	 "CREATE TABLE IF NOT EXISTS db.t (id INT UNSIGNED NOT NULL"
	 " AUTO_INCREMENT, name VARCHAR(255) CHARACTER SET latin1"
	 " COLLATE latin1_bin DEFAULT '' COMMENT 'n', PRIMARY KEY"
	 " (id), UNIQUE KEY uk (name(10)), KEY idx (name, id DESC),"
	 " FULLTEXT KEY ft (name)) ENGINE=InnoDB AUTO_INCREMENT=5"
	 " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='hi'",
	 "(create-table if-not-exists (table: (table name=t schema=db))"
	 " (options: (option name=engine value=innodb) (option"
	 " name=auto_increment value=5) (option name=charset"
	 " value=utf8mb4) (option name=collate value=utf8mb4_bin)"
	 " (option name=comment value=hi)) (coldefs: (coldef name=id"
	 " not-null auto-increment type=int/int) (coldef name=name"
	 " value=latin1 type=varchar/varchar(255) (dflt: (const:string"
	 " value='')))) (constraints: (constraint:primary (cols:"
	 " (column name=id))) (constraint:unique name=uk (cols: (column"
	 " name=name)))) (indexes: (create-index name=idx (args:"
	 " (column name=name) (sort:desc (args: (column name=id)))))"
	 " (create-index name=ft value=fulltext (args: (column"
	 " name=name)))))"},
	{MY,
	 "CREATE TABLE t (a TINYINT(1), b SMALLINT, c MEDIUMINT, d"
	 " INTEGER, e BIGINT(20) ZEROFILL, f DECIMAL(10,2), g"
	 " FLOAT, h DOUBLE PRECISION, i REAL, j CHAR(3), k"
	 " VARCHAR(10), l TEXT, m LONGTEXT, n BOOL, o BOOLEAN, p"
	 " BIT(1), q DATE, r TIME, s DATETIME(6), u TIMESTAMP, v"
	 " BLOB, w VARBINARY(16), x JSON, y ENUM('a','b'), z"
	 " SET('x'), aa YEAR, bb NATIONAL VARCHAR(5), cc SERIAL)",
	 "(create-table (table: (table name=t)) (coldefs: (coldef"
	 " name=a type=smallint/tinyint(1)) (coldef name=b"
	 " type=smallint/smallint) (coldef name=c"
	 " type=mediumint/mediumint) (coldef name=d type=int/integer)"
	 " (coldef name=e type=bigint/bigint(20)) (coldef name=f"
	 " type=numeric/decimal(10)) (coldef name=g type=float/float)"
	 " (coldef name=h type=float/double precision) (coldef name=i"
	 " type=float/real) (coldef name=j type=char/char(3)) (coldef"
	 " name=k type=varchar/varchar(10)) (coldef name=l"
	 " type=text/text) (coldef name=m type=text/longtext) (coldef"
	 " name=n type=bool/bool) (coldef name=o type=bool/boolean)"
	 " (coldef name=p type=bool/bit(1)) (coldef name=q"
	 " type=date/date) (coldef name=r type=time/time) (coldef"
	 " name=s type=datetime/datetime(6)) (coldef name=u"
	 " type=datetime/timestamp) (coldef name=v type=binary/blob)"
	 " (coldef name=w type=binary/varbinary(16)) (coldef name=x"
	 " type=json/json) (coldef name=y type=enum/enum) (coldef"
	 " name=z type=enum/set) (coldef name=aa type=other/year)"
	 " (coldef name=bb type=varchar/national varchar(5)/n) (coldef"
	 " name=cc not-null auto-increment type=bigint/serial)))"},
	{MY,
	 "CREATE TABLE t (status ENUM('a','b') NOT NULL DEFAULT"
	 " 'a', created DATETIME NULL DEFAULT '0000-00-00"
	 " 00:00:00', updated TIMESTAMP DEFAULT CURRENT_TIMESTAMP"
	 " ON UPDATE CURRENT_TIMESTAMP, u BIGINT REFERENCES p(id)"
	 " ON DELETE CASCADE, c INT CHECK (c > 0), g INT AS (c * 2)"
	 " STORED, g2 INT GENERATED ALWAYS AS (c + 1) VIRTUAL, e"
	 " CHAR(3) UNIQUE KEY, k INT KEY)",
	 "(create-table (table: (table name=t)) (coldefs: (coldef"
	 " name=status not-null type=enum/enum (dflt: (const:string"
	 " value=a))) (coldef name=created null type=datetime/datetime"
	 " (dflt: (const:string value='0000-00-00 00:00:00'))) (coldef"
	 " name=updated type=datetime/timestamp (dflt: (func"
	 " name=current_timestamp builtin))) (coldef name=u"
	 " type=bigint/bigint (constraints: (constraint:foreign (table:"
	 " (table name=p)) (cols: (column name=u)) (include: (column"
	 " name=id))))) (coldef name=c type=int/int (constraints:"
	 " (constraint:check (cols: (column name=c)) (args: (op name=>"
	 " (args: (column name=c) (const:int value=0))))))) (coldef"
	 " name=g generated type=int/int (dflt: (op name=* (args:"
	 " (column name=c) (const:int value=2))))) (coldef name=g2"
	 " generated type=int/int (dflt: (op name=+ (args: (column"
	 " name=c) (const:int value=1))))) (coldef name=e unique"
	 " type=char/char(3) (constraints: (constraint:unique (cols:"
	 " (column name=e))))) (coldef name=k primary-key type=int/int"
	 " (constraints: (constraint:primary (cols: (column"
	 " name=k)))))) (constraints: (constraint:foreign (table:"
	 " (table name=p)) (cols: (column name=u)) (include: (column"
	 " name=id))) (constraint:check (cols: (column name=c)) (args:"
	 " (op name=> (args: (column name=c) (const:int value=0)))))"
	 " (constraint:unique (cols: (column name=e)))"
	 " (constraint:primary (cols: (column name=k)))))"},
	{MY,
	 "CREATE TABLE t (a INT, CONSTRAINT fk FOREIGN KEY (a)"
	 " REFERENCES p (id) ON UPDATE SET NULL, CONSTRAINT CHECK"
	 " (a > 0), CHECK (a < 9), UNIQUE INDEX u2 USING BTREE (a),"
	 " SPATIAL INDEX sp (g), INDEX (b))",
	 "(create-table (table: (table name=t)) (coldefs: (coldef"
	 " name=a type=int/int)) (constraints: (constraint:foreign"
	 " name=fk (table: (table name=p)) (cols: (column name=a))"
	 " (include: (column name=id))) (constraint:check (args: (op"
	 " name=> (args: (column name=a) (const:int value=0)))))"
	 " (constraint:check (args: (op name=< (args: (column name=a)"
	 " (const:int value=9))))) (constraint:unique name=u2 (cols:"
	 " (column name=a)))) (indexes: (create-index name=sp"
	 " value=spatial (args: (column name=g))) (create-index (args:"
	 " (column name=b)))))"},
	{MY, "CREATE TEMPORARY TABLE t2 LIKE t",
	 "(create-table temporary like (table: (table name=t2"
	 " temporary)) (from: (table name=t)))"},
	{MY, "CREATE TABLE t2 (LIKE t)",
	 "(create-table like (table: (table name=t2)) (from: (table"
	 " name=t)))"},
	{MY, "CREATE TABLE t3 AS SELECT * FROM t",
	 "(create-table as-select (table: (table name=t3)) (sub:"
	 " (select (targets: (target (args: (star)))) (from: (table"
	 " name=t)))))"},
	{MY, "CREATE TABLE t4 SELECT a FROM t",
	 "(create-table as-select (table: (table name=t4)) (sub:"
	 " (select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t)))))"},
	{MY,
	 "CREATE TABLE t5 (a INT) ENGINE MyISAM PARTITION BY"
	 " HASH(a) PARTITIONS 4",
	 "(create-table partitioned (table: (table name=t5)) (options:"
	 " (option name=engine value=myisam)) (coldefs: (coldef name=a"
	 " type=int/int)))"},
	{MS,
	 "CREATE TABLE dbo.t (id INT IDENTITY(1,1) NOT NULL"
	 " CONSTRAINT pk_t PRIMARY KEY CLUSTERED, name"
	 " NVARCHAR(MAX) NULL, amount MONEY, flag BIT DEFAULT"
	 " ((0)), g UNIQUEIDENTIFIER ROWGUIDCOL DEFAULT NEWID(), c"
	 " AS (amount * 2) PERSISTED, d DATETIME2(3) CONSTRAINT"
	 " df_d DEFAULT GETDATE(), e NCHAR(2), f NTEXT, h"
	 " SMALLDATETIME, i DATETIMEOFFSET, j VARBINARY(MAX), k"
	 " IMAGE, l SMALLMONEY, m NUMERIC(5), o SYSNAME) ON"
	 " [PRIMARY] TEXTIMAGE_ON [PRIMARY]",
	 "(create-table (table: (table name=t schema=dbo)) (coldefs:"
	 " (coldef name=id not-null primary-key auto-increment"
	 " type=int/int (constraints: (constraint:primary name=pk_t"
	 " (cols: (column name=id))))) (coldef name=name null"
	 " type=varchar/nvarchar(-2)/n) (coldef name=amount"
	 " type=numeric/money) (coldef name=flag type=bool/bit (dflt:"
	 " (const:int value=0))) (coldef name=g"
	 " type=uuid/uniqueidentifier (dflt: (func name=newid"
	 " builtin))) (coldef name=c generated (dflt: (op name=* (args:"
	 " (column name=amount) (const:int value=2))))) (coldef name=d"
	 " type=datetime/datetime2(3) (dflt: (func name=getdate"
	 " builtin))) (coldef name=e type=char/nchar(2)/n) (coldef"
	 " name=f type=text/ntext/n) (coldef name=h"
	 " type=datetime/smalldatetime) (coldef name=i"
	 " type=datetime/datetimeoffset) (coldef name=j"
	 " type=binary/varbinary(-2)) (coldef name=k type=binary/image)"
	 " (coldef name=l type=numeric/smallmoney) (coldef name=m"
	 " type=numeric/numeric(5)) (coldef name=o"
	 " type=varchar/sysname/n)) (constraints: (constraint:primary"
	 " name=pk_t (cols: (column name=id)))))"},
	{MS,
	 "CREATE TABLE #t (a int, CONSTRAINT uq UNIQUE NONCLUSTERED"
	 " (a), CONSTRAINT fk FOREIGN KEY (a) REFERENCES dbo.p (id)"
	 " ON DELETE NO ACTION, INDEX ix_a NONCLUSTERED (a DESC))",
	 "(create-table temporary (table: (table name=#t temporary))"
	 " (coldefs: (coldef name=a type=int/int)) (constraints:"
	 " (constraint:unique name=uq (cols: (column name=a)))"
	 " (constraint:foreign name=fk (table: (table name=p"
	 " schema=dbo)) (cols: (column name=a)) (include: (column"
	 " name=id)))) (indexes: (create-index name=ix_a (args:"
	 " (sort:desc (args: (column name=a)))))))"},
	/* alter table */
	{MY,
	 "ALTER TABLE t ADD COLUMN a INT NOT NULL DEFAULT 0 AFTER"
	 " b, ADD (c INT, d TEXT), ADD e INT FIRST, DROP COLUMN f,"
	 " DROP g",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:add-column name=a (coldef: (coldef name=a"
	 " not-null type=int/int (dflt: (const:int value=0)))))"
	 " (alter-cmd:add-column name=c (coldef: (coldef name=c"
	 " type=int/int))) (alter-cmd:add-column name=d (coldef:"
	 " (coldef name=d type=text/text))) (alter-cmd:add-column"
	 " name=e (coldef: (coldef name=e type=int/int)))"
	 " (alter-cmd:drop-column name=f) (alter-cmd:drop-column"
	 " name=g)))"},
	{MY,
	 "ALTER TABLE t MODIFY f BIGINT NOT NULL, CHANGE COLUMN g h"
	 " VARCHAR(10), CHANGE i I INT, ALTER COLUMN j SET DEFAULT"
	 " 1, ALTER k DROP DEFAULT",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:column-type name=f type=bigint/bigint (coldef:"
	 " (coldef name=f not-null type=bigint/bigint)))"
	 " (alter-cmd:column-type name=g type=varchar/varchar(10)"
	 " (coldef: (coldef name=h type=varchar/varchar(10))))"
	 " (alter-cmd:rename-column name=g alias=h)"
	 " (alter-cmd:column-type name=i type=int/int (coldef: (coldef"
	 " name=i type=int/int))) (alter-cmd:set-default name=j (dflt:"
	 " (const:int value=1))) (alter-cmd:drop-default name=k)))"},
	{MY,
	 "ALTER TABLE t ADD INDEX idx (a, b), ADD UNIQUE KEY uk"
	 " (c), ADD CONSTRAINT fk FOREIGN KEY (d) REFERENCES p"
	 " (id), ADD PRIMARY KEY (id), ADD FULLTEXT ft (x)",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:add-index name=idx (constraint: (create-index"
	 " name=idx (args: (column name=a) (column name=b)))))"
	 " (alter-cmd:add-constraint name=uk (constraint:"
	 " (constraint:unique name=uk (cols: (column name=c)))))"
	 " (alter-cmd:add-constraint name=fk (constraint:"
	 " (constraint:foreign name=fk (table: (table name=p)) (cols:"
	 " (column name=d)) (include: (column name=id)))))"
	 " (alter-cmd:add-constraint (constraint: (constraint:primary"
	 " (cols: (column name=id))))) (alter-cmd:add-index name=ft"
	 " (constraint: (create-index name=ft value=fulltext (args:"
	 " (column name=x)))))))"},
	{MY,
	 "ALTER TABLE t DROP PRIMARY KEY, DROP FOREIGN KEY fk, DROP"
	 " INDEX idx, DROP KEY k2, DROP CHECK c1, DROP CONSTRAINT c2",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:drop-primary-key) (alter-cmd:drop-foreign-key"
	 " name=fk) (alter-cmd:drop-index name=idx)"
	 " (alter-cmd:drop-index name=k2) (alter-cmd:drop-constraint"
	 " name=c1) (alter-cmd:drop-constraint name=c2)))"},
	{MY,
	 "ALTER TABLE t RENAME TO u, RENAME COLUMN a TO b, RENAME"
	 " INDEX i TO j",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:rename-table alias=u (table: (table name=u)))"
	 " (alter-cmd:rename-column name=a alias=b) (alter-cmd:other"
	 " name=i alias=j value='rename index')))"},
	{MY,
	 "ALTER TABLE t DEFAULT CHARACTER SET = utf8mb4, CHARSET"
	 " latin1, CONVERT TO CHARACTER SET utf8mb4 COLLATE"
	 " utf8mb4_unicode_ci, ENGINE = InnoDB, ALGORITHM=INPLACE,"
	 " LOCK=NONE",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:charset value=utf8mb4) (alter-cmd:charset"
	 " value=latin1) (alter-cmd:convert-charset value=utf8mb4)"
	 " (alter-cmd:engine value=innodb) (alter-cmd:other"
	 " name=algorithm value=inplace) (alter-cmd:other name=lock"
	 " value=none)))"},
	{MY, "ALTER TABLE t AUTO_INCREMENT = 100",
	 "(alter-table (table: (table name=t)) (cmds: (alter-cmd:other"
	 " name=auto_increment value=100)))"},
	{MY, "RENAME TABLE a TO b, c TO db.d",
	 "(alter-table (table: (table name=a)) (cmds:"
	 " (alter-cmd:rename-table alias=b (table: (table name=b)))))"
	 " (alter-table (table: (table name=c)) (cmds:"
	 " (alter-cmd:rename-table alias=d (table: (table name=d"
	 " schema=db)))))"},
	{MS, "ALTER TABLE t ADD c1 INT NULL, c2 VARCHAR(10) NOT NULL",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:add-column name=c1 (coldef: (coldef name=c1 null"
	 " type=int/int))) (alter-cmd:add-column name=c2 (coldef:"
	 " (coldef name=c2 not-null type=varchar/varchar(10))))))"},
	{MS,
	 "ALTER TABLE t WITH NOCHECK ADD CONSTRAINT fk FOREIGN KEY"
	 " (a) REFERENCES p (id)",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:add-constraint name=fk (constraint:"
	 " (constraint:foreign name=fk not-valid (table: (table"
	 " name=p)) (cols: (column name=a)) (include: (column"
	 " name=id)))))))"},
	{MS,
	 "ALTER TABLE t WITH CHECK ADD CONSTRAINT ck CHECK (a > 0),"
	 " CONSTRAINT pk PRIMARY KEY (id)",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:add-constraint name=ck (constraint:"
	 " (constraint:check name=ck (args: (op name=> (args: (column"
	 " name=a) (const:int value=0))))))) (alter-cmd:add-constraint"
	 " name=pk (constraint: (constraint:primary name=pk (cols:"
	 " (column name=id)))))))"},
	{MS, "ALTER TABLE t ADD CONSTRAINT df DEFAULT 0 FOR c",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:set-default name=c (dflt: (const:int value=0)))))"},
	{MS, "ALTER TABLE t ALTER COLUMN c BIGINT NOT NULL",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:column-type name=c type=bigint/bigint)"
	 " (alter-cmd:set-not-null name=c)))"},
	{MS,
	 "ALTER TABLE t ALTER COLUMN c VARCHAR(20) COLLATE"
	 " Latin1_General_BIN NULL",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:column-type name=c type=varchar/varchar(20))"
	 " (alter-cmd:drop-not-null name=c)))"},
	{MS, "ALTER TABLE t DROP COLUMN a, b, CONSTRAINT c",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:drop-column name=a) (alter-cmd:drop-column"
	 " name=b) (alter-cmd:drop-constraint name=c)))"},
	{MS, "ALTER TABLE t DROP CONSTRAINT IF EXISTS c1",
	 "(alter-table (table: (table name=t)) (cmds:"
	 " (alter-cmd:drop-constraint name=c1 if-exists)))"},
	{MS, "EXEC sp_rename 'dbo.t.a', 'b', 'COLUMN'",
	 "(alter-table (table: (table name=t schema=dbo)) (cmds:"
	 " (alter-cmd:rename-column name=a alias=b)))"},
	{MS, "EXEC sp_rename 'old', 'New'",
	 "(alter-table (table: (table name=old)) (cmds:"
	 " (alter-cmd:rename-table alias=new (table: (table"
	 " name=new)))))"},
	{MS,
	 "EXEC sys.sp_rename @objname = N'[dbo].[t].[ix]', @newname"
	 " = N'ix2', @objtype = N'INDEX'",
	 "(alter-table (table: (table name=t schema=dbo)) (cmds:"
	 " (alter-cmd:other name=ix alias=ix2 value='rename index')))"},
	{MS, "EXEC sp_rename @x, 'b'",
	 "(call name=sp_rename (args: (variable value=@x) (const:string"
	 " value=b)))"},
	/* create index, drop, truncate */
	{MY,
	 "CREATE UNIQUE INDEX i ON t (a, b(10) DESC) USING BTREE"
	 " ALGORITHM=INPLACE",
	 "(create-index name=i value=btree unique (table: (table"
	 " name=t)) (args: (column name=a) (sort:desc (args: (column"
	 " name=b)))) (options: (option name=algorithm value=inplace)))"},
	{MY, "CREATE FULLTEXT INDEX f ON t (x)",
	 "(create-index name=f value=fulltext (table: (table name=t))"
	 " (args: (column name=x)))"},
	{MY, "CREATE INDEX i ON t ((lower(a)))",
	 "(create-index name=i (table: (table name=t)) (args: (func"
	 " name=lower builtin (args: (column name=a)))))"},
	{MS,
	 "CREATE UNIQUE CLUSTERED INDEX ix ON dbo.t (a, b DESC)"
	 " INCLUDE (c, d) WHERE c IS NOT NULL WITH (ONLINE = ON,"
	 " FILLFACTOR = 80) ON [PRIMARY]",
	 "(create-index name=ix value=clustered unique (table: (table"
	 " name=t schema=dbo)) (args: (column name=a) (sort:desc (args:"
	 " (column name=b)))) (where: (nulltest not (args: (column"
	 " name=c)))) (options: (option name=online value=on) (option"
	 " name=fillfactor value=80)) (include: (column name=c) (column"
	 " name=d)))"},
	{MS, "CREATE NONCLUSTERED INDEX ix ON t (a)",
	 "(create-index name=ix (table: (table name=t)) (args: (column"
	 " name=a)))"},
	{MY, "DROP TABLE IF EXISTS a, db.b CASCADE",
	 "(drop:table if-exists cascade (args: (table name=a) (table"
	 " name=b schema=db)))"},
	{MY, "DROP TEMPORARY TABLE x",
	 "(drop:table temporary (args: (table name=x temporary)))"},
	{MY, "DROP INDEX i ON t ALGORITHM=INPLACE",
	 "(drop:index (table: (table name=t)) (args: (table name=i))"
	 " (options: (option name=algorithm value=inplace)))"},
	{MS, "DROP INDEX ix ON t",
	 "(drop:index (table: (table name=t)) (args: (table name=ix)))"},
	{MS, "DROP INDEX dbo.t.ix",
	 "(drop:index (table: (table name=t schema=dbo)) (args: (table"
	 " name=ix)))"},
	{MS, "DROP TABLE IF EXISTS #t",
	 "(drop:table temporary if-exists (args: (table name=#t"
	 " temporary)))"},
	{MY, "DROP DATABASE d", "(drop:database (args: (table name=d)))"},
	{MS, "DROP SCHEMA s", "(drop:schema (args: (table name=s)))"},
	{MY, "DROP VIEW IF EXISTS v1, v2",
	 "(drop:view if-exists (args: (table name=v1) (table name=v2)))"},
	{MY, "DROP PROCEDURE IF EXISTS p",
	 "(drop:procedure if-exists (args: (table name=p)))"},
	{MS, "DROP PROC dbo.p",
	 "(drop:procedure (args: (table name=p schema=dbo)))"},
	{MY, "DROP FUNCTION f", "(drop:function (args: (table name=f)))"},
	{MY, "DROP TRIGGER tr", "(drop:trigger (args: (table name=tr)))"},
	{MY, "DROP USER 'a'@'%'", "(drop:other value=user)"},
	{MY, "TRUNCATE TABLE t", "(truncate (args: (table name=t)))"},
	{MS, "TRUNCATE TABLE dbo.t",
	 "(truncate (args: (table name=t schema=dbo)))"},
	/* views, routines, other creates */
	{MY,
	 "CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`root`@`%` SQL"
	 " SECURITY DEFINER VIEW v (a) AS SELECT 1 WITH CASCADED"
	 " CHECK OPTION",
	 "(create-view:view or-replace (table: (table name=v)) (cols:"
	 " (column name=a)) (sub: (select (targets: (target (args:"
	 " (const:int value=1)))))))"},
	{MS,
	 "CREATE VIEW dbo.v WITH SCHEMABINDING AS SELECT a FROM"
	 " dbo.t",
	 "(create-view:view (table: (table name=v schema=dbo)) (sub:"
	 " (select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t schema=dbo)))))"},
	{MS, "ALTER VIEW v AS SELECT 1",
	 "(create-view:view or-replace (table: (table name=v)) (sub:"
	 " (select (targets: (target (args: (const:int value=1)))))))"},
	{MY,
	 "CREATE DATABASE IF NOT EXISTS d DEFAULT CHARACTER SET"
	 " utf8mb4",
	 "(create:database name=d if-not-exists)"},
	{MS, "CREATE SCHEMA s AUTHORIZATION dbo", "(create:schema name=s)"},
	{MY, "CREATE USER 'bob'@'%' IDENTIFIED BY 'x'",
	 "(create:other name=bob value=user)"},
	{MY,
	 "CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN a INT,"
	 " OUT b INT) COMMENT 'x' BEGIN DECLARE done INT DEFAULT 0;"
	 " DECLARE c CURSOR FOR SELECT id FROM t; DECLARE CONTINUE"
	 " HANDLER FOR NOT FOUND SET done = 1; OPEN c; lbl: LOOP"
	 " FETCH c INTO b; IF done THEN LEAVE lbl; ELSEIF b > 5"
	 " THEN SELECT 1; ELSE BEGIN END; END IF; END LOOP lbl;"
	 " CLOSE c; END",
	 "(create:procedure name=p (sub: (other value=begin (sub:"
	 " (other value=declare (args: (const:int value=0)))"
	 " (declare-cursor name=c (sub: (select (targets: (target"
	 " (args: (column name=id)))) (from: (table name=t))))) (other"
	 " value=declare (sub: (set name=done value=1 (args: (const:int"
	 " value=1))))) (other name=c value=open) (other value=loop"
	 " (sub: (other value=fetch) (other value=if (args: (column"
	 " name=done) (op name=> (args: (column name=b) (const:int"
	 " value=5)))) (sub: (other name=lbl value=leave) (select"
	 " (targets: (target (args: (const:int value=1))))) (other"
	 " value=begin))))) (other name=c value=close)))))"},
	{MY,
	 "CREATE PROCEDURE p() BEGIN WHILE a > 0 DO SET a = a - 1;"
	 " END WHILE; REPEAT SET a = a + 1; UNTIL a > 5 END REPEAT;"
	 " CASE a WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE; END",
	 "(create:procedure name=p (sub: (other value=begin (sub:"
	 " (other value=while (args: (op name=> (args: (column name=a)"
	 " (const:int value=0)))) (sub: (set name=a value='a - 1'"
	 " (args: (op name=- (args: (column name=a) (const:int"
	 " value=1))))))) (other value=repeat (args: (op name=> (args:"
	 " (column name=a) (const:int value=5)))) (sub: (set name=a"
	 " value='a + 1' (args: (op name=+ (args: (column name=a)"
	 " (const:int value=1))))))) (other value=case (args: (column"
	 " name=a) (const:int value=1)) (sub: (select (targets: (target"
	 " (args: (const:int value=1))))) (select (targets: (target"
	 " (args: (const:int value=2)))))))))))"},
	{MY,
	 "CREATE FUNCTION f(a INT) RETURNS INT DETERMINISTIC RETURN"
	 " a + 1",
	 "(create:function name=f (sub: (other value=return (args: (op"
	 " name=+ (args: (column name=a) (const:int value=1)))))))"},
	{MY,
	 "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET"
	 " NEW.a = 1",
	 "(create:trigger name=tr (table: (table name=t)) (sub: (set"
	 " name=a value=1 (args: (const:int value=1)))))"},
	{MY, "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t",
	 "(create:other name=e value=event (sub: (delete (table: (table"
	 " name=t)))))"},
	{MY, "CREATE PROCEDURE p() BEGIN SELECT 1",
	 "(create:procedure name=p (sub: (other value=begin (sub:"
	 " (select (targets: (target (args: (const:int value=1)))))))))"},
	{MY, "CREATE PROCEDURE sp_x() BEGIN garbage here; END",
	 "(create:procedure name=sp_x)"},
	{MS,
	 "CREATE OR ALTER PROCEDURE dbo.sp_get @id INT = 1, @n AS"
	 " VARCHAR(10) OUTPUT WITH EXECUTE AS OWNER AS BEGIN SET"
	 " NOCOUNT ON; SELECT * FROM t WHERE id = @id END",
	 "(create:procedure name=sp_get schema=dbo or-replace (sub:"
	 " (other value=begin (sub: (set name=nocount value=on) (select"
	 " (targets: (target (args: (star)))) (from: (table name=t))"
	 " (where: (op name== (args: (column name=id) (variable"
	 " value=@id)))))))))"},
	{MS, "CREATE PROC usp_x AS SELECT 1 SELECT 2",
	 "(create:procedure name=usp_x (sub: (select (targets: (target"
	 " (args: (const:int value=1))))) (select (targets: (target"
	 " (args: (const:int value=2)))))))"},
	{MS, "ALTER PROCEDURE sp_y AS garbage ((",
	 "(create:procedure name=sp_y or-replace)"},
	{MS,
	 "CREATE FUNCTION dbo.f (@a int) RETURNS TABLE AS RETURN"
	 " (SELECT a FROM t WHERE a = @a)",
	 "(create:function name=f schema=dbo (sub: (other value=return"
	 " (args: (sublink:scalar (sub: (select (targets: (target"
	 " (args: (column name=a)))) (from: (table name=t)) (where: (op"
	 " name== (args: (column name=a) (variable value=@a)))))))))))"},
	{MS,
	 "CREATE TRIGGER tr ON dbo.t AFTER INSERT, UPDATE AS BEGIN"
	 " UPDATE t SET a = 1 END",
	 "(create:trigger name=tr (table: (table name=t schema=dbo))"
	 " (sub: (other value=begin (sub: (update (table: (table"
	 " name=t)) (set: (assign name=a (args: (const:int"
	 " value=1)))))))))"},
};

static const struct tree_case stmt_cases[] = {
	/* transactions */
	{MY, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY",
	 "(transaction:begin)"},
	{MY, "BEGIN", "(transaction:begin)"},
	{MY, "BEGIN WORK", "(transaction:begin)"},
	{MY, "COMMIT WORK AND NO CHAIN", "(transaction:commit)"},
	{MY, "ROLLBACK", "(transaction:rollback)"},
	{MY, "ROLLBACK TO SAVEPOINT s1", "(transaction:rollback-to name=s1)"},
	{MY, "SAVEPOINT s1", "(transaction:savepoint name=s1)"},
	{MY, "RELEASE SAVEPOINT s1", "(transaction:release name=s1)"},
	{MY, "XA START 'x'", "(other value=xa)"},
	{MS, "BEGIN TRAN t1", "(transaction:begin name=t1)"},
	{MS, "BEGIN TRANSACTION", "(transaction:begin)"},
	{MS, "BEGIN DISTRIBUTED TRANSACTION", "(transaction:begin)"},
	{MS, "COMMIT", "(transaction:commit)"},
	{MS, "COMMIT TRANSACTION t1", "(transaction:commit name=t1)"},
	{MS, "ROLLBACK TRAN", "(transaction:rollback)"},
	{MS, "SAVE TRAN s1", "(transaction:savepoint name=s1)"},
	{MS, "BEGIN TRAN UPDATE t SET a = 1 COMMIT",
	 "(transaction:begin) (update (table: (table name=t)) (set:"
	 " (assign name=a (args: (const:int value=1)))))"
	 " (transaction:commit)"},
	/* set */
	{MY, "SET SESSION lock_wait_timeout = 5",
	 "(set name=lock_wait_timeout value=5 (args: (const:int"
	 " value=5)))"},
	{MY, "SET @@GLOBAL.max_connections = 100, @x := 'A'",
	 "(set name=max_connections value=100 (args: (const:int"
	 " value=100))) (set name=@x value=a (args: (const:string"
	 " value=A)))"},
	{MY, "SET autocommit = ON", "(set name=autocommit value=on)"},
	{MY, "SET sql_mode = DEFAULT",
	 "(set name=sql_mode value=default reset)"},
	{MY, "SET GLOBAL TRANSACTION ISOLATION LEVEL READ UNCOMMITTED",
	 "(set name=transaction_isolation value='read uncommitted')"},
	{MY, "SET TRANSACTION READ ONLY",
	 "(set name=transaction_read_only value=on)"},
	{MY, "SET NAMES utf8mb4 COLLATE utf8mb4_bin",
	 "(set name=names value=utf8mb4)"},
	{MY, "SET @x = (SELECT max(a) FROM t)",
	 "(set name=@x value='(select max(a) from t)' (args:"
	 " (sublink:scalar (sub: (select (targets: (target (args: (func"
	 " name=max aggregate builtin (args: (column name=a))))))"
	 " (from: (table name=t)))))))"},
	{MY, "SET STATEMENT max_statement_time = 1 FOR SELECT 1",
	 "(other value='set statement' (sub: (select (targets: (target"
	 " (args: (const:int value=1)))))))"},
	{MY, "SET PASSWORD = 'x'", "(other value=set)"},
	{MS, "SET NOCOUNT ON", "(set name=nocount value=on)"},
	{MS, "SET ANSI_NULLS, QUOTED_IDENTIFIER ON",
	 "(set name=ansi_nulls value=on) (set name=quoted_identifier"
	 " value=on)"},
	{MS, "SET LOCK_TIMEOUT 5000", "(set name=lock_timeout value=5000)"},
	{MS, "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED",
	 "(set name=transaction_isolation value='read uncommitted')"},
	{MS, "SET DEADLOCK_PRIORITY -5",
	 "(set name=deadlock_priority value=-5)"},
	{MS, "SET STATISTICS IO ON", "(set name='statistics io' value=on)"},
	{MS, "SET IDENTITY_INSERT dbo.t ON",
	 "(set name=identity_insert value=on (args: (table name=t"
	 " schema=dbo)))"},
	{MS, "SET @x = 1", "(set name=@x value=1 (args: (const:int value=1)))"},
	{MS, "SET @s += N'Abc'",
	 "(set name=@s value=abc (args: (const:string value=Abc"
	 " national)))"},
	{MS, "SET @c = CURSOR FAST_FORWARD FOR SELECT a FROM t",
	 "(declare-cursor name=@c (sub: (select (targets: (target"
	 " (args: (column name=a)))) (from: (table name=t)))))"},
	/* declare and control flow */
	{MS, "DECLARE @a INT = 5, @b VARCHAR(10), @t TABLE (id INT)",
	 "(other value=declare (args: (const:int value=5)))"},
	{MS, "DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT a FROM t",
	 "(declare-cursor name=c (sub: (select (targets: (target (args:"
	 " (column name=a)))) (from: (table name=t)))))"},
	{MS,
	 "DECLARE c INSENSITIVE SCROLL CURSOR FOR SELECT a FROM t"
	 " FOR UPDATE OF a",
	 "(declare-cursor name=c (sub: (select for-update (targets:"
	 " (target (args: (column name=a)))) (from: (table name=t)))))"},
	{MS, "IF @x = 1 PRINT 'a' ELSE PRINT 'b'",
	 "(other value=if (args: (op name== (args: (variable value=@x)"
	 " (const:int value=1)))) (sub: (other value=print (args:"
	 " (const:string value=a))) (other value=print (args:"
	 " (const:string value=b)))))"},
	{MS,
	 "IF EXISTS (SELECT 1 FROM t) BEGIN DELETE FROM t END ELSE"
	 " BEGIN SELECT 1 END",
	 "(other value=if (args: (sublink:exists (sub: (select"
	 " (targets: (target (args: (const:int value=1)))) (from:"
	 " (table name=t)))))) (sub: (other value=begin (sub: (delete"
	 " (table: (table name=t))))) (other value=begin (sub: (select"
	 " (targets: (target (args: (const:int value=1)))))))))"},
	{MS, "WHILE @i < 10 BEGIN SET @i = @i + 1 IF @i = 5 BREAK END",
	 "(other value=while (args: (op name=< (args: (variable"
	 " value=@i) (const:int value=10)))) (sub: (other value=begin"
	 " (sub: (set name=@i value='@i + 1' (args: (op name=+ (args:"
	 " (variable value=@i) (const:int value=1))))) (other value=if"
	 " (args: (op name== (args: (variable value=@i) (const:int"
	 " value=5)))) (sub: (other value=break)))))))"},
	{MS,
	 "BEGIN TRY SELECT 1/0 END TRY BEGIN CATCH SELECT"
	 " ERROR_MESSAGE() END CATCH",
	 "(other value='begin try' (sub: (select (targets: (target"
	 " (args: (op name=/ (args: (const:int value=1) (const:int"
	 " value=0))))))))) (other value='begin catch' (sub: (select"
	 " (targets: (target (args: (func name=error_message)))))))"},
	{MS, "IF @x = 1 BEGIN UPDATE t SET a = 1",
	 "(other value=if (args: (op name== (args: (variable value=@x)"
	 " (const:int value=1)))) (sub: (other value=begin (sub:"
	 " (update (table: (table name=t)) (set: (assign name=a (args:"
	 " (const:int value=1)))))))))"},
	{MS, "ELSE SELECT 1",
	 "(other value=else (sub: (select (targets: (target (args:"
	 " (const:int value=1)))))))"},
	{MS, "END", "(other value=end)"},
	{MY, "END IF", "(other value=end)"},
	{MY, "ELSE SELECT 1",
	 "(other value=else (sub: (select (targets: (target (args:"
	 " (const:int value=1)))))))"},
	/* exec, call and other statements */
	{MS, "EXEC dbo.p 1, 'x', @out OUTPUT",
	 "(call name=p schema=dbo (args: (const:int value=1)"
	 " (const:string value=x) (variable value=@out)))"},
	{MS, "EXECUTE @rc = p @a = 1 WITH RECOMPILE",
	 "(call name=p (args: (const:int value=1)))"},
	{MS, "EXEC ('SELECT ' + @cols)",
	 "(other value=exec (args: (op name=+ (args: (const:string"
	 " value='SELECT ') (variable value=@cols)))))"},
	{MS, "EXEC sp_executesql @sql, N'@p int', @p = 1",
	 "(call name=sp_executesql (args: (variable value=@sql)"
	 " (const:string value='@p int' national) (const:int value=1)))"},
	{MY, "CALL p(1, 'a')",
	 "(call name=p (args: (const:int value=1) (const:string"
	 " value=a)))"},
	{MY, "CALL db.p", "(call name=p schema=db)"},
	{MY, "USE db", "(other name=db value=use)"},
	{MS, "USE [master]", "(other name=master value=use)"},
	{MY, "SHOW TABLES LIKE 'x'", "(other value=show)"},
	{MY, "LOCK TABLES t READ, u WRITE",
	 "(other value=lock (table: (table name=t) (table name=u)))"},
	{MY, "UNLOCK TABLES", "(other value=unlock)"},
	{MY, "GRANT SELECT, INSERT ON db.* TO 'u'@'%'", "(other value=grant)"},
	{MS, "GRANT SELECT, INSERT ON t TO u SELECT 1",
	 "(other value=grant) (select (targets: (target (args:"
	 " (const:int value=1)))))"},
	{MY, "EXPLAIN SELECT 1",
	 "(explain (sub: (select (targets: (target (args: (const:int"
	 " value=1)))))))"},
	{MY, "EXPLAIN FORMAT=JSON DELETE FROM t",
	 "(explain (sub: (delete (table: (table name=t)))))"},
	{MY, "DESCRIBE t", "(other value=describe)"},
	{MY, "DO SLEEP(5)",
	 "(other value=do (args: (func name=sleep builtin (args:"
	 " (const:int value=5)))))"},
	{MY, "ANALYZE TABLE t",
	 "(other value=analyze (table: (table name=t)))"},
	{MY, "OPTIMIZE TABLE t",
	 "(other value=optimize (table: (table name=t)))"},
	{MY, "FLUSH PRIVILEGES", "(other value=flush)"},
	{MS, "PRINT 'x' + @y",
	 "(other value=print (args: (op name=+ (args: (const:string"
	 " value=x) (variable value=@y)))))"},
	{MS, "RETURN", "(other value=return)"},
	{MS, "RETURN 5", "(other value=return (args: (const:int value=5)))"},
	{MS, "WAITFOR DELAY '00:00:05'",
	 "(other value=waitfor (args: (const:string value=00:00:05)))"},
	{MS, "RAISERROR ('m', 16, 1) WITH NOWAIT",
	 "(other value=raiserror (args: (const:string value=m)"
	 " (const:int value=16) (const:int value=1)))"},
	{MS, "THROW 50000, 'x', 1",
	 "(other value=throw (args: (const:int value=50000)"
	 " (const:string value=x) (const:int value=1)))"},
	{MS, "GOTO lbl", "(other name=lbl value=goto)"},
	{MS, "lbl:", "(other name=lbl value=label)"},
	{MS, "OPEN c FETCH NEXT FROM c INTO @a CLOSE c DEALLOCATE c",
	 "(other name=c value=open) (other value=fetch) (other name=c"
	 " value=close) (other name=c value=deallocate)"},
	{MS, "DBCC CHECKDB(x) WITH NO_INFOMSGS", "(other value=dbcc)"},
	{MS,
	 "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN"
	 " UPDATE SET a = 1;",
	 "(other value=merge)"},
	{MS, "UPDATE STATISTICS t",
	 "(other value='update statistics' (table: (table name=t)))"},
	/* batches */
	{MS,
	 "DECLARE @x int SET @x = 1 SELECT @x FROM t WHERE a = @x"
	 " UPDATE t SET a = 2 DELETE FROM t",
	 "(other value=declare) (set name=@x value=1 (args: (const:int"
	 " value=1))) (select (targets: (target (args: (variable"
	 " value=@x)))) (from: (table name=t)) (where: (op name=="
	 " (args: (column name=a) (variable value=@x))))) (update"
	 " (table: (table name=t)) (set: (assign name=a (args:"
	 " (const:int value=2))))) (delete (table: (table name=t)))"},
	{MS, "SELECT a FROM t GO SELECT b FROM u",
	 "(select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t))) (select (targets: (target (args: (column"
	 " name=b)))) (from: (table name=u)))"},
	{MY, "SELECT 1; SELECT 2",
	 "(select (targets: (target (args: (const:int value=1)))))"
	 " (select (targets: (target (args: (const:int value=2)))))"},
	/* comments, hints, version comments */
	{MY, "SELECT /*+ NO_INDEX(t) */ a -- c",
	 "(select (targets: (target (args: (column name=a)))))"},
	{MY, "/*!40101 SET NAMES utf8 */", "(set name=names value=utf8)"},
	{MS, "SELECT a /* x /* nested */ */ FROM t",
	 "(select (targets: (target (args: (column name=a)))) (from:"
	 " (table name=t)))"},
	{MY, "LOCK TABLES t AS a READ LOCAL, u WRITE",
	 "(other value=lock (table: (table name=t alias=a) (table"
	 " name=u)))"},
	{MY, "CHECK TABLE t1, t2 QUICK",
	 "(other value=check (table: (table name=t1) (table name=t2)))"},
	{MS, "ALTER INDEX ALL ON dbo.t REBUILD WITH (ONLINE = ON)",
	 "(other value='alter index' (table: (table name=t schema=dbo)))"},
	{MY,
	 "SELECT GROUP_CONCAT(a ORDER BY b) OVER (PARTITION BY c"
	 " ORDER BY d) FROM t",
	 "(select (targets: (target (args: (func name=group_concat"
	 " window aggregate builtin (args: (column name=a)) (group:"
	 " (column name=c)) (order: (sort (args: (column name=b)))"
	 " (sort (args: (column name=d)))))))) (from: (table name=t)))"},
	{MS,
	 "SELECT * FROM t WITH (NOLOCK) a JOIN u WITH (UPDLOCK,"
	 " HOLDLOCK) ON a.id = u.id",
	 "(select (targets: (target (args: (star)))) (from: (join:inner"
	 " (larg: (table name=t alias=a implicit-alias (hints: (hint"
	 " name=nolock)))) (rarg: (table name=u (hints: (hint"
	 " name=updlock) (hint name=holdlock)))) (quals: (op name=="
	 " (args: (column name=id qual=a) (column name=id qual=u)))))))"},
};

static void adv_ast_parse_tokens__select__tree(void **state)
{
	(void)state;
	run_tree_cases(select_cases, UNIT_ARRAY_SIZE(select_cases));
}

static void adv_ast_parse_tokens__expressions__tree(void **state)
{
	(void)state;
	run_tree_cases(expr_cases, UNIT_ARRAY_SIZE(expr_cases));
}

static void adv_ast_parse_tokens__dml__tree(void **state)
{
	(void)state;
	run_tree_cases(dml_cases, UNIT_ARRAY_SIZE(dml_cases));
}

static void adv_ast_parse_tokens__ddl__tree(void **state)
{
	(void)state;
	run_tree_cases(ddl_cases, UNIT_ARRAY_SIZE(ddl_cases));
}

static void adv_ast_parse_tokens__other_statements__tree(void **state)
{
	(void)state;
	run_tree_cases(stmt_cases, UNIT_ARRAY_SIZE(stmt_cases));
}

/* ---- locations ---- */

static int add_loc(const struct adv_ast *node, const struct adv_ast_path *path,
		   void *data)
{
	struct adv_buf *b = data;

	(void)path;
	adv_buf_addf(b, "%s%s@%d", b->len > 0 ? " " : "",
		     adv_ast_kind_name(node->kind), node->loc);
	return 0;
}

struct loc_case {
	enum adv_sql_dialect d;
	const char *sql;
	const char *want; /* kind@loc of every node, in walk order */
};

static void adv_ast_parse_tokens__nodes__loc_of_first_token(void **state)
{
	static const struct loc_case cases[] = {
		{MY, "SELECT a, f(b) FROM t WHERE x = -1",
		 "select@0 target@7 column@7 target@10 func@10 column@12 "
		 "table@20 op@28 column@28 const@32"},
		{MY, "SELECT * FROM a LEFT JOIN b ON a.id = b.id",
		 "select@0 target@7 star@7 join@14 table@14 table@26 op@31 "
		 "column@31 column@38"},
		{MY, "/* c */ INSERT INTO t (a) VALUES (1)",
		 "insert@8 table@20 column@23 list@33 const@34"},
		{MY, "ALTER TABLE t ADD c INT, DROP d",
		 "alter-table@0 table@12 alter-cmd@14 coldef@18 alter-cmd@25"},
		{MS, "SELECT 1\nUPDATE t SET a = 2",
		 "select@0 target@7 const@7 update@9 table@16 assign@22 "
		 "const@26"},
		{MS, "IF @x = 1 PRINT 'a'",
		 "other@0 op@3 variable@3 const@8 other@10 const@16"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		struct adv_ast_parse p;
		struct adv_buf b;
		const struct adv_ast *s;

		adv_ast_parse_init(&p);
		adv_buf_init(&b);
		assert_int_equal(adv_ast_parse_tokens(cases[i].sql,
						      strlen(cases[i].sql),
						      cases[i].d, &p),
				 ADV_OK);
		for (s = p.stmts; s != NULL; s = s->next)
			adv_ast_walk(s, 0, add_loc, &b);
		if (strcmp(b.data, cases[i].want) != 0)
			fail_msg("'%s':\n got %s\nwant %s", cases[i].sql,
				 b.data, cases[i].want);
		adv_buf_release(&b);
		adv_ast_parse_release(&p);
	}
}

/* ---- errors ---- */

static void adv_ast_parse_tokens__bad_input__message_and_loc(void **state)
{
	static const struct tree_case cases[] = {
		{MY, "SELECT FROM t",
		 "error: syntax error at or near \"FROM\" @7"},
		{MY, "SELECT a FROM",
		 "error: syntax error at end of input @13"},
		{MY, "SELECT 'abc",
		 "error: unterminated string literal at line 1, column 8 @7"},
		{MY, "SELEC 1", "error: syntax error at or near \"SELEC\" @0"},
		{MY, "SELECT a b c FROM t",
		 "error: syntax error at or near \"c\" @11"},
		{MY, "SELECT 1; garbage",
		 "error: syntax error at or near \"garbage\" @10"},
		{MY, "", "error: syntax error at end of input @0"},
		{MY, ";", "error: syntax error at end of input @1"},
		{MY, "-- only a comment",
		 "error: syntax error at end of input @17"},
		{MY, "CREATE TABLE t ()",
		 "error: syntax error at or near \")\" @16"},
		{MY, "ALTER TABLE t ADD COLUMN",
		 "error: syntax error at end of input @24"},
		{MY, "SELECT a FROM t WHERE a IN ()",
		 "error: syntax error at or near \")\" @28"},
		{MY, "SELECT CASE WHEN a THEN b",
		 "error: syntax error at end of input @25"},
		{MY, "SELECT a FROM t /* x",
		 "error: unterminated comment at line 1, column 17 @16"},
		{MY, "SELECT `a",
		 "error: unterminated quoted identifier at line 1, column 8 "
		 "@7"},
		{MY, "SELECT 1 \001",
		 "error: syntax error at or near \"?\" @9"},
		{MY, "INSERT INTO t (a VALUES (1)",
		 "error: syntax error at or near \"VALUES\" @17"},
		{MY, "SELECT * FROM t WHERE a = = 1",
		 "error: syntax error at or near \"=\" @26"},
		{MY, "WITH x AS SELECT 1",
		 "error: syntax error at or near \"SELECT\" @10"},
		{MY, "SELECT * FROM t GROUP a",
		 "error: syntax error at or near \"GROUP\" @16"},
		{MY, "SELECT 'a\nb' 'cd\nef' x y",
		 "error: syntax error at or near \"y\" @23"},
		/* the message holds the first line of a bad token */
		{MY, "SELECT a FROM t WHERE x = 1 'line one\nline two'",
		 "error: syntax error at or near \"'line one\" @28"},
		{MS, "UPDATE t SET WHERE a = 1",
		 "error: syntax error at or near \"WHERE\" @13"},
		{MS, "SELECT * FROM t WITH (NOLOCK",
		 "error: syntax error at end of input @28"},
		{MS, "SELECT [a",
		 "error: unterminated quoted identifier at line 1, column 8 "
		 "@7"},
		{MS, "SELECT a FROM t x y",
		 "error: syntax error at or near \"y\" @18"},
		{MS, "IF @x = 1", "error: syntax error at end of input @9"},
		{MS, "DECLARE x", "error: syntax error at or near \"x\" @8"},
		{MS, "EXEC", "error: syntax error at end of input @4"},
		/* a long token is cut at a character boundary */
		{MS, "SELECT 1 x 'ééééééééééééééééééééééééééééééééé'",
		 "error: syntax error at or near "
		 "\"'ééééééééééééééééééé\" @11"},
	};

	(void)state;
	run_tree_cases(cases, UNIT_ARRAY_SIZE(cases));
}

/* ---- robustness ---- */

struct depth {
	int max;
};

static int note_depth(const struct adv_ast *node,
		      const struct adv_ast_path *path, void *data)
{
	struct depth *d = data;

	(void)node;
	if (path->depth > d->max)
		d->max = path->depth;
	return 0;
}

/*
 * Parses text[0, len) (copied, NUL-terminated at len as the contract
 * says) and checks what holds for any input: a result or an error, an
 * error of one line placed inside the text, a tree whose locations are
 * inside the text and that a walk can follow to its leaves.
 */
static void check_any_input(enum adv_sql_dialect d, const char *text,
			    size_t len)
{
	char *copy = malloc(len + 1);
	struct adv_ast_parse p;

	assert_non_null(copy);
	memcpy(copy, text, len);
	copy[len] = '\0';
	adv_ast_parse_init(&p);
	if (adv_ast_parse_tokens(copy, len, d, &p) == ADV_OK) {
		const struct adv_ast *s;

		assert_non_null(p.stmts);
		assert_null(p.error);
		for (s = p.stmts; s != NULL; s = s->next) {
			struct depth depth = {0};

			assert_true(s->loc >= 0 && (size_t)s->loc < len);
			adv_ast_walk(s, 0, note_depth, &depth);
			assert_true(depth.max < ADV_AST_PATH_MAX);
		}
	} else {
		assert_null(p.stmts);
		assert_non_null(p.error);
		assert_true(p.error[0] != '\0');
		assert_null(strchr(p.error, '\n'));
		assert_true(p.error_loc >= 0 && (size_t)p.error_loc <= len);
	}
	adv_ast_parse_release(&p);
	free(copy);
}

static void check_prefixes(const struct tree_case *cases, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		size_t len = strlen(cases[i].sql);

		for (k = 0; k <= len; k++)
			check_any_input(cases[i].d, cases[i].sql, k);
	}
}

static void adv_ast_parse_tokens__truncated_statements__no_crash(void **state)
{
	(void)state;
	check_prefixes(select_cases, UNIT_ARRAY_SIZE(select_cases));
	check_prefixes(expr_cases, UNIT_ARRAY_SIZE(expr_cases));
	check_prefixes(dml_cases, UNIT_ARRAY_SIZE(dml_cases));
	check_prefixes(ddl_cases, UNIT_ARRAY_SIZE(ddl_cases));
	check_prefixes(stmt_cases, UNIT_ARRAY_SIZE(stmt_cases));
}

/* A deterministic generator for the garbage test. */
static unsigned next_random(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fffu;
}

static void adv_ast_parse_tokens__garbage__no_crash(void **state)
{
	static const char *const pieces[] = {"SELECT ",
					     "FROM ",
					     "WHERE ",
					     "(",
					     ")",
					     ",",
					     "a ",
					     "t.",
					     "* ",
					     "= ",
					     "'x' ",
					     "1 ",
					     "AND ",
					     "OR ",
					     "NOT ",
					     "IN ",
					     "CASE ",
					     "WHEN ",
					     "THEN ",
					     "END ",
					     "BEGIN ",
					     "IF ",
					     "ELSE ",
					     "JOIN ",
					     "ON ",
					     "UNION ",
					     "INSERT ",
					     "INTO ",
					     "VALUES ",
					     "UPDATE ",
					     "SET ",
					     "DELETE ",
					     "CREATE ",
					     "TABLE ",
					     "INDEX ",
					     "ALTER ",
					     "ADD ",
					     "DROP ",
					     "WITH ",
					     "AS ",
					     "; ",
					     "@x ",
					     "[b] ",
					     "`c` ",
					     "EXEC ",
					     "DECLARE ",
					     "CURSOR ",
					     "FOR ",
					     "LIMIT ",
					     "TOP ",
					     "ORDER BY ",
					     "GROUP BY ",
					     "INT ",
					     "PRIMARY KEY ",
					     "CONSTRAINT ",
					     "PROCEDURE ",
					     "-- c\n",
					     "/* c */ ",
					     "\xe2\x80\x8b",
					     "\0",
					     "?",
					     ":=",
					     "::"};
	char buf[512];
	unsigned seed = 42;
	int round;

	(void)state;
	for (round = 0; round < 4000; round++) {
		enum adv_sql_dialect d = (round & 1) != 0 ? MS : MY;
		size_t len = 0;
		unsigned n = next_random(&seed) % 40;
		unsigned i;

		if (round % 4 < 2) {
			/* keyword soup */
			for (i = 0; i < n; i++) {
				const char *piece =
					pieces[next_random(&seed) %
					       UNIT_ARRAY_SIZE(pieces)];
				size_t l = piece[0] == '\0' ? 1 : strlen(piece);

				if (len + l > sizeof(buf))
					break;
				memcpy(buf + len, piece, l);
				len += l;
			}
		} else {
			/* bytes */
			for (i = 0; i < n * 4 && len < sizeof(buf); i++)
				buf[len++] = (char)(next_random(&seed) & 0xff);
		}
		check_any_input(d, buf, len);
	}
}

/* "SELECT " then n times open, then "1", then n times close. */
static char *nested(const char *head, const char *open, const char *mid,
		    const char *close, int n)
{
	struct adv_buf b;
	int i;

	adv_buf_init(&b);
	adv_buf_addstr(&b, head);
	for (i = 0; i < n; i++)
		adv_buf_addstr(&b, open);
	adv_buf_addstr(&b, mid);
	for (i = 0; i < n; i++)
		adv_buf_addstr(&b, close);
	return adv_buf_detach(&b);
}

static void expect_nesting(enum adv_sql_dialect d, char *sql, int refused)
{
	char *got = parse_dump(d, sql, strlen(sql));

	if (refused)
		unit_assert_contains(got, "error: statement nested too deeply");
	else
		unit_assert_not_contains(got, "error:");
	check_any_input(d, sql, strlen(sql));
	free(got);
	free(sql);
}

static void adv_ast_parse_tokens__deep_nesting__refused(void **state)
{
	(void)state;
	expect_nesting(MY, nested("SELECT ", "(", "1", ")", 100), 0);
	expect_nesting(MY, nested("SELECT ", "(", "1", ")", 200), 1);
	expect_nesting(MS, nested("SELECT ", "(", "1", ")", 5000), 1);
	expect_nesting(MY, nested("SELECT ", "(SELECT ", "1", ")", 60), 0);
	expect_nesting(MY, nested("SELECT ", "(SELECT ", "1", ")", 150), 1);
	expect_nesting(MY, nested("SELECT ", "NOT ", "1", "", 100), 0);
	expect_nesting(MY, nested("SELECT ", "NOT ", "1", "", 300), 1);
	expect_nesting(MY, nested("SELECT ", "-", "a", "", 300), 1);
	expect_nesting(MY, nested("SELECT ", "1 + ", "1", "", 200), 0);
	expect_nesting(MY, nested("SELECT ", "1 + ", "1", "", 300), 1);
	/* AND and OR lists are flat: long ones are not deep */
	expect_nesting(
		MY, nested("SELECT 1 WHERE ", "a = 1 AND ", "b", "", 5000), 0);
	expect_nesting(
		MS, nested("SELECT 1 WHERE ", "a = 1 OR ", "b", "", 5000), 0);
	expect_nesting(MY, nested("SELECT * FROM t", " JOIN t", "", "", 300),
		       1);
	expect_nesting(MS, nested("", "BEGIN ", "SELECT 1 ", "END ", 60), 0);
	expect_nesting(MS, nested("", "BEGIN ", "SELECT 1 ", "END ", 200), 1);
	expect_nesting(MS, nested("", "IF 1 = 1 ", "PRINT 1", "", 300), 1);
	expect_nesting(MY, nested("SELECT * FROM ", "(", "t", ")", 300), 1);
	expect_nesting(MY,
		       nested("SELECT ", "CASE WHEN 1 THEN ", "1", " END", 300),
		       1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_ast_parse_tokens__select__tree),
		cmocka_unit_test(adv_ast_parse_tokens__expressions__tree),
		cmocka_unit_test(adv_ast_parse_tokens__dml__tree),
		cmocka_unit_test(adv_ast_parse_tokens__ddl__tree),
		cmocka_unit_test(adv_ast_parse_tokens__other_statements__tree),
		cmocka_unit_test(
			adv_ast_parse_tokens__nodes__loc_of_first_token),
		cmocka_unit_test(
			adv_ast_parse_tokens__bad_input__message_and_loc),
		cmocka_unit_test(
			adv_ast_parse_tokens__truncated_statements__no_crash),
		cmocka_unit_test(adv_ast_parse_tokens__garbage__no_crash),
		cmocka_unit_test(adv_ast_parse_tokens__deep_nesting__refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
