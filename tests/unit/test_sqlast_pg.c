#include "unit.h"

#include "buf.h"
#include "sqlast.h"

/*
 * PostgreSQL statements through libpg_query into the shared tree: each
 * case is a statement and the adv_ast_dump() of what it parses to.
 */

struct dump_case {
	const char *sql;
	const char *want;
};

/* The dump of every statement of sql; fails when sql does not parse. */
static char *dump(const char *sql)
{
	struct adv_ast_parse p;
	struct adv_buf b;
	char msg[512];

	adv_ast_parse_init(&p);
	adv_buf_init(&b);
	if (adv_ast_parse_pg(sql, strlen(sql), &p) != ADV_OK) {
		snprintf(msg, sizeof(msg), "'%s' does not parse: %s at %d", sql,
			 p.error, p.error_loc);
		adv_ast_parse_release(&p);
		adv_buf_release(&b);
		fail_msg("%s", msg);
	}
	adv_ast_dump(p.stmts, &b);
	adv_ast_parse_release(&p);
	return adv_buf_detach(&b);
}

static void run_dump_cases(const struct dump_case *cases, size_t n)
{
	size_t i, bad = 0;

	for (i = 0; i < n; i++) {
		char *got = dump(cases[i].sql);

		if (strcmp(got, cases[i].want) != 0) {
			print_error("%s\n got %s\nwant %s\n", cases[i].sql, got,
				    cases[i].want);
			bad++;
		}
		free(got);
	}
	if (bad > 0)
		fail_msg("%zu of %zu statements parse differently", bad, n);
}

static const struct dump_case queries_cases[] = {
	{"SELECT a, t.*, * FROM t",
	 "(select (targets: (target (args: (column name=a))) (target "
	 "(args: (star qual=t))) (target (args: (star)))) (from: (table "
	 "name=t)))"},
	{"SELECT a b, c AS d, e \"E\", f FROM s.t AS x",
	 "(select (targets: (target alias=b implicit-alias (args: (column "
	 "name=a))) (target alias=d (args: (column name=c))) (target "
	 "alias=E implicit-alias (args: (column name=e))) (target (args: "
	 "(column name=f)))) (from: (table name=t schema=s alias=x)))"},
	{"SELECT DISTINCT a FROM t",
	 "(select distinct (targets: (target (args: (column name=a)))) "
	 "(from: (table name=t)))"},
	{"SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, b DESC NULLS "
	 "FIRST, c ASC NULLS LAST, d USING >",
	 "(select distinct-on (args: (column name=a)) (targets: (target "
	 "(args: (column name=a))) (target (args: (column name=b)))) "
	 "(from: (table name=t)) (order: (sort (args: (column name=a))) "
	 "(sort:desc nulls-first (args: (column name=b))) (sort:asc "
	 "nulls-last (args: (column name=c))) (sort:desc name=> (args: "
	 "(column name=d)))))"},
	{"SELECT a FROM t WHERE b > 1 GROUP BY a HAVING count(*) > 1",
	 "(select (targets: (target (args: (column name=a)))) (from: "
	 "(table name=t)) (where: (op name=> (args: (column name=b) "
	 "(const:int value=1)))) (group: (column name=a)) (having: (op "
	 "name=> (args: (func name=count agg-star aggregate builtin) "
	 "(const:int value=1)))))"},
	{"SELECT a FROM t LIMIT 10 OFFSET 20",
	 "(select (targets: (target (args: (column name=a)))) (from: "
	 "(table name=t)) (limit: (const:int value=10)) (offset: "
	 "(const:int value=20)))"},
	{"SELECT a FROM t LIMIT ALL",
	 "(select (targets: (target (args: (column name=a)))) (from: "
	 "(table name=t)))"},
	{"SELECT a FROM t ORDER BY a FETCH FIRST 5 ROWS ONLY",
	 "(select (targets: (target (args: (column name=a)))) (from: "
	 "(table name=t)) (order: (sort (args: (column name=a)))) (limit: "
	 "(const:int value=5)))"},
	{"SELECT a FROM t FOR UPDATE",
	 "(select for-update (targets: (target (args: (column name=a)))) "
	 "(from: (table name=t)))"},
	{"SELECT a FROM t FOR SHARE",
	 "(select (targets: (target (args: (column name=a)))) (from: "
	 "(table name=t)))"},
	{"SELECT 1 UNION ALL SELECT 2 ORDER BY 1 LIMIT 1",
	 "(select:union all (order: (sort (args: (const:int value=1)))) "
	 "(limit: (const:int value=1)) (larg: (select (targets: (target "
	 "(args: (const:int value=1)))))) (rarg: (select (targets: (target "
	 "(args: (const:int value=2)))))))"},
	{"SELECT 1 INTERSECT SELECT 2 EXCEPT SELECT 3",
	 "(select:except (larg: (select:intersect (larg: (select (targets: "
	 "(target (args: (const:int value=1)))))) (rarg: (select (targets: "
	 "(target (args: (const:int value=2)))))))) (rarg: (select "
	 "(targets: (target (args: (const:int value=3)))))))"},
	{"VALUES (1, 'a'), (2, DEFAULT)",
	 "(select values (values: (list (args: (const:int value=1) "
	 "(const:string value=a))) (list (args: (const:int value=2) "
	 "(default)))))"},
	{"WITH RECURSIVE r (n) AS (SELECT 1 UNION SELECT n + 1 FROM r) "
	 "SELECT n FROM r",
	 "(select (with: (cte name=r recursive (cols: (column name=n)) "
	 "(sub: (select:union (larg: (select (targets: (target (args: "
	 "(const:int value=1)))))) (rarg: (select (targets: (target (args: "
	 "(op name=+ (args: (column name=n) (const:int value=1)))))) "
	 "(from: (table name=r)))))))) (targets: (target (args: (column "
	 "name=n)))) (from: (table name=r)))"},
	{"WITH x AS (SELECT 1) SELECT * FROM x",
	 "(select (with: (cte name=x (sub: (select (targets: (target "
	 "(args: (const:int value=1)))))))) (targets: (target (args: "
	 "(star)))) (from: (table name=x)))"},
	{"SELECT 1 INTO TEMP t2 FROM t",
	 "(select (targets: (target (args: (const:int value=1)))) (from: "
	 "(table name=t)) (into: (table name=t2 temporary)))"},
	{"SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id) "
	 "RIGHT JOIN d ON true FULL JOIN e ON false",
	 "(select (targets: (target (args: (star)))) (from: (join:full "
	 "(larg: (join:right (larg: (join:left (cols: (column name=id)) "
	 "(larg: (join:inner (larg: (table name=a)) (rarg: (table name=b)) "
	 "(quals: (op name== (args: (column name=id qual=a) (column "
	 "name=id qual=b)))))) (rarg: (table name=c)))) (rarg: (table "
	 "name=d)) (quals: (const:bool value=true)))) (rarg: (table "
	 "name=e)) (quals: (const:bool value=false)))))"},
	{"SELECT * FROM a CROSS JOIN b NATURAL JOIN c, d",
	 "(select (targets: (target (args: (star)))) (from: (join:inner "
	 "natural (larg: (join:cross cross (larg: (table name=a)) (rarg: "
	 "(table name=b)))) (rarg: (table name=c))) (table name=d)))"},
	{"SELECT * FROM a, LATERAL (SELECT a.x) s (y), generate_series(1, "
	 "3) AS g (n), LATERAL f(a.x)",
	 "(select (targets: (target (args: (star)))) (from: (table name=a) "
	 "(subquery alias=s lateral (cols: (column name=y)) (sub: (select "
	 "(targets: (target (args: (column name=x qual=a))))))) "
	 "(function-table name=generate_series alias=g (cols: (column "
	 "name=n)) (args: (const:int value=1) (const:int value=3))) "
	 "(function-table name=f lateral (args: (column name=x qual=a)))))"},
	{"SELECT * FROM ONLY t, (VALUES (1)) v (x) JOIN (a JOIN b ON true) "
	 "j ON true",
	 "(select (targets: (target (args: (star)))) (from: (table name=t "
	 "only) (join:inner (larg: (subquery alias=v (cols: (column "
	 "name=x)) (sub: (select values (values: (list (args: (const:int "
	 "value=1)))))))) (rarg: (join:inner alias=j (larg: (table "
	 "name=a)) (rarg: (table name=b)) (quals: (const:bool "
	 "value=true)))) (quals: (const:bool value=true)))))"},
	{"SELECT * FROM ROWS FROM (f(1), g(2)) r, t TABLESAMPLE system "
	 "(10)",
	 "(select (targets: (target (args: (star)))) (from: "
	 "(function-table name='rows from' alias=r (args: (func name=f "
	 "(args: (const:int value=1))) (func name=g (args: (const:int "
	 "value=2))))) (table name=t (args: (const:int value=10)))))"},
	{"TABLE t", "(select (targets: (target (args: (star)))) (from: (table "
		    "name=t)))"},
};

