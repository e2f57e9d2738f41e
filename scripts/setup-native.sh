#!/usr/bin/env bash
# Builds the N-API binding of @tensorflow/tfjs-node against the TensorFlow C++ library shipped
# in a TensorFlow wheel from PyPI (tfjs-node's own install script downloads libtensorflow from a
# host we cannot reach, and .npmrc disables install scripts anyway).
#
#   bash scripts/setup-native.sh          # idempotent; exits non-zero if the build fails
#   REPRO_TFJS_PACKAGE=tfjs-node-gpu bash scripts/setup-native.sh    # the native-gpu backend
#
# REPRO_TFJS_PACKAGE is tfjs-node (default: the CPU wheel tensorflow-cpu==2.21.0) or tfjs-node-gpu
# (the CUDA wheel tensorflow==2.21.0, plus the CUDA libraries of requirements-gpu.txt from PyPI,
# placed in deps/nvidia where the TensorFlow library's RUNPATH looks for them).
# REPRO_TF_WHEEL overrides the wheel: "name==version" or a path to a .whl file.
# Layers, fastest first:
#   1. stamp in node_modules/@tensorflow/tfjs-node/lib/napi-v8 matches -> one line, exit 0
#   2. .cache/tfjs-native/<key>/ holds the built binding + libs -> hard-link/copy them (seconds)
#   3. otherwise: wheel (cached in .cache/wheels) -> unzip -> node-gyp rebuild -> fill the cache
# A non-zero exit means "no native backend"; the harness then falls back to wasm.
#
# Integrity: the wheel's sha256 must be one pinned below (a wheel that is not, cached or fresh, is
# refused and removed); the cached build carries a SHA256SUMS of its libraries and binding, checked
# in full before it is installed (a mismatch discards the cache and rebuilds from the verified
# wheel); the installed binding's sha256 and the libraries' sizes are checked on every fast path.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PACKAGE=${REPRO_TFJS_PACKAGE:-tfjs-node}
case "$PACKAGE" in
  tfjs-node)     DEFAULT_WHEEL=tensorflow-cpu==2.21.0 ;;
  tfjs-node-gpu) DEFAULT_WHEEL=tensorflow==2.21.0 ;;
  *) echo "setup-native: REPRO_TFJS_PACKAGE='$PACKAGE' must be tfjs-node or tfjs-node-gpu" >&2; exit 2 ;;
esac
PKG=$ROOT/node_modules/@tensorflow/$PACKAGE
NAPI=8
MODDIR=$PKG/lib/napi-v$NAPI
STAMP=$MODDIR/.repro-native-stamp

# The sha256 of every file of the pinned TensorFlow wheels (requirements-native.lock, written by
# pip-compile --generate-hashes): "name==version" -> its hashes, one per line; empty if not pinned.
pinned_hashes() {
  awk -v want="$1" '
    /^[A-Za-z0-9]/ { split($1, a, "=="); name = tolower(a[1]); gsub(/[._]/, "-", name); cur = name "==" a[2] }
    /--hash=sha256:/ { if (cur == want) { h = $0; sub(/.*--hash=sha256:/, "", h); sub(/[^0-9a-f].*/, "", h); print h } }
  ' "$ROOT/requirements-native.lock"
}

log() { echo "setup-native: $*" >&2; }
die() { log "ERROR: $*"; log "the native backend is unavailable; the harness will fall back to wasm"; exit 1; }
set -E
trap 'die "unexpected failure (line $LINENO: $BASH_COMMAND)"' ERR

[ -f "$PKG/package.json" ] || die "$PKG not installed (run npm ci first)"
if [ -x "$ROOT/.venv/bin/python" ]; then PY=$ROOT/.venv/bin/python; else PY=python3; fi

SPEC=${REPRO_TF_WHEEL:-$DEFAULT_WHEEL}
case "$SPEC" in
  *.whl) [ -f "$SPEC" ] || die "REPRO_TF_WHEEL=$SPEC: no such file"
         WHEEL=$(cd "$(dirname "$SPEC")" && pwd)/$(basename "$SPEC")
         # tensorflow_cpu-2.21.0-cp311-... -> tensorflow_cpu-2.21.0
         TFID=$(basename "$SPEC" | cut -d- -f1-2) ;;
  *==*)  WHEEL=""
         TFID="${SPEC%%==*}-${SPEC##*==}" ;;
  *)     die "REPRO_TF_WHEEL='$SPEC' must be 'name==version' (e.g. tensorflow-cpu==2.21.0) or a path to a .whl" ;;
