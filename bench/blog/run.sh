#!/usr/bin/env bash
# Blog benchmark: on PostgreSQL with 500 blogs of 200 published posts, the SQL commands of a
# blog's members page (/blog/{id}, signed in) and of a public blog page (/b/{slug}, anonymous),
# on a blog of 200 posts and on one of 10; then throughput and latency of both pages beside
# GET /health/live under wrk, in one run, on loopback.
#
#   bench/blog/run.sh [--blogs N] [--posts N] [--duration S] [--warmup S]
#                     [--connections C] [--threads T] [--strict] [--keep] [--db-options S]
#
#   --blogs N        blogs of --posts published posts each (default 500: the demo's CE2 A blog
#                    and N-1 more of claire.martin's, all public), plus one blog of 10 posts
#   --posts N        published posts per blog (default 200)
#   --duration S     seconds of each measured wrk run (default 20)
#   --warmup S       seconds of wrk warm-up before measuring, split between the two pages
#                    (default 40: tiered JIT settles)
#   --connections C  wrk connections (default 64); --threads T wrk threads (default 2)
#   --strict         exit 3 when the public page is below 1,500 requests/s (default: report only)
#   --keep           keep the temporary folder (app, data, logs, wrk outputs)
#   --db-options S   appended to the app's connection string, to compare settings
#                    (e.g. "Max Auto Prepare=20"); named in the report
#
# Needs PostgreSQL 15 (a throwaway server from scripts/postgres.sh, or $PREAU_TEST_POSTGRES),
# the .NET SDK, curl and wrk (installed with apt-get when missing and run as root).
# Steps: publish src/Preau.Web in Release and build bench/blog/BlogSeed; create a database; start
# the app on it with the demo city, stop it; BlogSeed writes the blogs, posts and comments with
# binary COPY; start with SQL command logging and count the commands of each page on a warm
# process; restart with Warning-level logs, sign in as claire.martin, warm up, run wrk on the
# public page, on the members page (session cookie), on the public pages of all the blogs in
# turn, and on /health/live.
# Writes bench/results/blog-<UTC date>.md (not committed) and bench/blog/RESULTS.md.
# See bench/README.md for how to read the figures.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)"
cd "$ROOT"

BLOGS=500
POSTS=200
SMALL_POSTS=10
DURATION=20
WARMUP=40
CONNECTIONS=64
THREADS=2
STRICT=0
KEEP=0
DB_OPTIONS=""
PERSONA=claire.martin
PASSWORD=preau-demo
TARGET_RPS=1500

say() { echo "bench/blog: $*" >&2; }
die() { echo "bench/blog: error: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --blogs) BLOGS="$2"; shift 2 ;;
    --posts) POSTS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --strict) STRICT=1; shift ;;
    --keep) KEEP=1; shift ;;
    --db-options) DB_OPTIONS="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
for n in "$BLOGS" "$POSTS" "$DURATION" "$WARMUP" "$CONNECTIONS" "$THREADS"; do
  [[ "$n" =~ ^[0-9]+$ ]] || die "--blogs, --posts, --duration, --warmup, --connections and --threads take whole numbers"
done
[[ $BLOGS -ge 1 && $POSTS -ge 11 ]] || die "--blogs must be at least 1 and --posts at least 11 (more than a page)"

