#!/usr/bin/env bash
# Checks that the bundled jar Flink and Dataflow load holds the job only: no class of the tools
# module (io.storyline.evaluation, .benchmark, .report, .convert) may be in it. Exit status 1 names
# what is there. Builds the jars first when they are missing or stale (CI runs it after the tests).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_jar

found="$(unzip -Z1 "$JAR" | grep -E '^io/storyline/(evaluation|benchmark|report|convert)/' || true)"
if [[ -n "$found" ]]; then
  echo "check-bundle: tools classes in $JAR:" >&2
  echo "$found" | head -20 >&2
  exit 1
fi
echo "check-bundle: $JAR ($(stat -c %s "$JAR") bytes) holds no tools class"
