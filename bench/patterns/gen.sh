#!/bin/sh
#
# bench/patterns/gen.sh - writes a PostgreSQL statement log for the
# ip-patterns benchmark: the traffic of a web shop (customers, orders,
# products, payments, ...) as an application and its migrations send it.
#
# The mix, by statement: about 44 % SELECT (point lookups, 2- to 5-table
# joins, IN lists of 3 to 60 values, LIKE/ILIKE searches, GROUP BY
# reports, EXISTS and CTEs, LEFT JOIN aggregates, pagination), 21 % INSERT
# ... VALUES (1 to 20 rows, some ON CONFLICT), 15 % UPDATE, 10 % DELETE,
# 4 % DDL (CREATE TABLE, CREATE/DROP INDEX, ALTER TABLE, ANALYZE), 6 %
# transaction control (BEGIN/COMMIT/ROLLBACK). About 1 in 20 statements
# carries a comment line, 1 in 30 a leading /* */ tag; a few percent are
# anti-patterns (SELECT *, ORDER BY random(), large OFFSET, UPDATE without
# WHERE, an IN list of 1,200 values) so that the linter has work to do.
#
# Every statement ends with ';' at the end of its last line and no other
# line ends with ';', so the file is also pt-fingerprint input (statements
# separated by ";\n") and the first K statements are the lines up to the
# K-th line that ends with ';'. The output depends only on -n and -s: the
# random numbers come from a Park-Miller generator written in awk (not
# awk's rand(), which differs between awk implementations), and the
# first K statements of a run with -n N >= K are those of a run with -n K.
#
# Usage: bench/patterns/gen.sh [-n STATEMENTS] [-s SEED] > FILE
#   -n   statements to write (default 100000)
#   -s   seed, 1 .. 2147483646 (default 20261121)

prog=gen.sh
n=100000
seed=20261121

usage() {
	printf 'usage: bench/patterns/gen.sh [-n STATEMENTS] [-s SEED]\n' >&2
	exit 2
}

while getopts n:s:h opt; do
	case $opt in
	n) n=$OPTARG ;;
	s) seed=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage
case $n in
'' | *[!0-9]* | 0*)
	printf '%s: error: invalid statement count '\''%s'\''\n' "$prog" "$n" >&2
	exit 2
	;;
esac
case $seed in
'' | *[!0-9]* | 0*)
	printf '%s: error: invalid seed '\''%s'\''\n' "$prog" "$seed" >&2
	exit 2
	;;
esac
if [ "${#seed}" -gt 10 ] || [ "$seed" -gt 2147483646 ]; then
	printf '%s: error: seed '\''%s'\'' out of range (1 .. 2147483646)\n' "$prog" "$seed" >&2
	exit 2
fi

exec awk -v n="$n" -v seed="$seed" '
# Park-Miller minimal standard generator: exact in doubles (the product
# stays below 2^46).
function next_rand() {
	state = (state * 16807) % 2147483647
	return state
}
# an integer in [0, k)
function rnd(k) {
	return int(next_rand() / 2147483647 * k)
}
# an integer in [lo, hi]
function between(lo, hi) {
	return lo + rnd(hi - lo + 1)
}
function pick(list,   a, k) {
	k = split(list, a, "|")
	return a[1 + rnd(k)]
}
function chance(percent) {
	return rnd(1000) < percent * 10
}
function date() {
	return sprintf("%04d-%02d-%02d", between(2023, 2026), between(1, 12), between(1, 28))
}
function ts() {
	return sprintf("%s %02d:%02d:%02d", date(), between(0, 23), between(0, 59), between(0, 59))
}
function money() {
	return sprintf("%d.%02d", between(1, 2500), rnd(100))
}
function word() {
	return pick("alpha|berry|cobalt|delta|ember|fjord|garnet|harbor|indigo|juniper|kestrel|lumen|maple|nimbus|onyx|pepper|quartz|raven|sierra|tundra")
}
function surname() {
	return pick("smith|garcia|mueller|rossi|tanaka|dubois|kowalski|silva|nguyen|o''brien|van der berg|johansson")
}
function email() {
	return sprintf("%s.%s%d@%s", word(), word(), rnd(1000), pick("example.com|mail.test|shop.invalid|corp.example"))
}
function status() {
	return pick("open|pending|paid|shipped|delivered|cancelled|refunded")
}
function int_list(k, hi,   s, i) {
	s = between(1, hi)
	for (i = 2; i <= k; i++)
		s = s ", " between(1, hi)
	return s
}
function str_list(k,   s, i) {
	s = "'\''" status() "'\''"
	for (i = 2; i <= k; i++)
		s = s ", '\''" status() "'\''"
	return s
}
function q(s) {
	return "'\''" s "'\''"
}

