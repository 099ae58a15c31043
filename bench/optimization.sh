#!/usr/bin/env bash
# One command: one scheduled optimisation run over N active campaigns (default 1,000) of 40 assets with a week of
# metrics each, on the devstack: wall time, DynamoDB read/write units, Lambda GB-seconds and their list price, beside
# a baseline (paging the active-campaign index alone) measured in the same run.
# Usage: bench/optimization.sh [campaigns=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
for shims in "${PYENV_ROOT:-$HOME/.pyenv}/shims" /root/.pyenv/shims; do
  if [ -d "$shims" ]; then PATH="$PATH:$shims"; fi
done
export PATH
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -cp journeys/target/devstack.jar dev.pms.journeys.bench.OptimizationBenchmark "$@"
