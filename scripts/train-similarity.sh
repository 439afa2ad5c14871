#!/usr/bin/env bash
# Retrains the story similarity model on labelled JSON Lines files and writes the shipped
# resource; prints each file's scores (and, with --leave-one-out, each file's scores with a model
# trained on the others). An undated file is also scored as a dense dated stream (each story a
# random day, three a day), never trained on; --dated-copies=DIR writes those copies there.
#
#   scripts/train-similarity.sh [--leave-one-out] [--sweep] [--dated-copies=DIR] [DATASETS_DIR]
#
# DATASETS_DIR defaults to ../shared/datasets/clustering beside the repository; every *.jsonl in
# it is used. The model goes to transforms/src/main/resources/io/storyline/cluster/.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
flags=()
dir="$ROOT/../shared/datasets/clustering"
for arg in "$@"; do
  case "$arg" in
    --leave-one-out|--sweep) flags+=("$arg") ;;
    --dated-copies=*) flags+=(--dated-copies "${arg#--dated-copies=}") ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) dir="$arg" ;;
  esac
done
ensure_jar
model="$ROOT/transforms/src/main/resources/io/storyline/cluster/similarity-model.properties"
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS} -Xmx12g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TOOLS_CP" \
  io.storyline.evaluation.SimilarityTraining ${flags[@]+"${flags[@]}"} --write "$model" "$dir"/*.jsonl
