"""Sample parameters per queries/*.sql file, used by the meta-test (and bench/).

Themes keep their own samples in tests/query_samples_<theme>.py (a dict named SAMPLES); they are
merged in here.
"""

from __future__ import annotations

import importlib
from pathlib import Path

STUDENTS = {
    "measure": "first_years",
    "breakdowns": ["volledig", "opleiding"],
    "programmes": ["34116", "35158"],
    "study_modes": None,
    "genders": None,
    "institution": None,
}

SAMPLES: dict[str, dict] = {
    "students__yearly": {**STUDENTS, "region_code": "PV30"},
    "students__yearly_by_category": {**STUDENTS, "region_code": None, "dimension": "programme"},
    "students__by_region": {
        **STUDENTS,
        "level": "arbeidsmarktregio",
        "year": 2024,
        "base_year": 2020,
    },
    "options__programmes": {},
    "options__institutions": {},
    "options__regions": {},
    "options__sbi": {},
    "options__periods": {},
    "vacancies__by_region": {
        "sbi_code": "422400",
        "level": "provincie",
        "year": 2019,
        "quarter": 4,
        "base_year": 2018,
    },
    "vh__indicators": {},
}


for _path in sorted(Path(__file__).parent.glob("query_samples_*.py")):
    SAMPLES.update(importlib.import_module(f"tests.{_path.stem}").SAMPLES)
