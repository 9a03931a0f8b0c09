#!/usr/bin/env bash
# Smoke check of every benchmark and tool: each runs briefly (one fork, one short warmup and
# measurement iteration, the smallest parameters), without thresholds, so that they cannot rot.
# Fails if any of them errors. Expects benchmarks/target/benchmarks.jar and
# examples/target/riskgate.jar to be built (mvn -B verify). The numbers it prints mean nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=benchmarks/target/benchmarks.jar
cli=examples/target/riskgate.jar
for built in "$jar" "$cli"; do
  if [ ! -f "$built" ]; then
    echo "smoke.sh: $built is missing; build it with 'mvn -B verify' first" >&2
    exit 1
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every JMH benchmark; -foe: fail on the first benchmark that throws.
java -jar "$jar" -f 1 -wi 1 -i 1 -w 1s -r 1s -foe true \
  -p shape=ONE_ITEM -p rules=50 -p entries=1000 -p pack=vn-baseline \
  -rf json -rff "$work/smoke.json"

# Every benchmark ran and produced a score.
expected=$(java -jar "$jar" -l | grep -c '^io\.riskgate\.benchmarks\.' || true)
measured=$(grep -c '"benchmark"' "$work/smoke.json" || true)
if [ "$measured" -lt "$expected" ]; then
  echo "smoke.sh: $expected benchmarks listed, only $measured produced a result" >&2
  exit 1
fi

# The tools that are not JMH: the end-to-end rescore (here comparing the CLI jar with a copy of
# itself, as two builds are compared) and the engines of two builds taking turns.
cp "$cli" "$work/riskgate-copy.jar"
java -cp "$jar" io.riskgate.benchmarks.EndToEndRescore --declarations 2000 --runs 1 --heap 512m \
  --cli "$cli" --cli "$work/riskgate-copy.jar" --work "$work/e2e"
cp "$jar" "$work/benchmarks-copy.jar"
java -cp "$jar" io.riskgate.benchmarks.JarTurns --jvms 2 --declarations 200 --rounds 2 --warmup 1 \
  "$jar" "$work/benchmarks-copy.jar"

echo "smoke.sh: every benchmark ran"
