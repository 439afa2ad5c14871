#!/usr/bin/env bash
# Runs the job on the direct runner and on a Flink 1.19 session cluster started on this machine
# (scripts/run-flink.sh, parallelism 2) over the same input, then checks that the four tables
# agree row for row: same story ids, same counts, same claims.
#
#   scripts/check-runners.sh [--input=PATTERNS] [pipeline options]
#
# Default input: every fixture corpus (sample, jsonl, html, bad). The two runs' tables are kept
# in out-runners/direct and out-runners/flink (with the cluster's logs in flink/flink-logs).
# Then a nightly case: the first day of fixtures/nightly on the direct runner
# (out-runners/night1), and the second day continuing it (--previousOutput) on both runners
# (out-runners/night2-direct, out-runners/night2-flink), tables and state compared.
# Exits with 1 when the tables differ.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

input="$ROOT/fixtures/sample,$ROOT/fixtures/jsonl,$ROOT/fixtures/html,$ROOT/fixtures/bad"
args=()
for arg in "$@"; do
  case "$arg" in
    --input=*) input="${arg#--input=}" ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

ensure_jar
out="$ROOT/out-runners"
rm -rf "$out"
mkdir -p "$out"

started=$SECONDS
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -jar "$JAR" --input="$input" --output="$out/direct" ${args[@]+"${args[@]}"}
echo "storyline: direct runner finished in $((SECONDS - started))s" >&2

"$ROOT/scripts/run-flink.sh" --input="$input" --output="$out/flink" ${args[@]+"${args[@]}"} \
  > "$out/flink-report.txt"

java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.report.CompareTables "$out/direct" "$out/flink"
echo "storyline: the direct runner and Flink wrote the same tables"

nightly="$ROOT/fixtures/nightly"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$JAR" --input="$nightly/2026-05-11.jsonl" --output="$out/night1"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$JAR" --input="$nightly/2026-05-12.jsonl" --output="$out/night2-direct" \
  --previousOutput="$out/night1"
"$ROOT/scripts/run-flink.sh" --input="$nightly/2026-05-12.jsonl" --output="$out/night2-flink" \
  --previousOutput="$out/night1" > "$out/night2-flink-report.txt"
java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.report.CompareTables \
  "$out/night2-direct" "$out/night2-flink"
echo "storyline: a night with --previousOutput wrote the same tables on the direct runner and Flink"
