#!/usr/bin/env bash
# Builds what the comparison needs with Maven, then runs dev.weft.bench.Compare in one JVM, with
# weft's jars on the module path as users run them. Prints one JSON object per line on stdout
# (progress on stderr), then a summary line.
#
#   benchmarks/compare.sh            full run (a few minutes on 2 cores)
#   benchmarks/compare.sh --quick    under a minute, same lines, smaller counts
#   benchmarks/compare.sh --soak     10^7 calls, heap after GC every 10^6, and the slope (not for CI)
#   benchmarks/compare.sh --no-build ...   skip Maven when target/ is already built
# Other options go to Compare: --workers N, --calls N, --soak-calls N.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

build=true
args=()
for arg in "$@"; do
  if [[ "$arg" == "--no-build" ]]; then build=false; else args+=("$arg"); fi
done

if $build; then
  echo "compare.sh: building with Maven (tests skipped)..." >&2
  cd "$root"
  # The reactor builds the API, core and plugins the benchmarks depend on.
  mvn -B -q -pl benchmarks -am package -DskipTests >&2
fi

target="$here/target"
if [[ ! -d "$target/modules" || ! -d "$target/classes" ]]; then
  echo "compare.sh: $target is not built; run without --no-build" >&2
  exit 1
fi

# A fixed heap, so the memory figures do not depend on how far the heap happened to grow, touched
# up front: on this kind of VM the first touch of each heap page is a costly fault, which would
# charge whichever load allocates more for warming the heap rather than for its own work.
exec java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -p "$target/modules" --add-modules ALL-MODULE-PATH -cp "$target/classes" \
  dev.weft.bench.Compare ${args[@]+"${args[@]}"}
