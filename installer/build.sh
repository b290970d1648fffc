#!/usr/bin/env bash
# Builds the desktop packages with jpackage: an app-image and a .deb, into target/installer/.
# Run through Maven (it builds the jar first):  mvn -B -Pinstaller package -DskipTests
# The app and its libraries stay on the class path (docker-java is not a module); the JavaFX
# platform jars go on the module path so jlink puts JavaFX into the bundled runtime.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:?usage: build.sh TARGET_DIR VERSION}
version=${2:?usage: build.sh TARGET_DIR VERSION}
version=${version%%-*}           # jpackage wants digits only: 0.1.0-SNAPSHOT -> 0.1.0
out=$target/installer
input=$out/input
fxmods=$out/javafx-modules

command -v jpackage >/dev/null || { echo "jpackage not found: it comes with a full JDK 17 (openjdk-17-jdk)." >&2; exit 1; }
rm -rf "$out"
mkdir -p "$input" "$fxmods"
cp "$target/drp-context-console.jar" "$input/"
# The classes to put in the launcher's class-data archive, which is made for the folder the app lands in:
# below for the app-image, by the .deb's postinst for /opt/drp-context-console.
cp "$here/../src/main/jvm/startup.classlist" "$input/"
mkdir -p "$input/lib"
for jar in "$target"/lib/*.jar; do
  case $(basename "$jar") in
    javafx-*-linux.jar) cp "$jar" "$fxmods/" ;;
    javafx-*.jar) ;;                            # classifier-less javafx jars are empty stubs
    *) cp "$jar" "$input/lib/" ;;
  esac
done

# The JVM choices every start of the console makes (src/main/jvm/desktop.options), and its class-data archive.
mapfile -t desktop_options < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$here/../src/main/jvm/desktop.options" | grep -v '^$')
java_options=()
for option in "${desktop_options[@]}" '-XX:SharedArchiveFile=$APPDIR/drp-context-console.jsa'; do
  java_options+=(--java-options "$option")
done

common=(
  --name drp-context-console
  --app-version "$version"
  --vendor "DRP Context Console"
  --description "Set up and watch Digital Rebar Provision docker contexts"
  --input "$input"
  --main-jar drp-context-console.jar
  --main-class dev.drpconsole.Main
  --module-path "$fxmods"
  --add-modules "$(tr -d ' \n' < "$here/modules.txt")"
  --icon "$here/../assets/icon-256.png"
  "${java_options[@]}"
  --dest "$out"
)

echo "[installer] app-image"
jpackage --type app-image "${common[@]}"
bash "$here/class-data" "$out/drp-context-console" \
  || echo "[installer] WARNING: the app-image has no class-data archive; it starts slower" >&2

echo "[installer] deb"
jpackage --type deb "${common[@]}" \
  --resource-dir "$here/resources" \
  --linux-package-name drp-context-console \
  --linux-package-deps libgtk-3-0 \
  --linux-app-category Development \
  --linux-shortcut

ls -la "$out"