# ---- SELECT
function select_stmt(   r, k, t, d1, d2) {
	r = rnd(100)
	if (r < 18)
		return "SELECT id, email, name, country, status FROM customers WHERE id = " between(1, 2000000)
	if (r < 30)
		return "SELECT id, status, total, created_at\nFROM orders\nWHERE customer_id = " between(1, 2000000) \
			" AND status = " q(status()) "\nORDER BY created_at DESC\nLIMIT " pick("10|20|50")
	if (r < 42)
		return "SELECT o.id, o.total, o.created_at, c.email, c.name\nFROM orders o\n" \
			"JOIN customers c ON c.id = o.customer_id\nWHERE o.created_at >= " q(date()) \
			"\n  AND o.status IN (" str_list(between(2, 4)) ")\nORDER BY o.created_at\nLIMIT 100"
	if (r < 50) {
		d1 = date()
		d2 = date()
		if (d1 > d2) {
			t = d1
			d1 = d2
			d2 = t
		}
		return "SELECT p.category_id, count(*) AS items, sum(oi.qty * oi.price) AS revenue\n" \
			"FROM order_items oi\nJOIN products p ON p.id = oi.product_id\n" \
			"JOIN orders o ON o.id = oi.order_id\n" \
			(chance(40) ? "JOIN payments pay ON pay.order_id = o.id AND pay.method = " q(pick("card|paypal|invoice|sepa")) "\n" : "") \
			"WHERE o.created_at BETWEEN " q(d1) " AND " q(d2) \
			"\nGROUP BY p.category_id\nHAVING count(*) > " between(5, 100) "\nORDER BY revenue DESC"
	}
	if (r < 62) {
		k = chance(0.5) ? 1200 : between(3, 60)
		return "SELECT id, sku, name, price, stock FROM products WHERE id IN (" int_list(k, 500000) ")"
	}
	if (r < 70) {
		t = rnd(4)
		if (t == 0)
			return "SELECT id, email, name FROM customers WHERE email LIKE " q(word() "%") " ORDER BY email LIMIT 50"
		if (t == 1)
			return "SELECT id, email, name FROM customers WHERE name ILIKE " q("%" surname() "%") " ORDER BY name LIMIT 50"
		if (t == 2)
			return "SELECT id, sku, name FROM products WHERE sku LIKE " q(toupper(substr(word(), 1, 3)) "-%") " AND stock > 0 ORDER BY sku LIMIT 25"
		return "SELECT id, rating, body FROM reviews WHERE product_id = " between(1, 500000) " AND body LIKE " q("%" word() "%") " ORDER BY created_at DESC LIMIT 20"
	}
	if (r < 76)
		return "SELECT c.id, c.name\nFROM customers c\nWHERE c.country = " q(pick("DE|FR|US|JP|BR|PL|SE|IT")) \
			"\n  AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = " q(status()) ")\nORDER BY c.id\nLIMIT 200"
	if (r < 82)
		return "SELECT p.id, p.name, avg(r.rating) AS rating, count(r.id) AS reviews\nFROM products p\n" \
			"LEFT JOIN reviews r ON r.product_id = p.id\nWHERE p.category_id = " between(1, 400) \
			"\nGROUP BY p.id, p.name\nORDER BY rating DESC NULLS LAST\nLIMIT 30"
	if (r < 87)
		return "WITH recent AS (\n  SELECT customer_id, max(created_at) AS last_order\n  FROM orders\n  WHERE created_at > " q(date()) \
			"\n  GROUP BY customer_id\n)\nSELECT c.id, c.email, r.last_order\nFROM recent r\nJOIN customers c ON c.id = r.customer_id\nWHERE r.last_order < " q(date())
	if (r < 91)
		return "SELECT s.id, s.carrier, s.tracking_no, o.status\nFROM shipments s\nJOIN orders o ON o.id = s.order_id\n" \
			"JOIN customers c ON c.id = o.customer_id\nJOIN payments p ON p.order_id = o.id\nWHERE c.id = " between(1, 2000000) " AND s.shipped_at IS NOT NULL"
	if (r < 94)
		return "SELECT count(*) FROM orders WHERE status = " q(status()) " AND created_at >= " q(date())
	if (r < 96)
		return "SELECT * FROM events WHERE customer_id = " between(1, 2000000) " ORDER BY created_at DESC LIMIT 100"
	if (r < 98)
		return "SELECT id, sku, name FROM products ORDER BY id LIMIT 50 OFFSET " 50 * between(1, 400)
	if (r < 99)
		return "SELECT id, name FROM products WHERE category_id = " between(1, 400) " ORDER BY random() LIMIT 1"
	return "SELECT DISTINCT o.customer_id\nFROM orders o\nJOIN order_items oi ON oi.order_id = o.id\nWHERE oi.product_id = " between(1, 500000)
}

