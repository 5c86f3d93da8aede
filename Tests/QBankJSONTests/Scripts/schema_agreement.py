#!/usr/bin/env python3
"""Validate JSON files against a JSON Schema with Python `jsonschema` (Draft 2020-12).

Usage: schema_agreement.py SCHEMA FILE...
Prints one line per file: "ACCEPT<TAB>FILE" or "REJECT<TAB>FILE<TAB>reason".
Exit status 77 when jsonschema is not installed (the Swift test then skips).

Loading is as strict as qbank's parser, so a verdict differs only where the schemas
differ: duplicate keys, NaN/Infinity, numbers too large for a double and lone
surrogates are rejected as parse errors; a UTF-8 BOM is accepted.
Known dialect gap: Python's `re` lets `$` match before a final newline, ECMA-262
(JSON Schema's dialect, which qbank follows) does not; no fixture relies on it.
"""
import json
import math
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("jsonschema is not installed: pip install jsonschema", file=sys.stderr)
    sys.exit(77)


class ParseError(Exception):
    pass


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ParseError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def reject_constant(name):
    raise ParseError(f"{name} is not JSON")


def finite_float(text):
    value = float(text)
    if math.isinf(value):
        raise ParseError(f"number {text} is too large")
    return value


def check_surrogates(value):
    if isinstance(value, str):
        if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            raise ParseError("lone surrogate")
    elif isinstance(value, list):
        for v in value:
            check_surrogates(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            check_surrogates(k)
            check_surrogates(v)


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    value = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=reject_constant,
                       parse_float=finite_float)
    check_surrogates(value)
    return value


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    for path in argv[1:]:
        try:
            instance = load(path)
        except (ValueError, ParseError) as error:
            print(f"REJECT\t{path}\tparse: {error}")
            continue
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
        if errors:
            print(f"REJECT\t{path}\t{errors[0].message}")
        else:
            print(f"ACCEPT\t{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
