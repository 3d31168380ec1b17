#!/usr/bin/env bash
# The differential soundness walk (issue 24, item 7; codegen/core/src/test/java/dev/cairn/walk):
# seeded random steps of what users do, through every front end, each compared with a run from
# zero on a clean copy. One walk per seed, one after the other.
#
#   bench/walk.sh STEPS SEED...      e.g. bench/walk.sh 250 1 2 3 4 5 6 7 8
#
# Compiles codegen/core's tests once (offline), copies the classes aside (a later build in this
# work tree does not change a walk under way), runs dev.cairn.walk.WalkMain per seed, and appends
# its lines to bench/results/walk.log (or $WALK_LOG); the last line per seed is its summary. Exit code 3 when any
# walk diverged.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
(( $# >= 2 )) || { echo "usage: bench/walk.sh STEPS SEED..." >&2; exit 1; }
steps=$1; shift
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-walk-classes-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$root/mvnw" -B -q -o -f "$root/pom.xml" -pl codegen/core test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=test >/dev/null
cp -r "$root/codegen/core/target/classes" "$work/classes"
cp -r "$root/codegen/core/target/test-classes" "$work/test-classes"
cp="$work/test-classes:$work/classes:$(cat "$work/deps.txt")"
log=${WALK_LOG:-$here/results/walk.log}
status=0
for seed in "$@"; do
  echo "== $(date -u +%FT%TZ) seed $seed, $steps steps" >>"$log"
  "$JAVA_HOME/bin/java" -cp "$cp" -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
    dev.cairn.walk.WalkMain "$seed" "$steps" >>"$log" 2>&1 || status=$?
  grep '^walk seed '"$seed"':' "$log" | tail -1 || echo "seed $seed: no summary (exit $status), see $log"
done
exit "$status"
