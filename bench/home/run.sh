#!/usr/bin/env bash
# Home page benchmark: queries per home page on a small and a big school, and throughput and
# latency of GET / for a signed-in person beside GET /health/live, in one run, on loopback.
#
#   bench/home/run.sh [--pupils N] [--persona LOGIN] [--duration S] [--warmup S]
#                     [--connections C] [--threads T] [--strict] [--keep]
#
#   --pupils N       pupils (each with a parent) added to Jules Ferry's CE2 A before the
#                    big-school measurements (default 1000; 0 skips the growth)
#   --persona LOGIN  who loads the home page under wrk (default lea.dubois)
#   --duration S     seconds of each measured wrk run (default 20)
#   --warmup S       seconds of wrk warm-up before measuring (default 40: tiered JIT settles)
#   --connections C  wrk connections (default 32); --threads T wrk threads (default 2)
#   --strict         exit 3 when the acceptance line fails (default: report only)
#   --keep           keep the temporary folder (app, data, logs, wrk outputs)
#
# Steps: publish src/Preau.Web in Release; start it on a free loopback port with a fresh data
# folder (migrate + demo city), count the SQL commands of one home page for three personas;
# stop; grow the school with bench/home/Grow (the directory's own writer); start again and
# count again; restart with Warning-level logs and run wrk on / and /health/live.
# Writes bench/results/home-<UTC date>.md (not committed) and bench/home/RESULTS.md.
# See bench/README.md for how to read the figures.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)"
cd "$ROOT"

PUPILS=1000
PERSONA=lea.dubois
DURATION=20
WARMUP=40
CONNECTIONS=32
THREADS=2
STRICT=0
KEEP=0
COUNT_PERSONAS=(lea.dubois sophie.dubois claire.martin)
PASSWORD=preau-demo
TARGET_RPS=1000

say() { echo "bench/home: $*" >&2; }
die() { echo "bench/home: error: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --pupils) PUPILS="$2"; shift 2 ;;
    --persona) PERSONA="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --strict) STRICT=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$PUPILS" =~ ^[0-9]+$ && "$DURATION" =~ ^[0-9]+$ && "$WARMUP" =~ ^[0-9]+$ ]] || die "--pupils, --duration and --warmup take whole numbers"

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

TMP="$(mktemp -d "${TMPDIR:-/tmp}/preau-bench-home.XXXXXX")"
APP_PID=""
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

