#!/usr/bin/env bash
# Builds the project (tests skipped) and starts the whole platform locally: the emulators, the resources
# of template.yaml, the functions behind one HTTP port, the portal, the back-office and demo data.
# Ctrl-C stops everything. Options: PORT=9090 to use another port, SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
for tool in java mvn node npm; do
  command -v "$tool" >/dev/null || { echo "Missing '$tool': install JDK 17+, Maven 3.8+ and Node.js 20+." >&2; exit 1; }
done
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f infrastructure/local/target/runtime.classpath ]; then
  echo "Building (tests skipped)..."
  mvn -q -B -DskipTests install
fi
exec java -XX:+UseSerialGC -Dproject.root="$root" -Dport="${PORT:-8080}" \
  -cp "infrastructure/local/target/classes:$(cat infrastructure/local/target/runtime.classpath)" \
  fr.plateformecitoyens.local.LocalCloud
