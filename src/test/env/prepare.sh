#!/usr/bin/env bash
# Provisions what the test suite needs and writes it down as a Java properties file.
#
#   bash src/test/env/prepare.sh target/test-env.properties
#
# 1. a Docker engine that answers (DOCKER_HOST, or the local /usr/sbin/dockerd, started if needed)
# 2. the real drpcli, built from the wrapper module in ./drpcli (cached, rebuilt when go.mod/go.sum change)
# 3. the local image drpconsole/base:bookworm (bash, jq, curl, ca-certificates + the host's extra CAs)
# 4. a Podman engine with the same base image, for the engine compliance tests (Podman's Docker-API service at
#    unix:///run/drpconsole-podman.sock, started if needed; DRPCONSOLE_PODMAN_HOST names another one)
# 5. an OpenSSH server on 127.0.0.1 with its own keys, known_hosts and client config, for the engine-over-ssh
#    tests (the user running this logs in with a key; the docker CLI serves `docker system dial-stdio`)
# 6. the Docker engine on a TLS port of 127.0.0.1 that demands a client certificate (socat in front of its
#    socket, with a CA, server and client certificates in the DOCKER_CERT_PATH layout), for tcp:// engines
# 7. a Secret Service keyring for the token-vault tests: gnome-keyring, libsecret's secret-tool and a D-Bus
#    session bus daemon (the tests start their own bus and an unlocked keyring in a temp dir; nothing runs here)
#
# Idempotent and quick when everything is in place. Runs as root on a fresh Debian 12 (installs what is
# missing with apt); as a normal user it does what needs no root and says exactly what to run otherwise.
# See README.md in this folder.
set -Eeuo pipefail

