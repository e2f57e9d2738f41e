#!/usr/bin/env bash
# Mesa's software Vulkan driver (lavapipe) and the Vulkan loader, from Debian's packages, so that
# the webgpu backend (Dawn through the `webgpu` npm package) can be tested on a machine without a
# GPU. Dawn refuses the Vulkan driver of Debian 12's stock Mesa 22.3.6 (it lacks
# shaderUniformBufferArrayDynamicIndexing & co.); the distribution's backports suite carries a
# Mesa that works (25.x, which needs the backports' libdrm too).
#
#   bash scripts/setup-webgpu.sh     # idempotent: a second run checks two package versions and exits
#
# The backports suite is added under the host and keyring of the machine's own Debian source
# (read from /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list): no host is named here.
# A non-zero exit means "no software adapter": the webgpu tests then skip, saying why.
set -euo pipefail

log() { echo "setup-webgpu: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Oldest Mesa whose lavapipe Dawn accepts (22.3.6 is refused; 25.0.7 is what was tested).
MIN_MESA_MAJOR=23

mesa_major() { dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null | sed -E 's/^([0-9]+:)?([0-9]+).*/\2/'; }
installed_ok() {
  local v
  v=$(mesa_major || true)
  [ -n "$v" ] && [ "$v" -ge "$MIN_MESA_MAJOR" ] && dpkg-query -W -f='${Status}' libvulkan1 2>/dev/null | grep -q 'ok installed'
}

# Layer 1: already there (the common case; two dpkg-query calls).
if installed_ok; then exit 0; fi

command -v apt-get >/dev/null 2>&1 || die "no apt-get: install Mesa >= $MIN_MESA_MAJOR's Vulkan driver (lavapipe) and the Vulkan loader by hand"
[ -r /etc/os-release ] || die "/etc/os-release missing: cannot tell the Debian release"
# shellcheck disable=SC1091
. /etc/os-release
[ "${ID:-}" = debian ] || die "this script knows Debian only (ID=${ID:-unset}); install Mesa >= $MIN_MESA_MAJOR's lavapipe and libvulkan1 by hand"
CODENAME=${VERSION_CODENAME:-}
[ -n "$CODENAME" ] || die "VERSION_CODENAME is not set in /etc/os-release"
BACKPORTS=$CODENAME-backports
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi

# The machine's Debian mirror and keyring: the first source whose suites include $CODENAME.
read_source() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v want="$CODENAME" '
      /^[[:space:]]*$/ { if (uris != "" && hit) { print uris "\t" key; exit } uris=""; key=""; hit=0; next }
      /^URIs:/ { uris=$2 }
      /^Signed-By:/ { key=$2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == want) hit=1 }
      END { if (uris != "" && hit) print uris "\t" key }' "$f" | head -n1
  done
  if [ -f /etc/apt/sources.list ]; then
    awk -v want="$CODENAME" '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i == want && $(i-1) ~ /^[a-z]+:/) { print $(i-1) "\t"; exit } }' /etc/apt/sources.list
  fi
}
SOURCE=$(read_source | head -n1)
MIRROR=$(printf '%s' "$SOURCE" | cut -f1)
KEYRING=$(printf '%s' "$SOURCE" | cut -f2)
[ -n "$MIRROR" ] || die "found no apt source for suite '$CODENAME' in /etc/apt/sources.list{,.d/*.sources}"

LIST=/etc/apt/sources.list.d/repro-backports.sources
if ! grep -qs "Suites: $BACKPORTS" /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null; then
  log "adding the $BACKPORTS suite of $MIRROR as $LIST"
  {
    echo "# Added by paper-repro's scripts/setup-webgpu.sh (Mesa's lavapipe for the webgpu tests)."
    echo "Types: deb"
    echo "URIs: $MIRROR"
    echo "Suites: $BACKPORTS"
    echo "Components: main"
    [ -z "$KEYRING" ] || echo "Signed-By: $KEYRING"
  } | $SUDO tee "$LIST" >/dev/null
fi

log "installing mesa-vulkan-drivers and libvulkan1 from $BACKPORTS (Dawn refuses the stock Mesa's lavapipe)"
$SUDO apt-get update -qq
# -t makes the backports versions the candidates for this install: Mesa and the libdrm it needs.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends -t "$BACKPORTS" \
  mesa-vulkan-drivers libvulkan1 >/dev/null
installed_ok || die "mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null || echo '(none)') is installed; need Mesa >= $MIN_MESA_MAJOR"
log "lavapipe from mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers) installed"
