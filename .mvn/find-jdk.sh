#!/bin/sh
# Prints the home of a JDK 21 or newer, the first found of: $JAVA_HOME, the java on the PATH,
# /usr/lib/jvm/*, macOS's JDKs, SDKMAN's and IntelliJ's. With none, prints one line saying what to
# install and exits 1. The one owner of that search: mvnw (its cairn hook), .ci/run and ./cairn
# call it. POSIX sh, because mvnw is.
#
# A JDK's `release` file gives its version without starting a JVM (a JVM costs ~0.1 s of every
# ./mvnw and ./cairn); a JDK without one is asked with `java -version`.
set -eu

required=21

# Major version of the JDK at $1 (8 for 1.8), or nothing when it is not a JDK that runs.
jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ] && grep -q '^JAVA_VERSION="' "$1/release"; then
    sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\)\(\.\([0-9]*\)\)\{0,1\}.*/\1 \3/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)\(\.\([0-9]*\)\)\{0,1\}.*/\1 \3/p'
  fi | head -1 | awk '{ print ($1 == 1 ? $2 : $1) }'
}

# The JDK home a java binary (a link, e.g. /usr/bin/java -> /etc/alternatives/java) belongs to.
home_of() {
  java=$(readlink -f "$1" 2>/dev/null) || return 0
  (cd "$(dirname "$java")/.." 2>/dev/null && pwd -P)
}

try() {
  [ -n "$1" ] || return 1
  major=$(jdk_major "$1")
  [ -n "$major" ] && [ "$major" -ge "$required" ] || return 1
  printf '%s\n' "$1"
  exit 0
}

[ -n "${JAVA_HOME-}" ] && try "${JAVA_HOME%/}" || :
path_java=$(command -v java 2>/dev/null) && try "$(home_of "$path_java")" || :
# Globs that match nothing stay as they are and fail the test in try.
for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
  "${SDKMAN_CANDIDATES_DIR:-${HOME:-/nonexistent}/.sdkman/candidates}"/java/* "${HOME:-/nonexistent}"/.jdks/*; do
  try "$home" || :
done

echo "No JDK $required or newer found (looked at \$JAVA_HOME, the java on the PATH, /usr/lib/jvm/*, /Library/Java/JavaVirtualMachines, ~/.sdkman, ~/.jdks): install one (e.g. apt-get install openjdk-21-jdk, brew install openjdk@21, or https://adoptium.net) or point JAVA_HOME at it." >&2
exit 1
