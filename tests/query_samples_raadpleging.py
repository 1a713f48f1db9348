"""Sample parameters for the queries/survey__*.sql files (merged into tests/query_samples.py)."""

from __future__ import annotations

SAMPLES: dict[str, dict] = {
    "survey__chapters": {"previous_round": 2020},
    "survey__questions": {"chapter": 9},
    "survey__question_figures": {
        "chapter": 9,
        "question": "Is de tijd die je besteedt aan administratie de afgelopen 2 jaar toe- of "
        "afgenomen?",
    },
    "survey__key_figures": {"current_round": 2024},
    "survey__comparison": {"current_round": 2024, "previous_round": 2020, "chapter": None},
    "survey__response": {"current_round": 2024, "previous_round": 2020},
    "survey__search": {"term": "administratie"},
}