# DRPCONSOLE_BASE_IMAGE only exists to test this script without touching the shared tag.
readonly IMAGE=${DRPCONSOLE_BASE_IMAGE:-drpconsole/base:bookworm}
readonly IMAGE_LABEL=dev.drpconsole.base
readonly DRPCLI_PKG=github.com/digitalrebar/provision/v4/cmds/drpcli
readonly DRPCLI_MOD=github.com/digitalrebar/provision/v4
readonly DEFAULT_SOCK=unix:///var/run/docker.sock
# Bump when the way drpcli or the base image is built changes (forces a rebuild everywhere).
readonly DRPCLI_RECIPE=1
readonly BASE_RECIPE=1
readonly BASE_PACKAGES=bash,jq,curl,ca-certificates
readonly MIRROR=${DRPCONSOLE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
readonly ENGINE_TIMEOUT=${DRPCONSOLE_ENGINE_TIMEOUT:-60}

START_NS=$(date +%s%N)
say()  { printf '[test-env] %s\n' "$*"; }
fail() { printf '[test-env] FAILED: %s\n' "$*" >&2; exit 1; }
trap 'fail "unexpected error (exit $?) at line $LINENO: $BASH_COMMAND"' ERR
elapsed() { local ns; ns=$(( $(date +%s%N) - ${1:-$START_NS} )); printf '%d.%01d s' $((ns / 1000000000)) $(((ns / 100000000) % 10)); }

[[ $# -eq 1 && -n $1 ]] || { echo "usage: $0 OUT_PROPERTIES_FILE" >&2; exit 2; }
OUT=$1
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WRAPPER_DIR=$SCRIPT_DIR/drpcli

IS_ROOT=false; [[ $(id -u) -eq 0 ]] && IS_ROOT=true
USER_NAME=$(id -un 2>/dev/null || echo "$(id -u)")
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
CACHE=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/drp-context-console
mkdir -p "$CACHE/bin"
# Two builds on one machine (parallel Maven runs) must not race on the cache or the engine start.
exec 9>"$CACHE/prepare.lock"
if ! flock -n 9; then
  say "waiting for another prepare.sh run to finish (lock $CACHE/prepare.lock)"
  flock -w 900 9 || fail "timed out waiting for the lock $CACHE/prepare.lock"
fi
TMP=$(mktemp -d "$CACHE/tmp.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

# Things a non-root user has to fix; printed together at the end (root fixes them instead).
MISSING=()
need_root() { MISSING+=("$1"); }

# ---------------------------------------------------------------------------------------------- apt
APT_UPDATED=false
apt_install() { # PKG... (root only)
  local log=$CACHE/apt.log
  export DEBIAN_FRONTEND=noninteractive
  if ! $APT_UPDATED && ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    say "apt-get update"
    apt-get update >"$log" 2>&1 || { tail -n 20 "$log" >&2; fail "apt-get update failed (log: $log)"; }
    APT_UPDATED=true
  fi
  say "apt-get install $*"
  if ! apt-get install -y --no-install-recommends "$@" >"$log" 2>&1; then
    if $APT_UPDATED; then tail -n 20 "$log" >&2; fail "apt-get install $* failed (log: $log)"; fi
    say "apt-get install failed; apt-get update and retry"
    { apt-get update && apt-get install -y --no-install-recommends "$@"; } >"$log" 2>&1 \
      || { tail -n 20 "$log" >&2; fail "apt-get install $* failed (log: $log)"; }
    APT_UPDATED=true
  fi
}

# ------------------------------------------------------------------------------------ docker engine
export DOCKER_HOST=${DOCKER_HOST:-$DEFAULT_SOCK}   # the engine the Java tests will use, not a CLI context
LOCAL_ENGINE=false
[[ $DOCKER_HOST == "$DEFAULT_SOCK" || $DOCKER_HOST == unix:///run/docker.sock ]] && LOCAL_ENGINE=true
DOCKERD_LOG=/var/log/dockerd.log
DOCKER=""
ENGINE_VERSION=""
ENGINE_ERR=""

find_docker_cli() {
  DOCKER=$(command -v docker || true)
  [[ -n $DOCKER ]] || { [[ -x /usr/bin/docker ]] && DOCKER=/usr/bin/docker; } || true
}
engine_probe() { # sets ENGINE_VERSION or ENGINE_ERR
  ENGINE_VERSION=""; ENGINE_ERR=""
  [[ -n $DOCKER ]] || { ENGINE_ERR="no docker client"; return 1; }
  local out
  if out=$(timeout 20 "$DOCKER" version --format '{{.Server.Version}}' 2>&1) && [[ -n $out && $out != *rror* ]]; then
    ENGINE_VERSION=$out; return 0
  fi
  ENGINE_ERR=$(printf '%s\n' "$out" | grep -v '^[[:space:]]*$' | tail -n 2 | paste -sd ' ' || true); return 1
}
live_pid() { # NAME PIDFILE: prints the pid in PIDFILE if it is a live process called NAME, else nothing
  local pid
  pid=$(cat "$2" 2>/dev/null || true)
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/status ]] || return 0
  grep -q "^Name:[[:space:]]*$1\$" "/proc/$pid/status" 2>/dev/null || return 0
  # A killed daemon can stay a zombie here (PID 1 of these machines does not reap): that is not live.
  grep -Eq '^State:[[:space:]]*[ZX]' "/proc/$pid/status" 2>/dev/null && return 0
  echo "$pid"
}
dockerd_pid() { live_pid dockerd /var/run/docker.pid; }
start_dockerd() { # root only
  local pid
  pid=$(dockerd_pid)
  if [[ -n $pid ]]; then
    say "dockerd (pid $pid) is running but not answering yet; waiting for it"
    return 0
  fi
  if [[ -e /var/run/docker.pid ]]; then
    say "removing stale /var/run/docker.pid ($(cat /var/run/docker.pid 2>/dev/null || true))"
    rm -f /var/run/docker.pid
  fi
  # After a kill -9 the containerd that dockerd supervises may be gone (or a zombie) while its pidfile
  # stays: dockerd would then wait for it and give up ("timeout waiting for containerd to start").
  local cpid=/var/run/docker/containerd/containerd.pid
  if [[ -e $cpid && -z $(live_pid containerd "$cpid") ]]; then
    say "removing stale $cpid ($(cat "$cpid" 2>/dev/null || true))"
    rm -f "$cpid"
  fi
  say "starting /usr/sbin/dockerd (log: $DOCKERD_LOG)"
  printf '\n==== %s dockerd started by %s\n' "$(date -Is)" "$0" >>"$DOCKERD_LOG"
  # setsid+nohup: survives Maven; every fd closed or redirected (incl. the lock fd 9) so nothing waits
  # on it; cwd / so it does not pin the build's folder.
  pushd / >/dev/null
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    setsid nohup /usr/sbin/dockerd </dev/null >>"$DOCKERD_LOG" 2>&1 9>&- &
  STARTED_DOCKERD_PID=$!
  popd >/dev/null
}
show_dockerd_log() { grep -v 'module=grpc' "$DOCKERD_LOG" 2>/dev/null | tail -n 15 >&2 || true; }
wait_engine() {
  local t0 deadline
  t0=$(date +%s%N); deadline=$(( $(date +%s) + ENGINE_TIMEOUT ))
  until engine_probe; do
    if [[ -z $(dockerd_pid) ]] && ! { [[ -n ${STARTED_DOCKERD_PID:-} ]] && kill -0 "$STARTED_DOCKERD_PID" 2>/dev/null; }; then
      if [[ -n ${STARTED_DOCKERD_PID:-} ]]; then
        show_dockerd_log
        fail "dockerd exited during start-up (log above, full log: $DOCKERD_LOG)"
      fi
      start_dockerd   # the dockerd we were waiting for went away without answering
    fi
    if (( $(date +%s) >= deadline )); then
      show_dockerd_log
      fail "Docker engine did not answer within ${ENGINE_TIMEOUT}s (last error: $ENGINE_ERR; log: $DOCKERD_LOG)"
    fi
    sleep 0.3
  done
  say "engine answered after $(elapsed "$t0")"
}

ensure_engine() {
  find_docker_cli
  if engine_probe; then
    say "docker engine $ENGINE_VERSION at $DOCKER_HOST"
    return 0
  fi
  if ! $LOCAL_ENGINE; then
    fail "DOCKER_HOST=$DOCKER_HOST does not answer: ${ENGINE_ERR:-no answer}. Start that engine, or unset DOCKER_HOST to use (and auto-start) the local one."
  fi
  if ! $IS_ROOT; then
    say "docker engine at $DOCKER_HOST not usable: $(printf '%s' "${ENGINE_ERR:-no answer}" | head -n 1)"
    if [[ $ENGINE_ERR == *"permission denied"* ]]; then
      need_root "user '$USER_NAME' may not use $DOCKER_HOST:
      sudo usermod -aG docker $USER_NAME     # then log in again (or: newgrp docker)"
    elif [[ ! -x /usr/sbin/dockerd || -z $DOCKER ]]; then
      need_root "the Docker engine is not installed:
      sudo apt-get update && sudo apt-get install -y --no-install-recommends docker.io iptables
      sudo sh -c 'setsid nohup /usr/sbin/dockerd >>/var/log/dockerd.log 2>&1 </dev/null &'
      sudo usermod -aG docker $USER_NAME     # then log in again (or: newgrp docker)"
    else
      need_root "the Docker engine is not running (${ENGINE_ERR:-no answer}):
      sudo rm -f /var/run/docker.pid   # only if no dockerd is running
      sudo sh -c 'setsid nohup /usr/sbin/dockerd >>/var/log/dockerd.log 2>&1 </dev/null &'"
    fi
    ENGINE_OK=false
    return 0
  fi
  if [[ ! -x /usr/sbin/dockerd ]]; then
    apt_install docker.io iptables
  elif ! command -v iptables >/dev/null; then
    apt_install iptables
  fi
  find_docker_cli
  [[ -n $DOCKER ]] || fail "no docker client found after installing docker.io"
  start_dockerd
  return 0
}

# ------------------------------------------------------------------------------------------- drpcli
DRPCLI=$CACHE/bin/drpcli
DRPCLI_STAMP=$CACHE/bin/drpcli.stamp
DRPCLI_VERSION=""

find_go() {
  GO=$(command -v go || true)
  local g
  for g in /usr/local/go/bin/go "$HOME/go/bin/go" /usr/lib/go/bin/go; do
    [[ -n $GO ]] && break
    [[ -x $g ]] && GO=$g
  done
  [[ -n $GO ]] || return 1
  PATH="$(dirname "$GO"):$PATH"; export PATH
}

build_drpcli() {
  local t0 gov modver log=$CACHE/drpcli-build.log
  t0=$(date +%s%N)
  find_go || fail "drpcli needs Go >= 1.24 to build and none was found (looked on PATH and in /usr/local/go/bin). Install Go 1.24 or newer and put it on PATH."
  gov=$("$GO" env GOVERSION 2>/dev/null || true)
  if [[ ! $gov =~ ^go1\.([0-9]+) ]] || (( BASH_REMATCH[1] < 24 )); then
    fail "drpcli needs Go >= 1.24 to build; $GO is ${gov:-unknown}"
  fi
  cd "$WRAPPER_DIR"
  export GOFLAGS="${GOFLAGS:-} -mod=readonly" CGO_ENABLED=0
  modver=$("$GO" list -m -f '{{.Version}}' "$DRPCLI_MOD" 2>"$log") \
    || { cat "$log" >&2; fail "go could not resolve $DRPCLI_MOD from $WRAPPER_DIR/go.mod (log above)"; }
  local re='^v([0-9]+)\.([0-9]+)\.([0-9]+)(.*)$'
  [[ $modver =~ $re ]] || fail "unexpected version '$modver' of $DRPCLI_MOD"
  local p=github.com/digitalrebar/provision/v4
  # The same -X stamps upstream's tools/build-one.sh uses, so `drpcli version` says the real version.
  local ldflags="-s -w -X $p.RSMajorVersion=${BASH_REMATCH[1]} -X $p.RSMinorVersion=${BASH_REMATCH[2]}"
  ldflags+=" -X $p.RSPatchVersion=${BASH_REMATCH[3]} -X $p.RSExtra=${BASH_REMATCH[4]} -X $p.BuildStamp=drpconsole-test-env"
  say "building drpcli from $DRPCLI_MOD@$modver with $gov (first build takes about a minute)"
  if ! "$GO" build -trimpath -ldflags "$ldflags" -o "$TMP/drpcli" "$DRPCLI_PKG" >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    fail "go build of $DRPCLI_PKG@$modver failed (full log: $log)"
  fi
  # The reflect2 v1.0.1 that old json-iterator pins crashes at run time on Go >= 1.18: refuse a binary
  # that links it (at v4.7.0 cmds/drpcli does not import json-iterator at all; see README.md).
  local r2
  r2=$("$GO" version -m "$TMP/drpcli" | awk '$2=="github.com/modern-go/reflect2"{print $3}')
  if [[ -n $r2 && $r2 < v1.0.2 ]]; then
    fail "drpcli links github.com/modern-go/reflect2 $r2; add 'require github.com/modern-go/reflect2 v1.0.2' to $WRAPPER_DIR/go.mod"
  fi
  cd - >/dev/null
  mv -f "$TMP/drpcli" "$DRPCLI"
  say "built drpcli in $(elapsed "$t0")"
}

verify_drpcli() { # must run and must not panic while encoding/decoding JSON
  local out rc=0 d=$TMP/selftest
  local hint="(remove $CACHE/bin to force a rebuild)"
  out=$("$DRPCLI" version 2>&1) || fail "'$DRPCLI version' failed: $out $hint"
  [[ $out =~ Version:\ *(v[^[:space:]]+) ]] || fail "'drpcli version' printed no version: $out $hint"
  DRPCLI_VERSION=${BASH_REMATCH[1]}
  say "drpcli version output: $out"
  # contents bundle: YAML in, JSON out through the models' encoders.
  mkdir -p "$d/params"
  printf 'Name: selftest/param\nDescription: a param\nSchema:\n  type: string\n  default: hello\n' >"$d/params/p.yaml"
  out=$(cd "$d" && "$DRPCLI" contents bundle "$TMP/bundle.json" Name=drpconsole-selftest Version=v0.0.1 2>&1) || fail "'drpcli contents bundle' failed: $out $hint"
  grep -q '"selftest/param"' "$TMP/bundle.json" && grep -q '"drpconsole-selftest"' "$TMP/bundle.json" \
    || fail "'drpcli contents bundle' wrote an unexpected bundle: $(head -c 300 "$TMP/bundle.json") $hint"
  # An API call to a closed port: a clean connection error, not a panic. RS_ENDPOINT stops drpcli from
  # falling back to its default https://127.0.0.1:8092; the token cache goes to the temp dir.
  out=$(RS_ENDPOINT=https://127.0.0.1:1 RS_TOKEN_CACHE=$TMP/tokens timeout 20 "$DRPCLI" -E https://127.0.0.1:1 -x info get 2>&1) || rc=$?
  if (( rc == 0 )) || [[ $out == *panic* || $out == *goroutine* || $out != *"127.0.0.1:1"* ]]; then
    fail "'drpcli info get' against a closed port did not fail cleanly (rc=$rc): $out $hint"
  fi
  say "drpcli self-check ok (version, contents bundle, clean connection error)"
}

ensure_drpcli() {
  local want have=""
  want=$(cat "$WRAPPER_DIR/go.mod" "$WRAPPER_DIR/go.sum" <(echo "recipe=$DRPCLI_RECIPE") | sha256sum | cut -d' ' -f1)
  [[ -f $DRPCLI_STAMP ]] && have=$(cat "$DRPCLI_STAMP")
  if [[ -x $DRPCLI && $have == "$want" ]]; then
    say "drpcli: $DRPCLI (cached)"
  else
    [[ -x $DRPCLI ]] && say "drpcli: wrapper module changed, rebuilding"
    build_drpcli
    echo "$want" >"$DRPCLI_STAMP"
  fi
  verify_drpcli
}

# --------------------------------------------------------------------------------------- base image
BASE_NAME=base-bookworm
[[ $IMAGE == drpconsole/base:bookworm ]] || BASE_NAME=$(printf '%s' "$IMAGE" | tr -c 'A-Za-z0-9._-' '-')
BASE_TAR=$CACHE/$BASE_NAME.tar.gz
BASE_TAR_RECIPE=$CACHE/$BASE_NAME.recipe
BASE_VERIFIED=$CACHE/$BASE_NAME.verified
BASE_IMAGE_ID=""
HOST_CAS=()
while IFS= read -r -d '' f; do HOST_CAS+=("$f"); done \
  < <(find /usr/local/share/ca-certificates -type f -name '*.crt' -print0 2>/dev/null | sort -z)

base_recipe_id() { # what the image must be built from: the recipe and the host CAs copied in
  { echo "recipe=$BASE_RECIPE packages=$BASE_PACKAGES"; ((${#HOST_CAS[@]})) && cat "${HOST_CAS[@]}"; true; } \
    | sha256sum | cut -c1-16
}
image_recipe() { "$DOCKER" image inspect -f "{{index .Config.Labels \"$IMAGE_LABEL.recipe\"}}" "$IMAGE" 2>/dev/null || true; }
image_id()     { "$DOCKER" image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true; }

build_base_image() {
  local t0 mode=root log=$CACHE/base-build.log old_id
  t0=$(date +%s%N)
  if $IS_ROOT; then
    command -v mmdebstrap >/dev/null || apt_install mmdebstrap
  else
    # Without root mmdebstrap runs in a user namespace: it needs newuidmap and subordinate ids.
    mode=unshare
    local fix=()
    command -v mmdebstrap >/dev/null && command -v newuidmap >/dev/null \
      || fix+=("sudo apt-get install -y --no-install-recommends mmdebstrap uidmap")
    grep -q "^$USER_NAME:" /etc/subuid 2>/dev/null && grep -q "^$USER_NAME:" /etc/subgid 2>/dev/null \
      || fix+=("sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 $USER_NAME")
    if ((${#fix[@]})); then
      need_root "$IMAGE is missing and building it without root needs:
      $(printf '%s\n      ' "${fix[@]}")# or build it once as root (the engine then has it for everyone):
      sudo bash $SCRIPT_DIR/prepare.sh /tmp/test-env.properties"
      BASE_BLOCKED=true
      return 0
    fi
  fi
  local hooks=/usr/share/mmdebstrap/hooks/merged-usr
  local args=(--variant=minbase --mode="$mode" --include="$BASE_PACKAGES" --format=tar
    --aptopt='Acquire::Check-Valid-Until "false"'
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*'
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/doc/*'
    --dpkgopt='path-include=/usr/share/doc/*/copyright')
  # merged-usr via the hook keeps usrmerge (and so perl) out of the image: ~90 MB instead of ~180 MB.
  [[ -d $hooks ]] && args+=(--hook-dir="$hooks")
  if ((${#HOST_CAS[@]})); then
    # HTTPS leaving this machine is intercepted: trust the same extra CAs as the host.
    args+=(--customize-hook="copy-in ${HOST_CAS[*]} /usr/local/share/ca-certificates"
      --customize-hook='chroot "$1" update-ca-certificates >&2')
  fi
  # dpkg in the chroot is much faster on tmpfs (about 37 s instead of 50-80 s on this disk).
  local tmpdir=${TMPDIR:-/tmp}
  if [[ -w /dev/shm ]] && ! findmnt -no OPTIONS /dev/shm 2>/dev/null | grep -q noexec \
     && (( $(df -Pk /dev/shm | awk 'NR==2{print $4}') > 1048576 )); then tmpdir=/dev/shm; fi
  say "building $IMAGE with mmdebstrap from $MIRROR (about 40 s)"
  if ! TMPDIR=$tmpdir mmdebstrap "${args[@]}" bookworm "$TMP/base.tar" "$MIRROR" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    fail "mmdebstrap failed (full log: $log)"
  fi
  old_id=$(image_id)
  "$DOCKER" import \
    --change "LABEL $IMAGE_LABEL=true" --change "LABEL $IMAGE_LABEL.recipe=$(base_recipe_id)" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' \
    -m "drp-context-console test base image (src/test/env/prepare.sh)" \
    "$TMP/base.tar" "$IMAGE" >/dev/null || fail "docker import of $IMAGE failed"
  rm -f "$TMP/base.tar"
  [[ -n $old_id && $old_id != "$(image_id)" ]] && "$DOCKER" rmi "$old_id" >/dev/null 2>&1 || true
  say "built $IMAGE in $(elapsed "$t0")"
}

save_base_image() {
  local t0; t0=$(date +%s%N)
  "$DOCKER" save "$IMAGE" | gzip -4 >"$TMP/base.tar.gz" || fail "docker save $IMAGE failed"
  mv -f "$TMP/base.tar.gz" "$BASE_TAR"
  base_recipe_id >"$BASE_TAR_RECIPE"
  say "cached $IMAGE as $BASE_TAR ($(du -m "$BASE_TAR" | cut -f1) MB) in $(elapsed "$t0")"
}

smoke_test_image() {
  local out checks='set -e; jq --version; curl --version | head -n 1 | cut -d" " -f1-2; drpcli version'
  local f
  for f in "${HOST_CAS[@]}"; do
    f=$(basename "$f" .crt); checks+="; test -e '/etc/ssl/certs/$f.pem' || { echo 'missing CA $f'; exit 1; }"
  done
  out=$("$DOCKER" run --rm --network none --label dev.drpconsole.test=prepare \
        -v "$DRPCLI:/usr/local/bin/drpcli:ro" "$IMAGE" bash -c "$checks" 2>&1) \
    || fail "a container from $IMAGE failed the smoke test: $out"
  say "image smoke test ok: $(echo "$out" | tr '\n' ';' | sed 's/;$//; s/;/; /g')"
}

ensure_base_image() {
  local want t0
  want=$(base_recipe_id)
  if [[ $(image_recipe) == "$want" ]]; then
    say "base image $IMAGE present"
  else
    if [[ -n $(image_id) ]]; then say "base image $IMAGE is from another recipe; replacing it"; fi
    if [[ -f $BASE_TAR && $(cat "$BASE_TAR_RECIPE" 2>/dev/null) == "$want" ]]; then
      t0=$(date +%s%N)
      "$DOCKER" load -i "$BASE_TAR" >/dev/null || fail "docker load -i $BASE_TAR failed"
      say "loaded $IMAGE from $BASE_TAR in $(elapsed "$t0")"
      rm -f "$BASE_VERIFIED"   # smoke-test it on this engine
    fi
    if [[ $(image_recipe) != "$want" ]]; then
      build_base_image
      $BASE_BLOCKED && return 0
      [[ $(image_recipe) == "$want" ]] || fail "$IMAGE does not carry the expected recipe label after the build"
    fi
  fi
  BASE_IMAGE_ID=$(image_id)
  if [[ $(cat "$BASE_VERIFIED" 2>/dev/null) != "$BASE_IMAGE_ID $(cat "$DRPCLI_STAMP")" ]]; then
    smoke_test_image
    echo "$BASE_IMAGE_ID $(cat "$DRPCLI_STAMP")" >"$BASE_VERIFIED"
  fi
  if [[ ! -f $BASE_TAR || $(cat "$BASE_TAR_RECIPE" 2>/dev/null) != "$want" ]]; then
    save_base_image
  fi
}

# ------------------------------------------------------------------------------------------- podman
# The engine compliance tests run against Podman as well: its Docker-compatible service, driven through the same
# docker CLI (so rootless sockets work too). The base image is loaded from the cache the Docker step keeps.
readonly DEFAULT_PODMAN_SOCK=unix:///run/drpconsole-podman.sock
readonly PODMAN_HOST=${DRPCONSOLE_PODMAN_HOST:-$DEFAULT_PODMAN_SOCK}
readonly PODMAN_SOCK=${PODMAN_HOST#unix://}
readonly PODMAN_INIT=/usr/libexec/podman/catatonit
readonly CONTAINERS_CONF=/etc/containers/containers.conf
PODMAN_LOG=$CACHE/podman-service.log
PODMAN_PIDFILE=$CACHE/podman-service.pid
PODMAN_VERIFIED=$CACHE/podman-$BASE_NAME.verified
PODMAN_OK=true

podman_ping() { [[ $(curl -s -m 3 --unix-socket "$PODMAN_SOCK" http://d/_ping 2>/dev/null) == OK ]]; }
podman_docker() { "$DOCKER" --host "$PODMAN_HOST" "$@"; }

# `docker run` through Podman fails here unless containers get ulimits this machine may grant (no CAP_SYS_RESOURCE).
ensure_podman_ulimits() {
  grep -Eqs '^[[:space:]]*default_ulimits[[:space:]]*=' "$CONTAINERS_CONF" && return 0
  local line='default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]'
  say "setting $line in $CONTAINERS_CONF"
  mkdir -p "$(dirname "$CONTAINERS_CONF")"
  if grep -Eqs '^\[containers\]' "$CONTAINERS_CONF"; then
    sed -i "/^\[containers\]/a $line" "$CONTAINERS_CONF"
  else
    printf '\n[containers]\n%s\n' "$line" >>"$CONTAINERS_CONF"
  fi
}

start_podman_service() { # root only
  local pid
  pid=$(live_pid podman "$PODMAN_PIDFILE")
  if [[ -n $pid ]]; then
    say "podman service (pid $pid) is running but not answering yet; waiting for it"
    return 0
  fi
  rm -f "$PODMAN_SOCK"   # a socket file left by a killed service would make the new one fail to bind
  say "starting podman system service at $PODMAN_HOST (log: $PODMAN_LOG)"
  printf '\n==== %s podman service started by %s\n' "$(date -Is)" "$0" >>"$PODMAN_LOG"
  pushd / >/dev/null
  setsid nohup podman system service --time=0 "$PODMAN_HOST" </dev/null >>"$PODMAN_LOG" 2>&1 9>&- &
  echo $! >"$PODMAN_PIDFILE"
  popd >/dev/null
}

ensure_podman() { # installs and starts what is missing; the wait comes later (wait_podman)
  podman_ping && return 0
  if [[ $PODMAN_HOST != "$DEFAULT_PODMAN_SOCK" ]]; then
    fail "DRPCONSOLE_PODMAN_HOST=$PODMAN_HOST does not answer. Start that service, or unset DRPCONSOLE_PODMAN_HOST to use (and auto-start) $DEFAULT_PODMAN_SOCK."
  fi
  if ! $IS_ROOT; then
    need_root "the Podman engine for the compliance tests is not running at $PODMAN_HOST:
      sudo apt-get install -y --no-install-recommends podman catatonit curl
      sudo sh -c 'setsid nohup podman system service --time=0 $PODMAN_HOST >>/var/log/drpconsole-podman.log 2>&1 </dev/null &'
      # or point DRPCONSOLE_PODMAN_HOST at a Podman service you may use, e.g. unix://\$XDG_RUNTIME_DIR/podman/podman.sock"
    PODMAN_OK=false
    return 0
  fi
  local pkgs=()
  command -v podman >/dev/null || pkgs+=(podman)
  [[ -x $PODMAN_INIT ]] || pkgs+=(catatonit)   # the init process for containers run with --init
  command -v curl >/dev/null || pkgs+=(curl)
  ((${#pkgs[@]})) && apt_install "${pkgs[@]}"
  ensure_podman_ulimits
  start_podman_service
}

wait_podman() {
  local t0 deadline
  t0=$(date +%s%N); deadline=$(( $(date +%s) + ENGINE_TIMEOUT ))
  until podman_ping; do
    if [[ -z $(live_pid podman "$PODMAN_PIDFILE") ]]; then
      tail -n 15 "$PODMAN_LOG" >&2 || true
      fail "the podman service exited during start-up (log above, full log: $PODMAN_LOG)"
    fi
    (( $(date +%s) < deadline )) || fail "Podman did not answer at $PODMAN_HOST within ${ENGINE_TIMEOUT}s (log: $PODMAN_LOG)"
    sleep 0.1
  done
  say "podman answered after $(elapsed "$t0")"
}

podman_image_id() { podman_docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true; }

ensure_podman_base_image() {
  local have t0 out
  have=$(podman_image_id)
  if [[ $have == "$BASE_IMAGE_ID" ]]; then
    say "base image $IMAGE present in podman"
  else
    t0=$(date +%s%N)
    # The cached tar is Docker's own save of this very image: loading it gives Podman the same image id.
    # (Podman's Docker-API load does not take gzip, hence the gunzip.)
    gunzip -c "$BASE_TAR" | podman_docker load >/dev/null || fail "loading $BASE_TAR into podman at $PODMAN_HOST failed"
    [[ -n $have ]] && podman_docker rmi "$have" >/dev/null 2>&1 || true   # the previous recipe's image
    [[ $(podman_image_id) == "$BASE_IMAGE_ID" ]] \
      || fail "podman has $IMAGE as $(podman_image_id) after loading $BASE_TAR; expected $BASE_IMAGE_ID"
    say "loaded $IMAGE into podman in $(elapsed "$t0")"
  fi
  # Once per image: a container starts with an init process (catatonit) and Podman's ulimits (containers.conf).
  if [[ $(cat "$PODMAN_VERIFIED" 2>/dev/null) != "$BASE_IMAGE_ID" ]]; then
    out=$(podman_docker run --rm --init --network none --label dev.drpconsole.test=prepare "$IMAGE" \
          bash -c 'jq --version >/dev/null && echo ok' 2>&1) \
      || fail "a container from $IMAGE with an init process failed on podman at $PODMAN_HOST: $out"
    echo "$BASE_IMAGE_ID" >"$PODMAN_VERIFIED"
    say "podman smoke test ok (--init, ulimits)"
  fi
}

# ---------------------------------------------------------------------------------------------- ssh
# Engines over ssh are tested against a real sshd on 127.0.0.1, reaching this machine's Docker (dial-stdio) and
# Podman (forwarded socket). Its files live in the cache dir, like the Podman service's: one sshd per user that
# outlives `mvn clean`, whatever the checkout. The port is the first free one from 2222 and is kept while it runs.
# It runs as the user running this script and lets that user in (as a normal user sshd can let in no one else), so
# over ssh the tests reach the engines with the same rights as directly.
readonly SSH_DIR=$CACHE/ssh
readonly SSHD=/usr/sbin/sshd
readonly SSHD_CONFIG=$SSH_DIR/sshd_config
readonly SSH_CONFIG=$SSH_DIR/ssh_config
SSH_PORT=""
SSH_USER=$USER_NAME

ssh_check() { # the client config logs in and the docker CLI there answers (what dial-stdio needs)
  timeout 15 ssh -F "$SSH_CONFIG" -p "$SSH_PORT" "$SSH_USER@127.0.0.1" -- docker version --format '{{.Client.Version}}' \
    >"$TMP/ssh-check" 2>&1
}
sshd_banner() { # warm check: our sshd still greets on its port (the login was checked when it started)
  [[ $(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; head -c 8 <&3' _ "$SSH_PORT" 2>/dev/null) == SSH-2.0- ]]
}
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
sshd_running_pid() { # the live sshd started with our config, if any
  local pid
  pid=$(live_pid sshd "$SSH_DIR/sshd.pid")
  [[ -n $pid ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "-f $SSHD_CONFIG" && echo "$pid"
  return 0
}

write_ssh_files() { # keys once; the configs and known_hosts for $SSH_PORT every time sshd is (re)started
  mkdir -p "$SSH_DIR"
  chmod 700 "$SSH_DIR"
  [[ -f $SSH_DIR/host_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C drpconsole-test-host -f "$SSH_DIR/host_ed25519"
  [[ -f $SSH_DIR/client_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C drpconsole-test-client -f "$SSH_DIR/client_ed25519"
  cp "$SSH_DIR/client_ed25519.pub" "$SSH_DIR/authorized_keys"
  echo "[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1-2 "$SSH_DIR/host_ed25519.pub")" >"$SSH_DIR/known_hosts"
  cat >"$SSHD_CONFIG" <<EOF
# Written by src/test/env/prepare.sh: the sshd of the engine-over-ssh tests.
ListenAddress 127.0.0.1
Port $SSH_PORT
HostKey $SSH_DIR/host_ed25519
AuthorizedKeysFile $SSH_DIR/authorized_keys
PidFile $SSH_DIR/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AllowStreamLocalForwarding yes
SetEnv DOCKER_HOST=$DOCKER_HOST
EOF
  cat >"$SSH_CONFIG" <<EOF
# Written by src/test/env/prepare.sh: the client side of the engine-over-ssh tests (ssh -F this file).
Host *
  IdentityFile $SSH_DIR/client_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $SSH_DIR/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  BatchMode yes
EOF
}

start_sshd() {
  local t0 deadline
  t0=$(date +%s%N)
  SSH_PORT=$(sed -n 's/^Port //p' "$SSHD_CONFIG" 2>/dev/null || true)
  [[ $SSH_PORT =~ ^[0-9]+$ ]] || SSH_PORT=2222
  while port_in_use "$SSH_PORT"; do
    (( SSH_PORT < 2299 )) || fail "no free port for the test sshd from 2222 to 2299"
    SSH_PORT=$((SSH_PORT + 1))
  done
  write_ssh_files
  if $IS_ROOT; then mkdir -p /run/sshd; fi   # its privilege separation directory (none without root)
  "$SSHD" -t -f "$SSHD_CONFIG" 2>"$TMP/sshd-t" || fail "sshd rejects $SSHD_CONFIG: $(cat "$TMP/sshd-t")"
  say "starting $SSHD on 127.0.0.1:$SSH_PORT (log: $SSH_DIR/sshd.log)"
  pushd / >/dev/null
  setsid "$SSHD" -f "$SSHD_CONFIG" -E "$SSH_DIR/sshd.log" </dev/null >/dev/null 2>&1 9>&-   # forks itself
  popd >/dev/null
  deadline=$(( $(date +%s) + 15 ))
  until ssh_check; do
    if (( $(date +%s) >= deadline )) || [[ -z $(sshd_running_pid) ]]; then
      tail -n 10 "$SSH_DIR/sshd.log" >&2 || true
      fail "the test sshd on 127.0.0.1:$SSH_PORT does not let $SSH_USER in to run docker: $(tail -n 3 "$TMP/ssh-check")"
    fi
    sleep 0.1
  done
  say "sshd answered after $(elapsed "$t0")"
}

ensure_sshd() {
  local pid
  pid=$(sshd_running_pid)
  if [[ -n $pid ]]; then
    SSH_PORT=$(sed -n 's/^Port //p' "$SSHD_CONFIG")
    if sshd_banner; then
      say "sshd (pid $pid) on 127.0.0.1:$SSH_PORT"
      return 0
    fi
    say "sshd (pid $pid) does not answer on 127.0.0.1:$SSH_PORT; restarting it"
    kill "$pid"
  fi
  if [[ ! -x $SSHD ]] || ! command -v ssh-keyscan >/dev/null; then
    if ! $IS_ROOT; then
      need_root "the OpenSSH server for the engine-over-ssh tests is not installed:
      sudo apt-get install -y --no-install-recommends openssh-server"
      return 0
    fi
    apt_install openssh-server   # brings the matching openssh-client (ssh, ssh-keyscan, ssh-keygen)
  fi
  start_sshd
}

# ---------------------------------------------------------------------------------------------- tls
# A tcp:// engine with TLS client certificates, as `dockerd --tlsverify` serves it: socat terminates TLS on
# 127.0.0.1, verifies the client's certificate against the test CA and forwards to the Docker socket. The
# certificates are made once (openssl) and kept in the cache dir: ca.pem, cert.pem and key.pem for the client (the
# DOCKER_CERT_PATH layout), server-*.pem for socat. The port is the first free one from 2376.
readonly TLS_DIR=$CACHE/tls
TLS_PORT=""

tls_check() { # the client certificate gets an answer from the engine through the TLS port
  timeout 10 curl -s --cacert "$TLS_DIR/ca.pem" --cert "$TLS_DIR/cert.pem" --key "$TLS_DIR/key.pem" \
    "https://127.0.0.1:$TLS_PORT/_ping" 2>/dev/null | grep -qx OK
}
tls_running_pid() {
  local pid
  pid=$(live_pid socat "$TLS_DIR/socat.pid")
  [[ -n $pid ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "cafile=$TLS_DIR/ca.pem" && echo "$pid"
  return 0
}

write_tls_files() {
  mkdir -p "$TLS_DIR"
  chmod 700 "$TLS_DIR"
  [[ -f $TLS_DIR/ca.pem && -f $TLS_DIR/cert.pem && -f $TLS_DIR/server-cert.pem ]] && return 0
  ( cd "$TLS_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=drpconsole-test-ca \
      -keyout ca-key.pem -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout server-key.pem -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj /CN=drpconsole-test-client -keyout key.pem -out client.csr 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile client.ext -out cert.pem 2>/dev/null
    rm -f ./*.csr ./*.ext ca.srl
    chmod 600 ./*key.pem )
}

ensure_tls_engine() {
  local pid sock
  pid=$(tls_running_pid)
  if [[ -n $pid ]]; then
    TLS_PORT=$(tr '\0' ' ' <"/proc/$pid/cmdline" | sed -n 's/.*OPENSSL-LISTEN:\([0-9]*\).*/\1/p')
    if tls_check; then
      say "docker over TLS (socat pid $pid) at tcp://127.0.0.1:$TLS_PORT"
      return 0
    fi
    kill "$pid"
  fi
  if ! command -v socat >/dev/null || ! command -v openssl >/dev/null; then
    if ! $IS_ROOT; then
      need_root "socat and openssl for the TLS engine tests: sudo apt-get install -y --no-install-recommends socat openssl"
      return 0
    fi
    apt_install socat openssl
  fi
  write_tls_files
  TLS_PORT=2376
  while port_in_use "$TLS_PORT"; do
    (( TLS_PORT < 2399 )) || fail "no free port for the TLS engine from 2376 to 2399"
    TLS_PORT=$((TLS_PORT + 1))
  done
  sock=${DOCKER_HOST#unix://}
  setsid socat "OPENSSL-LISTEN:$TLS_PORT,bind=127.0.0.1,reuseaddr,fork,cert=$TLS_DIR/server-cert.pem,key=$TLS_DIR/server-key.pem,cafile=$TLS_DIR/ca.pem,verify=1" \
    "UNIX-CONNECT:$sock" </dev/null >"$TLS_DIR/socat.log" 2>&1 9>&- &
  echo $! >"$TLS_DIR/socat.pid"
  for _ in $(seq 50); do tls_check && break; sleep 0.1; done
  tls_check || fail "the TLS engine on 127.0.0.1:$TLS_PORT does not answer: $(tail -n 3 "$TLS_DIR/socat.log")"
  say "docker over TLS at tcp://127.0.0.1:$TLS_PORT (client certificates in $TLS_DIR)"
}

# ------------------------------------------------------------------------------------------ keyring
# The token-vault tests run a real GNOME Keyring on a D-Bus session bus of their own (started by the test, in a
# temp HOME, never the user's keyring). Here: the three programs exist, and a throwaway bus + unlocked keyring
# stores and looks up a secret through secret-tool.
KEYRING_DAEMON=/usr/bin/gnome-keyring-daemon
SECRET_TOOL=/usr/bin/secret-tool
DBUS_DAEMON=/usr/bin/dbus-daemon

keyring_check() { # a private bus and keyring, one secret stored and read back
  local home=$TMP/keyring-home
  mkdir -p "$home"
  # --foreground keeps the daemon a child of this bash, which waits for it (a forked daemon outlives the session's
  # bus as a zombie of PID 1 where nothing reaps orphans).
  HOME=$home XDG_DATA_HOME=$home/data XDG_RUNTIME_DIR=$home timeout 20 dbus-run-session -- bash -c '
    printf "%s" test-env | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
    daemon=$!
    for _ in $(seq 100); do [[ -S $XDG_RUNTIME_DIR/keyring/control ]] && break; sleep 0.05; done
    printf "%s" keyring-ok | secret-tool store --label=drpconsole-test-env app drpconsole-test-env &&
      [[ $(secret-tool lookup app drpconsole-test-env) == keyring-ok ]]
    ok=$?
    kill "$daemon" && wait "$daemon"
    exit $ok' >"$TMP/keyring-check" 2>&1
}

ensure_keyring() {
  if [[ ! -x $KEYRING_DAEMON || ! -x $SECRET_TOOL || ! -x $DBUS_DAEMON ]] || ! command -v dbus-run-session >/dev/null
  then
    if ! $IS_ROOT; then
      need_root "GNOME Keyring, secret-tool and a D-Bus daemon for the keyring tests:
      sudo apt-get install -y --no-install-recommends gnome-keyring libsecret-tools dbus-daemon"
      return 0
    fi
    apt_install gnome-keyring libsecret-tools dbus-daemon
  fi
  keyring_check || fail "a private GNOME Keyring does not store a secret through secret-tool: $(tail -n 5 "$TMP/keyring-check")"
  say "keyring: $("$KEYRING_DAEMON" --version | head -n 1), secret-tool and dbus-daemon"
}

# --------------------------------------------------------------------------------------------- main
# (No `f || x` calls of these functions: bash ignores set -e inside a function called that way.)
ENGINE_OK=true
BASE_BLOCKED=false
ensure_engine
ensure_podman
ensure_drpcli   # builds while a freshly started dockerd or podman service comes up
if $ENGINE_OK; then
  [[ -n $ENGINE_VERSION ]] || { wait_engine; say "docker engine $ENGINE_VERSION at $DOCKER_HOST"; }
  ensure_base_image
fi
if $PODMAN_OK && $ENGINE_OK && ! $BASE_BLOCKED; then
  podman_ping || wait_podman
  say "podman at $PODMAN_HOST"
  ensure_podman_base_image
fi
if $ENGINE_OK; then
  ensure_sshd   # after the engine: its check runs the docker CLI over ssh
  if [[ $DOCKER_HOST == unix://* ]]; then ensure_tls_engine; fi
fi
ensure_keyring

if ((${#MISSING[@]})); then
  {
    echo "[test-env] FAILED: the test environment needs root for the following (not running sudo for you):"
    for m in "${MISSING[@]}"; do echo "  - $m"; done
    echo "[test-env] then run the build again."
  } >&2
  exit 1
fi

props_escape() { printf '%s' "$1" | sed 's/\\/\\\\/g'; }
mkdir -p "$(dirname "$OUT")"
{
  echo "# Written by src/test/env/prepare.sh on $(date -Is); do not edit."
  echo "drpcli=$(props_escape "$DRPCLI")"
  echo "drpcli.version=$(props_escape "$DRPCLI_VERSION")"
  echo "base.image=$IMAGE"
  echo "base.image.id=$BASE_IMAGE_ID"
  echo "docker.host=$(props_escape "$DOCKER_HOST")"
  echo "docker.server.version=$ENGINE_VERSION"
  echo "podman.host=$(props_escape "$PODMAN_HOST")"
  echo "ssh.host=127.0.0.1"
  echo "ssh.port=$SSH_PORT"
  echo "ssh.user=$SSH_USER"
  echo "ssh.config=$(props_escape "$SSH_CONFIG")"
  echo "ssh.dir=$(props_escape "$SSH_DIR")"
  echo "docker.tls.host=tcp://127.0.0.1:$TLS_PORT"
  echo "docker.tls.certs=$(props_escape "$TLS_DIR")"
  echo "keyring.daemon=$KEYRING_DAEMON"
  echo "keyring.secret-tool=$SECRET_TOOL"
  echo "keyring.dbus-daemon=$DBUS_DAEMON"
} >"$TMP/props"
mv -f "$TMP/props" "$OUT"
say "ready in $(elapsed): $OUT"
