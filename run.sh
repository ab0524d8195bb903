#!/usr/bin/env bash
# Préau's run command: builds and starts Préau on http://localhost:5000 with the embedded
# defaults (SQLite in ./data, local files), migrates the database and seeds the demo city
# once, then prints the demo logins.
#
#   ./run.sh                         demo city, http://localhost:5000
#   ./run.sh --no-demo               no demo data
#   ./run.sh --urls http://0.0.0.0:8080 --Database:Provider=Postgres --Database:ConnectionString="Host=…"
#                                    any other argument is a configuration setting (see README)
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

command -v dotnet >/dev/null 2>&1 || {
    echo "run.sh: the .NET 10 SDK is needed (dotnet on PATH); see README.md" >&2
    exit 1
}

seed=true
urls="http://localhost:5000"
args=()
while (( $# > 0 )); do
    case "$1" in
        --no-demo) seed=false ;;
        --urls) urls="$2"; shift ;;
        --urls=*) urls="${1#--urls=}" ;;
        *) args+=("$1") ;;
    esac
    shift
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
echo "Préau: building (first run restores packages, about a minute)…"
dotnet build src/Preau.Web -c Release -nologo -v quiet -clp:ErrorsOnly
echo "Préau: starting on $urls (data in $(pwd)/data) — Ctrl+C to stop"
exec dotnet run --project src/Preau.Web -c Release --no-build -- \
    --urls "$urls" --Preau:DataPath="$(pwd)/data" --Preau:SeedDemo="$seed" --Preau:LogFormat=text \
    "${args[@]}"
