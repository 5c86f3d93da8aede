#!/usr/bin/env bash
# Regenerates the committed sample-bank report: 3 forms assembled with a fixed seed into
# Reports/mla-c01/forms/, then Reports/mla-c01/index.html and README.md with those forms.
# A test (ReportCommandTests.sampleReportIsUpToDate) fails when any of them is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product qbank ${SCRATCH:+--scratch-path "$SCRATCH"} >/dev/null
BIN="${SCRATCH:-.build}/debug/qbank"
rm -rf Reports/mla-c01/forms
"$BIN" assemble Banks/mla-c01 --forms 3 --seed 42 --out Reports/mla-c01/forms
"$BIN" report Banks/mla-c01 --forms Reports/mla-c01/forms --out Reports/mla-c01 --no-progress
