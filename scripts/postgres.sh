#!/usr/bin/env bash
# Throwaway PostgreSQL 15 server for tests.
#
#   scripts/postgres.sh start DIR   initdb into DIR/pgdata, start on a free port of
#                                   127.0.0.1 (unix sockets in DIR), wait until ready,
#                                   print ONE line on stdout: the Npgsql connection string.
#   scripts/postgres.sh stop DIR    stop it (fast); does nothing if it is not running.
#
# Durability is switched off (fsync, synchronous_commit, full_page_writes): the data is
# thrown away after the run. Superuser: postgres / password postgres (scram-sha-256 over
# TCP, trust over the unix socket in DIR).
#
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin), PG_RUN_AS (user that owns and
# runs the server when invoked as root; default postgres).
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_RUN_AS="${PG_RUN_AS:-postgres}"
PG_SUPERUSER=postgres
PG_PASSWORD=postgres

NAME=postgres.sh
# shellcheck source=scripts/lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

# Run a command as the server's owner: PG_RUN_AS when we are root (initdb and postgres
# refuse to run as root), ourselves otherwise. Runs from DIR so the owner can always
# access the working directory.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$dir" && runuser -u "$PG_RUN_AS" -- "$@")
    else
        (cd "$dir" && "$@")
    fi
}

start() {
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" && -x "$PG_BIN/pg_isready" ]] \
        || die "PostgreSQL 15 binaries not found in $PG_BIN (on Debian 12: apt-get install postgresql-15, or set PG_BIN)"

    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd -P)"
    local pgdata="$dir/pgdata"
    [[ ! -e "$pgdata" ]] || die "$pgdata already exists; stop and remove it first (or use a fresh DIR)"

    # Unix socket paths are limited to 107 bytes (".s.PGSQL.NNNNN" is appended).
    (( ${#dir} <= 80 )) || die "DIR path too long for a unix socket (${#dir} > 80 characters): $dir"

    if [[ $(id -u) -eq 0 ]]; then
        id -u "$PG_RUN_AS" >/dev/null 2>&1 \
            || die "running as root but user '$PG_RUN_AS' does not exist (install postgresql-15, or set PG_RUN_AS to an unprivileged user)"
        command -v runuser >/dev/null 2>&1 || die "runuser not found (package util-linux)"
        chown "$PG_RUN_AS": "$dir"
        chmod 700 "$dir"
        runuser -u "$PG_RUN_AS" -- test -w "$dir" \
            || die "user '$PG_RUN_AS' cannot write to $dir (a parent directory is not searchable by it?); use a DIR under /tmp"
    fi

    local pwfile="$dir/.pwfile"
    (umask 077 && printf '%s\n' "$PG_PASSWORD" >"$pwfile")
    [[ $(id -u) -ne 0 ]] || chown "$PG_RUN_AS": "$pwfile"

    log "initdb into $pgdata"
    if ! as_owner "$PG_BIN/initdb" -D "$pgdata" -U "$PG_SUPERUSER" --pwfile="$pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        rm -f "$pwfile"
        die "initdb failed (log above, also in $dir/initdb.log)"
    fi
    rm -f "$pwfile"

    # Only loopback TCP; everything else keeps initdb's pg_hba.conf
    # (trust on the unix socket, scram-sha-256 on 127.0.0.1 and ::1).
    cat >>"$pgdata/postgresql.conf" <<EOF

# --- throwaway test server (scripts/postgres.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF

    local port attempt
    for attempt in 1 2 3 4 5; do
        port="$(pick_port)" || die "could not find a free TCP port on 127.0.0.1"
        log "starting on 127.0.0.1:$port (attempt $attempt)"
        rm -f "$dir/postgres.log"
        if as_owner "$PG_BIN/pg_ctl" -D "$pgdata" -l "$dir/postgres.log" -w -t 60 \
                -o "-p $port" start >/dev/null 2>>"$dir/pg_ctl.log"; then
            break
        fi
        if grep -qiE 'could not bind|address already in use' "$dir/postgres.log" 2>/dev/null; then
            log "port $port was taken, retrying"
            as_owner "$PG_BIN/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
            port=""
            continue
        fi
        tail -n 30 "$dir/postgres.log" >&2 2>/dev/null || true
        tail -n 10 "$dir/pg_ctl.log" >&2 2>/dev/null || true
        die "PostgreSQL failed to start (see $dir/postgres.log)"
    done
    [[ -n "$port" ]] || die "PostgreSQL could not bind a free port after 5 attempts"
    echo "$port" >"$dir/port"

    local i
    for i in $(seq 1 120); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres; then
            log "ready on 127.0.0.1:$port"
            echo "Host=127.0.0.1;Port=$port;Username=$PG_SUPERUSER;Password=$PG_PASSWORD;Database=postgres"
            return 0
        fi
        sleep 0.5
    done
    tail -n 30 "$dir/postgres.log" >&2 2>/dev/null || true
    die "PostgreSQL on 127.0.0.1:$port is not ready after 60 s (see $dir/postgres.log)"
}

stop() {
    [[ -d "$dir" ]] || return 0
    dir="$(cd "$dir" && pwd -P)"
    local pgdata="$dir/pgdata"
    [[ -f "$pgdata/postmaster.pid" ]] || return 0
    [[ -x "$PG_BIN/pg_ctl" ]] || die "pg_ctl not found in $PG_BIN"
    if as_owner "$PG_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
        log "stopping $pgdata"
        as_owner "$PG_BIN/pg_ctl" -D "$pgdata" -m fast -w -t 60 stop >/dev/null \
            || as_owner "$PG_BIN/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null \
            || die "could not stop the server in $pgdata"
    fi
}

main "$@"
