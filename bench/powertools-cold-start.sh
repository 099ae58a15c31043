#!/usr/bin/env bash
# One command: the first call into nine functions in fresh devstack JVMs, with and without the Powertools wrapper,
# alternated in the same run (3 rounds each; give another count as the argument). Medians and ratios.
# Usage: bench/powertools-cold-start.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.pyenv/shims:$PATH"
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -cp journeys/target/devstack.jar dev.pms.journeys.bench.PowertoolsColdStartBenchmark "$@"
