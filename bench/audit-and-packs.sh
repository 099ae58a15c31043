#!/usr/bin/env bash
# One command: audit throughput and memory per image (1080x1350 PNG, warm) beside plain decoding, and the
# channel-pack export time of a 40-asset campaign across 5 channels through the devstack.
# Usage: bench/audit-and-packs.sh [audits=100] [warm-pack-runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -Djava.awt.headless=true -cp journeys/target/devstack.jar dev.pms.journeys.bench.AuditAndPackBenchmark "$@"
