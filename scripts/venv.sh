#!/usr/bin/env bash
# Sourced by run.sh and test.sh: create .venv once and install the given requirement files when
# they changed (a stamp file holds their hash). Usage: ensure_venv <stamp-name> <file>...
ensure_venv() {
  local name=$1
  shift
  local py=${PYTHON:-python3}
  if [ ! -x .venv/bin/python ]; then
    echo "· creating .venv"
    "$py" -m venv .venv
  fi
  local stamp
  stamp=".venv/.${name}-$(cat "$@" | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "· installing $*"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "${@: -1}"
    touch "$stamp"
  fi
}
