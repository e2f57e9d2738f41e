#!/usr/bin/env bash
# Debian's Chromium for the report's browser test (playwright-core drives it; no browser download).
# Idempotent: does nothing when /usr/bin/chromium is there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "setup: installing Debian's chromium for the browser test" >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
