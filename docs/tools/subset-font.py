#!/usr/bin/env python3
"""Build the bundled Simplified Chinese UI fonts (assets/fonts/NotoSansSC-*.otf).

Takes the "Noto Sans CJK SC" face out of Debian's fonts-noto-cjk collections
(/usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc) and subsets it
with fontTools to the characters this app can need:

  * Basic Latin, Latin-1 Supplement, Latin Extended-A, Latin Extended-B
    (pinyin tone marks such as ǎ ǐ ǒ ǔ ǘ), IPA ə/Ə (Azerbaijani, Uzbek)
  * combining diacritical marks, spacing modifier letters
  * Greek and Coptic (U+0370-03FF), Cyrillic (U+0400-04FF)
  * General Punctuation (U+2000-206F), currency symbols (U+20A0-20CF),
    letterlike symbols (№ ℃ ™ ...), number forms, arrows (U+2190-21FF),
    mathematical operators (U+2200-22FF), geometric shapes (U+25A0-25FF),
    a few dingbats/misc symbols (★ ☆ ✓ ✗ ...)
  * CJK Symbols and Punctuation (U+3000-303F),
    Halfwidth and Fullwidth Forms (U+FF00-FFEF)
  * every character of GB2312 (all 6763 hanzi plus its symbol rows), derived by
    decoding every valid two-byte GB2312 code
  * every character appearing in any assets/**/*.ron file of this repository
    (so re-run this script whenever content is added)

Code points the source face does not cover are skipped silently by the
subsetter; the script prints the ones coming from the .ron content so that
missing glyphs are noticed.

Hinting, vertical-layout tables (vhea/vmtx/VORG), BASE and the language
variants reachable only through 'locl'/vertical GSUB features are dropped.
The output is CFF-flavoured OpenType (.otf), loadable by ttf-parser/ab_glyph,
skrifa (egui) and swash/cosmic-text.

It also writes assets/fonts/LICENSE-OFL.txt: the copyright notices (the
Debian copyright file's "Files: *" entry and the notice embedded in the font,
name ID 0) followed by the SIL OFL 1.1 text taken verbatim (de-indented) from
/usr/share/doc/fonts-noto-cjk/copyright.

Usage (from anywhere; needs `pip install fonttools` and the Debian package
`fonts-noto-cjk`):

    python3 docs/tools/subset-font.py            # writes assets/fonts/*.otf
    python3 docs/tools/subset-font.py --check    # also verify a few sample characters

Options:
    --src-dir DIR   directory holding NotoSansCJK-*.ttc
                    (default /usr/share/fonts/opentype/noto)
    --out-dir DIR   output directory (default <repo>/assets/fonts)
    --check         after writing, assert sample characters are in each cmap
"""

import argparse
import glob
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FACE_FAMILY = "Noto Sans CJK SC"
WEIGHTS = {
    "Regular": "NotoSansCJK-Regular.ttc",
    "Bold": "NotoSansCJK-Bold.ttc",
}

RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A
    (0x0180, 0x024F),  # Latin Extended-B (pinyin tone marks, etc.)
    (0x0259, 0x0259),  # ə (Azerbaijani)
    (0x02B0, 0x02FF),  # Spacing Modifier Letters (ˇ ˉ ˊ ˋ ˙)
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x04FF),  # Cyrillic
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols (€ ₽ ₸ ₹ ₺ ₼ ...)
    (0x2100, 0x214F),  # Letterlike Symbols (№ ℃ ™ ...)
    (0x2150, 0x218F),  # Number Forms (Ⅰ Ⅱ ½ ...)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ...)
    (0x25A0, 0x25FF),  # Geometric Shapes (● ■ ▲ ◆ ...)
    (0x2600, 0x26FF),  # Miscellaneous Symbols (★ ☆ ...)
    (0x2700, 0x27BF),  # Dingbats (✓ ✗ ...)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
# Explicitly wanted (mostly already inside the ranges above).
EXTRA_CHARS = "×÷→←↑↓·¥€°№‰±≤≥≈≠…—–‘’“”•℃"

# GSUB features that only pull in glyph variants a horizontal zh-Hans UI
# never uses (other-locale forms, vertical forms).
DROP_FEATURES = {"locl", "vert", "vrt2", "vkna", "vhal", "vpal", "valt", "vkrn"}

CHECK_TEXT = "重庆博览中心上合组织唐卡Привет№×→·¥€°"


def gb2312_chars():
    """Every character of GB2312, by decoding each valid two-byte code."""
    out = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.update(ch)
    return out


