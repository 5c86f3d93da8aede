#!/usr/bin/env bash
# Builds the release archive for Linux x86_64, for people who do not build qbank:
#   dist/qbank-VERSION-linux-x86_64.tar.gz and its .sha256
# holding bin/qbank (Swift runtime linked in with --static-swift-stdlib), lib/ (libxml2 and what it
# needs, HiGHS), man pages, bash/zsh/fish completions, LICENSE, THIRD_PARTY_NOTICES.md and README.md.
# bin/qbank finds lib/ through an rpath of $ORIGIN/../lib (DT_RPATH, so libxml2's own dependencies
# are found there too) and opens lib/libhighs.so.1 when `assemble` needs it. glibc, libstdc++ and
# libgcc_s come from the system (Debian 12 or newer; the script prints the glibc version needed).
# CBC is not shipped: `assemble --solver cbc` says to `apt-get install coinor-libcbc3`.
# Run after Scripts/setup.sh (it installs HiGHS, the copy shipped). Scratch: .build-release (gitignored).
# Scripts/check-release.sh installs the archive into a clean Debian root and runs it there.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=${QBANK_RELEASE_SCRATCH:-.build-release}
dist=${QBANK_DIST:-dist}
version_file=Sources/qbank/Support/Version.swift
version=$(sed -n 's/^ *static let number = "\(.*\)"$/\1/p' "$version_file")
[ -n "$version" ] || { echo "release: no 'static let number' in $version_file" >&2; exit 2; }
commit=$(git rev-parse --short=7 HEAD)
git diff --quiet HEAD -- Sources Package.swift || commit="$commit-dirty"
name="qbank-$version-linux-x86_64"
[ "$(uname -m)" = x86_64 ] || { echo "release: builds the linux-x86_64 archive only (this is $(uname -m))" >&2; exit 2; }

# Stamp the commit into the version for the build only; the trap puts the source back.
mkdir -p "$scratch" "$dist"
cp "$version_file" "$scratch/Version.swift.orig"
restore() { cp "$scratch/Version.swift.orig" "$version_file"; }
trap restore EXIT
sed -i "s/static let build = \"dev\"/static let build = \"$commit\"/" "$version_file"
grep -q "static let build = \"$commit\"" "$version_file" || { echo "release: could not stamp $version_file" >&2; exit 3; }

echo "release: building qbank $version+$commit (release, static Swift runtime)" >&2
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product qbank \
  -Xlinker --disable-new-dtags -Xlinker -rpath -Xlinker '$ORIGIN/../lib'
restore
trap - EXIT
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/qbank"

stage="$scratch/stage/$name"
rm -rf "$scratch/stage" && mkdir -p "$stage"/{bin,lib,share/man/man1}
install -m 0755 "$binary" "$stage/bin/qbank"
strip "$stage/bin/qbank"

# System libraries: every one ldd resolves except the C/C++ runtime every Linux system has.
base='^(linux-vdso|ld-linux-x86-64|libc|libm|libdl|libpthread|librt|libutil|libgcc_s|libstdc\+\+)\.so'
ldd "$stage/bin/qbank" | awk '/=> \// { print $1, $3 }' | while read -r soname path; do
  if [[ ! $soname =~ $base ]]; then install -m 0644 "$(readlink -f "$path")" "$stage/lib/$soname"; fi
done
if ldd "$stage/bin/qbank" | grep -q "not found"; then echo "release: unresolved libraries" >&2; ldd "$stage/bin/qbank" >&2; exit 3; fi

# HiGHS, opened at run time by `assemble` (not visible to ldd), with its licence files.
highs=/usr/local/lib/libhighs.so.1
[ -f "$highs" ] || { echo "release: $highs missing: run Scripts/setup.sh first" >&2; exit 2; }
install -m 0644 "$highs" "$stage/lib/libhighs.so.1"
install -d "$stage/lib/highs" && install -m 0644 /usr/local/share/doc/highs/*.{txt,md} "$stage/lib/highs/"

# Man pages from the command tree (swift-argument-parser's generate-manual) and shell completions.
swift build --product generate-manual >&2
tools="$(swift build --show-bin-path)"
manual="$tools/generate-manual-tool"; [ -x "$manual" ] || manual="$tools/generate-manual"
"$manual" "$stage/bin/qbank" --multi-page --date "$(git log -1 --format=%cs)" --output-directory "$stage/share/man/man1"
install -d "$stage/share/bash-completion/completions" "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
"$stage/bin/qbank" --generate-completion-script bash > "$stage/share/bash-completion/completions/qbank"
"$stage/bin/qbank" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_qbank"
"$stage/bin/qbank" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/qbank.fish"

install -m 0644 LICENSE THIRD_PARTY_NOTICES.md README.md "$stage/"

# Same commit, same bytes where the build allows: sorted names, fixed owner and time, no gzip timestamp.
epoch=$(git log -1 --format=%ct)
archive="$dist/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$scratch/stage" -cf - "$name" | gzip -9n > "$archive.tmp"
mv "$archive.tmp" "$archive"
(cd "$dist" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

glibc=$(objdump -T "$stage/bin/qbank" "$stage"/lib/*.so* | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
echo "release: $archive ($(du -h "$archive" | cut -f1)), $("$stage/bin/qbank" --version), needs $glibc or newer" >&2
cat "$dist/$name.tar.gz.sha256"
