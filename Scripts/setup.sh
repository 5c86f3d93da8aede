#!/usr/bin/env bash
# Installs what qbank needs from Debian's packages (run as root, or with sudo on PATH).
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
  libxml2-dev     # XML reading and XSD validation
  libxml2-utils   # xmllint, the reference the benchmark compares against
  pkg-config      # how SwiftPM finds libxml2
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
echo "setup: ready" >&2
