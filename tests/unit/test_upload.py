"""Own-figures upload: matching gemeenten and every hostile file gives a clear Dutch message."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from openpyxl import Workbook

from dashboard import upload
from tests.conftest import RAW, REPO

FIX = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module")
def gemeenten() -> pd.DataFrame:
    """The 342 gemeenten of 2023, straight from the raw CBS geo file (not the snapshot)."""
    doc = json.loads((RAW / "cbs_gemeenten_2023_geo" / "gemeenten.json").read_text("utf-8"))
    rows = [
        (f["properties"]["gemeentecode"], f["properties"]["gemeentenaam"])
        for f in doc["features"]
        if f["properties"]["gemeentecode"] != "GM0998"
    ]
    df = pd.DataFrame(rows, columns=["gemeente_code", "gemeente_name"])
    assert len(df) == 342
    return df


def _parse(name: str, gemeenten: pd.DataFrame, data: bytes | None = None):
    data = data if data is not None else (FIX / name).read_bytes()
    return upload.parse(data, name, gemeenten)


def test_three_unmatched_names_are_listed_exactly(gemeenten):
    r = _parse("upload_unmatched.csv", gemeenten)
    assert sorted(r.unmatched["invoer"]) == ["Atlantis", "Bergen", "Nieuw-Vennep"]
    assert "dubbelzinnig" in r.unmatched.set_index("invoer").loc["Bergen", "reden"]
    assert r.unmatched.set_index("invoer").loc["Atlantis", "regel"] == 8  # line in the file
    assert any("3 regel(s) niet gekoppeld" in m for m in r.messages)


def test_name_variants_and_codes_match(gemeenten):
    r = _parse("upload_unmatched.csv", gemeenten)
    got = dict(zip(r.values["gemeente_name"], r.values["value"], strict=True))
    assert got == {
        "Amsterdam": 12.5,
        "'s-Gravenhage": 10.1,
        "Súdwest-Fryslân": 8.0,
        "'s-Hertogenbosch": 9.3,
        "Zwolle": 7.2,
        "Rotterdam": 11.0,
        "Bergen (NH.)": 4.9,
    }
    assert r.variables == ["cliënten per 1.000"]


@pytest.mark.parametrize("text", ["GM0363", "363", "0363", "gm363", " Amsterdam ", "AMSTERDAM"])
def test_code_and_name_forms(gemeenten, text):
    by_name, names = upload.gemeente_lookup(gemeenten)
    assert upload.match_gemeente(text, by_name, names) == ("GM0363", "")


def test_cp1252_file_is_decoded(gemeenten):
    r = _parse("upload_cp1252.csv", gemeenten)
    assert set(r.values["gemeente_code"]) == {"GM1900", "GM0518"}
    assert r.unmatched.empty


def test_utf16_is_refused_with_dutch_message(gemeenten):
    with pytest.raises(upload.UploadError, match=r"UTF-16.*CSV UTF-8"):
        _parse("upload_utf16.csv", gemeenten)


def test_undecodable_bytes_give_dutch_message(gemeenten):
    data = b"gemeente;jaar;waarde\nAmsterdam;2023;1\n" + b"\x81\x8d\x8f;2023;1\n"
    with pytest.raises(upload.UploadError, match="tekenset"):
        _parse("x.csv", gemeenten, data)


def test_no_header_is_an_error(gemeenten):
    with pytest.raises(upload.UploadError, match="Geen kopregel"):
        _parse("upload_noheader.csv", gemeenten)


def test_formula_cells_stay_text(gemeenten):
    r = _parse("upload_formula.csv", gemeenten)
    assert r.variables == ["aantal"]  # the link column has no numbers
    formulas = r.problems[r.problems["probleem"].str.startswith("formule")]
    assert list(formulas["invoer"]) == [
        '=HYPERLINK("http://example.org","klik")',
        '=HYPERLINK("http://example.org","klik")',
        "=1+1",
    ]
    assert any("nooit uitgevoerd" in m for m in r.messages)
    assert sorted(r.values["value"]) == [90.0, 100.0, 110.0]


def test_xlsx_formula_is_read_as_text_not_evaluated(gemeenten):
    wb = Workbook()
    ws = wb.active
    ws.append(["gemeente", "jaar", "waarde", "bron"])
    ws.append(["Utrecht", 2023, 4.5, '=HYPERLINK("http://example.org","x")'])
    ws.append(["Zwolle", 2023, "=2*3", "tekst"])
    buf = io.BytesIO()
    wb.save(buf)
    r = _parse("eigen.xlsx", gemeenten, buf.getvalue())
    cells = set(r.problems["invoer"])
    assert '=HYPERLINK("http://example.org","x")' in cells
    assert "=2*3" in cells  # not 6
    vals = r.values.set_index("gemeente_name")["value"]
    assert vals["Utrecht"] == 4.5
    assert pd.isna(vals["Zwolle"])


def test_too_large_is_rejected_before_parsing(gemeenten):
    msg = upload.size_error(upload.MAX_BYTES + 1)
    assert msg is not None
    assert "te groot" in msg
    assert "10 MB" in msg
    assert upload.size_error(upload.MAX_BYTES) is None
    big = b"\xff" * (upload.MAX_BYTES + 1)  # would be a decoding error if it were parsed
    with pytest.raises(upload.UploadError, match="te groot"):
        _parse("groot.csv", gemeenten, big)


def test_binary_garbage_named_csv(gemeenten):
    garbage = bytes(range(256)) * 40
    with pytest.raises(upload.UploadError, match="binaire gegevens"):
        _parse("plaatje.csv", gemeenten, garbage)
    with pytest.raises(upload.UploadError, match="geen Excel-bestand"):
        _parse("nep.xlsx", gemeenten, b"gemeente;jaar\n")
    with pytest.raises(upload.UploadError, match="XLSX-bestand kon niet"):
        _parse("kapot.xlsx", gemeenten, b"PK\x03\x04" + b"\x00" * 200)


def test_duplicates_negative_and_nan_are_reported(gemeenten):
    r = _parse("upload_dupes.csv", gemeenten)
    assert list(r.duplicates["gemeente_name"]) == ["Amsterdam"]
    assert r.duplicates["regel"].tolist() == [3]
    vals = r.values.set_index("gemeente_name")["value"]
    assert vals["Amsterdam"] == 12  # the first row counts
    assert pd.isna(vals["Rotterdam"])  # -5 -> NULL
    assert pd.isna(vals["Utrecht"])  # NaN -> NULL
    assert pd.isna(vals["Zwolle"])  # empty -> NULL
    assert vals["Groningen"] == 7.5
    text = " ".join(r.messages)
    assert "1 dubbele regel" in text
    assert "1 negatieve waarde" in text
    assert "2 lege of niet-numerieke" in text


@pytest.mark.parametrize(
    ("text", "sep", "expected"),
    [
        ("1.234,5", ";", 1234.5),
        ("1,234.5", ",", 1234.5),
        ("12,5", ";", 12.5),
        ("1.234", ";", 1234.0),
        ("1.5", ",", 1.5),
        ("abc", ";", None),
        ("NaN", ";", None),
    ],
)
def test_parse_number(text, sep, expected):
    assert upload.parse_number(text, sep) == expected


def test_unmatched_reason_counts_the_gemeenten_it_searched(gemeenten):
    """The reason names how many gemeenten were searched (from the data), not a typed number."""
    by_name, names = upload.gemeente_lookup(gemeenten)
    code, reason = upload.match_gemeente("Atlantis", by_name, names)
    assert code is None
    assert f"tussen de {len(gemeenten)} gemeenten" in reason
    few = gemeenten.head(3)
    _, reason = upload.match_gemeente("Atlantis", *upload.gemeente_lookup(few))
    assert "tussen de 3 gemeenten" in reason
    _, reason = upload.match_gemeente("GM9999", by_name, names)
    assert reason.startswith("onbekende gemeentecode GM9999")


# ---------------------------------------------------------------- issue 18: year optional, template


def test_file_without_year_column_is_one_period(gemeenten):
    data = b"gemeente;waarde\nZwolle;7,2\nDen Bosch;9,3\n's-Gravenhage;10,1\nAtlantis;5\n"
    r = _parse("zonder_jaar.csv", gemeenten, data)
    assert not r.has_year
    assert r.values["year"].isna().all()
    got = dict(zip(r.values["gemeente_name"], r.values["value"], strict=True))
    assert got == {"Zwolle": 7.2, "'s-Hertogenbosch": 9.3, "'s-Gravenhage": 10.1}
    assert r.unmatched["invoer"].tolist() == ["Atlantis"]
    assert r.unmatched["reden"].iloc[0].startswith("naam niet gevonden tussen de 342")
    assert r.unmatched["regel"].tolist() == [5]
    assert "jaar onbekend" in r.messages[0]
    assert r.variables == ["waarde"]


def test_without_year_a_gemeente_twice_is_a_duplicate(gemeenten):
    data = b"gemeente;waarde\nZwolle;1\nGM0193;2\n"
    r = _parse("dubbel.csv", gemeenten, data)
    assert r.values["value"].tolist() == [1.0]
    assert r.duplicates["regel"].tolist() == [3]
    assert any("voor dezelfde gemeente;" in m for m in r.messages)


def test_missing_gemeente_column_still_refused(gemeenten):
    with pytest.raises(upload.UploadError, match="mist een gemeentekolom"):
        _parse("x.csv", gemeenten, b"plaats;waarde\nZwolle;1\n")


def _template_rows(data: bytes) -> list[list[str]]:
    import csv

    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_template_csv_lists_every_gemeente_with_empty_cells(gemeenten):
    rows = _template_rows(upload.template_csv(gemeenten))
    assert rows[0] == ["gemeentecode", "gemeentenaam", "jaar", "waarde"]
    body = rows[1:]
    assert len(body) == 342
    assert {r[0] for r in body} == set(gemeenten["gemeente_code"])
    assert {r[0]: r[1] for r in body}["GM0518"] == "'s-Gravenhage"
    assert all(r[2] == "" and r[3] == "" for r in body)


def test_filled_template_csv_is_accepted(gemeenten):
    rows = _template_rows(upload.template_csv(gemeenten))
    filled = {"GM0193": "7,2", "GM0363": "12,5"}
    lines = [";".join(rows[0])] + [
        ";".join([r[0], r[1], r[2], filled.get(r[0], r[3])]) for r in rows[1:]
    ]
    r = _parse("sjabloon.csv", gemeenten, "\n".join(lines).encode("utf-8"))
    assert not r.has_year  # the year column was left empty: one period
    assert dict(zip(r.values["gemeente_code"], r.values["value"], strict=True)) == {
        "GM0193": 7.2,
        "GM0363": 12.5,
    }
    assert r.unmatched.empty
    assert r.problems.empty
    assert any(m.startswith("340 regel(s) met alleen een gemeente") for m in r.messages)


def test_template_xlsx_round_trips(gemeenten):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(upload.template_xlsx(gemeenten)))
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("gemeentecode", "gemeentenaam", "jaar", "waarde")
    assert len(rows) == 343
    assert {r[0] for r in rows[1:]} == set(gemeenten["gemeente_code"])
    ws["C2"], ws["D2"] = 2023, 4.5  # one row with a year and a value
    code = ws["A2"].value
    buf = io.BytesIO()
    wb.save(buf)
    r = _parse("sjabloon.xlsx", gemeenten, buf.getvalue())
    assert r.has_year
    assert r.values[["gemeente_code", "year", "value"]].values.tolist() == [[code, 2023, 4.5]]
    assert r.unmatched.empty  # the 341 unfilled rows are skipped, not 'geen geldig jaar'
