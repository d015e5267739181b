#!/usr/bin/env bash
# The README's first command: builds, installs and starts PostgreSQL and RabbitMQ when missing,
# applies the migrations and serves the application on http://127.0.0.1:8080 (Ctrl+C stops it).
# The end-to-end demo (`invordering demo`) takes this place once it lands.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=services.sh
source scripts/services.sh
trap services_down EXIT
services_up
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "[demo] building"
dotnet build src/Invordering/Invordering.csproj -c Release -nologo -v q -clp:ErrorsOnly
bin=src/Invordering/bin/Release/net10.0/invordering.dll
dotnet "$bin" migrate
dotnet "$bin" serve "$@"
