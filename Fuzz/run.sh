#!/usr/bin/env bash
# Build and run the libFuzzer targets over the input parsers (panel CSV, scenario/framework
# JSON, .xlsx workbooks).
#
#   bash Fuzz/run.sh [SECONDS]      # default 60 s per target
#
# Each target is compiled with swiftc -sanitize=fuzzer,address from the parser sources it
# needs (no BLAS), then run over its corpus in Fuzz/corpus/<target> (new interesting inputs are
# added there). A crash stops the run, writes crash-* into Fuzz/artifacts/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build-fuzz
mkdir -p "$out" Fuzz/artifacts
lib=Sources/PortfolioKit
common=(
  $lib/Diagnostics/*.swift
  $lib/Parsing/CSVReader.swift $lib/Parsing/InputFile.swift $lib/Parsing/JSONNode.swift
  $lib/Parsing/JSONObjectReader.swift $lib/Parsing/JSONParser.swift $lib/Parsing/TextPosition.swift $lib/Parsing/NameRule.swift
  $lib/Framework/*.swift
  $lib/Data/*.swift
  $lib/Measures/*.swift
  $lib/Support/SeededGenerator.swift
)
scenario=($lib/Scenarios/Scenario.swift $lib/Scenarios/Intervention.swift $lib/Scenarios/Distribution.swift
  $lib/Scenarios/BackgroundSetting.swift $lib/Scenarios/RelaxIntervention.swift $lib/Attribution/RelaxationBundle.swift)

build() {
  local name=$1; shift
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name PortfolioFuzz "$@" -o "$out/$name" 2>&1 \
    | grep -v "Cannot export local symbol" || true
  [ -x "$out/$name" ] || { echo "build of $name failed"; exit 1; }
}
build panel-fuzzer "${common[@]}" Fuzz/TinyFramework.swift Fuzz/PanelFuzzer.swift
build scenario-fuzzer "${common[@]}" "${scenario[@]}" Fuzz/ScenarioFuzzer.swift

# The workbook reader needs its two packages: each is compiled (instrumented) as a static
# module from the checkout SwiftPM resolved, then linked into the fuzzer.
[ -d .build/checkouts/ZIPFoundation ] || swift package resolve
library() {
  local module=$1; shift
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name "$module" -emit-module -emit-module-path "$out/$module.swiftmodule" \
    -emit-library -static "$@" -o "$out/lib$module.a" 2>&1 | grep -v "Cannot export local symbol" || true
  [ -f "$out/lib$module.a" ] || { echo "build of $module failed"; exit 1; }
}
library ZIPFoundation -Xcc -D_GNU_SOURCE=1 -swift-version 5 -I .build/checkouts/ZIPFoundation/Sources/CZLib .build/checkouts/ZIPFoundation/Sources/ZIPFoundation/*.swift
library SWXMLHash $(find .build/checkouts/SWXMLHash/Source -name '*.swift')
build workbook-fuzzer "${common[@]}" $lib/Spreadsheet/*.swift Fuzz/TinyFramework.swift Fuzz/WorkbookFuzzer.swift \
  -I "$out" -I .build/checkouts/ZIPFoundation/Sources/CZLib -L "$out" -lZIPFoundation -lSWXMLHash -lz
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
