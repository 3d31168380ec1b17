# Sourced by the bench scripts: timing helpers, and the cairn-maven-plugin the ITs installed.

now() { date +%s.%N; }
# Median of the arguments (numbers).
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Sets repo (the ITs' local repository holding the plugin), version and jooq (the build's), and
# writes WORK/settings.xml (the ITs' settings: everything else is read from ~/.m2). Needs $root.
installed_plugin() {
  local work=$1
  repo=$root/codegen/maven-plugin/target/local-repo
  [[ -d $repo/dev/cairn/cairn-maven-plugin ]] || { echo "no installed plugin in $repo: run the ITs first (see the header)" >&2; exit 1; }
  version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$root/codegen/pom.xml" | head -1)
  jooq=$(sed -n 's:.*<jooq.version>\(.*\)</jooq.version>.*:\1:p' "$root/codegen/pom.xml" | head -1)
  sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$root/codegen/maven-plugin/src/it/settings.xml" >"$work/settings.xml"
}
