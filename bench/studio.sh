#!/usr/bin/env bash
# One command: what a product-studio user waits for on each studio route (offline engines, through the gateway),
# median of N (default 10) after one warm-up, with the bytes each result takes in the asset library, beside one
# warm GET /templates measured in the same run.
# Usage: bench/studio.sh [runs=10]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.pyenv/shims:$PATH"
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp journeys/target/devstack.jar dev.pms.journeys.bench.StudioBenchmark "$@"
