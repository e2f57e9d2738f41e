#!/usr/bin/env bash
# Print REPRODUCE.md's "Paper profiles" table from published/paper/*/ and expected.json.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node --import tsx harness/src/published/cli.ts table
