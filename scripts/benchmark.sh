#!/usr/bin/env bash
# Benchmarks the job on a corpus of N realistic articles, on the direct runner and on Flink
# (embedded, parallelism 2), and prints per run: articles, wall time, articles per second, peak
# resident memory of the JVM, and the time each stage spent in its own code.
#
#   scripts/benchmark.sh N [N ...] [--runners=direct,flink] [--datasets=DIR]
#
# The corpus (io.storyline.benchmark.BenchmarkCorpus) is recombined from real article text: the
# built-in sample, and the full-text sets of DIR (default ../shared/datasets) when present. It is
# written once per N under work/benchmark/. Each run appends a row to
# work/benchmark/results.md, which is printed at the end. JAVA_OPTS, when set, goes to every JVM
# (by default the JVM sizes its heap itself: a quarter of the machine's memory).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

sizes=()
runners="direct,flink"
datasets="$ROOT/../shared/datasets"
for arg in "$@"; do
  case "$arg" in
    --runners=*) runners="${arg#--runners=}" ;;
    --datasets=*) datasets="${arg#--datasets=}" ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|"") echo "benchmark: not a number of articles: $arg" >&2; exit 2 ;;
    *) sizes+=("$arg") ;;
  esac
done
if [[ ${#sizes[@]} -eq 0 ]]; then
  echo "usage: scripts/benchmark.sh N [N ...] [--runners=direct,flink] [--datasets=DIR]" >&2
  exit 2
fi

ensure_jar
java_opts="${JAVA_OPTS:-}"
bench="$ROOT/work/benchmark"
results="$bench/results.md"
mkdir -p "$bench"

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
machine+=", $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
if [[ ! -f "$results" ]]; then
  {
    echo "| runner | articles | wall (s) | articles/s | peak RSS (MB) | read | clean | extract | group | consolidate | write | machine |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  } > "$results"
fi

for n in "${sizes[@]}"; do
  corpus="$bench/corpus-$n"
  if [[ ! -f "$corpus/.complete" ]]; then
    rm -rf "$corpus"
    dataset_arg=()
    if [[ -d "$datasets" ]]; then
      dataset_arg=("$datasets")
    else
      echo "benchmark: no datasets at $datasets: the corpus is recombined from the sample alone" >&2
    fi
    # shellcheck disable=SC2086  # java_opts is a list of options
    java $java_opts -cp "$TOOLS_CP" io.storyline.benchmark.BenchmarkCorpus "$n" "$corpus" \
      "$ROOT/fixtures/sample" ${dataset_arg[@]+"${dataset_arg[@]}"}
    touch "$corpus/.complete"
  fi
  for runner in ${runners//,/ }; do
    case "$runner" in
      direct) runner_args=(--runner=DirectRunner) ;;
      flink) runner_args=(--runner=FlinkRunner --parallelism=2) ;;
      *) echo "benchmark: unknown runner $runner (direct, flink)" >&2; exit 2 ;;
    esac
    out="$bench/out-$runner-$n"
    log="$bench/run-$runner-$n.log"
    rm -rf "$out"
    echo "benchmark: $n articles on $runner ..." >&2
    # shellcheck disable=SC2086
    if ! figures=$(measure "$log" java $java_opts -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
        -jar "$JAR" "${runner_args[@]}" --input="$corpus" --output="$out" 3>&1); then
      echo "benchmark: the $runner run failed, see $log" >&2
      exit 1
    fi
    read -r wall peak_kb <<< "$figures"
    articles=$(grep -o ' articles=[0-9]*' "$log" | head -1 | cut -d= -f2)
    stage() { grep -o " $1=[0-9.]*" "$log" | head -1 | cut -d= -f2; }
    row=$(awk -v r="$runner" -v a="$articles" -v w="$wall" -v p="$peak_kb" \
      -v st="$(stage read) $(stage clean) $(stage extract) $(stage group) $(stage consolidate) $(stage write)" \
      -v m="$machine" 'BEGIN {
        split(st, s, " ");
        printf "| %s | %d | %.1f | %.0f | %.0f | %s | %s | %s | %s | %s | %s | %s |", \
          r, a, w, a / w, p / 1024, s[1], s[2], s[3], s[4], s[5], s[6], m }')
    echo "$row" >> "$results"
    echo "$row"
  done
done

echo
echo "Stage columns: seconds each stage spent in its own code, summed over workers (Beam counters)."
cat "$results"
