"""A refresh while the dashboard runs: a new session sees the new snapshot, without a restart."""

from __future__ import annotations

import csv
import io
import re
import shutil
import time

import pytest

from pipeline import refresh
from tests.conftest import RAW, REPO
from tests.e2e.conftest import READY, streamlit_server

pytestmark = pytest.mark.e2e
FIRST = RAW / "duo_hbo_2020plus" / "eerstejaarsingeschrevenenhbo.csv"


def _snapshot_id(page, url: str) -> str:
    page.goto(f"{url}/over")
    page.wait_for_selector(READY, timeout=60_000)
    text = page.get_by_text(re.compile("Snapshot-id:")).first.inner_text()
    return re.search(r"Snapshot-id: (\w+)", text).group(1)


def _next_vintage(tmp_path) -> tuple[str, int]:
    with FIRST.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    newest = max(int(r["STUDIEJAAR"]) for r in rows)
    new = [{**r, "STUDIEJAAR": str(newest + 1)} for r in rows if r["STUDIEJAAR"] == str(newest)]
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows + new)
    path = tmp_path / "next.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return str(path), newest + 1


def test_new_session_sees_refreshed_snapshot_without_restart(page, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    with streamlit_server(data) as url:
        before = _snapshot_id(page, url)
        path, new_year = _next_vintage(tmp_path)
        rc = refresh.main([path, "--raw", str(data / "raw"), "--out", str(data)])
        assert rc == 0
        deadline = time.time() + 20
        after = before
        while after == before and time.time() < deadline:
            time.sleep(1)
            page.context.clear_cookies()
            after = _snapshot_id(page, url)
        assert after != before, "a running server kept serving the old snapshot"
        # the new year is offered and shown: the Instroom KPI moves to it by default
        page.goto(f"{url}/instroom?maat=Eerstejaars")
        page.wait_for_selector(READY, timeout=60_000)
        kpi = page.get_by_test_id("stMetric").first.inner_text()
        assert f"Eerstejaars {new_year}" in kpi, kpi