# ---- INSERT
function insert_stmt(   r, k, i, sql) {
	r = rnd(100)
	if (r < 35) {
		k = chance(70) ? 1 : between(2, 20)
		sql = "INSERT INTO orders (customer_id, status, total, created_at) VALUES"
		for (i = 1; i <= k; i++)
			sql = sql (i > 1 ? ",\n  " : " ") "(" between(1, 2000000) ", " q(status()) ", " money() ", " q(ts()) ")"
		return sql
	}
	if (r < 60) {
		k = between(1, 8)
		sql = "INSERT INTO order_items (order_id, product_id, qty, price) VALUES"
		for (i = 1; i <= k; i++)
			sql = sql (i > 1 ? ",\n  " : " ") "(" between(1, 9000000) ", " between(1, 500000) ", " between(1, 5) ", " money() ")"
		return sql
	}
	if (r < 80)
		return "INSERT INTO events (customer_id, kind, payload, created_at)\nVALUES (" between(1, 2000000) ", " \
			q(pick("login|logout|view|search|cart_add|cart_remove|checkout")) ", " \
			q("{\"page\": \"/" word() "\", \"ms\": " between(3, 900) "}") ", now())"
	if (r < 88)
		return "INSERT INTO customers (email, name, country, created_at) VALUES (" q(email()) ", " \
			q(word() " " surname()) ", " q(pick("DE|FR|US|JP|BR|PL|SE|IT")) ", now())\nRETURNING id"
	if (r < 96)
		return "INSERT INTO products (id, sku, name, price, stock) VALUES (" between(1, 500000) ", " \
			q(toupper(substr(word(), 1, 3)) "-" between(1000, 9999)) ", " q(word() " " word()) ", " money() ", " between(0, 500) \
			")\nON CONFLICT (id) DO UPDATE SET stock = EXCLUDED.stock, price = EXCLUDED.price"
	if (r < 99)
		return "INSERT INTO payments (order_id, amount, method, paid_at) VALUES (" between(1, 9000000) ", " money() ", " \
			q(pick("card|paypal|invoice|sepa")) ", " q(ts()) ")"
	return "INSERT INTO sessions VALUES (" between(1, 90000000) ", " between(1, 2000000) ", " \
		q(sprintf("%08x%08x", next_rand(), next_rand())) ", now() + interval " q("30 days") ")"
}

