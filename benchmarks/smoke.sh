#!/usr/bin/env bash
# Smoke check of every benchmark: each runs briefly (one fork, one short warmup and measurement
# iteration, the smallest parameters), without thresholds, so that benchmarks cannot rot. Fails if
# any benchmark errors. Expects benchmarks/target/benchmarks.jar to be built (mvn -B verify).
# About two minutes on a quiet 2-core machine. The numbers it prints mean nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  echo "smoke.sh: $jar is missing; build it with 'mvn -B verify' first" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every JMH benchmark; -foe: fail on the first benchmark that throws.
java -jar "$jar" -f 1 -wi 1 -i 1 -w 1s -r 1s -foe true \
  -p items=1 -p rules=50 -p entries=1000 -p pack=vn-baseline \
  -rf json -rff "$work/smoke.json"

# Every benchmark ran and produced a score.
expected=$(java -jar "$jar" -l | grep -c '^io\.riskgate\.benchmarks\.' || true)
measured=$(grep -c '"benchmark"' "$work/smoke.json" || true)
if [ "$measured" -lt "$expected" ]; then
  echo "smoke.sh: $expected benchmarks listed, only $measured produced a result" >&2
  exit 1
fi
# The medians the benchmark README quotes, from the same result file.
java -cp "$jar" io.riskgate.benchmarks.JmhMedians "$work/smoke.json"

# The non-JMH measurements: heap retained by reloads, the end-to-end rescore, engines in turns, the
# engine against its floor on Drools, the anatomy of assess latency.
java -Xmx1g -cp "$jar" io.riskgate.benchmarks.ReloadHeap vn-baseline 3
java -cp "$jar" io.riskgate.benchmarks.EndToEndRescore --declarations 2000 --runs 1 --heap 512m \
  --work "$work/e2e"
java -cp "$jar" io.riskgate.benchmarks.BatchSizeTurns --sizes 250,10 --declarations 200 --rounds 2 --warmup 1
java -cp "$jar" io.riskgate.benchmarks.JarTurns --jvms 2 --declarations 200 --rounds 2 --warmup 1 "$jar" "naive:$jar"
java -cp "$jar" io.riskgate.benchmarks.DroolsFloor --declarations 200 --rounds 2 --warmup 1
java -cp "$jar" io.riskgate.benchmarks.LatencyAnatomy --items 5 --declarations 256 --rounds 3 --warmup 1

echo "smoke.sh: every benchmark ran"
