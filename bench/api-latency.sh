#!/usr/bin/env bash
# One command: devstack start-to-ready, cold vs warm requests through the gateway, 40-node pre-flight.
# Usage: bench/api-latency.sh [warm-requests=100] [preflight-requests=50]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -cp journeys/target/devstack.jar dev.pms.journeys.bench.ApiLatencyBenchmark "$@"
