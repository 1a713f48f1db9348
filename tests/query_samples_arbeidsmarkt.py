"""Sample parameters for the Arbeidsmarkt queries (merged into tests/query_samples.py)."""

SAMPLES: dict[str, dict] = {
    "vacancies__regions": {},
    "vacancies__period_context": {},
    "vacancies__population_years": {},
    "vacancies__yearly_by_sector": {"region_code": "PV28", "sbi_codes": ["422400", "T001081"]},
    "vacancies__region_ranking": {
        "sbi_code": "422400",
        "level": "provincie",
        "year": 2020,
        "quarter": 2,
    },
    "forecast__shortages": {},
    "forecast__notes": {},
    "forecast__growth_per_year": {},
    "kengetallen__by_theme": {"themes": ["arbeidsmarkt", "sector", "maatschappij"]},
    "survey__retention_signals": {
        "chapter": 11,
        "refs": ["Figuur 11.2", "Figuur 11.5", "Figuur 11.6"],
    },
    "vacancies__nsa_series": {"region_code": "NL01", "sbi_codes": ["422400", "T001081"]},
    "vacancies__quarterly_nsa": {"region_code": "PV28", "sbi_codes": ["422400", "T001081"]},
    "vacancies__seasonally_adjusted": {"sbi_codes": ["422400", "T001081"]},
    "vacancies__bases_compared": {"sbi_codes": ["422400", "T001081"]},
    "sociaal_werk__vacaturegraad": {},
    "forecast__editions": {},
    "supply__programme_levels": {"measure": "graduates", "programmes": ["34116", "35158"]},
    "supply__part_time_share": {"programmes": ["34116", "34608", "34610"]},
}
