#!/usr/bin/env bash
# Performance measurements, described with their results in docs/performance.md. Nothing here runs in ./mvnw verify.
#
#   benchmarks/run.sh build                   install the modules and lay every function out as sam build does
#   benchmarks/run.sh sizes                   zipped deployment artifact per function, against the 8 MB budget
#   benchmarks/run.sh cold-start [options]    fresh JVMs per function and variant (--rounds 12 --java path/to/bin/java
#                                             --variants naive,ours,... --functions CheckoutFunction,...)
#   benchmarks/run.sh schema [--rounds 10]   what the JSON Schema validator costs at Init and first check (fresh JVMs)
#   benchmarks/run.sh goals                   the cold-start goals, as per-round paired ratios, from the last results
#   benchmarks/run.sh chart                   docs/cold-start.svg from the last cold-start results
#   benchmarks/run.sh warm                    JMH, each handler's work per event (SampleTime p50/p99)
#   benchmarks/run.sh cost                    cost per million orders from the last warm results
#   benchmarks/run.sh throughput [options]    orders/s end to end through the local runtime (--levels 1,4,16,64 --orders 2000)
#   benchmarks/run.sh all                     all of the above, in that order
#
# OFFLINE=true makes the Maven calls offline. Results land in benchmarks/target/<step>/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
offline="${OFFLINE:-false}"
maven_offline=()
if [[ "$offline" == true ]]; then maven_offline=(-o); fi
class_path="benchmarks/target/classes:benchmarks/target/dependency/*"

run_java() {
  java -cp "$class_path" "$@"
}

step="${1:-all}"
shift || true
case "$step" in
  build)
    ./mvnw -q "${maven_offline[@]}" install -DskipTests -pl benchmarks -am
    bash local-runtime/package-functions.sh template.yaml --offline="$offline"
    ;;
  sizes) run_java shop.benchmarks.size.PackageSizes "$@" ;;
  cold-start) run_java shop.benchmarks.coldstart.ColdStartBenchmark "$@" ;;
  schema) run_java shop.benchmarks.schema.ValidatorCost "$@" ;;
  goals) run_java shop.benchmarks.coldstart.ColdStartGoals benchmarks/target/cold-start/results.json ;;
  chart) run_java shop.benchmarks.chart.ColdStartChart benchmarks/target/cold-start/results.json docs/cold-start.svg ;;
  warm) run_java shop.benchmarks.warm.WarmCost "$@" ;;
  cost) run_java shop.benchmarks.cost.CostModel "$@" ;;
  throughput) run_java shop.benchmarks.throughput.LocalThroughput "$@" ;;
  all)
    "$0" build
    "$0" sizes
    "$0" cold-start
    "$0" goals
    "$0" chart
    "$0" warm
    "$0" cost
    "$0" throughput
    ;;
  *) echo "run.sh: unknown step '$step' (build, sizes, cold-start, schema, goals, chart, warm, cost, throughput, all)" >&2; exit 2 ;;
esac
