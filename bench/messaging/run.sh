#!/usr/bin/env bash
# Messaging benchmark: on the visibility benchmark's generated platform (100,000 accounts around
# one big lycée, here with classes of 28 pupils and about 50 parents), a teacher writes to their
# class through the real SaveDraft and SendMessage use cases, a staff member holding 20,000
# messages opens their inbox through ReadMailbox (first page + unread counts), eight teachers send
# to their classes at once for 20 s (sends per second), and the database's own plans of the inbox
# are printed. On PostgreSQL (the acceptance) and on SQLite. Writes bench/messaging/RESULTS.md.
#
#   bench/messaging/run.sh                                    # defaults
#   bench/messaging/run.sh --mailbox 50000 --seconds 60       # options go to both runs
#   bench/messaging/run.sh --postgres-only
#
# PostgreSQL: uses $PREAU_TEST_POSTGRES (a connection string to a server where it may create a
# database) when set; otherwise starts a throwaway server with scripts/postgres.sh (PostgreSQL 15
# installed) and stops it at the end; otherwise reports SQLite only.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${1:-}" == "--help" ]]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
SQLITE_RUN=1
ARGS=()
for a in "$@"; do
  if [[ "$a" == "--postgres-only" ]]; then SQLITE_RUN=0; else ARGS+=("$a"); fi
done
WORK=$(mktemp -d)
source bench/lib.sh

echo "messaging bench: building" >&2
dotnet build bench/messaging/MessagingBench -c Release -tl:off -v q -o "$WORK/bin" >&2
BENCH=("dotnet" "$WORK/bin/Preau.Bench.Messaging.dll")
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

bench_postgres messaging
POSTGRES="$NO_POSTGRES"
if [[ -n "$PG_CS" ]]; then
  echo "messaging bench: PostgreSQL" >&2
  POSTGRES=$("${BENCH[@]}" --provider Postgres --connection "$PG_CS" "${ARGS[@]}")
fi

SQLITE="(not run: --postgres-only)"
if [[ "$SQLITE_RUN" == 1 ]]; then
  echo "messaging bench: SQLite" >&2
  SQLITE=$("${BENCH[@]}" --provider Sqlite --data "$WORK/sqlite" "${ARGS[@]}")
fi

bench_machine
{
  echo "# Messaging benchmark — latest figures"
  echo
  echo "Run of \`bench/messaging/run.sh ${ARGS[*]}\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit $COMMIT: $CPU, $CORES cores, $MEM,"
  echo "load average $LOAD_START at the start and $LOAD at the end (the machine is shared: timings vary with it), .NET $(dotnet --version)."
  echo
  cat bench/messaging/ABOUT.md
  echo
  echo "## PostgreSQL"
  echo
  echo "(A throwaway server from scripts/postgres.sh on the same machine, without fsync, like the test suite's.)"
  echo
  echo "$POSTGRES"
  echo
  echo "## SQLite"
  echo
  echo "$SQLITE"
} > bench/messaging/RESULTS.md
cat bench/messaging/RESULTS.md
