#!/usr/bin/env bash
# Start the dashboard on http://localhost:8501 (creates .venv, installs requirements, builds data if absent).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv req requirements.txt
if [ ! -f data/manifest.json ]; then
  echo "· building data snapshots from data/raw"
  .venv/bin/python -m pipeline.build
fi
# dashboard.serve = `streamlit run app.py` that never shows "Page not found" on a first deep link
exec .venv/bin/python -m dashboard.serve --server.port "${PORT:-8501}" --server.headless true "$@"
