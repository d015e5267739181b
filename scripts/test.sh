#!/usr/bin/env bash
# The README's test command. On a fresh Debian machine with the .NET SDK: installs PostgreSQL,
# RabbitMQ and Chromium from Debian's packages when missing, starts them on 127.0.0.1, builds
# with warnings as errors, runs every test (each test class gets its own database and vhost, named
# after this run), stops what it started, and ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# shellcheck source=services.sh
source scripts/services.sh
results="$root/.artifacts/test-results"
run_id="r$(date +%s)"

cleanup() {
  # Databases and vhosts a crashed test left behind, then the services this script started.
  # Best effort: nothing here may change the script's exit status.
  local status=$?
  set +e
  if pg_isready -q -h 127.0.0.1 2>/dev/null; then
    su postgres -c "psql -qtAc \"SELECT datname FROM pg_database WHERE datname LIKE 'inv\\_${run_id}\\_%'\"" 2>/dev/null |
      while read -r db; do
        if [ -n "$db" ]; then su postgres -c "psql -qc 'DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)'" >/dev/null 2>&1; fi
      done
  fi
  if svc_rabbit_running; then
    rabbitmqctl -q list_vhosts 2>/dev/null | grep "^inv_${run_id}_" | while read -r vh; do svc_rabbit_vhost_delete "$vh"; done
  fi
  services_down
  exit "$status"
}
trap cleanup EXIT

services_up
services_install_chromium
services_install_npm

export INVORDERING_TEST_RUN="$run_id"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "[test] building"
dotnet build Invordering.sln -warnaserror -nologo -v q -clp:ErrorsOnly

rm -rf "$results"
echo "[test] running tests (one project at a time: the database and broker tests share two cores)"
set +e
dotnet test Invordering.sln --no-build --nologo -v q -m:1 --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
test_exit=$?
set -e

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the runner failed without reporting a failed test (a crashed test host)
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
