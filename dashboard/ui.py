"""Page building blocks: availability checks, source captions, KPI cards, chart blocks."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlencode, urlsplit, urlunsplit

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import charts, exports, fmt, navigation, present, screen, slide_view
from dashboard import queries as q

_MD = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def unavailable(*tables: str) -> bool:
    """Show a Dutch message and return True when a snapshot this view needs is missing/corrupt."""
    db = q.database()
    missing = [t for t in tables if t in db.problems]
    if not missing:
        return False
    reasons = "; ".join(f"{t}: {db.problems[t]}" for t in missing)
    st.warning(
        f"Deze gegevens zijn nu niet beschikbaar ({reasons}). De andere pagina's werken gewoon. "
        "Beheerders: herbouw de gegevens met `python -m pipeline.build`.",
        icon="⚠️",
    )
    return True


def manifest_entry(name: str) -> dict:
    return q.database().manifest.get("snapshots", {}).get(name, {})


def provenance(
    name: str, title: str, filters: str = "", peildatum: str | None = None
) -> exports.Provenance:
    e = manifest_entry(name)
    return exports.Provenance(
        title=title,
        source=f"{e.get('publisher', 'onbekend')} – {e.get('title', name)}",
        peildatum=peildatum or e.get("peildatum", "onbekend"),
        licence=e.get("licence", "onbekend"),
        filters=filters,
    )


def source_caption(prov: exports.Provenance, definition: str = "") -> None:
    """Definition, peildatum and bron under a chart (plain text, never HTML)."""
    parts = []
    if definition:
        parts.append(f"Definitie: {definition}")
    parts.append(f"Peildatum: {prov.peildatum}")
    parts.append(f"Bron: {prov.source}")
    parts.append(f"Licentie: {prov.licence}")
    st.caption(_plain(" · ".join(parts)))


def view_url() -> str:
    """The absolute URL of this view: page address plus its filters (no presentation state).

    Built from st.context.url (scheme, host, page path) and the query parameters with urllib;
    empty when the browser did not report its URL (AppTest).
    """
    base = urlsplit(str(st.context.url or ""))
    if not base.scheme or not base.netloc:
        return ""
    return urlunsplit(
        (base.scheme, base.netloc, base.path, urlencode(present.current_params()), "")
    )


def version_date() -> str:
    """The build date of the snapshot on screen, in Dutch ('1 december <jaar>')."""
    built = str(q.database().manifest.get("built_at") or "")
    try:
        day = datetime.fromisoformat(built)
    except ValueError:
        return ""
    return fmt.date_long(day.day, day.month, day.year)


def citation(title: str, url: str | None = None) -> str:
    """'Citeer als': publisher, title, data version (build date) and the URL of the view."""
    parts = [navigation.PUBLISHER, f"„{title}”"]
    date = version_date()
    if date:
        parts.append(f"gegevens van {date}")
    url = view_url() if url is None else url
    if url:
        parts.append(url)
    return "Citeer als: " + ", ".join(parts)


def key_figure_from(summary: str, title: str = "") -> str:
    """Default headline figure of a block: the last point its text alternative names
    ("laatste jaar …: minimaal 49.864"), after the chart title; else its first sentence."""
    text = " ".join(str(summary).split())
    # not after a leading chapter number: "11. Vitaliteit …" is one sentence, not "11."
    cut = re.search(r"(?<=[.!?])(?<!^\d\.)(?<!^\d\d\.)\s+(?=[A-Z0-9„\"(])", text)
    first = text[: cut.start()] if cut else text
    last = first.rsplit(";", 1)[-1].strip().rstrip(".")
    if ";" in first and "laatste" in last and any(ch.isdigit() for ch in last):
        return f"{title} – {last}" if title else last
    return first


_PRESENT_BUTTONS = (  # label, key suffix, icon, callback, help
    (
        "Presenteer",
        "present",
        ":material/slideshow:",
        present.start,
        "Toon alleen deze grafiek, groot en zonder menu's (Esc sluit).",
    ),
    (
        "Voeg toe aan presentatie",
        "add",
        ":material/playlist_add:",
        present.add_slide,
        "Zet deze grafiek, met deze keuzes, in de presentatie (zie de zijbalk).",
    ),
)


def chart_block(
    chart: alt.TopLevelMixin | Callable[[], alt.TopLevelMixin],
    data: pd.DataFrame | Callable[[], pd.DataFrame],
    prov: exports.Provenance,
    summary: str,
    key: str,
    definition: str = "",
    subtitle: str = "",
    key_figure: str = "",
    caveats: tuple[str, ...] = (),
    spec: dict | None = None,
) -> None:
    """A chart with its text alternative, source line, data table, downloads and presenting.

    In presentation mode only the chart whose key is in the URL (``toon``) is drawn, large.
    Every drawn block registers itself for this run, so "Voeg toe aan presentatie" can freeze
    it as a slide (``present.register``). ``chart`` and ``data`` may be builders, called only
    when needed; ``spec``, when given, is the ready ``screen_spec`` of the chart.
    """
    if present.active() and present.shown_key() != key:
        return
    ref = present.BlockRef(
        chart=chart,
        prov=prov,
        summary=summary,
        definition=definition,
        subtitle=subtitle,
        key_figure=key_figure or key_figure_from(summary, prov.title),
        caveats=tuple(caveats),
    )
    present.register(key, ref)
    if present.active():
        _slide(ref)
        return
    if spec is None:
        spec = screen.remembered(ref.the_chart(), f"{prov.title}. {summary}")
    draw(spec)
    st.caption("Samenvatting: " + _plain(summary))
    source_caption(prov, definition)
    st.caption(_plain(citation(prov.title)))
    row = st.container(horizontal=True)  # one block, not a row of three columns (fewer elements)
    for label, suffix, icon, action, tip in _PRESENT_BUTTONS:
        row.button(label, key=f"{key}-{suffix}", icon=icon, on_click=action, args=(key,), help=tip)
    # the table and downloads are built only while the expander is open (saves every rerun)
    with st.expander("Gegevens en downloads", key=f"{key}-data", on_change="rerun") as box:
        if box.open:
            table = data if isinstance(data, pd.DataFrame) else data()
            st.dataframe(table, hide_index=True, width="stretch")
            downloads(ref.the_chart(), table, prov, key, definition)


_DOWNLOADS = (  # label, extension, mime type
    ("CSV (Excel NL)", "csv", "text/csv"),
    ("XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("PNG", "png", "image/png"),
    ("SVG", "svg", "image/svg+xml"),
)


def _download_data(kind: str, chart: alt.TopLevelMixin, data: pd.DataFrame, prov):
    """The file of one kind, built only when its button is clicked."""
    if kind == "csv":
        return lambda: exports.to_csv(data, prov)
    if kind == "xlsx":
        return lambda: exports.to_xlsx(data, prov)
    return lambda: exports.to_image(charts.to_spec(chart), prov, kind)


def downloads(
    chart: alt.TopLevelMixin,
    data: pd.DataFrame,
    prov: exports.Provenance,
    key: str,
    definition: str = "",
) -> None:
    """CSV, XLSX, PNG and SVG of one chart, each with its provenance (and definition).

    File names say what was selected (title and selection); built on click.
    """
    if definition and not prov.definition:
        prov = dataclasses.replace(prov, definition=definition)
    stem = exports.file_stem(prov)
    for col, (label, kind, mime) in zip(st.columns(len(_DOWNLOADS)), _DOWNLOADS, strict=True):
        col.download_button(
            label,
            _download_data(kind, chart, data, prov),
            file_name=f"{stem}.{kind}",
            mime=mime,
            key=f"{key}-{kind}",
            on_click="ignore",
        )


def dark_theme() -> bool:
    theme = st.context.theme or {}
    return theme.get("type") == "dark"


def show_chart(chart: alt.TopLevelMixin, description: str = "") -> None:
    """Draw a chart (validated by the tests, not on every rerun); dark ink swapped on dark.

    ``description`` becomes the accessible name of the chart's SVG (Vega's aria-label).
    """
    draw(screen.remembered(chart, description))


def draw(spec: dict) -> None:
    """Send a ``screen_spec`` to the browser, in dark ink on a dark page."""
    st.vega_lite_chart(charts.for_theme(spec, dark=dark_theme()), width="stretch")


def _slide(ref: present.BlockRef) -> None:
    """One chart as a slide (slide_view: it fills the screen, long comparisons in parts)."""
    slide_view.draw(ref, plain, dark_theme())


def plain(text: object) -> str:
    """Escape markdown so data text is shown as text (the one escape helper; never HTML)."""
    return _MD.sub(r"\\\1", str(text))


_plain = plain


def kpi(
    col: st.delta_generator.DeltaGenerator,
    label: str,
    value: str,
    delta: str | None = None,
    help_text: str | None = None,
    sentence: str = "",
) -> None:
    """A KPI card; ``sentence`` is the ready-to-copy figure with its source (copy icon)."""
    if present.active():
        return
    if delta is not None:
        delta = delta.replace("\u2212", "-")  # Streamlit reads the direction from an ASCII '-'
    col.metric(label, value, delta=delta, help=help_text, border=True)
    if sentence:
        # the code block (and Streamlit's code-highlighter bundle) only once the popover opens:
        # it was the largest fixed cost of a first render (bench: profile in the #20 note)
        key = "copy-" + hashlib.blake2s(f"{label}|{sentence}".encode(), digest_size=6).hexdigest()
        box = col.popover(
            "Kopieer cijfer met bron", icon=":material/content_copy:", key=key, on_change="rerun"
        )
        if box.open:
            with box:
                st.code(sentence, language=None, wrap_lines=True)


def change_text(change: object, pct: object) -> str | None:
    if change is None or pd.isna(change):
        return None
    return f"{fmt.signed(change)} ({fmt.pct(pct, signed=True)}) t.o.v. vorig jaar"


def estimate_note(df: pd.DataFrame, year: int) -> None:
    """Name the regions whose inhabitants (the per-1.000 denominator) are reconstructed."""
    est = df[df["is_population_estimate"].fillna(False).astype(bool)]
    if len(est):
        st.caption(
            f"Geschat inwonertal {year} voor: {', '.join(dict.fromkeys(est['region_name']))}. "
            "Deze gemeenten zijn later samengevoegd of gesplitst; CBS-cijfers zijn omgerekend naar "
            "de huidige indeling, naar rato van de inwoners die CBS per opvolger noemt."
        )
