"""'Download als PowerPoint': the deck as .pptx, built on click from the slides as drawn.

The slides are the ones captured in this session (``present.deck_slides``), so every figure on
a slide equals the figure on screen. Nothing is written to disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from dashboard import deck_pptx
from dashboard import queries as q
from dashboard.slides import Slide

MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def absolute(relative: str | None) -> str:
    """The deck's live link as an absolute URL (the base of this session's address)."""
    if not relative:
        return ""
    base = urlsplit(str(st.context.url or ""))
    if not base.scheme or not base.netloc:
        return ""
    path, _, query = relative.removeprefix("./").partition("?")
    return urlunsplit((base.scheme, base.netloc, "/" + path, query, ""))


def download_button(slides: Sequence[Slide], total: int, live_link: str, key: str) -> None:
    """The PowerPoint download for the captured slides, with a note on slides not yet loaded."""
    if not slides:
        return
    missing = total - len(slides)
    if missing:
        st.caption(
            f"{missing} dia('s) uit een gedeelde link zijn in deze sessie nog niet geopend en "
            "komen niet in de PowerPoint. Presenteer ze eenmaal om ze mee te nemen."
        )
    built = str(q.database().manifest.get("built_at") or "")
    st.download_button(
        "Download als PowerPoint",
        data=lambda: deck_pptx.build(list(slides), live_link, q.snapshot_id(), built),
        file_name=f"presentatie-sociaal-werk-in-cijfers-{date.today().isoformat()}.pptx",
        mime=MIME,
        key=key,
        icon=":material/download:",
        on_click="ignore",
        help="Een titeldia met de link naar deze presentatie, dan één dia per grafiek met "
        "bron en peildatum; definities en kanttekeningen in de notities.",
    )
