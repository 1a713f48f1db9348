"""A real `streamlit run` server on a free port, and Playwright on Debian chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from dashboard import serve
from tests.conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(data_dir=None):
    """Start the dashboard on a free port; yield its URL once /_stcore/health answers.

    ``data_dir``: serve the snapshots of another data folder (DASHBOARD_DATA_DIR). Each pytest
    process (each xdist worker) starts its own servers; a port another process grabbed between
    choosing and binding it makes the server exit, and it is started again on a new port.
    """
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if data_dir is not None:
        env["DASHBOARD_DATA_DIR"] = str(data_dir)
    deadline = time.time() + 60
    for _attempt in range(3):
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        # SWIC_E2E_SERVER_LOG=path keeps the server's output (for chasing a failure)
        log_path = os.environ.get("SWIC_E2E_SERVER_LOG")
        log = Path(log_path).open("ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
        proc = subprocess.Popen(
            serve.command(port), cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            if serve.wait_healthy(url, proc, timeout=max(deadline - time.time(), 1)):
                yield url
                return
            if proc.poll() is None:
                pytest.fail("streamlit did not become healthy within 60 s")
        finally:
            serve.stop(proc)
            if log_path:
                log.close()
    pytest.fail("streamlit exited at start three times (ports taken?)")


@pytest.fixture(scope="session")
def server_url():
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "locale": "nl-NL"}


def wait_ready(page, timeout: int = 30000) -> None:
    """Script finished and the page's last element (the chrome component) is mounted."""
    page.wait_for_selector(READY, timeout=timeout)
    page.wait_for_function("document.documentElement.lang === 'nl'", timeout=timeout)


ALL_CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .every(c => c.querySelector('svg.marks, canvas.marks'))"""


def wait_charts(page, timeout: int = 30000) -> None:
    """Every Vega-Lite chart on the page has drawn its root mark (no fixed waits, as Streamlit's
    own e2e suite waits for the graphics document in e2e_playwright/shared/vega_utils.py; some of
    our charts switch Vega's ARIA roles off, so the root ``.marks`` element is the signal)."""
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=timeout)
