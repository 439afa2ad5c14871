#!/usr/bin/env bash
# Splits a labelled JSON Lines file by day, runs the job on it night by night with
# --previousOutput and once over the whole file, and prints both scores: B-cubed and pairwise of
# the story ids the articles received (merges followed through merged_into), their difference,
# and the article ids written more than once (there must be none).
#
#   scripts/evaluate-nightly.sh FILE.jsonl [--keep] [extra pipeline options]
#
# --keep  keep the runs (under work/) instead of removing them: input/date=D/, nightly/date=D/,
#         whole/
# Lines without a published date go to the first night. Environment: STORYLINE_JAR, JAVA_OPTS.
set -euo pipefail

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
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

KEEP=0
PIPELINE_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --keep) KEEP=1 ;;
    -h|--help) usage 0 ;;
    *) PIPELINE_ARGS+=("$arg") ;;
  esac
done

ensure_jar

mkdir -p "$ROOT/work"
TMP="$(mktemp -d "$ROOT/work/evaluate-nightly.XXXXXX")"
cleanup() {
  if [[ "$KEEP" == 1 ]]; then
    echo "evaluate-nightly: runs kept in $TMP" >&2
  else
    rm -rf "$TMP"
  fi
}
trap cleanup EXIT

# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TOOLS_CP" \
  io.storyline.evaluation.NightlyEvaluation "$INPUT" "$TMP" ${PIPELINE_ARGS[@]+"${PIPELINE_ARGS[@]}"} \
  | grep -v '^Storyline '
