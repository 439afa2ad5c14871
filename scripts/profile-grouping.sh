#!/usr/bin/env bash
# Times story grouping alone (io.storyline.benchmark.GroupingProfile: signatures, blocking, links
# and clustering in memory, on one thread, CPU seconds) on the benchmark corpus of N articles,
# which it writes under work/benchmark/ as scripts/benchmark.sh does when it is not there yet.
#
#   scripts/profile-grouping.sh N [--datasets=DIR]
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n=""
datasets="$ROOT/../shared/datasets"
for arg in "$@"; do
  case "$arg" in
    --datasets=*) datasets="${arg#--datasets=}" ;;
    -h|--help) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) n="$arg" ;;
  esac
done
[[ "$n" =~ ^[0-9]+$ ]] || { echo "usage: scripts/profile-grouping.sh N [--datasets=DIR]" >&2; exit 2; }
ensure_jar
corpus="$ROOT/work/benchmark/corpus-$n"
if [[ ! -f "$corpus/.complete" ]]; then
  rm -rf "$corpus"
  dataset_arg=()
  [[ -d "$datasets" ]] && dataset_arg=("$datasets")
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
  java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.benchmark.BenchmarkCorpus "$n" "$corpus" \
    "$ROOT/fixtures/sample" ${dataset_arg[@]+"${dataset_arg[@]}"}
  touch "$corpus/.complete"
fi
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TOOLS_CP" \
  io.storyline.benchmark.GroupingProfile "$corpus"
