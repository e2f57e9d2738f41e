#!/usr/bin/env bash
# Builds harness/native/build/pump.node: the event-loop pump behind the webgpu backend's synchronous
# reads (see harness/native/pump.c). One C file against Node's N-API and libuv headers, no node-gyp;
# N-API 8, so one build loads in any Node 20+. Idempotent: rebuilds only when pump.c is newer.
#   bash scripts/build-pump.sh        # NODE_INCLUDE=/path/to/include/node overrides the headers
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=harness/native/pump.c
OUT=harness/native/build/pump.node
if [ -f "$OUT" ] && [ "$OUT" -nt "$SRC" ]; then exit 0; fi
INC=${NODE_INCLUDE:-}
if [ -z "$INC" ]; then
  for c in "$(dirname "$(readlink -f "$(command -v node)")")/../include/node" /usr/include/node /usr/local/include/node; do
    if [ -f "$c/node_api.h" ] && [ -f "$c/uv.h" ]; then INC=$c; break; fi
  done
fi
[ -n "$INC" ] || { echo "build-pump: no Node headers (node_api.h, uv.h) found; set NODE_INCLUDE" >&2; exit 1; }
CC=${CC:-cc}
mkdir -p "$(dirname "$OUT")"
"$CC" -O2 -shared -fPIC -DNAPI_VERSION=8 -DNODE_GYP_MODULE_NAME=pump -I"$INC" -o "$OUT.tmp" "$SRC"
mv "$OUT.tmp" "$OUT"
echo "build-pump: built $OUT" >&2
