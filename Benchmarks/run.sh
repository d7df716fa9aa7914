#!/usr/bin/env bash
# The benchmark harness: builds the release binaries, then times the engine against the
# numpy reference (Benchmarks/reference.py) on the same inputs and writes the tables into
# Benchmarks/README.md. Options are passed to Benchmarks/harness.py (--quick, --full-reference,
# --no-write). Needs libopenblas-dev, pkg-config and numpy; takes about 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import numpy" 2>/dev/null || python3 -m pip install --quiet numpy
swift build -c release --product simulate
swift build -c release --product benchmark
python3 Benchmarks/harness.py "$@"