esac
TFID=$(echo "$TFID" | tr '_' '-' | tr 'A-Z' 'a-z')
read -r TFJS_VERSION NODE_ABI < <(node -p "require('$PKG/package.json').version + ' ' + process.versions.modules") ||
  true
[ -n "${NODE_ABI:-}" ] || die "could not read the tfjs-node version / node ABI with node"
KEY="$TFID-tfjs-$TFJS_VERSION-node-abi$NODE_ABI-$(uname -m)"
[ "$PACKAGE" = tfjs-node ] || KEY="$KEY-$PACKAGE"
CACHE=$ROOT/.cache/tfjs-native/$KEY
LIBS="libtensorflow_cc.so.2 libtensorflow_framework.so.2"
# The GPU build's CUDA libraries: installed once per requirements-gpu.txt, linked into deps/nvidia.
CUDA_DIR=""
if [ "$PACKAGE" = tfjs-node-gpu ]; then
  CUDA_DIR=$ROOT/.cache/cuda/$(sha256sum "$ROOT/requirements-gpu.txt" | cut -c1-16)
  KEY="$KEY-cuda-$(basename "$CUDA_DIR")"
  CACHE=$ROOT/.cache/tfjs-native/$KEY
fi

SUMS=$MODDIR/.repro-native-sha256
in_place() {
  [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$KEY" ] && [ -f "$MODDIR/tfjs_binding.node" ] && [ -f "$SUMS" ] || return 1
  local f
  for f in $LIBS libtensorflow.so.2 libtensorflow.so libtensorflow_framework.so; do
    [ -e "$PKG/deps/lib/$f" ] || return 1
  done
  # Cheap enough for every call: the binding's sha256 and each library's size, as recorded.
  [ "$(sha256sum "$MODDIR/tfjs_binding.node" | cut -d' ' -f1)" = "$(awk '$2 == "tfjs_binding.node" {print $1}' "$SUMS")" ] || return 1
  for f in $LIBS; do
    [ "$(stat -L -c %s "$PKG/deps/lib/$f")" = "$(awk -v f="$f" '$2 == "size:" f {print $1}' "$SUMS")" ] || return 1
  done
  [ -z "$CUDA_DIR" ] || [ -e "$PKG/deps/nvidia/cudnn/lib" ] || return 1
}

# pip install --target of requirements-gpu.txt (once; several GB), then deps/nvidia -> it.
place_cuda() {
  [ -n "$CUDA_DIR" ] || return 0
  if [ ! -f "$CUDA_DIR/.complete" ]; then
    log "installing the CUDA libraries of requirements-gpu.txt into ${CUDA_DIR#$ROOT/} (once; about 3.5 GB)"
    rm -rf "$CUDA_DIR" && mkdir -p "$CUDA_DIR"
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --target "$CUDA_DIR" -r "$ROOT/requirements-gpu.txt" >&2 ||
      die "pip install -r requirements-gpu.txt failed"
    [ -d "$CUDA_DIR/nvidia/cudnn/lib" ] || die "the CUDA wheels left no nvidia/cudnn/lib in $CUDA_DIR"
    touch "$CUDA_DIR/.complete"
  fi
  ln -sfn "$CUDA_DIR/nvidia" "$PKG/deps/nvidia"
}

if in_place; then
  log "native binding already in place ($KEY)"
  exit 0
fi

# Serialise concurrent runs (two test workers, a Makefile and a user, ...).
mkdir -p "$ROOT/.cache/tfjs-native"
if command -v flock >/dev/null; then
  exec 9>"$ROOT/.cache/tfjs-native/.lock"
  flock 9
fi
if in_place; then log "native binding already in place ($KEY)"; exit 0; fi

# Hard link when possible (same filesystem: instant, no extra disk), else copy.
place() { ln -f "$1" "$2" 2>/dev/null || cp -f "$1" "$2"; }

link_libs() {
  (cd "$PKG/deps/lib" &&
     ln -sfn libtensorflow_cc.so.2 libtensorflow.so.2 &&
     ln -sfn libtensorflow_cc.so.2 libtensorflow.so &&
     ln -sfn libtensorflow_framework.so.2 libtensorflow_framework.so)
}

verify() {
  log "verifying: loading @tensorflow/$PACKAGE"
  local out
  if ! out=$(cd "$ROOT" && TF_CPP_MIN_LOG_LEVEL=2 node -e "
      const tf = require('@tensorflow/$PACKAGE');
      const c = tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5], [6]])).dataSync();
      if (c[0] !== 17 || c[1] !== 39) throw new Error('wrong matmul ' + c);
      console.log('gpu=' + tf.backend().isUsingGpuDevice);
      console.log(tf.getBackend() + ' ' + (tf.backend().binding.TF_Version || '?'));" 2>&1); then
    rm -f "$STAMP"
    die "the built binding does not load: $(echo "$out" | grep -m1 -i 'error' || echo "$out" | tail -1)"
  fi
  local gpu
  gpu=$(echo "$out" | grep -m1 '^gpu=' | cut -d= -f2)
  out=$(echo "$out" | tail -1)
  [ "${out%% *}" = tensorflow ] || { rm -f "$STAMP"; die "backend is '${out%% *}', expected 'tensorflow'"; }
  log "ok: $PACKAGE, backend tensorflow, TF C library ${out#* }${CUDA_DIR:+, GPU device in use: $gpu}"
}

