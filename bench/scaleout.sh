#!/usr/bin/env bash
# Scale-out on one machine: N replicas behind nginx (scripts/production.py, the one home of the
# production setup: sticky cookie, security headers, health checks), run in the background.
#
#   bash bench/scaleout.sh start            # replicas on 127.0.0.1:8531.., nginx on :8530
#   bash bench/scaleout.sh bench [--quick]  # start, run the concurrency benchmark, stop
#   bash bench/scaleout.sh status | stop
#
# Python: $PYTHON, else .venv/bin/python, else python3. Replicas: $REPLICAS (default 2).
# State (config, pids, logs): $STATE (default /tmp/swic-scaleout).
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=${STATE:-/tmp/swic-scaleout}
PORT=8530
N=${REPLICAS:-2}
if [ -n "${PYTHON:-}" ]; then PY=$PYTHON
elif [ -x .venv/bin/python ]; then PY=.venv/bin/python
else PY=python3; fi

ensure_nginx() {
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    echo "· installing nginx (Debian package)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  fi
}

start() {
  ensure_nginx
  mkdir -p "$STATE"
  : >"$STATE/runner.out"
  nohup "$PY" scripts/production.py --replicas "$N" --port "$PORT" --address 127.0.0.1 \
    --state "$STATE" >>"$STATE/runner.out" 2>&1 &
  local i
  for ((i = 0; i < 600; i++)); do
    grep -q '^ready ' "$STATE/runner.out" && { grep '^ready ' "$STATE/runner.out"; return 0; }
    kill -0 $! 2>/dev/null || { cat "$STATE/runner.out" >&2; return 1; }
    sleep 0.25
  done
  echo "not ready in 150 s; see $STATE" >&2
  return 1
}

pids() {  # replica pids, comma-separated (for run.py --server-pids)
  ls "$STATE"/replica-*.pid >/dev/null 2>&1 || return 0
  cat "$STATE"/replica-*.pid | paste -sd, -
}

stop() { "$PY" scripts/production.py --stop --state "$STATE"; }

status() {
  local f
  for f in "$STATE"/*.pid; do
    [ -f "$f" ] || continue
    if kill -0 "$(cat "$f")" 2>/dev/null; then echo "$(basename "$f" .pid): running ($(cat "$f"))"
    else echo "$(basename "$f" .pid): dead"; fi
  done
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  bench)
    shift
    trap stop EXIT
    start
    "$PY" bench/run.py --target "http://127.0.0.1:$PORT" --server-pids "$(pids)" "$@"
    ;;
  *) echo "usage: $0 start|stop|status|bench [--quick]" >&2; exit 2 ;;
esac