static const struct dump_case expressions_cases[] = {
	{"SELECT 5, -3, - 7, 1.5, -2.5, 1e3, 2147483648, 'x', "
	 "E'\\x41\\tb', 'it''s', true, false, NULL, B'101', X'1f', N'n', "
	 "$1",
	 "(select (targets: (target (args: (const:int value=5))) (target "
	 "(args: (const:int value=-3))) (target (args: (const:int "
	 "value=-7))) (target (args: (const:float value=1.5))) (target "
	 "(args: (const:float value=-2.5))) (target (args: (const:float "
	 "value=1e3))) (target (args: (const:float value=2147483648))) "
	 "(target (args: (const:string value=x))) (target (args: "
	 "(const:string value='A\tb'))) (target (args: (const:string "
	 "value='it\\'s'))) (target (args: (const:bool value=true))) "
	 "(target (args: (const:bool value=false))) (target (args: "
	 "(const:null value=null))) (target (args: (const:bits "
	 "value=b101))) (target (args: (const:bits value=x1f))) (target "
	 "(args: (const:string value=n national))) (target (args: (param:1 "
	 "value=$1)))))"},
	{"SELECT a, t.b, s.t.c, \"Q\".\"C\"",
	 "(select (targets: (target (args: (column name=a))) (target "
	 "(args: (column name=b qual=t))) (target (args: (column name=c "
	 "schema=s qual=t))) (target (args: (column name=C qual=Q)))))"},
	{"SELECT x::int, CAST(y AS varchar(10)), DATE '2024-01-01', '1 "
	 "day'::interval, a COLLATE \"C\"",
	 "(select (targets: (target (args: (cast type=int/int4 (args: "
	 "(column name=x))))) (target (args: (cast "
	 "type=varchar/varchar(10) (args: (column name=y))))) (target "
	 "(args: (cast type=date/date (args: (const:string "
	 "value=2024-01-01))))) (target (args: (cast "
	 "type=interval/interval (args: (const:string value='1 day'))))) "
	 "(target (args: (expr name=C value=collate (args: (column "
	 "name=a)))))))"},
	{"SELECT count(*), count(DISTINCT a), sum(a) FILTER (WHERE b > 0), "
	 "rank() OVER (PARTITION BY c ORDER BY d), string_agg(e, ',' ORDER "
	 "BY e), s.myf(a), pg_catalog.now(), lower(b), grouping(a)",
	 "(select (targets: (target (args: (func name=count agg-star "
	 "aggregate builtin))) (target (args: (func name=count distinct "
	 "aggregate builtin (args: (column name=a))))) (target (args: "
	 "(func name=sum aggregate builtin (args: (column name=a)) (where: "
	 "(op name=> (args: (column name=b) (const:int value=0))))))) "
	 "(target (args: (func name=rank window builtin (group: (column name=c)) "
	 "(order: (sort (args: (column name=d))))))) (target (args: (func "
	 "name=string_agg aggregate builtin (args: (column name=e) "
	 "(const:string value=,)) (order: (sort (args: (column "
	 "name=e))))))) (target (args: (func name=myf schema=s (args: "
	 "(column name=a))))) (target (args: (func name=now "
	 "schema=pg_catalog builtin))) (target (args: (func name=lower "
	 "builtin (args: (column name=b))))) (target (args: (func "
	 "name=grouping aggregate builtin (args: (column name=a)))))))"},
	{"SELECT coalesce(a, 0), nullif(a, b), greatest(a, b), least(a, "
	 "b), current_date, current_timestamp, localtimestamp(3), "
	 "current_user",
	 "(select (targets: (target (args: (func name=coalesce builtin "
	 "(args: (column name=a) (const:int value=0))))) (target (args: "
	 "(func name=nullif builtin (args: (column name=a) (column "
	 "name=b))))) (target (args: (func name=greatest builtin (args: "
	 "(column name=a) (column name=b))))) (target (args: (func "
	 "name=least builtin (args: (column name=a) (column name=b))))) "
	 "(target (args: (func name=current_date builtin))) (target (args: "
	 "(func name=current_timestamp builtin))) (target (args: (func "
	 "name=localtimestamp builtin))) (target (args: (func "
	 "name=current_user builtin)))))"},
	{"SELECT extract(year FROM ts), ts AT TIME ZONE 'UTC', substring(s "
	 "FROM 1 FOR 2), trim(s), f(p => 1)",
	 "(select (targets: (target (args: (func name=extract builtin "
	 "(args: (const:string value=year) (column name=ts))))) (target "
	 "(args: (expr value='at time zone' (args: (column name=ts) "
	 "(const:string value=UTC))))) (target (args: (func name=substring "
	 "builtin (args: (column name=s) (const:int value=1) (const:int "
	 "value=2))))) (target (args: (func name=btrim builtin (args: "
	 "(column name=s))))) (target (args: (func name=f (args: (expr "
	 "name=p value='named argument' (args: (const:int value=1)))))))))"},
	{"SELECT CASE a WHEN 1 THEN 'x' ELSE 'y' END, CASE WHEN b THEN 1 "
	 "END",
	 "(select (targets: (target (args: (case (args: (when (args: "
	 "(const:int value=1) (const:string value=x))) (const:string "
	 "value=y)) (quals: (column name=a))))) (target (args: (case "
	 "(args: (when (args: (column name=b) (const:int value=1)))))))))"},
	{"SELECT ARRAY[1, 2], ROW(1, 2), (1, 2), arr[1], arr[1:2], (r).f",
	 "(select (targets: (target (args: (list array (args: (const:int "
	 "value=1) (const:int value=2))))) (target (args: (list (args: "
	 "(const:int value=1) (const:int value=2))))) (target (args: (list "
	 "(args: (const:int value=1) (const:int value=2))))) (target "
	 "(args: (expr value=indirection (args: (column name=arr) "
	 "(const:int value=1))))) (target (args: (expr value=indirection "
	 "(args: (column name=arr) (const:int value=1) (const:int "
	 "value=2))))) (target (args: (expr name=f value=indirection "
	 "(args: (column name=r)))))))"},
	{"SELECT a + b * c, -a, a || 'x', a OPERATOR(pg_catalog.+) b, a "
	 "->> 'k', NOT a",
	 "(select (targets: (target (args: (op name=+ (args: (column "
	 "name=a) (op name=* (args: (column name=b) (column name=c))))))) "
	 "(target (args: (op name=- (args: (column name=a))))) (target "
	 "(args: (op name=|| (args: (column name=a) (const:string "
	 "value=x))))) (target (args: (op name=+ (args: (column name=a) "
	 "(column name=b))))) (target (args: (op name=->> (args: (column "
	 "name=a) (const:string value=k))))) (target (args: (not (args: "
	 "(column name=a)))))))"},
	{"SELECT * FROM t WHERE a = 1 AND (b = 2 AND c = 3) AND (d OR e OR "
	 "(f OR g))",
	 "(select (targets: (target (args: (star)))) (from: (table "
	 "name=t)) (where: (and (args: (op name== (args: (column name=a) "
	 "(const:int value=1))) (op name== (args: (column name=b) "
	 "(const:int value=2))) (op name== (args: (column name=c) "
	 "(const:int value=3))) (or (args: (column name=d) (column name=e) "
	 "(column name=f) (column name=g)))))))"},
	{"SELECT * FROM t WHERE a IN (1, 2) AND b NOT IN (3) AND c IN "
	 "(SELECT c FROM u) AND d NOT IN (SELECT d FROM u) AND e = ANY "
	 "(SELECT e FROM u)",
	 "(select (targets: (target (args: (star)))) (from: (table "
	 "name=t)) (where: (and (args: (in (args: (column name=a) "
	 "(const:int value=1) (const:int value=2))) (in not (args: (column "
	 "name=b) (const:int value=3))) (in (args: (column name=c)) (sub: "
	 "(select (targets: (target (args: (column name=c)))) (from: "
	 "(table name=u))))) (in not (args: (column name=d)) (sub: (select "
	 "(targets: (target (args: (column name=d)))) (from: (table "
	 "name=u))))) (in (args: (column name=e)) (sub: (select (targets: "
	 "(target (args: (column name=e)))) (from: (table name=u)))))))))"},
	{"SELECT * FROM t WHERE EXISTS (SELECT 1) AND NOT EXISTS (SELECT "
	 "2) AND a > ALL (SELECT 3) AND b < ANY (SELECT 4) AND c = (SELECT "
	 "5) AND d = ARRAY(SELECT 6)",
	 "(select (targets: (target (args: (star)))) (from: (table "
	 "name=t)) (where: (and (args: (sublink:exists (sub: (select "
	 "(targets: (target (args: (const:int value=1))))))) (not (args: "
	 "(sublink:exists (sub: (select (targets: (target (args: "
	 "(const:int value=2))))))))) (sublink:all name=> (args: (column "
	 "name=a)) (sub: (select (targets: (target (args: (const:int "
	 "value=3))))))) (sublink:any name=< (args: (column name=b)) (sub: "
	 "(select (targets: (target (args: (const:int value=4))))))) (op "
	 "name== (args: (column name=c) (sublink:scalar (sub: (select "
	 "(targets: (target (args: (const:int value=5))))))))) (op name== "
	 "(args: (column name=d) (sublink:array (sub: (select (targets: "
	 "(target (args: (const:int value=6)))))))))))))"},
	{"SELECT * FROM t WHERE a = ANY (ARRAY[1, 2]) AND b <> ALL ('{3}') "
	 "AND c LIKE ANY (ARRAY['x%'])",
	 "(select (targets: (target (args: (star)))) (from: (table "
	 "name=t)) (where: (and (args: (any-all:any name== (args: (column "
	 "name=a) (list array (args: (const:int value=1) (const:int "
	 "value=2))))) (any-all:all name=<> (args: (column name=b) "
	 "(const:string value={3}))) (any-all:any name=like (args: (column "
	 "name=c) (list array (args: (const:string value=x%)))))))))"},
	{"SELECT * FROM t WHERE a LIKE 'x%' AND b NOT LIKE 'y' AND c ILIKE "
	 "'z' AND d NOT ILIKE 'w' AND e LIKE 'a!%' ESCAPE '!' AND f "
	 "SIMILAR TO 'b' AND g NOT SIMILAR TO 'c' ESCAPE '#'",
	 "(select (targets: (target (args: (star)))) (from: (table "
	 "name=t)) (where: (and (args: (like:like (args: (column name=a) "
	 "(const:string value=x%))) (like:like not (args: (column name=b) "
	 "(const:string value=y))) (like:ilike (args: (column name=c) "
	 "(const:string value=z))) (like:ilike not (args: (column name=d) "
	 "(const:string value=w))) (like:like (args: (column name=e) "
	 "(const:string value=a!%) (const:string value=!))) (like:similar "
	 "(args: (column name=f) (const:string value=b))) (like:similar "
	 "not (args: (column name=g) (const:string value=c) (const:string "
	 "value=#)))))))"},
	{"SELECT * FROM t WHERE a ~ 'x' AND b ~* 'y' AND c !~ 'z' AND d "
	 "!~* 'w' AND e ~~ 'v' AND f !~~* 'u'",
	 "(select (targets: (target (args: (star)))) (from: (table "
	 "name=t)) (where: (and (args: (like:regex (args: (column name=a) "
	 "(const:string value=x))) (like:regex (args: (column name=b) "
	 "(const:string value=y))) (like:regex not (args: (column name=c) "
	 "(const:string value=z))) (like:regex not (args: (column name=d) "
	 "(const:string value=w))) (like:like (args: (column name=e) "
	 "(const:string value=v))) (like:ilike not (args: (column name=f) "
	 "(const:string value=u)))))))"},
	{"SELECT * FROM t WHERE a BETWEEN 1 AND 2 AND b NOT BETWEEN 3 AND "
	 "4 AND c BETWEEN SYMMETRIC 5 AND 6 AND d NOT BETWEEN SYMMETRIC 7 "
	 "AND 8",
	 "(select (targets: (target (args: (star)))) (from: (table "
	 "name=t)) (where: (and (args: (between (args: (column name=a) "
	 "(const:int value=1) (const:int value=2))) (between not (args: "
	 "(column name=b) (const:int value=3) (const:int value=4))) "
	 "(between symmetric (args: (column name=c) (const:int value=5) "
	 "(const:int value=6))) (between not symmetric (args: (column "
	 "name=d) (const:int value=7) (const:int value=8)))))))"},
	{"SELECT * FROM t WHERE a IS NULL AND b IS NOT NULL AND c IS TRUE "
	 "AND d IS NOT FALSE AND e IS UNKNOWN AND f IS DISTINCT FROM g AND "
	 "h IS NOT DISTINCT FROM i",
	 "(select (targets: (target (args: (star)))) (from: (table "
	 "name=t)) (where: (and (args: (nulltest (args: (column name=a))) "
	 "(nulltest not (args: (column name=b))) (booltest value=true "
	 "(args: (column name=c))) (booltest value=false not (args: "
	 "(column name=d))) (booltest value=unknown (args: (column "
	 "name=e))) (distinct-from (args: (column name=f) (column "
	 "name=g))) (distinct-from not (args: (column name=h) (column "
	 "name=i)))))))"},
};

