#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer: Scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
#
# Targets: json xml-bank json-bank blueprint config baseline key responses
#          qti-item qti-package moodle gift aiken csv markdown     (`Scripts/fuzz.sh list` prints them)
#
# The library targets are built with -sanitize=fuzzer,address into .build-fuzz (gitignored, never part of
# `swift build`/`swift test`), the harness Fuzz/Harnesses/TARGET.swift is linked against them, and libFuzzer runs at
# nice 19 for SECONDS, seeded from the test fixtures and ../shared/corpus. The growing corpus stays in
# .build-fuzz/corpus/TARGET; a crash, hang (-timeout 10 s) or oracle failure is saved in .build-fuzz/crashes/TARGET/
# and the script exits non-zero. Replay one with: .build-fuzz/fuzz-TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH=$ROOT/.build-fuzz
CORPUS_ROOT=$ROOT/../shared/corpus
TARGETS="json xml-bank json-bank blueprint config baseline key responses qti-item qti-package moodle gift aiken csv markdown"

if [[ ${1:-} == list ]]; then echo "$TARGETS" | tr ' ' '\n'; exit 0; fi
if [[ $# -lt 2 ]] || ! [[ " $TARGETS " == *" $1 "* ]] || ! [[ $2 =~ ^[0-9]+$ ]]; then
    echo "usage: Scripts/fuzz.sh TARGET SECONDS [libFuzzer flags]; targets: $TARGETS" >&2
    exit 2
fi
TARGET=$1 SECONDS_TO_RUN=$2
shift 2

# 1. The libraries, instrumented (incremental after the first build).
for module in QBankFiles QBankInterchange; do
    nice -n 19 swift build --scratch-path "$SCRATCH" -Xswiftc -sanitize=fuzzer,address \
        -Xcc -fsanitize=fuzzer-no-link,address --target "$module" >&2
done
BIN=$SCRATCH/debug
MODULES=(QBankCore QBankJSON QBankXML CQBankXML QBankMarkdown QBankRules QBankFiles QBankInterchange ZIPFoundation)

# 2. The harness, linked with every object of those modules.
EXE=$SCRATCH/fuzz-$TARGET
objects=()
for module in "${MODULES[@]}"; do
    while IFS= read -r object; do objects+=("$object"); done < <(find "$BIN/$module.build" -name '*.o' | sort)
done
if [[ ! -x $EXE || -n $(find Fuzz "$BIN/QBankInterchange.build" "$BIN/QBankFiles.build" -newer "$EXE" -name '*.swift' -o -newer "$EXE" -name '*.o' | head -1) ]]; then
    echo "linking $EXE" >&2
    nice -n 19 swiftc -sanitize=fuzzer,address -parse-as-library -g \
        -I "$BIN/Modules" -I "$BIN" -Xcc -fmodule-map-file="$ROOT/Sources/CLibXML2/module.modulemap" \
        -Xcc -fmodule-map-file="$BIN/CQBankXML.build/module.modulemap" -Xcc -I"$ROOT/Sources/CQBankXML/include" \
        -Xcc -fmodule-map-file="$SCRATCH/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap" \
        -Xcc -fmodule-map-file="$ROOT/Sources/CQBankZlib/module.modulemap" \
        -Xcc -fmodule-map-file="$ROOT/Sources/CCmarkGFM/module.modulemap" \
        $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') \
        "Fuzz/Harnesses/$TARGET.swift" Fuzz/Support/*.swift "${objects[@]}" \
        $(pkg-config --libs libxml-2.0) -lcmark-gfm -lcmark-gfm-extensions -lz -o "$EXE"
fi

# 3. Seeds: the project's fixtures and the third-party corpus, by what the target reads.
SEEDS=$SCRATCH/seeds/$TARGET
rm -rf "$SEEDS"
mkdir -p "$SEEDS" "$SCRATCH/corpus/$TARGET" "$SCRATCH/crashes/$TARGET"
seed() { for file in "$@"; do [[ -f $file ]] && cp "$file" "$SEEDS/$(echo "$file" | tr '/' '_')" || true; done; }
shopt -s globstar nullglob
case $TARGET in
    json) seed Banks/**/*.json Schemas/*.json Tests/QBankJSONTests/Fixtures/**/*.json Reports/mla-c01/forms/*.json ;;
    xml-bank) seed Banks/**/*.xml Tests/QBankXMLTests/Fixtures/*.xml ;;
    json-bank) seed Banks/mla-c01/d*/*.json Tests/QBankJSONTests/Fixtures/valid/*.json Tests/QBankJSONTests/Fixtures/invalid/*.json ;;
    blueprint) seed Banks/*/blueprint.json Tests/QBankJSONTests/Fixtures/blueprint/*.json ;;
    config) seed Tests/QBankFilesTests/Fixtures/config/**/*.json ;;
    baseline)
        printf '%s\n' '{"version": 1, "findings": [' \
            '  {"count": 2, "fingerprint": "9c1f0b6e2a4d7c35", "item": "mla-1.1-004", "name": "missing-rationale-or-reference", "rule": "QB110"},' \
            '  {"count": 1, "fingerprint": "0123456789abcdef", "item": null, "rule": "QB002"}' ']}' > "$SEEDS/baseline.json" ;;
    key | responses) seed Reports/mla-c01/forms/*.json
        echo '{"form": "form-1", "responses": {"mla-1.1-001": "a", "q1": ["a", "b"], "a-1": {"p1": "r1"}}}' > "$SEEDS/responses.json" ;;
    qti-item) seed "$CORPUS_ROOT"/banks/canvas-qti-fixtures/*.xml "$CORPUS_ROOT"/qti-xsd/claim-tests/*.xml ;;
    qti-package)
        python3 - "$SEEDS" "$CORPUS_ROOT" <<'PY'
import glob, os, sys, zipfile
seeds, corpus = sys.argv[1], sys.argv[2]
items = sorted(glob.glob(os.path.join(corpus, "qti-xsd/claim-tests/*.xml")) + glob.glob(os.path.join(corpus, "banks/canvas-qti-fixtures/*.xml")))
for i, item in enumerate(items):
    with zipfile.ZipFile(os.path.join(seeds, f"package-{i}.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.write(item, "items/" + os.path.basename(item))
PY
        ;;
    moodle) seed "$CORPUS_ROOT"/formats/moodle/*.xml "$CORPUS_ROOT"/banks/moodle-fixtures/blackboard_six/* ;;
    gift) seed "$CORPUS_ROOT"/formats/gift/*.txt "$CORPUS_ROOT"/formats/gift/gift-grammar-pegjs/*.gift "$CORPUS_ROOT"/banks/moodle-fixtures/*.gift.txt ;;
    aiken) seed "$CORPUS_ROOT"/formats/aiken/*.txt "$CORPUS_ROOT"/banks/moodle-fixtures/*aiken*.txt ;;
    csv) seed "$CORPUS_ROOT"/banks/mmlu-csv/*.csv ;;
    markdown) seed $(ls "$CORPUS_ROOT"/banks/kananinirav-clf-c02/practice-exam/*.md 2>/dev/null | head -5) ;;
esac
echo "$TARGET: $(ls "$SEEDS" | wc -l) seed files, $(ls "$SCRATCH/corpus/$TARGET" | wc -l) in the corpus" >&2

# 4. Run. Seeds are read, new inputs go to the corpus folder (the first directory).
exec nice -n 19 "$EXE" "$SCRATCH/corpus/$TARGET" "$SEEDS" -max_total_time="$SECONDS_TO_RUN" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$SCRATCH/crashes/$TARGET/" "$@"
