"""Structured (JSON lines) logging of errors, without personal data. No Streamlit import."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

_LOGGER = "swic"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
        }
        payload.update(getattr(record, "fields", {}))
        if record.exc_info:
            payload["error_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
        return json.dumps(payload, ensure_ascii=False)


def logger() -> logging.Logger:
    log = logging.getLogger(_LOGGER)
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log


def event(level: int, name: str, **fields: object) -> None:
    """Log one event with structured fields (never user input, IPs, cookies or uploads)."""
    logger().log(level, name, extra={"fields": fields})
