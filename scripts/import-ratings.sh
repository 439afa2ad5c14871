#!/usr/bin/env bash
# Converts published outlet ratings into the --sourceRatings format (see README, "Outlet ratings").
#
#   scripts/import-ratings.sh allsides allsides_data.csv ratings.csv   (favstats/AllSideR)
#   scripts/import-ratings.sh mbfc mbfc.csv ratings.csv                (source,bias,factual_reporting,country)
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ $# -ne 3 ]]; then
  sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
fi
ensure_jar
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -cp "$TOOLS_CP" io.storyline.convert.ImportRatings "$@"