# The cache's SHA256SUMS (libraries, binding) checked in full; false if absent or any differs.
cache_verified() {
  [ -f "$CACHE/SHA256SUMS" ] || { log "cached build has no SHA256SUMS (older set-up): rebuilding"; return 1; }
  (cd "$CACHE" && sha256sum --quiet --check --strict SHA256SUMS >&2) || { log "cached build does not match its SHA256SUMS: discarding it and rebuilding"; return 1; }
}

# The installed build's record: sha256 of the libraries and the binding, then the libraries' sizes.
write_sums() {
  { (cd "$PKG/deps/lib" && sha256sum $LIBS); (cd "$MODDIR" && sha256sum tfjs_binding.node); } > "$SUMS"
  local f
  for f in $LIBS; do echo "$(stat -L -c %s "$PKG/deps/lib/$f") size:$f" >> "$SUMS"; done
}

install_from_cache() {
  log "installing cached build from .cache/tfjs-native/$KEY (sha256-verified)"
  rm -rf "$PKG/deps/lib" "$MODDIR"
  mkdir -p "$PKG/deps/lib" "$MODDIR"
  local f
  for f in $LIBS; do place "$CACHE/$f" "$PKG/deps/lib/$f"; done
  link_libs
  cp -f "$CACHE/tfjs_binding.node" "$MODDIR/tfjs_binding.node"
  place_cuda
  write_sums
  echo "$KEY" > "$STAMP"
}

if [ -f "$CACHE/.complete" ]; then
  if cache_verified; then
    install_from_cache
    verify
    exit 0
  fi
  rm -rf "$CACHE"
fi

# ---- cold build -------------------------------------------------------------------------------
start=$SECONDS
for tool in unzip g++ make python3; do
  command -v "$tool" >/dev/null || die "'$tool' not found (apt-get install unzip g++ make)"
done

