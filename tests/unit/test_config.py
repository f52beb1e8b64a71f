"""Configuration rules that need neither an app nor a database."""

import secrets

import pytest

from app.config import (
    InsecureConfigurationError,
    ensure_secret_key,
    estimated_entropy_bits,
    from_environment,
)

#: a key made as the refusal message says
GOOD_KEY = secrets.token_urlsafe(48)


def test_production_refuses_to_start_without_a_key(tmp_path):
    with pytest.raises(InsecureConfigurationError):
        ensure_secret_key({"APP_ENV": "production"}, str(tmp_path))


def test_production_refuses_a_short_key(tmp_path):
    with pytest.raises(InsecureConfigurationError):
        ensure_secret_key({"APP_ENV": "production", "SECRET_KEY": "dev"}, str(tmp_path))


def test_production_accepts_a_random_key_and_writes_nothing(tmp_path):
    config = {"APP_ENV": "production", "SECRET_KEY": GOOD_KEY}
    ensure_secret_key(config, str(tmp_path))
    assert config["SECRET_KEY"] == GOOD_KEY
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.parametrize(
    "key",
    [
        "a" * 32,
        "k" * 64,
        "ab" * 32,
        "password123password123password123",
        "changeme-changeme-changeme-changeme",
    ],
)
def test_production_refuses_a_long_key_of_low_entropy(tmp_path, key):
    with pytest.raises(InsecureConfigurationError, match="too predictable") as error:
        ensure_secret_key({"APP_ENV": "production", "SECRET_KEY": key}, str(tmp_path))
    assert "secrets.token_urlsafe(48)" in str(error.value)


def test_production_refuses_the_development_key_file(tmp_path):
    development = {"APP_ENV": "development"}
    ensure_secret_key(development, str(tmp_path))
    copied = {"APP_ENV": "production", "SECRET_KEY": development["SECRET_KEY"]}
    with pytest.raises(InsecureConfigurationError, match="development key") as error:
        ensure_secret_key(copied, str(tmp_path))
    assert "secrets.token_urlsafe(48)" in str(error.value)


def test_production_accepts_a_key_other_than_the_development_one(tmp_path):
    ensure_secret_key({"APP_ENV": "development"}, str(tmp_path))
    ensure_secret_key({"APP_ENV": "production", "SECRET_KEY": GOOD_KEY}, str(tmp_path))


@pytest.mark.parametrize(
    "key, bits",
    [("a" * 32, 0), ("ab" * 16, 32), ("abcd" * 8, 64), ("0123456789abcdef", 64)],
)
def test_entropy_is_length_times_the_shannon_entropy_of_the_characters(key, bits):
    assert estimated_entropy_bits(key) == pytest.approx(bits)


def test_the_generated_keys_are_all_accepted():
    # the development key (token_hex(32)) and the suggested one, many times over
    for _ in range(2000):
        assert estimated_entropy_bits(secrets.token_hex(32)) >= 128
        assert estimated_entropy_bits(secrets.token_urlsafe(48)) >= 128


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
