#!/usr/bin/env bash
# "Add one migration, regenerate" on the tracker chain, through Maven on both sides:
#   ours: a project that uses the installed cairn-maven-plugin (`mvn generate-sources`: lock, lint,
#         snapshot + the new migration on a throwaway PostgreSQL, jOOQ classes);
#   peer: the incremental loop teams wire by hand: a persistent development database, where
#         flyway-maven-plugin applies only the new migration, then jooq-codegen-maven regenerates
#         from it (`mvn generate-sources`, both plugins bound to it).
#   watch: `mvn cairn:watch` running on a project of its own (its own copy of the folders, so that
#         the other two sides' runs do not wake it). Right after the save, `mvn generate-sources`
#         runs there, as a developer or the IDE does: what is measured is its wall clock, from the
#         save to its end (the watch regenerates; the build waits for that run if it is still going
#         and finds the classes up to date), Maven against Maven. Also the time from the save to
#         the watch's own line (debounce, lint, snapshot, migrate, generate).
# ours and peer read the same migration folders; each round adds one new migration (its own table)
# to both copies, lets the watch finish, then runs ours and peer in alternating order. Same
# MAVEN_OPTS, all offline after a warm-up.
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
hold_pid="" watch_pid=""
cleanup() {
  [[ -n $watch_pid ]] && { kill -TERM -- "-$watch_pid" 2>/dev/null || true; wait "$watch_pid" 2>/dev/null || true; }
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

# ---- ours: a team's project with the plugin (and the same for the watch, on its own copy) ----
cp -r "$work/db" "$work/wdb"
project_pom() {
  local db=$1 snapshots=$2
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
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
XML
}
mkdir -p "$work/ours" "$work/watch"
project_pom "$work/db" "$work/snapshots" >"$work/ours/pom.xml"
project_pom "$work/wdb" "$work/watch-snapshots" >"$work/watch/pom.xml"
ours() { "$root/mvnw" -B -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/ours/pom.xml" "$@"; }

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

# Warm-up (not counted): plugins resolved, the dev database at the current head, snapshot of it in ours.
ours generate-sources >"$work/ours.log" 2>&1 || { cat "$work/ours.log" >&2; exit 1; }
peer generate-sources >"$work/peer.log" 2>&1 || { cat "$work/peer.log" >&2; exit 1; }

# The watch: its own process group, so that the clean-up's SIGTERM reaches Maven and its JVM (a background job ignores SIGINT).
setsid "$root/mvnw" -B -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/watch/pom.xml" cairn:watch \
  >"$work/watch.log" 2>&1 &
watch_pid=$!
for _ in $(seq 1 240); do grep -q "start: " "$work/watch.log" && break; sleep 0.5; done
grep -q "start: " "$work/watch.log" || { cat "$work/watch.log" >&2; exit 1; }

stage() { grep -E "^(\[INFO\] )?$1 " "$work/ours.log" | tail -1 | awk '{print $(NF-1)}'; }
declare -a ow pw ot wb wr
waits=0
v=59
for ((i = 0; i <= n; i++)); do
  v=$((v + 1))
  sql=$(printf 'CREATE TABLE IF NOT EXISTS bench_loop_%s (id bigint PRIMARY KEY, note text);' "$v")
  # The watch first, alone on the machine: the save, at once a build of the watched project, and the watch's line.
  t0=$(now)
  echo "$sql" >"$work/wdb/migration/V${v}__bench_loop_$v.sql"
  "$root/mvnw" -B -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/watch/pom.xml" generate-sources \
    >"$work/watch-build.log" 2>&1 || { cat "$work/watch-build.log" >&2; exit 1; }
  t1=$(now)
  [[ -f $work/watch/target/generated-sources/jooq/dev/trackerdb/generated/tables/BenchLoop_$v.java ]] \
    || { echo "the build beside the watch ended without V$v's table:" >&2; cat "$work/watch-build.log" "$work/watch.log" >&2; exit 1; }
  grep -q "up-to-date" "$work/watch-build.log" \
    || { echo "the build beside the watch regenerated itself (the watch was not first):" >&2; cat "$work/watch-build.log" >&2; exit 1; }
  line=$(grep "V${v}__bench_loop_$v.sql: " "$work/watch.log" || true)
  [[ $line == *"updated"* ]] || { echo "the watch did not regenerate V$v:" >&2; cat "$work/watch.log" >&2; exit 1; }
  # the save-to-line time, from the watch's own clock: its line's run time plus the debounce it waited
  if ((i > 0)); then wb+=("$(echo "$t1 - $t0" | bc)"); wr+=("$(awk '{print $(NF-1)}' <<<"$line")"); fi
  grep -q "waited\|waiting" "$work/watch-build.log" && waits=$((waits + 1))
  echo "$sql" >"$mig/V${v}__bench_loop_$v.sql"
  for side in $( ((i % 2 == 0)) && echo "ours peer" || echo "peer ours"); do
    t0=$(now)
    if [[ $side == ours ]]; then ours -o generate-sources >"$work/ours.log" 2>&1 || { cat "$work/ours.log" >&2; exit 1; }
    else peer -o generate-sources >"$work/peer.log" 2>&1 || { cat "$work/peer.log" >&2; exit 1; }; fi
    t1=$(now)
    ((i == 0)) && continue
    if [[ $side == ours ]]; then ow+=("$(echo "$t1 - $t0" | bc)"); ot+=("$(stage total)")
    else pw+=("$(echo "$t1 - $t0" | bc)"); fi
  done
  grep -q "on snapshot" "$work/ours.log" || { echo "ours did not start from a snapshot:" >&2; cat "$work/ours.log" >&2; exit 1; }
  [[ -f $work/peer/out/dev/trackerdb/generated/tables/BenchLoop_$v.java ]] || { echo "peer did not generate V$v's table" >&2; exit 1; }
  [[ -f $work/ours/target/generated-sources/jooq/dev/trackerdb/generated/tables/BenchLoop_$v.java ]] || { echo "ours did not generate V$v's table" >&2; exit 1; }
done
mo=$(median "${ow[@]}"); mp=$(median "${pw[@]}"); mw=$(median "${wb[@]}"); mr=$(median "${wr[@]}")
out=$here/results/loop-vs-peer.md
{
  echo "# Add one migration, regenerate: cairn-maven-plugin vs a persistent database + flyway-maven-plugin + jooq-codegen-maven"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) CPUs, load at the end $(cut -d' ' -f1-3 /proc/loadavg); n=$n rounds after a warm-up;"
  echo "tracker chain (59 migrations in two locations), a new V60, V61, ... each round; \`mvn -o generate-sources\`, MAVEN_OPTS=$MAVEN_OPTS."
  echo
  echo "| side | median wall (s) | vs peer |"
  echo "| --- | ---: | ---: |"
  echo "| ours: cairn:generate (snapshot + 1 new migration) | $(printf %.2f "$mo") | $(echo "scale=2; $mo / $mp" | bc) |"
  echo "| peer: flyway:migrate (1 new) + jooq-codegen:generate on a dev database | $(printf %.2f "$mp") | 1.00 |"
  echo "| ours with \`mvn cairn:watch\` running: \`mvn -o generate-sources\` started at the save (the watch regenerates, the build finds it up to date) | $(printf %.2f "$mw") | $(echo "scale=2; $mw / $mp" | bc) |"
  echo
  echo "The watch's own runs (s, its line; the pipeline part), median $(printf %.2f "$mr"): $(printf '%s ' "${wr[@]}")"
  echo "Builds beside the watch that had to wait for its run: $waits of $((n + 1))."
  echo
  echo "Ours, \`total\` stage line (s): $(printf '%s ' "${ot[@]}")"
  echo
  echo "All walls (s), ours / peer / build beside the watch: $(paste -d/ <(printf '%.2f\n' "${ow[@]}") <(printf '%.2f\n' "${pw[@]}") <(printf '%.2f\n' "${wb[@]}") | tr '\n' ' ')"
} | tee "$out"
