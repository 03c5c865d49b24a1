#!/usr/bin/env bash
# Booking benchmark: through the local gateway, one request at a time, the availability of passeports-cni over
# four weeks, bookings of distinct free slots by distinct citizens, and their cancellations (p50/p95/p99 of each);
# then the DynamoDB calls and capacity units of each operation, counted behind the gateway, after it (what the
# events cause) and in the use cases run in-process, as the emulator reports them and by DynamoDB's rules.
# Prints a Markdown report and writes it to infrastructure/benchmark/target/bookings.md.
#
# Usage: infrastructure/benchmark/bookings.sh [samples]     (default 300 of each operation)
# Reuses the local cloud of .local/cloud.json when its gateway answers (then only the in-process use cases can be
# counted), otherwise starts one in-process with a private state directory and stops it at the end.
# Every booking it makes is cancelled before it ends.
# Options (environment):
#   BUILD=1               recompile the modules it needs first (otherwise it runs the copy of their classes it took
#                         when it last compiled them)
#   BOOKINGS_CLOUD=start  always start a private local cloud, even if .local/cloud.json describes one that answers
#   BOOKINGS_WARMUP       warm-up availability requests (default 100; half as many bookings and cancellations)
#   BOOKINGS_ACCOUNTED    operations of each kind whose DynamoDB calls are counted (default 20)
#   BOOKINGS_REPORT       where to write the report instead
#   BOOKINGS_JVM_OPTS     extra JVM flags (default: those of infrastructure/local/start.sh, -XX:+UseSerialGC)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
samples="${1:-300}"
module=infrastructure/benchmark/target
snapshot="$module/bookings-runtime"
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$snapshot/classpath" ] \
    || [ ! -f infrastructure/local/target/emulators/s3proxy.jar ]; then
  echo "Compiling the benchmark and the modules it runs (tests skipped)..." >&2
  # Compiled in one reactor, so that the code measured is the working tree's and nothing is installed in the
  # local repository; the class path then names the modules' target/classes.
  mvn -q -B -DskipTests -pl infrastructure/benchmark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bookings.classpath -Dmdep.includeScope=runtime
  # Others rebuild those directories while working: run on a copy taken now.
  rm -rf "$snapshot"
  mkdir -p "$snapshot"
  entries=()
  IFS=: read -r -a listed < "$module/bookings.classpath" || true  # the file has no final newline
  for entry in "$root/$module/classes" "${listed[@]}"; do
    if [ -d "$entry" ]; then
      copy="$snapshot/$(echo "${entry#"$root"/}" | tr '/' '_')"
      cp -R "$entry" "$copy"
      entry="$root/$copy"
    fi
    entries+=("$entry")
  done
  (IFS=:; echo "${entries[*]}") > "$snapshot/classpath"
  commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(git status --porcelain -- functions infrastructure/local/src/main template.yaml 2>/dev/null)" ]; then
    commit="$commit with uncommitted changes in the functions, the local cloud or template.yaml"
  fi
  echo "$commit (compiled $(date -u +%Y-%m-%dT%H:%MZ))" > "$snapshot/commit"
fi
# The SDK puts the interceptors listed in this resource on every client it builds: the meter then sees the calls of
# the functions behind the gateway too. Only this script's class path has it (it stays out of target/classes).
hooks="$module/bookings-sdk-hooks"
mkdir -p "$hooks/software/amazon/awssdk/global/handlers"
echo fr.plateformecitoyens.benchmark.bookings.DynamoMeter \
  > "$hooks/software/amazon/awssdk/global/handlers/execution.interceptors"
# shellcheck disable=SC2086
exec java ${BOOKINGS_JVM_OPTS:--XX:+UseSerialGC} -Djdk.httpclient.keepalive.timeout=10 \
  -Dproject.root="$root" -Dbench.commit="$(cat "$snapshot/commit")" \
  -cp "$hooks:$(cat "$snapshot/classpath")" \
  "${BENCH_MAIN:-fr.plateformecitoyens.benchmark.bookings.BookingBenchmark}" "$samples"
