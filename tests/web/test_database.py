"""The database: migrations match the models, SQLite is tuned, constraints hold."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, text

from app.extensions import db
from tests.conftest import make_app


@pytest.fixture
def empty_database_url(database_url, tmp_path):
    """A database with no tables, on the same backend as database_url."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'migrated.sqlite'}"
        return
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS migration_check"))
        connection.execute(text("CREATE DATABASE migration_check"))
    yield database_url.rsplit("/", 1)[0] + "/migration_check"
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS migration_check WITH (FORCE)"))
    admin.dispose()


def test_migrations_build_exactly_the_models_and_go_back_down(empty_database_url):
    app = make_app(empty_database_url)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            differences = compare_metadata(context, db.metadata)
        assert differences == []
        downgrade(revision="base")
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert context.get_current_revision() is None
        db.engine.dispose()


def test_existing_engagements_take_their_countrys_currency(empty_database_url):
    app = make_app(empty_database_url)
    with app.app_context():
        upgrade(revision="0020")
        with db.engine.begin() as connection:
            for name, country in (("Ege", "TR"), ("Rhein", "DE"), ("Kutup", "AQ")):
                connection.execute(
                    text(
                        "INSERT INTO engagements (name, sector, size, country,"
                        " report_language, created_at) VALUES (:name, 'Food',"
                        " 'small', :country, 'tr', CURRENT_TIMESTAMP)"
                    ),
                    {"name": name, "country": country},
                )
        upgrade()
        with db.engine.connect() as connection:
            rows = connection.execute(text("SELECT name, currency FROM engagements"))
            # Antarctica has no currency of its own: the fallback
            assert dict(rows.all()) == {"Ege": "TRY", "Rhein": "EUR", "Kutup": "EUR"}
        db.engine.dispose()


def test_sqlite_enforces_foreign_keys_and_uses_wal(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'tuned.sqlite'}")
    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    with app.app_context():
        db.engine.dispose()
