#!/usr/bin/env bash
# Préau's test command.
#
#   ./test.sh                              all tests (unit, integration, browser)
#   ./test.sh --filter "FullyQualifiedName~Sharing"   extra arguments go to each `dotnet test`
#
# What it does:
#   - makes sure Chromium (browser tests), PostgreSQL 15 (integration tests),
#     poppler-utils (the connection sheets' PDFs read by the integration tests) and Node.js
#     with npm (the S3 server of the blob store tests) are installed: installs them with
#     apt-get when run as root, otherwise says what to install;
#   - starts a throwaway PostgreSQL server (scripts/postgres.sh) and a throwaway S3-compatible
#     server (scripts/s3.sh: s3rver, installed by `npm ci` into scripts/s3 when missing) and
#     always stops and deletes them on exit, even on failure or Ctrl-C;
#   - builds Preau.slnx (Release) once, then runs each test project in turn with
#     `dotnet test --no-build`, TRX results in artifacts/test-results/;
#   - lists the failed tests with the start of their message, then prints as its last line `Tests: N passed, M failed`, summed over all TRX files, and
#     exits non-zero if dotnet test failed, if any test failed, or if no test ran.
#
# Environment given to the tests:
#   PREAU_TEST_POSTGRES  Npgsql connection string of the throwaway server (superuser
#                        postgres; tests create and drop their own databases)
#   PREAU_TEST_S3        endpoint of the throwaway S3 server (http://127.0.0.1:PORT; keys
#                        S3RVER/S3RVER, path-style; tests create and delete their own buckets)
#   PREAU_CHROMIUM       path of the Chromium executable (/usr/bin/chromium)
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
cd "$ROOT"

CHROMIUM=/usr/bin/chromium
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
export PG_BIN
RESULTS="$ROOT/artifacts/test-results"
started_at=$(date +%s)

say() { echo "test.sh: $*" >&2; }
die() { echo "test.sh: error: $*" >&2; exit 1; }

# --- prerequisites -----------------------------------------------------------------------

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not installed or not on PATH"
[[ -f Preau.slnx ]] || die "Preau.slnx not found in $ROOT"

missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium fonts-noto-color-emoji)
[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || missing+=(postgresql-15)
# The connection sheets' tests read the PDFs with pdfinfo and pdftotext.
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
# The real-time feed's scale-out test runs two nodes over a throwaway Redis server.
[[ -x /usr/bin/redis-server ]] || missing+=(redis-server)
# The S3 blob store's tests run against s3rver, a Node.js program.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if (( ${#missing[@]} > 0 )); then
    if [[ $(id -u) -eq 0 ]]; then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update
        apt-get install -y "${missing[@]}"
    else
        die "missing packages: ${missing[*]}
  install them first, e.g.: sudo apt-get update && sudo apt-get install -y ${missing[*]}
  (or run ./test.sh as root, which installs them)"
    fi
    [[ -x "$CHROMIUM" ]] || die "$CHROMIUM is still missing after installing chromium"
    [[ -x "$PG_BIN/initdb" ]] || die "$PG_BIN/initdb is still missing after installing postgresql-15"
    command -v pdftotext >/dev/null 2>&1 || die "pdftotext is still missing after installing poppler-utils"
    command -v npm >/dev/null 2>&1 || die "npm is still missing after installing nodejs npm"
fi
export PREAU_CHROMIUM="$CHROMIUM"

# --- throwaway PostgreSQL ----------------------------------------------------------------

# Under /tmp explicitly: the server's user must reach it, and the unix socket path must
# stay short.
PGTMP="$(mktemp -d /tmp/preau-test-pg.XXXXXX)"

S3TMP="$(mktemp -d /tmp/preau-test-s3.XXXXXX)"

# stop_server SCRIPT DIR LOG: stops a throwaway server, keeps its log beside the results,
# deletes its folder.
stop_server() {
    local script="$1" dir="$2" log="$3"
    if [[ -n "$dir" && -d "$dir" ]]; then
        "$ROOT/scripts/$script" stop "$dir" || true
        if [[ -f "$dir/$log" && -d "$RESULTS" ]]; then
            cp "$dir/$log" "$RESULTS/$log" 2>/dev/null || true
        fi
        rm -rf "$dir"
    fi
}
stop_postgres() { stop_server postgres.sh "${PGTMP:-}" postgres.log; PGTMP=""; }
stop_s3() { stop_server s3.sh "${S3TMP:-}" s3.log; S3TMP=""; }
on_exit() {
    local rc=$?
    trap - EXIT INT TERM HUP
    stop_postgres
    stop_s3
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

PREAU_TEST_POSTGRES="$("$ROOT/scripts/postgres.sh" start "$PGTMP")" \
    || die "could not start the throwaway PostgreSQL server"
export PREAU_TEST_POSTGRES
PREAU_TEST_S3="$("$ROOT/scripts/s3.sh" start "$S3TMP")" \
    || die "could not start the throwaway S3 server"
export PREAU_TEST_S3
say "PostgreSQL: ${PREAU_TEST_POSTGRES}"
say "S3:         ${PREAU_TEST_S3}"
say "Chromium:   ${PREAU_CHROMIUM}"

# --- dotnet test -------------------------------------------------------------------------

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ -n "${CI:-}" ]]; then
    # No build servers left behind holding the CI job's output open.
    export MSBUILDDISABLENODEREUSE=1
