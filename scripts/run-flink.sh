#!/usr/bin/env bash
# Runs Storyline on Flink 1.19, then prints the summary of the tables (as run-local.sh does).
#
#   scripts/run-flink.sh [--flinkMaster=HOST:PORT] [pipeline options]
#
# Without --flinkMaster a Flink session cluster is started on this machine for the run: one
# JobManager and FLINK_TASKMANAGERS TaskManagers, each a JVM of its own, listening on localhost
# only. The job is submitted to it and the cluster is stopped afterwards, also when the job fails.
# The cluster's configuration and logs are kept in OUTPUT/flink-logs/.
# With --flinkMaster=HOST:PORT (the REST address of an existing cluster, e.g. jm.example:8081)
# the job is only submitted there; input and output must then be paths its TaskManagers can open.
#
# Defaults: --input=fixtures/sample --output=out-flink --parallelism=2. An earlier run's tables in
# the output folder are removed first, as by run-local.sh (a non-empty folder without the job's
# _STORYLINE marker is refused); local paths are made absolute, since the TaskManagers open them.
# Environment: STORYLINE_JAR (a jar to use, never built), JAVA_OPTS (the submitting JVM),
# FLINK_TASKMANAGERS (default 1), FLINK_SLOTS (slots per TaskManager, default 2),
# FLINK_TM_HEAP (task heap per TaskManager, default 1024m), FLINK_READY_SECONDS (default 120).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

input="$ROOT/fixtures/sample"
output="$ROOT/out-flink"
master=""
parallelism=2
args=()
for arg in "$@"; do
  case "$arg" in
    --input=*) input="${arg#--input=}" ;;
    --output=*) output="${arg#--output=}" ;;
    --flinkMaster=*) master="${arg#--flinkMaster=}" ;;
    --parallelism=*) parallelism="${arg#--parallelism=}" ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

