#!/usr/bin/env bash
# Step Functions benchmark: our engine beside moto_server, in one run.
# Usage: bench/stepfunctions.sh [--runs N] [--moto-runs N] [--latency-samples N]
set -euo pipefail
cd "$(dirname "$0")/.."

jar=journeys/target/devstack.jar
if [ ! -f "$jar" ] || [ ! -d journeys/target/lib ] || [ -n "$(find devstack journeys -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then
  echo "building the journeys jar (mvn -o -pl journeys -am package -DskipTests)..." >&2
  mvn -B -o -q -pl journeys -am package -DskipTests
fi

mkdir -p bench/results
out="bench/results/stepfunctions-$(date -u +%Y%m%dT%H%M%SZ).txt"
java -cp "$jar" dev.pms.journeys.bench.StepFunctionsBenchmark \
  --moto-launcher devstack/stepfunctions/src/test/resources/moto_sfn_launcher.py "$@" | tee "$out"
echo "(saved to $out)" >&2
