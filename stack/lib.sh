#!/usr/bin/env bash
# Shared helpers for the local stack scripts. Sourced, never executed.
#
# Layout (one git-ignored folder per checkout, one cache per machine):
#   $SCS_STATE/data/<service>/   data of each server
#   $SCS_STATE/logs/<service>.log
#   $SCS_STATE/run/<service>.pid  PIDs recorded at start; `down` kills only these
#   $SCS_CACHE/                   downloads and built binaries, reused by every clone

SCS_ROOT="${SCS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
SCS_STATE="${SCS_STATE:-$SCS_ROOT/.scs}"
SCS_CACHE="${SCS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/scs}"
SCS_MVN_SETTINGS="$SCS_ROOT/.mvn/settings.xml"
export SCS_ROOT SCS_STATE SCS_CACHE

if [ -t 1 ]; then
  _scs_bold=$'\e[1m' _scs_dim=$'\e[2m' _scs_red=$'\e[31m' _scs_green=$'\e[32m' _scs_reset=$'\e[0m'
else
  _scs_bold='' _scs_dim='' _scs_red='' _scs_green='' _scs_reset=''
fi

step() { printf '%s==>%s %s\n' "$_scs_bold" "$_scs_reset" "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf '%swarning:%s %s\n' "$_scs_red" "$_scs_reset" "$*" >&2; }
die() {
  printf '%serror:%s %s\n' "$_scs_red" "$_scs_reset" "$*" >&2
  exit 1
}

service_data_dir() { echo "$SCS_STATE/data/$1"; }
service_log_file() { echo "$SCS_STATE/logs/$1.log"; }
service_pid_file() { echo "$SCS_STATE/run/$1.pid"; }

ensure_state_dirs() {
  mkdir -p "$SCS_STATE/data" "$SCS_STATE/logs" "$SCS_STATE/run" "$SCS_CACHE"
}

# The recorded PID of a service if that process is still alive, else nothing.
service_pid() {
  local pid_file pid
  pid_file=$(service_pid_file "$1")
  [ -f "$pid_file" ] || return 1
  pid=$(cat "$pid_file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# start_daemon NAME COMMAND... : runs COMMAND detached, output to the service log, PID recorded.
start_daemon() {
  local name=$1
  shift
  ensure_state_dirs
  mkdir -p "$(service_data_dir "$name")"
  local log
  log=$(service_log_file "$name")
  printf '\n==== %s starting %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" >>"$log"
  # setsid puts the server in its own session so that Ctrl-C in the caller does not reach it.
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(service_pid_file "$name")"
}

# stop_daemon NAME : SIGTERM to the recorded PID (and its process group), SIGKILL after a grace period.
stop_daemon() {
  local name=$1 pid waited=0
  pid=$(service_pid "$name") || {
    rm -f "$(service_pid_file "$name")"
    return 0
  }
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 30 ]; do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name (pid $pid) did not stop in 30 s; sending SIGKILL"
  fi
  # The server, if it is still up, and what it started in its process group go now: Dgraph's Zero
  # receives the SIGTERM above, logs "Shutting down..." and then hangs until killed, holding its
  # ports.
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$(service_pid_file "$name")"
}

# port_open HOST PORT : true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# http_ok URL : true on a 2xx answer.
http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

# maven_copy_dependencies POM OUTPUT_DIR : resolves the POM's dependencies into OUTPUT_DIR
# through Maven Central (the repository's settings file), showing Maven's own progress.
maven_copy_dependencies() {
  local pom=$1 out=$2
  mkdir -p "$out.partial"
  # Of Maven's output, only the jars it downloads and its warnings and errors are shown.
  mvn -B -s "$SCS_MVN_SETTINGS" -f "$pom" dependency:copy-dependencies \
    -DoutputDirectory="$out.partial" -DincludeScope=runtime 2>&1 |
    sed -un -e 's|.*Downloaded from [^ ]* .*/\([^/]*\.jar\) (\(.*\))$|      downloaded \1 (\2)|p' \
      -e '/\[\(ERROR\|WARNING\)\]/p' ||
    die "could not resolve the dependencies of $pom from Maven Central"
  rm -rf "$out"
  mv "$out.partial" "$out"
}

# go_install_cached MODULE@VERSION BINARY... : `go install`s a Go module into a versioned
# folder of the cache; skipped when every named binary is already there.
go_install_cached() {
  local module=$1
  shift
  local dir="$SCS_CACHE/go/$(echo "$module" | tr '/@' '__')"
  local missing=0 binary
  for binary in "$@"; do [ -x "$dir/bin/$binary" ] || missing=1; done
  if [ $missing -eq 0 ]; then
    return 0
  fi
  info "building $module with go install (first run only; cached in $dir)"
  mkdir -p "$dir/bin"
  GOBIN="$dir/bin" GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install -v "$module" 2>&1 |
    sed -u 's/^/      go: /' || die "go install $module failed"
  for binary in "$@"; do [ -x "$dir/bin/$binary" ] || die "go install $module did not produce $binary"; done
}

go_binary_dir() { echo "$SCS_CACHE/go/$(echo "$1" | tr '/@' '__')/bin"; }
