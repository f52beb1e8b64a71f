"""Configuration rules that need neither an app nor a database."""

import pytest

from app.config import (
    InsecureConfigurationError,
    ensure_secret_key,
    from_environment,
)


def test_production_refuses_to_start_without_a_key(tmp_path):
    with pytest.raises(InsecureConfigurationError):
        ensure_secret_key({"APP_ENV": "production"}, str(tmp_path))


def test_production_refuses_a_short_key(tmp_path):
    with pytest.raises(InsecureConfigurationError):
        ensure_secret_key({"APP_ENV": "production", "SECRET_KEY": "dev"}, str(tmp_path))


def test_production_accepts_a_long_key_and_writes_nothing(tmp_path):
    config = {"APP_ENV": "production", "SECRET_KEY": "k" * 40}
    ensure_secret_key(config, str(tmp_path))
    assert config["SECRET_KEY"] == "k" * 40
    assert not (tmp_path / "secret_key").exists()


def test_development_generates_a_key_once_and_keeps_it_private(tmp_path):
    first = {"APP_ENV": "development"}
    ensure_secret_key(first, str(tmp_path))
    second = {"APP_ENV": "development"}
    ensure_secret_key(second, str(tmp_path))
    assert len(first["SECRET_KEY"]) == 64
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    "url, expected",
    [
        ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgresql://u@h:5433/db", "postgresql+psycopg://u@h:5433/db"),
        ("sqlite:////tmp/x.sqlite", "sqlite:////tmp/x.sqlite"),
    ],
)
def test_database_url_selects_psycopg_for_postgresql(monkeypatch, url, expected):
    monkeypatch.setenv("DATABASE_URL", url)
    assert from_environment()["SQLALCHEMY_DATABASE_URI"] == expected
