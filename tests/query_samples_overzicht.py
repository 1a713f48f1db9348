"""Sample parameters for the start page's queries."""

SAMPLES = {
    "overview__survey_headlines": {"survey_year": 2024},
    "overview__forecast_headline": {"branche": "welzijn", "occupation": "sociaal werk"},
    "overview__programmes_counted": {"programmes": ["34116", "80142"]},
}
