#!/usr/bin/env bash
# One command: the 40-asset campaign and the same brief with 25 A/B variants of each deliverable (1,000 nodes) created,
# quoted, read, listed, proposed, approved and generated on the devstack: step times, the largest stored item, DynamoDB
# write units per node move (against one whole-campaign item) and DynamoDB's price per 1,000 generated assets.
# Usage: bench/campaign-scale.sh [--only=40|1000] [--latency-ms=N (offline provider latency, default 100)]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.pyenv/shims:$PATH"
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -cp journeys/target/devstack.jar dev.pms.journeys.bench.CampaignScaleBenchmark "$@"
