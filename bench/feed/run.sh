#!/usr/bin/env bash
# Feed benchmark: on the visibility benchmark's generated platform (100,000 accounts around one big
# lycée of 1,200 pupils, 2,200 parents and 120 staff), publishes events to the whole lycée with its
# parents and to one class through the real FeedPublisher, fills the notification table to
# 10 million rows, then reads feeds and unread counts of random people through the real
# FeedReader, and prints the database's plans. On SQLite (3 million rows by default: about 30 items a person, more than a page and a half) and on
# PostgreSQL. Writes bench/feed/RESULTS.md with the machine and the date.
#
#   bench/feed/run.sh                                   # 100,000 accounts, 10,000,000 rows on PostgreSQL
#   bench/feed/run.sh --rows 20000000 --reads 2000      # options go to both runs (--rows too)
#
# PostgreSQL: uses $PREAU_TEST_POSTGRES (a connection string to a server where it may create a
# database) when set; otherwise starts a throwaway server with scripts/postgres.sh if PostgreSQL
# is installed, and stops it at the end; otherwise reports SQLite only.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${1:-}" == "--help" ]]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
ARGS=("$@")
SQLITE_ROWS=(--rows 3000000)
for a in "${ARGS[@]}"; do [[ "$a" == "--rows" ]] && SQLITE_ROWS=(); done
WORK=$(mktemp -d)
source bench/lib.sh

echo "feed bench: building" >&2
dotnet build bench/feed/FeedBench -c Release -tl:off -v q -o "$WORK/bin" >&2
BENCH=("dotnet" "$WORK/bin/FeedBench.dll")
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

echo "feed bench: SQLite" >&2
SQLITE=$("${BENCH[@]}" --provider Sqlite --data "$WORK/sqlite" "${SQLITE_ROWS[@]}" "${ARGS[@]}")

bench_postgres feed
POSTGRES="$NO_POSTGRES"
if [[ -n "$PG_CS" ]]; then
  echo "feed bench: PostgreSQL" >&2
  POSTGRES=$("${BENCH[@]}" --provider Postgres --connection "$PG_CS" "${ARGS[@]}")
fi

bench_machine
{
  echo "# Feed benchmark — latest figures"
  echo
  echo "Run of \`bench/feed/run.sh ${ARGS[*]}\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit $COMMIT: $CPU, $CORES cores, $MEM,"
  echo "load average $LOAD_START at the start and $LOAD at the end (the machine is shared: timings vary with it), .NET $(dotnet --version)."
  echo
  cat <<'TEXT'
The platform is the visibility benchmark's (see bench/visibility/RESULTS.md): 100,000 accounts
around Lycée Simone Veil (1,200 pupils, 2,200 parents, 120 staff).

The measures, through the platform's real services in a real container, each sample in a scope of
its own as a request has, timed around the one call:

- *publish to a whole school*: `FeedPublisher.PublishAsync` of one event to the lycée's four
  school-wide profile groups (pupils, parents, teachers, staff) by a staff member: the event and its
  audience stored once, the items of every member written by one INSERT … SELECT on the server,
  repeats merged, preferences applied. Each sample checks the number of items written against the
  audience counted beforehand. *publish to one class*: the same to a class's pupils and parents,
  for the ratio: the time grows far slower than the audience and the SQL commands do not grow.
- *feed, first page*, *next page* (by cursor), *one application*, *unread count*: `FeedReader`
  for random people once the notification table holds the rows asked for (each account an equal
  share of a pool of events, five unread), written by set statements, then ANALYZE.
- The plans are the database's own (EXPLAIN), for the unread count and the first page.

Targets (issue 5): publishing to a 3,000-person audience under 100 ms on PostgreSQL, bounded
whatever the audience (no round trip per recipient); the feed page with 10 million rows at p99
under 30 ms; the unread count O(1) or an index-only query. Times are wall-clock on a shared
2-core machine: p50 is the cost, p99 and max mostly say how busy the machine was.
TEXT
  echo
  echo "## SQLite"
  echo
  echo "$SQLITE"
  echo
  echo "## PostgreSQL"
  echo
  echo "(A throwaway server from scripts/postgres.sh on the same machine, without fsync, like the test suite's.)"
  echo
  echo "$POSTGRES"
} > bench/feed/RESULTS.md
cat bench/feed/RESULTS.md