if [ -z "$WHEEL" ]; then
  name=${SPEC%%==*}; ver=${SPEC##*==}
  pattern="$(echo "$name" | tr '-' '_')-$ver-*.whl"
  WHEEL=$(ls "$ROOT"/.cache/wheels/$pattern 2>/dev/null | head -1 || true)
  if [ -z "$WHEEL" ]; then
    log "downloading wheel $SPEC with pip (once; cached in .cache/wheels)"
    pinned=$(pinned_hashes "$(echo "${SPEC%%==*}" | tr 'A-Z_.' 'a-z--')==${SPEC##*==}" | sed 's/^/--hash=sha256:/' | tr '\n' ' ')
    [ -n "$pinned" ] || die "no sha256 is pinned for $SPEC in requirements-native.lock"
    "$PY" -m pip download --quiet --disable-pip-version-check --no-deps --require-hashes -r <(echo "$SPEC $pinned") -d "$ROOT/.cache/wheels" >&2 ||
      die "pip download $SPEC failed (or its sha256 is not one pinned in requirements-native.lock)"
    WHEEL=$(ls "$ROOT"/.cache/wheels/$pattern 2>/dev/null | head -1 || true)
    [ -n "$WHEEL" ] || die "pip did not leave a wheel matching .cache/wheels/$pattern"
  fi
fi
# The wheel, cached or fresh, must have one of the pinned hashes of its name==version (a wheel of
# your own: REPRO_TF_WHEEL_SHA256). Checked before anything is unpacked from it.
WHEEL_SPEC=$(echo "$TFID" | sed 's/-\([0-9][^-]*\)$/==\1/')
hashes=$(pinned_hashes "$WHEEL_SPEC")
[ -n "${REPRO_TF_WHEEL_SHA256:-}" ] && hashes=$REPRO_TF_WHEEL_SHA256
[ -n "$hashes" ] || die "no sha256 is pinned for $WHEEL_SPEC (requirements-native.lock; or set REPRO_TF_WHEEL_SHA256 for a wheel of your own)"
got=$(sha256sum "$WHEEL" | cut -d' ' -f1)
if ! printf '%s\n' "$hashes" | grep -qx "$got"; then
  case "$WHEEL" in "$ROOT"/.cache/wheels/*) rm -f "$WHEEL" ;; esac
  die "$(basename "$WHEEL") has sha256 $got, not one pinned for $WHEEL_SPEC in requirements-native.lock: refused (a cached copy is removed)"
fi
log "using wheel $(basename "$WHEEL") (sha256 verified against requirements-native.lock)"

STAGE=$ROOT/.cache/tfjs-native/$KEY.stage
rm -rf "$STAGE" && mkdir -p "$STAGE"
trap 'rm -rf "$STAGE"' EXIT
log "extracting libtensorflow + headers from the wheel"
unzip -q -o "$WHEEL" 'tensorflow/libtensorflow_cc.so.2' 'tensorflow/libtensorflow_framework.so.2' \
  'tensorflow/include/*' -d "$STAGE" || die "unzip of $(basename "$WHEEL") failed"
for f in $LIBS tensorflow/c/c_api.h; do
  [ -e "$STAGE/tensorflow/$f" ] || [ -e "$STAGE/tensorflow/include/$f" ] || die "wheel lacks $f"
done

rm -rf "$PKG/deps" "$MODDIR" "$PKG/build"
mkdir -p "$PKG/deps/lib"
mv "$STAGE/tensorflow/include" "$PKG/deps/include"
for f in $LIBS; do mv "$STAGE/tensorflow/$f" "$PKG/deps/lib/$f"; done
link_libs
place_cuda

GYP=""
for c in "$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js" \
         "$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js" \
         "$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js" \
         "$ROOT/node_modules/node-gyp/bin/node-gyp.js"; do
  if [ -f "$c" ]; then GYP=$c; break; fi
done
[ -n "$GYP" ] || die "node-gyp not found (it is normally bundled with npm)"

# Headers of the running node: --nodedir points at the prefix holding include/node (no download).
NODEDIR=$(node -p "require('path').resolve(process.execPath, '../..')")
[ -f "$NODEDIR/include/node/node_api.h" ] || NODEDIR=/usr
[ -f "$NODEDIR/include/node/node_api.h" ] || die "node headers (include/node/node_api.h) not found"

log "compiling the binding with node-gyp (takes a minute)"
buildlog=$ROOT/.cache/tfjs-native/$KEY.build.log
if ! (cd "$PKG" && node "$GYP" rebuild --jobs="$(nproc)" --nodedir="$NODEDIR" \
        --module_name=tfjs_binding --module_path="lib/napi-v$NAPI" --napi_build_version=$NAPI) \
        >"$buildlog" 2>&1; then
  grep -m5 -E 'error|Error' "$buildlog" >&2 || tail -20 "$buildlog" >&2
  die "node-gyp rebuild failed (full log: ${buildlog#$ROOT/})"
fi
if [ ! -f "$MODDIR/tfjs_binding.node" ]; then
  [ -f "$PKG/build/Release/tfjs_binding.node" ] || die "node-gyp produced no tfjs_binding.node"
  mkdir -p "$MODDIR" && cp -f "$PKG/build/Release/tfjs_binding.node" "$MODDIR/"
fi
rm -rf "$PKG/build"   # object files; the .node is in lib/napi-v8 and in the cache
write_sums
echo "$KEY" > "$STAMP"
verify

log "caching the build in .cache/tfjs-native/$KEY"
rm -rf "$CACHE" && mkdir -p "$CACHE"
for f in $LIBS; do place "$PKG/deps/lib/$f" "$CACHE/$f"; done
cp -f "$MODDIR/tfjs_binding.node" "$CACHE/"
grep -v ' size:' "$SUMS" > "$CACHE/SHA256SUMS"
echo "$SPEC ($(basename "$WHEEL")) tfjs-node $TFJS_VERSION node $(node -v)" > "$CACHE/.complete"
rm -f "$buildlog"
log "done in $((SECONDS - start))s"
