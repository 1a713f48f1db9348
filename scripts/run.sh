#!/usr/bin/env bash
# Start the dashboard (creates .venv, installs requirements, builds data if absent).
#
#   bash scripts/run.sh                  # one server on http://localhost:8501 (development, a few users)
#   bash scripts/run.sh --replicas 4     # production: 4 replicas behind nginx on :8501 (sticky cookie,
#                                        # security headers, health checks); Ctrl-C stops all
#   bash scripts/run.sh --stop           # stop a production run started from another shell
#
# PORT sets the port (default 8501). Other options go to Streamlit (plain) or scripts/production.py.
set -euo pipefail
cd "$(dirname "$0")/.."
replicas=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas="$2"; shift 2 ;;
    --replicas=*) replicas="${1#*=}"; shift ;;
    --stop) exec python3 scripts/production.py --stop --port "${PORT:-8501}" ;;
    *) args+=("$1"); shift ;;
  esac
done
source scripts/venv.sh
ensure_venv req requirements.txt
if [ ! -f data/manifest.json ]; then
  echo "· building data snapshots from data/raw"
  .venv/bin/python -m pipeline.build
fi
if [ -n "$replicas" ]; then
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    echo "· installing nginx (Debian package, for --replicas)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx > /dev/null
  fi
  exec .venv/bin/python scripts/production.py --replicas "$replicas" --port "${PORT:-8501}" ${args[@]+"${args[@]}"}
fi
# dashboard.serve = `streamlit run app.py` that never shows "Page not found" on a first deep link
exec .venv/bin/python -m dashboard.serve --server.port "${PORT:-8501}" --server.headless true ${args[@]+"${args[@]}"}