static const struct dump_case dml_cases[] = {
	{"INSERT INTO t VALUES (1, 'a')",
	 "(insert (table: (table name=t)) (values: (list (args: (const:int "
	 "value=1) (const:string value=a)))))"},
	{"INSERT INTO s.t AS x (a, b) VALUES (1, DEFAULT), ($1, $2) "
	 "RETURNING a, b AS c",
	 "(insert (table: (table name=t schema=s alias=x)) (cols: (column "
	 "name=a) (column name=b)) (values: (list (args: (const:int "
	 "value=1) (default))) (list (args: (param:1 value=$1) (param:2 "
	 "value=$2)))) (returning: (target (args: (column name=a))) "
	 "(target alias=c (args: (column name=b)))))"},
	{"INSERT INTO t (a) SELECT a FROM u",
	 "(insert (table: (table name=t)) (cols: (column name=a)) (sub: "
	 "(select (targets: (target (args: (column name=a)))) (from: "
	 "(table name=u)))))"},
	{"INSERT INTO t DEFAULT VALUES",
	 "(insert default-values (table: (table name=t)))"},
	{"INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING",
	 "(insert on-conflict (table: (table name=t)) (cols: (column "
	 "name=a)) (values: (list (args: (const:int value=1)))))"},
	{"INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET "
	 "b = excluded.b WHERE t.b < 10",
	 "(insert on-conflict (table: (table name=t)) (cols: (column "
	 "name=a) (column name=b)) (where: (op name=< (args: (column "
	 "name=b qual=t) (const:int value=10)))) (values: (list (args: "
	 "(const:int value=1) (const:int value=2)))) (quals: (assign "
	 "name=b (args: (column name=b qual=excluded)))))"},
	{"WITH n AS (SELECT 1 AS a) INSERT INTO t (a) SELECT a FROM n",
	 "(insert (with: (cte name=n (sub: (select (targets: (target "
	 "alias=a (args: (const:int value=1)))))))) (table: (table "
	 "name=t)) (cols: (column name=a)) (sub: (select (targets: (target "
	 "(args: (column name=a)))) (from: (table name=n)))))"},
	{"UPDATE t SET a = 1, b = b + 1",
	 "(update (table: (table name=t)) (set: (assign name=a (args: "
	 "(const:int value=1))) (assign name=b (args: (op name=+ (args: "
	 "(column name=b) (const:int value=1)))))))"},
	{"UPDATE ONLY t AS x SET (a, b) = (1, 2), (c, d) = (SELECT 3, 4), "
	 "e[1] = 5 FROM u WHERE x.id = u.id RETURNING *",
	 "(update (table: (table name=t alias=x only)) (from: (table "
	 "name=u)) (where: (op name== (args: (column name=id qual=x) "
	 "(column name=id qual=u)))) (set: (assign name=a (args: "
	 "(const:int value=1))) (assign name=b (args: (const:int "
	 "value=2))) (assign name=c (args: (sublink:scalar (sub: (select "
	 "(targets: (target (args: (const:int value=3))) (target (args: "
	 "(const:int value=4))))))))) (assign name=d) (assign name=e "
	 "(args: (const:int value=5)))) (returning: (target (args: "
	 "(star)))))"},
	{"UPDATE t SET a = 1 AND b = 2",
	 "(update (table: (table name=t)) (set: (assign name=a (args: (and "
	 "(args: (const:int value=1) (op name== (args: (column name=b) "
	 "(const:int value=2)))))))))"},
	{"DELETE FROM t", "(delete (table: (table name=t)))"},
	{"DELETE FROM t USING u WHERE t.id = u.id RETURNING t.id",
	 "(delete (table: (table name=t)) (from: (table name=u)) (where: "
	 "(op name== (args: (column name=id qual=t) (column name=id "
	 "qual=u)))) (returning: (target (args: (column name=id "
	 "qual=t)))))"},
	{"WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
	 "(select (with: (cte name=d (sub: (delete (table: (table name=t)) "
	 "(returning: (target (args: (star)))))))) (targets: (target "
	 "(args: (star)))) (from: (table name=d)))"},
};