fi

# xunit.v3 marks test projects as Microsoft.Testing.Platform applications, and on the
# .NET 10 SDK Microsoft.Testing.Platform.MSBuild then refuses the classic VSTest
# `dotnet test`; IsTestingPlatformApplication=false keeps the VSTest path
# (xunit.runner.visualstudio), which gives the TRX and console loggers used here.
# -tl:off: on a terminal, MSBuild's terminal logger would swallow the console logger's
# output, including failed tests' messages.
# Built once, then one test project after another: run side by side, the integration tests'
# two databases and the browser tests' Chromium starve each other on a small machine and the
# browser tests' timeouts stop meaning anything.
set +e
dotnet build Preau.slnx -c Release -p:IsTestingPlatformApplication=false -tl:off -v minimal
test_status=$?
if (( test_status == 0 )); then
    projects=()
    while IFS= read -r project; do projects+=("$project"); done < <(find tests -name '*Tests.csproj' | sort)
    for project in "${projects[@]}"; do
        say "running $(basename "$project" .csproj)"
        dotnet test "$project" -c Release --no-build \
            -p:IsTestingPlatformApplication=false \
            -tl:off \
            --results-directory "$RESULTS" \
            --logger "trx;LogFilePrefix=$(basename "$project" .csproj)" \
            --logger "console;verbosity=normal" \
            "$@"
        status=$?
        (( status == 0 )) || test_status=$status
    done
fi
set -e

# Stop the servers now so that nothing is printed after the summary line.
stop_postgres
stop_s3
if [[ -n "${CI:-}" ]]; then
    dotnet build-server shutdown >/dev/null 2>&1 || true
fi

# --- summary -----------------------------------------------------------------------------

# Sum the <Counters passed=".." failed=".." .../> of every TRX file.
attr() { # attr NAME TAG -> the integer value of NAME="..." in TAG, 0 when absent
    local v
    v=$(sed -n "s/.*[[:space:]]$1=\"\([0-9][0-9]*\)\".*/\1/p" <<<"$2")
    echo "${v:-0}"
}

passed=0 failed=0 others=0 trx_count=0 broken=0
while IFS= read -r -d '' trx; do
    trx_count=$((trx_count + 1))
    counters=$(tr '\r\n' '  ' <"$trx" | grep -o '<Counters[[:space:]][^>]*>' | head -n 1 || true)
    name=$(grep -o -m 1 'codeBase="[^"]*"' "$trx" | head -n 1 | sed 's/^codeBase="//; s/"$//; s#.*[/\\]##; s/\.dll$//' || true)
    name="${name:-$(basename "$trx")}"
    if [[ -z "$counters" ]]; then
        say "no <Counters> in $trx"
        broken=1
        continue
    fi
    p=$(attr passed "$counters")
    f=$(attr failed "$counters")
    o=$(( $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters") ))
    passed=$((passed + p))
    failed=$((failed + f))
    others=$((others + o))
    extra=""
    (( o == 0 )) || extra=" ($o error/timeout/aborted)"
    echo "  ${name}: ${p} passed, ${f} failed${extra}"
done < <(find "$RESULTS" -type f -name '*.trx' -print0 | sort -z)

# The failed tests' names and first lines, here where a CI log's tail shows them.
if (( failed != 0 || others != 0 )); then
    echo "Failed tests:"
    while IFS= read -r -d '' trx; do
        tr '\r\n' '  ' <"$trx" | grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*>.\{0,1500\}' \
            | sed -n 's/.*testName="\([^"]*\)".*<Message>\([^<]\{0,400\}\).*/  - \1: \2/p; t; s/.*testName="\([^"]*\)".*/  - \1/p' || true
    done < <(find "$RESULTS" -type f -name '*.trx' -print0 | sort -z)
fi

ok=1
if (( test_status != 0 )); then say "dotnet test exited with status $test_status"; ok=0; fi
if (( trx_count == 0 )); then say "no TRX result file in $RESULTS"; ok=0; fi
if (( broken != 0 )); then ok=0; fi
if (( others != 0 )); then say "$others test(s) in error, timed out or aborted"; ok=0; fi
if (( failed != 0 )); then ok=0; fi
if (( passed == 0 )); then say "no test passed (a run without tests is a failure)"; ok=0; fi

ended_at=$(date +%s)
echo "Results: $RESULTS (finished $(date -u '+%Y-%m-%dT%H:%M:%SZ'), took $((ended_at - started_at)) s)"
echo "Tests: ${passed} passed, ${failed} failed"
(( ok == 1 )) && exit 0 || exit 1
