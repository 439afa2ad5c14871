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

# Build the transforms module (offline first; online when something is missing).
if ! mvn -q -o -pl transforms -am package -DskipTests; then
  mvn -q -pl transforms -am package -DskipTests
fi

cp_file="$root/transforms/target/classpath.txt"
if [[ ! -s "$cp_file" || "$root/transforms/pom.xml" -nt "$cp_file" || "$root/pom.xml" -nt "$cp_file" ]]; then
  if ! mvn -q -o -pl transforms dependency:build-classpath -Dmdep.outputFile="$cp_file" \
      -Dmdep.includeScope=runtime; then
    mvn -q -pl transforms dependency:build-classpath -Dmdep.outputFile="$cp_file" \
      -Dmdep.includeScope=runtime
  fi
fi

exec java -Xmx2g -XX:+UseSerialGC -cp "$root/transforms/target/classes:$(cat "$cp_file")" \
  io.storyline.clean.html.ExtractionEvaluation "$@"
