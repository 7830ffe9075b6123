#!/usr/bin/env bash
# Wrap "Saveris Desktop.app" into a compressed, drag-to-install disk image.
#
#   packaging/macos/make_dmg.sh "dist/Saveris Desktop.app" dist/SaverisDesktop-<version>.dmg
#   (python packaging/build.py --installer does this for you)
#
# Optional, for a release a technician can open without Gatekeeper warnings (see README.md here):
#   SAVERIS_CODESIGN_IDENTITY  "Developer ID Application: <Company> (<TEAMID>)"; signs the disk image
#                              (build the .app with the same variable set so PyInstaller signs it)
#   SAVERIS_NOTARY_PROFILE     a `xcrun notarytool store-credentials` profile; notarises and staples
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 <path/to/App.app> <output.dmg>" >&2
    exit 2
fi
app_path="${1%/}"
output="$2"
volume_name="$(basename "$app_path" .app)"

if [[ ! -d "$app_path/Contents/MacOS" ]]; then
    echo "error: $app_path is not an .app bundle (run python packaging/build.py first)" >&2
    exit 1
fi
command -v hdiutil >/dev/null || { echo "error: hdiutil not found: disk images are built on macOS" >&2; exit 1; }

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symlinks, extended attributes and code signature intact (cp -R may not).
ditto "$app_path" "$staging/$(basename "$app_path")"
ln -s /Applications "$staging/Applications"

mkdir -p "$(dirname "$output")"
rm -f "$output"
# hdiutil fails now and then with "Resource busy" on CI machines (Spotlight, XProtect): try again.
for attempt in 1 2 3; do
    if hdiutil create -volname "$volume_name" -srcfolder "$staging" -fs HFS+ -format UDZO \
        -imagekey zlib-level=9 -ov "$output"; then
        break
    fi
    if [[ $attempt -eq 3 ]]; then
        echo "error: hdiutil could not create $output" >&2
        exit 1
    fi
    sleep $((attempt * 5))
done

if [[ -n "${SAVERIS_CODESIGN_IDENTITY:-}" ]]; then
    codesign --force --sign "$SAVERIS_CODESIGN_IDENTITY" --timestamp "$output"
    if [[ -n "${SAVERIS_NOTARY_PROFILE:-}" ]]; then
        xcrun notarytool submit "$output" --keychain-profile "$SAVERIS_NOTARY_PROFILE" --wait
        xcrun stapler staple "$output"
    else
        echo "note: signed but not notarised (set SAVERIS_NOTARY_PROFILE); Gatekeeper will still warn" >&2
    fi
else
    echo "note: unsigned disk image; on first start the technician must allow the app in" >&2
    echo "      System Settings > Privacy & Security > Open Anyway (see packaging/macos/README.md)" >&2
fi
echo "dmg: $output"
