#!/usr/bin/env bash
# "Add one migration, regenerate" on the tracker chain, through Maven on every side:
#   ours: a project that uses the installed cairn-maven-plugin, as it comes (`mvn generate-sources`:
#         lock, lint, snapshot + the new migration on a throwaway PostgreSQL, jOOQ classes). From
#         the warm-up round on, the project's warm engine (its daemon) runs the generate, on the
#         server it started ahead after the run before;
#   off:  the same with <daemon>off</daemon>: every generate in Maven's own JVM (a project of its
#         own, on its own copy of the folders);
#   peer: the incremental loop teams wire by hand: a persistent development database, where
#         flyway-maven-plugin applies only the new migration, then jooq-codegen-maven regenerates
#         from it (`mvn generate-sources`, both plugins bound to it).
# Each round adds one new migration (its own table) to every copy, then runs the three in a rotating
# order. Same MAVEN_OPTS, all offline after a warm-up.
#
#   bench/loop-vs-peer.sh [N]   (N rounds after one warm-up round, default 7)
#
# Needs the plugin the ITs installed (codegen/maven-plugin/target/local-repo: run
# `./mvnw -pl codegen/maven-plugin -am verify -Dinvoker.test=minimal` first). The first run downloads
# flyway-maven-plugin from Maven Central. Writes bench/results/loop-vs-peer.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
n=${1:-7}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS="-XX:TieredStopAtLevel=1"
java=$JAVA_HOME/bin/java
. "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench-peer-XXXXXX")
hold_pid=""
cleanup() {
  # daemon=stop: ours's warm engine (and the server it started ahead) ends before the folders go
  [[ -f $work/ours/pom.xml ]] && { ours -o -q generate-sources -Dcairn.daemon=stop >/dev/null 2>&1 || true; }
  [[ -n $hold_pid ]] && { exec 7>&-; wait "$hold_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
[[ -n ${BENCH_KEEP:-} ]] && trap - EXIT
installed_plugin "$work"

# The tracker's migrations, copied: each round adds to them.
mig=$work/db/migration data=$work/db/data
mkdir -p "$mig" "$data"
cp "$root"/schema/src/main/resources/db/migration/*.sql "$mig/"
cp "$root"/schema/src/main/resources/db/data/*.sql "$data/"
# Its lock (the released migrations) and undo scripts come along, as in the sample's own build.
cp "$root"/schema/src/main/resources/db/migrations.lock "$work/db/"
cp -r "$root"/schema/src/main/resources/db/undo "$work/db/undo"
locations="filesystem:$mig,filesystem:$data"

# ---- ours: a team's project with the plugin (and the same with the daemon off, on its own copy) ----
cp -r "$work/db" "$work/odb"
project_pom() {
  local db=$1 snapshots=$2 daemon=$3
  cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>ours</artifactId>
  <version>1</version>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.cairn</groupId>
        <artifactId>cairn-maven-plugin</artifactId>
        <version>$version</version>
        <executions><execution><goals><goal>generate</goal></goals></execution></executions>
        <configuration>
          <locations><location>filesystem:$db/migration</location><location>filesystem:$db/data</location></locations>
          <packageName>dev.trackerdb.generated</packageName>
          <undoLocation>$db/undo</undoLocation>
          <lint>not-idempotent=error,data-change=error,file-name-style=error</lint>
          <snapshotCache>$snapshots</snapshotCache>
          <daemon>$daemon</daemon>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
XML
}
mkdir -p "$work/ours" "$work/off"
project_pom "$work/db" "$work/snapshots" 30m >"$work/ours/pom.xml"
project_pom "$work/odb" "$work/off-snapshots" off >"$work/off/pom.xml"
ours() { "$root/mvnw" -B -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/ours/pom.xml" "$@"; }
off() { "$root/mvnw" -B -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/off/pom.xml" "$@"; }

# ---- peer: a development database that lives across runs ----
mkfifo "$work/hold.in"
cp_=$("$root/mvnw" -q -B -o -pl codegen/core dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime 2>/dev/null | tail -1)
"$java" -cp "$root/codegen/core/target/classes:$cp_" "$here/java/HoldPostgres.java" dev <"$work/hold.in" >"$work/hold.out" 2>&1 &
hold_pid=$!
exec 7>"$work/hold.in"
for _ in $(seq 1 240); do grep -q '^URL' "$work/hold.out" && break; sleep 0.5; done
grep -q '^URL' "$work/hold.out" || { cat "$work/hold.out" >&2; exit 1; }
url=$(awk '/^URL/{print $2}' "$work/hold.out"); url=${url%/*}/dev
PEER_DB_USER=$(awk '/^USER/{print $2}' "$work/hold.out"); PEER_DB_PASSWORD=$(awk '/^PASSWORD/{print $2}' "$work/hold.out")
export PEER_DB_USER PEER_DB_PASSWORD
FLYWAY_PLUGIN_VERSION=13.12.2 JOOQ_VERSION=$jooq "$here/peer-project.sh" flyway-jooq "$work/peer" "$work/peer/out" "$url" "$locations"
peer() { "$root/mvnw" -B -f "$work/peer/pom.xml" "$@"; }

# Warm-up (not counted): plugins resolved, the dev database at the current head, snapshots of it.
ours generate-sources >"$work/ours.log" 2>&1 || { cat "$work/ours.log" >&2; exit 1; }
off generate-sources >"$work/off.log" 2>&1 || { cat "$work/off.log" >&2; exit 1; }
peer generate-sources >"$work/peer.log" 2>&1 || { cat "$work/peer.log" >&2; exit 1; }

stage() { grep -E "^(\[INFO\] )?$1 " "$work/$2.log" | tail -1 | awk '{print $(NF-1)}'; }
declare -a ow pw fw ot ft
v=59
for ((i = 0; i <= n; i++)); do
  v=$((v + 1))
  sql=$(printf 'CREATE TABLE IF NOT EXISTS bench_loop_%s (id bigint PRIMARY KEY, note text);' "$v")
  echo "$sql" >"$mig/V${v}__bench_loop_$v.sql"
  echo "$sql" >"$work/odb/migration/V${v}__bench_loop_$v.sql"
  case $((i % 3)) in 0) order="ours off peer" ;; 1) order="off peer ours" ;; *) order="peer ours off" ;; esac
  for side in $order; do
    t0=$(now)
    "$side" -o generate-sources >"$work/$side.log" 2>&1 || { cat "$work/$side.log" >&2; exit 1; }
    t1=$(now)
    ((i == 0)) && continue
    case $side in
      ours) ow+=("$(echo "$t1 - $t0" | bc)"); ot+=("$(stage total ours)") ;;
      off) fw+=("$(echo "$t1 - $t0" | bc)"); ft+=("$(stage total off)") ;;
      peer) pw+=("$(echo "$t1 - $t0" | bc)") ;;
    esac
  done
  grep -q "on snapshot" "$work/ours.log" || { echo "ours did not start from a snapshot:" >&2; cat "$work/ours.log" >&2; exit 1; }
  if ((i > 0)); then
    grep -q "in the warm engine" "$work/ours.log" || { echo "ours did not run in its warm engine:" >&2; cat "$work/ours.log" >&2; exit 1; }
  fi
  [[ -f $work/peer/out/dev/trackerdb/generated/tables/BenchLoop_$v.java ]] || { echo "peer did not generate V$v's table" >&2; exit 1; }
  for side in ours off; do
    [[ -f $work/$side/target/generated-sources/jooq/dev/trackerdb/generated/tables/BenchLoop_$v.java ]] \
      || { echo "$side did not generate V$v's table" >&2; exit 1; }
  done
done
mo=$(median "${ow[@]}"); mp=$(median "${pw[@]}"); mf=$(median "${fw[@]}")
out=$here/results/loop-vs-peer.md
{
  echo "# Add one migration, regenerate: cairn-maven-plugin vs a persistent database + flyway-maven-plugin + jooq-codegen-maven"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) CPUs, load at the end $(cut -d' ' -f1-3 /proc/loadavg); n=$n rounds after a warm-up;"
  echo "tracker chain (59 migrations in two locations), a new V60, V61, ... each round; \`mvn -o generate-sources\`, MAVEN_OPTS=$MAVEN_OPTS."
  echo
  echo "| side | median wall (s) | vs peer | median \`total\` (s) |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| ours: cairn:generate as it comes (the warm engine: snapshot + 1 new migration, server started ahead) | $(printf %.2f "$mo") | $(echo "scale=2; $mo / $mp" | bc) | $(median "${ot[@]}") |"
  echo "| ours with \`<daemon>off</daemon>\` (in Maven's JVM: snapshot + 1 new migration) | $(printf %.2f "$mf") | $(echo "scale=2; $mf / $mp" | bc) | $(median "${ft[@]}") |"
  echo "| peer: flyway:migrate (1 new) + jooq-codegen:generate on a dev database | $(printf %.2f "$mp") | 1.00 | |"
  echo
  echo "\`total\` stage lines (s), ours: $(printf '%s ' "${ot[@]}"); off: $(printf '%s ' "${ft[@]}")"
  echo
  echo "All walls (s), ours / off / peer: $(paste -d/ <(printf '%.2f\n' "${ow[@]}") <(printf '%.2f\n' "${fw[@]}") <(printf '%.2f\n' "${pw[@]}") | tr '\n' ' ')"
} | tee "$out"
