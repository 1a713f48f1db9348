"""Hostile URL parameters on every page: quietly ignored, never an exception, nothing executed."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import db, params
from dashboard.navigation import PAGES, page_path
from tests.conftest import REPO

LONG = "A" * 10_000
HOSTILE = {
    "unknown_region": {"regio": "GM9999", "gemeente": "Atlantis (GM9999)", "provincie": "Mars"},
    "unknown_measure": {"maat": "Alles", "weergave": "Geheim", "uitsplitsing": "schoenmaat"},
    "wrong_type_year": {"jaar": "abc", "basisjaar": "1.5", "peers": "veel", "kwartaal": "x"},
    "out_of_range_year": {"jaar": "1900", "basisjaar": "2999", "peers": "999"},
    "very_long": {"regio": LONG, "maat": LONG, "zoek": LONG, "gemeente": LONG},
    "sql_drop": {"regio": "'; drop table students; --", "zoek": "'; drop table raadpleging; --"},
    "sql_param": {"maat": "$measure", "zoek": "$term", "hogeschool": "$institution"},
    "sql_tautology": {"groep": "x' or '1'='1", "sector": "1 or 1=1", "hoofdstuk": "0 or 1=1"},
    "html_script": {"regio": "<script>alert(1)</script>", "zoek": "<script>alert(1)</script>"},
    "html_img": {"maat": "<img src=x onerror=alert(1)>", "vraag": "<img src=x onerror=alert(1)>"},
    "markdown": {"zoek": "**vet** [link](javascript:alert(1))", "groep": "# kop"},
    "lookalike_unicode": {"maat": "Εerstejaars", "regio": "Noord\u2010Brabant"},
    "empty_values": {"regio": "", "maat": "", "groep": "", "jaar": ""},
    "presentation_bad": {
        "presentatie": "1",
        "toon": "<script>x</script>",
        "nr": "-5",
        "dia": "../../etc/passwd",
    },
    "presentation_unknown_slide": {"presentatie": "1", "toon": "bestaat-niet", "nr": "abc"},
    "null_bytes": {"regio": "Utrecht\x00", "zoek": "a\x00b"},
}
# every parameter any page reads (dashboard/params.py), each sent the same hostile values at once
EVERY_PARAM = {
    "every_param_script": "<script>alert(1)</script>",
    "every_param_sql": "'; drop table students; --",
    "every_param_long": LONG,
}
for _case, _value in EVERY_PARAM.items():
    HOSTILE[_case] = dict.fromkeys(sorted(params.all_keys()), _value)

# The cases a page's own hostile test runs in the fast tier: every parameter at once with script,
# SQL and a 10 kB value, plus a hostile presentation. The others run in the slow tier.
FAST_CASES = ("every_param_script", "every_param_sql", "every_param_long", "presentation_bad")


def cases(names: object) -> list:
    """``names`` as parametrize values: the FAST_CASES in the fast tier, the rest marked slow."""
    return [
        pytest.param(n, id=n, marks=() if n in FAST_CASES else pytest.mark.slow)
        for n in sorted(names)
    ]


def _row_counts(d: db.Database) -> dict[str, int]:
    return {
        t: d.con.execute(f"select count(*) from {t}").fetchone()[0]  # noqa: S608 - fixed names
        for t in ("students", "raadpleging", "cbs_vacancies", "population")
    }


@pytest.fixture(scope="module")
def counts_before():
    d = db.connect(REPO / "data")
    yield _row_counts(d)
    d.close()


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(HOSTILE))
@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.url_path or "overzicht")
def test_hostile_url_is_ignored(spec, case, counts_before):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for k, v in HOSTILE[case].items():
        at.query_params[k] = v
    at.switch_page(spec.path).run()  # a fresh session on this link (tests/apptest.py)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "page did not render its title"
    for el in at.markdown:
        assert "<script" not in el.value.lower(), "data text reached the page as HTML"
        assert "onerror=" not in el.value.lower()
    from dashboard import queries as q

    assert _row_counts(q.database()) == counts_before


def test_hostile_cases_cover_every_parameter():
    sent = {k for case in HOSTILE.values() for k in case}
    assert params.all_keys() <= sent, params.all_keys() - sent


def test_repeated_keys_take_a_valid_value():
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["maat"] = ["Eerstejaars", "Gediplomeerd"]
    at.switch_page(page_path("instroom")).run()
    assert not at.exception
    assert at.session_state["maat"] == "first_years"  # the first valid value wins


def test_data_label_with_html_and_markdown_is_shown_as_text():
    """A programme/question label with HTML or markdown must be shown literally."""
    from dashboard import ui

    label = "<b>vet</b> **ster** [x](javascript:alert(1)) $x$ :red[rood]"
    escaped = ui.plain(label)
    for token in ("**", "[x]", "$x$", ":red["):
        assert token not in escaped
    at = AppTest.from_function(_caption_app, args=(label,))
    at.run()
    assert not at.exception
    shown = at.caption[0].value
    assert "<b>" not in shown or "\\<b\\>" in shown


def _caption_app(label: str) -> None:
    import streamlit as st

    from dashboard import ui

    st.caption(ui.plain(label))