# ---- UPDATE
function update_stmt(   r) {
	r = rnd(100)
	if (r < 35)
		return "UPDATE orders SET status = " q(status()) ", shipped_at = now() WHERE id = " between(1, 9000000)
	if (r < 60)
		return "UPDATE products\nSET stock = stock - " between(1, 5) "\nWHERE id = " between(1, 500000) " AND stock >= 5"
	if (r < 75)
		return "UPDATE customers SET email = " q(email()) ", status = " q(pick("active|dormant|blocked")) " WHERE id = " between(1, 2000000)
	if (r < 88)
		return "UPDATE sessions SET expires_at = now() + interval " q("30 minutes") " WHERE token = " \
			q(sprintf("%08x%08x", next_rand(), next_rand()))
	if (r < 97)
		return "UPDATE orders o\nSET status = " q("cancelled") "\nFROM payments p\nWHERE p.order_id = o.id AND p.amount = 0 AND o.created_at < " q(date())
	return "UPDATE products SET price = price * 1.02"
}

# ---- DELETE
function delete_stmt(   r) {
	r = rnd(100)
	if (r < 35)
		return "DELETE FROM sessions WHERE expires_at < " q(ts())
	if (r < 65)
		return "DELETE FROM order_items WHERE order_id = " between(1, 9000000) " AND product_id = " between(1, 500000)
	if (r < 85)
		return "DELETE FROM events WHERE created_at < now() - interval " q(between(30, 400) " days")
	if (r < 99)
		return "DELETE FROM reviews\nWHERE customer_id IN (" int_list(between(2, 12), 2000000) ")"
	return "DELETE FROM shipments"
}

# ---- DDL
function ddl_stmt(   r, k) {
	r = rnd(100)
	k = between(1, 99999)
	if (r < 25)
		return "CREATE TABLE IF NOT EXISTS audit_" k " (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n" \
			"  actor_id bigint NOT NULL,\n  action text NOT NULL,\n  detail jsonb,\n  created_at timestamptz NOT NULL DEFAULT now()\n)"
	if (r < 45)
		return "CREATE INDEX CONCURRENTLY IF NOT EXISTS " pick("orders|customers|events|reviews") "_" word() "_" k \
			"_idx\n  ON " pick("orders (customer_id, created_at)|customers (lower(email))|events (customer_id, created_at DESC)|reviews (product_id) WHERE rating < 3")
	if (r < 60)
		return "ALTER TABLE " pick("customers|orders|products") " ADD COLUMN IF NOT EXISTS " word() "_" k " " pick("text|integer|boolean DEFAULT false|timestamptz|numeric(12,2)")
	if (r < 70)
		return "DROP INDEX CONCURRENTLY IF EXISTS " pick("orders|customers|events") "_" word() "_" k "_idx"
	if (r < 80)
		return "CREATE INDEX " pick("orders|customers") "_" word() "_" k "_idx ON " pick("orders (status)|customers (country, status)")
	if (r < 90)
		return "ANALYZE " pick("customers|orders|order_items|products|events")
	if (r < 95)
		return "ALTER TABLE orders ADD CONSTRAINT orders_" word() "_" k "_check CHECK (total >= 0) NOT VALID"
	return "COMMENT ON TABLE " pick("customers|orders|products") " IS " q("owned by the " word() " team")
}

function comment() {
	return pick("-- checkout: load the cart|-- nightly report|-- admin: customer lookup|-- api v2 /orders|-- migration " \
		between(100, 999) "|-- retry after serialization failure")
}

BEGIN {
	state = seed
	# discard the first numbers: close seeds start close together
	for (i = 0; i < 8; i++)
		next_rand()
	in_txn = 0
	for (s = 0; s < n; s++) {
		r = rnd(1000)
		if (in_txn && (txn_left-- <= 0 || r < 40)) {
			print (chance(8) ? "ROLLBACK;" : "COMMIT;")
			in_txn = 0
			continue
		}
		if (!in_txn && r < 35) {
			print "BEGIN;"
			in_txn = 1
			txn_left = between(1, 6)
			continue
		}
		r = rnd(1000)
		if (r < 470)
			sql = select_stmt()
		else if (r < 690)
			sql = insert_stmt()
		else if (r < 850)
			sql = update_stmt()
		else if (r < 960)
			sql = delete_stmt()
		else
			sql = ddl_stmt()
		if (chance(5))
			print comment()
		if (chance(3.3))
			sql = "/* app:" pick("web|worker|cron|admin") " */ " sql
		print sql ";"
	}
}
'
