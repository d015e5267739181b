# Installs (when missing) and starts PostgreSQL and RabbitMQ on 127.0.0.1, and stops what it
# started. Sourced by scripts/test.sh and scripts/demo.sh; needs root on Debian 12.
#
#   services_up              install when missing, start when not running, create role/user
#   services_down            stop only what services_up started
#   services_install_chromium
#
# Idempotent: running it twice, or with the services already up, changes nothing.

SERVICES_PG_VERSION=15
SERVICES_STARTED_PG=0
SERVICES_STARTED_RABBIT=0
SERVICES_APT_UPDATED=0

svc_log() { printf '[services] %s\n' "$*" >&2; }

svc_apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$SERVICES_APT_UPDATED" -eq 0 ]; then
    svc_log "apt-get update"
    apt-get update -qq >/dev/null
    SERVICES_APT_UPDATED=1
  fi
  svc_log "apt-get install $*"
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

svc_pg_up() {
  # Whoever finds it not running owns the stop, even when the package's install started it.
  pg_isready -q -h 127.0.0.1 2>/dev/null || SERVICES_STARTED_PG=1
  if [ ! -x "/usr/lib/postgresql/$SERVICES_PG_VERSION/bin/postgres" ]; then
    svc_apt_install postgresql
  fi
  if ! pg_lsclusters -h 2>/dev/null | grep -q "^$SERVICES_PG_VERSION main"; then
    pg_createcluster "$SERVICES_PG_VERSION" main >/dev/null
  fi
  # Workers, relays and parallel test hosts each keep a connection pool: 100 connections is too few.
  local conf="/etc/postgresql/$SERVICES_PG_VERSION/main/conf.d/invordering.conf"
  if [ ! -f "$conf" ]; then
    mkdir -p "$(dirname "$conf")"
    printf 'max_connections = 400\nshared_buffers = 512MB\n' > "$conf"
    if pg_isready -q -h 127.0.0.1 && [ "$SERVICES_STARTED_PG" -eq 1 ]; then
      pg_ctlcluster "$SERVICES_PG_VERSION" main restart
    fi
  fi
  if ! pg_isready -q -h 127.0.0.1; then
    svc_log "starting PostgreSQL $SERVICES_PG_VERSION"
    pg_ctlcluster "$SERVICES_PG_VERSION" main start
  fi
  local i=0
  until pg_isready -q -h 127.0.0.1; do
    i=$((i + 1)); [ "$i" -gt 150 ] && { svc_log "PostgreSQL did not become ready"; return 1; }
    sleep 0.2
  done
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='invordering'\"" | grep -q 1 ||
    su postgres -c "psql -qc \"CREATE ROLE invordering LOGIN PASSWORD 'invordering' CREATEDB\""
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='invordering'\"" | grep -q 1 ||
    su postgres -c "psql -qc \"CREATE DATABASE invordering OWNER invordering\""
}

svc_rabbit_running() { rabbitmqctl -q status >/dev/null 2>&1; }

svc_rabbit_up() {
  svc_rabbit_running || SERVICES_STARTED_RABBIT=1
  if [ ! -x /usr/sbin/rabbitmq-server ]; then
    mkdir -p /etc/rabbitmq
    # Bind to loopback before the first start.
    printf 'listeners.tcp.default = 127.0.0.1:5672\nmanagement.tcp.ip = 127.0.0.1\n' > /etc/rabbitmq/rabbitmq.conf
    printf 'NODENAME=rabbit@localhost\nNODE_IP_ADDRESS=127.0.0.1\n' > /etc/rabbitmq/rabbitmq-env.conf
    svc_apt_install rabbitmq-server
    rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
  fi
  if ! svc_rabbit_running; then
    svc_log "starting RabbitMQ"
    rabbitmq-server -detached >/dev/null 2>&1
  fi
  local i=0
  until rabbitmqctl -q await_startup --timeout 30 >/dev/null 2>&1; do
    i=$((i + 1)); [ "$i" -gt 60 ] && { svc_log "RabbitMQ did not become ready"; return 1; }
    sleep 1
  done
  rabbitmqctl -q list_users 2>/dev/null | grep -q '^invordering' ||
    rabbitmqctl -q add_user invordering invordering >/dev/null
  rabbitmqctl -q set_user_tags invordering administrator >/dev/null
  rabbitmqctl -q set_permissions -p / invordering '.*' '.*' '.*' >/dev/null
}

# Creates a vhost with full rights for the invordering user; idempotent.
svc_rabbit_vhost_add() {
  rabbitmqctl -q add_vhost "$1" >/dev/null 2>&1 || true
  rabbitmqctl -q set_permissions -p "$1" invordering '.*' '.*' '.*' >/dev/null
}

svc_rabbit_vhost_delete() { rabbitmqctl -q delete_vhost "$1" >/dev/null 2>&1 || true; }

services_up() {
  svc_pg_up && svc_rabbit_up
}

# The web application's CSS and htmx come from npm at build time.
services_install_npm() {
  if ! command -v npm >/dev/null; then
    svc_apt_install nodejs npm
  fi
}

services_install_chromium() {
  if [ ! -x /usr/bin/chromium ] || ! command -v pdfinfo >/dev/null; then
    svc_apt_install chromium chromium-driver poppler-utils fonts-dejavu-core
  fi
}

services_down() {
  if [ "$SERVICES_STARTED_RABBIT" -eq 1 ]; then
    svc_log "stopping RabbitMQ"
    rabbitmqctl -q shutdown >/dev/null 2>&1 || true
    SERVICES_STARTED_RABBIT=0
  fi
  if [ "$SERVICES_STARTED_PG" -eq 1 ]; then
    svc_log "stopping PostgreSQL"
    pg_ctlcluster "$SERVICES_PG_VERSION" main stop -m fast || true
    SERVICES_STARTED_PG=0
  fi
}
