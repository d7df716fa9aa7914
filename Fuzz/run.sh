#!/usr/bin/env bash
# Build and run the libFuzzer targets over the input parsers.
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
build panel-fuzzer "${common[@]}" Fuzz/PanelFuzzer.swift
build scenario-fuzzer "${common[@]}" "${scenario[@]}" Fuzz/ScenarioFuzzer.swift

for target in panel scenario; do
  echo "== $target: $seconds s"
  "$out/$target-fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 "Fuzz/corpus/$target" 2>&1 | tail -n 15
done
