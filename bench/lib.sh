# Shared by the benchmarks' run.sh (sourced, from the repository's root): the throwaway
# PostgreSQL server, the cleanup of what a run started, and the machine's description.
#
#   source bench/lib.sh
#   bench_postgres feed        # sets PG_CS: $PREAU_TEST_POSTGRES, else a server started here, else ""
#   ...
#   bench_machine              # sets CPU, CORES, MEM, LOAD, COMMIT
#
# The EXIT trap stops the server and removes $WORK (set WORK before sourcing, or leave it empty).

PG_DIR=""
PG_CS=""

bench_cleanup() {
  # What the benchmark started on top of the server (an app connected to it) goes first.
  if declare -F bench_extra_cleanup >/dev/null; then bench_extra_cleanup; fi
  if [[ -n "$PG_DIR" ]]; then scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
  if [[ -n "${WORK:-}" ]]; then rm -rf "$WORK"; fi
}
trap bench_cleanup EXIT

# PG_CS for the run: $PREAU_TEST_POSTGRES (a server where a database may be created) when set;
# otherwise a throwaway server started with scripts/postgres.sh when PostgreSQL 15 is installed
# (stopped on exit); otherwise empty, and the run reports SQLite only.
bench_postgres() {
  local name="$1"
  PG_CS="${PREAU_TEST_POSTGRES:-}"
  if [[ -z "$PG_CS" && -x "${PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ]]; then
    # Its own folder under /tmp, mode 755: the server's owner (postgres, when run as root) must reach it.
    PG_DIR=$(mktemp -d "/tmp/preau-$name-pg.XXXXXX")
    chmod 755 "$PG_DIR"
    local errors
    errors=$(mktemp)
    PG_CS=$(scripts/postgres.sh start "$PG_DIR" 2>"$errors") || { cat "$errors" >&2; PG_CS=""; }
    rm -f "$errors"
  fi
}

# The machine the figures come from, for the report's first line.
bench_machine() {
  CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  CORES=$(nproc)
  MEM=$(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)
  LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
  COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
}

# No-PostgreSQL sentence for a report.
NO_POSTGRES="(no PostgreSQL server: set PREAU_TEST_POSTGRES or install postgresql-15)"
