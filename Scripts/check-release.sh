#!/usr/bin/env bash
# Installs the release archive into a clean Debian 12 root (debootstrap --variant=minbase: no Swift,
# no HiGHS, no CBC, no libxml2) and runs it there as a new user would:
#   qbank --version, man, lint on the sample bank, assemble (HiGHS from the archive's lib/),
#   assemble --solver cbc (must exit 2 naming the package), then apt-get installs that package
#   and assemble --solver cbc must work.
# Needs root (debootstrap, chroot, mount) and Debian's mirror. Too slow for `swift test`
# (a few minutes, mostly debootstrap the first time): run by hand after Scripts/release.sh.
#   Scripts/check-release.sh [dist/qbank-VERSION-linux-x86_64.tar.gz]
# The pristine root is cached in .build-release/debian-bookworm and copied for every run.
set -euo pipefail
cd "$(dirname "$0")/.."

archive=${1:-$(ls -t dist/qbank-*-linux-x86_64.tar.gz 2>/dev/null | head -1)}
[ -f "$archive" ] || { echo "check-release: no archive (run Scripts/release.sh first)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "check-release: needs root (debootstrap, chroot)" >&2; exit 2; }
(cd "$(dirname "$archive")" && sha256sum -c "$(basename "$archive").sha256")

scratch=${QBANK_RELEASE_SCRATCH:-.build-release}
pristine="$scratch/debian-bookworm"
if [ ! -d "$pristine" ]; then
  echo "check-release: debootstrap --variant=minbase bookworm (once)" >&2
  rm -rf "$pristine.tmp"
  debootstrap --variant=minbase bookworm "$pristine.tmp" http://deb.debian.org/debian >&2
  mv "$pristine.tmp" "$pristine"
fi

root="$scratch/check-root"
cleanup() {
  umount "$root/dev/pts" 2>/dev/null || true
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT
cleanup
cp -a "$pristine" "$root"
mount -t proc proc "$root/proc"
mkdir -p "$root/dev/pts" && mount -t devpts devpts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"

name=$(basename "$archive" .tar.gz)
tar -xzf "$archive" -C "$root/opt"
ln -s "/opt/$name/bin/qbank" "$root/usr/local/bin/qbank"
mkdir -p "$root/work"
cp -r Banks "$root/work/Banks"

step() { printf '\n$ %s\n' "$*"; }
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
expect() { # expect STATUS COMMAND…: runs it in the root, prints its output, fails unless it exits STATUS
  local want=$1; shift
  step "$@"
  local status=0
  in_root "$@" || status=$?
  echo "(exit $status)"
  [ "$status" -eq "$want" ] || { echo "check-release: expected exit $want" >&2; exit 1; }
}

step "what the clean root lacks"
for tool in swift swiftc; do in_root sh -c "command -v $tool" && { echo "check-release: $tool is in the root" >&2; exit 1; }; done
for package in libxml2 libicu72 coinor-libcbc3 libhighs1 liblapack3 libblas3; do
  in_root dpkg -s "$package" >/dev/null 2>&1 && { echo "check-release: $package is installed in the root" >&2; exit 1; }
  echo "not installed: $package"
done
in_root sh -c 'ls /usr/lib/x86_64-linux-gnu /usr/local/lib | grep -i -E "highs|cbc|swift|xml2" || echo "no HiGHS, CBC, Swift or libxml2 library"'

expect 0 ldd "/opt/$name/bin/qbank"
expect 0 qbank --version
expect 0 ls "/opt/$name" "/opt/$name/lib" "/opt/$name/share/man/man1" "/opt/$name/share/bash-completion/completions"
expect 0 qbank lint /work/Banks
expect 0 qbank assemble /work/Banks/mla-c01 --forms 2 --seed 42 --out /tmp/forms
in_root ls /tmp/forms
expect 2 qbank assemble /work/Banks/mla-c01 --forms 1 --out /tmp/forms-cbc --solver cbc

step "apt-get install -y coinor-libcbc3   (what the message says)"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq coinor-libcbc3 >/dev/null
expect 0 qbank assemble /work/Banks/mla-c01 --forms 1 --seed 42 --out /tmp/forms-cbc --solver cbc
echo
echo "check-release: $name works in a clean Debian 12 root"
