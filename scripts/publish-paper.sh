#!/usr/bin/env bash
# Publish a finished paper-profile run: copies its verdicts.json, metrics.json, provenance.json and
# run-facts.json (no series/) into published/paper/<id>/, refusing a run that is not the `paper`
# profile or is incomplete (the error names the file). Usage: scripts/publish-paper.sh <id> [--from DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
exec node --import tsx harness/src/published/cli.ts publish "$@"
