#!/usr/bin/env bash
# The local stack: ./scs stack up|down|status|logs [SERVICE]
#
# Each server is described by stack/services/<name>.sh, which defines, when sourced:
#   SERVICE_ADDRESS    host:port shown in the status table
#   service_install    idempotent; downloads or builds into $SCS_CACHE with visible progress
#   service_start      starts the server detached through start_daemon (records the PID)
#   service_healthy    exit 0 when the server answers (a quick probe, no waiting)
#   service_version    prints the installed version
#   service_ready_timeout  seconds to wait for health after start (optional, default 120)
#   service_after_start    optional; one-time setup once healthy (users, buckets, ...)
# Every function runs in a subshell, so the service files cannot disturb each other.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/apps.sh"

ALL_SERVICES=(kafka cassandra ferretdb influxdb dgraph)

usage() {
  cat <<USAGE
Usage: ./scs stack <command> [SERVICE...]

Runs the project's real servers on 127.0.0.1, installed into $SCS_CACHE
and keeping data and logs under $SCS_STATE.

Commands:
  up [SERVICE...]      install what is missing, start, wait until healthy, print the table
  down [SERVICE...]    stop the servers by their recorded PIDs
  status [SERVICE...]  print service, version, address, status; exit 1 if one is unhealthy
  logs SERVICE         follow one server's log (Ctrl-C to stop following)
  install [SERVICE...] install without starting

Services: ${ALL_SERVICES[*]}
USAGE
}

in_service() {
  local name=$1
  shift
  (
    SERVICE_NAME=$name
    service_ready_timeout=120
    source "$SCS_ROOT/stack/services/$name.sh"
    "$@"
  )
}

# Helpers run through in_service: a child `bash -c` would not see the service file's variables
# and functions, which are not exported.
print_variable() { echo "${!1:-}"; }
run_after_start_if_defined() { if declare -F service_after_start >/dev/null; then service_after_start; fi; }

service_field() { in_service "$1" print_variable "$2" 2>/dev/null || true; }

resolve_services() {
  if [ $# -eq 0 ]; then
    printf '%s\n' "${ALL_SERVICES[@]}"
    return
  fi
  local s
  for s in "$@"; do
    [ -f "$SCS_ROOT/stack/services/$s.sh" ] || die "unknown service '$s' (known: ${ALL_SERVICES[*]})"
    echo "$s"
  done
}

wait_healthy() {
  local name=$1 timeout
  timeout=$(in_service "$name" print_variable service_ready_timeout)
  local start=$SECONDS
  while ! in_service "$name" service_healthy; do
    if ! service_pid "$name" >/dev/null; then
      warn "$name exited during start-up; last lines of $(service_log_file "$name"):"
      tail -n 20 "$(service_log_file "$name")" >&2 || true
      return 1
    fi
    if [ $((SECONDS - start)) -ge "$timeout" ]; then
      warn "$name did not become healthy in ${timeout} s; see $(service_log_file "$name")"
      return 1
    fi
    sleep 1
  done
  info "$name healthy after $((SECONDS - start)) s"
}

cmd_install() {
  local s
  for s in $(resolve_services "$@"); do
    step "install $s"
    in_service "$s" service_install
  done
}

cmd_up() {
  ensure_state_dirs
  local services s failed=0
  services=$(resolve_services "$@")
  for s in $services; do
    step "install $s"
    in_service "$s" service_install
  done
  for s in $services; do
    if service_pid "$s" >/dev/null && in_service "$s" service_healthy; then
      step "$s already running (pid $(service_pid "$s"))"
      continue
    fi
    if service_pid "$s" >/dev/null; then
      step "$s running (pid $(service_pid "$s")) but not healthy yet; waiting"
    else
      local address
      address=$(service_field "$s" SERVICE_ADDRESS)
      if [ -n "$address" ] && port_open "${address%:*}" "${address##*:}"; then
        warn "$address is already taken by a process this checkout did not start (another checkout's stack?)"
        warn "stop it (./scs stack down in the checkout that started it) and run ./scs stack up again"
        failed=1
        continue
      fi
      step "start $s"
      in_service "$s" service_start
    fi
    if wait_healthy "$s"; then
      in_service "$s" run_after_start_if_defined ||
        { warn "$s set-up after start failed"; failed=1; }
    else
      failed=1
    fi
  done
  echo
  cmd_status $services || true
  [ $failed -eq 0 ] || die "some services did not start; see the logs under $SCS_STATE/logs"
}

cmd_down() {
  local services s
  services=$(resolve_services "$@")
  # The project's own jobs first (./scs demo leaves them running), when stopping everything.
  if [ $# -eq 0 ]; then
    for s in "${APPS[@]}"; do stop_app "$s"; done
  fi
  # Stop in reverse start order.
  for s in $(echo "$services" | tac); do
    if service_pid "$s" >/dev/null; then
      step "stop $s (pid $(service_pid "$s"))"
      stop_daemon "$s"
    else
      rm -f "$(service_pid_file "$s")"
    fi
  done
}

cmd_status() {
  local s version status pid unhealthy=0
  printf '%-14s %-22s %-18s %-8s %s\n' SERVICE VERSION ADDRESS PID STATUS
  for s in $(resolve_services "$@"); do
    version=$(in_service "$s" service_version 2>/dev/null || echo "not installed")
    pid=$(service_pid "$s" || echo "-")
    if [ "$pid" = "-" ]; then
      status="stopped"
      unhealthy=1
    elif in_service "$s" service_healthy; then
      status="${_scs_green}healthy${_scs_reset}"
    else
      status="${_scs_red}unhealthy${_scs_reset}"
      unhealthy=1
    fi
    printf '%-14s %-22s %-18s %-8s %s\n' "$s" "${version:-?}" "$(service_field "$s" SERVICE_ADDRESS)" "$pid" "$status"
  done
  # The project's own jobs, when ./scs demo left them running.
  for s in "${APPS[@]}"; do
    pid=$(service_pid "$s") || continue
    printf '%-14s %-22s %-18s %-8s %s\n' "$s" "(this project)" "-" "$pid" "running"
  done
  return $unhealthy
}

cmd_logs() {
  [ $# -eq 1 ] || die "usage: ./scs stack logs SERVICE (one of: ${ALL_SERVICES[*]})"
  resolve_services "$1" >/dev/null
  local log
  log=$(service_log_file "$1")
  [ -f "$log" ] || die "no log yet for $1 (expected $log); start it with ./scs stack up $1"
  tail -n 100 -F "$log"
}

main() {
  local command=${1:-}
  [ $# -gt 0 ] && shift
  case "$command" in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    logs) cmd_logs "$@" ;;
    install) cmd_install "$@" ;;
    -h | --help | help | "") usage ;;
    *)
      usage >&2
      die "unknown stack command '$command'"
      ;;
  esac
}

for arg in "$@"; do
  case "$arg" in -h | --help) usage && exit 0 ;; esac
done
main "$@"
