#!/usr/bin/env bash
# Regenerates the committed sample-bank report (Reports/mla-c01/index.html and README.md).
# A test (ReportCommandTests.sampleReportIsUpToDate) fails when they are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product qbank >/dev/null
.build/debug/qbank report Banks/mla-c01 --out Reports/mla-c01 --no-progress
