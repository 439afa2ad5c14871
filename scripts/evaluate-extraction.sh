#!/usr/bin/env bash
# Scores the HTML article extractor on a labelled page set laid out as in
# scrapinghub/article-extraction-benchmark:
#   DIR/html/<id>.html.gz   DIR/ground-truth.json  ({id: {articleBody, url}})
# Usage: scripts/evaluate-extraction.sh DIR [--worst N] [--peer FILE] [--passes N] [--dump ID]
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 DIR [--worst N] [--peer FILE] [--passes N] [--dump ID]" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Compile the tools module and what it needs (offline first; online when something is missing),
# and write its classpath: the transforms' and pipeline's classes and their libraries. The bundled
# jar is not needed.
cp_file="$root/tools/target/classpath.txt"
build=(-q -pl tools -am compile dependency:build-classpath -Dmdep.outputFile="$cp_file"
  -Dmdep.includeScope=runtime)
if ! mvn -o "${build[@]}"; then
  mvn "${build[@]}"
fi

exec java -Xmx2g -XX:+UseSerialGC -cp "$root/tools/target/classes:$(cat "$cp_file")" \
  io.storyline.evaluation.ExtractionEvaluation "$@"
