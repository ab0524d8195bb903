#!/usr/bin/env bash
# Document space benchmark, through the HTTP API of the application running on Kestrel (loopback)
# in a process of its own: upload and download of a 200 MB file (and a 50 MB one: the server's
# memory must not follow the size) beside cp of the same file on the same disk, on the file-system
# store and on an S3-compatible one (s3rver from scripts/s3.sh); a folder of 5,000 documents listed
# page by page (first, middle, last; by name, date and size) and the name search over 5,000 and
# 50,000 documents, with the database's plans, on SQLite then on PostgreSQL.
# Writes bench/documents/RESULTS.md.
#
#   bench/documents/run.sh                                  # defaults
#   bench/documents/run.sh --sizes 50,200,500 --samples 500 # options go to both runs
#
# PostgreSQL: uses $PREAU_TEST_POSTGRES (a connection string to a server where it may create a
# database) when set; otherwise starts a throwaway server with scripts/postgres.sh (PostgreSQL 15
# installed) and stops it at the end; otherwise reports SQLite only. S3: needs node and npm
# (scripts/s3.sh installs s3rver); otherwise the file system only. Run it at `nice -n 10`.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${1:-}" == "--help" ]]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
ARGS=("$@")
WORK=$(mktemp -d /tmp/preau-documents-bench.XXXXXX)
S3_DIR=""
bench_extra_cleanup() {
  if [[ -n "$S3_DIR" ]]; then scripts/s3.sh stop "$S3_DIR" >/dev/null 2>&1 || true; rm -rf "$S3_DIR"; fi
}
source bench/lib.sh

echo "documents bench: building" >&2
dotnet build bench/documents/DocumentsBench -c Release -tl:off -v q -o "$WORK/bin" >&2
BENCH=("dotnet" "$WORK/bin/Preau.Bench.Documents.dll")
UPTIME_START=$(uptime)

S3_ARGS=()
S3_NOTE="(no S3 run: node or npm missing, or s3rver did not start)"
if command -v node >/dev/null 2>&1; then
  S3_DIR=$(mktemp -d /tmp/preau-documents-s3.XXXXXX)
  if S3_URL=$(scripts/s3.sh start "$S3_DIR" 2>"$WORK/s3.err"); then
    S3_ARGS=(--s3 "$S3_URL"); S3_NOTE="s3rver on $S3_URL (objects on the same disk)"
  else
    cat "$WORK/s3.err" >&2
  fi
fi

echo "documents bench: SQLite (transfers, listing)" >&2
SQLITE=$("${BENCH[@]}" --provider Sqlite --data "$WORK/sqlite" "${S3_ARGS[@]}" "${ARGS[@]}")

bench_postgres documents
POSTGRES="$NO_POSTGRES"
if [[ -n "$PG_CS" ]]; then
  echo "documents bench: PostgreSQL (listing)" >&2
  POSTGRES=$("${BENCH[@]}" --provider Postgres --connection "$PG_CS" --data "$WORK/postgres" --no-transfer "${ARGS[@]}")
fi

bench_machine
{
  echo "# Document space benchmark — latest figures"
  echo
  echo "Run of \`bench/documents/run.sh ${ARGS[*]}\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit $COMMIT: $CPU, $CORES cores, $MEM, .NET $(dotnet --version)."
  echo "S3: $S3_NOTE."
  echo
  echo "\`uptime\` at the start: \`$UPTIME_START\`"
  echo
  echo "\`uptime\` at the end: \`$(uptime)\`"
  echo
  cat bench/documents/ABOUT.md
  echo
  echo "## SQLite: transfers and listing"
  echo
  echo "$SQLITE"
  echo
  echo "## PostgreSQL: listing"
  echo
  echo "(A throwaway server from scripts/postgres.sh on the same machine, without fsync, like the test suite's.)"
  echo
  echo "$POSTGRES"
} > bench/documents/RESULTS.md
cat bench/documents/RESULTS.md
