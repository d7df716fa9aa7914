#!/usr/bin/env bash
# Build and run the libFuzzer targets over the input parsers (panel CSV, scenario/framework
# JSON, .xlsx workbooks).
#
#   bash Fuzz/run.sh [SECONDS]      # default 60 s per target
#
# Each target is compiled with swiftc -sanitize=fuzzer,address against the ratings-data target
# (no BLAS), then run over its corpus in Fuzz/corpus/<target> (new interesting inputs are
# added there). A crash stops the run, writes crash-* into Fuzz/artifacts/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build-fuzz
mkdir -p "$out" Fuzz/artifacts
# The ratings-data target (parsing, diagnostics, framework, panels, measures, spreadsheets) is
# built whole as a library with the sanitizers, as SwiftPM builds it; the scenario fuzzer adds
# the few scenario files it exercises, copied without their imports of the modules above
# ratings data (which need BLAS).
package=(-package-name PortfolioFuzz)

[ -d .build/checkouts/ZIPFoundation ] || swift package resolve
library() {
  local module=$1; shift
  swiftc -sanitize=fuzzer,address -parse-as-library -O "${package[@]}" -module-name "$module" -emit-module \
    -emit-module-path "$out/$module.swiftmodule" -emit-library -static "$@" -o "$out/lib$module.a" 2>&1 \
    | grep -v "Cannot export local symbol" || true
  [ -f "$out/lib$module.a" ] || { echo "build of $module failed"; exit 1; }
}
library ZIPFoundation -Xcc -D_GNU_SOURCE=1 -swift-version 5 -I .build/checkouts/ZIPFoundation/Sources/CZLib .build/checkouts/ZIPFoundation/Sources/ZIPFoundation/*.swift
library SWXMLHash $(find .build/checkouts/SWXMLHash/Source -name '*.swift')
library RatingsData -enable-testing -I "$out" -I .build/checkouts/ZIPFoundation/Sources/CZLib $(find Sources/RatingsData -name '*.swift')

build() {
  local name=$1; shift
  swiftc -sanitize=fuzzer,address -parse-as-library -O "${package[@]}" -module-name PortfolioFuzz "$@" \
    -I "$out" -I .build/checkouts/ZIPFoundation/Sources/CZLib -L "$out" -lRatingsData -lZIPFoundation -lSWXMLHash -lz \
    -o "$out/$name" 2>&1 | grep -v "Cannot export local symbol" || true
  [ -x "$out/$name" ] || { echo "build of $name failed"; exit 1; }
}
scenarioSources="$out/scenario-sources"
rm -rf "$scenarioSources" && mkdir -p "$scenarioSources"
for f in Sources/Policy/Scenarios/Scenario.swift Sources/Policy/Scenarios/Intervention.swift \
  Sources/Forecasting/Plan/Distribution.swift Sources/Policy/Scenarios/BackgroundSetting.swift \
  Sources/Policy/Scenarios/RelaxIntervention.swift Sources/Policy/Attribution/RelaxationBundle.swift \
  Sources/Policy/Scenarios/EventRemoval.swift; do
  grep -v -E '^import (Forecasting|Policy)$' "$f" > "$scenarioSources/$(basename "$f")"
done
build panel-fuzzer Fuzz/TinyFramework.swift Fuzz/PanelFuzzer.swift
build scenario-fuzzer "$scenarioSources"/*.swift Fuzz/ScenarioFuzzer.swift
build workbook-fuzzer Fuzz/TinyFramework.swift Fuzz/WorkbookFuzzer.swift
mkdir -p Fuzz/corpus/workbook

for target in panel scenario workbook; do
  echo "== $target: $seconds s"
  # A small workbook is about 5 KB. The workbook target does not check leaks: ZIPFoundation
  # 0.9.20 leaks the 30-byte path of each archive opened by path (see Workbook.swift), and
  # FoundationXML leaks about 220 bytes of error strings per malformed XML part it rejects —
  # both outside this code, bounded per run of simulate (one workbook).
  max_len=4096 leaks=1; [ "$target" = workbook ] && max_len=16384 leaks=0
  ASAN_OPTIONS="detect_leaks=$leaks" "$out/$target-fuzzer" -max_total_time="$seconds" -max_len=$max_len -detect_leaks=$leaks -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 "Fuzz/corpus/$target" 2>&1 | tail -n 15
done
