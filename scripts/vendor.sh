#!/usr/bin/env bash
# The browser libraries the platform serves as they are (src/Preau.Platform/wwwroot/lib/),
# listed with their pinned version and sha256 in wwwroot/lib/VENDORED.tsv.
#
#   scripts/vendor.sh            check every committed file against its sha256 (no network)
#   scripts/vendor.sh --refresh  fetch each pinned package with `npm pack` (the registry npm is
#                                configured for), check the file in it, and write it here
#
# A new version: change the version in the manifest, run --refresh (it fails on the old sha256
# and prints the new one), read the library's changelog, then record the new sha256.
set -euo pipefail

NAME=vendor
die() { echo "$NAME: error: $*" >&2; exit 1; }
log() { echo "$NAME: $*" >&2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="$root/src/Preau.Platform/wwwroot/lib"
manifest="$lib/VENDORED.tsv"

refresh=false
case "${1:-}" in
    "") ;;
    --refresh) refresh=true ;;
    *) echo "usage: $0 [--refresh]" >&2; exit 2 ;;
esac

command -v sha256sum >/dev/null || die "sha256sum is missing"
if $refresh; then
    command -v npm >/dev/null || die "npm is missing (needed by --refresh)"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi

failed=0
while IFS=$'\t' read -r package version inner target sha licence; do
    [[ -z "$package" || "$package" == \#* ]] && continue
    file="$lib/$target"
    if $refresh; then
        unpacked="$work/$package-$version"
        if [[ ! -d "$unpacked" ]]; then
            mkdir -p "$unpacked"
            log "npm pack $package@$version"
            tarball="$(cd "$unpacked" && npm pack --silent "$package@$version")"
            tar -xzf "$unpacked/$tarball" -C "$unpacked"
        fi
        [[ -f "$unpacked/$inner" ]] || die "$package@$version has no $inner"
        actual="$(sha256sum "$unpacked/$inner" | cut -d' ' -f1)"
        if [[ "$actual" != "$sha" ]]; then
            log "$package@$version $inner: sha256 $actual, the manifest says $sha (not copied)"
            failed=1
            continue
        fi
        mkdir -p "$(dirname "$file")"
        cp "$unpacked/$inner" "$file"
        log "$target refreshed ($package@$version, $licence)"
    else
        [[ -f "$file" ]] || { log "$target is missing"; failed=1; continue; }
        actual="$(sha256sum "$file" | cut -d' ' -f1)"
        if [[ "$actual" != "$sha" ]]; then
            log "$target: sha256 $actual, the manifest says $sha"
            failed=1
        else
            log "$target ok ($package@$version, $licence)"
        fi
    fi
done < "$manifest"

[[ $failed -eq 0 ]] || die "some files do not match VENDORED.tsv"
