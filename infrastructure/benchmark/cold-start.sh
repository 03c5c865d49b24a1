#!/usr/bin/env bash
# Cold-start benchmark of the Lambda functions: for each sample event of events/, a fresh JVM runs the shaded
# Lambda jar, answers the event once against the local cloud and exits; a bare JVM printing {} runs in the same
# rounds. Prints a Markdown table and writes it to infrastructure/benchmark/target/cold-start.md.
#
# Usage: infrastructure/benchmark/cold-start.sh [runs]        (default 10 measured rounds, plus one warm-up)
# Reuses the local cloud of .local/cloud.json when it answers, otherwise starts one in-process and stops it.
# Options (environment):
#   BUILD=1                 rebuild even if the jars are there (mvn -q -B -DskipTests install)
#   COLD_START_JVM_OPTS     extra JVM flags for the function JVMs (not the bare one), e.g. "-Xshare:off"
#   COLD_START_ENV          extra environment of the function JVMs, e.g. "SPRING_MAIN_LAZY_INITIALIZATION=true"
#   COLD_START_CASES        only the rows whose key contains one of these words (comma-separated)
#   COLD_START_REPORT       where to write the report instead
#   COLD_START_VARIANTS     configurations measured beside the default one, in the same rounds, separated by ';':
#                           "name: -flag NAME=value ...", or "AppCDS" for an archive of the classes loaded in the
#                           warm-up round; e.g. "AppCDS; lazy: SPRING_MAIN_LAZY_INITIALIZATION=true"
#   COLD_START_REPAIR=0     do not put back the spring.factories entries the shaded jar lacks (see the report)
#   COLD_START_CLOUD=start  always start a private local cloud, even if .local/cloud.json describes one that answers
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-10}"
jar=functions/app/target/app-0.1.0-SNAPSHOT-aws.jar
module=infrastructure/benchmark/target
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$jar" ] || [ ! -f "$module/runtime.classpath" ] \
    || [ ! -f "$module/classes/fr/plateformecitoyens/benchmark/ColdStartDriver.class" ] \
    || [ ! -f infrastructure/local/target/emulators/s3proxy.jar ]; then
  echo "Building (tests skipped)..." >&2
  mvn -q -B -DskipTests install
fi
exec java -XX:+UseSerialGC -Dproject.root="$root" \
  -cp "$module/classes:$(cat "$module/runtime.classpath")" \
  fr.plateformecitoyens.benchmark.ColdStartBenchmark "$runs"
