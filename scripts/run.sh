#!/usr/bin/env bash
# Start the dashboard on http://localhost:8501 (creates .venv, installs requirements, builds data if absent).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "· creating .venv"
  "$PY" -m venv .venv
fi
stamp=".venv/.req-$(sha256sum requirements.txt | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "· installing requirements.txt"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  touch "$stamp"
fi
if [ ! -f data/manifest.json ]; then
  echo "· building data snapshots from data/raw"
  .venv/bin/python -m pipeline.build
fi
exec .venv/bin/streamlit run app.py --server.port "${PORT:-8501}" --server.headless true "$@"
