#!/usr/bin/env bash
# The web server and the job worker in one command, as `make run` starts them:
# Ctrl+C stops both, and so does either of them ending.
# Usage: scripts/serve.sh VENV_BIN GUNICORN_ARGS...
set -euo pipefail
bin="$1"
shift
"$bin/flask" jobs worker &
worker=$!
trap 'kill -INT "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
"$bin/gunicorn" "$@"