# Local paths (no scheme) become absolute: the TaskManagers do not run in this directory.
absolute() {
  local path="$1"
  if [[ "$path" == *"://"* || "$path" == /* ]]; then
    printf '%s' "$path"
  else
    printf '%s/%s' "$PWD" "$path"
  fi
}
patterns=()
IFS=',' read -r -a parts <<< "$input"
for part in "${parts[@]}"; do
  [[ -n "$part" ]] && patterns+=("$(absolute "$part")")
done
input="$(IFS=','; printf '%s' "${patterns[*]}")"
output="$(absolute "$output")"
for i in "${!args[@]}"; do
  case "${args[$i]}" in
    --previousOutput=*) args[i]="--previousOutput=$(absolute "${args[$i]#--previousOutput=}")" ;;
  esac
done

clear_output "$output"
ensure_jar

# Picks a free TCP port on localhost: one that nothing answers on, below the kernel's ephemeral
# range, so that no process of the cluster (the TaskManagers listen on port 0) takes it first.
free_port() {
  local port low
  low="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
  [[ "$low" =~ ^[0-9]+$ && "$low" -gt 20000 ]] || low=32768
  for _ in $(seq 1 50); do
    port=$((10000 + RANDOM % (low - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "storyline: no free port found" >&2
  exit 1
}

pids=()
work=""
stop_cluster() {
  local status=$?
  local pid
  for pid in ${pids[@]+"${pids[@]}"}; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in ${pids[@]+"${pids[@]}"}; do
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [[ -n "$work" ]]; then
    rm -rf "$work"
  fi
  if [[ ${#pids[@]} -gt 0 ]]; then
    echo "storyline: Flink cluster stopped; its logs are in $logs" >&2
  fi
  exit "$status"
}

start_cluster() {
  local taskmanagers="${FLINK_TASKMANAGERS:-1}"
  local slots="${FLINK_SLOTS:-2}"
  local heap="${FLINK_TM_HEAP:-1024m}"
  local rpc_port rest_port blob_port
  rpc_port="$(free_port)"
  rest_port="$(free_port)"
  blob_port="$(free_port)"
  if [[ "$output" == *"://"* ]]; then
    logs="$ROOT/out-flink-logs"
    rm -rf "$logs"
  else
    logs="$output/flink-logs"
  fi
  mkdir -p "$logs"
  work="$(mktemp -d "${TMPDIR:-/tmp}/storyline-flink.XXXXXX")"
  local conf="$logs/conf"
  mkdir -p "$conf"
  # Flink 1.19 reads config.yaml (flat keys are valid YAML). Everything binds to localhost.
  # A TaskManager started without Flink's shell scripts needs its memory spelled out.
  cat > "$conf/config.yaml" <<EOF
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $rpc_port
jobmanager.bind-host: localhost
rest.address: localhost
rest.bind-address: localhost
rest.port: $rest_port
blob.server.port: $blob_port
taskmanager.host: localhost
taskmanager.bind-host: localhost
taskmanager.rpc.port: 0
taskmanager.data.port: 0
metrics.internal.query-service.port: 0
taskmanager.numberOfTaskSlots: $slots
parallelism.default: $parallelism
taskmanager.cpu.cores: $slots
taskmanager.memory.framework.heap.size: 128m
taskmanager.memory.task.heap.size: $heap
taskmanager.memory.framework.off-heap.size: 128m
taskmanager.memory.task.off-heap.size: 128m
taskmanager.memory.network.min: 256m
taskmanager.memory.network.max: 256m
# A blocking result partition of the batch job reserves this many buffers (default 512).
taskmanager.network.sort-shuffle.min-buffers: 64
taskmanager.memory.managed.size: 256m
# A global combine's accumulator grows with the corpus: spill large records, never fail on them.
taskmanager.runtime.large-record-handler: true
taskmanager.memory.jvm-metaspace.size: 256m
taskmanager.memory.jvm-overhead.min: 192m
taskmanager.memory.jvm-overhead.max: 192m
jobmanager.memory.process.size: 1024m
io.tmp.dirs: $work/tmp
blob.storage.directory: $work/blobs
web.tmpdir: $work/web
web.submit.enable: false
rest.server.max-content-length: 1073741824
rest.client.max-content-length: 1073741824
# Recovery from a lost TaskManager: the same lines as FlinkDefaults.RECOVERY in the job.
# A lost TaskManager restarts the failed region of the job, not the whole job, a bounded
# number of times, waiting 2 s, 4 s, 8 s, 16 s (at most 30 s) between attempts.
restart-strategy.type: exponential-delay
restart-strategy.exponential-delay.initial-backoff: 2 s
restart-strategy.exponential-delay.backoff-multiplier: 2.0
restart-strategy.exponential-delay.max-backoff: 30 s
restart-strategy.exponential-delay.jitter-factor: 0.1
restart-strategy.exponential-delay.attempts-before-reset-backoff: 4
# Only an hour without failure starts the count of attempts afresh: a batch job that
# keeps failing fails instead of restarting forever.
restart-strategy.exponential-delay.reset-backoff-threshold: 1 h
jobmanager.execution.failover-strategy: region
# A killed TaskManager refuses connections: two failed heartbeat RPCs in a row (4 s)
# mark it lost. A live one that stops answering (a long GC pause of a big combine) has
# 30 s before it is taken for dead.
heartbeat.interval: 2000
heartbeat.timeout: 30000
heartbeat.rpc-failure-threshold: 2
# A restarted task whose slot cannot be had fails the attempt after 60 s (default 5 min).
slot.request.timeout: 60000
EOF
  mkdir -p "$work/tmp" "$work/blobs" "$work/web"

  # The same reflective access Flink's own scripts open on Java 17.
  local jvm=(-XX:+ExitOnOutOfMemoryError -XX:+UseG1GC
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    -Dorg.slf4j.simpleLogger.defaultLogLevel=info -Dorg.slf4j.simpleLogger.showDateTime=true
    -Dorg.slf4j.simpleLogger.logFile=System.out)

  java "${jvm[@]}" -Xms512m -Xmx768m -XX:MaxMetaspaceSize=256m \
    -cp "$JAR" org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
    --configDir "$conf" > "$logs/jobmanager.log" 2>&1 &
  pids+=($!)
  local heap_mb="${heap%m}"
  local i
  for i in $(seq 1 "$taskmanagers"); do
    java "${jvm[@]}" -Xms"$((heap_mb + 128))"m -Xmx"$((heap_mb + 128))"m \
      -XX:MaxDirectMemorySize=512m -XX:MaxMetaspaceSize=256m \
      -cp "$JAR" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
      --configDir "$conf" > "$logs/taskmanager-$i.log" 2>&1 &
    pids+=($!)
    # For scripts/check-failover.sh, which kills one TaskManager mid-run.
    echo $! > "$logs/taskmanager-$i.pid"
  done
  echo "storyline: Flink cluster starting: JobManager REST at localhost:$rest_port," \
    "$taskmanagers TaskManager(s) x $slots slots" >&2

  # Ready when every TaskManager has registered with the JobManager.
  local deadline=$((SECONDS + ${FLINK_READY_SECONDS:-120}))
  while true; do
    local pid
    for pid in "${pids[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "storyline: a Flink process exited while starting; see $logs" >&2
        tail -n 20 "$logs"/*.log >&2 || true
        exit 1
      fi
    done
    local registered
    registered="$(curl -sf "http://localhost:$rest_port/taskmanagers" 2>/dev/null \
      | grep -o '"slotsNumber"' | wc -l || true)"
    if [[ "${registered:-0}" -ge "$taskmanagers" ]]; then
      break
    fi
    if [[ $SECONDS -ge $deadline ]]; then
      echo "storyline: Flink cluster not ready after ${FLINK_READY_SECONDS:-120}s; see $logs" >&2
      exit 1
    fi
    sleep 1
  done
  master="localhost:$rest_port"
  export FLINK_CONF_DIR="$conf"
}

logs=""
if [[ -z "$master" ]]; then
  trap stop_cluster EXIT
  trap 'exit 130' INT TERM
  start_cluster
fi

echo "storyline: submitting to Flink at $master (parallelism $parallelism)" >&2
started=$SECONDS
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -jar "$JAR" --runner=FlinkRunner --flinkMaster="$master" \
  --parallelism="$parallelism" --input="$input" --output="$output" ${args[@]+"${args[@]}"}
echo "storyline: Flink job finished in $((SECONDS - started))s" >&2
if [[ "$output" != *"://"* ]]; then
  java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.report.StoryReport "$output"
fi
