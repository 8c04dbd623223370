#!/usr/bin/env bash
#
# examples/demo.sh - the script behind `make demo`.
#
# Starts a throwaway PostgreSQL server, loads the shop example (schema with
# planted index flaws, a failed concurrent index build, an application
# workload) and runs
#
#     ip-collect -d shop | ip-indexes --min-observed=0 --format=text
#
# against it; then runs two pages of the application that query badly
# (examples/shop/orders-page.pgbench, wishlist.sql) and checks the SQL the
# server has seen with
#
#     ip-collect -d shop | ip-patterns --format=text
#
# and lints the shop's next migration, which is never applied:
#
#     ip-patterns --fail-on=high --format=text examples/shop/migration.sql
#
# The server and its directory are removed on exit, whatever happens
# (IP_KEEP_TMP=1 keeps the directory for a look afterwards).
#
# Usage: examples/demo.sh [--load-only]
#   --load-only   load the shop and print index usage with psql instead of
#                 running the tools (works before anything is built)
# Environment:
#   BINDIR        where ip-collect, ip-indexes and ip-patterns are
#                 (default: bin)
#   IP_PG_BIN, IP_PG_USER, IP_KEEP_TMP   see tests/lib/pg.sh

set -euo pipefail

prog=${0##*/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shop=$here/shop

load_only=0
case ${1:-} in
'') ;;
--load-only) load_only=1 ;;
-h | --help)
	sed -n '3,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
	exit 0
	;;
*)
	printf '%s: error: unknown option %s\n' "$prog" "'$1'" >&2
	printf "%s: hint: try '%s --help'\n" "$prog" "$prog" >&2
	exit 2
	;;
esac

step() {
	printf '==> %s\n' "$*" >&2
}

BINDIR=${BINDIR:-bin}
if ((load_only == 0)); then
	for tool in ip-collect ip-indexes ip-patterns; do
		if [[ ! -x $BINDIR/$tool ]]; then
			printf "%s: error: cannot find '%s'; build first (make) or set BINDIR\n" \
				"$prog" "$BINDIR/$tool" >&2
			exit 2
		fi
	done
	# The server runs elsewhere; resolve before anything changes directory.
	BINDIR=$(cd "$BINDIR" && pwd)
fi

# shellcheck source-path=SCRIPTDIR source=../tests/lib/pg.sh disable=SC1091
. "$here/../tests/lib/pg.sh"

trap ip_pg_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ip-demo.XXXXXX")
step "starting a throwaway PostgreSQL server in $tmp"
ip_pg_start "$tmp"
step "server ready: host=$PGHOST port=$PGPORT user=$PGUSER"

step "creating database shop"
ip_psql -c 'CREATE DATABASE shop'

step "loading examples/shop/schema.sql (tables, indexes, ~60,000 rows)"
ip_psql -d shop -f "$shop/schema.sql"

# CREATE UNIQUE INDEX CONCURRENTLY is meant to fail here; run it without
# ON_ERROR_STOP and show its error as part of the story.
step "running examples/shop/invalid_index.sql (a migration that fails; the ERROR is expected)"
"$PSQL" -X -q -d shop -f "$shop/invalid_index.sql" 2>&1 | sed 's/^/    /' >&2 || true
invalid=$(ip_psql -d shop -A -t -c \
	"SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indexrelid = to_regclass('shipments_tracking_number_key')")
if [[ $invalid != 1 ]]; then
	printf '%s: warning: the failed build did not leave an invalid index behind\n' "$prog" >&2
fi

step "running examples/shop/workload.sql (the application's queries)"
ip_psql -d shop -o /dev/null -f "$shop/workload.sql"

if ((load_only == 1)); then
	step "index usage after the workload (--load-only: tools not run)"
	ip_psql -d shop -P pager=off -c "
		SELECT s.relname AS table, s.indexrelname AS index, s.idx_scan,
		       i.indisvalid AS valid, pg_size_pretty(pg_relation_size(s.indexrelid)) AS size
		FROM pg_stat_user_indexes AS s
		JOIN pg_index AS i USING (indexrelid)
		ORDER BY s.relname, s.indexrelname"
	exit 0
fi

step "ip-collect -d shop | ip-indexes --min-observed=0 --format=text"
"$BINDIR/ip-collect" -d shop | "$BINDIR/ip-indexes" --min-observed=0 --format=text

# Two more pages of the application, after the index findings so that they
# do not change them: an order list that looks each customer up on its own
# (N+1), through pgbench so that the statements carry bind parameters as
# from a driver, and a wishlist that pastes ids into IN lists.
step "running examples/shop/orders-page.pgbench and wishlist.sql (the application's worst pages)"
ip_psql -d shop -o /dev/null -f "$shop/wishlist.sql"
"$IP_PG_BIN/pgbench" -n -M extended -t 20 -f "$shop/orders-page.pgbench" shop >/dev/null

# The same facts, for the SQL: every statement pg_stat_statements kept is
# checked by the SQL rules, and the statistics as a whole by the workload
# rules (N+1 lookups, unparameterized queries).
step "ip-collect -d shop | ip-patterns --format=text"
"$BINDIR/ip-collect" -d shop | "$BINDIR/ip-patterns" --format=text

# A migration in review. With --fail-on=high, exit status 1 is the point:
# it is what stops a CI job. Run from the top of the tree, so that the
# findings name the file as a reviewer would.
step "ip-patterns --fail-on=high --format=text examples/shop/migration.sql"
status=0
(cd "$here/.." && "$BINDIR/ip-patterns" --fail-on=high --format=text examples/shop/migration.sql) ||
	status=$?
case $status in
1) step "exit status 1: --fail-on=high would stop this migration in CI" ;;
0)
	printf '%s: warning: ip-patterns found nothing high in examples/shop/migration.sql\n' "$prog" >&2
	;;
*) exit "$status" ;;
esac

step "done; stopping the server"
