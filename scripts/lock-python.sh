#!/usr/bin/env bash
# Regenerates requirements.lock from requirements.txt: every package of the venv's closure pinned,
# with the sha256 of each of its files, using pip's own tooling (pip-compile --generate-hashes) in
# a throwaway venv. Versions are held to those of the current .venv when it exists, so a re-lock
# changes hashes only when requirements.txt changes. Needs the package index (run by a maintainer,
# never at run time); review the diff, then commit it with the change to requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check 'pip-tools==7.7.0'
constraints=()
if [ -x .venv/bin/python ]; then
  .venv/bin/python -m pip freeze --exclude-editable > "$tmp/in-use.txt"
  constraints=(--constraint "$tmp/in-use.txt")
fi
cp requirements.txt "$tmp/requirements.txt"
(cd "$tmp" && "$tmp/venv/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras \
   --no-emit-index-url --no-emit-trusted-host --no-emit-find-links "${constraints[@]}" \
   --output-file "$tmp/requirements.lock" requirements.txt)
{
  sed -n '1,6p' requirements.lock
  sed -e '/^#/d' -e "/#   -c .*in-use.txt/d" "$tmp/requirements.lock" | sed '1{/^$/d}'
} > "$tmp/out" && mv "$tmp/out" requirements.lock
echo "lock-python: wrote requirements.lock ($(grep -c '^[A-Za-z0-9]' requirements.lock) packages, $(grep -c 'hash=sha256' requirements.lock) hashes)" >&2
