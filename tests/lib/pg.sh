# shellcheck shell=bash
#
# tests/lib/pg.sh - start and stop a throwaway PostgreSQL server.
#
# Source this file from bash; it defines functions and changes nothing until
# one of them is called.
#
#   ip_pg_start DIR   create DIR (or use an empty one, e.g. from mktemp -d),
#                     initdb DIR/data, start a server on a free 127.0.0.1 port
#                     and a Unix socket in DIR/sock, and export the
#                     variables below. Returns 0, or 1 after printing the
#                     reason (and the server log tail) to stderr.
#   ip_pg_stop        stop the server (fast, then immediate) and remove DIR
#                     unless IP_KEEP_TMP=1. Safe to call twice, without a
#                     server, and from `trap ip_pg_stop EXIT`; returns 0.
#   ip_psql ARGS...   "$PSQL" -X -v ON_ERROR_STOP=1 -q ARGS... (connects
#                     through the exported PG* variables; -d DB picks a
#                     database).
#   ip_pg_dsn [DB]    print a libpq conninfo string for the server
#                     (socket, port, user ipadmin, DB or "postgres").
#
# Exported after a successful ip_pg_start:
#   PGHOST=DIR/sock  PGPORT  PGUSER=ipadmin  PGDATABASE=postgres
#   IP_PG_DIR  IP_PG_DATA  IP_PG_SOCKDIR  IP_PG_PORT  IP_PG_LOG
#   IP_PG_BIN  PSQL
# and the libpq variables that could redirect or alter a connection
# (PGPASSWORD, PGSERVICE, PGHOSTADDR, PGOPTIONS, PGSSLMODE, ...) are unset.
#
# Inputs (environment, all optional):
#   IP_PG_BIN        directory holding initdb/pg_ctl/psql; default
#                    /usr/lib/postgresql/15/bin, else `pg_config --bindir`,
#                    else the highest /usr/lib/postgresql/*/bin, else PATH.
#   IP_PG_USER       OS user that runs the server when called as root
#                    (initdb refuses root); default postgres.
#   IP_PG_CONF_EXTRA lines appended to the server configuration, e.g.
#                    IP_PG_CONF_EXTRA=$'autovacuum = off\nwork_mem = 8MB'.
#   IP_KEEP_TMP=1    ip_pg_stop leaves DIR (data, server.log) in place.
#
# Server: superuser ipadmin, trust auth for local and loopback connections,
# except role pwuser, which must use a password (scram-sha-256) over TCP so
# tests can provoke authentication failures; the role itself is not created.
# shared_preload_libraries has pg_stat_statements and pg_qualstats when they
# are installed. One server per shell: start another in a subshell, which
# then owns (and must stop) its own; ip_pg_stop in a subshell never touches
# a server started by its parent.

IP_PG_SUPERUSER=ipadmin

# Print a diagnostic in the project's grammar.
_ip_pg_err() {
	printf 'pg.sh: error: %s\n' "$*" >&2
}

