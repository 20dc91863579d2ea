#!/usr/bin/env python3
"""Prints each pavilion's name in its own script for the booth's back wall.

Reads `native_name: Some((text: "…", print: "names/xx.png"))` from every zone file in the
content folder and renders the text, shaped (Arabic joining, Devanagari, Khmer and Sinhala
clusters), as white letters on a transparent 512 × 128 picture: the hall tints it with the
booth's colour. Needs `pango-view` (Debian `pango1.0-tools`), ImageMagick's `convert` and the
Noto fonts (Debian `fonts-noto-core`, SIL Open Font License 1.1).

    python3 tools/native-names.py [assets]
"""

import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

WIDTH, HEIGHT, MARGIN = 512, 128, 8

# The Noto face for each script; Latin and Cyrillic use Noto Sans.
FONTS = {
    "ARABIC": "Noto Naskh Arabic Bold",
    "ARMENIAN": "Noto Sans Armenian Bold",
    "DEVANAGARI": "Noto Sans Devanagari Bold",
    "KHMER": "Noto Sans Khmer Bold",
    "SINHALA": "Noto Sans Sinhala Bold",
}

NATIVE_NAME = re.compile(r'native_name:\s*Some\(\(text:\s*"([^"]+)",\s*print:\s*"([^"]+)"\)\)')


def font_for(text: str) -> str:
    for char in text:
        name = unicodedata.name(char, "")
        for script, font in FONTS.items():
            if name.startswith(script):
                return font
    return "Noto Sans Bold"


def render(text: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch) / "raw.png"
        subprocess.run(
            ["pango-view", "--no-display", "--pixels", "--margin=4", "--background=transparent",
             "--foreground=#FFFFFF", f"--font={font_for(text)} 96", f"--output={raw}",
             f"--text={text}"],
            check=True,
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["convert", str(raw), "-trim", "+repage",
             "-resize", f"{WIDTH - 2 * MARGIN}x{HEIGHT - 2 * MARGIN}",
             "-background", "none", "-gravity", "center", "-extent", f"{WIDTH}x{HEIGHT}",
             "-strip", f"PNG32:{out}"],
            check=True,
        )


def main() -> None:
    content = Path(sys.argv[1] if len(sys.argv) > 1 else "assets")
    for zone in sorted(content.glob("zones/*.zone.ron")):
        for text, print_path in NATIVE_NAME.findall(zone.read_text(encoding="utf-8")):
            render(text, content / print_path)
            print(f"{print_path}: {text} ({font_for(text)})")


if __name__ == "__main__":
    main()
