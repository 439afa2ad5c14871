# Shared by the scripts: sourced, not run. Sets ROOT and JAR, and ensure_jar builds the bundled
# jar when it is missing or older than any pom or main source file.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${STORYLINE_JAR:-$ROOT/pipeline/target/storyline-bundled.jar}"
# A JVM out of memory ends at once, non-zero, instead of spinning in a half-dead state: the
# scripts' every JVM gets this before the user's own JAVA_OPTS.
JAVA_OPTS="-XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-}"

ensure_jar() {
  if [[ -n "${STORYLINE_JAR:-}" ]]; then
    return
  fi
  local stale=""
  if [[ ! -f "$JAR" ]]; then
    stale="missing"
  elif [[ -n "$(find "$ROOT" -path "$ROOT/work" -prune -o -path '*/target' -prune -o \
        -path '*/.git' -prune -o -type f \( -name pom.xml -o -path '*/src/main/*' \) \
        -newer "$JAR" -print -quit)" ]]; then
    stale="older than the sources"
  fi
  if [[ -n "$stale" ]]; then
    echo "storyline: bundled jar $stale, building it" >&2
    (cd "$ROOT" && { mvn -o -q -B -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package; })
  fi
  if [[ ! -f "$JAR" ]]; then
    echo "storyline: no bundled jar at $JAR" >&2
    exit 1
  fi
}
