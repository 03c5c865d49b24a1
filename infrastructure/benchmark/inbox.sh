#!/usr/bin/env bash
# Inbox benchmark: loads 10,000 then 100,000 requests across ten tenants straight into the table of a private local
# cloud (BatchWriteItem through the store's item mapping), and measures through the local gateway the first and next
# page of an inbox and of two filtered views at each size, then submissions and transitions (p50/p95/p99); and the
# DynamoDB calls and capacity units of each, as the emulator reports them and by DynamoDB's rules (the booking
# benchmark's meter). Prints a Markdown report and writes it to infrastructure/benchmark/target/inbox.md.
#
# Usage: infrastructure/benchmark/inbox.sh [samples]     (default 300 of each operation)
# Options (environment): BUILD=1 (recompile first), INBOX_SMALL (default 10000), INBOX_LARGE (default 100000),
# BOOKINGS_JVM_OPTS (JVM flags). It always starts its own local cloud and stops it at the end.
set -euo pipefail
BENCH_MAIN=fr.plateformecitoyens.benchmark.bookings.InboxBenchmark exec "$(dirname "$0")/bookings.sh" "$@"
