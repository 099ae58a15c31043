#!/usr/bin/env bash
# One command: every function of template.yaml started as Lambda starts it (its own JVM, the AWS Lambda Runtime
# Interface Client, its deployment jar) against a local Runtime API and a devstack's endpoints: INIT and first-invoke
# medians against a bare SDK handler measured in the same run, and the classes loaded during the first invoke without
# and with SnapStart priming (CRaC beforeCheckpoint hooks).
# Usage: bench/cold-start.sh [runs per function, default 3] [LogicalId ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.pyenv/shims:$PATH"
if [ ! -f journeys/target/devstack.jar ] || [ ! -f functions/create-blueprint/target/create-blueprint-lambda.jar ] \
    || [ -n "$(find shared functions devstack journeys -name '*.java' -newer functions/create-blueprint/target/create-blueprint-lambda.jar -print -quit)" ] \
    || [ -n "$(find shared functions devstack journeys -name '*.java' -newer journeys/target/devstack.jar -print -quit)" ]; then
  mvn -B -q package -Pdeploy -DskipTests
fi
exec java -cp journeys/target/devstack.jar dev.pms.journeys.bench.ColdStartBenchmark "$@"
