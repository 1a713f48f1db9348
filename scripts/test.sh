#!/usr/bin/env bash
# Run every check and test: lint (ruff, sqlfluff), repo hygiene, unit + app tests, browser tests.
# Installs .venv + requirements-dev.txt and Debian chromium when missing. Exit code 0 = all green.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv dev requirements.txt requirements-dev.txt  # requirements-dev.txt includes runtime
if [ ! -x /usr/bin/chromium ]; then
  echo "· installing Debian chromium (for the browser tests)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium > /dev/null
fi
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  echo "· installing axe-core (npm ci, for the accessibility audit)"
  npm ci --no-audit --no-fund --loglevel=error
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
V=.venv/bin

echo "· ruff"
$V/ruff check .
$V/ruff format --check .
echo "· sqlfluff"
$V/sqlfluff lint queries/ --disable-progress-bar --nocolor
echo "· repo hygiene"
$V/python scripts/hygiene.py

run_pytest() {
  set +e
  $V/python -m pytest "$@"
  rc=$?
  set -e
  if [ $rc -eq 5 ]; then echo "pytest: no tests collected for: $*"; rc=0; fi
  return $rc
}
# unit/app tiers on 2 pytest-xdist workers (TEST_WORKERS=0 runs them in one process). The fast
# tier steals work (its files differ tenfold in length: loadfile left one worker idle at the end,
# 63 s -> 51 s); the slow tier keeps a file on one worker, so its module fixtures (a data rebuild)
# run once.
XDIST=(-n "${TEST_WORKERS:-2}")
FAST=("${XDIST[@]}" --dist worksteal)
SLOW=("${XDIST[@]}" --dist loadfile)
if [ "${1:-}" = "--fast" ]; then
  # the quick loop: unit + app tests without the slow tier (rebuilds, hostile-URL matrix)
  echo "· fast tier: unit and app tests (not slow)"
  run_pytest -m "not e2e and not slow" "${FAST[@]}"
  echo "· fast checks passed (run without --fast for the slow tier and the browser tests)"
  exit 0
fi
echo "· unit and app tests (fast tier)"
run_pytest -m "not e2e and not slow" "${FAST[@]}"
echo "· slow tier (data rebuilds, refresh, hostile-URL matrix)"
run_pytest -m "slow and not e2e" "${SLOW[@]}"
echo "· browser tests (Playwright + Debian chromium)"
run_pytest -m e2e
echo "· all checks passed"
