#!/usr/bin/env bash
# Throwaway S3-compatible server for tests (s3rver, see scripts/s3/server.js).
#
#   scripts/s3.sh start DIR   install s3rver into scripts/s3/node_modules (`npm ci`) when it
#                             is missing, start it on a free port of 127.0.0.1 with its
#                             objects under DIR/data, wait until it answers, and print ONE
#                             line on stdout: its endpoint, http://127.0.0.1:PORT
#   scripts/s3.sh stop DIR    stop it; does nothing if it is not running.
#
# Credentials: access key S3RVER, secret key S3RVER (s3rver's own); any region (us-east-1);
# path-style addressing. The bucket "preau" exists from the start; tests create their own.
# Log: DIR/s3.log.
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)/s3"

NAME=s3.sh
# shellcheck source=scripts/lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

start() {
    command -v node >/dev/null 2>&1 || die "node is not installed (on Debian: apt-get install nodejs npm)"
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd -P)"
    [[ ! -e "$dir/pid" ]] || die "$dir/pid exists; stop it first (or use a fresh DIR)"

    # The lockfile pins s3rver and everything under it: installed again when it changed.
    if ! cmp -s "$HERE/package-lock.json" "$HERE/node_modules/.preau-installed-lock" 2>/dev/null; then
        command -v npm >/dev/null 2>&1 || die "npm is not installed (on Debian: apt-get install npm)"
        log "installing s3rver (npm ci in $HERE)"
        (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in $HERE"
        cp "$HERE/package-lock.json" "$HERE/node_modules/.preau-installed-lock"
    fi

    rm -f "$dir/port"
    nohup node "$HERE/server.js" "$dir" >"$dir/s3.log" 2>&1 </dev/null &
    echo $! >"$dir/pid"

    local i port
    for i in $(seq 1 120); do
        if [[ -s "$dir/port" ]]; then
            port="$(cat "$dir/port")"
            if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
                log "ready on 127.0.0.1:$port"
                echo "http://127.0.0.1:$port"
                return 0
            fi
        fi
        if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
            tail -n 30 "$dir/s3.log" >&2 || true
            rm -f "$dir/pid"
            die "s3rver exited (see $dir/s3.log)"
        fi
        sleep 0.5
    done
    tail -n 30 "$dir/s3.log" >&2 || true
    die "s3rver is not listening after 60 s (see $dir/s3.log)"
}

stop() {
    [[ -f "$dir/pid" ]] || return 0
    local pid i
    pid="$(cat "$dir/pid")"
    if kill -0 "$pid" 2>/dev/null; then
        log "stopping s3rver ($pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for i in $(seq 1 40); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.25
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pid" "$dir/port"
}

main "$@"
