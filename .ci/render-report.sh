#!/usr/bin/env bash
# Renders a rescore report in headless Chromium and fails if the page or its charts did not draw.
#
# Runs after `mvn -B verify` (it needs examples/target/riskgate.jar). Installs Debian's chromium
# when no Chromium is on the PATH. Leaves the screenshot and the dumped DOM in
# examples/target/report-render/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=examples/target/riskgate.jar
pack=rules/src/main/resources/riskgate/packs/vn-baseline
out=examples/target/report-render
fail() { echo "render-report: FAILED: $*" >&2; exit 1; }

[ -f "$jar" ] || fail "$jar is missing: run 'mvn -B verify' first"
[ -f "$pack/pack.json" ] || fail "the reference pack $pack is missing"

browser=""
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
  echo "render-report: installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  browser=chromium
fi

rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A report with every chart: sample declarations with outcomes, the reference pack as the
# baseline, and an edited copy of it (a lower YELLOW threshold, and RTE-03 put on trial) as the
# pack under review.
java -jar "$jar" generate --count 3000 --seed 20261123 --with-outcomes --out "$work/declarations.jsonl.gz"
java -jar "$jar" rescore -q --pack "$pack" --in "$work/declarations.jsonl.gz" --out "$work/baseline.jsonl" >/dev/null
cp -r "$pack" "$work/edited"
sed -E -i '/"thresholds"/ s/"yellow": *[0-9]+/"yellow": 20/' "$work/edited/pack.json"
sed -E -i 's/"seed": *([0-9]+)/"seed": \1,\n  "trial": ["RTE-03"]/' "$work/edited/pack.json"
grep -q '"trial"' "$work/edited/pack.json" || fail "could not put a criterion on trial in the edited pack"
status=0
java -jar "$jar" rescore -q --pack "$work/edited" --in "$work/declarations.jsonl.gz" \
  --out "$work/edited.jsonl" --baseline "$work/baseline.jsonl" --report "$out/report.html" \
  > "$out/summary.txt" || status=$?
[ "$status" -le 1 ] || fail "rescore exited $status"
[ -s "$out/report.html" ] || fail "no report written"

# Lay the page out in the browser and count what it drew: an SVG element has a bounding box
# only once it has been rendered.
cp "$out/report.html" "$work/check.html"
cat >> "$work/check.html" <<'SCRIPT'
<script>
  const drawn = {};
  for (const svg of document.querySelectorAll('svg[data-chart]')) {
    const box = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll('rect[data-count], rect[data-hits], rect[data-rate], rect[data-lift]')]
      .filter(r => r.getBBox().width > 0 && r.getBBox().height > 0).length;
    drawn[svg.dataset.chart] = box.width > 0 && box.height > 0 ? marks : 0;
  }
  document.body.setAttribute('data-drawn', JSON.stringify(drawn));
</script>
SCRIPT

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars)
"$browser" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" --virtual-time-budget=5000 \
  --dump-dom "file://$work/check.html" > "$out/dom.html" 2> "$out/chromium-dom.log" \
  || fail "chromium could not load the report (see $out/chromium-dom.log)"
"$browser" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" --window-size=1100,4200 \
  --screenshot="$out/report.png" "file://$(realpath "$out/report.html")" > "$out/chromium-shot.log" 2>&1 \
  || fail "chromium could not take the screenshot (see $out/chromium-shot.log)"

drawn=$(grep -o 'data-drawn="[^"]*"' "$out/dom.html" | head -1 | sed -e 's/^data-drawn="//' -e 's/"$//' -e 's/&quot;/"/g')
[ -n "$drawn" ] || fail "the page did not run its layout check (see $out/dom.html)"
echo "render-report: marks drawn per chart: $drawn"
for chart in channels diff hits trial rates lift; do
  count=$(echo "$drawn" | grep -o "\"$chart\":[0-9]*" | cut -d: -f2)
  [ -n "$count" ] || fail "chart '$chart' is missing from the page"
  [ "$count" -gt 0 ] || fail "chart '$chart' drew nothing"
done
channels=$(echo "$drawn" | grep -o '"channels":[0-9]*' | cut -d: -f2)
[ "$channels" -eq 3 ] || fail "the channel chart drew $channels bars, expected 3"
grep -q 'data-channel="GREEN" data-count="[1-9]' "$out/dom.html" || fail "no GREEN count in the channel chart"
grep -q '<tr data-code="RTE-03" data-moved="[1-9]' "$out/dom.html" || fail "no declaration would move had RTE-03 counted"
grep -q 'RTE-03.*(on trial)' "$out/summary.txt" || fail "the summary does not mark RTE-03 as on trial"

[ -s "$out/report.png" ] || fail "no screenshot"
size=$(stat -c %s "$out/report.png")
[ "$size" -gt 20000 ] || fail "the screenshot is only $size bytes: a blank page?"
if command -v python3 >/dev/null 2>&1; then
  python3 .ci/png-colours.py "$out/report.png" || fail "the screenshot does not show the charts' colours"
fi
echo "render-report: OK ($out/report.png, $size bytes)"
