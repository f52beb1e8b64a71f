"""flask analyze: the analysis on a transactions file, without the database."""

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from app.analyze_command import analyze_command
from assessments.analysis import COLUMNS

TURKISH_FILE = (
    "Cari Kod;Tarih;Tutar\n"
    "0012;05.12.2025;1.250,50\n"
    "0012;20.12.2025;99,50\n"
    "0034;01.03.2025;10,00\n"
    "0056;15.12.2025;-5,00\n"
)


@pytest.fixture
def turkish_file(tmp_path):
    path = tmp_path / "satislar.csv"
    path.write_text(TURKISH_FILE, encoding="utf-8-sig")
    return path


def analyze(runner, path, out, *extra):
    return runner.invoke(
        analyze_command,
        args=[
            str(path),
            "--customer-col",
            "Cari Kod",
            "--date-col",
            "Tarih",
            "--amount-col",
            "Tutar",
            "--date-format",
            "%d.%m.%Y",
            "--sep",
            ";",
            "--decimal",
            ",",
            "--out",
            str(out),
            *extra,
        ],
    )


#: What the help of the command loads, asked in a fresh process as a user would.
_HELP_IMPORTS = """
import sys
from flask.cli import cli
try:
    cli.main(["analyze", "--help"])
except SystemExit:
    pass
print(sorted(set(sys.argv[1:]) & set(sys.modules)))
"""

#: What the help must not wait for: the web app (its factory, models and
#: extensions), pandas, the analysis and the PDF renderer.
_HEAVY = ["wsgi", "app.models", "flask_sqlalchemy", "pandas", "weasyprint"]
_HEAVY += ["renderer.layout", "assessments.analysis"]


def test_the_help_builds_no_app_and_loads_no_renderer_nor_pandas():
    """The app takes a second and more to build, WeasyPrint half a second to
    import: Flask finds the command by its entry point, before any app."""
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "-c", _HELP_IMPORTS, *_HEAVY],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "FLASK_APP": "wsgi"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert "Analyse a transactions file" in result.stdout
    assert result.stdout.strip().endswith("[]")


def test_an_analysis_date_after_today_is_refused(runner, turkish_file, tmp_path):
    out = tmp_path / "out.csv"
    result = analyze(runner, turkish_file, out, "--as-of", "2999-01-01")
    assert result.exit_code == 2
    assert "2999-01-01 is after today" in result.output
    assert not out.exists()


def test_a_turkish_file_gives_one_row_per_customer(runner, turkish_file, tmp_path):
    out = tmp_path / "out.csv"
    result = analyze(runner, turkish_file, out, "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.output
    assert "4 transactions of 3 customers" in result.output
    table = pd.read_csv(out, dtype={"customer": "string"}).set_index("customer")
    assert list(table.columns) == list(COLUMNS)
    assert table.loc["0012", ["recency", "frequency", "monetary"]].tolist() == [
        11,
        2,
        1350.0,
    ]
    assert table.loc["0056", "value_group"] == "bz"


def test_a_missing_column_is_named(runner, turkish_file, tmp_path):
    result = runner.invoke(
        analyze_command,
        args=[
            str(turkish_file),
            "--customer-col",
            "Müşteri",
            "--date-col",
            "Tarih",
            "--amount-col",
            "Tutar",
            "--sep",
            ";",
            "--out",
            str(tmp_path / "o.csv"),
        ],
    )
    assert result.exit_code != 0
    assert "satislar.csv: no column 'Müşteri'" in result.output


def test_a_bad_date_names_its_row_and_column(runner, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("c;d;a\n1;05.12.2025;1\n2;31.02.2025;2\n", encoding="utf-8")
    result = runner.invoke(
        analyze_command,
        args=[
            str(path),
            "--customer-col",
            "c",
            "--date-col",
            "d",
            "--amount-col",
            "a",
            "--date-format",
            "%d.%m.%Y",
            "--sep",
            ";",
            "--out",
            str(tmp_path / "o.csv"),
        ],
    )
    assert result.exit_code != 0
    assert "bad.csv, row 3, column 'd': '31.02.2025' is not a date" in result.output
    assert not (tmp_path / "o.csv").exists()
