"""The application factory: a table of contents of the product."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from app import (
    account,
    admin,
    auth,
    cli,
    design,
    engagements,
    errors,
    evidence,
    headers,
    i18n,
    implementation,
    jobs,
    navigation,
    planning,
    preparation,
    rate_limits,
    reports,
    request_size,
    tenancy,
    url_values,
)
from app import config as app_config
from app.auth.services import load_user
from app.extensions import babel, csrf, db, login_manager, migrate
from app.i18n.dates import use_one_date_style
from app.i18n.locale import SIGN_IN_FIRST, select_locale, select_timezone
from app.jobs import queue as job_queue
from app.jobs import services as job_services
from app.questionnaires import definitions as questionnaire_definitions
from app.questionnaires import routes as questionnaire_pages

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure an instance of the product."""
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    _configure(app, test_config)
    url_values.register(app)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    request_size.init_app(app)  # before the CSRF check reads any body
    csrf.init_app(app)
    headers.init_app(app)
    rate_limits.init_app(app)
    job_queue.init_app(app, job_services.run)
    _init_login(app)
    _init_i18n(app)
    tenancy.register_template_helpers(app)
    navigation.register_template_helpers(app)
    questionnaire_definitions.init_app(app)
    evidence.register_template_helpers(app)
    jobs.register_template_helpers(app)

    app.register_blueprint(auth.bp)
    app.register_blueprint(account.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(engagements.bp)
    app.register_blueprint(preparation.bp)
    app.register_blueprint(planning.bp)
    app.register_blueprint(design.bp)
    app.register_blueprint(implementation.bp)
    app.register_blueprint(questionnaire_pages.bp)
    app.register_blueprint(evidence.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(jobs.bp)

    app.register_blueprint(cli.bp)
    errors.register(app)
    return app


def _configure(app: Flask, test_config: dict | None) -> None:
    app.config.from_mapping(app_config.defaults(app.instance_path))
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_mapping(app_config.from_environment())
    if test_config is not None:
        app.config.from_mapping(test_config)
    app_config.ensure_secret_key(app.config, app.instance_path)
    if app.config["APP_ENV"] == "production":
        app.config["SESSION_COOKIE_SECURE"] = True


def _init_login(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = SIGN_IN_FIRST
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_user)


def _init_i18n(app: Flask) -> None:
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(PROJECT_ROOT / "translations")
    babel.init_app(
        app, locale_selector=select_locale, timezone_selector=select_timezone
    )
    use_one_date_style(app)
    i18n.register_template_helpers(app)
