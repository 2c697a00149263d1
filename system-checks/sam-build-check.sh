#!/usr/bin/env bash
# Reproduces what `sam build` does to every function of template.yaml, with plain Maven, and proves the result starts.
#
# SAM CLI's Java Maven builder (aws-lambda-builders JavaMavenWorkflow) copies the function's CodeUri folder alone to
# a scratch folder, runs `mvn clean install` there, then `mvn dependency:copy-dependencies -DincludeScope=runtime
# -Dmdep.prependGroupId=true`, and assembles the artifact: target/classes at its root, target/dependency under lib/.
# In the scratch copy ../pom.xml is absent, so Maven takes the parent pom, order-events and lambda-wiring from the
# local repository, which the README's `./mvnw install -DskipTests` fills first (aws-sam-cli issue 2289 is what a
# parent found only through <relativePath> does there). The function poms' `outside-repository` profile skips their
# tests in the scratch copy, where the shared events/ folder they read is absent; this script checks it activates
# there and only there.
#
# Usage: bash system-checks/sam-build-check.sh
#   MVN=...              Maven for SAM's own steps (default: mvn on PATH, which is what SAM CLI runs)
#   SAM_BUILD_OFFLINE=1  add -o to SAM's steps (the root install has filled the local repository)
#   SAM_BUILD_KEEP=1     keep the scratch folder (builds, logs, artifacts) and print where it is
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MVN=${MVN:-mvn}
case "$MVN" in */*) MVN=$(cd "$(dirname "$MVN")" && pwd)/$(basename "$MVN") ;; esac
OFFLINE=()
[ "${SAM_BUILD_OFFLINE:-0}" = 1 ] && OFFLINE=(-o)

fail() {
  echo "sam-build-check: FAILED: $*" >&2
  exit 1
}

show_log() {
  echo "---- last 40 lines of $1" >&2
  tail -n 40 "$1" >&2
  echo "----" >&2
}

command -v "$MVN" >/dev/null 2>&1 ||
  fail "'$MVN' is not on PATH. SAM CLI runs the mvn on PATH: install Maven 3.8 or later, or set MVN=$ROOT/mvnw"
command -v java >/dev/null 2>&1 || fail "java is not on PATH"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sam-build-check.XXXXXX")
if [ "${SAM_BUILD_KEEP:-0}" = 1 ]; then
  trap 'echo "sam-build-check: scratch kept in $WORK"' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi

echo "== 1/4 root install, as the README says before sam build: ./mvnw -q install -DskipTests"
(cd "$ROOT" && ./mvnw -q install -DskipTests) || fail "the root install failed; sam build cannot find the parent pom without it"

echo "== 2/4 functions in template.yaml (read through shop.template.SamTemplate)"
(cd "$ROOT/system-checks" && "$ROOT/mvnw" -q dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$WORK/plan.classpath") || fail "cannot resolve the class path of system-checks"
PLAN_CP="$ROOT/system-checks/target/classes:$(cat "$WORK/plan.classpath")"
java -cp "$PLAN_CP" shop.checks.SamBuildPlan "$ROOT/template.yaml" >"$WORK/plan.tsv" ||
  fail "cannot read the functions of template.yaml"
[ -s "$WORK/plan.tsv" ] || fail "template.yaml declares no AWS::Serverless::Function"
cut -f1,2,3 "$WORK/plan.tsv" | sed 's/^/   /'

echo "== 3/4 outside-repository profile: inactive in the repository (so the tests run there)"
MODULES=$(cut -f2 "$WORK/plan.tsv" | paste -sd, -)
MAVENS=("$ROOT/mvnw")
[ "$MVN" = "$ROOT/mvnw" ] || MAVENS+=("$MVN")
for maven in "${MAVENS[@]}"; do
  (cd "$ROOT" && "$maven" "${OFFLINE[@]}" -B -pl "$MODULES" \
    org.apache.maven.plugins:maven-help-plugin:3.5.2:active-profiles) >"$WORK/profiles.log" 2>&1 ||
    { show_log "$WORK/profiles.log"; fail "cannot list the active profiles with $maven"; }
  if grep -q "Failed to interpolate file location" "$WORK/profiles.log"; then
    grep -m1 "Failed to interpolate file location" "$WORK/profiles.log" >&2
    fail "$maven cannot evaluate the outside-repository activation path: write it as \${basedir}/../events," \
      "which Maven 3.8 and 3.9 both understand (\${project.basedir} is active everywhere under Maven 3.8, so the tests never run)"
  fi
  if grep -q "outside-repository (source" "$WORK/profiles.log"; then
    fail "with $maven the outside-repository profile is active inside the repository, so the function tests are skipped there"
  fi
  echo "   inactive with $maven"
done

echo "== 4/4 sam build, step by step, with $MVN ${OFFLINE[*]}"
SUMMARY=()
while IFS=$'\t' read -r -a plan; do
  id=${plan[0]} code_uri=${plan[1]} handler_class=${plan[2]} handler_method=${plan[3]}
  environment=("${plan[@]:4}")
  source_dir="$ROOT/$code_uri"
  scratch="$WORK/scratch/$id"
  artifact="$WORK/build/$id"
  log="$WORK/$id.log"
  started=$SECONDS
  [ -f "$source_dir/pom.xml" ] || fail "$id: CodeUri $code_uri has no pom.xml"

  # CopySourceAction: the CodeUri folder alone, less .aws-sam and .git.
  mkdir -p "$scratch"
  tar -C "$source_dir" --exclude=./.aws-sam --exclude=./.git -cf - . | tar -C "$scratch" -xf -
  [ ! -e "$scratch/../events" ] || fail "$id: the scratch folder unexpectedly has ../events beside it"

  # JavaMavenBuildAction: exactly `mvn clean install`.
  (cd "$scratch" && "$MVN" "${OFFLINE[@]}" clean install) >"$log" 2>&1 ||
    { show_log "$log"; fail "$id: 'mvn clean install' failed in the scratch copy of $code_uri (full log: SAM_BUILD_KEEP=1)"; }
  if [ -d "$scratch/src/test" ] && ! grep -q "Tests are skipped" "$log"; then
    show_log "$log"
    fail "$id: the outside-repository profile did not activate in the scratch copy: the tests ran without ../events"
  fi

  # JavaMavenCopyDependencyAction.
  (cd "$scratch" && "$MVN" "${OFFLINE[@]}" dependency:copy-dependencies -DincludeScope=runtime -Dmdep.prependGroupId=true) \
    >>"$log" 2>&1 || { show_log "$log"; fail "$id: 'mvn dependency:copy-dependencies' failed"; }

  # JavaMavenCopyArtifactsAction: classes at the root, dependencies under lib/.
  [ -d "$scratch/target/classes" ] || fail "$id: the build produced no target/classes"
  mkdir -p "$artifact"
  cp -R "$scratch/target/classes/." "$artifact/"
  if [ -d "$scratch/target/dependency" ]; then
    mkdir -p "$artifact/lib"
    cp -R "$scratch/target/dependency/." "$artifact/lib/"
  fi

  # The Lambda Java runtime's class path is the artifact and its lib/ jars; nothing else from here may leak in.
  probe=$(cd "$WORK" && env -i PATH="$PATH" HOME="$WORK" java -cp "$artifact:$artifact/lib/*" \
    "$ROOT/system-checks/src/main/java/shop/checks/HandlerProbe.java" \
    "$artifact" "$handler_class" "$handler_method" "${environment[@]}" 2>&1) ||
    { echo "$probe" >&2; fail "$id: the handler does not load and start from the artifact alone"; }
  echo "   $id: $probe"

  (cd "$artifact" && jar --create --no-manifest --file "$WORK/$id.zip" .)
  unzipped_kib=$(du -sk "$artifact" | cut -f1)
  zipped_bytes=$(wc -c <"$WORK/$id.zip")
  jars=$(find "$artifact/lib" -name '*.jar' 2>/dev/null | wc -l)
  SUMMARY+=("$(printf '%-18s %-20s %6.1f MiB unzipped %6.1f MiB zipped %3d jars in lib/ %4ds' \
    "$id" "$code_uri" "$(awk "BEGIN{print $unzipped_kib / 1024}")" "$(awk "BEGIN{print $zipped_bytes / 1048576}")" \
    "$jars" $((SECONDS - started)))")
done <"$WORK/plan.tsv"

echo "== artifacts (Lambda limits: 250 MiB unzipped, 50 MiB zipped for direct upload)"
printf '   %s\n' "${SUMMARY[@]}"
echo "sam-build-check: OK, ${#SUMMARY[@]} functions built as sam build would, each handler loaded from its artifact alone"
