"""Running the app in AppTest: a page's first load from a URL, and one shared load per URL.

Every page entry is named like its URL path (pages/<page>/<page>.py, checked in test_pages.py),
so ``switch_page`` before the first run already opens that page: a fresh session landing on a
shared link, as a browser does. No throw-away run of the start page first.

An AppTest run costs 0.5-3 s. Most tests only read what a URL shows, so ``shown`` loads each URL
once per test process and hands every such test the same finished AppTest. A test that clicks,
types, uploads or switches pages must take its own session from ``load``.
"""

from __future__ import annotations

from functools import cache

from streamlit.testing.v1 import AppTest

from dashboard import config
from tests.conftest import REPO

APP = str(REPO / "app.py")
TIMEOUT = 60


def load(path: str, **query: str) -> AppTest:
    """A fresh session's first run of page ``path`` with ``query`` as its URL parameters."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@cache
def _shown(path: str, data_dir: str, query: tuple[tuple[str, str], ...]) -> AppTest:
    return load(path, **dict(query))


def shown(path: str, **query: str) -> AppTest:
    """The finished first load of ``path`` with ``query``, shared by every test that reads it.

    Read only: never click, run or switch pages on it (use ``load``). Keyed by the data folder
    too, so a test that points the app at other data gets its own run.
    """
    return _shown(path, str(config.DATA_DIR), tuple(sorted(query.items())))


def popover_keys(at: AppTest) -> list[str]:
    """The user keys of every popover on the page (block id "$$ID-<hash>-<key>")."""
    keys: list[str] = []

    def walk(node: object) -> None:
        for child in getattr(node, "children", {}).values():
            proto = getattr(child, "proto", None)
            if proto is not None and getattr(child, "type", "") == "popover":
                keys.append(proto.popover.id.split("-", 2)[2])
            walk(child)

    walk(at._tree)
    return keys


def open_popovers(at: AppTest) -> AppTest:
    """Open every popover (as a click does) and rerun: their content is built only when open."""
    for key in popover_keys(at):
        at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
