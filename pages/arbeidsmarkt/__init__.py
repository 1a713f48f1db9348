"""Arbeidsmarkt page: vacancies, regions, forecast, key figures, supply, survey signals."""
