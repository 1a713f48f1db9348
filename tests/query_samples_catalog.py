"""Sample parameters for the catalog queries (none take parameters)."""

SAMPLES = {
    "catalog__measure_years": {},
    "catalog__vacancy_periods": {},
    "catalog__survey_rounds": {},
    "catalog__cross_tabulated_years": {},
}
