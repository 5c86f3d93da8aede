#!/usr/bin/env bash
# Regenerates Sources/QBankXML/EmbeddedSchema.swift from Schemas/qbank-bank.xsd so
# the binary validates without the source tree. Run from anywhere; paths are
# relative to the repository root. A test fails when the two differ.
set -euo pipefail
cd "$(dirname "$0")/.."
xsd=Schemas/qbank-bank.xsd
out=Sources/QBankXML/EmbeddedSchema.swift
if grep -q '"""#' "$xsd"; then
    echo "embed-schema.sh: $xsd contains '\"\"\"#', which cannot be embedded" >&2
    exit 1
fi
{
    echo '// GENERATED FILE by Scripts/embed-schema.sh from Schemas/qbank-bank.xsd. DO NOT EDIT.'
    echo
    echo '/// The bank XSD, compiled once at run time by `XMLBankReader`.'
    echo 'enum EmbeddedSchema {'
    echo '    static let xsd = #"""'
    cat "$xsd"
    echo '"""#'
    echo '}'
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"