static const struct dump_case create_table_cases[] = {
	{"CREATE TABLE t (id int)",
	 "(create-table (table: (table name=t)) (coldefs: (coldef name=id "
	 "type=int/int4)))"},
	{"CREATE TEMP TABLE IF NOT EXISTS s.t (id bigserial PRIMARY KEY, "
	 "code varchar(20) NOT NULL DEFAULT 'x' UNIQUE, price numeric(10, "
	 "2) NULL CHECK (price > 0), parent int REFERENCES p (id) "
	 "DEFERRABLE)",
	 "(create-table temporary if-not-exists (table: (table name=t "
	 "schema=s temporary)) (coldefs: (coldef name=id primary-key "
	 "auto-increment type=bigserial/bigserial (constraints: "
	 "(constraint:primary (cols: (column name=id))))) (coldef "
	 "name=code unique not-null type=varchar/varchar(20) (constraints: "
	 "(constraint:unique (cols: (column name=code)))) (dflt: "
	 "(const:string value=x))) (coldef name=price null "
	 "type=numeric/numeric(10) (constraints: (constraint:check (cols: "
	 "(column name=price)) (args: (op name=> (args: (column "
	 "name=price) (const:int value=0))))))) (coldef name=parent "
	 "type=int/int4 (constraints: (constraint:foreign deferrable "
	 "(table: (table name=p)) (cols: (column name=parent)) (include: "
	 "(column name=id)))))) (constraints: (constraint:primary (cols: "
	 "(column name=id))) (constraint:unique (cols: (column "
	 "name=code))) (constraint:check (cols: (column name=price)) "
	 "(args: (op name=> (args: (column name=price) (const:int "
	 "value=0))))) (constraint:foreign deferrable (table: (table "
	 "name=p)) (cols: (column name=parent)) (include: (column "
	 "name=id)))))"},
	{"CREATE TABLE t (a int GENERATED ALWAYS AS IDENTITY, b "
	 "smallserial, c serial, d text GENERATED ALWAYS AS (upper(e)) "
	 "STORED, e text)",
	 "(create-table (table: (table name=t)) (coldefs: (coldef name=a "
	 "auto-increment type=int/int4) (coldef name=b auto-increment "
	 "type=smallserial/smallserial) (coldef name=c auto-increment "
	 "type=serial/serial) (coldef name=d generated type=text/text "
	 "(dflt: (func name=upper builtin (args: (column name=e))))) "
	 "(coldef name=e type=text/text)))"},
	{"CREATE TABLE t (a int, b int, CONSTRAINT pk PRIMARY KEY (a, b), "
	 "UNIQUE (b), FOREIGN KEY (a) REFERENCES u ON DELETE CASCADE, "
	 "CHECK (a < b), EXCLUDE USING gist (b WITH =), LIKE v)",
	 "(create-table like (table: (table name=t)) (coldefs: (coldef "
	 "name=a type=int/int4) (coldef name=b type=int/int4)) "
	 "(constraints: (constraint:primary name=pk (cols: (column name=a) "
	 "(column name=b))) (constraint:unique (cols: (column name=b))) "
	 "(constraint:foreign (table: (table name=u)) (cols: (column "
	 "name=a))) (constraint:check (args: (op name=< (args: (column "
	 "name=a) (column name=b))))) (constraint:exclusion (args: (column "
	 "name=b)))))"},
	{"CREATE TABLE t (a int) PARTITION BY RANGE (a)",
	 "(create-table partitioned (table: (table name=t)) (coldefs: "
	 "(coldef name=a type=int/int4)))"},
	{"CREATE TABLE t (a int) WITH (fillfactor = 70)",
	 "(create-table (table: (table name=t)) (options: (option "
	 "name=fillfactor value=70)) (coldefs: (coldef name=a "
	 "type=int/int4)))"},
	{"CREATE TABLE t (a smallint, b integer, c bigint, d int4, e real, "
	 "f double precision, g float, h decimal, i money, j char(3), k "
	 "character, l varchar, m character varying(5), n text, o bool, p "
	 "date, q time, r timetz, s timestamp, t timestamp(3) with time "
	 "zone, u bytea, v uuid, w json, x jsonb, y interval, z int[], aa "
	 "text[][], ab public.mytype, ac \"Mixed\", ad bit(3))",
	 "(create-table (table: (table name=t)) (coldefs: (coldef name=a "
	 "type=smallint/int2) (coldef name=b type=int/int4) (coldef name=c "
	 "type=bigint/int8) (coldef name=d type=int/int4) (coldef name=e "
	 "type=float/float4) (coldef name=f type=float/float8) (coldef "
	 "name=g type=float/float8) (coldef name=h type=numeric/numeric) "
	 "(coldef name=i type=numeric/money) (coldef name=j "
	 "type=char/bpchar(3)) (coldef name=k type=char/bpchar(1)) (coldef "
	 "name=l type=varchar/varchar) (coldef name=m "
	 "type=varchar/varchar(5)) (coldef name=n type=text/text) (coldef "
	 "name=o type=bool/bool) (coldef name=p type=date/date) (coldef "
	 "name=q type=time/time) (coldef name=r type=time/timetz) (coldef "
	 "name=s type=timestamp/timestamp) (coldef name=t "
	 "type=timestamptz/timestamptz(3)) (coldef name=u "
	 "type=binary/bytea) (coldef name=v type=uuid/uuid) (coldef name=w "
	 "type=json/json) (coldef name=x type=json/jsonb) (coldef name=y "
	 "type=interval/interval) (coldef name=z type=int/int4[]) (coldef "
	 "name=aa type=text/text[]) (coldef name=ab type=other/mytype) "
	 "(coldef name=ac type=other/Mixed) (coldef name=ad "
	 "type=other/bit(3))))"},
	{"CREATE TABLE t AS SELECT 1 AS a",
	 "(create-table as-select (table: (table name=t)) (sub: (select "
	 "(targets: (target alias=a (args: (const:int value=1)))))))"},
	{"CREATE TEMP TABLE IF NOT EXISTS t AS SELECT 1 WITH NO DATA",
	 "(create-table temporary if-not-exists as-select (table: (table "
	 "name=t temporary)) (sub: (select (targets: (target (args: "
	 "(const:int value=1)))))))"},
};

