#!/usr/bin/env bash
# Shows where grouping loses each labelled file's stories, stage by stage, with the shipped
# similarity models (io.storyline.evaluation.GroupingStages): the share of same-story pairs the
# blocks compare and the link model links, the pieces' B-cubed precision and recall, and the
# stories'. Each file is also scored as its copy in the other regime (dated or undated).
#
#   scripts/grouping-stages.sh FILE.jsonl...
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
case "${1:-}" in ""|-h|--help) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
ensure_jar
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS} -Xmx8g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TOOLS_CP" \
  io.storyline.evaluation.GroupingStages "$@"
