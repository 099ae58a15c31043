#!/usr/bin/env bash
# One command: a 40-asset campaign generated on the devstack (offline providers at 1 s latency, concurrency 8)
# against the sequential and 8-thread baselines measured in the same run; AWS operations per asset, priced.
# With argument 400: ten such campaigns at once at concurrency 32 (400 assets). Status reads are timed during the run.
# Usage: bench/generation.sh [400]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.pyenv/shims:$PATH"
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -cp journeys/target/devstack.jar dev.pms.journeys.bench.GenerationBenchmark "$@"
