#!/usr/bin/env bash
# Runs Storyline on the direct runner, then prints a summary read back from the Parquet tables:
# each story's headline and sources, its best supported claims, and the contested ones; then
# writes the HTML report (scripts/report.sh) and prints its path.
#
#   scripts/run-local.sh [pipeline options]
#
# Defaults: --input=fixtures/sample (the built-in sample corpus) --output=out. An output folder
# that an earlier run wrote (it holds the job's _STORYLINE marker) loses that run's tables first;
# a non-empty folder without the marker is refused, nothing deleted. Any other option goes to the
# pipeline (see README, "Options").
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

input="$ROOT/fixtures/sample"
output="$ROOT/out"
args=()
for arg in "$@"; do
  case "$arg" in
    --input=*) input="${arg#--input=}" ;;
    --output=*) output="${arg#--output=}" ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

clear_output "$output"
ensure_jar
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -jar "$JAR" --input="$input" --output="$output" ${args[@]+"${args[@]}"}
if [[ "$output" != *"://"* ]]; then
  java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.report.StoryReport "$output"
  # The HTML report, under OUTPUT/report; its last line is the path of its index page.
  java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.report.HtmlReport "$output"
fi
