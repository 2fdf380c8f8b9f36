#!/bin/sh
# Remake the bundled Arabic font: templates/default/fonts/NotoNaskhArabic-{Regular,Bold}.ttf.
#
# Source: Debian's fonts-noto-core (Noto Naskh Arabic, SIL Open Font Licence 1.1,
# the same licence and the same OFL.txt as the Noto Sans and Serif subsets beside it).
# Kept: the Arabic blocks (Arabic, Supplement, Extended-A), both presentation-form
# blocks, the Arabic digits, comma, semicolon, question mark and percent sign (all in
# U+0600-06FF), the joiners and direction marks, and the ASCII and Latin-1 punctuation
# Arabic text uses (« », full stop, brackets, digits). Every OpenType layout feature is
# kept (GSUB joining forms and ligatures, GPOS mark placement): without them the
# letters print unjoined. Hinting is dropped (PDFs are not hinted; WeasyPrint drops it too).
#
# Usage: tools/arabic-font.sh   (or: make fonts). Needs apt-get (Debian or Ubuntu) and
# the project's .venv (fontTools comes with WeasyPrint). Same source package, same bytes.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/templates/default/fonts"
subset="$here/.venv/bin/pyftsubset"
work=$(mktemp -d)
chmod 755 "$work"  # apt-get download runs as _apt when root
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -qq fonts-noto-core >/dev/null)
dpkg-deb -x "$work"/fonts-noto-core_*_all.deb "$work/x"
echo "from $(basename "$work"/fonts-noto-core_*_all.deb)"
unicodes="U+0020-007E,U+00A0,U+00AB,U+00BB,U+00D7,U+00F7,U+0600-06FF,U+0750-077F,U+08A0-08FF"
unicodes="$unicodes,U+200B-200F,U+2010-2015,U+2018-201F,U+2026,U+2066-2069,U+FB50-FDFF,U+FE70-FEFF"
for style in Regular Bold; do
  "$subset" "$work/x/usr/share/fonts/truetype/noto/NotoNaskhArabic-$style.ttf" \
    --unicodes="$unicodes" --layout-features='*' --no-hinting --desubroutinize \
    --name-IDs='*' --name-languages='*' --notdef-outline \
    --output-file="$out/NotoNaskhArabic-$style.ttf"
  echo "  $out/NotoNaskhArabic-$style.ttf: $(wc -c <"$out/NotoNaskhArabic-$style.ttf") bytes"
done
