#!/usr/bin/env bash
# Retrains the story similarity models (links and stories) on labelled JSON Lines files and
# writes the shipped resource; prints each file's scores (and, with --leave-one-out, each file's
# scores with models trained on the others). Each file is also scored, never trained on, as a
# copy in the other regime: an undated file as a dense dated stream (each story a random day,
# three a day), a dated one without its dates; --copies=DIR writes those copies there. --sweep
# scores every set at every story threshold and at its own best one (an oracle);
# --link-threshold=T fixes the link model's threshold (an experiment: nothing is written).
#
#   scripts/train-similarity.sh [--leave-one-out] [--sweep] [--link-threshold=T] [--copies=DIR]
#       [DATASETS_DIR]
#
# DATASETS_DIR defaults to ../shared/datasets/clustering beside the repository; every *.jsonl in
# it is used. The model goes to transforms/src/main/resources/io/storyline/cluster/.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
flags=()
model="$ROOT/transforms/src/main/resources/io/storyline/cluster/similarity-model.properties"
write=(--write "$model")
dir="$ROOT/../shared/datasets/clustering"
for arg in "$@"; do
  case "$arg" in
    --leave-one-out|--sweep) flags+=("$arg") ;;
    --copies=*) flags+=(--copies "${arg#--copies=}") ;;
    --link-threshold=*) flags+=(--link-threshold "${arg#--link-threshold=}"); write=() ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) dir="$arg" ;;
  esac
done
ensure_jar
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
java ${JAVA_OPTS} -Xmx12g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$TOOLS_CP" \
  io.storyline.evaluation.SimilarityTraining ${flags[@]+"${flags[@]}"} ${write[@]+"${write[@]}"} "$dir"/*.jsonl
