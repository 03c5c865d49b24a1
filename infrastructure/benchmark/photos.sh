#!/usr/bin/env bash
# Photo processing benchmark: a 12-megapixel phone JPEG (4000 × 3000, noise and gradients, EXIF orientation 6 and
# GPS) through PhotoProcessingFunction's handler, in a JVM sized for the function's MemorySize (-XX:MaxRAM and -Xmx,
# as on Lambda) with the template's JAVA_TOOL_OPTIONS: p50/p95 of the handler call (download, checks, decoding,
# re-encoding, uploads, item update, deletion of the original) and the peak heap. Prints a Markdown report and writes it to
# infrastructure/benchmark/target/photos.md.
#
# Usage: infrastructure/benchmark/photos.sh [runs]     (default 20, after 3 warm-up runs)
# Starts the emulators in-process with a private state directory, provisions template.yaml on them (no queue
# worker runs, so only the measured JVM processes photos), and stops everything at the end.
# Options (environment):
#   BUILD=1           recompile the modules it needs first (otherwise it reuses the last compilation)
#   PHOTOS_WARMUP     warm-up runs (default 3)
#   PHOTOS_MEMORY_MB  measure as if the function's MemorySize were this (MaxRAM and -Xmx)
#   PHOTOS_JVM_OPTS   extra flags for the measured JVM
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-20}"
module=infrastructure/benchmark/target
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$module/photos.classpath" ] \
    || [ ! -f infrastructure/local/target/emulators/s3proxy.jar ]; then
  echo "Compiling the benchmark and the modules it runs (tests skipped)..." >&2
  # test-compile: the photo is made by the media module's test fixtures, reached in the reactor.
  mvn -q -B -DskipTests -pl infrastructure/benchmark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/photos.classpath -Dmdep.includeScope=runtime
fi
exec java -XX:+UseSerialGC -Dproject.root="$root" \
  -cp "$root/$module/classes:$(cat "$module/photos.classpath")" \
  fr.plateformecitoyens.benchmark.PhotoBenchmark "$runs"
