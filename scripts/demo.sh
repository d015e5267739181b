#!/usr/bin/env bash
# The README's first command: builds, installs and starts PostgreSQL (and RabbitMQ when
# Messaging__Transport=RabbitMq) when missing, applies the migrations and runs the main job.
# Extra arguments go to `invordering demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=services.sh
source scripts/services.sh
trap services_down EXIT
services_up
services_install_npm
# The demo prints a sample of its letters as PDF with Chromium: installed (when missing) while the build runs.
services_install_chromium &
chromium_install=$!
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "[demo] building"
dotnet build src/Invordering/Invordering.csproj -c Release -nologo -v q -clp:ErrorsOnly
bin=src/Invordering/bin/Release/net10.0/invordering.dll
dotnet "$bin" migrate
wait "$chromium_install" || echo "[demo] Chromium kon niet worden geïnstalleerd: de demo draait zonder voorbeeld-PDF"
dotnet "$bin" demo "$@"
