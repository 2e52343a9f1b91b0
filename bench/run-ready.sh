#!/usr/bin/env bash
# make bench-run: how long local mode takes to be ready and to stop, as make run starts it, with
# the local token issuer and with Keycloak. Beside each total it reports when the dev services
# (the engines alone) were ready, the baseline that local mode's own work adds to. After each stop
# it checks that no process of that run is left.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-3}"
out=target/bench-run
classpath="local/target/classes:$(cat local/target/local.classpath)"
report="$out/run-ready.txt"
mkdir -p "$out"
: > "$report"

say() { echo "$@" | tee -a "$report"; }

millis() { echo $(( $(date +%s%N) / 1000000 )); }

measure() {
  local mode=$1 flag=$2 run log work pid start ready engines stop_start stopped left
  for run in $(seq 1 "$runs"); do
    work="$out/local-$mode-$run"
    log="$out/$mode-$run.log"
    rm -rf "$work"
    echo "==> $mode, run $run of $runs: starting local mode (log $log)"
    start=$(millis)
    # shellcheck disable=SC2086 # $flag is empty or one word
    java -cp "$classpath" io.cellstack.local.LocalMode examples/base "$work" $flag > "$log" 2>&1 &
    pid=$!
    until grep -q "Cellstack local mode is up." "$log"; do
      if ! kill -0 "$pid" 2> /dev/null; then
        echo "local mode exited before it was up; see $log" >&2
        exit 1
      fi
      if (( $(millis) - start > 300000 )); then
        kill "$pid"
        echo "local mode was not up within 300 s; see $log" >&2
        exit 1
      fi
      sleep 0.2
    done
    ready=$(( $(millis) - start ))
    engines=$(grep -m1 -o '^\[ *[0-9.]*s\] Pulsar .* ready' "$log" | sed 's/^\[ *\([0-9.]*\)s\].*/\1/')
    stop_start=$(millis)
    kill -TERM "$pid" # what Ctrl-C does to make run (a background job ignores SIGINT)
    wait "$pid" || true
    stopped=$(( $(millis) - stop_start ))
    left=$(pgrep -f -- "$work" | wc -l || true)
    say "$(awk -v mode="$mode" -v run="$run" -v ready="$ready" -v engines="$engines" \
      -v stopped="$stopped" -v left="$left" 'BEGIN {
        printf "%-8s run %d: ready %5.1f s (dev services ready at %5.1f s), stopped in %4.1f s, processes left: %d",
          mode, run, ready / 1000, engines, stopped / 1000, left }')"
  done
}

if [[ ! -f local/target/local.classpath ]]; then
  echo "local mode is not built: run 'make build' first" >&2
  exit 1
fi
say "make run readiness, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
measure local ""
measure keycloak --keycloak
echo "results in $report"
