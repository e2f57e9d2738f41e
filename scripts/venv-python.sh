#!/usr/bin/env bash
# The project venv's python, found from any folder inside the checkout. `dvc exp run --queue`
# runs stages in a temporary copy under .dvc/tmp/exps/ holding only committed files, so it has no
# .venv of its own: the nearest .venv up the tree is used, the way Node finds node_modules.
dir=$PWD
while [ "$dir" != / ]; do
  if [ -x "$dir/.venv/bin/python" ]; then exec "$dir/.venv/bin/python" "$@"; fi
  dir=$(dirname "$dir")
done
echo "venv-python: no .venv/bin/python in $PWD or any folder above it; run 'make setup' first" >&2
exit 127
