#!/usr/bin/env bash
# Kills a busy Flink TaskManager with SIGKILL in the middle of a run and checks that the job
# recovers: it completes, Flink restarted the lost tasks (not the job given up), and the four
# tables equal a direct-runner run's row for row (io.storyline.report.CompareTables).
#
#   scripts/check-failover.sh [extract|write ...]
#
# Cases (default: both): "extract" kills the TaskManager while claims are being extracted,
# "write" while the tables' Parquet files are being written (a temporary file
# exists). The corpus (FAILOVER_ARTICLES articles, default 3000) is recombined from the built-in
# sample by io.storyline.benchmark.BenchmarkCorpus, so the check needs nothing outside the
# repository. The cluster is run-flink.sh's, with FLINK_TASKMANAGERS=2 (one spare for the tasks
# of the killed one) and parallelism 2.
# Everything is kept in out-failover/ (each case's tables and cluster logs in out-failover/CASE).
# Exits with 1 when a case fails.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cases=()
for arg in "$@"; do
  case "$arg" in
    extract|write) cases+=("$arg") ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-failover: unknown case $arg (extract, write)" >&2; exit 2 ;;
  esac
done
[[ ${#cases[@]} -gt 0 ]] || cases=(extract write)

ensure_jar
out="$ROOT/out-failover"
articles="${FAILOVER_ARTICLES:-3000}"
corpus="$out/corpus-$articles"
rm -rf "$out/direct" "$out/extract" "$out/write"
mkdir -p "$out"
if [[ ! -f "$corpus/.complete" ]]; then
  rm -rf "$corpus"
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
  java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.benchmark.BenchmarkCorpus "$articles" "$corpus" \
    "$ROOT/fixtures/sample" > "$out/corpus.log" 2>&1
  touch "$corpus/.complete"
fi

started=$SECONDS
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$JAR" \
  --input="$corpus" --output="$out/direct" > "$out/direct.log" 2>&1
echo "check-failover: direct runner finished in $((SECONDS - started))s" >&2

# Prints "yes" when a vertex whose name contains $2 has status RUNNING in the job document $1
# (the REST API's JSON, read without a JSON tool: a vertex's status precedes its nested objects).
vertex_running() {
  tr '{' '\n' <<< "$1" | grep -F -- "$2" | grep -q '"status":"RUNNING"' && echo yes || true
}

# Runs one case: submits the job through run-flink.sh in the background, waits until a vertex
# named like $2 runs (or, for "temp", until a table's temporary Parquet files appear), kills a
# TaskManager that holds a slot of the job, and waits for the end.
run_case() {
  local name="$1" vertex="$2"
  local dir="$out/$name" logs="$out/$name/flink-logs"
  local started=$SECONDS
  FLINK_TASKMANAGERS=2 FLINK_SLOTS=2 "$ROOT/scripts/run-flink.sh" --output="$dir" \
    --input="$corpus" > "$out/$name.log" 2>&1 &
  local runner=$!
  local rest="" job="" killed="" deadline=$((SECONDS + 600))
  while kill -0 "$runner" 2>/dev/null && [[ $SECONDS -lt $deadline ]]; do
    # A table's write lasts about a second: poll often enough to see it.
    sleep 0.2
    if [[ -z "$rest" && -f "$logs/conf/config.yaml" ]]; then
      rest="localhost:$(sed -n 's/^rest.port: //p' "$logs/conf/config.yaml")"
    fi
    [[ -n "$rest" ]] || continue
    if [[ -z "$job" ]]; then
      job="$(curl -sf "http://$rest/jobs" 2>/dev/null | grep -o '"id":"[0-9a-f]*"' | head -1 \
        | cut -d'"' -f4 || true)"
      continue
    fi
    if [[ "$vertex" == temp ]]; then
      # FileIO writes each table into a temporary folder under it and renames the files into
      # place when every shard is written: a file there is a Parquet write under way.
      [[ -n "$(find "$dir" -path '*.temp-beam*' -type f -print -quit 2>/dev/null)" ]] \
        || continue
    else
      local doc
      doc="$(curl -sf "http://$rest/jobs/$job" 2>/dev/null || true)"
      [[ "$(vertex_running "$doc" "$vertex")" == yes ]] || continue
    fi
    # A TaskManager with a slot taken is running tasks of the job (the only job here).
    local tms id pid i
    tms="$(curl -sf "http://$rest/taskmanagers" 2>/dev/null || true)"
    for i in 1 2; do
      id="$(sed -n 's/.*Starting TaskManager with ResourceID: \([^ ]*\).*/\1/p' \
        "$logs/taskmanager-$i.log" | head -1)"
      [[ -n "$id" ]] || continue
      if tr '{' '\n' <<< "$tms" | grep -F "\"id\":\"$id\"" \
          | grep -q '"slotsNumber":2,"freeSlots":[01],'; then
        pid="$(cat "$logs/taskmanager-$i.pid")"
        kill -9 "$pid"
        killed="taskmanager-$i ($id, pid $pid)"
        break
      fi
    done
    if [[ -n "$killed" ]]; then
      echo "check-failover: $name: killed $killed after $((SECONDS - started))s, while" \
        "'$vertex' ran" >&2
      break
    fi
  done
  local status=0
  wait "$runner" || status=$?
  echo "check-failover: $name: run-flink.sh ended with $status after $((SECONDS - started))s" >&2
  if [[ -z "$killed" ]]; then
    echo "check-failover: $name: no TaskManager was killed ('$vertex' never seen running);" \
      "a larger FAILOVER_ARTICLES makes the job longer" >&2
    return 1
  fi
  if [[ $status -ne 0 ]]; then
    echo "check-failover: $name: the job failed after the TaskManager was killed; see" \
      "$out/$name.log and $logs/jobmanager.log" >&2
    grep -m3 -E "Recovery is suppressed|switched from state .* to FAILED" "$logs/jobmanager.log" >&2 || true
    return 1
  fi
  # The job must have recovered by restarting tasks, which the JobManager logs; a kill that
  # went unnoticed (the TaskManager already idle) proves nothing.
  if ! grep -q "to recover the failed task" "$logs/jobmanager.log"; then
    echo "check-failover: $name: the JobManager restarted no task; see $logs/jobmanager.log" >&2
    return 1
  fi
  grep -m1 -E "[0-9]+ tasks (should|will) be restarted to recover the failed task" \
    "$logs/jobmanager.log" | sed 's/^/check-failover:   /' >&2 || true
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.report.CompareTables "$out/direct" "$dir"
}

failed=0
for name in "${cases[@]}"; do
  case "$name" in
    extract) vertex="ExtractClaims/AnalyzeArticles" ;;
    write) vertex="temp" ;;
  esac
  if run_case "$name" "$vertex"; then
    echo "check-failover: $name: recovered; the tables equal the direct runner's"
  else
    failed=1
  fi
done
exit "$failed"
