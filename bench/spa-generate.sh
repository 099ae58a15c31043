#!/usr/bin/env bash
# One command: what an SPA user waits for after clicking Generate on a proposal (POST /assets/generate on
# /api/campaign-creator until GET /campaigns/{id} shows the node ready), text and image on the offline engines,
# median of N (default 10) beside one warm poll measured in the same run.
# Usage: bench/spa-generate.sh [runs=10]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.pyenv/shims:$PATH"
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp journeys/target/devstack.jar dev.pms.journeys.bench.SpaGenerateBenchmark "$@"
