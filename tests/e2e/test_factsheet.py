"""Real browser: download the Regio factsheet from the running app and open it with pypdf."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import wait_ready

pytestmark = pytest.mark.e2e


def test_factsheet_downloads_as_a_dutch_pdf(page, server_url):
    page.goto(f"{server_url}/regio?gemeente=Zwolle+%28GM0193%29")
    wait_ready(page, timeout=90000)  # a cold server on a loaded machine
    button = page.get_by_role("button", name=re.compile("Factsheet \\(PDF\\)"))
    button.wait_for(timeout=30000)
    with page.expect_download(timeout=120000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.startswith("factsheet-zwolle")
    assert download.suggested_filename.endswith(".pdf")
    reader = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    assert 1 <= len(reader.pages) <= 2
    assert reader.metadata.title == "Factsheet Zwolle"
    assert str(reader.trailer["/Root"]["/Lang"]).startswith("nl")
    text = "".join(p.extract_text() for p in reader.pages)
    flat = re.sub(r"\s+", "", text)
    assert "RegioZwolle" in flat
    assert "Bron:" in text
    assert re.sub(r"\s+", "", f"{server_url}/regio") in flat  # the deep link of the live view
