#!/usr/bin/env bash
# Lays out every function of a SAM template the way `sam build` does for a Java Maven function: the compiled classes
# in <CodeUri>/target/classes and the runtime jars in <CodeUri>/target/dependency, from the same command SAM's Maven
# builder runs (dependency:copy-dependencies -DincludeScope=runtime). The CodeUris come from the template, so a new
# function needs no change here. The modules the functions use (order-events, lambda-wiring) are built in the same
# reactor (-am), so their jars are this checkout's, never a stale copy from the local Maven repository.
#
#   package-functions.sh path/to/template.yaml [--offline=true|false] [--list]
set -euo pipefail

template="${1:?usage: package-functions.sh path/to/template.yaml [--offline=true|false] [--list]}"
shift
offline=()
list_only=false
for argument in "$@"; do
  case "$argument" in
    --offline=true) offline=(-o) ;;
    --offline=false) ;;
    --list) list_only=true ;;
    *) echo "package-functions.sh: unknown argument $argument" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$template")" && pwd)"
# CodeUri: value (optionally quoted), one per function or under Globals; sorted and de-duplicated. (A read loop, not
# mapfile: macOS still ships bash 3.2.)
code_uris=()
while IFS= read -r code_uri; do
  code_uris+=("$code_uri")
done < <(sed -n -E "s/^[[:space:]]+CodeUri:[[:space:]]*['\"]?([^'\"[:space:]#]+)['\"]?.*/\1/p" "$template" | sort -u)
if [[ ${#code_uris[@]} -eq 0 ]]; then
  echo "package-functions.sh: no CodeUri in $template" >&2
  exit 1
fi
if [[ "$list_only" == true ]]; then
  (IFS=,; echo "${code_uris[*]}")
  exit 0
fi

for code_uri in "${code_uris[@]}"; do
  if [[ ! -f "$root/$code_uri/pom.xml" ]]; then
    echo "package-functions.sh: CodeUri '$code_uri' has no pom.xml under $root" >&2
    exit 1
  fi
  # sam build starts from an empty folder; so do we, or a jar dropped from the pom would linger here.
  rm -rf "$root/$code_uri/target/dependency"
done

"$root/mvnw" -q ${offline[@]+"${offline[@]}"} -f "$root/pom.xml" package dependency:copy-dependencies -DincludeScope=runtime -DskipTests \
  -pl "$(IFS=,; echo "${code_uris[*]}")" -am
