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

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"


def main(argv: list[str] | None = None) -> int:
    PagesManager.uses_pages_directory = False  # pages come from st.navigation, never pages/*.py
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
