#!/usr/bin/env bash
# One command: personalization on N simulated users (default 200) with planted preferences and a fixed seed (default
# 20261203, held out from tuning): the share of planted preferences the defaults recover after 5, 10 and 20 events
# against the DNA-only baseline of the same run, and the median latency recording a signal adds to the request path.
# Usage: bench/personalization.sh [users=200] [seed=20261203]
set -euo pipefail
cd "$(dirname "$0")/.."
for shims in "${PYENV_ROOT:-$HOME/.pyenv}/shims" /root/.pyenv/shims; do
  if [ -d "$shims" ]; then PATH="$PATH:$shims"; fi
done
export PATH
if [ ! -f journeys/target/devstack.jar ] || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
exec java -cp journeys/target/devstack.jar dev.pms.journeys.bench.PersonalizationBenchmark "$@"
