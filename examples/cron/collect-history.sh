#!/usr/bin/env bash
#
# examples/cron/collect-history.sh - append one snapshot per database to a
# dated NDJSON history file; meant to be run from cron.
#
# Usage: collect-history.sh [-o HISTDIR] [-k DAYS] [-t SECONDS] DSNFILE
#
#   DSNFILE     one database per line, in any form `ip-collect -d` accepts
#               (name, conninfo string or URI); blank lines and lines
#               starting with # are skipped. Keep passwords out of it: use
#               ~/.pgpass, ~/.my.cnf or freetds.conf of the cron user.
#   -o HISTDIR  where history goes (default /var/lib/indexpilot/history)
#   -k DAYS     delete compressed history older than DAYS days (default 90;
#               0 keeps everything)
#   -t SECONDS  give up on one database after SECONDS (default 300)
#
# Each run appends to HISTDIR/YYYY-MM-DD.ndjson (UTC date), so a day's file
# is that day's snapshots in time order, ready for `ip-indexes` or `jq`.
# Files of earlier days are gzipped (zcat still reads them as one stream).
# A lock (flock on HISTDIR/.lock) makes a run that starts while the previous
# one is still going skip quietly instead of piling up.
#
# A snapshot is appended only when ip-collect finished (exit 0) or finished
# in part (exit 6: what failed is recorded as warning records), so a killed
# or failed collection never leaves half a snapshot in the history.
#
# Environment: IP_COLLECT (default: ip-collect from PATH).
# Exit status: 0 all collected (or skipped: previous run still active),
# 2 usage, 6 some databases failed (each named on stderr), 7 cannot write
# HISTDIR.
#
# Example crontab entry (every 5 minutes; cron mails what goes to stderr):
#   */5 * * * *  IP_COLLECT=/usr/local/bin/ip-collect /usr/local/share/indexpilot/examples/cron/collect-history.sh -o /var/lib/indexpilot/history /etc/indexpilot/databases

set -uo pipefail

prog=${0##*/}
histdir=/var/lib/indexpilot/history
keep_days=90
timeout_s=300
collect=${IP_COLLECT:-ip-collect}

err() {
	printf '%s: error: %s\n' "$prog" "$*" >&2
}

usage_error() {
	err "$*"
	printf "%s: hint: try '%s -h'\n" "$prog" "$prog" >&2
	exit 2
}

is_count() {
	[[ $1 =~ ^[0-9]+$ ]]
}

while getopts ':o:k:t:h' opt; do
	case $opt in
	o) histdir=$OPTARG ;;
	k) keep_days=$OPTARG ;;
	t) timeout_s=$OPTARG ;;
	h)
		sed -n '3,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
		exit 0
		;;
	:) usage_error "option '-$OPTARG' needs a value" ;;
	*) usage_error "unknown option '-$OPTARG'" ;;
	esac
done
shift $((OPTIND - 1))

(($# == 1)) || usage_error "expected one DSN file"
dsnfile=$1
[[ -r $dsnfile ]] || usage_error "cannot read '$dsnfile'"
is_count "$keep_days" || usage_error "invalid -k value '$keep_days'"
if ! is_count "$timeout_s" || ((timeout_s == 0)); then
	usage_error "invalid -t value '$timeout_s'"
fi
if ! command -v "$collect" >/dev/null 2>&1; then
	err "cannot find '$collect'; set IP_COLLECT or PATH"
	exit 2
fi

if ! mkdir -p "$histdir" || [[ ! -w $histdir ]]; then
	err "cannot write to '$histdir'"
	exit 7
fi

exec 9>>"$histdir/.lock" || {
	err "cannot open '$histdir/.lock'"
	exit 7
}
if ! flock -n 9; then
	printf '%s: previous run still active; skipping this one\n' "$prog" >&2
	exit 0
fi

tmp=$(mktemp -d "$histdir/.run.XXXXXX") || {
	err "cannot create a temporary directory in '$histdir'"
	exit 7
}
trap 'rm -rf -- "$tmp"' EXIT

today=$(date -u +%Y-%m-%d)
out=$histdir/$today.ndjson

run_collect() {
	if command -v timeout >/dev/null 2>&1; then
		timeout --kill-after=10 "$timeout_s" "$collect" -d "$1"
	else
		"$collect" -d "$1"
	fi
}

lineno=0
failed=0
total=0
while IFS= read -r line <&3 || [[ -n $line ]]; do
	lineno=$((lineno + 1))
	# Trim surrounding blanks; skip blanks and comments.
	line=${line#"${line%%[![:space:]]*}"}
	line=${line%"${line##*[![:space:]]}"}
	[[ -z $line || $line == \#* ]] && continue
	total=$((total + 1))

	# Name databases by file and line: a DSN may hold a password.
	where="'$dsnfile' line $lineno"
	run_collect "$line" </dev/null >"$tmp/snap" 2>"$tmp/err"
	rc=$?
	case $rc in
	0 | 6)
		if ! cat "$tmp/snap" >>"$out"; then
			err "cannot append to '$out'"
			exit 7
		fi
		if ((rc == 6)); then
			printf '%s: warning: partial snapshot for %s (see its warning records)\n' \
				"$prog" "$where" >&2
		fi
		;;
	124 | 137)
		failed=$((failed + 1))
		err "ip-collect timed out after ${timeout_s}s for $where"
		;;
	*)
		failed=$((failed + 1))
		err "ip-collect failed for $where (exit $rc)"
		sed 's/^/    /' "$tmp/err" >&2
		;;
	esac
done 3<"$dsnfile"

# Compress earlier days. If a day's .gz already exists (the clock went back,
# or a run straddled midnight), append another gzip member to it: zcat reads
# concatenated members as one stream.
for f in "$histdir"/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].ndjson; do
	[[ -e $f && $f != "$out" ]] || continue
	if gzip -9 -c -- "$f" >>"$f.gz"; then
		rm -f -- "$f"
	else
		err "cannot compress '$f'"
	fi
done

# Retention goes by the date in the name, not the file's mtime (which is
# when it was compressed).
if ((keep_days > 0)); then
	cutoff=$(date -u -d "-$keep_days days" +%Y-%m-%d)
	for f in "$histdir"/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].ndjson.gz; do
		[[ -e $f ]] || continue
		day=${f##*/}
		day=${day%.ndjson.gz}
		if [[ $day < $cutoff ]]; then
			rm -f -- "$f"
		fi
	done
fi

if ((failed > 0)); then
	err "$failed of $total databases failed"
	exit 6
fi
exit 0
