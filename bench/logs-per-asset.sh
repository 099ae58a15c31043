#!/usr/bin/env bash
# One command: log lines and bytes the functions write (Lambda's JSON layout, EMF documents apart) for one generation
# run of the 40-asset campaign on the devstack, per function and per generated asset.
# Usage: bench/logs-per-asset.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.pyenv/shims:$PATH"
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -Dlog4j2.configurationFile=log4j2-devstack.xml -cp journeys/target/devstack.jar \
  dev.pms.journeys.bench.LogsPerAssetBenchmark "$@"