def asset_chars():
    files = sorted(glob.glob(os.path.join(REPO, "assets", "**", "*.ron"), recursive=True))
    chars = set()
    for path in files:
        with open(path, encoding="utf-8") as f:
            chars.update(f.read())
    # Control characters (newline, tab) are not glyphs.
    chars = {c for c in chars if ord(c) >= 0x20}
    return files, chars


def wanted_codepoints():
    cps = set()
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    cps.update(ord(c) for c in EXTRA_CHARS)
    cps.update(ord(c) for c in gb2312_chars())
    files, chars = asset_chars()
    cps.update(ord(c) for c in chars)
    return cps, files, chars


def load_face(ttc_path):
    coll = TTCollection(ttc_path, lazy=True)
    for index, face in enumerate(coll.fonts):
        if face["name"].getDebugName(1) == FACE_FAMILY:
            return TTFont(ttc_path, fontNumber=index, recalcTimestamp=False)
    sys.exit(f"{ttc_path}: no face with family name {FACE_FAMILY!r}")


def subset_face(font, codepoints):
    opts = subset.Options()
    opts.hinting = False
    opts.desubroutinize = False  # keep CFF subroutines: smaller file
    opts.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "DSIG"]
    opts.layout_features = [f for f in subset.Options().layout_features if f not in DROP_FEATURES]
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]
    opts.name_languages = [0x409]
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.recalc_bounds = True
    opts.prune_unicode_ranges = True
    s = subset.Subsetter(options=opts)
    s.populate(unicodes=sorted(codepoints))
    s.subset(font)
    return font


def write_license(out_dir, src_font_path, copyright_file="/usr/share/doc/fonts-noto-cjk/copyright"):
    """LICENSE-OFL.txt from the Debian copyright file (DEP-5 format)."""
    with open(copyright_file, encoding="utf-8") as f:
        paragraphs = f.read().split("\n\n")
    files_star = next(p for p in paragraphs if p.startswith("Files: *"))
    lic = next(p for p in paragraphs if p.startswith("License: SIL-1.1"))
    body = []
    for line in lic.splitlines()[1:]:
        line = line[1:] if line.startswith(" ") else line
        body.append("" if line == "." else line)
    embedded = TTFont(src_font_path)["name"].getDebugName(0)
    text = (
        "Noto Sans CJK SC (subset shipped as NotoSansSC-Regular.otf / NotoSansSC-Bold.otf)\n"
        "\n"
        "Copyright notice embedded in the fonts (name ID 0):\n"
        f"  {embedded}\n"
        "\n"
        "Debian fonts-noto-cjk copyright file (/usr/share/doc/fonts-noto-cjk/copyright):\n"
        + "\n".join("  " + l for l in files_star.splitlines()) + "\n"
        "\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "The license text below is reproduced verbatim from that Debian copyright file.\n"
        "\n"
        + "\n".join(body).rstrip() + "\n"
    )
    out = os.path.join(out_dir, "LICENSE-OFL.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {out}")


def check(path, text=CHECK_TEXT):
    cmap = TTFont(path)["cmap"].getBestCmap()
    missing = [c for c in text if ord(c) not in cmap]
    status = "OK" if not missing else f"MISSING {''.join(missing)!r}"
    print(f"  check {os.path.basename(path)}: {text!r} -> {status} ({len(cmap)} code points)")
    return not missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src-dir", default="/usr/share/fonts/opentype/noto")
    ap.add_argument("--out-dir", default=os.path.join(REPO, "assets", "fonts"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    cps, files, chars = wanted_codepoints()
    print(f"{len(files)} .ron files, {len(chars)} distinct characters in them; "
          f"{len(cps)} code points requested")
    os.makedirs(args.out_dir, exist_ok=True)

    ok = True
    for weight, ttc in WEIGHTS.items():
        src = os.path.join(args.src_dir, ttc)
        font = load_face(src)
        have = set(font["cmap"].getBestCmap())
        absent = sorted(c for c in chars if ord(c) not in have and not c.isspace())
        if absent:
            print(f"  WARNING {weight}: characters used in assets but absent from "
                  f"{FACE_FAMILY}: " + " ".join(f"{c!r}(U+{ord(c):04X})" for c in absent))
        subset_face(font, cps)
        out = os.path.join(args.out_dir, f"NotoSansSC-{weight}.otf")
        font.save(out)
        n = len(font["cmap"].getBestCmap())
        print(f"wrote {out}: {os.path.getsize(out):,} bytes, {n} code points, "
              f"{len(font.getGlyphOrder())} glyphs")
        if args.check:
            ok &= check(out)
    write_license(args.out_dir, os.path.join(args.out_dir, "NotoSansSC-Regular.otf"))
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