static const struct dump_case alter_table_cases[] = {
	{"ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:add-column name=c (coldef: (coldef name=c not-null "
	 "type=int/int4 (dflt: (const:int value=0)))))))"},
	{"ALTER TABLE IF EXISTS ONLY s.t ADD COLUMN IF NOT EXISTS c uuid "
	 "DEFAULT gen_random_uuid(), DROP COLUMN IF EXISTS d CASCADE, DROP "
	 "e",
	 "(alter-table if-exists only (table: (table name=t schema=s "
	 "only)) (cmds: (alter-cmd:add-column name=c if-not-exists "
	 "(coldef: (coldef name=c type=uuid/uuid (dflt: (func "
	 "name=gen_random_uuid builtin))))) (alter-cmd:drop-column name=d "
	 "if-exists cascade) (alter-cmd:drop-column name=e)))"},
	{"ALTER TABLE t ALTER COLUMN a TYPE bigint USING a::bigint, ALTER "
	 "b SET DATA TYPE text",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:column-type name=a type=bigint/int8 (args: (cast "
	 "type=bigint/int8 (args: (column name=a))))) "
	 "(alter-cmd:column-type name=b type=text/text)))"},
	{"ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER COLUMN b DROP "
	 "NOT NULL, ALTER COLUMN c SET DEFAULT now(), ALTER COLUMN d DROP "
	 "DEFAULT",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:set-not-null name=a) (alter-cmd:drop-not-null name=b) "
	 "(alter-cmd:set-default name=c (dflt: (func name=now builtin))) "
	 "(alter-cmd:drop-default name=d)))"},
	{"ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u "
	 "(id) NOT VALID, VALIDATE CONSTRAINT fk",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:add-constraint name=fk (constraint: "
	 "(constraint:foreign name=fk not-valid (table: (table name=u)) "
	 "(cols: (column name=a)) (include: (column name=id))))) "
	 "(alter-cmd:validate-constraint name=fk)))"},
	{"ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING INDEX i, ADD "
	 "CHECK (a > 0), ADD UNIQUE (b)",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:add-constraint name=pk (constraint: "
	 "(constraint:primary name=pk value=i))) (alter-cmd:add-constraint "
	 "(constraint: (constraint:check (args: (op name=> (args: (column "
	 "name=a) (const:int value=0))))))) (alter-cmd:add-constraint "
	 "(constraint: (constraint:unique (cols: (column name=b)))))))"},
	{"ALTER TABLE t DROP CONSTRAINT IF EXISTS c CASCADE",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:drop-constraint name=c if-exists cascade)))"},
	{"ALTER TABLE t ATTACH PARTITION p FOR VALUES FROM (1) TO (10)",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:attach-partition (table: (table name=p)))))"},
	{"ALTER TABLE t DETACH PARTITION p",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:detach-partition (table: (table name=p)))))"},
	{"ALTER TABLE t DETACH PARTITION q CONCURRENTLY",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:detach-partition concurrently (table: (table "
	 "name=q)))))"},
	{"ALTER TABLE t ALTER COLUMN a SET STATISTICS 100, SET (fillfactor "
	 "= 50), OWNER TO bob",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:other-column name=a) (alter-cmd:other) "
	 "(alter-cmd:other)))"},
	{"ALTER TABLE t RENAME COLUMN a TO b",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:rename-column name=a alias=b)))"},
	{"ALTER TABLE IF EXISTS t RENAME TO u",
	 "(alter-table if-exists (table: (table name=t)) (cmds: "
	 "(alter-cmd:rename-table alias=u (table: (table name=u)))))"},
	{"ALTER TABLE t RENAME CONSTRAINT a TO b",
	 "(alter-table (table: (table name=t)) (cmds: "
	 "(alter-cmd:rename-constraint name=a alias=b)))"},
	{"ALTER INDEX i RENAME TO j",
	 "(other value='alter index' (table: (table name=i)))"},
	{"ALTER VIEW v RENAME COLUMN a TO b",
	 "(other value='alter view' (table: (table name=v)))"},
	{"ALTER SEQUENCE s RESTART",
	 "(other value='alter sequence' (table: (table name=s)))"},
};

static const struct dump_case other_ddl_cases[] = {
	{"CREATE INDEX ON t (a)",
	 "(create-index (table: (table name=t)) (args: (column name=a)))"},
	{"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY s.t "
	 "USING gin (a, lower(b) DESC NULLS FIRST, (c + 1)) INCLUDE (d, e) "
	 "WHERE e > 0",
	 "(create-index name=i value=gin if-not-exists only unique "
	 "concurrently (table: (table name=t schema=s only)) (args: "
	 "(column name=a) (sort:desc nulls-first (args: (func name=lower "
	 "builtin (args: (column name=b))))) (op name=+ (args: (column "
	 "name=c) (const:int value=1)))) (where: (op name=> (args: (column "
	 "name=e) (const:int value=0)))) (include: (column name=d) (column "
	 "name=e)))"},
	{"CREATE INDEX i ON t USING btree (a ASC)",
	 "(create-index name=i value=btree (table: (table name=t)) (args: "
	 "(sort:asc (args: (column name=a)))))"},
	{"DROP TABLE IF EXISTS a, s.b CASCADE",
	 "(drop:table if-exists cascade (args: (table name=a) (table "
	 "name=b schema=s)))"},
	{"DROP INDEX CONCURRENTLY i",
	 "(drop:index concurrently (args: (table name=i)))"},
	{"DROP VIEW v", "(drop:view (args: (table name=v)))"},
	{"DROP MATERIALIZED VIEW m", "(drop:matview (args: (table name=m)))"},
	{"DROP SCHEMA s CASCADE",
	 "(drop:schema cascade (args: (table name=s)))"},
	{"DROP DATABASE IF EXISTS d",
	 "(drop:database if-exists (args: (table name=d)))"},
	{"DROP SEQUENCE q", "(drop:sequence (args: (table name=q)))"},
	{"DROP FUNCTION s.f(int)",
	 "(drop:function (args: (table name=f schema=s)))"},
	{"DROP PROCEDURE p", "(drop:procedure (args: (table name=p)))"},
	{"DROP TRIGGER tg ON s.t",
	 "(drop:trigger (table: (table name=t schema=s)) (args: (table "
	 "name=tg)))"},
	{"DROP TYPE ty", "(drop:type (args: (table name=ty)))"},
	{"DROP DOMAIN dm", "(drop:type (args: (table name=dm)))"},
	{"DROP EXTENSION e", "(drop:extension (args: (table name=e)))"},
	{"DROP ROLE IF EXISTS r", "(drop:other value='drop role' if-exists)"},
	{"CREATE SCHEMA IF NOT EXISTS s",
	 "(create:schema name=s if-not-exists)"},
	{"CREATE DATABASE d", "(create:database name=d)"},
	{"CREATE SEQUENCE IF NOT EXISTS s.q",
	 "(create:sequence name=q schema=s if-not-exists)"},
	{"CREATE OR REPLACE FUNCTION s.f(a int) RETURNS int AS 'select 1' "
	 "LANGUAGE sql",
	 "(create:function name=f schema=s or-replace)"},
	{"CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
	 "(create:procedure name=p (sub: (select (targets: (target (args: "
	 "(const:int value=1)))))))"},
	{"CREATE OR REPLACE TRIGGER tg AFTER INSERT ON t FOR EACH ROW WHEN "
	 "(new.a > 0) EXECUTE FUNCTION f()",
	 "(create:trigger name=tg or-replace (table: (table name=t)) "
	 "(where: (op name=> (args: (column name=a qual=new) (const:int "
	 "value=0)))))"},
	{"CREATE EXTENSION IF NOT EXISTS pg_trgm",
	 "(create:extension name=pg_trgm if-not-exists)"},
	{"CREATE AGGREGATE a (int) (sfunc = f, stype = int)",
	 "(create:function name=a)"},
	{"CREATE TYPE ct AS (a int)", "(create:type name=ct)"},
	{"CREATE TYPE e AS ENUM ('a', 'b')", "(create:type name=e)"},
	{"CREATE TYPE r AS RANGE (subtype = int)", "(create:type name=r)"},
	{"CREATE DOMAIN dm AS int", "(create:type name=dm)"},
	{"CREATE ROLE r", "(create:other name=r value='create role')"},
	{"CREATE OR REPLACE VIEW v AS SELECT 1",
	 "(create-view:view or-replace (table: (table name=v)) (sub: "
	 "(select (targets: (target (args: (const:int value=1)))))))"},
	{"CREATE TEMP VIEW v AS SELECT 1",
	 "(create-view:view temporary (table: (table name=v temporary)) "
	 "(sub: (select (targets: (target (args: (const:int value=1)))))))"},
	{"CREATE MATERIALIZED VIEW IF NOT EXISTS m AS SELECT 1",
	 "(create-view:matview if-not-exists (table: (table name=m)) (sub: "
	 "(select (targets: (target (args: (const:int value=1)))))))"},
	{"TRUNCATE ONLY t, u RESTART IDENTITY CASCADE",
	 "(truncate cascade (args: (table name=t only) (table name=u)))"},
	{"TRUNCATE t", "(truncate (args: (table name=t)))"},
	{"REINDEX INDEX CONCURRENTLY s.i",
	 "(reindex:index concurrently (args: (table name=i schema=s)))"},
	{"REINDEX (CONCURRENTLY) TABLE t",
	 "(reindex:table concurrently (args: (table name=t)))"},
	{"REINDEX (CONCURRENTLY false) TABLE t",
	 "(reindex:table (args: (table name=t)))"},
	{"REINDEX SCHEMA s", "(reindex:schema (args: (table name=s)))"},
	{"REINDEX DATABASE d", "(reindex:database (args: (table name=d)))"},
	{"REINDEX SYSTEM d", "(reindex:system (args: (table name=d)))"},
	{"REFRESH MATERIALIZED VIEW CONCURRENTLY s.m",
	 "(refresh concurrently (table: (table name=m schema=s)))"},
	{"REFRESH MATERIALIZED VIEW m", "(refresh (table: (table name=m)))"},
	{"VACUUM FULL t",
	 "(vacuum full (args: (table name=t)) (options: (option "
	 "name=full)))"},
	{"VACUUM (FULL, ANALYZE) t, u (a)",
	 "(vacuum full (args: (table name=t) (table name=u)) (options: "
	 "(option name=full) (option name=analyze)))"},
	{"VACUUM (FULL false) t",
	 "(vacuum (args: (table name=t)) (options: (option name=full "
	 "value=false)))"},
	{"VACUUM", "(vacuum)"},
	{"ANALYZE t", "(vacuum analyze-only (args: (table name=t)))"},
	{"CLUSTER t USING i", "(cluster name=i (table: (table name=t)))"},
	{"CLUSTER", "(cluster)"},
};

