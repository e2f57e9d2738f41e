#!/usr/bin/env bash
# Creates the project venv with the pinned Python tools (DVC, numpy, the data wheels).
# Installs exactly requirements.lock (requirements.txt's pins and all their dependencies, each with
# its sha256): `--require-hashes` refuses any file whose hash is not in the lock, and `--no-deps`
# keeps pip from adding anything the lock does not name.
# Idempotent: a stamp holding the hash of both files skips the work when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.venv/.requirements.sha256
want=$(cat requirements.txt requirements.lock | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x .venv/bin/dvc ]; then
  exit 0
fi
# The lock must cover every pin of requirements.txt at the same version (a stale lock is an error).
while read -r pin; do
  grep -qix "$(printf '%s' "$pin" | sed 's/[._]/[-._]/g') \\\\" requirements.lock ||
    { echo "setup: requirements.lock does not pin '$pin' of requirements.txt: run 'bash scripts/lock-python.sh'" >&2; exit 1; }
done < <(sed 's/#.*//' requirements.txt | grep -o '^[A-Za-z0-9._-]*==[^ ]*')
echo "setup: installing into .venv: $(sed 's/#.*//' requirements.txt | grep -o '^[A-Za-z0-9._-]*==[^ ]*' | tr '\n' ' ')and their $(grep -c '^[A-Za-z0-9]' requirements.lock)-package hash-locked closure" >&2
[ -x .venv/bin/python ] || python3 -m venv .venv
# pip.conf here may list local mirrors that do not exist; their warnings are noise.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock 2>&1 | { grep -v "is ignored: it is neither" || true; } >&2
.venv/bin/python -m pip check >&2 || { echo "setup: the locked set is inconsistent (pip check above): regenerate requirements.lock" >&2; exit 1; }
echo "$want" > "$stamp"
