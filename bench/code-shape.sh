#!/usr/bin/env bash
# Code-shape figures (largest class, longest method, JSON in core signatures, record widths, DynamoDB adapter lines,
# duplicates pairs that are not boilerplate). Needs python3; the duplicates line needs the team's `duplicates` tool.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v duplicates >/dev/null; then exec python3 bench/code-shape.py "$@"; fi
exec python3 bench/code-shape.py --no-duplicates "$@"