# --- prerequisites -----------------------------------------------------------------------

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"
command -v curl >/dev/null 2>&1 || die "curl is not installed"
if ! command -v wrk >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing wrk (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
      || die "could not install wrk"
  else
    die "wrk is not installed (Debian: apt-get install wrk)"
  fi
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/preau-bench-blog.XXXXXX")"
APP_PID=""
DB_NAME="preau_blog_bench_$$"
DB_CS=""
started_at=$(date +%s)

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# Called by bench/lib.sh's EXIT trap, before it stops its PostgreSQL server.
bench_extra_cleanup() {
  stop_app
  # A database made on someone else's server ($PREAU_TEST_POSTGRES) is dropped; a throwaway server goes whole.
  if [[ -n "$DB_CS" && -z "$PG_DIR" && $KEEP -eq 0 && -f "$TMP/seed/BlogSeed.dll" ]]; then
    dotnet "$TMP/seed/BlogSeed.dll" drop --connection "$PG_CS" --name "$DB_NAME" >/dev/null 2>&1 || true
  fi
  if [[ $KEEP -eq 1 ]]; then
    say "kept $TMP"
  else
    rm -rf "$TMP"
  fi
}

# shellcheck source=bench/lib.sh
source bench/lib.sh
trap 'exit 130' INT TERM

say "starting PostgreSQL"
bench_postgres blog
[[ -n "$PG_CS" ]] || die "no PostgreSQL: set PREAU_TEST_POSTGRES or install postgresql-15"

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    local port
    for _ in $(seq 1 50); do
      port=$((20000 + RANDOM % 20000))
      (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
    die "no free port found"
  fi
}

PORT=""
BASE=""

# start_app LOGFILE [extra args...]: starts the published app on PostgreSQL on a free loopback port and waits for /health/ready.
start_app() {
  local log="$1"; shift
  PORT="$(free_port)"
  BASE="http://127.0.0.1:$PORT"
  "$TMP/app/Preau.Web" --urls "$BASE" --Preau:DataPath="$TMP/data" --Preau:SeedDemo=true \
    --Database:Provider=Postgres --Database:ConnectionString="$DB_CS" \
    --Preau:LogFormat=text --Logging:LogLevel:Default=Warning "$@" >"$log" 2>&1 &
  APP_PID=$!
  local deadline=$(( $(date +%s) + 240 ))
  until curl -sf -o /dev/null "$BASE/health/ready"; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$log" >&2; die "the app exited during start-up (log above)"; }
    [[ $(date +%s) -lt $deadline ]] || { tail -n 30 "$log" >&2; die "the app was not ready within 240 s"; }
    sleep 0.2
  done
}

# login PERSONA: signs in with the login form (antiforgery token and cookie, remember me); prints the session cookie.
login() {
  local persona="$1" jar="$TMP/jar-$1.txt" page token status
  rm -f "$jar"
  page="$(curl -sf -c "$jar" -b "$jar" "$BASE/login")" || die "GET /login failed"
  token="$(grep -o 'name="__csrf" type="hidden" value="[^"]*"' <<<"$page" | head -n 1 | sed 's/.*value="//; s/"$//')"
  [[ -n "$token" ]] || die "no __csrf token on /login"
  status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "__csrf=$token" --data-urlencode "Input.Login=$persona" \
    --data-urlencode "Input.Password=$PASSWORD" --data-urlencode "Input.Remember=true" "$BASE/login")"
  [[ "$status" == 302 ]] || die "POST /login for $persona answered $status, not 302"
  local session
  session="$(awk '$6 == "preau.session" { print $7 }' "$jar")"
  [[ -n "$session" ]] || die "no preau.session cookie after signing in as $persona"
  echo "$session"
}

# page_ok PATH EXPECTED [SESSION]: GET PATH answers 200 and holds EXPECTED; prints the body's size in bytes.
page_ok() {
  local path="$1" expected="$2" out status size
  local -a header=()
  [[ -n "${3:-}" ]] && header=(-H "Cookie: preau.session=$3")
  out="$TMP/page.html"
  read -r status size < <(curl -s -o "$out" -w '%{http_code} %{size_download}\n' "${header[@]}" "$BASE$path")
  [[ "$status" == 200 ]] || die "GET $path answered $status, not 200"
  grep -qF "$expected" "$out" || die "GET $path does not show '$expected'"
  echo "$size"
}

# settle LOGFILE: waits until the console logger has written everything (size stable for 0.5 s).
settle() {
  local before after
  after="$(stat -c %s "$1")"
  for _ in $(seq 1 20); do
    before="$after"; sleep 0.5; after="$(stat -c %s "$1")"
    [[ "$before" == "$after" ]] && return
  done
}

commands_since() { # LOGFILE OFFSET PATH: "Executed DbCommand" lines of requests to PATH after byte OFFSET
  # Only the page's own commands: the job workers write theirs in the same log, without a request scope.
  tail -c +"$(( $2 + 1 ))" "$1" | grep "Executed DbCommand" | grep -cF "\"RequestPath\":\"$3\"" || true
}

# count PATH EXPECTED [SESSION]: the SQL commands of one request to PATH on a warm process (the second of two).
count() {
  local path="$1" expected="$2" session="${3:-}" log="$TMP/app-count.log" mark
  page_ok "$path" "$expected" "$session" >/dev/null
  settle "$log"; mark="$(stat -c %s "$log")"
  page_ok "$path" "$expected" "$session" >/dev/null
  settle "$log"
  commands_since "$log" "$mark" "$path"
}

# count_public PATH EXPECTED: the SQL commands of the anonymous public page PATH rendered (its
# first request: a miss of the output cache), then served again from the output cache; "A B".
count_public() {
  local path="$1" expected="$2" log="$TMP/app-count.log" mark miss hit
  settle "$log"; mark="$(stat -c %s "$log")"
  page_ok "$path" "$expected" >/dev/null
  settle "$log"; miss="$(commands_since "$log" "$mark" "$path")"
  mark="$(stat -c %s "$log")"
  page_ok "$path" "$expected" >/dev/null
  settle "$log"; hit="$(commands_since "$log" "$mark" "$path")"
  echo "$miss $hit"
}

# --- 1. build ------------------------------------------------------------------------------

say "publishing src/Preau.Web (Release) to $TMP/app"
dotnet publish src/Preau.Web -c Release -o "$TMP/app" --nologo -v quiet >"$TMP/publish.log" 2>&1 \
  || { tail -n 40 "$TMP/publish.log" >&2; die "dotnet publish failed"; }
dotnet build bench/blog/BlogSeed -c Release -o "$TMP/seed" --nologo -v quiet >"$TMP/seed-build.log" 2>&1 \
  || { tail -n 40 "$TMP/seed-build.log" >&2; die "building bench/blog/BlogSeed failed"; }
SEED=(dotnet "$TMP/seed/BlogSeed.dll")
build_done=$(date +%s)

# --- 2. database, demo city, blogs ------------------------------------------------------------

DB_CS="$("${SEED[@]}" database --connection "$PG_CS" --name "$DB_NAME")" || die "could not create the database $DB_NAME"
[[ -z "$DB_OPTIONS" ]] || DB_CS="$DB_CS;$DB_OPTIONS"
say "starting with a fresh database (migrations, demo city)"
start_app "$TMP/app-seed.log"
stop_app
say "writing $BLOGS blogs of $POSTS posts (and one of $SMALL_POSTS) with binary COPY"
"${SEED[@]}" seed --connection "$DB_CS" --blogs "$BLOGS" --posts "$POSTS" --small-posts "$SMALL_POSTS" >"$TMP/seed.txt" \
  || die "seeding the blogs failed"
seed_value() { awk -F= -v k="$1" '$1 == k { print $2 }' "$TMP/seed.txt"; }
DEMO_ID="$(seed_value demo_id)"; DEMO_SLUG="$(seed_value demo_slug)"
SMALL_ID="$(seed_value small_id)"; SMALL_SLUG="$(seed_value small_slug)"
N_POSTS="$(seed_value posts)"; N_COMMENTS="$(seed_value comments)"; BODY_AVG="$(seed_value body_bytes_avg)"; SEED_SECONDS="$(seed_value seconds)"
say "seeded $N_POSTS posts and $N_COMMENTS comments in $SEED_SECONDS s"
DEMO_TITLE="Le blog des CE2 A"
"${SEED[@]}" explain --connection "$DB_CS" --blog "$DEMO_ID" --slug "$DEMO_SLUG" >"$TMP/explain.md" || die "EXPLAIN of the blog's queries failed"

# --- 3. SQL commands per page --------------------------------------------------------------------

LOG_COMMANDS=(--Preau:LogFormat=json --Database:LogCommands=true --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information)
start_app "$TMP/app-count.log" "${LOG_COMMANDS[@]}"
SESSION="$(login "$PERSONA")"
Q_MEMBERS_BIG="$(count "/blog/$DEMO_ID" "$DEMO_TITLE" "$SESSION")"
Q_MEMBERS_SMALL="$(count "/blog/$SMALL_ID" "Petit blog" "$SESSION")"
# Another public blog first, so that the anonymous path is warm when the counted pages are rendered.
page_ok "/b/bench-blog-001" "" >/dev/null
read -r Q_PUBLIC_BIG Q_PUBLIC_BIG_HIT <<<"$(count_public "/b/$DEMO_SLUG" "$DEMO_TITLE")"
read -r Q_PUBLIC_SMALL Q_PUBLIC_SMALL_HIT <<<"$(count_public "/b/$SMALL_SLUG" "Petit blog")"
say "SQL commands: /blog/{id} $Q_MEMBERS_BIG ($POSTS posts) / $Q_MEMBERS_SMALL ($SMALL_POSTS posts); /b/{slug} rendered $Q_PUBLIC_BIG / $Q_PUBLIC_SMALL, from the output cache $Q_PUBLIC_BIG_HIT / $Q_PUBLIC_SMALL_HIT"
stop_app

# --- 4. throughput: wrk on the pages and /health/live, same run ----------------------------------

say "starting with Warning-level logs for wrk"
start_app "$TMP/app-wrk.log"
SESSION="$(login "$PERSONA")"
PUBLIC_PATH="/b/$DEMO_SLUG"
MEMBERS_PATH="/blog/$DEMO_ID"
PUBLIC_BYTES="$(page_ok "$PUBLIC_PATH" "$DEMO_TITLE")"
MEMBERS_BYTES="$(page_ok "$MEMBERS_PATH" "$DEMO_TITLE" "$SESSION")"

# The public pages of all the blogs in turn (each wrk thread walks the list from its own point).
cat >"$TMP/all-blogs.lua" <<EOF
local paths = { "/b/$DEMO_SLUG" }
for i = 1, $(( BLOGS - 1 )) do paths[#paths + 1] = string.format("/b/bench-blog-%03d", i) end
local n = 0
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("start", counter * 97) end
init = function(args) n = start or 0 end
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
EOF

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
CLK_TCK="$(getconf CLK_TCK)"
# The throwaway PostgreSQL server's CPU time (postmaster and its children: the app's pooled
# connections stay open through a run); empty on someone else's server.
PG_PID="$(head -n 1 "$PG_DIR/pgdata/postmaster.pid" 2>/dev/null || true)"
pg_ticks() {
  [[ -n "$PG_PID" ]] || return 0
  local pid total=0 t
  for pid in "$PG_PID" $(pgrep -P "$PG_PID" || true); do
    t="$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)"
    total=$(( total + t ))
  done
  echo "$total"
}

# run_wrk NAME PATH [cookie] [script]: measured run; output in $TMP/wrk-NAME.txt, server CPU ticks in $TMP/cpu-NAME.
run_wrk() {
  local name="$1" path="$2" c0 c1 p0 p1
  local -a extra=()
  [[ -n "${3:-}" ]] && extra+=(-H "Cookie: preau.session=$3")
  [[ -n "${4:-}" ]] && extra+=(-s "$4")
  say "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $path${4:+ (all the blogs in turn)}"
  c0="$(cpu_ticks)"; p0="$(pg_ticks)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${extra[@]}" "$BASE$path" >"$TMP/wrk-$name.txt"
  c1="$(cpu_ticks)"; p1="$(pg_ticks)"
  echo $(( c1 - c0 )) >"$TMP/cpu-$name"
  if [[ -n "$p0" && -n "$p1" ]]; then echo $(( p1 - p0 )) >"$TMP/pgcpu-$name"; else echo "" >"$TMP/pgcpu-$name"; fi
}

WARM_PUBLIC=$(( (WARMUP + 1) / 2 )); WARM_MEMBERS=$(( WARMUP / 2 ))
say "wrk warm-up, ${WARMUP} s (public page ${WARM_PUBLIC} s, members page ${WARM_MEMBERS} s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_PUBLIC}s" "$BASE$PUBLIC_PATH" >"$TMP/wrk-warmup-public.txt"
[[ $WARM_MEMBERS -gt 0 ]] && wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_MEMBERS}s" -H "Cookie: preau.session=$SESSION" "$BASE$MEMBERS_PATH" >"$TMP/wrk-warmup-members.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$BASE/health/live" >/dev/null
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
run_wrk public "$PUBLIC_PATH"
run_wrk members "$MEMBERS_PATH" "$SESSION"
run_wrk allblogs "/b/$DEMO_SLUG" "" "$TMP/all-blogs.lua"
run_wrk live /health/live
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
page_ok "$MEMBERS_PATH" "$DEMO_TITLE" "$SESSION" >/dev/null # still signed in: the figures are of real pages
stop_app

# --- 5. parse and report ----------------------------------------------------------------------

to_ms() { # wrk duration (us, ms, s, m) to milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n = n / 1000; else if (u == "s") n = n * 1000; else if (u == "m") n = n * 60000
    printf "%.2f", n }'
}
to_bytes() { # wrk size (B, KB, MB, GB; 1024-based)
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "KB") n *= 1024; else if (u == "MB") n *= 1048576; else if (u == "GB") n *= 1073741824
    printf "%.0f", n }'
}
wrk_field() { # NAME FIELD
  local f="$TMP/wrk-$1.txt"
  case "$2" in
    rps) awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$f" ;;
    p50|p75|p90|p99) to_ms "$(awk -v p="${2#p}%" '$1 == p { print $2 }' "$f")" ;;
    requests) awk '/requests in/ { print $1 }' "$f" ;;
    bytes) to_bytes "$(awk '/requests in/ { print $5 }' "$f")" ;;
    non2xx) awk '/Non-2xx or 3xx responses:/ { print $5 }' "$f" | grep . || echo 0 ;;
    errors) awk '/Socket errors:/ { sub(/.*Socket errors: /, ""); print }' "$f" | grep . || echo none ;;
  esac
}

