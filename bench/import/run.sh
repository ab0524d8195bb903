#!/usr/bin/env bash
# Import benchmark: a generated 2,000-pupil + 3,500-parent pupils file (deterministic seed) imported
# into a fresh école through the provisioning use cases, on SQLite and on PostgreSQL, then again
# (nothing to change). Writes bench/import/RESULTS.md with the machine and the date.
#
#   bench/import/run.sh                       # SQLite, and PostgreSQL when possible
#   bench/import/run.sh --pupils 4000 --parents 7000
#
# PostgreSQL: uses $PREAU_TEST_POSTGRES (a connection string to a server where it may create a
# database) when set; otherwise starts a throwaway server with scripts/postgres.sh if PostgreSQL
# is installed, and stops it at the end; otherwise reports SQLite only.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
ARGS=("$@")
WORK=$(mktemp -d)
source bench/lib.sh

echo "import bench: building" >&2
dotnet build bench/import/ImportBench -c Release -tl:off -v q -o "$WORK/bin" >&2
BENCH=("dotnet" "$WORK/bin/ImportBench.dll")

echo "import bench: SQLite" >&2
SQLITE=$("${BENCH[@]}" --provider Sqlite --data "$WORK/sqlite" "${ARGS[@]}")

bench_postgres import
POSTGRES="$NO_POSTGRES"
if [[ -n "$PG_CS" ]]; then
  echo "import bench: PostgreSQL" >&2
  POSTGRES=$("${BENCH[@]}" --provider Postgres --connection "$PG_CS" "${ARGS[@]}")
fi

bench_machine
{
  echo "# Import benchmark — latest figures"
  echo
  echo "Run of \`bench/import/run.sh ${ARGS[*]}\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $CPU, $CORES cores, $MEM,"
  echo "load average $LOAD at the end (the machine is shared: wall times vary with it), .NET $(dotnet --version)."
  echo
  echo "The file: a pupils export of one école primaire (French headers, semicolons, UTF-8 with BOM), each"
  echo "pupil with a first responsable and most with a second: 2,000 pupils and 3,500 parents by default,"
  echo "80 classes, generated with seed 2026. Each step runs the module's use case as the pages and the"
  echo "background worker do: upload (decode, split, store), preview (plan against the directory, nothing"
  echo "written), apply (the same plan, carried out in one transaction saved in chunks). Then the same file"
  echo "again: the preview says nothing to change and the apply writes nothing but its audit entry."
  echo
  echo "Memory: allocations per step (GC.GetTotalAllocatedBytes), and the peak working set of the whole"
  echo "benchmark process (all steps, both rounds), as the operating system counted it."
  echo
  echo "## SQLite"
  echo
  echo "$SQLITE"
  echo
  echo "## PostgreSQL"
  echo
  echo "(A throwaway server from scripts/postgres.sh runs without fsync, like the test suite's.)"
  echo
  echo "$POSTGRES"
} > bench/import/RESULTS.md
cat bench/import/RESULTS.md
