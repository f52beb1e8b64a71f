#!/usr/bin/env bash
# Run a command beside a throw-away PostgreSQL server on loopback.
# The command finds it in TEST_POSTGRES_URL; the server and its data are gone after.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed (scripts/system-packages.sh test installs it)." >&2
  exit 1
fi
datadir=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root.
  chown postgres "$datadir"
  as_postgres=(runuser -u postgres --)
fi

"${as_postgres[@]}" "$bindir/initdb" -D "$datadir/data" -A trust -U postgres \
  --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_postgres[@]}" "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $datadir -F" start >/dev/null

stop() {
  "${as_postgres[@]}" "$bindir/pg_ctl" -D "$datadir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$datadir"
}
trap stop EXIT

export TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
"$@"
