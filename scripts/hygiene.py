"""Pre-commit style checks (no network hooks here): large files, whitespace, EOF, test names."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
TEXT = {".py", ".sql", ".md", ".toml", ".txt", ".cfg", ".sh", ".yaml", ".yml"}
SKIP = ("data/raw/", "dashboard/assets/fonts/")  # as published: raw files, font + licence text
# which years exist is a fact of the data (dashboard/catalog.py), never of the code
YEAR = re.compile(r"\b(19|20)[0-9]{2}\b")
NO_YEARS = ("pages/", "dashboard/", "app.py")


def year_literals(name: str, text: str) -> list[str]:
    """Code lines (not comments) of pages/, dashboard/ and app.py that hold a year."""
    if not name.endswith(".py") or not name.startswith(NO_YEARS):
        return []
    return [
        f"{name}:{i}: year literal in code (read it from the data): {line.strip()[:80]}"
        for i, line in enumerate(text.splitlines(), 1)
        if YEAR.search(line) and not line.lstrip().startswith("#")
    ]


def main() -> int:
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], capture_output=True, text=True, check=True
    ).stdout.split()
    problems = []
    for name in files:
        path = Path(name)
        if not path.is_file():
            continue
        if path.stat().st_size > MAX_BYTES and not name.startswith(SKIP):
            problems.append(f"{name}: larger than {MAX_BYTES // 1024 // 1024} MB")
        if path.suffix in TEXT and not name.startswith(SKIP):
            text = path.read_text(encoding="utf-8")
            if text and not text.endswith("\n"):
                problems.append(f"{name}: no newline at end of file")
            for i, line in enumerate(text.splitlines(), 1):
                if line != line.rstrip():
                    problems.append(f"{name}:{i}: trailing whitespace")
                    break
            problems.extend(year_literals(name, text))
        if (
            name.startswith("tests/")
            and path.suffix == ".py"
            and path.parent.name in ("unit", "app", "e2e")
            and not path.name.startswith(("test_", "__", "conftest"))
        ):
            problems.append(f"{name}: test modules must be named test_*.py")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
