#!/usr/bin/env bash
# Runs Storyline on Google Cloud Dataflow, directly from the bundled jar or as a Flex Template.
#
#   scripts/run-dataflow.sh run [pipeline options]            submit the bundled jar
#   scripts/run-dataflow.sh build-template                    build the Flex Template
#   scripts/run-dataflow.sh run-template JOB [pipeline options]  launch the Flex Template
#
# Pipeline options are the job's own: --input (gs:// patterns; a folder is gs://bucket/dir/*),
# --output (gs:// folder for Parquet), --bigQueryDataset=PROJECT:DATASET, and the others of the
# README. The Dataflow options come from the environment:
#   GCP_PROJECT             project id (required)
#   GCP_REGION              region, e.g. europe-west1 (required)
#   GCS_BUCKET              gs://bucket for temp/, staging/ and templates/ (required)
#   DATAFLOW_MACHINE_TYPE   worker machine type (default n2-standard-4)
#   DATAFLOW_MAX_WORKERS    autoscaling ceiling (default 10)
#   DATAFLOW_SERVICE_ACCOUNT  worker service account e-mail (optional)
#   TEMPLATE_IMAGE          Flex Template image (default
#                           GCP_REGION-docker.pkg.dev/GCP_PROJECT/storyline/storyline:latest)
#   DRY_RUN=1               print the command instead of running it
# run needs Java 17 and credentials (gcloud auth application-default login); the template
# commands need gcloud. JAVA_OPTS and STORYLINE_JAR as for run-local.sh.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit "${1:-2}"
}

[[ $# -ge 1 ]] || usage
mode="$1"
shift
case "$mode" in
  -h|--help) usage 0 ;;
  run|build-template|run-template) ;;
  *) echo "unknown command: $mode" >&2; usage ;;
esac

missing=()
[[ -n "${GCP_PROJECT:-}" ]] || missing+=(GCP_PROJECT)
[[ -n "${GCP_REGION:-}" ]] || missing+=(GCP_REGION)
[[ -n "${GCS_BUCKET:-}" ]] || missing+=(GCS_BUCKET)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "storyline: set ${missing[*]} (see scripts/run-dataflow.sh --help)" >&2
  exit 2
fi
if [[ "$GCS_BUCKET" != gs://* ]]; then
  echo "storyline: GCS_BUCKET must be a gs:// path, got $GCS_BUCKET" >&2
  exit 2
fi
bucket="${GCS_BUCKET%/}"
machine="${DATAFLOW_MACHINE_TYPE:-n2-standard-4}"
max_workers="${DATAFLOW_MAX_WORKERS:-10}"
template="$bucket/templates/storyline.json"
image="${TEMPLATE_IMAGE:-$GCP_REGION-docker.pkg.dev/$GCP_PROJECT/storyline/storyline:latest}"

execute() {
  if [[ -n "${DRY_RUN:-}" ]]; then
    printf '%q ' "$@"
    echo
  else
    "$@"
  fi
}

case "$mode" in
  run)
    ensure_jar
    dataflow=(--runner=DataflowRunner --project="$GCP_PROJECT" --region="$GCP_REGION"
      --tempLocation="$bucket/temp" --stagingLocation="$bucket/staging"
      --workerMachineType="$machine" --maxNumWorkers="$max_workers")
    if [[ -n "${DATAFLOW_SERVICE_ACCOUNT:-}" ]]; then
      dataflow+=(--serviceAccount="$DATAFLOW_SERVICE_ACCOUNT")
    fi
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
    execute java ${JAVA_OPTS:-} -jar "$JAR" "${dataflow[@]}" "$@"
    ;;

  build-template)
    ensure_jar
    execute gcloud dataflow flex-template build "$template" \
      --project="$GCP_PROJECT" \
      --image-gcr-path="$image" \
      --sdk-language=JAVA \
      --flex-template-base-image=JAVA17 \
      --metadata-file="$ROOT/templates/storyline-metadata.json" \
      --jar="$JAR" \
      --env=FLEX_TEMPLATE_JAVA_MAIN_CLASS=io.storyline.pipeline.StorylinePipeline
    ;;

  run-template)
    [[ $# -ge 1 && "$1" != --* ]] || { echo "run-template needs a job name" >&2; usage; }
    job="$1"
    shift
    # gcloud splits --parameters on commas, and --input may hold several patterns: '~' is
    # the separator instead (gcloud's ^~^ escape).
    parameters=""
    for arg in "$@"; do
      [[ "$arg" == --*=* ]] || { echo "not an option: $arg" >&2; exit 2; }
      parameters+="~${arg#--}"
    done
    extra=()
    if [[ -n "${DATAFLOW_SERVICE_ACCOUNT:-}" ]]; then
      extra+=(--service-account-email="$DATAFLOW_SERVICE_ACCOUNT")
    fi
    execute gcloud dataflow flex-template run "$job" \
      --project="$GCP_PROJECT" \
      --region="$GCP_REGION" \
      --template-file-gcs-location="$template" \
      --temp-location="$bucket/temp" \
      --staging-location="$bucket/staging" \
      --worker-machine-type="$machine" \
      --max-workers="$max_workers" \
      ${extra[@]+"${extra[@]}"} \
      --parameters="^~^${parameters#\~}"
    ;;
esac