static const struct dump_case utility_cases[] = {
	{"BEGIN", "(transaction:begin)"},
	{"BEGIN ISOLATION LEVEL SERIALIZABLE",
	 "(transaction:begin (options: (option name=transaction_isolation "
	 "value=serializable)))"},
	{"START TRANSACTION", "(transaction:begin)"},
	{"COMMIT", "(transaction:commit)"},
	{"END", "(transaction:commit)"},
	{"ROLLBACK", "(transaction:rollback)"},
	{"ABORT", "(transaction:rollback)"},
	{"SAVEPOINT sp", "(transaction:savepoint name=sp)"},
	{"RELEASE SAVEPOINT sp", "(transaction:release name=sp)"},
	{"ROLLBACK TO SAVEPOINT sp", "(transaction:rollback-to name=sp)"},
	{"PREPARE TRANSACTION 'g'", "(transaction:prepare name=g)"},
	{"COMMIT PREPARED 'g'", "(transaction:commit-prepared name=g)"},
	{"ROLLBACK PREPARED 'g'", "(transaction:rollback-prepared name=g)"},
	{"SET lock_timeout = '5s'", "(set name=lock_timeout value=5s)"},
	{"SET LOCAL statement_timeout TO 0",
	 "(set name=statement_timeout value=0 local)"},
	{"SET statement_timeout = 5000",
	 "(set name=statement_timeout value=5000)"},
	{"SET search_path TO a, \"B\"", "(set name=search_path value='a, b')"},
	{"SET TIME ZONE 'UTC'", "(set name=timezone value=utc)"},
	{"SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED",
	 "(set name=transaction_isolation value='read uncommitted' "
	 "(options: (option name=transaction_isolation value='read "
	 "uncommitted')))"},
	{"SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ "
	 "COMMITTED",
	 "(set name=transaction_isolation value='read committed' (options: "
	 "(option name=transaction_isolation value='read committed')))"},
	{"SET lock_timeout TO DEFAULT", "(set name=lock_timeout reset)"},
	{"RESET lock_timeout", "(set name=lock_timeout reset)"},
	{"RESET ALL", "(set name=all reset)"},
	{"DECLARE c CURSOR FOR SELECT * FROM t",
	 "(declare-cursor name=c (sub: (select (targets: (target (args: "
	 "(star)))) (from: (table name=t)))))"},
	{"EXPLAIN (ANALYZE) SELECT 1",
	 "(explain (sub: (select (targets: (target (args: (const:int "
	 "value=1)))))) (options: (option name=analyze)))"},
	{"CALL s.p(1, 'a')",
	 "(call name=p schema=s (args: (const:int value=1) (const:string "
	 "value=a)))"},
	{"DO $$ BEGIN NULL; END $$", "(other value=do)"},
	{"GRANT SELECT ON t TO r",
	 "(other value=grant (table: (table name=t)))"},
	{"COMMENT ON TABLE t IS 'x'", "(other value=comment)"},
	{"LOCK TABLE t IN ACCESS EXCLUSIVE MODE",
	 "(other value=lock (table: (table name=t)))"},
	{"COPY (SELECT a FROM t) TO STDOUT",
	 "(other value=copy (sub: (select (targets: (target (args: (column "
	 "name=a)))) (from: (table name=t)))))"},
	{"PREPARE q AS SELECT $1",
	 "(other value=prepare (sub: (select (targets: (target (args: "
	 "(param:1 value=$1)))))))"},
	{"EXECUTE q(1)", "(other value=execute (args: (const:int value=1)))"},
	{"SHOW work_mem", "(other value=show)"},
	{"SET CONSTRAINTS ALL DEFERRED", "(other value='set constraints')"},
	{"ALTER ROLE r LOGIN", "(other value='alter role')"},
	{"CREATE POLICY p ON t USING (owner = current_user)",
	 "(create:other name=p value='create policy' (table: (table "
	 "name=t)) (args: (op name== (args: (column name=owner) (func "
	 "name=current_user builtin)))))"},
};

static void adv_ast_parse_pg__queries__dump(void **state)
{
	(void)state;
	run_dump_cases(queries_cases, UNIT_ARRAY_SIZE(queries_cases));
}

static void adv_ast_parse_pg__expressions__dump(void **state)
{
	(void)state;
	run_dump_cases(expressions_cases, UNIT_ARRAY_SIZE(expressions_cases));
}

static void adv_ast_parse_pg__dml__dump(void **state)
{
	(void)state;
	run_dump_cases(dml_cases, UNIT_ARRAY_SIZE(dml_cases));
}

static void adv_ast_parse_pg__create_table__dump(void **state)
{
	(void)state;
	run_dump_cases(create_table_cases, UNIT_ARRAY_SIZE(create_table_cases));
}

static void adv_ast_parse_pg__alter_table__dump(void **state)
{
	(void)state;
	run_dump_cases(alter_table_cases, UNIT_ARRAY_SIZE(alter_table_cases));
}

static void adv_ast_parse_pg__other_ddl__dump(void **state)
{
	(void)state;
	run_dump_cases(other_ddl_cases, UNIT_ARRAY_SIZE(other_ddl_cases));
}

static void adv_ast_parse_pg__utility__dump(void **state)
{
	(void)state;
	run_dump_cases(utility_cases, UNIT_ARRAY_SIZE(utility_cases));
}

/* ---- locations ---- */

struct find {
	enum adv_ast_kind kind;
	const char *name; /* NULL: any */
	const struct adv_ast *found;
};

static int find_node(const struct adv_ast *node,
		     const struct adv_ast_path *path, void *data)
{
	struct find *f = data;

	(void)path;
	if (node->kind != f->kind)
		return 0;
	if (f->name != NULL &&
	    (node->name == NULL || strcmp(node->name, f->name) != 0))
		return 0;
	f->found = node;
	return -1;
}

struct loc_case {
	const char *sql;
	enum adv_ast_kind kind;
	const char *name; /* the first node of kind (with this name) */
	const char *at;	  /* the text at its loc; NULL: loc is -1 */
};