for name in public members allblogs live; do
  declare "RPS_$name=$(wrk_field $name rps)"
  declare "P50_$name=$(wrk_field $name p50)"
  declare "P90_$name=$(wrk_field $name p90)"
  declare "P99_$name=$(wrk_field $name p99)"
  declare "N_$name=$(wrk_field $name requests)"
  declare "NON2XX_$name=$(wrk_field $name non2xx)"
  declare "ERR_$name=$(wrk_field $name errors)"
  n_var="N_$name"
  declare "CPU_$name=$(awk -v t="$(cat "$TMP/cpu-$name")" -v hz="$CLK_TCK" -v n="${!n_var}" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')"
  declare "PGCPU_$name=$(awk -v t="$(cat "$TMP/pgcpu-$name")" -v hz="$CLK_TCK" -v n="${!n_var}" 'BEGIN { if (t == "") print "?"; else printf "%.3f", t * 1000 / hz / n }')"
  declare "BPR_$name=$(awk -v b="$(wrk_field $name bytes)" -v n="${!n_var}" 'BEGIN { printf "%.0f", b / n }')"
done

for name in public members allblogs; do
  non2xx_var="NON2XX_$name"; bpr_var="BPR_$name"
  [[ "${!non2xx_var}" == 0 ]] || die "wrk saw ${!non2xx_var} non-2xx/3xx answers in the $name run"
  # A redirect to /login or a 404 weighs a few hundred bytes; a blog page several kilobytes.
  [[ "${!bpr_var}" -gt 2000 ]] || die "the $name run averaged ${!bpr_var} bytes per answer: not the blog page"
