#!/usr/bin/env bash
# One command: Journey B on the devstack with the offline engines, through the gateway — import throughput (a 30-entry
# ZIP and a 20-product stubbed Shopify store, entries/s), enhancement wall time per item (fix plan approved -> every
# version ready), variant wall time per source item (every image placement of six channels -> made and checked), and
# the share of derived variants that pass the placement checks (canvas size, format, minimum resolution, safe zone).
# Usage: bench/journey-b.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.pyenv/shims:$PATH"
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q -o package -DskipTests
fi
exec java -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.dev.pms=warn -Dorg.slf4j.simpleLogger.log.lambda=warn -cp journeys/target/devstack.jar dev.pms.journeys.bench.JourneyBBenchmark "$@"
