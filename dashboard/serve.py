"""Start the dashboard server: ``python -m dashboard.serve [streamlit run options]``.

The same as ``streamlit run app.py …``, with one thing settled before the first request.
Streamlit 1.67 decides at the first session of a process whether a top-level ``pages/`` folder
means its old file-based multipage mode (``PagesManager.uses_pages_directory``; ``st.navigation``
switches it off only once a session has run app.py). Our pages are registered with
``st.navigation``, so a fresh server whose first request is a deep link (``/instroom``) would
flash a "Page not found" notice and make the page inert behind it. Settling the flag here makes
every first request behave like every later one (tests/e2e/test_deep_link.py).
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"


def main(argv: list[str] | None = None) -> int:
    PagesManager.uses_pages_directory = False  # pages come from st.navigation, never pages/*.py
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    return cli.main()


def command(port: int, script: Path | None = None) -> list[str]:
    """The argv of a headless local server on 127.0.0.1:<port> (tests/e2e and bench/ start it).

    Without ``script`` this dashboard through ``main`` above; else ``streamlit run <script>``.
    """
    target = ["dashboard.serve"] if script is None else ["streamlit", "run", str(script)]
    options = ["--server.headless", "true", "--server.port", str(port)]
    options += ["--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    return [sys.executable, "-m", *target, *options]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> bool:
    """True once <url>/_stcore/health answers 200; False when ``proc`` exits or time runs out."""
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        try:
            health = f"{url}/_stcore/health"  # our own http://127.0.0.1 server
            with urllib.request.urlopen(health, timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def stop(proc: subprocess.Popen) -> None:
    """Terminate a server started from ``command`` (kill it after 10 s)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
