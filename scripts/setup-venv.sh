#!/usr/bin/env bash
# Creates the project venv with the pinned Python tools (DVC, numpy for benchmarks).
# Idempotent: a stamp holding requirements.txt's hash skips the work when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.venv/.requirements.sha256
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x .venv/bin/dvc ]; then
  exit 0
fi
echo "setup: installing into .venv: $(tr '\n' ' ' < requirements.txt | sed 's/#[^=]*$//' | grep -o '[a-z-]*==[0-9.]*' | tr '\n' ' ')" >&2
[ -x .venv/bin/python ] || python3 -m venv .venv
# pip.conf here may list local mirrors that do not exist; their warnings are noise.
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt 2>&1 | { grep -v "is ignored: it is neither" || true; } >&2
echo "$want" > "$stamp"
