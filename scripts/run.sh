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
exec .venv/bin/streamlit run app.py --server.port "${PORT:-8501}" --server.headless true "$@"
