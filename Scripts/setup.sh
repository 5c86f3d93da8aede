#!/usr/bin/env bash
# Installs what qbank needs from Debian's packages (run as root, or with sudo on PATH).
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
  libxml2-dev     # XML reading and XSD validation
  libxml2-utils   # xmllint, the reference the benchmark compares against
  pkg-config      # how SwiftPM finds libxml2 and cmark-gfm (the solvers are opened at run time, not linked)
  coinor-libcbc3  # COIN-OR CBC (EPL), the second MIP solver (qbank assemble --solver cbc), opened at run time
  python3-pip     # HiGHS's wheel and pre-commit come from PyPI
  git             # the pre-commit hook test commits in a temporary repository
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # cmark-gfm: item texts are CommonMark/GFM Markdown
  neovim          # headless Neovim: a real LSP client in the `qbank lsp` tests
  zlib1g-dev      # inflating zip entries (QTI packages) without the archive library's loops
)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# HiGHS (MIT), the MIP solver behind `qbank assemble`. Debian 12 does not package it, so the
# self-contained libhighs.so.1 is taken from PyPI's pinned highspy wheel (checked by SHA-256),
# installed into /usr/local/lib (on the default linker and loader paths) with its licence files.
highs_version=1.15.1
highs_sha256=a24329c328942b37a6a318ecf163d07dd387974f071b98b4498725eaea80f06f
highs_lib=/usr/local/lib/libhighs.so.1
highs_pc=/usr/local/lib/pkgconfig/highs.pc
highs_stamp=/usr/local/share/doc/highs/VERSION
if [ ! -f "$highs_lib" ] || [ ! -f "$highs_pc" ] || [ "$(cat "$highs_stamp" 2>/dev/null)" != "$highs_version" ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "setup: installing HiGHS $highs_version (libhighs.so from the highspy wheel)" >&2
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  python3 -m pip download "highspy==$highs_version" --no-deps --only-binary=:all: \
    --platform manylinux_2_28_x86_64 --python-version 3.11 --implementation cp --abi cp311 -d "$work" -q
  wheel=$(ls "$work"/highspy-*.whl)
  echo "$highs_sha256  $wheel" | sha256sum -c --quiet -
  python3 -m zipfile -e "$wheel" "$work/whl"
  $sudo_cmd install -d /usr/local/lib /usr/local/share/doc/highs
  $sudo_cmd install -m 0644 "$work/whl/highspy/libhighs.so.1" "$highs_lib"
  $sudo_cmd ln -sf libhighs.so.1 /usr/local/lib/libhighs.so
  $sudo_cmd install -d /usr/local/lib/pkgconfig
  printf 'prefix=/usr/local\nlibdir=${prefix}/lib\n\nName: highs\nDescription: HiGHS linear optimization (from the highspy wheel)\nVersion: %s\nLibs: -L${libdir} -lhighs\nCflags:\n' \
    "$highs_version" | $sudo_cmd tee /usr/local/lib/pkgconfig/highs.pc >/dev/null
  $sudo_cmd install -m 0644 "$work"/whl/highspy-*.dist-info/licenses/* /usr/local/share/doc/highs/
  echo "$highs_version" | $sudo_cmd tee "$highs_stamp" >/dev/null
  $sudo_cmd ldconfig
fi
# pre-commit (PyPI), pinned: PreCommitHookTests runs the repository's .pre-commit-hooks.yaml with it.
precommit_version=4.7.0
if [ "$(pre-commit --version 2>/dev/null)" != "pre-commit $precommit_version" ]; then
  echo "setup: installing pre-commit $precommit_version" >&2
  python3 -m pip install -q "pre-commit==$precommit_version" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages "pre-commit==$precommit_version"
fi
# pygls and lsprotocol (Apache-2.0, PyPI), pinned: the real LSP client the `qbank lsp` tests drive.
if ! python3 -c "import importlib.metadata as m; assert m.version('pygls') == '2.1.1'; import lsprotocol" >/dev/null 2>&1; then
  echo "setup: installing pygls 2.1.1 (the LSP client of the qbank lsp tests)" >&2
  python3 -m pip install -q "pygls==2.1.1" "lsprotocol==2025.0.0" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages "pygls==2.1.1" "lsprotocol==2025.0.0"
fi
echo "setup: ready" >&2
