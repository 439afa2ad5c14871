#!/usr/bin/env bash
# Runs the pipeline on a labelled JSON Lines file (one article per line with a gold_story) and
# scores the stories it forms against the gold stories.
#
#   scripts/evaluate.sh FILE.jsonl [--explain [N]] [--keep] [extra pipeline options]
#
# --explain [N]  also list the N worst merges and splits (default 5)
# --keep         keep the pipeline output (under work/) instead of removing it
# Any other argument is passed to the pipeline, e.g. --someOption=value.
#
# The bundled jar is built first if it is missing or older than the sources. Environment:
# STORYLINE_JAR (a jar to use instead, never built), JAVA_OPTS (options for both JVMs).
set -euo pipefail

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit "${1:-2}"
}

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[[ $# -ge 1 ]] || usage
case "$1" in -h|--help) usage 0 ;; esac
INPUT="$1"
shift
if [[ ! -f "$INPUT" ]]; then
  echo "No such file: $INPUT" >&2
  exit 2
fi
INPUT="$(cd "$(dirname "$INPUT")" && pwd)/$(basename "$INPUT")"

EXPLAIN=()
KEEP=0
PIPELINE_ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --explain)
      EXPLAIN=(--explain)
      if [[ $# -gt 1 && "$2" =~ ^[0-9]+$ ]]; then
        EXPLAIN+=("$2")
        shift
      fi
      ;;
    --keep) KEEP=1 ;;
    -h|--help) usage 0 ;;
    *) PIPELINE_ARGS+=("$1") ;;
  esac
  shift
done

ensure_jar

mkdir -p "$ROOT/work"
TMP="$(mktemp -d "$ROOT/work/evaluate.XXXXXX")"
cleanup() {
  if [[ "$KEEP" == 1 ]]; then
    echo "evaluate: pipeline output kept in $TMP/output" >&2
  else
    rm -rf "$TMP"
  fi
}
trap cleanup EXIT

echo "evaluate: running the pipeline on $INPUT" >&2
start=$SECONDS
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -jar "$JAR" --input="$INPUT" --output="$TMP/output" \
  ${PIPELINE_ARGS[@]+"${PIPELINE_ARGS[@]}"}
echo "evaluate: pipeline ran in $((SECONDS - start)) s" >&2

# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.evaluation.ClusteringEvaluation \
  "$INPUT" "$TMP/output" ${EXPLAIN[@]+"${EXPLAIN[@]}"}
