"""Make the factsheet's fonts: DejaVu Sans (Debian fonts-dejavu-core) cut to the characters a
Dutch factsheet uses, so dashboard/factsheet.py parses and embeds them in milliseconds.

    .venv/bin/python scripts/subset_fonts.py [/usr/share/fonts/truetype/dejavu]

Kept: Latin-1, Latin Extended-A/B (Frisian and other place names), general punctuation
(– — „ ” • …), superscripts, currency, letterlike symbols, arrows and mathematical operators
(≈ ≤ ≥ −), geometric shapes. The licence (dashboard/assets/fonts/LICENSE-DejaVu.txt) allows
modification under another name than "Bitstream"/"Vera"; these stay "DejaVu".
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

OUT = Path(__file__).resolve().parent.parent / "dashboard" / "assets" / "fonts"
RANGES = [
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x2000, 0x206F),
    (0x2070, 0x209F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
    (0x25A0, 0x25FF),
]


def main() -> int:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu")
    unicodes = [u for a, b in RANGES for u in range(a, b + 1)]
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        options = subset.Options()
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.layout_features = ["kern", "liga"]
        font = subset.load_font(str(src / name), options)
        sub = subset.Subsetter(options)
        sub.populate(unicodes=unicodes)
        sub.subset(font)
        subset.save_font(font, str(OUT / name), options)
        print(name, (OUT / name).stat().st_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
