#!/usr/bin/env bash
# Writes a static HTML report of a finished job's Parquet tables: an index of stories and one
# page per story (coverage by Left/Center/Right, timeline, sources, claims, contested claims).
# It needs no server and no network: open REPORT_DIR/index.html in a browser.
#
#   scripts/report.sh OUTPUT [REPORT_DIR]      (default REPORT_DIR: OUTPUT/report)
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ $# -lt 1 || "$1" == -h || "$1" == --help ]]; then
  sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
fi
ensure_jar
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.report.HtmlReport "$@"
