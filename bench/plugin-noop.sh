#!/usr/bin/env bash
# No-op `generate-sources` in a project that uses the installed cairn-maven-plugin, against
# `validate` of the same project: what the plugin adds to every build when nothing changed.
#
#   bench/plugin-noop.sh [N]      (N interleaved pairs, default 10)
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
declare -a v g
for ((i = 0; i < n + 1; i++)); do
  t0=$(now); mvn validate >/dev/null; t1=$(now)
  mvn generate-sources >"$work/noop.log"; t2=$(now)
  grep -q "up-to-date" "$work/noop.log" || { echo "generate-sources was not a no-op:" >&2; cat "$work/noop.log" >&2; exit 1; }
  ((i == 0)) && continue   # the first pair warms the file cache
  v+=("$(echo "$t1 - $t0" | bc)"); g+=("$(echo "$t2 - $t1" | bc)")
done
mv=$(median "${v[@]}"); mg=$(median "${g[@]}")
out=$here/results/plugin-noop.md
{
  echo "# No-op generate-sources with the installed plugin (n=$n, $(date -u +%Y-%m-%d), $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
  echo
  echo "Project: codegen/maven-plugin/src/it/minimal (3 migrations), plugin $version, offline, MAVEN_OPTS=$MAVEN_OPTS."
  echo
  echo "| command | median (s) | vs validate |"
  echo "| --- | ---: | ---: |"
  echo "| \`mvn -o validate\` | $(printf %.2f "$mv") | 1.00 |"
  echo "| \`mvn -o generate-sources\` (cairn:generate finds nothing changed) | $(printf %.2f "$mg") | $(echo "scale=2; $mg / $mv" | bc) |"
  echo
  echo "All runs (validate / generate-sources): $(paste -d/ <(printf '%.2f\n' "${v[@]}") <(printf '%.2f\n' "${g[@]}") | tr '\n' ' ')"
} | tee "$out"
