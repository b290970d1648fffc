#!/usr/bin/env bash
# Package step (bound in pom.xml, after the jar): makes the console's class-data archive and the options file
# the README's start command reads:
#   target/drp-context-console.jsa      the classes the console loads up to its first window (startup.classlist),
#                                       parsed and laid out once, mapped at start (Java's AppCDS, -Xshare:dump)
#   target/drp-context-console.options  desktop.options plus -XX:SharedArchiveFile for that archive
# Start:  java @target/drp-context-console.options -jar target/drp-context-console.jar
# Both name absolute paths, so the command works from any folder. A JVM that finds the archive stale (the jar was
# rebuilt without this step) or missing ignores it silently and starts as it would without.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:?usage: class-data.sh TARGET_DIR}
# The java on PATH, as the README's command uses: an archive only serves the JVM build that made it.
java=java
rel=$(realpath "$target")
archive=$rel/drp-context-console.jsa
options=$rel/drp-context-console.options

rm -f "$archive"
{
  cat "$here/desktop.options"
  echo "# The class-data archive made by src/main/jvm/class-data.sh for this build of the jar."
  echo "-XX:SharedArchiveFile=$archive"
} > "$options"

start=$(date +%s%N)
if "$java" @"$here/desktop.options" -Xshare:dump -XX:SharedClassListFile="$here/startup.classlist" \
    -XX:SharedArchiveFile="$archive" -jar "$rel/drp-context-console.jar" > "$rel/class-data.log" 2>&1; then
  echo "[class-data] $archive: $(grep -c . "$here/startup.classlist") classes listed, $(( ($(date +%s%N) - start) / 1000000 )) ms"
else
  # Still a working start command: without the archive the console starts, only slower.
  echo "[class-data] WARNING: no class-data archive (see $rel/class-data.log); the console will start slower" >&2
fi