done

if [[ "$RPS_public" -ge $TARGET_RPS ]]; then VERDICT=PASS; else VERDICT=FAIL; fi
if [[ "$Q_MEMBERS_BIG" == "$Q_MEMBERS_SMALL" && "$Q_PUBLIC_BIG" == "$Q_PUBLIC_SMALL" ]]; then BOUNDED=yes; else BOUNDED=no; fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

DATE_UTC="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
bench_machine
git diff --quiet HEAD -- src 2>/dev/null || COMMIT="$COMMIT (src/ modified)"
PG_VERSION="$(awk '{ print $1 }' "$PG_DIR/pgdata/PG_VERSION" 2>/dev/null || echo '?')"
elapsed=$(( $(date +%s) - started_at ))

report() {
  cat <<EOF
# Blog benchmark — $DATE_UTC

- Machine: $CORES × $CPU, $MEM; load average before/after the measured runs: $LOAD_BEFORE / $LOAD_AFTER
- Commit: $COMMIT; PostgreSQL ${PG_VERSION} (throwaway server from scripts/postgres.sh unless \$PREAU_TEST_POSTGRES, fsync off)${DB_OPTIONS:+; app connection string + \`$DB_OPTIONS\`}; Release publish; logs at Warning
- Data: demo city + $BLOGS public blogs of $POSTS published posts (the demo's "Le blog des CE2 A" and $(( BLOGS - 1 )) more of claire.martin's) and one of $SMALL_POSTS posts: $N_POSTS posts written by bench/blog/BlogSeed (binary COPY, $SEED_SECONDS s), bodies of $BODY_AVG bytes on average, $N_COMMENTS comments, then ANALYZE
- Pages: public page \`/b/$DEMO_SLUG\` (anonymous) and members page \`/blog/{id}\` of the same blog as **$PERSONA** (owner; session cookie): both show the 10 latest posts
- wrk: -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency after a ${WARMUP} s warm-up (${WARM_PUBLIC} s on the public page: $(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-warmup-public.txt") req/s; ${WARM_MEMBERS} s on the members page), loopback

## SQL commands per page

Counted from EF Core's "Executed DbCommand" log lines of one request to the page (\`--Database:LogCommands=true\`) on a warm process: for the members page the second of two (session check cached); for the public page its first request, rendered (a miss of the output cache), then the second, served from the output cache (docs/blog.md, "The public page"); the job workers' own commands, outside any request, are left out.

| page | blog of $POSTS posts | blog of $SMALL_POSTS posts |
|---|---|---|
| public page \`/b/{slug}\` (anonymous), rendered | $Q_PUBLIC_BIG | $Q_PUBLIC_SMALL |
| public page \`/b/{slug}\` (anonymous), from the output cache | $Q_PUBLIC_BIG_HIT | $Q_PUBLIC_SMALL_HIT |
| members page \`/blog/{id}\` ($PERSONA) | $Q_MEMBERS_BIG | $Q_MEMBERS_SMALL |

Bounded (the same count whatever the blog's size): **$BOUNDED**.

## Throughput and latency (same run, $CONNECTIONS connections)

| page | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | SQL commands per page | app CPU per request (ms) | PostgreSQL CPU per request (ms) | bytes per answer | requests | socket errors | target |
|---|---|---|---|---|---|---|---|---|---|---|---|
| public page \`/b/{slug}\` | $RPS_public | $P50_public | $P90_public | $P99_public | $Q_PUBLIC_BIG_HIT (output cache; $Q_PUBLIC_BIG rendered) | $CPU_public | $PGCPU_public | $BPR_public | $N_public | $ERR_public | ≥ $TARGET_RPS req/s |
| members page \`/blog/{id}\` | $RPS_members | $P50_members | $P90_members | $P99_members | $Q_MEMBERS_BIG | $CPU_members | $PGCPU_members | $BPR_members | $N_members | $ERR_members | — |
| public pages of the $BLOGS blogs in turn | $RPS_allblogs | $P50_allblogs | $P90_allblogs | $P99_allblogs | $Q_PUBLIC_BIG_HIT or $Q_PUBLIC_BIG | $CPU_allblogs | $PGCPU_allblogs | $BPR_allblogs | $N_allblogs | $ERR_allblogs | — |
| \`/health/live\` (ceiling) | $RPS_live | $P50_live | $P90_live | $P99_live | 0 | $CPU_live | $PGCPU_live | $BPR_live | $N_live | $ERR_live | — |

CPU per request: user + system time of the app's process, and of the PostgreSQL server's processes, during the measured run, divided by the requests served (from \`/proc\`); the two cores give 2,000 ms of CPU per second to share with \`wrk\` and whatever else runs.

Ratio to /health/live: public page $(ratio "$RPS_public" "$RPS_live"), members page $(ratio "$RPS_members" "$RPS_live").

**$VERDICT**: public page >= $TARGET_RPS req/s at $CONNECTIONS connections (measured $RPS_public req/s, p99 $P99_public ms).

Whole run: ${elapsed} s (build $(( build_done - started_at )) s). Absolute figures on a shared 2-core machine are noisy:
compare the ratios and the percentiles of one run (bench/README.md).

## Query plans

The blog's own queries of both pages on the blog of $POSTS posts, as EF Core sends them (its logged SQL, with
the values of one request), explained by PostgreSQL after a first execution (\`bench/blog/BlogSeed explain\`).
The members page also runs the platform's shell queries (the person, their schools, classes, children,
functions, the feed's unread badge), which do not depend on the blog.

$(cat "$TMP/explain.md")
EOF
}

mkdir -p bench/results
REPORT="bench/results/blog-$STAMP.md"
report >"$REPORT"
{
  echo "<!-- Written by bench/blog/run.sh: the latest run. Full reports: bench/results/ (not committed). -->"
  report
} >bench/blog/RESULTS.md
cat "$REPORT"
say "report: $REPORT (summary: bench/blog/RESULTS.md)"

if [[ $STRICT -eq 1 && "$VERDICT" == FAIL ]]; then
  exit 3
fi