cleanup() {
  local rc=$?
  stop_app
  if [[ $KEEP -eq 1 ]]; then
    say "kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

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

# start_app LOGFILE [extra args...]: starts the published app on a free loopback port and waits for /health/ready.
start_app() {
  local log="$1"; shift
  PORT="$(free_port)"
  BASE="http://127.0.0.1:$PORT"
  "$TMP/app/Preau.Web" --urls "$BASE" --Preau:DataPath="$TMP/data" --Preau:SeedDemo=true \
    --Preau:LogFormat=text --Logging:LogLevel:Default=Warning "$@" >"$log" 2>&1 &
  APP_PID=$!
  local deadline=$(( $(date +%s) + 180 ))
  until curl -sf -o /dev/null "$BASE/health/ready"; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$log" >&2; die "the app exited during start-up (log above)"; }
    [[ $(date +%s) -lt $deadline ]] || { tail -n 30 "$log" >&2; die "the app was not ready within 180 s"; }
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

# home_ok SESSION: GET / answers 200 with the greeting.
home_ok() {
  local body status
  body="$(curl -s -w '\n%{http_code}' -H "Cookie: preau.session=$1" "$BASE/")"
  status="${body##*$'\n'}"
  [[ "$status" == 200 ]] || die "GET / answered $status, not 200"
  grep -q "Bonjour" <<<"$body" || die "GET / has no 'Bonjour'"
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

commands_since() { # LOGFILE OFFSET: "Executed DbCommand" lines of requests to / after byte OFFSET
  # Only the home page's own commands: the job workers (thumbnails, the feed's fan-out, polling)
  # write theirs in the same log at any moment, without a request scope.
  tail -c +"$(( $2 + 1 ))" "$1" | grep "Executed DbCommand" | grep -c '"RequestPath":"/"' || true
}

declare -A Q_FIRST Q_NEXT
# count_queries LABEL LOGFILE: for each persona, sign in, then count the SQL commands of the
# first home page of the session (session check included) and of the next one.
count_queries() {
  local label="$1" log="$2" persona session mark
  for persona in "${COUNT_PERSONAS[@]}"; do
    session="$(login "$persona")"
    settle "$log"; mark="$(stat -c %s "$log")"
    home_ok "$session"
    settle "$log"; Q_FIRST[$label,$persona]="$(commands_since "$log" "$mark")"
    mark="$(stat -c %s "$log")"
    home_ok "$session"
    settle "$log"; Q_NEXT[$label,$persona]="$(commands_since "$log" "$mark")"
    say "$label school, $persona: ${Q_FIRST[$label,$persona]} SQL commands on the first home page of the session, ${Q_NEXT[$label,$persona]} on the next"
  done
}

# --- 1. build ------------------------------------------------------------------------------

say "publishing src/Preau.Web (Release) to $TMP/app"
dotnet publish src/Preau.Web -c Release -o "$TMP/app" --nologo -v quiet >"$TMP/publish.log" 2>&1 \
  || { tail -n 40 "$TMP/publish.log" >&2; die "dotnet publish failed"; }
if [[ $PUPILS -gt 0 ]]; then
  dotnet build bench/home/Grow -c Release -o "$TMP/grow" --nologo -v quiet >"$TMP/grow-build.log" 2>&1 \
    || { tail -n 40 "$TMP/grow-build.log" >&2; die "building bench/home/Grow failed"; }
fi
build_done=$(date +%s)

LOG_COMMANDS=(--Preau:LogFormat=json --Database:LogCommands=true --Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information)

# --- 2. small school: seed, count ----------------------------------------------------------

say "starting with a fresh data folder (migrations, demo city)"
start_app "$TMP/app-seed.log"
stop_app
# Counted on a process started on the data as it is, as for the big school: the seeding process
# would hold in its caches (people's groups, rights) what a page otherwise reads on first use.
start_app "$TMP/app-small.log" "${LOG_COMMANDS[@]}"
count_queries small "$TMP/app-small.log"
stop_app
users_small="$(command -v sqlite3 >/dev/null && sqlite3 "$TMP/data/preau.db" 'select count(*) from dir_users' || echo '?')"

# --- 3. big school: grow, count ------------------------------------------------------------

if [[ $PUPILS -gt 0 ]]; then
  say "growing Jules Ferry CE2 A by $PUPILS pupils and $PUPILS parents"
  dotnet "$TMP/grow/Grow.dll" --data "$TMP/data" --pupils "$PUPILS" >&2 || die "growing the school failed"
fi
users_big="$(command -v sqlite3 >/dev/null && sqlite3 "$TMP/data/preau.db" 'select count(*) from dir_users' || echo '?')"
start_app "$TMP/app-big.log" "${LOG_COMMANDS[@]}"
count_queries big "$TMP/app-big.log"
stop_app

# --- 4. throughput: wrk on / and /health/live, same run --------------------------------------

say "starting with Warning-level logs for wrk"
start_app "$TMP/app-wrk.log"
SESSION="$(login "$PERSONA")"
home_ok "$SESSION"
HOME_BYTES="$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: preau.session=$SESSION" "$BASE/")"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
CLK_TCK="$(getconf CLK_TCK)"

# run_wrk NAME PATH [cookie]: measured run; output in $TMP/wrk-NAME.txt, server CPU ticks in $TMP/cpu-NAME.
run_wrk() {
  local name="$1" path="$2" c0 c1
  local -a header=()
  [[ -n "${3:-}" ]] && header=(-H "Cookie: preau.session=$3")
  c0="$(cpu_ticks)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${header[@]}" "$BASE$path" >"$TMP/wrk-$name.txt"
  c1="$(cpu_ticks)"
  echo $(( c1 - c0 )) >"$TMP/cpu-$name"
}

say "wrk warm-up, ${WARMUP} s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: preau.session=$SESSION" "$BASE/" >"$TMP/wrk-warmup.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$BASE/health/live" >/dev/null
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
say "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on /"
run_wrk home / "$SESSION"
say "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on /health/live"
run_wrk live /health/live
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
home_ok "$SESSION" # still signed in: the figures are of real pages, not of redirects to /login
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

for name in home live; do
  declare "RPS_$name=$(wrk_field $name rps)"
  declare "P50_$name=$(wrk_field $name p50)"
  declare "P90_$name=$(wrk_field $name p90)"
  declare "P99_$name=$(wrk_field $name p99)"
  declare "N_$name=$(wrk_field $name requests)"
  declare "NON2XX_$name=$(wrk_field $name non2xx)"
  declare "ERR_$name=$(wrk_field $name errors)"
  n_var="N_$name"
  declare "CPU_$name=$(awk -v t="$(cat "$TMP/cpu-$name")" -v hz="$CLK_TCK" -v n="${!n_var}" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')"
  declare "BPR_$name=$(awk -v b="$(wrk_field $name bytes)" -v n="${!n_var}" 'BEGIN { printf "%.0f", b / n }')"
done

[[ "$NON2XX_home" == 0 ]] || die "wrk saw $NON2XX_home non-2xx/3xx answers on /"
# A redirect to /login weighs a few hundred bytes; the home page several kilobytes.
[[ "$BPR_home" -gt 2000 ]] || die "GET / averaged $BPR_home bytes per answer: not the home page (signed out?)"

RATIO="$(awk -v a="$RPS_home" -v b="$RPS_live" 'BEGIN { printf "%.3f", a / b }')"
if [[ "$RPS_home" -ge $TARGET_RPS ]]; then VERDICT=PASS; else VERDICT=FAIL; fi

bounded=yes
for persona in "${COUNT_PERSONAS[@]}"; do
  [[ "${Q_NEXT[small,$persona]}" == "${Q_NEXT[big,$persona]}" && "${Q_FIRST[small,$persona]}" == "${Q_FIRST[big,$persona]}" ]] || bounded=no
done
max_next=0; max_first=0
for persona in "${COUNT_PERSONAS[@]}"; do
  for label in small big; do
    (( ${Q_NEXT[$label,$persona]} > max_next )) && max_next=${Q_NEXT[$label,$persona]}
    (( ${Q_FIRST[$label,$persona]} > max_first )) && max_first=${Q_FIRST[$label,$persona]}
  done
done

DATE_UTC="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD -- src 2>/dev/null || COMMIT="$COMMIT (src/ modified)"
CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
NPROC="$(nproc)"
elapsed=$(( $(date +%s) - started_at ))

query_rows() {
  local persona
  for persona in "${COUNT_PERSONAS[@]}"; do
    echo "| $persona | ${Q_NEXT[small,$persona]} | ${Q_NEXT[big,$persona]} | ${Q_FIRST[small,$persona]} | ${Q_FIRST[big,$persona]} |"
  done
}

report() {
  cat <<EOF
# Home page benchmark — $DATE_UTC

- Machine: $NPROC × $CPU_MODEL; load average before/after the measured runs: $LOAD_BEFORE / $LOAD_AFTER
- Commit: $COMMIT; SQLite (default data folder); Release publish; logs at Warning
- School: demo city, then Jules Ferry CE2 A grown by $PUPILS pupils and $PUPILS parents ($users_small → $users_big accounts)
- wrk: -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency after a ${WARMUP} s warm-up, loopback; home page as **$PERSONA** (session cookie)
- Warm-up: $(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-warmup.txt") req/s on / over its ${WARMUP} s, from a cold start (the JIT's tiers still compiling on the two loaded cores)

## SQL commands per home page

Counted from EF Core's "Executed DbCommand" log lines of one request to / (\`--Database:LogCommands=true\`; the job workers' own commands, outside any request, are left out).
"Next" is any page of a session whose check is cached (the steady state); "first" is the first
page of a session on a node, which also checks the session (then again at most every 30 s).

| persona | next, small school | next, big school | first, small school | first, big school |
|---|---|---|---|---|
$(query_rows)

Bounded (same count on the small and the big school): **$bounded** — $max_next SQL commands per home page ($max_first on the first page of a session).

## Throughput and latency (same run)

| endpoint | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | server CPU per request (ms) | bytes per answer | requests | socket errors |
|---|---|---|---|---|---|---|---|---|
| GET / ($PERSONA) | $RPS_home | $P50_home | $P90_home | $P99_home | $CPU_home | $BPR_home | $N_home | $ERR_home |
| GET /health/live | $RPS_live | $P50_live | $P90_live | $P99_live | $CPU_live | $BPR_live | $N_live | $ERR_live |

Ratio home / live: **$RATIO** (home page at $RPS_home req/s, /health/live at $RPS_live req/s).

**$VERDICT**: home page >= $TARGET_RPS req/s at $CONNECTIONS connections (measured $RPS_home req/s, p99 $P99_home ms).

Whole run: ${elapsed} s (build $(( build_done - started_at )) s). Absolute figures on a shared 2-core machine are noisy:
compare the ratio and the percentiles of one run (bench/README.md).
EOF
}

mkdir -p bench/results
REPORT="bench/results/home-$STAMP.md"
report >"$REPORT"
{
  echo "<!-- Written by bench/home/run.sh: the latest run. Full reports: bench/results/ (not committed). -->"
  report
} >bench/home/RESULTS.md
cat "$REPORT"
say "report: $REPORT (summary: bench/home/RESULTS.md)"

if [[ $STRICT -eq 1 && "$VERDICT" == FAIL ]]; then
  exit 3
fi
