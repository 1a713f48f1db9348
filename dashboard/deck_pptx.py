"""The deck as a PowerPoint file (python-pptx): a title slide, then one 16:9 slide per chart.

Each chart slide carries the chart as a sharp PNG rendered server-side (vl-convert, without its
own title: the slide has it), the title, the selection, the key figure large and the source
line; definition, summary and caveats go into the speaker notes. No Streamlit; nothing is
written to disk.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence
from datetime import date, datetime

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard import chart_images, charts, fmt, navigation
from dashboard.slides import Slide

TITLE = "Sociaal Werk in Cijfers – presentatie"
AUTHOR = "Sociaal Werk in Cijfers"
SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)  # 13,333 × 7,5 inch: 16:9
MARGIN = Inches(0.5)
TITLE_PT, SUBTITLE_PT, FIGURE_PT, BODY_PT = 32, 20, 40, 18
SOURCE_CHARS_PER_LINE = 105  # the Bron line at 18 pt across the slide's width
# chart width in CSS px before scaling (twice that in pixels: 1.600 px for a chart area of about
# 1.240 px on a 1920 px wide screen); fonts and sizes keep their proportion to it. Fewer pixels
# than before (1000 px) cut vl-convert's raster time without a visible difference on a slide.
CHART_PX = 800
CHART_SCALE = 2
CHART_FONT_PX = 18
AXIS_LABEL_PX = 450  # long category names stay whole
CHART_MIN_HEIGHT = 416
BAR_STEP_PX = 28
INK = RGBColor(0x11, 0x11, 0x11)
MUTED = RGBColor(0x33, 0x33, 0x33)
ACCENT = RGBColor(0x00, 0x72, 0xB2)


def _dutch_date(day: date) -> str:
    return fmt.date_long(day.day, day.month, day.year)


def _built_date(built: str) -> str:
    try:
        return _dutch_date(datetime.fromisoformat(built))
    except ValueError:
        return built


def _for_room(node: object, key: str = "") -> object:
    """Fixed width, whole labels (no '…'), taller plots and larger value labels for a slide."""
    if isinstance(node, list):
        return [_for_room(v, key) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k == "width" and v == "container":
            out[k] = CHART_PX
        elif k == "labelLimit":
            out[k] = CHART_PX if key == "legend" else AXIS_LABEL_PX
        elif k == "height" and isinstance(v, int):
            out[k] = max(v, CHART_MIN_HEIGHT)
        elif k == "height" and isinstance(v, dict) and isinstance(v.get("step"), int):
            out[k] = {**v, "step": max(v["step"], BAR_STEP_PX)}
        elif k == "mark" and isinstance(v, dict) and v.get("type") == "text":
            out[k] = {**v, "fontSize": max(v.get("fontSize", 0), CHART_FONT_PX - 4)}
        else:
            out[k] = _for_room(v, k if k in ("legend", "axis") else key)
    return out


def chart_spec(spec: dict) -> dict:
    """The page's spec for a slide: no title or subtitle (the slide has them), legend kept,
    fixed width, fonts sized for a room (light theme, Dutch locale)."""
    out = {k: v for k, v in spec.items() if k not in ("title", "autosize")}
    out = _for_room(out)
    cfg = dict(out.get("config") or charts.config())
    size = CHART_FONT_PX
    cfg["axis"] = {**cfg.get("axis", {}), "labelFontSize": size, "titleFontSize": size}
    cfg["legend"] = {
        **cfg.get("legend", {}),
        "labelFontSize": size,
        "titleFontSize": size,
        "labelLimit": CHART_PX,
        "symbolSize": 160,
    }
    cfg["text"] = {**cfg.get("text", {}), "fontSize": size - 4}
    out["config"] = cfg
    out["background"] = "white"
    out["padding"] = 12
    return out


def chart_png(spec: dict, snapshot_id: str = "") -> bytes:
    """The slide's chart as PNG (cached per snapshot and spec: a deck downloaded again is not
    rendered again)."""
    return chart_images.render(chart_spec(spec), "png", CHART_SCALE, snapshot_id)


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _text(shape, lines: Sequence[tuple[str, int, bool]], color=INK, link: str = "") -> None:
    """Fill a shape's text frame: (text, size pt, bold) per paragraph; Dutch, wrapped."""
    tf = shape.text_frame
    tf.clear()
    tf.word_wrap = True
    for i, (text, size, bold) in enumerate(lines):
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        run = para.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = color
        run.font.language_id = MSO_LANGUAGE_ID.DUTCH
        if link and text == link:
            run.hyperlink.address = link
            run.font.color.rgb = ACCENT
            run.font.underline = True


def _box(slide, left, top, width, height, lines, color=INK, anchor=MSO_ANCHOR.TOP, link=""):
    box = slide.shapes.add_textbox(left, top, width, height)
    box.text_frame.vertical_anchor = anchor
    _text(box, lines, color, link)
    return box


def _title(slide, text: str, size: int = TITLE_PT) -> None:
    shape = slide.shapes.title
    shape.left, shape.top = MARGIN, Inches(0.3)
    shape.width, shape.height = SLIDE_W - 2 * MARGIN, Inches(1.0)
    _text(shape, [(text, size, True)])
    shape.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    shape.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT


def _notes(slide, s: Slide, link: str) -> None:
    parts = []
    if s.definition:
        parts.append(f"Definitie: {s.definition}")
    parts.append(f"Samenvatting: {s.summary}")
    note = chart_note(s.spec, s.subtitle)
    if note:
        parts.append(f"Bij de grafiek: {note}")
    for caveat in s.caveats:
        parts.append(f"Let op: {caveat}")
    if s.prov.filters:
        parts.append(f"Selectie: {s.prov.filters}")
    parts.append(f"Bron: {s.prov.source} (peildatum {s.prov.peildatum}). {s.prov.licence}.")
    if link:
        parts.append(f"Live in het dashboard: {link}")
    slide.notes_slide.notes_text_frame.text = "\n\n".join(parts)


