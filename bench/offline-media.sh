#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -o -q -pl journeys -am package -DskipTests
fi
exec java -Djava.awt.headless=true -cp journeys/target/devstack.jar dev.pms.journeys.bench.OfflineMediaBench "$@"
