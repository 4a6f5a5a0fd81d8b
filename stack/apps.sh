# The project's own long-running jobs (speed layer, serving layer) as background processes of the
# local stack: started by ./scs demo, stopped by it on Ctrl-C or by ./scs stack down.
# Sourced after lib.sh. PIDs in $SCS_STATE/run/NAME.pid, output in $SCS_STATE/logs/NAME.log.

APPS=(serving-layer speed-layer)
SPEED_METRICS_URL=${SPEED_METRICS_URL:-http://127.0.0.1:9464/metrics}
SPEED_METRICS_FILE=${SPEED_METRICS_FILE:-$SCS_STATE/metrics/speed-layer.prom}

# start_app NAME READY_PATTERN COMMAND... : starts COMMAND detached and, when READY_PATTERN is
# given, waits until the app's log shows it (3 minutes at most).
start_app() {
  local name=$1 pattern=$2 log from waited=0
  shift 2
  stop_app "$name"
  log=$(service_log_file "$name")
  ensure_state_dirs
  touch "$log"
  from=$(($(wc -c <"$log") + 1))
  start_daemon "$name" "$@"
  info "$name started (pid $(cat "$(service_pid_file "$name")"), log $log)"
  [ -n "$pattern" ] || return 0
  until tail -c +"$from" "$log" | grep -q -- "$pattern"; do
    service_pid "$name" >/dev/null || {
      tail -n 20 "$log" >&2
      die "$name stopped while starting; its log is $log"
    }
    [ $waited -lt 180 ] || die "$name did not start within 180 s; its log is $log"
    sleep 2
    waited=$((waited + 2))
  done
  info "$name is running"
}

stop_app() {
  if service_pid "$1" >/dev/null; then
    step "stop $1 (pid $(service_pid "$1"))"
    stop_daemon "$1"
  fi
}

# The speed layer's Prometheus metrics: its HTTP endpoint when it answers, else its text file.
speed_metrics_source() {
  if http_ok "$SPEED_METRICS_URL"; then echo "$SPEED_METRICS_URL"; else echo "$SPEED_METRICS_FILE"; fi
}

# speed_metric NAME : the value of one unlabelled speed-layer metric (0 before the first batch).
speed_metric() {
  local source value
  source=$(speed_metrics_source)
  if [[ $source == http* ]]; then
    value=$(curl -fsS --max-time 3 "$source" 2>/dev/null | awk -v m="$1" '$1 == m { print $2 }')
  else
    value=$(awk -v m="$1" '$1 == m { print $2 }' "$source" 2>/dev/null || true)
  fi
  printf '%.0f\n' "${value:-0}"
}

# wait_for_speed_layer TOTAL : until the speed layer has read and written TOTAL records, with
# progress; fails when it stops or makes no progress for ten minutes (one micro-batch can take
# minutes when it updates thousands of citizens in FerretDB).
wait_for_speed_layer() {
  local total=$1 read previous=-1 still=0
  while true; do
    read=$(speed_metric scs_speed_input_records_total)
    [ "$read" -lt "$total" ] || break
    service_pid speed-layer >/dev/null ||
      die "the speed layer stopped; its log is $(service_log_file speed-layer)"
    if [ "$read" = "$previous" ]; then still=$((still + 5)); else still=0; fi
    [ $still -lt 600 ] || die "the speed layer made no progress for 10 minutes at $read of $total records; its log is $(service_log_file speed-layer)"
    # Every 30 s is enough: a micro-batch takes seconds to minutes.
    [ $((still % 30)) -ne 0 ] || info "speed layer: $read of $total records written to every store"
    previous=$read
    sleep 5
  done
  info "speed layer: all $(printf "%'d" "$total") records written (lag $(speed_metric scs_speed_consumer_lag_records))"
}

# batch_run LOG [ARGS...] : one nightly batch run, its report shown and kept in LOG.
batch_run() {
  local log=$1
  shift
  bash stack/java-command.sh batch-layer run "$@" 2>&1 | tee "$log" | grep -v -E '^[0-9:.]+ +(INFO|WARN|DEBUG) ' ||
    die "the batch run failed; its output is $log"
}

# wait_for_http URL NAME : until URL answers 2xx (2 minutes at most).
wait_for_http() {
  local waited=0
  until http_ok "$1"; do
    service_pid "$2" >/dev/null || die "$2 stopped while starting; its log is $(service_log_file "$2")"
    [ $waited -lt 120 ] || die "$2 did not answer $1 within 120 s; its log is $(service_log_file "$2")"
    sleep 2
    waited=$((waited + 2))
  done
  info "$2 answers at $1"
}