def chart_note(spec: dict, selection: str) -> str:
    """The chart's own subtitle (notes such as a basis or a break), which the slide image drops;
    without the selection, which the slide shows."""
    title = spec.get("title")
    sub = title.get("subtitle") if isinstance(title, dict) else None
    text = " ".join([sub] if isinstance(sub, str) else list(sub or []))
    text = " ".join(text.split())
    if selection and text.startswith(" ".join(selection.split())):
        text = text[len(" ".join(selection.split())) :].strip()
    return text


def _absolute(deck_url: str, link: str) -> str:
    """The slide's own view as an absolute URL (next to the deck's), or '' when unknown."""
    if not deck_url or "://" not in deck_url:
        return ""
    scheme, rest = deck_url.split("://", 1)
    host = rest.split("/", 1)[0]
    return f"{scheme}://{host}/{link.lstrip('/')}"


def _title_slide(prs, deck_url: str, snapshot_id: str, built: str, today: date, n: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    _title(slide, TITLE, 40)
    slide.shapes.title.top, slide.shapes.title.height = Inches(1.4), Inches(1.6)
    lines = [
        (_dutch_date(today), 28, False),
        (f"{n} grafieken uit het dashboard {navigation.PUBLISHER}", BODY_PT + 2, False),
        (f"Gegevens van {_built_date(built)} · versie (snapshot) {snapshot_id}", BODY_PT, False),
    ]
    _box(slide, MARGIN, Inches(3.2), SLIDE_W - 2 * MARGIN, Inches(1.9), lines, MUTED)
    if deck_url:
        link_lines = [("Open deze presentatie live in het dashboard:", BODY_PT, True)]
        link_lines.append((deck_url, BODY_PT, False))
    else:
        link_lines = [("Open het dashboard om deze presentatie live te zien.", BODY_PT, True)]
    _box(slide, MARGIN, Inches(5.2), SLIDE_W - 2 * MARGIN, Inches(1.8), link_lines, link=deck_url)


def figure_text(s: Slide) -> str:
    """The key figure as the slide shows it: without the chart title the slide already has."""
    text = s.key_figure.strip()
    for sep in (" – ", ": "):
        if s.title and text.startswith(s.title + sep):
            text = text[len(s.title) + len(sep) :]
    return text[:1].upper() + text[1:]


def figure_pt(text: str) -> int:
    """Large for a short figure; smaller so a sentence stays inside its column."""
    if len(text) <= 24:
        return FIGURE_PT
    return 28 if len(text) <= 60 else 20


def _chart_slide(prs, s: Slide, deck_url: str, snapshot_id: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    _title(slide, s.title)
    top = Inches(1.35)
    if s.subtitle:
        _box(
            slide,
            MARGIN,
            top,
            SLIDE_W - 2 * MARGIN,
            Inches(0.7),
            [(s.subtitle, SUBTITLE_PT, False)],
            MUTED,
        )
    # chart left, key figure right; the source line across the bottom
    # the source line across the bottom grows upwards with its length (never off the slide)
    source = f"Bron: {s.prov.source} (peildatum {s.prov.peildatum}). {s.prov.licence}."
    source_lines = max(2, -(-len(source) // SOURCE_CHARS_PER_LINE))
    source_top = SLIDE_H - Inches(0.15) - Inches(0.34) * source_lines
    area_top = Inches(2.15)
    area_h = source_top - area_top - Inches(0.1)
    side_w = Inches(3.4)
    chart_w = SLIDE_W - 2 * MARGIN - side_w - Inches(0.3)
    png = chart_png(s.spec, snapshot_id)
    px_w, px_h = _png_size(png)
    scale = min(chart_w / px_w, area_h / px_h)
    pic = slide.shapes.add_picture(
        io.BytesIO(png), MARGIN, area_top, Emu(int(px_w * scale)), Emu(int(px_h * scale))
    )
    pic._element.nvPicPr.cNvPr.set("descr", f"{s.title}. {s.summary}")  # alt text
    figure = figure_text(s)
    if figure:
        _box(
            slide,
            SLIDE_W - MARGIN - side_w,
            area_top,
            side_w,
            area_h,
            [("Kerncijfer", BODY_PT, False), (figure, figure_pt(figure), True)],
            ACCENT,
            anchor=MSO_ANCHOR.MIDDLE,
        )
    _box(
        slide,
        MARGIN,
        source_top,
        SLIDE_W - 2 * MARGIN,
        SLIDE_H - source_top - Inches(0.1),
        [(source, BODY_PT, False)],
        MUTED,
    )
    _notes(slide, s, _absolute(deck_url, s.link))


def build(
    slides: Sequence[Slide],
    deck_url: str,
    snapshot_id: str,
    built: str,
    today: date | None = None,
) -> bytes:
    """The deck as .pptx bytes: title slide (date, snapshot, live link), one slide per chart."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    day = today or date.today()
    _title_slide(prs, deck_url, snapshot_id, built, day, len(slides))
    for s in slides:
        _chart_slide(prs, s, deck_url, snapshot_id)
    cp = prs.core_properties
    cp.title = TITLE
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.language = "nl-NL"
    cp.subject = "; ".join(s.title for s in slides)
    cp.keywords = f"snapshot {snapshot_id}"
    cp.created = cp.modified = datetime(day.year, day.month, day.day)
    cp.revision = 1
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
