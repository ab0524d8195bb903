#!/usr/bin/env bash
# Visibility benchmark: a generated platform of 100,000 accounts around one big lycée (1,200
# pupils, 2,200 parents, 120 staff), written in bulk, then the visible set (cold and warm) and the
# check of 100 recipients through the real Reach service, and the share-right check through
# Shares, on SQLite and on PostgreSQL. Writes
# bench/visibility/RESULTS.md with the machine and the date.
#
#   bench/visibility/run.sh                          # 100,000 accounts, seed 2026, 1,000 warm / 200 cold samples
#   bench/visibility/run.sh --accounts 200000 --cold 500
#
# PostgreSQL: uses $PREAU_TEST_POSTGRES (a connection string to a server where it may create a
# database) when set; otherwise starts a throwaway server with scripts/postgres.sh if PostgreSQL
# is installed, and stops it at the end; otherwise reports SQLite only.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${1:-}" == "--help" ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
ARGS=("$@")
WORK=$(mktemp -d)
source bench/lib.sh

echo "visibility bench: building" >&2
dotnet build bench/visibility/VisibilityBench -c Release -tl:off -v q -o "$WORK/bin" >&2
BENCH=("dotnet" "$WORK/bin/VisibilityBench.dll")
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

echo "visibility bench: SQLite" >&2
SQLITE=$("${BENCH[@]}" --provider Sqlite --data "$WORK/sqlite" "${ARGS[@]}")

bench_postgres visibility
POSTGRES="$NO_POSTGRES"
if [[ -n "$PG_CS" ]]; then
  echo "visibility bench: PostgreSQL" >&2
  POSTGRES=$("${BENCH[@]}" --provider Postgres --connection "$PG_CS" "${ARGS[@]}")
fi

bench_machine
{
  echo "# Visibility benchmark — latest figures"
  echo
  echo "Run of \`bench/visibility/run.sh ${ARGS[*]}\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit $COMMIT: $CPU, $CORES cores, $MEM,"
  echo "load average $LOAD_START at the start and $LOAD at the end (the machine is shared: timings vary with it), .NET $(dotnet --version)."
  echo
  cat <<'TEXT'
The platform: one big lycée (Lycée Simone Veil: 1,200 pupils in 35 classes of 2nde, 1re and Tle,
2,200 parents, 120 staff of whom 96 teachers, each pupil in three teaching groups) and as many
ordinary maternelles, élémentaires, primaires and collèges as it takes to reach the accounts
(realistic class sizes, one or two parents per pupil, one pupil in ten sharing an older
sibling's parents, in the same school or another; one account in two hundred blocked). Generated
from a seed by the directory's own writer (groups, member flags, links and direct rules by
default) and written in bulk (SQLite: prepared inserts in one transaction; PostgreSQL: binary
COPY), then ANALYZE.

The measures, through the Reach service of a real container (AddPreauPlatform), each sample in a
scope of its own as a request has, timed around the one call, for a pupil, a parent (children in
the lycée and in another school), a teacher (of the most classes) and a staff member of the lycée:

- *visible set, cold*: the node's reach cache forgotten before each sample (ForgetAll): the
  person's memberships, their schools' rule graphs and their family links read from the database.
- *visible set, person forgotten*: only the person forgotten (ForgetUsers), as after a change of
  their groups: the rule graphs stay in memory.
- *visible set, warm* and *can reach one person, warm*: asked before, unchanged since.
- *check 100 recipients* (CheckAsync): 100 people, some reachable and some not (their own school,
  other schools, other families, blocked accounts); the verdict is checked against the generator's
  record of who is where before timing. Warm; with the recipients' memberships forgotten (two
  queries for the 100; for the parent, forgetting their own child also forgets the parent's set,
  by design); and cold (everything forgotten).

Targets (issue 4): warm visible-set check well under 1 ms; cold visible set under 50 ms. Times
are wall-clock on a shared 2-core machine: p50 is the cost, p99 and max mostly say how busy the
machine was (other sessions' builds and tests ran at the same time).
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
  echo
  echo "## Share-right check"
  echo
  echo "The *share-right check* rows above: worksheets of a test type (\`bench.worksheet\`, declared as a module"
  echo "declares a shareable type) shared with a class's pupils (read), with a teaching group (contrib) and with"
  echo "thirty people (read); \`Shares.HasRightAsync\` asked by a pupil of the class, a parent who holds nothing"
  echo "and a teacher among the thirty. Warm: the person's groups in memory, one query on the shares' key."
  echo "Cold: the reach cache forgotten first, so the person's groups are read too. Each answer is checked"
  echo "before timing."
} > bench/visibility/RESULTS.md
cat bench/visibility/RESULTS.md
