#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/shared/providers/target/provider-calls-bench.classpath"
mvn -B -o -q -pl shared/providers -am test-compile dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
exec java -Djava.awt.headless=true -cp "shared/providers/target/test-classes:shared/providers/target/classes:$(cat "$classpath_file")" dev.pms.providers.ProviderCallsBench "$@"
