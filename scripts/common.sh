# Shared by the scripts: sourced, not run. Sets ROOT, JAR and TOOLS_CP; ensure_jar builds the
# bundled jar and the tools jar when one is missing or older than any pom or main source file; clear_output makes a local output
# folder ready for a new run without ever deleting what an earlier run did not write; measure runs
# a command and reports its wall time and peak memory.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${STORYLINE_JAR:-$ROOT/pipeline/target/storyline-bundled.jar}"
# The tools (evaluation, benchmark, report, CompareTables, ImportRatings) are not in the bundled
# jar: their thin jar runs with the bundled jar on the classpath (java -cp "$TOOLS_CP" CLASS).
TOOLS_JAR="$ROOT/tools/target/storyline-tools.jar"
TOOLS_CP="$TOOLS_JAR:$JAR"
# A JVM out of memory ends at once, non-zero, instead of spinning in a half-dead state: the
# scripts' every JVM gets this before the user's own JAVA_OPTS. Unless those choose a collector,
# it also gets the throughput collector, the one for batch work: on the 100,000-article benchmark
# it ran as fast as G1 in a third less memory (G1 grows its heap ahead of need; see README,
# Performance). The JVM refuses two collectors, so a user's own choice replaces it.
JAVA_GC="-XX:+UseParallelGC"
if [[ "${JAVA_OPTS:-}" =~ -XX:\+Use[A-Za-z0-9]*GC ]]; then
  JAVA_GC=""
fi
JAVA_OPTS="-XX:+ExitOnOutOfMemoryError $JAVA_GC ${JAVA_OPTS:-}"

ensure_jar() {
  local stale="" jar
  for jar in "$JAR" "$TOOLS_JAR"; do
    if [[ "$jar" == "$JAR" && -n "${STORYLINE_JAR:-}" ]]; then
      continue
    fi
    if [[ ! -f "$jar" ]]; then
      stale="missing"
    elif [[ -n "$(find "$ROOT" -path "$ROOT/work" -prune -o -path "$ROOT/scripts" -prune \
          -o -path '*/target' -prune -o \
          -path '*/.git' -prune -o -type f \( -name pom.xml -o -path '*/src/main/*' \) \
          -newer "$jar" -print -quit)" ]]; then
      stale="older than the sources"
    fi
  done
  if [[ -n "$stale" ]]; then
    echo "storyline: bundled or tools jar $stale, building them" >&2
    (cd "$ROOT" && { mvn -o -q -B -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package; })
  fi
  for jar in "$JAR" "$TOOLS_JAR"; do
    if [[ ! -f "$jar" ]]; then
      echo "storyline: no jar at $jar" >&2
      exit 1
    fi
  done
}

# The marker the job writes at the root of its output folder (io.storyline.pipeline.OutputMarker),
# and what a run writes beside it: the four tables, the state of the open stories and
# run-flink.sh's cluster logs.
OUTPUT_MARKER="_STORYLINE"
OUTPUT_ENTRIES=(stories articles claims rejected state document_frequencies flink-logs "$OUTPUT_MARKER")

# Readies a local output folder for a run, so that no table keeps files of an earlier run. A
# missing or empty folder is left as it is. A non-empty one is cleared only if it carries the
# marker, and then only of the entries a run writes; anything else in it stays. A non-empty
# folder without the marker is not known to be an earlier output (folder names alone prove
# nothing: a folder of input pages may well be called articles/), so the script stops (exit 1)
# with nothing deleted. Remote outputs (gs://, s3://) are not touched.
clear_output() {
  local output="$1"
  if [[ "$output" == *"://"* || ! -e "$output" ]]; then
    return
  fi
  if [[ ! -d "$output" ]]; then
    echo "storyline: --output=$output is a file, not a folder; nothing was run" >&2
    exit 1
  fi
  if [[ -z "$(ls -A "$output")" ]]; then
    return
  fi
  if [[ ! -f "$output/$OUTPUT_MARKER" ]]; then
    echo "storyline: --output=$output is not empty and is not an earlier Storyline output" \
      "(no $OUTPUT_MARKER in it); nothing was deleted or run. Give a new or empty folder" \
      "(an output of a version before the marker: remove it yourself)." >&2
    exit 1
  fi
  local entry
  for entry in "${OUTPUT_ENTRIES[@]}"; do
    rm -rf "${output:?}/$entry"
  done
  if [[ -n "$(ls -A "$output")" ]]; then
    echo "storyline: left alone in $output (not written by Storyline):" \
      "$(ls -A "$output" | tr '\n' ' ')" >&2
  fi
}

# Runs a command and prints "WALL_SECONDS PEAK_RSS_KB" on fd 3; the command's output goes to $log.
measure() {
  local log="$1"; shift
  local start end pid peak=0 hwm
  start=$(date +%s.%N)
  "$@" > "$log" 2>&1 &
  pid=$!
  # VmHWM is the process's own high-water mark of resident memory: the last reading before it
  # exits is its peak.
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [[ -n "$hwm" && "$hwm" -gt "$peak" ]]; then peak=$hwm; fi
    sleep 0.2
  done
  local status=0
  wait "$pid" || status=$?
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v p="$peak" 'BEGIN {printf "%.2f %d\n", e - s, p}' >&3
  return $status
}