# Print the directory that holds initdb, pg_ctl and psql.
_ip_pg_find_bin() {
	local candidate cfg
	local -a found
	if [[ -n ${IP_PG_BIN:-} ]]; then
		printf '%s\n' "$IP_PG_BIN"
		return 0
	fi
	if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
		printf '%s\n' /usr/lib/postgresql/15/bin
		return 0
	fi
	cfg=$(command -v pg_config 2>/dev/null) || cfg=
	if [[ -n $cfg ]]; then
		candidate=$("$cfg" --bindir 2>/dev/null) || candidate=
		if [[ -n $candidate && -x $candidate/initdb ]]; then
			printf '%s\n' "$candidate"
			return 0
		fi
	fi
	found=()
	for candidate in /usr/lib/postgresql/*/bin; do
		[[ -x $candidate/initdb ]] && found+=("$candidate")
	done
	if ((${#found[@]} > 0)); then
		printf '%s\n' "${found[@]}" | sort -V | tail -n 1
		return 0
	fi
	candidate=$(command -v initdb 2>/dev/null) || candidate=
	if [[ -n $candidate ]]; then
		dirname "$candidate"
		return 0
	fi
	return 1
}

# Run a command as the server's OS user, from DIR so that the user never
# needs access to the caller's working directory.
_ip_pg_as_server() {
	if ((EUID == 0)); then
		(cd "$_IP_PG_DIR" && runuser -u "$_IP_PG_OSUSER" -- "$@")
	else
		(cd "$_IP_PG_DIR" && "$@")
	fi
}

# Succeed when something already listens on 127.0.0.1:PORT (or ::1:PORT).
_ip_pg_port_busy() {
	local port=$1 out
	if command -v ss >/dev/null 2>&1; then
		out=$(ss -Hltn "( sport = :$port )" 2>/dev/null) || out=
		[[ -n $out ]] && return 0
	fi
	# Fallback, and a second opinion when ss cannot see other namespaces'
	# sockets: try to connect.
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		return 0
	fi
	return 1
}

# Print a port that nothing listens on, searching upwards from a random base
# below the Linux ephemeral range.
_ip_pg_free_port() {
	local base port i
	base=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
	for ((i = 0; i < 200; i++)); do
		port=$((base + i))
		if ! _ip_pg_port_busy "$port"; then
			printf '%s\n' "$port"
			return 0
		fi
	done
	return 1
}

# Print the last lines of the named files in DIR (by default pg_ctl's
# output and the server log) to stderr.
_ip_pg_show_logs() {
	local f name
	(($# > 0)) || set -- pg_ctl.out server.log
	for name in "$@"; do
		f=$_IP_PG_DIR/$name
		if [[ -s $f ]]; then
			printf 'pg.sh: --- last lines of %s ---\n' "$f" >&2
			tail -n 40 "$f" >&2
		fi
	done
}

# Write the settings this harness owns. Regenerated for every start attempt
# so that a retry can change the port.
_ip_pg_write_conf() {
	local port=$1 preload=$2
	{
		printf '# Written by tests/lib/pg.sh; regenerated at each start.\n'
		printf "listen_addresses = '127.0.0.1'\n"
		printf 'port = %s\n' "$port"
		printf "unix_socket_directories = '%s'\n" "$_IP_PG_SOCK"
		printf "shared_preload_libraries = '%s'\n" "$preload"
		if [[ $preload == *pg_stat_statements* ]]; then
			printf 'pg_stat_statements.track = all\n'
		fi
		if [[ $preload == *pg_qualstats* ]]; then
			# The default samples 1/max_connections of queries; tests
			# and the demo want every predicate.
			printf 'pg_qualstats.sample_rate = 1\n'
		fi
		printf 'fsync = off\n'
		printf 'synchronous_commit = off\n'
		printf 'full_page_writes = off\n'
		printf 'max_connections = 50\n'
		printf 'track_io_timing = on\n'
		printf 'log_min_messages = warning\n'
		printf "log_line_prefix = '%%m [%%p] '\n"
		if [[ -n ${IP_PG_CONF_EXTRA:-} ]]; then
			printf '# IP_PG_CONF_EXTRA\n%s\n' "$IP_PG_CONF_EXTRA"
		fi
	} >"$_IP_PG_DATA/indexpilot.conf"
}

ip_pg_start() {
	local - # restore the caller's shell options (set -e) on return
	set +e
	local dir=${1:-} pgbin preload lib libdir port attempt started sock

	if [[ -z $dir || $# -ne 1 ]]; then
		_ip_pg_err "usage: ip_pg_start DIR"
		return 1
	fi
	if [[ -n ${_IP_PG_DIR:-} ]]; then
		if [[ ${_IP_PG_OWNER:-} == "$BASHPID" ]]; then
			_ip_pg_err "a server is already running in '$_IP_PG_DIR'; call ip_pg_stop first"
			return 1
		fi
		# A subshell inherited its parent's server: leave that one alone.
		unset _IP_PG_DIR _IP_PG_DATA _IP_PG_SOCK _IP_PG_SOCK_EXTRA _IP_PG_OSUSER
	fi

	pgbin=$(_ip_pg_find_bin)
	if [[ -z $pgbin || ! -x $pgbin/initdb || ! -x $pgbin/pg_ctl || ! -x $pgbin/psql ]]; then
		_ip_pg_err "cannot find PostgreSQL server programs (initdb, pg_ctl, psql); set IP_PG_BIN"
		return 1
	fi

	_IP_PG_OSUSER=$(id -un)
	if ((EUID == 0)); then
		_IP_PG_OSUSER=${IP_PG_USER:-postgres}
		if ! id -u "$_IP_PG_OSUSER" >/dev/null 2>&1; then
			_ip_pg_err "cannot run the server as root and user '$_IP_PG_OSUSER' does not exist; set IP_PG_USER"
			return 1
		fi
		if ! command -v runuser >/dev/null 2>&1; then
			_ip_pg_err "cannot find 'runuser' to drop root privileges"
			return 1
		fi
	fi

	if ! mkdir -p "$dir"; then
		_ip_pg_err "cannot create '$dir'"
		return 1
	fi
	dir=$(cd "$dir" && pwd -P) || return 1
	if [[ -e $dir/data ]]; then
		_ip_pg_err "'$dir/data' already exists; give ip_pg_start an empty directory"
		return 1
	fi

	# From here on ip_pg_stop knows what to clean up.
	_IP_PG_OWNER=$BASHPID
	_IP_PG_DIR=$dir
	_IP_PG_DATA=$dir/data
	_IP_PG_SOCK=$dir/sock
	_IP_PG_SOCK_EXTRA=
	: >"$dir/.ip-pg-dir" # marker: ip_pg_stop only removes marked dirs

	# sun_path holds 107 bytes; a deep TMPDIR would not fit the socket.
	if ((${#_IP_PG_SOCK} + 16 > 107)); then
		sock=$(mktemp -d /tmp/ip-pg-sock.XXXXXX) || return 1
		_IP_PG_SOCK=$sock
		_IP_PG_SOCK_EXTRA=$sock
	fi
	mkdir -p "$_IP_PG_SOCK" || return 1

	if ((EUID == 0)); then
		chown -R "$_IP_PG_OSUSER:" "$dir" "$_IP_PG_SOCK" || return 1
		chmod 0755 "$dir" "$_IP_PG_SOCK" || return 1
		if ! runuser -u "$_IP_PG_OSUSER" -- test -w "$dir" -a -x "$_IP_PG_SOCK"; then
			_ip_pg_err "user '$_IP_PG_OSUSER' cannot reach '$dir'; use a directory under /tmp"
			return 1
		fi
	else
		chmod 0755 "$dir" "$_IP_PG_SOCK" || return 1
	fi

	# libpq variables that would point our clients somewhere else or change
	# how they authenticate.
	unset PGPASSWORD PGPASSFILE PGSERVICE PGSERVICEFILE PGHOSTADDR PGOPTIONS \
		PGSSLMODE PGREQUIRESSL PGSSLCERT PGSSLKEY PGSSLROOTCERT PGSSLCRL \
		PGGSSENCMODE PGREQUIREAUTH PGTARGETSESSIONATTRS PGLOADBALANCEHOSTS \
		PGCHANNELBINDING PGKRBSRVNAME PGCONNECT_TIMEOUT PGCLIENTENCODING \
		PGDATESTYLE PGTZ PGGEQO PGAPPNAME PGSYSCONFDIR PGLOCALEDIR PGDATA \
		PGHOST PGPORT PGUSER PGDATABASE

	# Locale C: byte-order collation, so text btrees serve LIKE 'x%' and
	# ORDER BY is the same on every machine.
	if ! _ip_pg_as_server "$pgbin/initdb" -D "$_IP_PG_DATA" -U "$IP_PG_SUPERUSER" \
		--auth=trust --no-sync -E UTF8 --locale=C \
		>"$dir/initdb.out" 2>&1; then
		_ip_pg_err "initdb failed in '$_IP_PG_DATA'"
		_ip_pg_show_logs initdb.out
		return 1
	fi

	cat >"$_IP_PG_DATA/pg_hba.conf" <<'EOF'
# Written by tests/lib/pg.sh. First match wins: pwuser needs a password.
local   all          all                      trust
local   replication  all                      trust
host    all          pwuser   127.0.0.1/32    scram-sha-256
host    all          pwuser   ::1/128         scram-sha-256
host    all          all      127.0.0.1/32    trust
host    all          all      ::1/128         trust
host    replication  all      127.0.0.1/32    trust
host    replication  all      ::1/128         trust
EOF
	printf "\ninclude 'indexpilot.conf'\n" >>"$_IP_PG_DATA/postgresql.conf"

	# Preload only what is installed, and say what is missing.
	preload=
	libdir=$("$pgbin/pg_config" --pkglibdir 2>/dev/null) || libdir=
	[[ -n $libdir ]] || libdir=$(dirname "$pgbin")/lib
	for lib in pg_stat_statements pg_qualstats; do
		if [[ -e $libdir/$lib.so ]]; then
			preload=${preload:+$preload,}$lib
		else
			printf "pg.sh: warning: '%s' is not installed; not preloading it\n" "$lib" >&2
		fi
	done

	# Another process may take the port between the check and the bind; if
	# so, try again with a new one.
	started=0
	for attempt in 1 2 3; do
		port=$(_ip_pg_free_port) || {
			_ip_pg_err "cannot find a free TCP port"
			return 1
		}
		_ip_pg_write_conf "$port" "$preload" || return 1
		if ((EUID == 0)); then
			chown "$_IP_PG_OSUSER:" "$_IP_PG_DATA/pg_hba.conf" "$_IP_PG_DATA/indexpilot.conf"
		fi
		if _ip_pg_as_server "$pgbin/pg_ctl" -D "$_IP_PG_DATA" -l "$dir/server.log" \
			-w -t 60 -s start >"$dir/pg_ctl.out" 2>&1; then
			started=1
			break
		fi
		if ! grep -qE 'could not bind|could not create any TCP/IP sockets|Address already in use' \
			"$dir/server.log" 2>/dev/null || ((attempt == 3)); then
			break
		fi
		printf 'pg.sh: warning: port %s was taken; retrying\n' "$port" >&2
		mv -f "$dir/server.log" "$dir/server.log.$attempt" 2>/dev/null
	done
	if ((started == 0)); then
		_ip_pg_err "cannot start the server in '$_IP_PG_DATA'"
		_ip_pg_show_logs
		# pg_ctl -w gave up; do not leave a postmaster behind.
		_ip_pg_as_server "$pgbin/pg_ctl" -D "$_IP_PG_DATA" -m immediate -s stop >/dev/null 2>&1
		return 1
	fi

	export IP_PG_BIN=$pgbin
	export PSQL=$pgbin/psql
	export IP_PG_DIR=$dir
	export IP_PG_DATA=$_IP_PG_DATA
	export IP_PG_SOCKDIR=$_IP_PG_SOCK
	export IP_PG_PORT=$port
	export IP_PG_LOG=$dir/server.log
	export PGHOST=$_IP_PG_SOCK
	export PGPORT=$port
	export PGUSER=$IP_PG_SUPERUSER
	export PGDATABASE=postgres

	if ! "$pgbin/pg_isready" -q -t 30 >/dev/null 2>&1 ||
		! "$PSQL" -X -q -A -t -c 'SELECT 1' >/dev/null 2>"$dir/psql.out"; then
		_ip_pg_err "the server started but does not accept connections on '$_IP_PG_SOCK' port $port"
		cat "$dir/psql.out" >&2 2>/dev/null
		_ip_pg_show_logs
		_ip_pg_as_server "$pgbin/pg_ctl" -D "$_IP_PG_DATA" -m immediate -s stop >/dev/null 2>&1
		return 1
	fi
	return 0
}

ip_pg_stop() {
	local - # restore the caller's shell options on return
	set +e
	local pgbin pid

	# Nothing started, or started by a parent shell (a subshell's EXIT trap
	# must not stop the server its parent is still using).
	if [[ -z ${_IP_PG_DIR:-} || ${_IP_PG_OWNER:-} != "$BASHPID" ]]; then
		return 0
	fi
	pgbin=${IP_PG_BIN:-}
	[[ -n $pgbin ]] || pgbin=$(_ip_pg_find_bin)

	if [[ -f $_IP_PG_DATA/postmaster.pid ]]; then
		if ! _ip_pg_as_server "$pgbin/pg_ctl" -D "$_IP_PG_DATA" -m fast -w -t 60 -s stop \
			>/dev/null 2>&1; then
			_ip_pg_as_server "$pgbin/pg_ctl" -D "$_IP_PG_DATA" -m immediate -w -t 30 -s stop \
				>/dev/null 2>&1
		fi
		# Last resort, aimed only at the postmaster this library started.
		if [[ -f $_IP_PG_DATA/postmaster.pid ]]; then
			pid=$(head -n 1 "$_IP_PG_DATA/postmaster.pid" 2>/dev/null)
			if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
				printf 'pg.sh: warning: killing postmaster %s\n' "$pid" >&2
				kill -KILL "$pid" 2>/dev/null
			fi
		fi
	fi

	if [[ ${IP_KEEP_TMP:-0} == 1 ]]; then
		printf "pg.sh: keeping '%s' (IP_KEEP_TMP=1)\n" "$_IP_PG_DIR" >&2
	elif [[ -f $_IP_PG_DIR/.ip-pg-dir ]]; then
		rm -rf -- "$_IP_PG_DIR"
	fi
	if [[ -n ${_IP_PG_SOCK_EXTRA:-} && -d $_IP_PG_SOCK_EXTRA ]]; then
		rm -rf -- "$_IP_PG_SOCK_EXTRA"
	fi

	unset _IP_PG_DIR _IP_PG_DATA _IP_PG_SOCK _IP_PG_SOCK_EXTRA _IP_PG_OSUSER _IP_PG_OWNER
	unset IP_PG_DIR IP_PG_DATA IP_PG_SOCKDIR IP_PG_PORT IP_PG_LOG
	unset PGHOST PGPORT PGUSER PGDATABASE
	return 0
}

ip_psql() {
	if [[ -z ${IP_PG_DIR:-} || -z ${PSQL:-} ]]; then
		_ip_pg_err "ip_psql: no server; call ip_pg_start first"
		return 2
	fi
	"$PSQL" -X -v ON_ERROR_STOP=1 -q "$@"
}

ip_pg_dsn() {
	if [[ -z ${IP_PG_DIR:-} ]]; then
		_ip_pg_err "ip_pg_dsn: no server; call ip_pg_start first"
		return 2
	fi
	printf 'host=%s port=%s user=%s dbname=%s\n' \
		"$IP_PG_SOCKDIR" "$IP_PG_PORT" "$IP_PG_SUPERUSER" "${1:-postgres}"
}
