"""Sample parameters for the Regio queries (merged into tests/query_samples.py)."""

from __future__ import annotations

STUDENTS = {
    "measure": "first_years",
    "breakdowns": ["volledig", "opleiding"],
    "programmes": ["34116", "35158"],
    "study_modes": None,
    "genders": None,
    "institution": None,
}

SAMPLES: dict[str, dict] = {
    "peers__by_population": {"level": "gemeente", "region_code": "GM0363", "peer_count": 5},
    "regions__students_yearly": {
        **STUDENTS,
        "level": "arbeidsmarktregio",
        "region_code": "AM22",
        "peer_codes": ["AM18", "AM13"],
        "base_year": 2020,
    },
    "regions__vacancies_quarterly": {
        "sbi_code": "422400",
        "region_code": "PV27",
        "peer_codes": ["PV28", "PV30"],
        "base_year": 2015,
    },
    "options__province_periods": {"sbi_code": "422400"},
}
