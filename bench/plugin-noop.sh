#!/usr/bin/env bash
# No-op `generate-sources` in a project that uses the installed cairn-maven-plugin, against
# `validate` of the same project: what the plugin adds to every build when nothing changed.
#
#   bench/plugin-noop.sh [N]      (N interleaved rounds, default 10)
#
# Each round: validate; generate-sources with the up-to-date stamp deleted (the plugin loads the
# engine, which finds nothing changed and stamps again); generate-sources answered by the stamp
# (what every build with nothing changed costs).
#
# Uses the plugin that the ITs installed into codegen/maven-plugin/target/local-repo (run
# `./mvnw -pl codegen/maven-plugin -am verify -Dinvoker.test=minimal` first) and the ITs'
# settings.xml, which reads everything else from ~/.m2. Both commands run offline (-o) with the
# same JVM flags (MAVEN_OPTS), interleaved. Writes bench/results/plugin-noop.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
n=${1:-10}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS="-XX:TieredStopAtLevel=1"
. "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench-plugin-XXXXXX")
trap 'rm -rf "$work"' EXIT
installed_plugin "$work"
cp -r "$root/codegen/maven-plugin/src/it/minimal" "$work/project"
sed -i "s/@project.version@/$version/; s/@jooq.version@/$jooq/" "$work/project/pom.xml"
mvn() { "$root/mvnw" -B -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/project/pom.xml" "$@"; }
mvn generate-sources >/dev/null   # the one real generate; every run below finds nothing changed
sleep 2                           # the up-to-date stamp never trusts files younger than two seconds
stamp_line="no migration, setting or generated file changed since the last run"
declare -a v g e
for ((i = 0; i < n + 1; i++)); do
  t0=$(now); mvn validate >/dev/null; t1=$(now)
  # the engine's no-op: without the stamp the plugin loads cairn, which finds nothing changed (and stamps again)
  rm -rf "$work/project/target/cairn"
  mvn generate-sources >"$work/engine.log"; t2=$(now)
  grep -q "up-to-date  3 migrations unchanged" "$work/engine.log" || { echo "the engine did not find nothing changed:" >&2; cat "$work/engine.log" >&2; exit 1; }
  mvn generate-sources >"$work/noop.log"; t3=$(now)
  grep -q "$stamp_line" "$work/noop.log" || { echo "the up-to-date stamp did not answer:" >&2; cat "$work/noop.log" >&2; exit 1; }
  ((i == 0)) && continue   # the first round warms the file cache
  v+=("$(echo "$t1 - $t0" | bc)"); e+=("$(echo "$t2 - $t1" | bc)"); g+=("$(echo "$t3 - $t2" | bc)")
done
mv=$(median "${v[@]}"); mg=$(median "${g[@]}"); me=$(median "${e[@]}")
out=$here/results/plugin-noop.md
{
  echo "# No-op generate-sources with the installed plugin (n=$n, $(date -u +%Y-%m-%d), $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
  echo
  echo "Project: codegen/maven-plugin/src/it/minimal (3 migrations), plugin $version, offline, MAVEN_OPTS=$MAVEN_OPTS."
  echo
  echo "| command | median (s) | vs validate |"
  echo "| --- | ---: | ---: |"
  echo "| \`mvn -o validate\` | $(printf %.2f "$mv") | 1.00 |"
  echo "| \`mvn -o generate-sources\`, no-op answered by the up-to-date stamp (engine not loaded) | $(printf %.2f "$mg") | **$(printf %.2f "$(echo "scale=3; $mg / $mv" | bc)")** |"
  echo "| \`mvn -o generate-sources\`, no-op of the engine (stamp deleted first) | $(printf %.2f "$me") | $(printf %.2f "$(echo "scale=3; $me / $mv" | bc)") |"
  echo
  echo "All runs (validate / stamp / engine): $(paste -d/ <(printf '%.2f\n' "${v[@]}") <(printf '%.2f\n' "${g[@]}") <(printf '%.2f\n' "${e[@]}") | tr '\n' ' ')"
} | tee "$out"
