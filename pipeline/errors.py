"""The one error type of the build: it names file, row and column, in Dutch and English."""

from __future__ import annotations

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