static void adv_ast_parse_pg__locations__first_byte_of_node(void **state)
{
	static const struct loc_case cases[] = {
		{"SELECT a FROM t WHERE b = NULL", ADV_AST_COLUMN, "b",
		 "b = NULL"},
		{"SELECT a FROM t WHERE b = NULL", ADV_AST_OP, NULL,
		 "b = NULL"},
		{"SELECT a FROM t WHERE b = NULL", ADV_AST_CONST, NULL, "NULL"},
		{"SELECT a FROM t WHERE b = NULL", ADV_AST_TABLE, NULL,
		 "t WHERE"},
		{"SELECT a FROM t WHERE b = NULL", ADV_AST_TARGET, NULL,
		 "a FROM"},
		{"/* c */ -- d\n  SELECT 1", ADV_AST_SELECT, NULL, "SELECT 1"},
		{"SELECT 'ééé', x FROM t", ADV_AST_COLUMN, "x", "x FROM"},
		{"SELECT 'ééé' || \"ä\" FROM t", ADV_AST_COLUMN, "ä", "\"ä\""},
		{"SELECT -3, N'x' FROM t", ADV_AST_CONST, NULL, "-3"},
		{"SELECT N'x' FROM t", ADV_AST_CONST, NULL, "N'x'"},
		{"SELECT $1 FROM t", ADV_AST_PARAM, NULL, "$1"},
		{"SELECT t.* FROM t", ADV_AST_STAR, NULL, "t.*"},
		{"SELECT count(*) FROM t", ADV_AST_FUNC, "count", "count(*)"},
		{"SELECT x::int FROM t", ADV_AST_CAST, NULL, "x::int"},
		{"SELECT CAST(x AS int) FROM t", ADV_AST_CAST, NULL, "CAST("},
		{"SELECT DATE '2024-01-01'", ADV_AST_CAST, NULL, "DATE"},
		{"SELECT * FROM t WHERE x LIKE '%a'", ADV_AST_LIKE, NULL,
		 "x LIKE"},
		{"SELECT * FROM t WHERE x BETWEEN 1 AND 2", ADV_AST_BETWEEN,
		 NULL, "x BETWEEN"},
		{"SELECT * FROM t WHERE x IS NULL", ADV_AST_NULLTEST, NULL,
		 "x IS"},
		{"SELECT * FROM t WHERE a = 1 OR b = 2", ADV_AST_OR, NULL,
		 "a = 1"},
		{"SELECT * FROM t WHERE NOT a", ADV_AST_NOT, NULL, "NOT a"},
		{"SELECT * FROM t WHERE a IN (1, 2)", ADV_AST_IN, NULL, "a IN"},
		{"SELECT * FROM t WHERE a NOT IN (SELECT b FROM u)", ADV_AST_IN,
		 NULL, "a NOT IN"},
		{"SELECT * FROM t WHERE a NOT IN (SELECT b FROM u)",
		 ADV_AST_COLUMN, "b", "b FROM u"},
		{"SELECT * FROM t WHERE EXISTS (SELECT 1)", ADV_AST_SUBLINK,
		 NULL, "EXISTS"},
		{"SELECT * FROM t WHERE a = (SELECT 1)", ADV_AST_SUBLINK, NULL,
		 "(SELECT 1)"},
		{"SELECT * FROM t ORDER BY a DESC", ADV_AST_SORT, NULL,
		 "a DESC"},
		{"SELECT * FROM a JOIN b ON a.id = b.id", ADV_AST_JOIN, NULL,
		 "a JOIN"},
		{"SELECT * FROM (SELECT 1) s", ADV_AST_SUBQUERY, NULL,
		 "(SELECT 1) s"},
		{"SELECT * FROM generate_series(1, 2) g",
		 ADV_AST_FUNCTION_TABLE, NULL, "generate_series"},
		{"WITH x AS (SELECT 2) SELECT * FROM x", ADV_AST_CTE, NULL,
		 "x AS"},
		{"SELECT 1 UNION SELECT 2", ADV_AST_CONST, NULL, "1 UNION"},
		{"INSERT INTO t (a) VALUES (DEFAULT)", ADV_AST_COLUMN, "a",
		 "a)"},
		{"INSERT INTO t (a) VALUES (DEFAULT)", ADV_AST_DEFAULT, NULL,
		 "DEFAULT)"},
		{"UPDATE t SET a = 1", ADV_AST_ASSIGN, "a", "a = 1"},
		{"CREATE TABLE t (a int, CONSTRAINT k UNIQUE (a))",
		 ADV_AST_COLDEF, "a", "a int"},
		{"CREATE TABLE t (a int, CONSTRAINT k UNIQUE (a))",
		 ADV_AST_CONSTRAINT, "k", "CONSTRAINT k"},
		{"ALTER TABLE t ADD c int, DROP COLUMN b, ALTER a SET NOT NULL",
		 ADV_AST_ALTER_CMD, "b", "DROP COLUMN b"},
		{"ALTER TABLE t ADD c int, DROP COLUMN b, ALTER a SET NOT NULL",
		 ADV_AST_ALTER_CMD, "a", "ALTER a SET"},
		{"ALTER TABLE s.\"T\" RENAME a TO b", ADV_AST_ALTER_CMD, "a",
		 "RENAME a"},
		/* the parser does not place index key columns */
		{"CREATE INDEX i ON t (a)", ADV_AST_COLUMN, "a", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		const struct loc_case *tc = &cases[i];
		struct adv_ast_parse p;
		struct find f = {tc->kind, tc->name, NULL};
		int loc;

		adv_ast_parse_init(&p);
		assert_int_equal(adv_ast_parse_pg(tc->sql, strlen(tc->sql), &p),
				 ADV_OK);
		assert_non_null(p.stmts);
		adv_ast_walk(p.stmts, 0, find_node, &f);
		/* -2: no such node */
		loc = f.found != NULL ? f.found->loc : -2;
		adv_ast_parse_release(&p);
		if (loc == -2)
			fail_msg("'%s': no %s", tc->sql,
				 adv_ast_kind_name(tc->kind));
		if (tc->at == NULL) {
			assert_int_equal(loc, -1);
			continue;
		}
		if (loc < 0 || (size_t)loc >= strlen(tc->sql) ||
		    strncmp(tc->sql + loc, tc->at, strlen(tc->at)) != 0)
			fail_msg("'%s': %s at %d, want it at '%s'", tc->sql,
				 adv_ast_kind_name(tc->kind), loc, tc->at);
	}
}

/* ---- errors ---- */

struct error_case {
	const char *sql;
	const char *message;
	const char *at; /* the text at error_loc; NULL: -1 */
};

static void adv_ast_parse_pg__syntax_error__message_and_offset(void **state)
{
	static const struct error_case cases[] = {
		{"SELECT * FORM t", "syntax error at or near \"FORM\"",
		 "FORM t"},
		/* error_loc is a byte offset, the parser counts characters */
		{"SELECT 'ééé' + FROM", "syntax error at or near \"FROM\"",
		 "FROM"},
		{"SELECT (1", "syntax error at end of input", ""},
		{"SELECT 'abc",
		 "unterminated quoted string at or near \"'abc\"", "'abc"},
		{"SELECT 1; SELEC 2", "syntax error at or near \"SELEC\"",
		 "SELEC 2"},
		{"SELECT a FROM t FETCH FIRST 1 ROW WITH TIES",
		 "WITH TIES cannot be specified without ORDER BY clause", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(cases); i++) {
		const struct error_case *tc = &cases[i];
		size_t len = strlen(tc->sql);
		struct adv_ast_parse p;

		adv_ast_parse_init(&p);
		assert_int_equal(adv_ast_parse_pg(tc->sql, len, &p),
				 ADV_EINPUT);
		assert_null(p.stmts);
		assert_non_null(p.error);
		assert_string_equal(p.error, tc->message);
		if (tc->at == NULL) {
			assert_int_equal(p.error_loc, -1);
		} else if (tc->at[0] == '\0') {
			assert_int_equal(p.error_loc, (int)len);
		} else {
			assert_true(p.error_loc >= 0 &&
				    (size_t)p.error_loc + strlen(tc->at) <=
					    len);
			assert_memory_equal(tc->sql + p.error_loc, tc->at,
					    strlen(tc->at));
		}
		adv_ast_parse_release(&p);
	}
}

/* ---- nesting ---- */

/* "SELECT 1 op 1 op ... 1" with n operators, or n nested items. */
static char *repeat(const char *head, const char *unit, size_t n,
		    const char *tail_unit)
{
	struct adv_buf b;
	size_t i;

	adv_buf_init(&b);
	adv_buf_addstr(&b, head);
	for (i = 0; i < n; i++)
		adv_buf_addstr(&b, unit);
	adv_buf_addch(&b, '1');
	for (i = 0; tail_unit != NULL && i < n; i++)
		adv_buf_addstr(&b, tail_unit);
	return adv_buf_detach(&b);
}

struct depth {
	int max;
};

static int max_depth(const struct adv_ast *node,
		     const struct adv_ast_path *path, void *data)
{
	struct depth *d = data;

	(void)node;
	if (path->depth > d->max)
		d->max = path->depth;
	return 0;
}

static enum adv_status parse_status(const char *sql, struct adv_ast_parse *p)
{
	adv_ast_parse_init(p);
	return adv_ast_parse_pg(sql, strlen(sql), p);
}

static void adv_ast_parse_pg__deep_nesting__refused(void **state)
{
	static const struct {
		const char *head, *unit, *tail;
		size_t n;
	} deep[] = {
		/* deeper than ADV_AST_PATH_MAX once converted */
		{"SELECT ", "1 + ", NULL, 254},
		{"SELECT ", "1 + ", NULL, 300},
		{"SELECT ", "(SELECT ", ")", 150},
		{"SELECT ", "f(", ")", 300},
		{"SELECT * FROM t WHERE ", "NOT ", NULL, 300},
		/* left-deep chains that would overflow libpg_query's stack */
		{"SELECT ", "1 + ", NULL, 100000},
		{"SELECT ", "1 || ", NULL, 100000},
		{"SELECT ", "1 UNION SELECT ", NULL, 60000},
		{"SELECT * FROM t ", "JOIN t ON true ", NULL, 60000},
		/* past the nesting cJSON accepts */
		{"SELECT ", "1 + ", NULL, 1500},
	};
	size_t i;

	(void)state;
	for (i = 0; i < UNIT_ARRAY_SIZE(deep); i++) {
		char *sql = repeat(deep[i].head, deep[i].unit, deep[i].n,
				   deep[i].tail);
		struct adv_ast_parse p;

		if (parse_status(sql, &p) != ADV_EINPUT)
			fail_msg("%zu x '%s' parsed", deep[i].n, deep[i].unit);
		assert_null(p.stmts);
		assert_string_equal(p.error, "statement nested too deeply");
		assert_true(p.error_loc < (int)strlen(sql));
		adv_ast_parse_release(&p);
		free(sql);
	}
}

static void adv_ast_parse_pg__nesting_within_limit__walked_whole(void **state)
{
	char *sql = repeat("SELECT ", "1 + ", 253, NULL);
	struct adv_ast_parse p;
	struct depth d = {0};

	(void)state;
	assert_int_equal(parse_status(sql, &p), ADV_OK);
	adv_ast_walk(p.stmts, 0, max_depth, &d);
	/* select, target, 253 operators, the last 1: the deepest tree the
	 * walk still sees whole (one more operator is refused) */
	assert_int_equal(d.max, 255);
	assert_int_equal(d.max, ADV_AST_PATH_MAX - 1);
	adv_ast_parse_release(&p);
	free(sql);

	/* a very long but flat statement is fine */
	sql = repeat("SELECT * FROM t WHERE a IN (", "1, ", 20000, NULL);
	sql = realloc(sql, strlen(sql) + 2);
	assert_non_null(sql);
	memcpy(sql + strlen(sql), ")", 2);
	assert_int_equal(parse_status(sql, &p), ADV_OK);
	/* the subject and 20,001 items */
	assert_int_equal(adv_ast_list_len(p.stmts->where->args), 20002);
	adv_ast_parse_release(&p);
	free(sql);
}

/* ---- statement lists ---- */

static void adv_ast_parse_pg__several_statements__in_order(void **state)
{
	static const char sql[] = "SELECT 1; -- c\n"
				  "UPDATE t SET a = 1;\n\n"
				  "/* x */ COMMIT";
	struct adv_ast_parse p;
	const struct adv_ast *s;

	(void)state;
	assert_int_equal(parse_status(sql, &p), ADV_OK);
	s = p.stmts;
	assert_non_null(s);
	assert_int_equal(s->kind, ADV_AST_SELECT);
	assert_int_equal(s->loc, 0);
	s = s->next;
	assert_non_null(s);
	assert_int_equal(s->kind, ADV_AST_UPDATE);
	assert_memory_equal(sql + s->loc, "UPDATE", 6);
	s = s->next;
	assert_non_null(s);
	assert_int_equal(s->kind, ADV_AST_TRANSACTION);
	assert_memory_equal(sql + s->loc, "COMMIT", 6);
	assert_null(s->next);
	adv_ast_parse_release(&p);

	/* nothing but comments: no statement, no error */
	assert_int_equal(parse_status("-- nothing\n", &p), ADV_OK);
	assert_null(p.stmts);
	assert_null(p.error);
	adv_ast_parse_release(&p);
	assert_int_equal(parse_status("", &p), ADV_OK);
	assert_null(p.stmts);
	adv_ast_parse_release(&p);
}

/* ---- robustness ---- */

static void adv_ast_parse_pg__any_prefix__parses_or_fails_cleanly(void **state)
{
	static const char sql[] =
		"WITH x (a) AS (SELECT 1) INSERT INTO s.t AS y (a, b) "
		"SELECT a, 'é''s' FROM x WHERE a NOT IN (SELECT b FROM u "
		"WHERE u.c ~* '^x') ON CONFLICT (a) DO UPDATE SET b = 2; "
		"CREATE INDEX CONCURRENTLY i ON t USING gin (lower(a)) "
		"WHERE b IS NOT NULL; ALTER TABLE t ADD c int DEFAULT 0";
	size_t len;
	unsigned seed = 12345;
	int round;

	(void)state;
	for (len = 0; len <= sizeof(sql) - 1; len++) {
		char *text = malloc(len + 1);
		struct adv_ast_parse p;
		enum adv_status st;

		assert_non_null(text);
		memcpy(text, sql, len);
		text[len] = '\0';
		adv_ast_parse_init(&p);
		st = adv_ast_parse_pg(text, len, &p);
		assert_true(st == ADV_OK || st == ADV_EINPUT);
		if (st == ADV_EINPUT)
			assert_non_null(p.error);
		adv_ast_parse_release(&p);
		free(text);
	}
	/* random bytes, mostly SQL punctuation */
	for (round = 0; round < 300; round++) {
		static const char alphabet[] = "()[]'\"$;,.+-*/:=<>!~ \n"
					       "selctfromwhrinsupdaj0123";
		char text[64];
		size_t i;
		struct adv_ast_parse p;
		enum adv_status st;

		for (i = 0; i < sizeof(text) - 1; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] =
				alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		text[sizeof(text) - 1] = '\0';
		adv_ast_parse_init(&p);
		st = adv_ast_parse_pg(text, strlen(text), &p);
		assert_true(st == ADV_OK || st == ADV_EINPUT);
		adv_ast_parse_release(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adv_ast_parse_pg__queries__dump),
		cmocka_unit_test(adv_ast_parse_pg__expressions__dump),
		cmocka_unit_test(adv_ast_parse_pg__dml__dump),
		cmocka_unit_test(adv_ast_parse_pg__create_table__dump),
		cmocka_unit_test(adv_ast_parse_pg__alter_table__dump),
		cmocka_unit_test(adv_ast_parse_pg__other_ddl__dump),
		cmocka_unit_test(adv_ast_parse_pg__utility__dump),
		cmocka_unit_test(
			adv_ast_parse_pg__locations__first_byte_of_node),
		cmocka_unit_test(
			adv_ast_parse_pg__syntax_error__message_and_offset),
		cmocka_unit_test(adv_ast_parse_pg__deep_nesting__refused),
		cmocka_unit_test(
			adv_ast_parse_pg__nesting_within_limit__walked_whole),
		cmocka_unit_test(
			adv_ast_parse_pg__several_statements__in_order),
		cmocka_unit_test(
			adv_ast_parse_pg__any_prefix__parses_or_fails_cleanly),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
