#!/usr/bin/env bash
# Measures whether sentence embeddings (all-MiniLM-L6-v2) would help group articles with one
# configuration: embeds every labelled set (scripts/embeddings/EmbedArticles.java, printing the
# time per article), then scores TF-IDF, the embeddings and their mixes with average link, one
# (mix, cut) for all sets and chosen with each set held out (scripts/embeddings/one_configuration.py).
# Not part of the job; needs Maven (for the model's jars), Python 3 with numpy and scipy.
#
#   scripts/measure-embeddings.sh [DATASETS_DIR]
#
# DATASETS_DIR defaults to ../shared/datasets/clustering beside the repository. The embeddings go
# to work/embeddings/.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
case "${1:-}" in -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
dir="${1:-$ROOT/../shared/datasets/clustering}"
kit="$ROOT/scripts/embeddings"
out="$ROOT/work/embeddings"
mkdir -p "$out"
(cd "$kit" && { mvn -o -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$out/classpath" \
  2>/dev/null || mvn -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$out/classpath"; })
for f in "$dir"/*.jsonl; do
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
  java ${JAVA_OPTS} -cp "$(cat "$out/classpath")" "$kit/EmbedArticles.java" \
    "$f" "$out/$(basename "$f" .jsonl).tsv" 2> >(grep -v '^SLF4J' >&2)
done
python3 "$kit/one_configuration.py" "$out" "$dir"/*.jsonl
