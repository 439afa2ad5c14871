#!/usr/bin/env bash
# Times the job on the hostile corpus at full size and prints, per file, the rows it became
# (articles + rejected rows, read back from the Parquet tables) against the rows it must give, the
# seconds the job's stages spent on it (summed over workers), that time per row against a budget,
# and the job's wall time; then the JVM's peak resident memory.
#
#   scripts/hostile-benchmark.sh [--pageBytes=N] [--budget=SECONDS]
#
# The corpus is io.storyline.pipeline.HostileCorpus (pipeline test sources, also behind
# HostileInputTest): pages at the size limit without punctuation and as one sentence, 100,000
# one-word lines, a paragraph repeated 50,000 times, a huge HTML table, two gzip bombs (100 times
# the page size decompressed), JSON Lines whose gzip is cut short, a web archive cut short, a .gz
# that is not compressed, gzip noise, HTML nested as deep as the page allows, HTML of unclosed
# <svg> and <script tags, random bytes named .txt, a JSON line that is one huge string, and a web
# archive holding a page four times the size limit. io.storyline.pipeline.HostileBenchmark runs, in one JVM
# on the direct runner, one job over the whole corpus (the warm-up) and then one job per file.
# Defaults: --pageBytes=10485760 (the job's --maxRecordBytes default, which the jobs are given) and
# --budget=2 (stage seconds per row). Corpus and outputs go under work/hostile/. Exits 1 if a file
# ends as other rows than it must or misses the budget. JAVA_OPTS, when set, goes to the JVM.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

page_bytes=$((10 << 20))
budget=2
for arg in "$@"; do
  case "$arg" in
    --pageBytes=*) page_bytes="${arg#--pageBytes=}" ;;
    --budget=*) budget="${arg#--budget=}" ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "hostile-benchmark: unknown argument $arg" >&2; exit 2 ;;
  esac
done

ensure_jar
# The corpus and the timing live in the test sources, beside the test that runs the same corpus.
(cd "$ROOT" && { mvn -o -q -B -pl pipeline -am test-compile 2>/dev/null \
  || mvn -q -B -pl pipeline -am test-compile; })
bench="$ROOT/work/hostile"
mkdir -p "$bench"
log="$bench/benchmark.log"
status=0
# The web archive of the corpus is the project's fixture, found from the repository root.
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
figures=$(cd "$ROOT" && measure "$log" java ${JAVA_OPTS:-} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$ROOT/pipeline/target/test-classes:$JAR" io.storyline.pipeline.HostileBenchmark \
  "$bench" "$page_bytes" "$budget" 3>&1) || status=$?
grep -v '^SLF4J' "$log" | grep -v 'WARN' || true
read -r wall peak_kb <<< "$figures"
printf '\nOne JVM for all the jobs: %.0f s, peak resident memory %d MB.\n' "$wall" \
  "$((peak_kb / 1024))"
exit "$status"
