"""The one error type of the build: it names file, row and column, in Dutch and English."""

from __future__ import annotations

import sys
from pathlib import Path


class BuildError(Exception):
    """A problem with an input file. The build stops and leaves the current snapshots alone."""

    def __init__(self, path: Path | str, row: int | None, column: str | None, message: str):
        self.path = Path(path)
        self.row = row
        self.column = column
        self.message = message
        where = self.path.name
        if row is not None:
            where += f", regel {row}"
        if column:
            where += f", kolom {column}"
        super().__init__(f"{where}: {message}")


def report_failure(exc: Exception, outcome: str, subject: str = "") -> int:
    """Print the one-line ``FOUT / ERROR`` message of a failed build or refresh; exit code 1.

    A BuildError already names file, row and column; any other error gets ``subject`` (the
    input files) and its type in front. ``outcome`` says, in Dutch and English, what was kept.
    """
    detail = str(exc) if isinstance(exc, BuildError) else f"{subject}{type(exc).__name__}: {exc}"
    print(f"FOUT / ERROR: {detail}. {outcome}", file=sys.stderr)
    return 1
